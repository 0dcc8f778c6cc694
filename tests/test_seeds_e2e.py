"""End to end on the seed batch with the real bundled model (loaded once per session)."""

import json

import pytest

from factcheck.evaluate import evaluate, load_gold
from factcheck.report.files import report_json, write_report
from factcheck.report.markdown import render_markdown
from factcheck.verdicts import verdict_of
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


def _findings(report, verdict):
    claims = {c.id: c for c in report.claims}
    return [(f, [claims[c] for c in f.claim_ids]) for f in report.findings if f.verdict == verdict]


def test_outlets_agree_on_130_countries(seed_report):
    hits = [
        cl
        for _, cl in _findings(seed_report, "agree")
        if {c.text for c in cl} == {"130 countries", "some 130 countries"}
    ]
    assert hits


def test_outlets_agree_on_the_toll(seed_report):
    hits = [
        cl
        for _, cl in _findings(seed_report, "agree")
        if {c.text for c in cl} == {"more than 1,400 people", "at least 1,400 people"}
    ]
    assert hits


def test_meeting_date_is_a_contradiction_with_both_dates(seed_report):
    hits = [
        f for f, cl in _findings(seed_report, "contradict") if {c.text for c in cl} == {"on Tuesday", "on Wednesday"}
    ]
    assert hits
    assert "2023-10-17" in hits[0].explanation and "2023-10-18" in hits[0].explanation


def test_first_and_second_trip_are_not_a_contradiction(seed_report):
    for f, cl in _findings(seed_report, "contradict"):
        assert not any(c.kind == "ordinal" for c in cl), f.explanation
    assert any(f.how == "scope" for f, _ in _findings(seed_report, "differ"))


def test_no_cross_slot_toll_comparison(seed_report):
    for f, cl in [
        *_findings(seed_report, "contradict"),
        *_findings(seed_report, "differ"),
        *_findings(seed_report, "agree"),
    ]:
        assert {c.text for c in cl} != {"at least 2,750 people", "at least 1,400 people"}, f.explanation
        assert {c.text for c in cl} != {"at least 2,750 people", "more than 1,400 people"}, f.explanation


def test_boilerplate_is_in_no_fact(seed_report):
    sentences = {s.id: s for s in seed_report.sentences}
    text = " ".join(sentences[sid].text for fact in seed_report.facts for sid in fact.sentence_ids)
    for junk in ("Whatsapp", "😄", "Be the first to comment", "has been a reporter", "© AFP", "Vladimir Voronin/AP"):
        assert junk not in text


def test_offsets_and_contract(seed_report, tmp_path):
    doc = report_json(seed_report)
    texts = {a.id: a.text for a in seed_report.articles}
    assert doc["schema"] == "factcheck.report/1"
    for fact in doc["facts"]:
        assert fact["verdict"] in {"agree", "differ", "contradict", "single-source"}
        for m in fact["mentions"] + fact["claims"]:
            article = m["article"]
            assert texts[article][m["start"] : m["end"]] == m["text"]
    assert doc["facts"][0]["verdict"] == "contradict"
    paths = write_report(seed_report, tmp_path)
    assert json.loads((tmp_path / "facts.json").read_text()) == json.loads(json.dumps(doc))
    md = render_markdown(seed_report)
    assert md.index("## Contradictions") < md.index("## Differences") < md.index("## Agreements")
    assert len(paths) == 2


def test_fact_verdicts_are_stable(seed_report, real_embedder, tmp_path):
    from factcheck import api
    from factcheck.config import load_config

    from .conftest import SEEDS

    again = api.analyse([SEEDS], load_config(overrides=[f"embed.cache_dir={tmp_path}"]), embedder=real_embedder)
    assert [f.id for f in again.facts] == [f.id for f in seed_report.facts]
    assert [verdict_of(again, f) for f in again.facts] == [verdict_of(seed_report, f) for f in seed_report.facts]


def test_eval_against_the_seed_gold(seed_report):
    result = evaluate(seed_report, load_gold(SEEDS / "gold.json"))
    contradict = result.scores["contradict"]
    assert contradict["recall"] == 1.0 and contradict["precision"] == 1.0
    assert result.scores["differ"]["recall"] >= 0.5
    assert result.scores["agree"]["recall"] >= 0.5
    assert result.scores["agree"]["precision"] >= 0.5  # topic-only clusters are not agreements


def test_eval_command_on_the_seeds(real_embedder, monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from factcheck import api
    from factcheck.cli import app

    monkeypatch.setattr(api, "load_embedder", lambda cfg: real_embedder)
    args = ["eval", str(SEEDS), "--gold", str(SEEDS / "gold.json"), "--json", "--set", f"embed.cache_dir={tmp_path}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert set(doc["scores"]) == {"agree", "differ", "contradict"}
    assert all(m["verdict"] in doc["scores"] for m in doc["misses"])


def test_the_default_bf16_encoder_gives_the_seeds_the_same_findings(seed_report, tmp_path):
    # (#17) the golden reports are made with torch fp32 vectors; OpenVINO bf16 (the default where the
    # CPU computes it natively, else fp32) must not move a verdict or its evidence
    from factcheck import api
    from factcheck.config import load_config
    from factcheck.stages.embed import load_embedder

    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}"])
    embedder = load_embedder(cfg.embed)
    report = api.analyse([SEEDS], cfg, embedder=embedder)
    assert embedder.backend == "openvino"

    def verdicts(r):
        return sorted((f.verdict, f.how, f.claim_ids, f.sentence_ids) for f in r.findings)

    assert len(report.findings) == len(seed_report.findings) > 10
    assert verdicts(report) == verdicts(seed_report)
