"""Write a report's files (JSON, Markdown, HTML, review sheet) atomically: the only module that knows every format."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from factcheck.errors import ReportError
from factcheck.records import Decision, Report
from factcheck.report import atomic
from factcheck.report.atomic import write_file
from factcheck.report.facts import SCHEMA, report_json, stale_decisions
from factcheck.report.markdown import render_markdown

__all__ = ["FORMATS", "REPORT_FORMATS", "SCHEMA", "report_json", "stale_decisions", "write_file", "write_report"]

REPORT_FORMATS = ("md", "json", "html", "review")


def _write_json(report: Report, out: Path, decisions: Mapping[str, Decision]) -> list[Path]:
    """Write facts.json."""
    text = json.dumps(report_json(report, decisions), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    return [write_file(out / "facts.json", text)]


def _write_md(report: Report, out: Path, decisions: Mapping[str, Decision]) -> list[Path]:
    """Write report.md."""
    return [write_file(out / "report.md", render_markdown(report, decisions))]


def _write_html(report: Report, out: Path, decisions: Mapping[str, Decision]) -> list[Path]:
    """Write report.html."""
    from factcheck.report.html import render_html  # jinja2 loads only when HTML is asked for

    return [write_file(out / "report.html", render_html(report, decisions))]


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
