"""Turn a Report into JSON and Markdown and write them atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import ReportError
from factcheck.pipeline import verdict_of
from factcheck.records import Claim, Report

SCHEMA = "factcheck.report/1"
VERDICT_RANK = {"contradict": 0, "differ": 1, "agree": 2, "single-source": 3}


def claim_json(claim: Claim) -> dict[str, Any]:
    """The JSON form of a claim."""
    out: dict[str, Any] = {
        "id": claim.id,
        "article": claim.article_id,
        "sentence": claim.sentence_id,
        "kind": claim.kind,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "value": claim.value.to_json(),
        "event": claim.event,
        "negated": claim.negated,
        "attribution": claim.attribution,
    }
    if claim.kind != "date":
        out.update(unit=claim.unit, qualifier=claim.qualifier)
    if claim.kind == "ordinal":
        out["scope"] = claim.scope
    return out


def report_json(report: Report) -> dict[str, Any]:
    """The facts.json document."""
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
                        "explanation": f.explanation,
                        "confidence": f.confidence,
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
        "facts": facts,
        "skipped": [{"id": s.id, "reason": s.reason} for s in report.skipped],
        "config": report.config,
    }


def _md_escape(text: str) -> str:
    """Escape text so Markdown renders it literally (no HTML, links or emphasis)."""
    out = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]#|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def render_markdown(report: Report) -> str:
    """The editor's report: summary, then contradictions, differences, agreements."""
    doc = report_json(report)
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
    return "\n".join(lines).rstrip() + "\n"


def _write_atomic(path: Path, content: str) -> Path:
    """Write a file through a temporary file and a rename, so a kill never leaves half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
        os.replace(tmp, path)
    except OSError as e:
        raise ReportError(f"{path}: cannot write report: {e.strerror}") from None
    return path


def _write_json(report: Report, out: Path) -> Path:
    """Write facts.json."""
    text = json.dumps(report_json(report), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    return _write_atomic(out / "facts.json", text)


def _write_md(report: Report, out: Path) -> Path:
    """Write report.md."""
    return _write_atomic(out / "report.md", render_markdown(report))


FORMATS: dict[str, Callable[[Report, Path], Path]] = {"json": _write_json, "md": _write_md}


def write_report(report: Report, out: Path, *, formats: Sequence[str] = ("md", "json")) -> list[Path]:
    """Write the report in each format into folder `out`."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ReportError(f"unknown report format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    return [FORMATS[f](report, out) for f in formats]
