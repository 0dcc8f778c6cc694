"""Read a batch of articles (txt, md, html, json, jsonl, csv) and their metadata."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePath, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from factcheck.config import IngestConfig
from factcheck.errors import InputError
from factcheck.records import Article, Skipped
from factcheck.stages import language
from factcheck.stages.language import detect_language, unsupported_language

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
RECORD_PATH_KEYS = ("path", "file")
BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",  # ico
)
MAX_CONTROL_RATIO = 0.1
"""A file whose first bytes hold more control bytes than this is binary, not text with a stray NUL."""
MIN_UTF8_EVIDENCE = 1
"""Text is read as UTF-8 despite invalid bytes when it has this many valid non-ASCII UTF-8 characters per invalid one.

Another 8-bit encoding (cp1252, cp1251, latin-1) almost never forms a valid UTF-8 sequence, so
one valid sequence per bad one is already strong evidence (#12; it was 10, and a UTF-8 article
with a few broken bytes was guessed as a Cyrillic code page)."""
MAX_UNPRINTABLE_RATIO = 0.05
"""Decoded text with more unprintable characters than this is a mis-decoded binary file."""
MAX_REASONS_SHOWN = 3
"""How many skipped files an error about an empty batch names."""
MAX_FIELD_CHARS = 300
"""Titles, outlets, ids and urls are cut to this length."""
_WHITESPACE_RE = re.compile(r"\s+")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_BYTES = frozenset([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])

logger = logging.getLogger(__name__)


class _Unreadable(Exception):
    """A file of the batch that is skipped (not text, undecodable, bad HTML); the message is the reason."""


def _utf16_without_bom(sample: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL (ASCII text in UTF-16), else ''."""
    half = max(len(sample) // 2, 1)
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return ""


def _decode_counted(raw: bytes) -> tuple[str, int]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16, else the best guess.

    Text that is valid UTF-8 but for a few byte sequences stays UTF-8, each bad sequence a
    U+FFFD (#12): it has at least as many valid non-ASCII characters as bad sequences. Text
    with more bad sequences than that is in another encoding, which is guessed.

    Returns:
        The text and how many invalid UTF-8 sequences were replaced.

    Raises:
        _Unreadable: the bytes are binary (an image, an archive, random data).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), 0
    sample = raw[:8192]
    if raw.startswith(BINARY_MAGIC):
        raise _Unreadable("binary file")
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return raw.decode(utf16, errors="replace"), 0
    if sum(b in _CONTROL_BYTES for b in sample) > MAX_CONTROL_RATIO * len(sample):
        raise _Unreadable("binary file")
    bad = 0
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd") - raw.count("\ufffd".encode())  # a U+FFFD the file itself holds is not bad
    if bad:
        valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
        if valid_non_ascii < MIN_UTF8_EVIDENCE * bad:
            # not UTF-8 with a few broken bytes (a truncated download) but another encoding: guess it
            from charset_normalizer import from_bytes

            best = from_bytes(raw).best()
            if best is None:
                raise _Unreadable("not text (cannot detect its encoding)")
            text, bad = str(best), 0
    head = text[:8192]
    unprintable = sum(ch == "\ufffd" or (unicodedata.category(ch)[0] == "C" and ch not in "\n\r\t\x00") for ch in head)
    if unprintable > MAX_UNPRINTABLE_RATIO * max(len(head), 1):
        raise _Unreadable("binary file (not readable as text)")
    return text, bad


def _decode(raw: bytes) -> str:
    """The text of `raw` (see `_decode_counted`)."""
    return _decode_counted(raw)[0]


def _normalise_newlines(text: str) -> str:
    """Use '\\n' line ends and drop NUL bytes, so offsets are stable across platforms."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def parse_date(value: str) -> date | None:
    """Parse an ISO date (or the date part of an ISO timestamp) or 'October 16, 2023'; None when malformed."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    written = _explicit_dates(value[:100])
    if len(written) == 1 and written[0][1].strip() == value.rstrip(". "):
        return written[0][0]
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


def estimate_published(text: str, *, today: date | None = None) -> tuple[date | None, str]:
    """Estimate a publication date from the text alone.

    A dateline ("October 20: ...") wins, its year taken from the latest explicit
    date; otherwise the latest explicit full date the article mentions, which
    the article can only have been published on or after. Dates after `today`
    are plans ("the vote on March 3, 2031"), not evidence, and are ignored.

    Returns:
        The estimate (or None) and the evidence that supports it.
    """
    explicit = [(d, surface) for d, surface in _explicit_dates(text) if today is None or d <= today]
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


def _clean_name(name: str | PurePath) -> str:
    """A path or name as text any file can hold: a file name that is not UTF-8 gets U+FFFD for its bad bytes."""
    return _SURROGATE_RE.sub("\ufffd", str(name))


def _first_line(text: str) -> str:
    """The first non-empty line, as a fallback title."""
    for line in text[:5000].splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def _leaves_folder(base: Path, name: str | Path) -> bool:
    """True when `name` (relative, absolute, or a symlink) resolves outside `base`."""
    return not (base / name).resolve().is_relative_to(base.resolve())


def _safe_path(base: Path, name: str, where: str) -> Path:
    """Resolve `name` inside `base`; refuse paths that leave the batch folder."""
    if "\x00" in name or _leaves_folder(base, name):
        raise InputError(f"{where}: path {name!r} leaves the batch folder")
    return (base / name).resolve()


@dataclass(slots=True)
class _Manifest:
    """A folder's manifest.csv: its rows by file name (and by the name without suffix), and what it skipped."""

    path: Path
    rows: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)  # key -> (file, row)
    lines: dict[str, int] = field(default_factory=dict)  # file -> line of the row that is used
    skipped: list[Skipped] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # files a batch file matched

    def lookup(self, *names: str) -> dict[str, str]:
        """The row of the first of `names` the manifest has (marking it used), else {}."""
        for name in names:
            if name in self.rows:
                file_name, row = self.rows[name]
                self.used.add(file_name)
                return row
        return {}


