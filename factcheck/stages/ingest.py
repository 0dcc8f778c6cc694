"""Read a batch of articles (txt, md, html, json, jsonl, csv) and their metadata."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.config import IngestConfig
from factcheck.errors import InputError
from factcheck.records import Article, Skipped

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv"}
METADATA_FILES = {"manifest.csv", "gold.json"}
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
FULL_DATE_RE = re.compile(
    rf"\b(?:{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>[A-Za-z]+)\.?,?\s+(?P<year2>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
DATELINE_RE = re.compile(
    rf"^\s*(?:[A-Z][\w .,'-]{{0,40}}?,\s*)?{_MONTH_RE}\s+(?P<day>\d{{1,2}})\s*[:\-–—]", re.IGNORECASE | re.MULTILINE
)
RECORD_TEXT_KEYS = ("text", "content", "body", "article")


def _decode(raw: bytes, path: Path) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, else the best guess."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise InputError(f"{path}: not text (cannot detect its encoding)") from None
        return str(best)


def _normalise_newlines(text: str) -> str:
    """Use '\\n' line ends and drop NUL bytes, so offsets are stable across platforms."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def parse_date(value: str) -> date | None:
    """Parse an ISO date (or the date part of an ISO timestamp); None when malformed."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _explicit_dates(text: str) -> list[tuple[date, str]]:
    """Every full calendar date written in the text, with its surface."""
    found = []
    for m in FULL_DATE_RE.finditer(text):
        month_name = (m.group("month") or m.group("month2") or "").lower().rstrip(".")
        month = MONTHS.get(month_name)
        day = int(m.group("day") or m.group("day2"))
        year = int(m.group("year") or m.group("year2"))
        if month is None:
            continue
        try:
            found.append((date(year, month, day), m.group(0)))
        except ValueError:
            continue
    return found


def estimate_published(text: str) -> tuple[date | None, str]:
    """Estimate a publication date from the text alone.

    A dateline ("October 20: ...") wins, its year taken from the latest explicit
    date; otherwise the latest explicit full date the article mentions, which
    the article can only have been published on or after.

    Returns:
        The estimate (or None) and the evidence that supports it.
    """
    explicit = _explicit_dates(text)
    latest = max(explicit, default=None)
    m = DATELINE_RE.search(text[:2000])
    if m:
        month = MONTHS[m.group("month").lower().rstrip(".")]
        year = latest[0].year if latest else None
        if year is not None:
            try:
                return date(year, month, int(m.group("day"))), f"dateline {m.group(0).strip()!r}"
            except ValueError:
                pass
    if latest:
        return latest[0], f"latest date the text mentions: {latest[1]!r}"
    return None, ""


def _first_line(text: str) -> str:
    """The first non-empty line, as a fallback title."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def _safe_path(base: Path, name: str, where: str) -> Path:
    """Resolve `name` inside `base`; refuse paths that leave the batch folder."""
    candidate = (base / name).resolve()
    if not candidate.is_relative_to(base.resolve()):
        raise InputError(f"{where}: path {name!r} leaves the batch folder")
    return candidate


def read_manifest(folder: Path, name: str) -> dict[str, dict[str, str]]:
    """Read `manifest.csv` (columns file, outlet, url, published, ...) keyed by file name and stem."""
    path = folder / name
    if not path.is_file():
        return {}
    text = _normalise_newlines(_decode(path.read_bytes(), path))
    rows: dict[str, dict[str, str]] = {}
    for line_no, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        file_name = (row.get("file") or "").strip()
        if not file_name:
            raise InputError(f"{path} line {line_no}: missing 'file'")
        _safe_path(folder, file_name, f"{path} line {line_no}")
        clean = {k: (v or "").strip() for k, v in row.items() if k}
        rows[file_name] = clean
        rows[Path(file_name).stem] = clean
    return rows


def _make_article(
    *,
    article_id: str,
    text: str,
    path: Path,
    meta: dict[str, Any],
) -> Article:
    """Build an Article from text and metadata, inferring what the metadata lacks."""
    text = _normalise_newlines(text)
    published_raw = str(meta.get("published") or meta.get("published_at") or meta.get("date") or "")
    published = parse_date(published_raw)
    if published is not None:
        source, evidence = meta.get("_source", "record"), str(meta.get("comment", ""))
    else:
        published, evidence = estimate_published(text)
        source = "estimated" if published else "missing"
    return Article(
        id=article_id,
        outlet=str(meta.get("outlet") or meta.get("source") or "") or article_id,
        title=str(meta.get("title") or "") or _first_line(text),
        url=str(meta.get("url") or "") or None,
        published=published,
        published_source=source,
        published_evidence=evidence,
        path=str(path),
        text=text,
    )


