"""The run's one cache (#12): damage is set aside, an unusable folder runs uncached with one warning."""

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from factcheck import api, cache
from factcheck.cache import Cache, text_key
from factcheck.config import EmbedConfig, load_config
from factcheck.stages.embed import CACHE_FILE, embed_texts
from factcheck.stages.textcache import TextCache

from .conftest import SEEDS, FakeEmbedder

TEXTS = [f"Sentence number {i} says that {i * 7} people attended the meeting." for i in range(400)]


def _damage_btree(path: Path) -> None:
    """Overwrite the start of many pages after the first: the header stays valid, the b-tree is broken."""
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    assert data.startswith(b"SQLite format 3\x00")
    page = int.from_bytes(data[16:18], "big")
    for start in range(2 * page, len(data), 5 * page):
        data[start : start + 64] = b"\xde\xad" * 120
    path.write_bytes(bytes(data))


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_damaged_btree_is_set_aside_and_the_run_goes_on(tmp_path, caplog):
    # issue #12: a valid header over a broken b-tree failed every run after all the embedding work
    cfg, embedder = EmbedConfig(cache_dir=str(tmp_path)), FakeEmbedder()
    fresh, _ = embed_texts(TEXTS, embedder, cfg)
    _damage_btree(tmp_path / CACHE_FILE)
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        again, new = embed_texts(TEXTS, embedder, cfg)
    np.testing.assert_array_equal(again, fresh)
    assert new > 0
    assert (tmp_path / CACHE_FILE).with_suffix(".corrupt").is_file()
    assert any("was damaged" in m and "set aside" in m for m in _warnings(caplog))
    third, new = embed_texts(TEXTS, embedder, cfg)  # the fresh file serves the next run
    assert new == 0
    np.testing.assert_array_equal(third, fresh)


def test_damaged_text_cache_is_set_aside(tmp_path):
    docs = {text_key("v", t): f'["{t}"]' for t in TEXTS}
    TextCache(tmp_path, "claims").put_many(docs)
    _damage_btree(tmp_path / "claims.sqlite")
    text_cache = TextCache(tmp_path, "claims")
    text_cache.get_many(docs)  # finds the damage (or not, if no damaged page is read) ...
    text_cache.put_many(docs)  # ... and a write always does: set aside, written afresh
    assert TextCache(tmp_path, "claims").get_many(docs) == docs


def test_foreign_database_is_set_aside(tmp_path):
    with closing(sqlite3.connect(tmp_path / "claims.sqlite")) as con, con:
        con.execute("CREATE TABLE docs (id INTEGER, other TEXT)")
    text_cache = TextCache(tmp_path, "claims")
    text_cache.put_many({b"k": "[]"})
    assert text_cache.get_many([b"k"]) == {b"k": "[]"}
    assert (tmp_path / "claims.corrupt").is_file()


def test_stale_wal_of_a_damaged_file_is_moved_with_it(tmp_path):
    (tmp_path / "spans.sqlite").write_bytes(b"garbage" * 1000)
    (tmp_path / "spans.sqlite-wal").write_bytes(b"old wal" * 100)
    TextCache(tmp_path, "spans").put_many({b"k": "[]"})
    wal = tmp_path / "spans.sqlite-wal"
    assert not wal.exists() or b"old wal" not in wal.read_bytes()  # never replayed into the fresh file
    assert TextCache(tmp_path, "spans").get_many([b"k"]) == {b"k": "[]"}


def _read_only(monkeypatch) -> None:
    """Open every cache file read-only, as a read-only folder or file does (root ignores chmod)."""
    monkeypatch.setattr(cache, "_open", lambda path: sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1))


def _full_disk(monkeypatch) -> None:
    """Let no cache file grow by a page, as on a full disk: SQLite reports SQLITE_FULL."""
    real = sqlite3.connect

    def connect(path):
        con = real(path, timeout=1)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {max(pages, 2)}")
        return con

    monkeypatch.setattr(cache, "_open", connect)


