"""Write a report's files (JSON, Markdown, HTML, review sheet) atomically: the only module that knows every format."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factcheck.cache import Cache, package_version, record_digest, text_key
from factcheck.errors import ReportError
from factcheck.records import Decision, Report
from factcheck.report import atomic
from factcheck.report.atomic import write_file
from factcheck.report.facts import SCHEMA, report_json, stale_decisions
from factcheck.report.markdown import render_markdown

__all__ = [
    "FORMATS",
    "REPORT_FORMATS",
    "SCHEMA",
    "WriteLog",
    "report_json",
    "stale_decisions",
    "write_file",
    "write_report",
]

REPORT_FORMATS = ("md", "json", "html", "review")
WRITTEN_CACHE = "written"
"""The cache file (in embed.cache_dir) recording what was last written into each report folder."""


def _listing(out: Path) -> dict[str, list[int]] | None:
    """Every entry of a folder (hidden ones too) with its inode, size and modification time; None if unreadable."""
    try:
        entries = list(out.iterdir())
        found = {}
        for entry in entries:
            st = entry.lstat()
            found[entry.name] = [st.st_ino, st.st_size, st.st_mtime_ns, st.st_mode]
        return found
    except OSError:
        return None


class WriteLog:
    """What was last written into report folders, so a report whose files are still those is not written again (#17).

    One entry per folder: the key of what was written (the report's whole content, the
    decisions, the formats, the batch folder and every file of the package, so any change of
    input, settings or code is a new key) and the folder's listing just after the switch
    (every entry's inode, size, modification time and mode). When the key is the same and the
    folder still lists exactly that, its files are the ones this run would write, byte for byte:
    they are left as they are, neither rendered nor written (and a warm re-run makes no fsync).
    Any other file, a changed or removed one, an unfinished switch or a staging folder means a
    normal write. Kept in the cache folder, so report folders hold nothing more; off without one.

    Args:
        cache_dir: the cache folder (`embed.cache_dir`); '' turns the log off.
        folders: report folders to look up at once (one read for a feed's stories).
    """

    def __init__(self, cache_dir: str, folders: Sequence[Path] = ()) -> None:
        """Read the entries of `folders`."""
        self._cache = (
            Cache(cache_dir, WRITTEN_CACHE, table="docs", column="doc", column_type="TEXT") if cache_dir else None
        )
        self._entries: dict[bytes, Any] = {}
        self._new: dict[bytes, str] = {}
        if self._cache is not None and folders:
            self._entries = self._cache.get_many(self._folder_key(f) for f in folders)

    @staticmethod
    def _folder_key(out: Path) -> bytes:
        """The entry key of a report folder."""
        return text_key(WRITTEN_CACHE, str(Path(out).resolve()))

    @staticmethod
    def key(report: Report, decisions: Mapping[str, Decision], formats: Sequence[str], batch_dir: Path | None) -> str:
        """What a write depends on, hashed."""
        return record_digest(package_version(), report, sorted(decisions.items()), tuple(formats), str(batch_dir or ""))

    def unchanged(self, out: Path, key: str) -> list[Path] | None:
        """The files of `out` when they are what `key` writes and untouched since; else None."""
        if self._cache is None:
            return None
        folder_key = self._folder_key(out)
        doc = self._entries.get(folder_key)
        if doc is None:
            doc = self._cache.get_many([folder_key]).get(folder_key)
        try:
            entry = json.loads(doc) if isinstance(doc, str) else None
        except ValueError:
            return None
        if not isinstance(entry, dict) or entry.get("key") != key or entry.get("listing") != _listing(out):
            return None
        names = entry.get("paths")
        if not isinstance(names, list) or not all(isinstance(n, str) and "/" not in n for n in names):
            return None
        return [Path(out) / n for n in names]

    def record(self, out: Path, key: str, paths: Sequence[Path]) -> None:
        """Remember what was just written into `out` (kept until `flush`)."""
        listing = _listing(out)
        if self._cache is None or listing is None:
            return
        doc = json.dumps({"key": key, "listing": listing, "paths": [p.name for p in paths]})
        folder_key = self._folder_key(out)
        self._entries[folder_key] = self._new[folder_key] = doc

    def flush(self) -> None:
        """Write the new entries in one transaction."""
        if self._cache is not None and self._new:
            self._cache.put_many(self._new)
        self._new = {}


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
    log: WriteLog | None = None,
) -> list[Path]:
    """Write the report in each format (md, json, html, review) into folder `out`.

    Args:
        report: the run's report.
        out: the report folder.
        formats: any of REPORT_FORMATS; "review" writes review.xlsx and review.csv.
        decisions: reviewers' decisions by finding id, shown in every format.
        batch_dir: the batch folder, recorded in the review spreadsheet so `review import` finds it.
        log: what was last written where (`WriteLog`): a folder that already holds exactly this
            report's files is left as it is; the caller flushes the log.

    Returns:
        The files written (or found already written).

    Raises:
        ReportError: an unknown format, or a file cannot be written.
    """
    unknown = [f for f in formats if f not in REPORT_FORMATS]
    if unknown:
        raise ReportError(f"unknown report format {unknown[0]!r}; choose from {', '.join(REPORT_FORMATS)}")
    decisions = decisions or {}
    key = WriteLog.key(report, decisions, formats, batch_dir) if log is not None else ""
    if log is not None:
        same = log.unchanged(out, key)
        if same is not None:
            return same
    paths: list[Path] = []
    with atomic.staged(out):  # all files switch in together: never old and new mixed unsaid (#12)
        for fmt in dict.fromkeys(formats):
            if fmt == "review":
                from factcheck.review import write_review

                paths += write_review(report, out, decisions, batch_dir=batch_dir)
            else:
                paths += FORMATS[fmt](report, out, decisions)
    # a review written beside a reviewer's unimported one is written (and warned about) again next time
    if log is not None and not any(p.name.startswith("review.new") for p in paths):
        log.record(out, key, paths)
    return paths
