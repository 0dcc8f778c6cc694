"""Fuzz ingest -> check (#6): whatever is in the batch folder, the result is a Report or a FactcheckError."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import api
from factcheck.config import load_config
from factcheck.errors import FactcheckError
from factcheck.records import Report

from .conftest import ROOT, FakeEmbedder

GOOD = (
    "The city council met on Tuesday, October 17, 2023, and approved a budget of $4 million for the schools.\n"
    "Officials said 1,400 people attended the meeting in the town hall on Tuesday evening.\n"
)
CFG = load_config(overrides=["embed.cache_dir="])  # no cache: nothing is written outside the temporary folder
EMBEDDER = FakeEmbedder()
SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".csv", ".html")
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=200),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
record_keys = st.sampled_from(["id", "text", "content", "body", "outlet", "title", "url", "published", "path", "x"])
records = st.dictionaries(record_keys, json_values | st.text(max_size=300), max_size=8)


def _check(files: dict[str, bytes], *, with_good: bool) -> Report | FactcheckError:
    """Run api.check on a temporary batch holding `files` (and a good article when asked)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        if with_good:
            (folder / "good.txt").write_text(GOOD)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        try:
            return api.analyse([folder], CFG, embedder=EMBEDDER)
        except FactcheckError as e:
            assert str(e) and "\n" not in str(e)  # a one-line message for the CLI
            return e


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES), with_good=st.booleans())
def test_random_bytes_in_a_batch(data, suffix, with_good):
    result = _check({f"fuzz{suffix}": data}, with_good=with_good)
    if with_good:
        assert isinstance(result, Report)
        assert "good" in {a.id for a in result.articles}


@FUZZ
@given(text=st.text(max_size=2000), suffix=st.sampled_from((".txt", ".md", ".html")))
def test_random_text_in_a_batch(text, suffix):
    result = _check({f"fuzz{suffix}": text.encode("utf-8", "surrogatepass")}, with_good=True)
    assert isinstance(result, Report)
    for sent in result.sentences:
        article = next(a for a in result.articles if a.id == sent.article_id)
        assert article.text[sent.start : sent.end] == sent.text


@FUZZ
@given(doc=json_values, as_lines=st.booleans())
def test_random_json_documents(doc, as_lines):
    raw = json.dumps(doc, ensure_ascii=False)
    name = "fuzz.jsonl" if as_lines else "fuzz.json"
    result = _check({name: raw.encode("utf-8", "surrogatepass")}, with_good=True)
    assert isinstance(result, Report)


@FUZZ
@given(recs=st.lists(records, min_size=1, max_size=5), as_lines=st.booleans())
def test_random_article_records(recs, as_lines):
    if as_lines:
        raw, name = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "fuzz.jsonl"
    else:
        raw, name = json.dumps(recs, ensure_ascii=False), "fuzz.json"
    result = _check({name: raw.encode("utf-8", "surrogatepass")}, with_good=False)
    assert isinstance(result, Report | FactcheckError)
    if isinstance(result, Report):
        assert all(a.text.strip() for a in result.articles)
        assert len({a.id for a in result.articles}) == len(result.articles)


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=5), max_size=8), header=st.booleans())
def test_random_manifests(rows, header):
    # issue #12: duplicated rows, rows for missing files, odd columns
    lines = (["file,outlet,published"] if header else []) + [",".join(json.dumps(c) for c in row) for row in rows]
    result = _check({"manifest.csv": "\n".join(lines).encode("utf-8", "surrogatepass")}, with_good=True)
    assert isinstance(result, Report | FactcheckError)


@FUZZ
@given(data=st.binary(max_size=500) | st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_decisions_files(data):
    from factcheck.decisions import DECISIONS_FILE, load_decisions

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / DECISIONS_FILE).write_bytes(data)
        try:
            assert isinstance(load_decisions(Path(tmp)), dict)
        except FactcheckError as e:
            assert str(e) and "\n" not in str(e)


def test_generated_batches_from_the_fuzz_bench(tmp_path, monkeypatch):
    """A few cases of bench/fuzz_inputs.py (the 10,000-case run is by hand: see its docstring)."""
    import importlib.util

    home = tmp_path / "home"
    home.mkdir()
    (home / ".bash_aliases").write_text("# untouched\n")
    monkeypatch.setenv("HOME", str(home))
    work = tmp_path / "work"
    work.mkdir()

    spec = importlib.util.spec_from_file_location("fuzz_inputs", ROOT / "bench" / "fuzz_inputs.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    failures = []
    for seed in range(20):
        tried, _outcome, failure = bench.run_case(seed, work, parser_share=0.0)
        if failure:
            failures.append((seed, tried, failure))
    assert not failures, failures[0]


def test_a_record_of_nul_bytes_only_has_no_text():
    # found by test_random_article_records: NULs are dropped, so "\x00" is an empty article
    result = _check({"fuzz.jsonl": json.dumps({"id": "", "text": "\x00"}).encode()}, with_good=True)
    assert isinstance(result, Report)
    assert [a.id for a in result.articles] == ["good"]