@pytest.mark.parametrize("trouble", [_read_only, _full_disk], ids=["read_only", "full"])
def test_unusable_cache_folder_runs_uncached_with_one_warning(tmp_path, monkeypatch, caplog, trouble):
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}", "compare.parser="])
    api.analyse(sorted(SEEDS.glob("00[3-5]_*.txt")), cfg, embedder=FakeEmbedder())  # the cache is in use
    batch = sorted(SEEDS.glob("00[0-2]_*.txt"))  # new texts: every cache has something to write
    expected = api.analyse(
        batch, load_config(overrides=["embed.cache_dir=", "compare.parser="]), embedder=FakeEmbedder()
    )
    trouble(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        got = api.analyse(batch, cfg, embedder=FakeEmbedder())
    assert (got.articles, got.claims, got.findings) == (expected.articles, expected.claims, expected.findings)
    warnings = [m for m in _warnings(caplog) if "embed.cache_dir" in m]
    assert len(warnings) == 1, warnings  # one warning for the run, not one per cache or per write
    assert "running uncached" in warnings[0] and str(tmp_path / "cache") in warnings[0]


def test_cache_that_cannot_be_created_runs_uncached(tmp_path, caplog):
    (tmp_path / "file").write_text("")
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        c = Cache(tmp_path / "file" / "cache", "x")
        c.put_many({b"k": b"v"})
        assert c.get_many([b"k"]) == {}
    assert not c.enabled
    assert len(_warnings(caplog)) == 1


def test_the_language_detectors_answers_are_cached(tmp_path, monkeypatch):
    # #17: a warm run loads no language model; the same articles are kept and skipped as uncached
    from factcheck.stages import ingest

    german = "Der Stadtrat hat am Dienstag einen Haushalt von vier Millionen Euro beschlossen. " * 3
    french = "Le conseil municipal a vote mardi un budget de quatre millions d'euros pour les ecoles. " * 3
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "de.txt").write_text(german)
    (batch / "fr.txt").write_text(french)
    (batch / "en.txt").write_text("The council approved a budget of four million euros for the schools on Tuesday.")
    asked = []
    real = ingest.detect_language
    monkeypatch.setattr(ingest, "detect_language", lambda text: asked.append(text[:20]) or real(text))
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    uncached = ingest.load_articles([batch], cfg.ingest)
    assert len(asked) == 3
    first = ingest.load_articles([batch], cfg.ingest, cache_dir=cfg.embed.cache_dir)
    assert len(asked) == 6
    again = ingest.load_articles([batch], cfg.ingest, cache_dir=cfg.embed.cache_dir)
    assert len(asked) == 6  # every answer read from the cache
    assert uncached == first == again
    assert sorted(s.reason.split(",")[0] for s in again[1]) == ["language de", "language fr"]
    from factcheck.stages import language
    from factcheck.stages.textcache import code_version

    version = code_version(language)
    damaged = {text_key(version, text[: language.SAMPLE_CHARS]): "de\tnot a number" for text in (german, french)}
    TextCache(cfg.embed.cache_dir, "languages").put_many(damaged)
    assert ingest.load_articles([batch], cfg.ingest, cache_dir=cfg.embed.cache_dir) == first
    assert len(asked) == 8  # the damaged entries were detected again


def _open_at_once(folder, barrier, results):
    barrier.wait()
    cache.logger.handlers, messages = [], []
    handler = logging.Handler()
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    cache.logger.addHandler(handler)
    store = Cache(folder, "results")
    store.put_many({bytes([k]): b"x" for k in range(20)})
    results.put((store.enabled, messages))


def test_processes_creating_one_cache_file_at_once_all_use_it(tmp_path):
    # a feed's worker and the main process open a new file together; one of them turning it to WAL
    # had SQLite tell the other "database is locked" at once, which turned its cache off (#17)
    import multiprocessing

    context = multiprocessing.get_context("fork")
    outcomes = []
    for trial in range(30):
        barrier, results = context.Barrier(4), context.Queue()
        processes = [
            context.Process(target=_open_at_once, args=(tmp_path / str(trial), barrier, results)) for _ in range(4)
        ]
        for process in processes:
            process.start()
        outcomes += [results.get(timeout=60) for _ in processes]
        for process in processes:
            process.join()
    assert outcomes == [(True, [])] * 120
    assert len(Cache(tmp_path / "0", "results").get_many([bytes([k]) for k in range(20)])) == 20
