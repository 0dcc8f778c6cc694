"""The stories index of `check --stories`: one row per story, in Markdown and HTML."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.records import Report
from factcheck.report.atomic import write_atomic
from factcheck.report.markdown import md_escape
from factcheck.verdicts import FINDING_VERDICTS, verdict_of


def write_feed_index(reports: Sequence[Report], folder: Path) -> list[Path]:
    """Write `index.md` and `index.html` linking each story's report.

    Returns:
        The paths written.
    """
    rows = [_index_row(report) for report in reports]
    return [
        write_atomic(folder / "index.md", _index_markdown(rows)),
        write_atomic(folder / "index.html", _index_html(rows)),
    ]


def _index_row(report: Report) -> dict[str, object]:
    """What the index shows of one story's report."""
    verdicts = [verdict_of(report, fact) for fact in report.facts]
    return {
        "name": report.batch,
        "title": report.articles[0].title if report.articles else "",
        "articles": len(report.articles),
        "outlets": sorted({a.outlet for a in report.articles}),
        "first": min((a.published for a in report.articles if a.published), default=None),
        **{v.value: verdicts.count(v) for v in FINDING_VERDICTS},
    }


def _index_markdown(rows: Sequence[dict[str, object]]) -> str:
    """The index page in Markdown: one table row per story."""
    lines = [
        "# factcheck: stories of the feed",
        "",
        f"{len(rows)} stories, {sum(int(str(r['articles'])) for r in rows)} articles.",
        "",
        "| story | first published | articles | outlets | contradict | differ | agree | title |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        outlets = ", ".join(str(o) for o in r["outlets"])  # type: ignore[attr-defined]
        lines.append(
            f"| [{r['name']}]({r['name']}/report.md) | {r['first'] or 'unknown'} | {r['articles']} | "
            f"{md_escape(outlets)} | {r['contradict']} | {r['differ']} | {r['agree']} | {md_escape(r['title'])} |"
        )
    return "\n".join(lines) + "\n"


def _index_html(rows: Sequence[dict[str, object]]) -> str:
    """The index page in HTML (escaped, no scripts), linking each story's report.html."""
    from markupsafe import escape

    body = "".join(
        f'<tr><td><a href="{escape(r["name"])}/report.html">{escape(r["name"])}</a></td>'
        f"<td>{escape(r['first'] or 'unknown')}</td><td>{escape(r['articles'])}</td>"
        f"<td>{escape(', '.join(str(o) for o in r['outlets']))}</td>"  # type: ignore[attr-defined]
        f"<td>{escape(r['contradict'])}</td><td>{escape(r['differ'])}</td><td>{escape(r['agree'])}</td>"
        f"<td>{escape(r['title'])}</td></tr>\n"
        for r in rows
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<title>factcheck: stories of the feed</title>\n"
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .6em;text-align:left}</style>"
        "</head><body>\n<h1>factcheck: stories of the feed</h1>\n"
        "<table><thead><tr><th>story</th><th>first published</th><th>articles</th><th>outlets</th>"
        "<th>contradict</th><th>differ</th><th>agree</th><th>title</th></tr></thead><tbody>\n"
        f"{body}</tbody></table>\n</body></html>\n"
    )
