"""Turn a Report into JSON, Markdown, HTML and a review spreadsheet, and write them atomically."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import ReportError
from factcheck.records import Claim, DateValue, Decision, QuantityValue, Report
from factcheck.report import atomic
from factcheck.stages.syndication import independent_sources
from factcheck.verdicts import RANK as VERDICT_RANK
from factcheck.verdicts import verdict_of

SCHEMA = "factcheck.report/1"
REPORT_FORMATS = ("md", "json", "html", "review")

logger = logging.getLogger(__name__)


def claim_json(claim: Claim) -> dict[str, Any]:
    """The JSON form of a claim (its record owns it)."""
    return claim.to_json()


def _number(x: float) -> str:
    """A number as people write it: thousands separated, no needless decimals."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _ordinal(n: int) -> str:
    """1 -> '1st', 12 -> '12th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _quantity_words(v: QuantityValue) -> str:
    """A quantity interval in words: 'more than 1,400', 'about 50 (45 to 55)'."""
    if v.low is not None and v.low == v.high:
        return _number(v.low)
    if v.low is not None and v.high is not None:
        if v.approximate and v.point is not None:
            return f"about {_number(v.point)} ({_number(v.low)} to {_number(v.high)})"
        return f"between {_number(v.low)} and {_number(v.high)}"
    if v.low is not None:
        return f"{'at least' if v.low_inclusive else 'more than'} {_number(v.low)}"
    if v.high is not None:
        return f"{'at most' if v.high_inclusive else 'fewer than'} {_number(v.high)}"
    return "an unknown amount"


def describe_value(claim: Claim) -> str:
    """A claim's normalised value in words, e.g. 'more than 1,400 people' or '2023-10-17'.

    Example:
        "at least 1,400 people" -> "at least 1,400 people"; "on Tuesday" (16 Oct 2023) -> "2023-10-17"
    """
    v = claim.value
    if isinstance(v, DateValue):
        if v.start is None:
            words = "unresolved date"
        elif v.end is None:
            words = f"from {v.start.isoformat()}"
        elif v.start == v.end:
            words = v.start.isoformat()
        else:
            words = f"{v.start.isoformat()} to {v.end.isoformat()}"
        return f"{words} ({v.note})" if v.note else words
    if claim.kind == "ordinal" and v.point is not None:
        return f"{_ordinal(int(v.point))} {claim.scope}".strip()
    words = _quantity_words(v)
    if claim.unit == "%":
        return words + "%"
    return f"{words} {claim.unit}".strip()


def describe_slot(claims: Sequence[Claim]) -> str:
    """What a finding compares: the kind, unit and event of its claims, e.g. 'quantity · people · killed'."""
    if not claims:
        return ""

    def distinct(values: Iterable[str]) -> str:
        return "/".join(dict.fromkeys(v for v in values if v))

    parts = [distinct(c.kind for c in claims)]
    if claims[0].kind == "ordinal":
        parts.append(distinct(c.scope for c in claims))
    elif claims[0].kind != "date":
        parts.append(distinct(c.unit for c in claims))
    parts.append(distinct(c.event for c in claims))
    return " · ".join(p for p in parts if p)


def decision_json(decision: Decision) -> dict[str, Any]:
    """The JSON form of a reviewer's decision."""
    return {
        "finding": decision.finding_id,
        "fact": decision.fact_id,
        "decision": decision.decision,
        "note": decision.note,
        "reviewer": decision.reviewer,
        "imported_at": decision.imported_at,
    }


def stale_decisions(report: Report, decisions: Mapping[str, Decision]) -> list[Decision]:
    """Decisions on findings this report no longer has, sorted by finding id (they are kept, not dropped)."""
    current = {f.id for f in report.findings}
    return [decisions[fid] for fid in sorted(decisions) if fid not in current]


