"""A warm run reuses a batch's comparison and leaves an unchanged report folder alone (#17);
any change of input, settings or code computes and writes again."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck import api, pipeline
from factcheck.config import load_config
from factcheck.records import Decision
from factcheck.report.files import WriteLog, write_report

from .conftest import SEEDS, FakeEmbedder


@pytest.fixture
def compares(monkeypatch):
    """The batches compare_batch was called for (a count of computed comparisons)."""
    calls = []
    original = pipeline.compare_batch

    def counting(articles, *args, **kwargs):
        calls.append(tuple(a.id for a in articles))
        return original(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "compare_batch", counting)
    return calls


def _cfg(cache: Path, *extra: str):
    return load_config(overrides=[f"embed.cache_dir={cache}", "compare.parser=", *extra])


def _run(cfg, articles=None):
    if articles is None:
        articles, _ = api.load_articles([SEEDS], cfg)
    return pipeline.run_pipeline(articles, cfg, FakeEmbedder(), batch="seeds")


def test_a_warm_run_reuses_the_comparison_and_gives_the_same_report(tmp_path, compares):
    cfg = _cfg(tmp_path / "cache")
    cold = _run(cfg)
    assert len(compares) == 1
    warm = _run(cfg)
    assert len(compares) == 1  # nothing compared again
    assert warm == cold
    assert warm.findings  # the seeds have findings: the cached ones are real


def test_a_changed_article_setting_or_code_compares_again(tmp_path, compares, monkeypatch):
    cfg = _cfg(tmp_path / "cache")
    articles, _ = api.load_articles([SEEDS], cfg)
    first = _run(cfg, articles)
    assert len(compares) == 1

    edited = [replace(articles[0], text=articles[0].text.replace("1", "2", 1)), *articles[1:]]
    _run(cfg, edited)
    assert len(compares) == 2

    changed = _cfg(tmp_path / "cache", "cluster.distance_threshold=0.3")
    _run(changed, articles)
    assert len(compares) == 3

    _run(cfg, list(reversed(articles)))  # other order: other report (fact and finding order)
    assert len(compares) == 4

    monkeypatch.setattr(pipeline, "package_version", lambda *names: "other-code")
    again = _run(cfg, articles)
    assert len(compares) == 5
    assert again == first


def test_a_damaged_entry_is_computed_again(tmp_path, compares):
    cache = tmp_path / "cache"
    cfg = _cfg(cache)
    first = _run(cfg)
    with sqlite3.connect(cache / f"{pipeline.RESULTS_CACHE}.sqlite") as con:
        con.execute("UPDATE entries SET value = ?", (b"\x80\x05not a pickle",))
    assert _run(cfg) == first
    assert len(compares) == 2


def test_no_cache_folder_computes_every_time(tmp_path, compares):
    cfg = load_config(overrides=["embed.cache_dir=", "compare.parser="])
    _run(cfg)
    _run(cfg)
    assert len(compares) == 2


def _states(out: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.iterdir()}


def test_an_unchanged_report_folder_is_not_written_again(tmp_path):
    cfg = _cfg(tmp_path / "cache")
    out = tmp_path / "out"
    first = api.check([SEEDS], cfg, out=out, embedder=FakeEmbedder())
    before = _states(out)
    second = api.check([SEEDS], cfg, out=out, embedder=FakeEmbedder())
    assert _states(out) == before  # not one file replaced
    assert second.paths == first.paths
    assert {p.name for p in second.paths} == {"report.md", "facts.json", "report.html", "review.xlsx", "review.csv"}


def test_a_touched_or_extra_file_or_new_decisions_write_the_report_again(tmp_path):
    cfg = _cfg(tmp_path / "cache")
    out = tmp_path / "out"
    report = api.analyse([SEEDS], cfg, embedder=FakeEmbedder())

    def write(decisions=None):
        log = WriteLog(cfg.embed.cache_dir, [out])
        paths = write_report(report, out, formats=["md", "json"], decisions=decisions, log=log)
        log.flush()
        return paths

    write()
    markdown = (out / "report.md").read_bytes()
    (out / "report.md").write_text("edited by hand\n", encoding="utf-8")
    write()
    assert (out / "report.md").read_bytes() == markdown  # rewritten

    (out / "notes.txt").write_text("a file of the user's\n", encoding="utf-8")
    before = _states(out)
    write()
    assert _states(out)["report.md"] != before["report.md"]  # the folder changed: written again
    before = _states(out)
    write()
    assert _states(out) == before  # and now unchanged

    finding = report.findings[0]
    write({finding.id: Decision(finding.id, finding.fact_id, "confirmed", reviewer="ed")})
    assert _states(out)["report.md"] != before["report.md"]
    assert "confirmed" in (out / "report.md").read_text(encoding="utf-8")

    (out / "report.md").unlink()
    paths = write()
    assert (out / "report.md").is_file() and out / "report.md" in paths


def test_a_report_of_other_content_is_written(tmp_path):
    cfg = _cfg(tmp_path / "cache")
    out = tmp_path / "out"
    report = api.analyse([SEEDS], cfg, embedder=FakeEmbedder())
    log = WriteLog(cfg.embed.cache_dir, [out])
    write_report(report, out, formats=["json"], log=log)
    other = replace(report, findings=report.findings[1:])
    write_report(other, out, formats=["json"], log=log)
    assert report.findings[0].id not in (out / "facts.json").read_text(encoding="utf-8")


def test_a_report_checked_elsewhere_is_stored_under_the_key_its_check_used(tmp_path, compares):
    # a Dask task only reads the cache; the client stores what the tasks returned, once (#17)
    cfg = _cfg(tmp_path / "cache")
    articles, _ = api.load_articles([SEEDS], cfg)
    read_only = pipeline.ResultCache(cfg.embed.cache_dir, write=False)
    report = pipeline.run_pipeline(articles, cfg, FakeEmbedder(), batch="seeds", results=read_only)
    read_only.flush()
    store = pipeline.ResultCache(cfg.embed.cache_dir)
    parts = [report.articles, report.skipped, report.dropped, report.sentences]
    assert store.get(store.key(cfg, FakeEmbedder(), "seeds", parts)) is None  # the task stored nothing
    store.add_report(cfg, FakeEmbedder(), report)
    store.flush()
    assert _run(cfg, articles) == report
    assert len(compares) == 1  # the second check was served by what add_report stored
