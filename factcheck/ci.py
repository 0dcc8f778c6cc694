"""CI mode: which findings fail a job, a baseline of known findings, JUnit XML and a JSON summary.

Exit codes of `factcheck check`: 0 clean, 1 findings at or above `--fail-on` (new since the
baseline, not marked "false alarm" by a reviewer), 2 bad input or usage.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.config import Config
from factcheck.errors import InputError
from factcheck.pipeline import Progress
from factcheck.records import Decision, Finding, Report
from factcheck.report.files import REPORT_FORMATS, SCHEMA, stale_decisions, write_atomic, write_report
from factcheck.review import batch_folder, load_decisions
from factcheck.stages.embed import Embedder
from factcheck.verdicts import RANK as VERDICT_RANK
from factcheck.verdicts import FailOn, verdict_of

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CLEAN",
    "EXIT_FINDINGS",
    "FAIL_ON",
    "CheckRun",
    "failing_findings",
    "load_baseline",
    "render_junit",
    "run_check",
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

    @property
    def exit_code(self) -> int:
        """0 when nothing fails the bar, 1 otherwise."""
        return EXIT_FINDINGS if self.failing else EXIT_CLEAN


def load_baseline(path: Path) -> dict[str, str]:
    """The findings of an earlier run's facts.json: finding id -> verdict.

    Raises:
        InputError: the file is missing, not JSON, or not a factcheck facts.json.
    """
    path = Path(path)
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
    and no reviewer marked it "false alarm".

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
        if finding.verdict not in bar or baseline.get(finding.id) in bar:
            continue
        decision = decisions.get(finding.id)
        if decision is not None and decision.decision == "false alarm":
            continue
        failing.append(finding)
    return sorted(failing, key=lambda f: (VERDICT_RANK.get(f.verdict, 9), f.fact_id, f.id))


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold (ElementTree escapes markup but not control characters)."""
    return _XML_INVALID_RE.sub("\ufffd", text)


def render_junit(report: Report, failing: Sequence[Finding], *, fail_on: str | None = None) -> str:
    """JUnit XML: one testsuite, one testcase per fact; failures for failing findings, skipped for single-source."""
    sentences = {s.id: s.text for s in report.sentences}
    failing_by_fact: dict[str, list[Finding]] = {}
    for finding in failing:
        failing_by_fact.setdefault(finding.fact_id, []).append(finding)
    findings_by_fact: dict[str, list[Finding]] = {}
    for finding in report.findings:
        findings_by_fact.setdefault(finding.fact_id, []).append(finding)
    facts = sorted(report.facts, key=lambda f: (VERDICT_RANK[verdict_of(report, f)], f.id))
    suite = ET.Element("testsuite", name=_xml_text(f"factcheck {report.batch}"), tests=str(len(facts)), errors="0")
    n_failed = n_skipped = 0
    for fact in facts:
        summary = " ".join(sentences[fact.sentence_ids[0]].split())
        if len(summary) > 120:
            summary = summary[:119] + "…"
        case = ET.SubElement(
            suite, "testcase", name=_xml_text(f"{fact.id} {summary}"), classname=_xml_text(f"factcheck.{report.batch}")
        )
        verdict = verdict_of(report, fact)
        if fact.id in failing_by_fact:
            n_failed += 1
            bad = failing_by_fact[fact.id]
            failure = ET.SubElement(
                case,
                "failure",
                message=_xml_text(f"{len(bad)} finding(s) at or above '{fail_on}': {bad[0].explanation}"),
                type=bad[0].verdict,
            )
            failure.text = _xml_text("\n".join(f"{f.verdict} {f.id}: {f.explanation}" for f in bad))
        elif verdict == "single-source":
            n_skipped += 1
            ET.SubElement(case, "skipped", message="stated by one outlet only")
        if fact.id in findings_by_fact:
            out = ET.SubElement(case, "system-out")
            out.text = _xml_text("\n".join(f"{f.verdict} {f.id}: {f.explanation}" for f in findings_by_fact[fact.id]))
    suite.set("failures", str(n_failed))
    suite.set("skipped", str(n_skipped))
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"


def summary_json(run: CheckRun) -> dict[str, Any]:
    """The machine-readable summary `factcheck check --format json` prints."""
    report = run.report
    fact_counts = dict.fromkeys(VERDICT_RANK, 0)
    for fact in report.facts:
        fact_counts[verdict_of(report, fact)] += 1
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
        "false_alarms": sorted(
            f.id for f in report.findings if f.id in run.decisions and run.decisions[f.id].decision == "false alarm"
        ),
        "stale_decisions": [d.finding_id for d in stale_decisions(report, run.decisions)],
        "reports": [str(p) for p in run.paths],
        "skipped": [{"id": s.id, "reason": s.reason} for s in report.skipped],
    }


def run_check(
    inputs: Sequence[Path],
    cfg: Config,
    *,
    out: Path | None = None,
    formats: Sequence[str] = REPORT_FORMATS,
    fail_on: str | None = None,
    baseline: Path | None = None,
    junit: Path | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> CheckRun:
    """Check a batch, write its reports (with reviewers' decisions) and decide whether CI fails.

    Args:
        inputs: batch folder(s) or article files; decisions are read from the first one's folder.
        cfg: settings.
        out: report folder, by default reports/<batch>.
        formats: report files to write (md, json, html, review).
        fail_on: "contradict", "differ", "any", or None to never fail on findings.
        baseline: an earlier run's facts.json; only findings new since then fail.
        junit: where to write JUnit XML, if anywhere.
        embedder: the sentence embedder (default: the model `embed.model` names).
        progress: called with each stage's name.

    Returns:
        The run; its `exit_code` is 0 or 1.

    Raises:
        FactcheckError: bad input, settings, baseline or decisions file, or a report cannot be written.
    """
    from factcheck import api

    if fail_on is not None and fail_on not in FAIL_ON:
        raise InputError(f"--fail-on {fail_on!r}: choose from {', '.join(FAIL_ON)}")
    known = load_baseline(baseline) if baseline is not None else None  # before the reports overwrite it
    report = api.check(inputs, cfg, embedder=embedder, progress=progress)
    batch_dir = batch_folder(inputs)
    decisions = load_decisions(batch_dir, name=cfg.review.decisions_file)
    failing = failing_findings(report, fail_on=fail_on, baseline=known, decisions=decisions)
    folder = out or Path("reports") / report.batch
    paths = write_report(report, folder, formats=formats, decisions=decisions, batch_dir=batch_dir)
    if junit is not None:
        paths.append(write_atomic(junit, render_junit(report, failing, fail_on=fail_on)))
    return CheckRun(report, decisions, fail_on, baseline, tuple(failing), tuple(paths))