def report_json(report: Report, decisions: Mapping[str, Decision] | None = None) -> dict[str, Any]:
    """The facts.json document; each finding carries its reviewer's decision (or null)."""
    decisions = decisions or {}
    sentences = {s.id: s for s in report.sentences}
    facts = []
    for fact in report.facts:
        findings = [f for f in report.findings if f.fact_id == fact.id]
        claim_ids = {cid for f in findings for cid in f.claim_ids}
        members = set(fact.sentence_ids)
        facts.append(
            {
                "id": fact.id,
                "verdict": verdict_of(report, fact),
                "summary": sentences[fact.sentence_ids[0]].text,
                "articles": list(fact.article_ids),
                "independent_sources": independent_sources(fact.article_ids, report.syndicated),
                "mentions": [
                    {"article": s.article_id, "sentence": s.id, "text": s.text, "start": s.start, "end": s.end}
                    for s in (sentences[sid] for sid in fact.sentence_ids)
                ],
                "claims": [claim_json(c) for c in report.claims if c.id in claim_ids or c.sentence_id in members],
                "findings": [
                    {
                        "id": f.id,
                        "verdict": f.verdict,
                        "how": f.how,
                        "articles": list(f.articles),
                        "claims": list(f.claim_ids),
                        "sentences": list(f.sentence_ids),
                        "explanation": f.explanation,
                        "confidence": f.confidence,
                        "decision": decision_json(decisions[f.id]) if f.id in decisions else None,
                    }
                    for f in findings
                ],
            }
        )
    facts.sort(key=lambda f: (VERDICT_RANK[f["verdict"]], f["id"]))
    return {
        "schema": SCHEMA,
        "batch": report.batch,
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "published_source": a.published_source,
                "published_evidence": a.published_evidence,
                "path": a.path,
            }
            for a in report.articles
        ],
        "dropped": [
            {"article": d.article_id, "start": d.start, "end": d.end, "rule": d.rule, "text": d.text}
            for d in report.dropped
        ],
        "syndicated": [list(group) for group in report.syndicated],
        "facts": facts,
        "skipped": [{"id": s.id, "reason": s.reason} for s in report.skipped],
        "stale_decisions": [decision_json(d) for d in stale_decisions(report, decisions)],
        "config": report.config,
    }


def _md_escape(text: str) -> str:
    """Escape text so Markdown renders it literally (no HTML, links or emphasis)."""
    out = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]#|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def _md_decision(decision: dict[str, Any]) -> str:
    """A reviewer's decision in Markdown: '**false alarm** by Ann (a typo in the wire copy)'."""
    out = f"**{_md_escape(decision['decision'])}**"
    if decision["reviewer"]:
        out += f" by {_md_escape(decision['reviewer'])}"
    if decision["note"]:
        out += f" ({_md_escape(decision['note'])})"
    return out


def render_markdown(report: Report, decisions: Mapping[str, Decision] | None = None) -> str:
    """The editor's report: summary, then contradictions, differences, agreements, with reviewers' decisions."""
    doc = report_json(report, decisions)
    outlets = {a["id"]: a["outlet"] for a in doc["articles"]}
    counts = {v: sum(1 for f in doc["facts"] if f["verdict"] == v) for v in VERDICT_RANK}
    lines = [f"# factcheck report: {_md_escape(report.batch)}", ""]
    lines.append(
        f"{len(doc['articles'])} articles, {len(doc['facts'])} facts: "
        + ", ".join(f"{n} {v}" for v, n in counts.items())
        + "."
    )
    lines += ["", "## Articles", "", "| id | outlet | published | source of date |", "|---|---|---|---|"]
    for a in doc["articles"]:
        lines.append(
            f"| {_md_escape(a['id'])} | {_md_escape(a['outlet'])} | {a['published'] or 'unknown'} | "
            f"{_md_escape(a['published_source'])} {_md_escape(a['published_evidence'])} |"
        )
    for group in doc["syndicated"]:
        names = ", ".join(_md_escape(a) for a in group)
        lines += ["", f"Syndicated copies of one story (counted as one independent source): {names}."]
    titles = {
        "contradict": "Contradictions",
        "differ": "Differences",
        "agree": "Agreements",
        "single-source": "Stated by one outlet only",
    }
    for verdict, title in titles.items():
        facts = [f for f in doc["facts"] if f["verdict"] == verdict]
        if verdict == "single-source" and not report.config.get("report", {}).get("include_single_source"):
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
                    f"{_md_escape(finding['explanation'])}"
                    + (f" — reviewer: {_md_decision(finding['decision'])}" if finding["decision"] else "")
                )
            if not fact["findings"] and verdict != "single-source":
                lines.append("- similar wording across outlets; no numbers or dates to compare")
            lines.append("")
            for m in fact["mentions"]:
                lines.append(f"> **{_md_escape(outlets[m['article']])}**: {_md_escape(m['text'])}")
                lines.append(">")
            lines.pop()
            lines.append("")
    lines += ["", "## Dropped as boilerplate", "", "| article | rule | text |", "|---|---|---|"]
    for d in doc["dropped"]:
        lines.append(f"| {_md_escape(d['article'])} | {d['rule']} | {_md_escape(d['text'][:120])} |")
    if doc["skipped"]:
        lines += ["", "## Skipped", ""]
        lines += [f"- {_md_escape(s['id'])}: {_md_escape(s['reason'])}" for s in doc["skipped"]]
    if doc["stale_decisions"]:
        lines += ["", "## Stale reviewer decisions", "", "Decisions on findings this run no longer reports (kept):", ""]
        lines += [
            f"- {_md_escape(d['finding'])} (fact {_md_escape(d['fact'])}): {_md_decision(d)}"
            for d in doc["stale_decisions"]
        ]
    return "\n".join(lines).rstrip() + "\n"