def _manifest_name(file_name: str) -> str:
    """A manifest's file name in one form: forward slashes, no './'."""
    return PurePosixPath(file_name.replace("\\", "/")).as_posix()


def _read_manifest(folder: Path, name: str) -> _Manifest:
    """Read a folder's manifest; a second row for the same file is skipped (the first is used, #12).

    Raises:
        InputError: the manifest is not text, lacks a file name, or names a path outside the folder.
    """
    path = folder / name
    manifest = _Manifest(path)
    if not path.is_file():
        return manifest
    try:
        text = _normalise_newlines(_decode(path.read_bytes()))
    except (OSError, _Unreadable) as e:
        raise InputError(f"{path}: cannot read the manifest: {_reason(e)}") from None
    for line_no, row, error in _csv_rows(text):
        if row is None:
            raise InputError(f"{path} line {line_no}: {error}")
        raw_name = (row.get("file") or "").strip() if isinstance(row.get("file"), str) else ""
        if not raw_name:
            raise InputError(f"{path} line {line_no}: missing 'file'")
        _safe_path(folder, raw_name, f"{path} line {line_no}")
        file_name = _manifest_name(raw_name)
        if not PurePosixPath(file_name).name:
            raise InputError(f"{path} line {line_no}: {raw_name!r} names a folder, not an article file")
        if file_name in manifest.lines:
            manifest.skipped.append(
                Skipped(
                    f"{path} line {line_no}",
                    f"second row for {file_name!r} ignored (line {manifest.lines[file_name]} is used)",
                )
            )
            continue
        clean = {k: v.strip() for k, v in row.items() if isinstance(k, str) and isinstance(v, str)}
        manifest.lines[file_name] = line_no
        manifest.rows[file_name] = (file_name, clean)
        manifest.rows.setdefault(str(PurePosixPath(file_name).with_suffix("")), (file_name, clean))
    return manifest


def read_manifest(folder: Path, name: str) -> dict[str, dict[str, str]]:
    """Read `manifest.csv` (columns file, outlet, url, published, ...) keyed by file name and by name without suffix.

    A second row for the same file is ignored (the first is used); `load_articles` lists it as skipped.

    Raises:
        InputError: the manifest is not text, lacks a file name, or names a path outside the folder.
    """
    return {key: row for key, (_, row) in _read_manifest(folder, name).rows.items()}


