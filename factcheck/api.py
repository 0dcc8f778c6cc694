"""The library's entry points: load articles, run the check, write reports."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.config import Config
from factcheck.errors import InputError
from factcheck.pipeline import Progress, run_pipeline
from factcheck.records import Article, Report, Skipped
from factcheck.report.files import write_report
from factcheck.stages.ingest import load_articles as _load

if TYPE_CHECKING:
    from factcheck.stages.embed import Embedder

__all__ = ["check", "check_feed", "load_articles", "load_embedder", "write_feed", "write_feed_index", "write_report"]


def load_articles(inputs: Sequence[Path], cfg: Config) -> tuple[list[Article], list[Skipped]]:
    """Read a batch; raise InputError when it holds no article."""
    articles, skipped = _load(inputs, cfg.ingest)
    if not articles:
        names = ", ".join(str(p) for p in inputs)
        raise InputError(f"{names}: no readable article (.txt, .md, .html, .json, .jsonl, .csv)")
    return articles, skipped


def load_embedder(cfg: Config) -> Embedder:
    """The sentence-transformers model named by `embed.model` (loaded on its first cache miss)."""
    from factcheck.stages.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(cfg.embed.model, batch_size=cfg.embed.batch_size, threads=cfg.embed.threads)


def check(
    inputs: Sequence[Path],
    cfg: Config,
    *,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read a batch and check it: the library form of `factcheck check`."""
    articles, skipped = load_articles(inputs, cfg)
    batch = inputs[0].resolve().name if len(inputs) == 1 else "batch"
    return run_pipeline(articles, cfg, embedder or load_embedder(cfg), batch=batch, skipped=skipped, progress=progress)


def story_name(index: int, story: Sequence[Article]) -> str:
    """Batch name of a story: its number and a slug of its first article's title (safe as a folder name)."""
    slug = re.sub(r"[^a-z0-9]+", "-", story[0].title.lower()).strip("-")[:40].rstrip("-")
    return f"story-{index:03d}" + (f"-{slug}" if slug else "")


def check_feed(
    inputs: Sequence[Path],
    cfg: Config,
    *,
    embedder: Embedder | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> list[Report]:
    """Read a mixed feed, group it into stories and check each story: `factcheck check --stories`.

    Args:
        inputs: Feed folder(s) or article files.
        cfg: Settings (`stories` for the grouping, `scale` for where the checks run).
        embedder: Defaults to the model of `embed.model`.
        scheduler: Address of a running Dask scheduler (overrides `scale.scheduler`).
        progress: Called with a short status line between steps.

    Returns:
        One report per story, in story order (earliest article first); every report
        lists the feed's skipped files.
    """
    from factcheck.distributed import run_stories
    from factcheck.stories import group_stories, prepare_feed

    step = progress or (lambda _name: None)
    articles, skipped = load_articles(inputs, cfg)
    model = embedder or load_embedder(cfg)
    step("prepare")
    prepare_feed(articles, model, cfg)
    step("stories")
    stories = group_stories(articles, model, cfg)
    names = [story_name(k, story) for k, story in enumerate(stories, 1)]
    return run_stories(stories, names, cfg, model, scheduler=scheduler, skipped=skipped, progress=step)


def write_feed(reports: Sequence[Report], folder: Path, *, formats: Sequence[str] = ("md", "json")) -> list[Path]:
    """Write each story's report into `folder/<story>/` and the index; return the paths written."""
    paths = []
    for report in reports:
        paths += write_report(report, folder / report.batch, formats=formats)
    index = write_feed_index(reports, folder)
    return [*paths, index, *([index.with_suffix(".html")] if index.with_suffix(".html").is_file() else [])]


def write_feed_index(reports: Sequence[Report], folder: Path) -> Path:
    """Write `index.md` (and `index.html` when the HTML renderer is installed) linking each story's report.

    Returns:
        The path of index.md.
    """
    import importlib.util

    from factcheck.report.files import write_atomic

    rows = [_index_row(report) for report in reports]
    index = write_atomic(folder / "index.md", _index_markdown(rows))
    if importlib.util.find_spec("factcheck.report.html") is not None:
        write_atomic(folder / "index.html", _index_html(rows))
    return index


def _index_row(report: Report) -> dict[str, object]:
    """What the index shows of one story's report."""
    from factcheck.verdicts import verdict_of

    verdicts = [verdict_of(report, fact) for fact in report.facts]
    return {
        "name": report.batch,
        "title": report.articles[0].title if report.articles else "",
        "articles": len(report.articles),
        "outlets": sorted({a.outlet for a in report.articles}),
        "first": min((a.published for a in report.articles if a.published), default=None),
        **{v: verdicts.count(v) for v in ("contradict", "differ", "agree")},
    }


def _md_text(text: object) -> str:
    """Text shown literally in Markdown (no HTML, links or emphasis)."""
    out = str(text).replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]#|!":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


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
            f"{_md_text(outlets)} | {r['contradict']} | {r['differ']} | {r['agree']} | {_md_text(r['title'])} |"
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