def write_atomic(path: Path, content: str | bytes) -> Path:
    """Write a file through a temporary file and a rename, so a kill never leaves half a file.

    Inside `write_report`, the report folder's files are staged and switched in together
    (see `report/atomic.py`, #12).

    Raises:
        ReportError: the file cannot be written.
    """
    return atomic.write_file(path, content)


_write_atomic = write_atomic  # older name, kept for other modules


def _write_json(report: Report, out: Path, decisions: Mapping[str, Decision]) -> list[Path]:
    """Write facts.json."""
    text = json.dumps(report_json(report, decisions), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    return [write_atomic(out / "facts.json", text)]


def _write_md(report: Report, out: Path, decisions: Mapping[str, Decision]) -> list[Path]:
    """Write report.md."""
    return [write_atomic(out / "report.md", render_markdown(report, decisions))]


def _write_html(report: Report, out: Path, decisions: Mapping[str, Decision]) -> list[Path]:
    """Write report.html, or skip it with a warning while the HTML renderer is not installed."""
    try:
        from factcheck.report.html import render_html
    except ModuleNotFoundError as e:
        if e.name != "factcheck.report.html":
            raise
        logger.warning("html report skipped: factcheck.report.html is not available")
        return []
    return [write_atomic(out / "report.html", render_html(report, decisions))]


Writer = Callable[[Report, Path, Mapping[str, Decision]], list[Path]]
FORMATS: dict[str, Writer] = {"md": _write_md, "json": _write_json, "html": _write_html}


def write_report(
    report: Report,
    out: Path,
    *,
    formats: Sequence[str] = ("md", "json"),
    decisions: Mapping[str, Decision] | None = None,
    batch_dir: Path | None = None,
) -> list[Path]:
    """Write the report in each format (md, json, html, review) into folder `out`.

    Args:
        report: the run's report.
        out: the report folder.
        formats: any of REPORT_FORMATS; "review" writes review.xlsx and review.csv.
        decisions: reviewers' decisions by finding id, shown in every format.
        batch_dir: the batch folder, recorded in the review spreadsheet so `review import` finds it.

    Returns:
        The files written.

    Raises:
        ReportError: an unknown format, or a file cannot be written.
    """
    unknown = [f for f in formats if f not in REPORT_FORMATS]
    if unknown:
        raise ReportError(f"unknown report format {unknown[0]!r}; choose from {', '.join(REPORT_FORMATS)}")
    decisions = decisions or {}
    paths: list[Path] = []
    with atomic.staged(out):  # all files switch in together: never old and new mixed unsaid (#12)
        for fmt in dict.fromkeys(formats):
            if fmt == "review":
                from factcheck.review import write_review

                paths += write_review(report, out, decisions, batch_dir=batch_dir)
            else:
                paths += FORMATS[fmt](report, out, decisions)
    return paths
