"""report.md: the editor's report in Markdown, in the HTML report's order and titles, every piece of article text escaped."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from factcheck.config import ReportConfig
from factcheck.records import Decision, Report
from factcheck.report.facts import report_json
from factcheck.report.timeline import slot_timelines
from factcheck.report.views import (
    DISPUTED,
    claims_by_id,
    count_verdicts,
    disputed_sides,
    fact_title,
    ordered_facts,
    ordered_findings,
    ordered_mentions,
    outlet_names,
    single_source_by_outlet,
)
from factcheck.verdicts import ORDER, Verdict

# C0/C1 controls (ESC, BEL, NUL...) from untrusted ids, outlets and titles never reach a terminal (#12)
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_RUN_RE = re.compile(r"\n{3,}")
SIDE_OUTLETS_SHOWN = 3  # a disputed value names this many outlets, then "and N more"
SINGLE_OUTLETS_SHOWN = 10  # the single-source count names this many outlets, then "and N more outlets"


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


def _md_sides(fact: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """A disputed fact's values and their outlets: '2023-10-17 (Daily Planet) vs 2023-10-18 (Gazette)'."""
    parts = []
    for side in disputed_sides(fact, names):
        shown = ", ".join(md_escape(o) for o in side.outlets[:SIDE_OUTLETS_SHOWN])
        more = len(side.outlets) - SIDE_OUTLETS_SHOWN
        parts.append(f"**{md_escape(side.words)}** ({shown}{f' and {more} more' if more > 0 else ''})")
    return " vs ".join(parts)


def _md_disputed_line(fact: Mapping[str, Any], title: str, names: Mapping[str, str]) -> str:
    """One line of the summary of what is disputed."""
    verdict = Verdict(fact["verdict"])
    sides = _md_sides(fact, names)
    if not sides:
        first = ordered_findings(fact)
        sides = md_escape(first[0]["explanation"] if first else fact["summary"])
    return f"- {verdict.symbol} {verdict.value}: **{md_escape(title)}**: {sides}"


def _md_timeline(report: Report, fact_id: str, names: Mapping[str, str]) -> list[str]:
    """Who had which value when, one line per slot drawn in the HTML report's timeline."""
    lines = []
    for t in slot_timelines(report, fact_id, names):
        steps = "; ".join(
            f"{p.published.isoformat()} {md_escape(p.outlet)} {md_escape(p.words)}"
            + (" (contradicted)" if p.contradicted else "")
            for p in t.points
        )
        lines.append(f"- Timeline of {md_escape(t.slot)}: {steps}")
    return lines


def render_markdown(report: Report, decisions: Mapping[str, Decision] | None = None) -> str:
    """The editor's report, in the HTML report's order and with its titles.

    What is disputed comes first (one line per contradiction, then difference), then each
    verdict's facts with their findings and sentences (contradicting outlets first); facts stated
    by one outlet only are counted per outlet unless `report.include_single_source` is set.
    """
    settings = ReportConfig.model_validate(report.config.get("report", {}))
    doc = report_json(report, decisions)
    names = outlet_names(report)
    claims = claims_by_id(report)
    published = {a["id"]: a["published"] for a in doc["articles"]}
    facts = ordered_facts(doc["facts"])
    titles = {f["id"]: fact_title(f, claims) for f in facts}
    counts = count_verdicts(facts)
    n_outlets = len(set(names.values()))
    lines = [f"# factcheck report: {md_escape(report.batch)}", ""]
    lines.append(
        f"{len(doc['articles'])} articles, {len(doc['facts'])} facts: "
        + ", ".join(f"{n} {v}" for v, n in counts.items())
        + f". {n_outlets} outlet{'' if n_outlets == 1 else 's'}."
    )
    disputed = [f for f in facts if f["verdict"] in DISPUTED]
    lines += ["", "## What is disputed", ""]
    lines += [_md_disputed_line(f, titles[f["id"]], names) for f in disputed[: settings.summary_lines]]
    if len(disputed) > settings.summary_lines:
        lines.append(f"- and {len(disputed) - settings.summary_lines} more, below")
    if not disputed:
        lines.append("Nothing: no outlet contradicts or differs from another.")
    for verdict in ORDER:
        group = [f for f in facts if f["verdict"] == verdict]
        lines += ["", f"## {verdict.title}", ""]
        if verdict == Verdict.SINGLE_SOURCE and not settings.include_single_source:
            per_outlet = single_source_by_outlet(doc, names)
            if group:
                shown = ", ".join(f"{md_escape(o)} {n}" for o, n in per_outlet[:SINGLE_OUTLETS_SHOWN])
                more = len(per_outlet) - SINGLE_OUTLETS_SHOWN
                lines.append(
                    f"{len(group)} fact{'' if len(group) == 1 else 's'}, by outlet: {shown}{f' and {more} more outlets' if more > 0 else ''}"
                    " (set report.include_single_source to list them)."
                )
            else:
                lines.append("None.")
            continue
        if not group:
            lines.append("None.")
        for fact in group:
            n = len({names.get(a, a) for a in fact["articles"]})
            lines += [f"### {verdict.symbol} {md_escape(titles[fact['id']])}", ""]
            lines += [
                f"{verdict.value}; stated by {n} outlet{'' if n == 1 else 's'}; fact {md_escape(fact['id'])}.",
                "",
            ]
            for finding in ordered_findings(fact):
                lines.append(
                    f"- **{finding['verdict']}** ({finding['how']}, confidence {finding['confidence']}): "
                    f"{md_escape(finding['explanation'])}"
                    + (f" — reviewer: {_md_decision(finding['decision'])}" if finding["decision"] else "")
                )
            if not fact["findings"] and verdict != Verdict.SINGLE_SOURCE:
                lines.append("- similar wording across outlets; no numbers or dates to compare")
            lines += _md_timeline(report, fact["id"], names)
            lines.append("")
            for m in ordered_mentions(fact):
                when = published.get(m["article"]) or "date unknown"
                lines.append(
                    f"> **{md_escape(names.get(m['article'], m['article']))}** ({when}): {md_escape(m['text'])}"
                )
                lines.append(">")
            lines.pop()
            lines.append("")
    lines += ["", "## Articles", "", "| id | outlet | published | source of date |", "|---|---|---|---|"]
    for a in doc["articles"]:
        lines.append(
            f"| {md_escape(a['id'])} | {md_escape(a['outlet'])} | {a['published'] or 'unknown'} | "
            f"{md_escape(a['published_source'])} {md_escape(a['published_evidence'])} |"
        )
    for group in doc["syndicated"]:
        names_ = ", ".join(md_escape(a) for a in group)
        lines += ["", f"Syndicated copies of one story (counted as one independent source): {names_}."]
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
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(lines)).rstrip() + "\n"
