"""The review workflow: the spreadsheet beside a report, and the reviewers' decisions file beside a batch.

A run writes one spreadsheet row per finding (the sheet's format is `factcheck.report.sheet`);
reviewers fill in the decision, note and reviewer columns; `import_review` appends their
decisions to the batch folder's decisions file (JSON lines, latest line per finding id wins),
and the next run shows them in every report. A sheet holding decisions not yet imported is
never overwritten. Decisions on findings a later run no longer reports are kept and listed as
stale.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from factcheck.decisions import (
    DECISIONS_FILE,
    append_decisions,
    batch_folder,
    check_file_name,
    load_decisions,
    stale_decisions,
)
from factcheck.errors import FactcheckError, InputError, ReportError
from factcheck.records import DECISIONS, Decision, Report
from factcheck.report.atomic import write_file
from factcheck.report.sheet import HEADERS, ReviewSheet, csv_text, read_review, review_rows, xlsx_bytes

__all__ = [
    "DECISIONS_FILE",
    "ImportResult",
    "append_decisions",
    "batch_folder",
    "import_review",
    "load_decisions",
    "read_review",
    "write_review",
]

BATCH_RECORD_SCHEMA = "factcheck.review-batch/1"

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `import_review` did to the decisions file."""

    added: tuple[Decision, ...]
    changed: tuple[Decision, ...]
    unchanged: int
    stale: tuple[Decision, ...]  # decisions on findings the spreadsheet's report no longer has
    decisions_file: Path


# ---------------------------------------------------------------- decisions


def normalise_decision(value: str) -> str | None:
    """The DECISIONS entry a reviewer meant ('False Alarm', 'false_alarm' -> 'false alarm'), or None."""
    key = re.sub(r"[\s_-]+", " ", value.strip().lower())
    for decision in DECISIONS:
        if re.sub(r"[\s_-]+", " ", decision) == key:
            return decision
    return None


def _has_pending_edits(path: Path, decisions: Mapping[str, Decision]) -> bool:
    """Whether a review spreadsheet holds decisions the decisions file does not (yet) have.

    A row counts when its reviewer cells are filled and differ from the recorded decision; a
    file that cannot be read counts too, so it is never overwritten.
    """
    if not path.exists():
        return False
    try:
        sheet = read_review(path)
    except FactcheckError:
        return True
    for row in sheet.rows:
        if not (row.decision or row.note or row.reviewer):
            continue
        known = decisions.get(row.finding_id)
        recorded = (known.decision, known.note, known.reviewer) if known else ("", "", "")
        if (normalise_decision(row.decision) or row.decision, row.note, row.reviewer) != recorded:
            return True
    return False


def write_review(
    report: Report,
    folder: Path,
    decisions: Mapping[str, Decision],
    *,
    batch_dir: Path | None = None,
) -> list[Path]:
    """Write review.xlsx and review.csv: one row per finding, reviewer columns pre-filled.

    When the existing review.xlsx or review.csv holds decisions not yet imported, they are left
    alone and the new spreadsheet is written beside them as review.new.xlsx/.csv (a warning is
    logged naming both).

    Args:
        report: the run's report.
        folder: the report folder.
        decisions: recorded decisions by finding id (see `load_decisions`).
        batch_dir: the batch folder; recorded in the spreadsheet so `import_review` finds it.

    Returns:
        The two files written.

    Raises:
        ReportError: a file cannot be written.
    """
    folder = Path(folder)
    first_pending: Path | None = None
    for n in range(100):
        stem = "review" if n == 0 else "review.new" if n == 1 else f"review.new{n}"
        pending = [p for p in (folder / f"{stem}.xlsx", folder / f"{stem}.csv") if _has_pending_edits(p, decisions)]
        if not pending:
            break
        first_pending = first_pending or pending[0]
    else:
        raise ReportError(f"{folder}: too many review spreadsheets with un-imported decisions; import them first")
    if first_pending is not None:
        logger.warning(
            "%s holds decisions not yet imported, so it was kept and the new review is %s "
            "(import with: factcheck review import %s)",
            first_pending,
            folder / f"{stem}.xlsx",
            first_pending,
        )
    rows = review_rows(report, decisions)
    decisions_file = str(report.config.get("review", {}).get("decisions_file") or DECISIONS_FILE)
    batch = str(Path(batch_dir).resolve()) if batch_dir else ""
    paths = [
        write_file(folder / f"{stem}.xlsx", xlsx_bytes(report, rows, batch, decisions_file)),
        write_file(folder / f"{stem}.csv", csv_text(rows).encode("utf-8-sig")),
    ]
    if batch:
        # what `import_review` trusts: this stays on the machine while the spreadsheet travels (#12)
        record = {
            "schema": BATCH_RECORD_SCHEMA,
            "batch": report.batch,
            "batch_dir": batch,
            "findings": sorted(str(row[HEADERS.index("finding id")]) for row in rows),
        }
        write_file(_batch_record(folder / f"{stem}.xlsx"), json.dumps(record, indent=2, sort_keys=True) + "\n")
    return paths


