"""report.md: the editor's report in Markdown, every piece of article text escaped."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from factcheck.records import Decision, Report
from factcheck.report.facts import report_json
from factcheck.verdicts import ORDER, Verdict

# C0/C1 controls (ESC, BEL, NUL...) from untrusted ids, outlets and titles never reach a terminal (#12)
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def md_escape(text: object) -> str:
    """Escape text so Markdown renders it literally (no HTML, links or emphasis)."""
    out = _CONTROL_RE.sub("", str(text)).replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]#|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def _md_decision(decision: dict[str, Any]) -> str:
    """A reviewer's decision in Markdown: '**false alarm** by Ann (a typo in the wire copy)'."""
    out = f"**{md_escape(decision['decision'])}**"
    if decision["reviewer"]:
        out += f" by {md_escape(decision['reviewer'])}"
    if decision["note"]:
        out += f" ({md_escape(decision['note'])})"
    return out


def render_markdown(report: Report, decisions: Mapping[str, Decision] | None = None) -> str:
    """The editor's report: summary, then contradictions, differences, agreements, with reviewers' decisions."""
    doc = report_json(report, decisions)
    outlets = {a["id"]: a["outlet"] for a in doc["articles"]}
    counts = {v.value: sum(1 for f in doc["facts"] if f["verdict"] == v) for v in ORDER}
    lines = [f"# factcheck report: {md_escape(report.batch)}", ""]
    lines.append(
        f"{len(doc['articles'])} articles, {len(doc['facts'])} facts: "
        + ", ".join(f"{n} {v}" for v, n in counts.items())
        + "."
    )
    lines += ["", "## Articles", "", "| id | outlet | published | source of date |", "|---|---|---|---|"]
    for a in doc["articles"]:
        lines.append(
            f"| {md_escape(a['id'])} | {md_escape(a['outlet'])} | {a['published'] or 'unknown'} | "
            f"{md_escape(a['published_source'])} {md_escape(a['published_evidence'])} |"
        )
    for group in doc["syndicated"]:
        names = ", ".join(md_escape(a) for a in group)
        lines += ["", f"Syndicated copies of one story (counted as one independent source): {names}."]
    for verdict, title in ((v.value, v.title) for v in ORDER):
        facts = [f for f in doc["facts"] if f["verdict"] == verdict]
        if verdict == Verdict.SINGLE_SOURCE and not report.config.get("report", {}).get("include_single_source"):
            lines += ["", f"## {title}", "", f"{len(facts)} facts (set report.include_single_source to list them)."]
            continue
        lines += ["", f"## {title}", ""]
        if not facts:
            lines.append("None.")
        for fact in facts:
            lines += [f"### {fact['id']} ({verdict})", ""]
            for finding in fact["findings"]:
                lines.append(
                    f"- **{finding['verdict']}** ({finding['how']}, confidence {finding['confidence']}): "
                    f"{md_escape(finding['explanation'])}"
                    + (f" — reviewer: {_md_decision(finding['decision'])}" if finding["decision"] else "")
                )
            if not fact["findings"] and verdict != Verdict.SINGLE_SOURCE:
                lines.append("- similar wording across outlets; no numbers or dates to compare")
            lines.append("")
            for m in fact["mentions"]:
                lines.append(f"> **{md_escape(outlets[m['article']])}**: {md_escape(m['text'])}")
                lines.append(">")
            lines.pop()
            lines.append("")
    lines += ["", "## Dropped as boilerplate", "", "| article | rule | text |", "|---|---|---|"]
    for d in doc["dropped"]:
        lines.append(f"| {md_escape(d['article'])} | {d['rule']} | {md_escape(d['text'][:120])} |")
    if doc["skipped"]:
        lines += ["", "## Skipped", ""]
        lines += [f"- {md_escape(s['id'])}: {md_escape(s['reason'])}" for s in doc["skipped"]]
    if doc["stale_decisions"]:
        lines += ["", "## Stale reviewer decisions", "", "Decisions on findings this run no longer reports (kept):", ""]
        lines += [
            f"- {md_escape(d['finding'])} (fact {md_escape(d['fact'])}): {_md_decision(d)}"
            for d in doc["stale_decisions"]
        ]
    return "\n".join(lines).rstrip() + "\n"


