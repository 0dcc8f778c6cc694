import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import api
from factcheck.ci import failing_findings, load_baseline, render_junit
from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.records import Decision
from factcheck.review import DECISIONS_FILE, append_decisions

from .test_review import make_batch

runner = CliRunner()


@pytest.fixture(autouse=True)
def fake_model(monkeypatch, fake_embedder):
    monkeypatch.setattr(api, "load_embedder", lambda cfg: fake_embedder)


def check(tmp_path: Path, batch: Path, out: str, *args: str):
    return runner.invoke(
        app, ["check", str(batch), "-o", str(tmp_path / out), "--set", f"embed.cache_dir={tmp_path / 'cache'}", *args]
    )


def test_baseline_fails_only_on_a_new_contradiction(tmp_path):
    batch = make_batch(tmp_path / "b", with_gamma=False)
    first = check(tmp_path, batch, "run1", "--fail-on", "contradict")
    assert first.exit_code == 0, first.output
    assert "ok: no finding at or above 'contradict'" in first.stdout
    make_batch(batch)  # gamma arrives and contradicts alpha and beta
    second = check(tmp_path, batch, "run2", "--fail-on", "contradict", "--baseline", str(tmp_path / "run1/facts.json"))
    assert second.exit_code == 1, second.output
    # gamma contradicts the group of alpha and beta: one finding between groups of outlets (#14)
    assert "FAIL: 1 finding(s) new since the baseline at or above 'contradict'" in second.stdout
    # the same batch against its own report: nothing is new
    third = check(tmp_path, batch, "run2", "--fail-on", "contradict", "--baseline", str(tmp_path / "run2/facts.json"))
    assert third.exit_code == 0, third.output
    # without --fail-on a check never fails on findings
    assert check(tmp_path, batch, "run3").exit_code == 0