def _unused_rows(manifest: _Manifest) -> list[Skipped]:
    """A Skipped for each manifest row that no article file of the batch matched."""
    folder = manifest.path.parent
    out = []
    for file_name, line_no in manifest.lines.items():
        if file_name in manifest.used:
            continue
        target = folder / file_name
        try:
            present = target.exists() or target.is_symlink()
        except OSError:  # a name too long for the file system
            present = False
        reason = (
            f"file {file_name!r} is not one of the batch's article files"
            if present
            else f"no file {file_name!r} in the batch folder"
        )
        out.append(Skipped(f"{manifest.path} line {line_no}", reason))
    return out


def _reason(error: Exception) -> str:
    """A one-line reason from an OSError or a skip."""
    return error.strerror or str(error) if isinstance(error, OSError) else str(error)


ARCHIVE_HOSTS = {
    "web.archive.org",
    "archive.org",
    "archive.ph",
    "archive.today",
    "archive.is",
    "webcache.googleusercontent.com",
}
EMBEDDED_URL_RE = re.compile(r"https?://[^\s]+|(?<=/)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/", re.IGNORECASE)


def outlet_from_url(url: str) -> str:
    """The site an article's URL names, as an outlet ("https://www.wwmt.com/news/x" -> "wwmt.com").

    An archive copy names the site it archived ("web.archive.org/web/2016/http://wwmt.com/x" ->
    "wwmt.com").
    """
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
        if host in ARCHIVE_HOSTS:
            path = url.split(host, 1)[1]
            embedded = EMBEDDED_URL_RE.search(path)
            if embedded:
                inner = embedded.group(0)
                host = (urlsplit(inner if "://" in inner else "http://" + inner).hostname or host).lower()
    except ValueError:
        return ""
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


def _field(meta: dict[str, Any], *keys: str) -> str:
    """The first key holding a string or number, as one line of at most MAX_FIELD_CHARS; '' if none.

    Lists, objects and booleans are ignored: a record's fields are untrusted.
    """
    for key in keys:
        value = meta.get(key)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            continue
        text = _SURROGATE_RE.sub("\ufffd", " ".join(str(value).split())[:MAX_FIELD_CHARS])
        if text:
            return text
    return ""


def _make_article(
    *,
    article_id: str,
    text: str,
    path: Path,
    meta: dict[str, Any],
    today: date,
) -> Article:
    """Build an Article from text and metadata, inferring what the metadata lacks."""
    # a JSON "\\ud800" escape decodes to a lone surrogate, which no file can hold (#12)
    text = _SURROGATE_RE.sub("\ufffd", _normalise_newlines(text))
    published_raw = _field(meta, "published", "published_at", "date")
    published = parse_date(published_raw)
    if published is not None:
        source, evidence = str(meta.get("_source", "record")), _field(meta, "comment")
    else:
        published, evidence = estimate_published(text, today=today)
        source = "estimated" if published else "missing"
        if published_raw:
            evidence = "; ".join(filter(None, [f"malformed date {published_raw!r} ignored", evidence]))
    if published is not None and published > today:
        # kept as given, but flagged: relative dates resolved against it will be off too (#6)
        evidence = "; ".join(filter(None, [evidence, f"date is in the future (after {today.isoformat()})"]))
    return Article(
        id=article_id,
        outlet=_field(meta, "outlet", "source") or outlet_from_url(_field(meta, "url")) or article_id,
        title=_field(meta, "title") or _first_line(text),
        url=_field(meta, "url") or None,
        published=published,
        published_source=source,
        published_evidence=evidence,
        path=_clean_name(path),
        text=text,
    )


@contextmanager
def _csv_field_limit(text: str) -> Iterator[None]:
    """Let a CSV field be as long as the whole text (an article), not csv's default 128 KiB."""
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(max(previous_limit, len(text) + 1))
    try:
        yield
    finally:
        csv.field_size_limit(previous_limit)


def _csv_header(text: str) -> list[str]:
    """The lower-cased column names of a CSV text; [] when its first record cannot be read."""
    with _csv_field_limit(text):
        try:
            return [h.strip().lower() for h in next(csv.reader(io.StringIO(text)), [])]
        except csv.Error:
            return []


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """Yield (first line of the record, row or None, error) for a CSV text; a bad row does not end the file."""
    with _csv_field_limit(text):
        reader = csv.DictReader(io.StringIO(text))
        line_no = 2
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield line_no, None, f"bad CSV ({e})"
                line_no = reader.line_num + 1
                continue
            yield line_no, row, ""
            line_no = reader.line_num + 1


