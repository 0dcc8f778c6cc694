"""The CI gate: which findings fail a job, a baseline of known findings, JUnit XML and a JSON summary.

Exit codes of `factcheck check`: 0 clean, 1 findings at or above `--fail-on` (new since the
baseline, not yet reviewed), 2 bad input or usage. A finding a reviewer marked `confirmed` or
`false alarm` is acknowledged: it is reported, and counted in the summary, but it no longer fails
the job; `needs follow-up` keeps it failing.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.describe import describe_slot
from factcheck.errors import InputError
from factcheck.records import Decision, Finding, Report
from factcheck.report.facts import SCHEMA, stale_decisions
from factcheck.verdicts import RANK as VERDICT_RANK
from factcheck.verdicts import FailOn, fact_verdicts

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CLEAN",
    "EXIT_FINDINGS",
    "FAIL_ON",
    "CheckRun",
    "acknowledged_findings",
    "failing_findings",
    "load_baseline",
    "render_junit",
    "render_junit_feed",
    "summary_json",
]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
# the verdicts each --fail-on bar fails on; "any" includes agreements (every finding needs a look)
FAIL_ON: dict[str, tuple[str, ...]] = {bar.value: tuple(v.value for v in bar.verdicts) for bar in FailOn}
SUMMARY_SCHEMA = "factcheck.check/1"
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class CheckRun:
    """Everything one `factcheck check` produced: the report, the gate's verdict and the files."""

    report: Report
    decisions: Mapping[str, Decision]
    fail_on: str | None
    baseline: Path | None
    failing: tuple[Finding, ...]
    paths: tuple[Path, ...]
    acknowledged: tuple[Finding, ...] = ()

    @property
    def exit_code(self) -> int:
        """0 when nothing fails the bar, 1 otherwise."""
        return EXIT_FINDINGS if self.failing else EXIT_CLEAN