def _records_from_file(path: Path, text: str) -> Iterable[tuple[int, dict[str, Any] | None, str]]:
    """Yield (line number, record or None, error) for JSON, JSONL and CSV files."""
    if path.suffix == ".jsonl":
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield line_no, None, f"bad JSON ({e.msg})"
                continue
            yield (line_no, obj, "") if isinstance(obj, dict) else (line_no, None, "not an object")
    elif path.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            yield e.lineno, None, f"bad JSON ({e.msg})"
            return
        items = data if isinstance(data, list) else [data]
        for i, obj in enumerate(items, start=1):
            yield (i, obj, "") if isinstance(obj, dict) else (i, None, "not an object")
    else:
        for line_no, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            yield line_no, dict(row), ""


def _html_to_text(html: str, path: Path) -> tuple[str, dict[str, Any]]:
    """Extract the main text and metadata of an HTML page with trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        raise InputError(f"{path}: no article text found in the HTML")
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    meta = {
        "title": doc.get("title") or "",
        "url": doc.get("url") or "",
        "outlet": doc.get("sitename") or "",
        "published": doc.get("date") or "",
    }
    return str(doc.get("text") or ""), meta


def _list_inputs(inputs: Sequence[Path]) -> list[Path]:
    """Expand folders into their article files, sorted by name."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(
                p
                for p in sorted(item.iterdir())
                if p.is_file() and not p.name.startswith(".") and p.name not in METADATA_FILES
            )
        elif item.is_file():
            files.append(item)
        else:
            raise InputError(f"{item}: no such file or folder")
    return files


def load_articles(inputs: Sequence[Path], cfg: IngestConfig) -> tuple[list[Article], list[Skipped]]:
    """Read every article of a batch.

    Args:
        inputs: batch folders and/or article files.
        cfg: ingest settings.

    Returns:
        The articles, sorted by id, and the files or records that were skipped.

    Raises:
        InputError: a folder is missing, or the batch is over `max_articles`.
    """
    articles: dict[str, Article] = {}
    skipped: list[Skipped] = []
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for path in _list_inputs(inputs):
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = read_manifest(folder, cfg.manifest_name)
        suffix = path.suffix.lower()
        if suffix not in ARTICLE_SUFFIXES:
            skipped.append(Skipped(str(path), f"not an article file ({suffix or 'no extension'})"))
            continue
        size = path.stat().st_size
        if size > cfg.max_file_bytes:
            skipped.append(Skipped(str(path), f"larger than ingest.max_file_bytes ({size} bytes)"))
            continue
        raw = path.read_bytes()
        if b"\x00" in raw[:1024] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            skipped.append(Skipped(str(path), "binary file"))
            continue
        text = _decode(raw, path)
        manifest_meta: dict[str, Any] = dict(manifests[folder].get(path.name) or manifests[folder].get(path.stem) or {})
        if manifest_meta:
            manifest_meta["_source"] = "manifest"
        found: list[Article] = []
        if suffix in {".json", ".jsonl", ".csv"}:
            for line_no, rec, error in _records_from_file(path.with_suffix(suffix), text):
                where = f"{path} line {line_no}"
                if rec is None:
                    skipped.append(Skipped(where, error))
                    continue
                body = next((rec[k] for k in RECORD_TEXT_KEYS if isinstance(rec.get(k), str)), None)
                if not body or not body.strip():
                    skipped.append(Skipped(where, "record has no text (text/content/body)"))
                    continue
                rec_id = str(rec.get("id") or f"{path.stem}-{line_no}")
                found.append(_make_article(article_id=rec_id, text=body, path=path, meta=rec))
        else:
            meta: dict[str, Any] = {}
            if suffix in {".html", ".htm"}:
                text, meta = _html_to_text(text, path)
                meta["_source"] = "html"
            meta.update({k: v for k, v in manifest_meta.items() if v})
            if not text.strip():
                skipped.append(Skipped(str(path), "empty file"))
                continue
            found.append(_make_article(article_id=path.stem, text=text, path=path, meta=meta))
        for article in found:
            if article.id in articles:
                if articles[article.id].text == article.text:
                    skipped.append(Skipped(f"{path}:{article.id}", "same article twice"))
                    continue
                skipped.append(Skipped(f"{path}:{article.id}", "duplicate article id (renamed)"))
                n = 2
                while f"{article.id}~{n}" in articles:
                    n += 1
                article = Article(**{**_as_dict(article), "id": f"{article.id}~{n}"})
            articles[article.id] = article
        if len(articles) > cfg.max_articles:
            raise InputError(f"batch has more than ingest.max_articles={cfg.max_articles} articles")
    return sorted(articles.values(), key=lambda a: a.id), skipped


def _as_dict(article: Article) -> dict[str, Any]:
    """Fields of an article as a dict."""
    return {name: getattr(article, name) for name in Article.__slots__}