def _records_from_file(path: Path, text: str) -> Iterable[tuple[str, dict[str, Any] | None, str]]:
    """Yield (where, record or None, error) for JSON, JSONL and CSV files; `where` is 'line N' or 'item N'."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for line_no, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield f"line {line_no}", None, f"bad JSON ({e.msg})"
                continue
            except RecursionError:
                yield f"line {line_no}", None, "bad JSON (nested too deeply)"
                continue
            yield (f"line {line_no}", obj, "") if isinstance(obj, dict) else (f"line {line_no}", None, "not an object")
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            yield f"line {e.lineno}", None, f"bad JSON ({e.msg})"
            return
        except RecursionError:
            yield "line 1", None, "bad JSON (nested too deeply)"
            return
        items = data if isinstance(data, list) else [data]
        for i, obj in enumerate(items, start=1):
            yield (f"item {i}", obj, "") if isinstance(obj, dict) else (f"item {i}", None, "not an object")
    else:
        for line_no, row, error in _csv_rows(text):
            yield f"line {line_no}", row, error


def _html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Extract the main text and metadata of an HTML page with trafilatura (scripts, styles and frames dropped)."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as e:  # trafilatura and lxml raise assorted errors on broken markup: skip the page (#6)
        raise _Unreadable(f"cannot parse the HTML ({type(e).__name__})") from None
    if extracted is None:
        raise _Unreadable("no article text found in the HTML")
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    meta = {
        "title": doc.get("title") or "",
        "url": doc.get("url") or "",
        "outlet": doc.get("sitename") or "",
        "published": doc.get("date") or "",
    }
    return str(doc.get("text") or ""), meta


@dataclass(slots=True)
class _Listing:
    """The article files of a batch, each with the batch folder it was found under, and what was not read."""

    files: list[tuple[Path, Path]] = field(default_factory=list)  # (file, batch folder)
    skipped: list[Skipped] = field(default_factory=list)
    subfolders: list[Path] = field(default_factory=list)  # not read: ingest.recursive is off
    whole_folders: list[Path] = field(default_factory=list)  # folders read in full (their manifests are checked)


def _walk(folder: Path, root: Path, ignore: frozenset[str], recursive: bool, listing: _Listing) -> None:
    """List one folder's article files (sorted by name); subfolders, links and special files are named, never silent.

    Hidden files and folders (.git, .DS_Store, the cache) and the metadata files are left out.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError as e:
        if folder == root:
            raise InputError(f"{folder}: cannot read the folder: {_reason(e)}") from None
        listing.skipped.append(Skipped(str(folder), f"cannot read the folder: {_reason(e)}"))
        return
    listing.whole_folders.append(folder)
    for p in entries:
        if p.name.startswith(".") or p.name in METADATA_FILES | ignore:
            continue
        if p.is_symlink() and not p.exists():
            listing.skipped.append(Skipped(str(p), "dangling link (its target does not exist)"))
        elif p.is_symlink() and p.is_dir():
            listing.skipped.append(Skipped(str(p), "link to a folder (links to folders are not followed)"))
        elif p.is_dir():
            if recursive:
                _walk(p, root, ignore, recursive, listing)
            else:
                listing.subfolders.append(p)
        elif not p.is_file():
            listing.skipped.append(Skipped(str(p), "not a regular file (a pipe, socket or device)"))
        elif _leaves_folder(root, p.relative_to(root)):
            listing.skipped.append(Skipped(str(p), "link to a file outside the batch folder"))
        else:
            listing.files.append((p, root))


def _list_inputs(inputs: Sequence[Path], ignore: frozenset[str] = frozenset(), *, recursive: bool = False) -> _Listing:
    """Expand folders into their article files; every entry that is not read is listed with the reason.

    Raises:
        InputError: an input does not exist or is not a file or folder.
    """
    listing = _Listing()
    for item in inputs:
        if item.is_dir():
            _walk(item, item, ignore, recursive, listing)
        elif item.is_file():
            listing.files.append((item, item.parent))
        elif item.exists():
            raise InputError(f"{item}: not a regular file or folder")
        else:
            raise InputError(f"{item}: no such file or folder")
    return listing