def load_baseline(path: Path) -> dict[str, str]:
    """The findings of an earlier run: finding id -> verdict.

    `path` is an earlier run's facts.json, or its report folder: for `check --stories`, the
    feed's folder, whose stories' `*/facts.json` are read together.

    Raises:
        InputError: the file is missing, not JSON, or not a factcheck facts.json; a folder holds none.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted([*path.glob("facts.json"), *path.glob("*/facts.json")])
        if not files:
            raise InputError(f"{path}: no facts.json in this folder or its story folders to use as a baseline")
        known: dict[str, str] = {}
        for file in files:
            known.update(_baseline_file(file))
        return known
    return _baseline_file(path)


def _baseline_file(path: Path) -> dict[str, str]:
    """The findings of one facts.json."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"{path}: cannot read baseline: {e.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: baseline is not JSON ({e})") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("facts"), list):
        raise InputError(f"{path}: not a factcheck facts.json (expected schema {SCHEMA!r} with a 'facts' list)")
    known: dict[str, str] = {}
    for n, fact in enumerate(doc["facts"], 1):
        findings = fact.get("findings") if isinstance(fact, dict) else None
        if not isinstance(findings, list):
            raise InputError(f"{path}: fact {n} has no 'findings' list")
        for finding in findings:
            if not isinstance(finding, dict) or not isinstance(finding.get("id"), str):
                raise InputError(f"{path}: a finding of fact {n} has no 'id'")
            known[finding["id"]] = str(finding.get("verdict", ""))
    return known


def failing_findings(
    report: Report,
    *,
    fail_on: str | None,
    baseline: Mapping[str, str] | None = None,
    decisions: Mapping[str, Decision] | None = None,
) -> list[Finding]:
    """Findings that fail a CI job.

    A finding fails when its verdict is at or above `fail_on`, the baseline did not already
    hold it at or above that bar (an escalation from "differ" to "contradict" counts as new),
    and no reviewer has acknowledged it (marked it "confirmed" or "false alarm"). A finding a
    reviewer marked "needs follow-up" fails even when the baseline knew it.

    Raises:
        ValueError: `fail_on` is not a key of FAIL_ON (a programming error; the CLI checks it).
    """
    if fail_on is None:
        return []
    bar = FAIL_ON[fail_on]
    baseline = baseline or {}
    decisions = decisions or {}
    failing = []
    for finding in report.findings:
        decision = decisions.get(finding.id)
        if finding.verdict not in bar or _acknowledged(decision):
            continue
        follow_up = decision is not None and decision.decision == "needs follow-up"
        if baseline.get(finding.id) in bar and not follow_up:
            continue  # known before; a reviewer asking for follow-up makes it fail again
        failing.append(finding)
    return sorted(failing, key=lambda f: (VERDICT_RANK.get(f.verdict, 9), f.fact_id, f.id))


ACKNOWLEDGING_DECISIONS = ("confirmed", "false alarm")  # a reviewer has looked; "needs follow-up" has not settled it


def _acknowledged(decision: Decision | None) -> bool:
    """Whether a reviewer's decision settles a finding for the gate."""
    return decision is not None and decision.decision in ACKNOWLEDGING_DECISIONS


def acknowledged_findings(
    report: Report,
    *,
    fail_on: str | None,
    baseline: Mapping[str, str] | None = None,
    decisions: Mapping[str, Decision] | None = None,
) -> list[Finding]:
    """Findings that would fail the job but a reviewer has acknowledged (confirmed or false alarm)."""
    if fail_on is None:
        return []
    bar, baseline, decisions = FAIL_ON[fail_on], baseline or {}, decisions or {}
    return sorted(
        (
            f
            for f in report.findings
            if f.verdict in bar and baseline.get(f.id) not in bar and _acknowledged(decisions.get(f.id))
        ),
        key=lambda f: (VERDICT_RANK.get(f.verdict, 9), f.fact_id, f.id),
    )


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold (ElementTree escapes markup but not control characters)."""
    return _XML_INVALID_RE.sub("\ufffd", text)


def _finding_title(finding: Finding, claims: Mapping[str, Any]) -> str:
    """A test name for a finding: its verdict, the slot in words and the explanation, clipped."""
    slot = describe_slot([claims[c] for c in finding.claim_ids if c in claims]) or "statement"
    title = f"{finding.verdict} · {slot}: {' '.join(finding.explanation.split())}"
    return title if len(title) <= 160 else title[:159] + "…"


def _junit_suite(
    report: Report,
    failing: Sequence[Finding],
    *,
    fail_on: str | None,
    decisions: Mapping[str, Decision] | None = None,
) -> ET.Element:
    """One testsuite: a testcase per finding that can fail the job (all of them without a bar)."""
    claims = {c.id: c for c in report.claims}
    decisions = decisions or {}
    failing_ids = {f.id for f in failing}
    bar = FAIL_ON[fail_on] if fail_on else FAIL_ON["differ"]
    cases = sorted(
        (f for f in report.findings if f.verdict in bar),
        key=lambda f: (VERDICT_RANK.get(f.verdict, 9), f.fact_id, f.id),
    )
    suite = ET.Element("testsuite", name=_xml_text(f"factcheck {report.batch}"), tests=str(len(cases)), errors="0")
    n_failed = n_skipped = 0
    for finding in cases:
        case = ET.SubElement(
            suite,
            "testcase",
            name=_xml_text(_finding_title(finding, claims)),
            classname=_xml_text(f"factcheck.{report.batch}.{finding.fact_id}"),
        )
        decision = decisions.get(finding.id)
        if finding.id in failing_ids:
            n_failed += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=_xml_text(f"{finding.verdict} at or above '{fail_on}': {finding.explanation}"),
                type=finding.verdict,
            )
            failure.text = _xml_text(f"{finding.verdict} {finding.id} (fact {finding.fact_id}): {finding.explanation}")
        elif _acknowledged(decision) and decision is not None:
            n_skipped += 1
            who = f" by {decision.reviewer}" if decision.reviewer else ""
            ET.SubElement(case, "skipped", message=_xml_text(f"acknowledged: {decision.decision}{who}"))
        out = ET.SubElement(case, "system-out")
        out.text = _xml_text(f"{finding.id}: {finding.explanation}")
    suite.set("failures", str(n_failed))
    suite.set("skipped", str(n_skipped))
    return suite


def render_junit(
    report: Report,
    failing: Sequence[Finding],
    *,
    fail_on: str | None = None,
    decisions: Mapping[str, Decision] | None = None,
) -> str:
    """JUnit XML of one batch: a testcase per finding at or above the bar; failures for failing findings.

    Acknowledged findings (a reviewer's "confirmed" or "false alarm") are skipped cases naming the
    reviewer. Without a bar, contradictions and differences are listed and nothing fails.
    """
    suite = _junit_suite(report, failing, fail_on=fail_on, decisions=decisions)
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"


def render_junit_feed(runs: Sequence[CheckRun]) -> str:
    """JUnit XML of a feed: one testsuite per story."""
    root = ET.Element("testsuites", name="factcheck")
    for run in runs:
        root.append(_junit_suite(run.report, run.failing, fail_on=run.fail_on, decisions=run.decisions))
    for attr in ("tests", "failures", "skipped"):
        root.set(attr, str(sum(int(s.get(attr, "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def summary_json(run: CheckRun) -> dict[str, Any]:
    """The machine-readable summary `factcheck check --format json` prints."""
    report = run.report
    fact_counts = dict.fromkeys(VERDICT_RANK, 0)
    for verdict in fact_verdicts(report).values():
        fact_counts[verdict] += 1
    finding_counts = dict.fromkeys(("contradict", "differ", "agree"), 0)
    for finding in report.findings:
        finding_counts[finding.verdict] = finding_counts.get(finding.verdict, 0) + 1
    return {
        "schema": SUMMARY_SCHEMA,
        "batch": report.batch,
        "exit_code": run.exit_code,
        "fail_on": run.fail_on,
        "baseline": str(run.baseline) if run.baseline else None,
        "counts": {"articles": len(report.articles), "facts": fact_counts, "findings": finding_counts},
        "failing": [
            {
                "id": f.id,
                "fact": f.fact_id,
                "verdict": f.verdict,
                "how": f.how,
                "articles": list(f.articles),
                "explanation": f.explanation,
                "confidence": f.confidence,
            }
            for f in run.failing
        ],
        "acknowledged": [
            {
                "id": f.id,
                "verdict": f.verdict,
                "decision": run.decisions[f.id].decision,
                "reviewer": run.decisions[f.id].reviewer,
            }
            for f in run.acknowledged
        ],
        "false_alarms": sorted(
            f.id for f in report.findings if f.id in run.decisions and run.decisions[f.id].decision == "false alarm"
        ),
        "stale_decisions": [d.finding_id for d in stale_decisions(report, run.decisions)],
        "reports": [str(p) for p in run.paths],
        "skipped": [{"id": s.id, "reason": s.reason} for s in report.skipped],
    }