def _batch_record(sheet: Path) -> Path:
    """The hidden file beside a review spreadsheet recording the batch it was written for."""
    return sheet.parent / f".{sheet.stem}.batch.json"


def _sheet_decisions(sheet: ReviewSheet, imported_at: str) -> dict[str, Decision]:
    """The decisions a spreadsheet's rows hold, checked; rows without a decision are left out."""
    found: dict[str, tuple[int, Decision]] = {}
    for row in sheet.rows:
        if not row.decision:
            if row.note or row.reviewer:
                raise InputError(
                    f"{sheet.path} row {row.row}: a note or reviewer without a decision; "
                    f"choose one of {', '.join(DECISIONS)} or clear the row"
                )
            continue
        decision = normalise_decision(row.decision)
        if decision is None:
            raise InputError(
                f"{sheet.path} row {row.row}: unknown decision {row.decision!r}; use one of {', '.join(DECISIONS)}"
            )
        new = Decision(row.finding_id, row.fact_id, decision, row.note, row.reviewer, imported_at)
        if row.finding_id in found:
            first_row, earlier = found[row.finding_id]
            if (earlier.decision, earlier.note, earlier.reviewer) != (new.decision, new.note, new.reviewer):
                raise InputError(
                    f"{sheet.path} rows {first_row} and {row.row}: different decisions for finding {row.finding_id}"
                )
            continue
        found[row.finding_id] = (row.row, new)
    return {fid: decision for fid, (_, decision) in found.items()}


REPORT_SCHEMA_PREFIX = "factcheck.report/"
_BATCH_HINT = "pass --batch DIR to name the batch folder the decisions belong to"


def _read_json(path: Path, schema_prefix: str) -> dict[str, Any] | None:
    """A JSON object of ours (its schema starts with `schema_prefix`), or None when absent or foreign."""
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or not str(doc.get("schema", "")).startswith(schema_prefix):
        return None
    return doc


def _report_finding_ids(doc: Mapping[str, Any]) -> set[str]:
    """Every finding id of a facts.json document."""
    ids: set[str] = set()
    for fact in doc.get("facts") or []:
        for finding in (fact.get("findings") or []) if isinstance(fact, dict) else []:
            if isinstance(finding, dict) and isinstance(finding.get("id"), str):
                ids.add(finding["id"])
    return ids


def _article_in(folder: Path, recorded: str) -> bool:
    """Whether an article path a report recorded (absolute, or relative to the run's folder) lies in `folder`."""
    path = Path(recorded)
    if path.is_absolute():
        return path.resolve().is_relative_to(folder) and path.is_file()
    parts = path.parts
    return any((folder / Path(*parts[k:])).is_file() for k in range(len(parts)) if ".." not in parts[k:])


def _why_not_the_batch(sheet: ReviewSheet, folder_text: str) -> str:
    """Why the folder a spreadsheet records is not the batch it was written for ('' when it is).

    The spreadsheet is untrusted: it travels to reviewers and back, and anyone may edit it,
    `_meta` included. The evidence is what the run left beside it in the report folder: the
    batch record `write_review` writes, or else facts.json (the folder must carry that report's
    batch name and hold its articles). Either way the spreadsheet's findings must be that
    run's findings (#12).
    """
    folder = Path(folder_text)
    if not folder.is_absolute() or ".." in folder.parts or "\x00" in folder_text:
        return f"the batch folder it records ({folder_text!r}) is not an absolute path"
    if not folder.is_dir():
        return f"the batch folder it records ({folder}) does not exist"
    folder = folder.resolve()
    sheet_ids = set(sheet.finding_ids) | {row.finding_id for row in sheet.rows}
    record = _read_json(_batch_record(sheet.path), BATCH_RECORD_SCHEMA)
    if record is not None:
        if str(record.get("batch_dir")) != str(folder):
            return f"it was written for batch folder {record.get('batch_dir')!r}, not {str(folder)!r}"
        known = {fid for fid in record.get("findings") or [] if isinstance(fid, str)}
        source = _batch_record(sheet.path).name
    else:
        doc = _read_json(sheet.path.parent / "facts.json", REPORT_SCHEMA_PREFIX)
        if doc is None:
            return "there is no batch record or facts.json beside it to check the batch folder it records against"
        if doc.get("batch") not in {folder.name, "batch"}:  # "batch": a run over several inputs
            return f"facts.json beside it is the report of batch {doc.get('batch')!r}, not of {folder}"
        articles = [a for a in doc.get("articles") or [] if isinstance(a, dict) and isinstance(a.get("path"), str)]
        if not any(_article_in(folder, a["path"]) for a in articles):
            return f"{folder} holds none of the articles of facts.json beside it"
        known, source = _report_finding_ids(doc), "facts.json"
    unknown = sorted(sheet_ids - known)
    if unknown:
        return f"finding {unknown[0]} is not in {source} beside it (the spreadsheet is from another run)"
    return ""