def _unread_subfolders(listing: _Listing, articles: Iterable[Article]) -> list[Skipped]:
    """A Skipped for each subfolder that was not read (none of its files was named by a record either)."""
    read = [Path(a.path) for a in articles]
    return [
        Skipped(str(sub), "subfolder not read (set ingest.recursive = true to read subfolders)")
        for sub in listing.subfolders
        if not any(p.is_relative_to(sub) for p in read)
    ]


def _read_text(path: Path, cfg: IngestConfig) -> str:
    """The decoded text of one file of the batch.

    Raises:
        _Unreadable: too large, unreadable, binary, or not decodable.
    """
    try:
        size = path.stat().st_size
        if size > cfg.max_file_bytes:
            raise _Unreadable(f"larger than ingest.max_file_bytes ({size} bytes)")
        raw = path.read_bytes()
    except OSError as e:
        raise _Unreadable(f"cannot read: {_reason(e)}") from None
    text, bad = _decode_counted(raw)
    if bad:
        logger.warning("%s: %d invalid UTF-8 byte sequence(s) replaced with U+FFFD", path, bad)
    return text


def _has_text(text: str) -> bool:
    """Whether a text holds more than white space and the NUL bytes ingest drops."""
    return bool(text.replace("\x00", "").strip())


def _record_body(rec: dict[str, Any], folder: Path, where: str, cfg: IngestConfig) -> tuple[str, Path | None]:
    """A record's text, from its text field or from the file its `path` field names inside the batch folder.

    Raises:
        _Unreadable: no text, or a path that leaves the batch folder or cannot be read.
    """
    body = next((rec[k] for k in RECORD_TEXT_KEYS if isinstance(rec.get(k), str) and _has_text(rec[k])), "")
    if body:
        return body, None
    name = next((rec[k] for k in RECORD_PATH_KEYS if isinstance(rec.get(k), str) and rec[k].strip()), "")
    if not name:
        raise _Unreadable("record has no text (text/content/body)")
    shown = name if len(name) <= MAX_FIELD_CHARS else name[:MAX_FIELD_CHARS] + "…"
    try:
        target = _safe_path(folder, name, where)
        is_file = target.is_file()
    except InputError:
        raise _Unreadable(f"path {shown!r} leaves the batch folder") from None
    except (OSError, ValueError) as e:  # too long for the file system, a lone surrogate from JSON (#12)
        reason = _reason(e) if isinstance(e, OSError) else "not a valid file name"
        raise _Unreadable(f"path {shown!r}: cannot be read ({reason})") from None
    if not is_file:
        raise _Unreadable(f"path {shown!r}: no such file in the batch folder")
    return _read_text(target, cfg), target


def _articles_of_file(
    path: Path, meta: dict[str, Any], cfg: IngestConfig, today: date, *, stem: str
) -> Iterator[Article | Skipped]:
    """The articles of one file, and a Skipped for each bad record; `stem` is the file's id (its name, or its
    path in the batch folder without suffix, e.g. 'nyt/a').

    Raises:
        _Unreadable: the whole file is skipped.
    """
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise _Unreadable(f"not an article file ({suffix or 'no extension'})")
    text = _normalise_newlines(_read_text(path, cfg))
    if suffix in {".json", ".jsonl", ".csv"}:
        if suffix == ".csv" and text.strip() and not set(RECORD_TEXT_KEYS + RECORD_PATH_KEYS) & set(_csv_header(text)):
            raise _Unreadable("no text/content/body column in the CSV header")
        for where, rec, error in _records_from_file(path, text):
            at = f"{path} {where}"
            if rec is None:
                yield Skipped(at, error)
                continue
            # keys are matched case-insensitively; "_source" and the like are ours, not a record's
            rec = {str(k).strip().lower(): v for k, v in rec.items() if k is not None and not str(k).startswith("_")}
            try:
                body, source = _record_body(rec, path.parent, at, cfg)
            except _Unreadable as e:
                yield Skipped(at, str(e))
                continue
            if len(body) > cfg.max_article_chars:
                yield Skipped(at, _too_long(body))
                continue
            rec_id = _field(rec, "id") or f"{stem}-{where.split()[-1]}"
            yield _make_article(article_id=rec_id, text=body, path=source or path, meta=rec, today=today)
        return
    file_meta: dict[str, Any] = {}
    if suffix in {".html", ".htm"}:
        text, file_meta = _html_to_text(text)
        file_meta["_source"] = "html"
    file_meta.update({k: v for k, v in meta.items() if v})
    if not text.strip():
        raise _Unreadable("empty file")
    if len(text) > cfg.max_article_chars:
        raise _Unreadable(_too_long(text))
    yield _make_article(article_id=stem, text=text, path=path, meta=file_meta, today=today)