def test_reviewed_findings_no_longer_fail(tmp_path):  # #16: a confirmed contradiction must not fail main forever
    batch = make_batch(tmp_path / "b")
    result = check(tmp_path, batch, "out", "--fail-on", "differ", "--format", "json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    failing = [f for f in summary["failing"] if f["verdict"] == "contradict"]
    assert len(failing) == 1  # one finding between the group alpha+beta and gamma (#14)
    append_decisions(batch / DECISIONS_FILE, [Decision(f["id"], f["fact"], "false alarm") for f in failing])
    again = json.loads(check(tmp_path, batch, "out", "--fail-on", "contradict", "--format", "json").stdout)
    assert again["exit_code"] == 0 and again["failing"] == []
    assert sorted(again["false_alarms"]) == sorted(f["id"] for f in failing)
    # "confirmed" acknowledges the finding too: reported, counted, not failing; "needs follow-up" fails
    append_decisions(
        batch / DECISIONS_FILE, [Decision(failing[0]["id"], failing[0]["fact"], "confirmed", reviewer="Ann")]
    )
    confirmed = json.loads(check(tmp_path, batch, "out", "--fail-on", "contradict", "--format", "json").stdout)
    assert confirmed["exit_code"] == 0
    assert {"id": failing[0]["id"], "verdict": "contradict", "decision": "confirmed", "reviewer": "Ann"} in confirmed[
        "acknowledged"
    ]
    text = check(tmp_path, batch, "out", "--fail-on", "contradict").stdout
    assert "1 finding(s) at or above 'contradict' acknowledged by a reviewer (Ann): not failing" in text
    append_decisions(batch / DECISIONS_FILE, [Decision(failing[0]["id"], failing[0]["fact"], "needs follow-up")])
    assert check(tmp_path, batch, "out", "--fail-on", "contradict").exit_code == 1


def test_json_summary_parses(tmp_path):
    batch = make_batch(tmp_path / "b")
    result = check(tmp_path, batch, "out", "--fail-on", "contradict", "--format", "json", "--write", "md,json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)  # stdout holds nothing but the JSON
    assert summary["schema"] == "factcheck.check/1" and summary["exit_code"] == 1
    assert summary["counts"]["facts"]["contradict"] == 1
    assert summary["counts"]["findings"]["contradict"] == 1  # groups of outlets, not pairs (#14)
    assert {f["verdict"] for f in summary["failing"]} == {"contradict"}
    assert all(f["id"].startswith("R") and f["explanation"] for f in summary["failing"])
    assert [Path(p).name for p in summary["reports"]] == ["report.md", "facts.json"]
    assert summary["fail_on"] == "contradict" and summary["baseline"] is None


def test_junit_has_one_testcase_per_finding_that_can_fail(tmp_path):  # #16: not one per fact, no skipped noise
    batch = make_batch(tmp_path / "b")
    junit = tmp_path / "ci" / "factcheck.xml"
    result = check(tmp_path, batch, "out", "--fail-on", "contradict", "--junit", str(junit), "--write", "json")
    assert result.exit_code == 1
    facts = json.loads((tmp_path / "out" / "facts.json").read_text())["facts"]
    contradictions = [f for fact in facts for f in fact["findings"] if f["verdict"] == "contradict"]
    suite = ET.parse(junit).getroot()
    cases = suite.findall("testcase")
    assert suite.tag == "testsuite" and len(cases) == len(contradictions) == int(suite.get("tests")) == 1
    assert all(c.get("name").startswith("contradict · quantity · ") for c in cases)  # named by the slot
    assert all(c.find("failure") is not None for c in cases) and suite.get("failures") == "1"
    assert suite.get("skipped") == "0"
    assert any("40 people" in c.find("failure").text for c in cases)


def test_junit_of_a_feed_has_a_suite_per_story(tmp_path, cfg, fake_embedder):
    from factcheck.ci import CheckRun, render_junit_feed

    report = api.analyse([make_batch(tmp_path / "b")], cfg, embedder=fake_embedder)
    failing = tuple(f for f in report.findings if f.verdict == "contradict")
    runs = [CheckRun(report, {}, "contradict", None, failing, ()), CheckRun(report, {}, "contradict", None, (), ())]
    root = ET.fromstring(render_junit_feed(runs))
    assert root.tag == "testsuites" and len(root.findall("testsuite")) == 2
    assert root.get("failures") == str(len(failing)) and root.get("tests") == str(2 * len(failing))


@pytest.fixture
def flood_report(tmp_path, cfg, fake_embedder):
    return api.analyse([make_batch(tmp_path / "b")], cfg, embedder=fake_embedder)


def test_junit_escapes_article_text(flood_report):
    from dataclasses import replace

    first = flood_report.facts[0].sentence_ids[0]
    hostile = '<failure message="x"/>\x00\x1b & ]]>'
    sentences = tuple(replace(s, text=hostile) if s.id == first else s for s in flood_report.sentences)
    report = replace(flood_report, sentences=sentences)
    failing = [f for f in report.findings if f.verdict == "contradict"]
    hostile_findings = tuple(replace(f, explanation=hostile) for f in report.findings)
    report = replace(report, findings=hostile_findings)
    suite = ET.fromstring(render_junit(report, [], fail_on="contradict"))
    assert len(suite.findall("testcase")) == len(failing)
    assert suite.findall(".//failure") == []
    assert all('<failure message="x"/>' in c.get("name") for c in suite.findall("testcase"))


def test_escalation_since_baseline_counts_as_new(flood_report):
    contra = [f for f in flood_report.findings if f.verdict == "contradict"]
    assert contra
    baseline = {f.id: f.verdict for f in flood_report.findings}
    assert failing_findings(flood_report, fail_on="contradict", baseline=baseline) == []
    baseline[contra[0].id] = "differ"  # it was only a difference in the old run
    assert failing_findings(flood_report, fail_on="contradict", baseline=baseline) == [contra[0]]
    assert len(failing_findings(flood_report, fail_on="any")) == len(flood_report.findings)


def test_bad_baseline_is_exit_2(tmp_path):
    batch = make_batch(tmp_path / "b")
    bad = tmp_path / "old.json"
    bad.write_text("{not json")
    result = check(tmp_path, batch, "out", "--fail-on", "contradict", "--baseline", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad}: baseline is not JSON") and result.stderr.count("\n") == 1
    bad.write_text('{"schema": "something/else", "facts": []}')
    result = check(tmp_path, batch, "out", "--baseline", str(bad))
    assert result.exit_code == 2 and "not a factcheck facts.json" in result.stderr
    assert not (tmp_path / "out").exists()  # refused before any report was written
    with pytest.raises(InputError, match="cannot read baseline"):
        load_baseline(tmp_path / "missing.json")


def test_usage_errors_are_exit_2(tmp_path):
    batch = make_batch(tmp_path / "b")
    assert check(tmp_path, batch, "out", "--fail-on", "sometimes").exit_code == 2
    result = check(tmp_path, batch, "out", "--write", "md,pdf")
    assert result.exit_code == 2 and "'pdf' is not one of md, json, html, review" in result.output
    assert check(tmp_path, batch, "out", "--format", "yaml").exit_code == 2


def test_review_import_command(tmp_path):
    import openpyxl

    from factcheck.report.sheet import HEADERS

    batch = make_batch(tmp_path / "b")
    assert check(tmp_path, batch, "out", "--write", "review").exit_code == 0
    sheet = tmp_path / "out" / "review.xlsx"
    wb = openpyxl.load_workbook(sheet)
    ws = wb["findings"]
    ws.cell(2, HEADERS.index("decision") + 1).value = "false alarm"
    ws.cell(2, HEADERS.index("note") + 1).value = "typo in the wire copy"
    wb.save(sheet)
    result = runner.invoke(app, ["review", "import", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "added   R" in result.stdout and "false alarm (typo in the wire copy)" in result.stdout
    assert "1 added, 0 changed, 0 unchanged, 0 stale" in result.stdout
    ws.cell(2, HEADERS.index("decision") + 1).value = "perhaps"
    wb.save(sheet)
    result = runner.invoke(app, ["review", "import", str(sheet), "--batch", str(batch)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: {sheet} row 2: unknown decision 'perhaps'; use one of confirmed, false alarm, needs follow-up\n"
    )


def test_stories_take_every_option_of_check(tmp_path):  # #13: --stories ignored --junit, json, --baseline, review
    batch = make_batch(tmp_path / "b")
    missing = check(tmp_path, batch, "feed0", "--stories", "--baseline", str(tmp_path / "nowhere.json"))
    assert missing.exit_code == 2 and "nowhere.json: cannot read baseline" in missing.stderr
    junit = tmp_path / "feed.xml"
    first = check(
        tmp_path, batch, "feed1", "--stories", "--fail-on", "contradict", "--junit", str(junit), "--format", "json",
        "--write", "json,review",
    )  # fmt: skip
    assert first.exit_code == 1, first.output
    summary = json.loads(first.stdout)
    assert summary["exit_code"] == 1 and summary["stories"] and summary["stories"][0]["failing"]
    story = Path(summary["stories"][0]["reports"][0]).parent
    assert (story / "facts.json").is_file() and (story / "review.xlsx").is_file()
    assert ET.parse(junit).getroot().tag == "testsuites"
    again = check(
        tmp_path, batch, "feed2", "--stories", "--fail-on", "contradict", "--baseline", str(tmp_path / "feed1")
    )
    assert again.exit_code == 0, again.output  # every finding is known to the earlier feed's reports


def test_needs_follow_up_fails_even_when_the_baseline_knew_it(flood_report):
    contra = [f for f in flood_report.findings if f.verdict == "contradict"]
    baseline = {f.id: f.verdict for f in flood_report.findings}
    assert failing_findings(flood_report, fail_on="contradict", baseline=baseline) == []
    follow = {contra[0].id: Decision(contra[0].id, contra[0].fact_id, "needs follow-up")}
    assert failing_findings(flood_report, fail_on="contradict", baseline=baseline, decisions=follow) == [contra[0]]
