"""The stories index of `check --stories`: one row per story, most disputed first, in Markdown and HTML.

Each story is named by its main event (the title of the fact the most outlets state, see
`views.main_event`) and shows its counts of contradictions, differences and agreements, its
articles and its outlets. The HTML page shares the report's stylesheet and its threat model:
autoescape on, a CSP that allows only the page's hashed style, no script, no external file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.records import Report
from factcheck.report.atomic import write_file
from factcheck.report.facts import report_json
from factcheck.report.markdown import md_escape
from factcheck.report.views import claims_by_id, main_event, sorted_outlets
from factcheck.verdicts import FINDING_VERDICTS, ORDER, fact_verdicts

INDEX_TEMPLATE = "index.html.j2"
OUTLETS_SHOWN = 4  # a story's row names this many outlets, then "and N more"


def write_feed_index(
    reports: Sequence[Report], folder: Path, *, formats: Sequence[str] = ("md", "json", "html")
) -> list[Path]:
    """Write `index.md` and `index.html` linking each story's report, as written in `formats`.

    Each page links the story's report of its own kind when it was written (report.md,
    report.html), else the first one that was (report.html, report.md, facts.json, review.xlsx).

    Returns:
        The paths written.
    """
    written = [name for fmt, name in _STORY_FILES if fmt in formats]
    rows = sorted((_index_row(report) for report in reports), key=_row_order)

    def link(preferred: str) -> str:
        return preferred if preferred in written else (written or [preferred])[0]

    md_rows = [{**r, "link": f"{r['name']}/{link('report.md')}"} for r in rows]
    html_rows = [{**r, "link": f"{r['name']}/{link('report.html')}"} for r in rows]
    return [
        write_file(folder / "index.md", _index_markdown(md_rows)),
        write_file(folder / "index.html", render_index_html(html_rows)),
    ]


_STORY_FILES = (("html", "report.html"), ("md", "report.md"), ("json", "facts.json"), ("review", "review.xlsx"))


def _row_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Most contradictions first, then most differences, most outlets, and the story's name."""
    return (-row["contradict"], -row["differ"], -len(row["outlets"]), str(row["name"]))


def _index_row(report: Report) -> dict[str, Any]:
    """What the index shows of one story's report."""
    verdicts = list(fact_verdicts(report).values())
    first: date | None = min((a.published for a in report.articles if a.published), default=None)
    return {
        "name": report.batch,
        "event": main_event(report_json(report), claims_by_id(report)),
        "title": report.articles[0].title if report.articles else "",
        "articles": len(report.articles),
        "outlets": sorted_outlets({a.id: a.outlet or a.id for a in report.articles}),
        "first": first.isoformat() if first else None,
        **{v.value: verdicts.count(v) for v in FINDING_VERDICTS},
    }


def _index_markdown(rows: Sequence[dict[str, Any]]) -> str:
    """The index page in Markdown: one table row per story, most disputed first."""
    lines = [
        "# factcheck: stories of the feed",
        "",
        f"{len(rows)} stories, {sum(r['articles'] for r in rows)} articles. Most disputed first.",
        "",
        "| story | main event | contradict | differ | agree | articles | outlets | first published |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        outlets = ", ".join(r["outlets"][:OUTLETS_SHOWN])
        more = len(r["outlets"]) - OUTLETS_SHOWN
        lines.append(
            f"| [{r['name']}]({r['link']}) | {md_escape(r['event'])} | {r['contradict']} | {r['differ']} | "
            f"{r['agree']} | {r['articles']} | {len(r['outlets'])}: {md_escape(outlets)}"
            f"{f' and {more} more' if more > 0 else ''} | {r['first'] or 'unknown'} |"
        )
    return "\n".join(lines) + "\n"


def render_index_html(rows: Sequence[dict[str, Any]]) -> str:
    """The index page in HTML, styled like the report, linking each story's report.html."""
    from factcheck.report.html import render_page  # jinja2 loads only when HTML is written

    return render_page(
        INDEX_TEMPLATE,
        rows=rows,
        n_articles=sum(r["articles"] for r in rows),
        n_contradicted=sum(1 for r in rows if r["contradict"]),
        n_differing=sum(1 for r in rows if r["differ"] and not r["contradict"]),
        symbols={v.value: v.symbol for v in ORDER},
        outlets_shown=OUTLETS_SHOWN,
    )