def _too_long(text: str) -> str:
    """The reason an over-long article is skipped."""
    return f"longer than ingest.max_article_chars ({len(text)} characters)"


class _CachedDetector:
    """`language.detect_language` with its answers kept by text in `<cache_dir>/languages.sqlite` (#17).

    The detector's model takes most of a second to load; a run whose texts were all seen before
    (a warm run) loads none. Keyed by the sample the detector reads and the language module's
    source, so a changed detector never serves old answers; a damaged entry is detected again.
    """

    def __init__(self, cache_dir: str) -> None:
        """Remember the folder; the cache opens on the first text the detector must read."""
        self.cache_dir = cache_dir
        self._cache: Any = None
        self._version = ""

    def __call__(self, text: str) -> tuple[str, float]:
        """The language and confidence of `text`, from the cache or the detector."""
        from factcheck.stages.textcache import TextCache, code_version, text_key

        if self._cache is None:
            self._cache = TextCache(self.cache_dir, "languages")
            self._version = code_version(language)
        key = text_key(self._version, text[: language.SAMPLE_CHARS])
        stored = self._cache.get_many([key]).get(key, "")
        lang, _, confidence = stored.partition("\t")
        try:
            if lang:
                return lang, float(confidence)
        except ValueError:  # a damaged entry: detected again
            pass
        found = detect_language(text)
        self._cache.put_many({key: f"{found[0]}\t{found[1]!r}"})
        return found


def _admit(
    article: Article,
    seen: dict[str, list[tuple[str, str]]],
    cfg: IngestConfig,
    detect: Callable[[str], tuple[str, float]] = detect_language,
) -> str:
    """Why an article is not added to the batch ('' when it is): a copy, or another language."""
    copy_of = _copy_of(article, seen)
    if copy_of:
        return "same article twice" if copy_of == article.id else f"same text as article {copy_of!r}"
    lang = unsupported_language(article.text, cfg.languages, detect=detect)
    if lang:
        return f"language {lang}, not {' or '.join(cfg.languages)} (ingest.languages)"
    return ""


def _text_key(text: str) -> str:
    """A digest of the text with whitespace collapsed, so a re-saved copy of an article matches its original."""
    return hashlib.sha256(_WHITESPACE_RE.sub(" ", text).strip().encode("utf-8", "surrogatepass")).hexdigest()


def _named_outlet(article: Article) -> str:
    """The article's outlet, or '' when none was given (the outlet only repeats the id)."""
    return "" if article.outlet == article.id else article.outlet


def _copy_of(article: Article, seen: dict[str, list[tuple[str, str]]]) -> str:
    """The id of an earlier article with the same text from the same outlet, else ''.

    An article with no outlet matches any outlet; the same text under two named outlets is
    syndication, not a duplicate, and both are kept.
    """
    outlet = _named_outlet(article)
    for other_outlet, other_id in seen.get(_text_key(article.text), []):
        if not outlet or not other_outlet or outlet == other_outlet:
            return other_id
    return ""