def _batch_dir_for(sheet: ReviewSheet, batch_dir: Path | None) -> Path:
    """Where the decisions go: --batch, else the folder the spreadsheet recorded (CSV: its XLSX twin's).

    The recorded folder is used only when it is the batch of the report beside the spreadsheet.

    Raises:
        InputError: no --batch and the recorded folder is missing or not proven to be the batch.
    """
    if batch_dir is not None:
        folder = Path(batch_dir)
        if not folder.is_dir():
            raise InputError(f"{sheet.path}: batch folder {folder} does not exist; pass --batch DIR")
        return folder
    recorded = sheet.batch_dir
    twin = sheet.path.with_suffix(".xlsx")
    if not recorded and sheet.path.suffix.lower() == ".csv" and twin.is_file():
        recorded = read_review(twin).batch_dir
    if not recorded:
        raise InputError(f"{sheet.path}: the spreadsheet does not record its batch folder; {_BATCH_HINT}")
    why = _why_not_the_batch(sheet, recorded)
    if why:
        raise InputError(f"{sheet.path}: not importing without --batch: {why}; {_BATCH_HINT}")
    return Path(recorded).resolve()


def import_review(path: Path, batch_dir: Path | None = None, *, decisions_file: str = DECISIONS_FILE) -> ImportResult:
    """Read a reviewed spreadsheet and append its new or changed decisions to the batch's decisions file.

    An empty decision cell leaves a recorded decision as it is; nothing is ever deleted. The
    spreadsheet is untrusted: the decisions file's name comes from the settings, never from the
    spreadsheet, and the batch folder it records is used only when the facts.json beside it shows
    it is that spreadsheet's batch (otherwise pass `batch_dir`).

    Args:
        path: review.xlsx or review.csv as the reviewer saved it.
        batch_dir: the batch folder; by default the one the spreadsheet recorded, once checked.
        decisions_file: the decisions file's name (the `review.decisions_file` setting).

    Returns:
        What was added, changed and left unchanged, and the decisions now stale.

    Raises:
        InputError: the spreadsheet cannot be read, a row holds an unknown decision, or the
            batch folder is not given and cannot be proven from the spreadsheet.
        ReportError: the decisions file cannot be written.
    """
    name = check_file_name(decisions_file)
    sheet = read_review(Path(path))
    folder = _batch_dir_for(sheet, batch_dir)
    if sheet.decisions_file and sheet.decisions_file != name:
        logger.warning(
            "%s names the decisions file %r; using %r from the settings (review.decisions_file)",
            sheet.path,
            sheet.decisions_file,
            name,
        )
    imported_at = datetime.now(UTC).isoformat(timespec="seconds")
    incoming = _sheet_decisions(sheet, imported_at)
    existing = load_decisions(folder, name=name)
    added: list[Decision] = []
    changed: list[Decision] = []
    unchanged = 0
    for fid in sorted(incoming):
        new, old = incoming[fid], existing.get(fid)
        if old is None:
            added.append(new)
        elif (old.decision, old.note, old.reviewer) != (new.decision, new.note, new.reviewer):
            changed.append(new)
        else:
            unchanged += 1
    append_decisions(folder / name, added + changed)
    merged = {**existing, **{d.finding_id: d for d in added + changed}}
    current = set(sheet.finding_ids) | {row.finding_id for row in sheet.rows}
    stale = tuple(stale_decisions(merged, current))
    return ImportResult(tuple(added), tuple(changed), unchanged, stale, folder / name)
