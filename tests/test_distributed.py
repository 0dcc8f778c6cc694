"""The Dask path gives the same reports as the single-process path, fact for fact (#7)."""

import logging
import sqlite3
from contextlib import closing
from datetime import date

import pytest

from factcheck.config import load_config
from factcheck.distributed import choose_mode, run_stories
from factcheck.errors import ConfigError
from factcheck.pipeline import RESULTS_CACHE
from factcheck.records import Article
from tests.conftest import FakeEmbedder

dask_distributed = pytest.importorskip("dask.distributed")


def _article(art_id, outlet, day, text):
    return Article(art_id, outlet, text.split(".")[0], None, date(2024, 3, day), "field", "", "", text)


STORIES = [
    [
        _article(
            "a1", "Daily", 4, "The storm killed 12 people in Harbour Town on Monday. Power lines fell across the bay."
        ),
        _article(
            "a2", "Herald", 4, "The storm killed 14 people in Harbour Town on Monday. Power lines fell across the bay."
        ),
        _article(
            "a3", "Wire", 5, "Officials said the storm killed 12 people in Harbour Town. Rescue teams searched homes."
        ),
    ],
    [
        _article(
            "b1", "Daily", 9, "Voters elected Maria Lopez mayor with 54 percent of the vote on Sunday in Riverton."
        ),
        _article("b2", "Post", 9, "Maria Lopez won the Riverton mayoral race with 51 percent of the vote on Sunday."),
    ],
    [
        _article(
            "c1", "Gazette", 12, "The city council approved a budget of 3 million dollars for new parks in Riverton."
        )
    ],
]
NAMES = ["story-001", "story-002", "story-003"]


@pytest.fixture(scope="module")
def cluster():
    cluster = dask_distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )
    yield cluster
    cluster.close()


def _facts(report):
    sentences = {s.id: s.text for s in report.sentences}
    return [
        (
            fact.id,
            tuple(sentences[s] for s in fact.sentence_ids),
            tuple(f for f in report.findings if f.fact_id == fact.id),
        )
        for fact in report.facts
    ]


def test_dask_equals_single_process(cluster, tmp_path):
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}", "compare.parser="])
    # Workers fill a fresh cache concurrently, then the in-process run reads it back.
    on_dask = run_stories(STORIES, NAMES, cfg, FakeEmbedder(), scheduler=cluster.scheduler_address)
    # the client stored each story's result (#17); set aside, so the in-process run computes its own
    stored_by_dask = _results(tmp_path / "cache")
    assert len(stored_by_dask) == len(STORIES)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / "cache" / f"{RESULTS_CACHE}.sqlite{suffix}").unlink(missing_ok=True)
    in_process = run_stories(STORIES, NAMES, cfg, FakeEmbedder())
    assert _results(tmp_path / "cache") == stored_by_dask  # the same keys and values as its own check's
    assert [r.batch for r in on_dask] == NAMES
    assert any(f.verdict == "contradict" for f in in_process[0].findings)  # something to compare
    for a, b in zip(on_dask, in_process, strict=True):
        assert _facts(a) == _facts(b)
        assert a == b
    # each story's part of a feed's one pass, sent with its task (#17): the same reports
    parts = [_feed_pass(cfg).for_story(story) for story in STORIES]
    assert run_stories(STORIES, NAMES, cfg, FakeEmbedder(), scheduler=cluster.scheduler_address, prepared=parts) == (
        in_process
    )


def _results(cache):
    with closing(sqlite3.connect(cache / f"{RESULTS_CACHE}.sqlite")) as con:
        return dict(con.execute("SELECT key, value FROM entries"))


def _feed_pass(cfg):
    from factcheck.stages.claims import extract_claims
    from factcheck.stages.clean import clean_articles
    from factcheck.stages.segment import split_sentences
    from factcheck.stories import PreparedFeed

    articles = [a for story in reversed(STORIES) for a in story]  # another order than the stories'
    dropped = clean_articles(articles, cfg.clean)
    sentences = split_sentences(articles, dropped, cfg.segment)
    claims = extract_claims(articles, sentences, cfg.claims)
    return PreparedFeed(STORIES, tuple(dropped), tuple(sentences), tuple(claims), {})


def test_prepared_parts_give_the_reports_of_the_stories_own_stages(tmp_path):
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}", "compare.parser="])
    parts = [_feed_pass(cfg).for_story(story) for story in STORIES]
    assert [[s.article_id for s in part.sentences][:1] for part in parts] == [["a1"], ["b1"], ["c1"]]
    assert run_stories(STORIES, NAMES, cfg, FakeEmbedder(), prepared=parts) == run_stories(
        STORIES, NAMES, cfg, FakeEmbedder()
    )
    with pytest.raises(ValueError, match="2 prepared parts for 3 stories"):
        run_stories(STORIES, NAMES, cfg, FakeEmbedder(), prepared=parts[:2])


def test_local_cluster_mode_when_large(tmp_path):
    cfg = load_config(
        overrides=[
            "embed.cache_dir=",
            "compare.parser=",
            "scale.local_cluster_min_articles=3",
            "scale.workers=2",
        ]
    )
    assert choose_mode(6, 3, cfg) == "local-cluster"
    messages = []
    reports = run_stories(STORIES, NAMES, cfg, FakeEmbedder(), progress=messages.append)
    assert any(m.startswith("dask: local-cluster") for m in messages)
    in_process_cfg = cfg.model_copy(update={"scale": cfg.scale.model_copy(update={"local_cluster_min_articles": 0})})
    in_process = run_stories(STORIES, NAMES, in_process_cfg, FakeEmbedder())
    assert [_facts(r) for r in reports] == [_facts(r) for r in in_process]


def test_choose_mode():
    cfg = load_config()
    assert choose_mode(10, 3, cfg) == "in-process"
    assert choose_mode(5000, 300, cfg) == "local-cluster"
    assert choose_mode(5000, 1, cfg) == "in-process"  # one story: nothing to spread
    assert choose_mode(10, 3, cfg, "tcp://scheduler:8786") == "scheduler"
    assert choose_mode(5000, 300, load_config(overrides=["scale.local_cluster_min_articles=0"])) == "in-process"


def test_unreachable_scheduler_is_a_config_error(monkeypatch):
    monkeypatch.setattr("factcheck.distributed.CONNECT_TIMEOUT", "1s")
    cfg = load_config(overrides=["embed.cache_dir=", "compare.parser="])
    with pytest.raises(ConfigError, match="cannot connect"):
        run_stories(STORIES, NAMES, cfg, FakeEmbedder(), scheduler="tcp://127.0.0.1:9")