def _add(
    article: Article,
    where: str,
    articles: dict[str, Article],
    seen: dict[str, list[tuple[str, str]]],
    skipped: list[Skipped],
    cfg: IngestConfig,
    detect: Callable[[str], tuple[str, float]] = detect_language,
) -> None:
    """Add an article to the batch, or record why not; a second article with a taken id is kept as 'id~2'.

    Raises:
        InputError: the batch is over `max_articles`.
    """
    reason = _admit(article, seen, cfg, detect)
    if reason:
        skipped.append(Skipped(where, reason))
        return
    if article.id in articles:
        n = 2
        while f"{article.id}~{n}" in articles:
            n += 1
        # kept, so not a Skipped: the report lists it under its new id (#12)
        logger.warning("%s: article id %r is taken; kept as %r", where, article.id, f"{article.id}~{n}")
        article = replace(article, id=f"{article.id}~{n}")
    articles[article.id] = article
    seen.setdefault(_text_key(article.text), []).append((_named_outlet(article), article.id))
    if len(articles) > cfg.max_articles:
        raise InputError(f"batch has more than ingest.max_articles={cfg.max_articles} articles; raise the setting")


def load_articles(
    inputs: Sequence[Path], cfg: IngestConfig, *, today: date | None = None, cache_dir: str = ""
) -> tuple[list[Article], list[Skipped]]:
    """Read every article of a batch.

    Unreadable files and records (binary, undecodable, malformed, empty, too
    large, another language, a copy) are skipped with the reason, never fatal.

    Args:
        inputs: batch folders and/or article files.
        cfg: ingest settings.
        today: the run date, after which a publication date is flagged as in the future.
        cache_dir: where the language detector's answers are kept (`embed.cache_dir`; '' for nowhere).

    Returns:
        The articles, sorted by id, and the files or records that were skipped.

    Raises:
        InputError: a folder is missing, a manifest is bad, no article is readable, or the batch
            is over `max_articles`.
    """
    today = today or date.today()
    articles: dict[str, Article] = {}
    seen: dict[str, list[tuple[str, str]]] = {}
    listing = _list_inputs(inputs, frozenset({cfg.manifest_name, *cfg.ignore_names}), recursive=cfg.recursive)
    skipped = listing.skipped
    manifests: dict[Path, _Manifest] = {}
    detect = _CachedDetector(cache_dir) if cache_dir else detect_language

    def manifest_of(folder: Path) -> _Manifest:
        if folder not in manifests:
            manifests[folder] = _read_manifest(folder, cfg.manifest_name)
        return manifests[folder]

    for path, root in listing.files:
        relative = PurePosixPath(path.relative_to(root).as_posix())
        stem = _clean_name(relative.with_suffix(""))
        manifest_meta: dict[str, Any] = dict(manifest_of(path.parent).lookup(path.name, path.stem))
        if not manifest_meta and path.parent != root:  # a subfolder's file, named in the batch folder's manifest
            manifest_meta = dict(manifest_of(root).lookup(str(relative), stem))
        if manifest_meta:
            manifest_meta["_source"] = "manifest"
        where_file = str(path)
        try:
            # _Unreadable comes before the first item, so nothing of a skipped file is kept
            for item in _articles_of_file(path, manifest_meta, cfg, today, stem=stem):
                if isinstance(item, Skipped):
                    skipped.append(item)
                    continue
                where = where_file if item.id == stem else f"{where_file}:{item.id}"
                _add(item, where, articles, seen, skipped, cfg, detect)
        except _Unreadable as e:
            skipped.append(Skipped(where_file, str(e)))
    for folder in listing.whole_folders:
        manifest = manifest_of(folder)
        skipped += manifest.skipped + _unused_rows(manifest)
    skipped += _unread_subfolders(listing, articles.values())
    skipped = [Skipped(_clean_name(s.id), _clean_name(s.reason)) for s in skipped]
    if not articles:
        raise InputError(_nothing_readable(inputs, skipped))
    return sorted(articles.values(), key=lambda a: a.id), skipped


def _nothing_readable(inputs: Sequence[Path], skipped: Sequence[Skipped]) -> str:
    """One line saying the batch has no article, and why its files were skipped."""
    names = ", ".join(str(p) for p in inputs)
    message = f"{names}: no readable article (.txt, .md, .html, .json, .jsonl, .csv)"
    if skipped:
        shown = "; ".join(f"{Path(s.id).name}: {s.reason}" for s in skipped[:MAX_REASONS_SHOWN])
        more = f"; and {len(skipped) - MAX_REASONS_SHOWN} more" if len(skipped) > MAX_REASONS_SHOWN else ""
        message += f"; skipped {shown}{more}"
    return " ".join(message.split())
