"""The review spreadsheet's format: its columns, writing review.xlsx/review.csv, reading them back.

One row per finding, most serious first: each side's outlet, claim, value and sentence, the
explanation, and the reviewer's three columns (decision, note, reviewer). Every text cell is made
safe (`safe_cell`): no spreadsheet program runs it as a formula. The workflow around the sheet
(keeping un-imported edits, importing decisions, checking the batch) is `factcheck.review`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.describe import describe_slot, describe_value
from factcheck.errors import InputError
from factcheck.records import DECISIONS, Claim, Decision, Finding, Report
from factcheck.verdicts import FILLS
from factcheck.verdicts import RANK as VERDICT_RANK

__all__ = [
    "COLUMNS",
    "HEADERS",
    "ReviewRow",
    "ReviewSheet",
    "csv_text",
    "read_review",
    "review_rows",
    "safe_cell",
    "unescape",
    "xlsx_bytes",
]

REVIEW_SCHEMA = "factcheck.review/1"
FINDINGS_SHEET = "findings"
META_SHEET = "_meta"
# (header, column width in characters); the last three are the reviewer's columns
COLUMNS: tuple[tuple[str, int], ...] = (
    ("fact id", 13),
    ("finding id", 13),
    ("verdict", 11),
    ("how", 11),
    ("slot", 24),
    ("outlet A", 16),
    ("claim A", 24),
    ("value A", 26),
    ("sentence A", 60),
    ("outlet B", 16),
    ("claim B", 24),
    ("value B", 26),
    ("sentence B", 60),
    ("explanation", 60),
    ("confidence", 11),
    ("decision", 17),
    ("note", 40),
    ("reviewer", 14),
)
HEADERS = tuple(name for name, _ in COLUMNS)
WRAPPED = {"slot", "claim A", "value A", "sentence A", "claim B", "value B", "sentence B", "explanation", "note"}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32_000  # Excel's limit is 32,767 characters per cell
VERDICT_FILLS = {v.value: fill for v, fill in FILLS.items()}
_ILLEGAL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XLSX (XML) cells


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One finding row of a review spreadsheet as the reviewer left it."""

    row: int  # row number as a spreadsheet shows it (the header is row 1)
    fact_id: str
    finding_id: str
    decision: str
    note: str
    reviewer: str


@dataclass(frozen=True, slots=True)
class ReviewSheet:
    """A review spreadsheet read back: its rows and what `_meta` recorded (XLSX only)."""

    path: Path
    rows: tuple[ReviewRow, ...]
    batch_dir: str
    decisions_file: str
    finding_ids: tuple[str, ...]


# ---------------------------------------------------------------- writing


def safe_cell(value: str) -> str:
    """Text that no spreadsheet program runs as a formula and that XLSX can store.

    Control characters XML cannot hold become U+FFFD, text is cut at MAX_CELL_CHARS, and a
    leading '=', '+', '-', '@', tab or CR gets an apostrophe in front.
    """
    text = _ILLEGAL_CHARS_RE.sub("\ufffd", value)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def unescape(value: Any) -> str:
    """A cell's text as the reviewer meant it, without the apostrophe `safe_cell` added."""
    text = "" if value is None else str(value)
    if text.startswith("'") and text[1:2] and text[1] in "".join(FORMULA_PREFIXES):
        text = text[1:]
    return text.strip()


def _finding_row(report: Report, finding: Finding, decision: Decision | None, claims: Mapping[str, Claim]) -> list[Any]:
    """The spreadsheet row of one finding, in COLUMNS order.

    Each side shows its outlet, claim, value and sentence; a finding without claims (the same
    quotation, a paraphrase) shows the two sentences it compared and the slot 'statement'.
    """
    outlets = {a.id: a.outlet for a in report.articles}
    sentences = {s.id: s for s in report.sentences}
    sides = [claims[cid] for cid in finding.claim_ids if cid in claims][:2]
    side_cells: list[str] = []
    for k in range(2):
        claim = sides[k] if k < len(sides) else None
        sentence_id = claim.sentence_id if claim else (finding.sentence_ids[k] if k < len(finding.sentence_ids) else "")
        sentence = sentences.get(sentence_id)
        article_id = sentence.article_id if sentence else (finding.articles[k] if k < len(finding.articles) else "")
        side_cells += [
            outlets.get(article_id, article_id),
            claim.text if claim else "",
            describe_value(claim) if claim else "",
            sentence.text if sentence else "",
        ]
    return [
        finding.fact_id,
        finding.id,
        finding.verdict,
        finding.how,
        describe_slot(sides) if sides else "statement",
        *side_cells,
        finding.explanation,
        finding.confidence,
        decision.decision if decision else "",
        decision.note if decision else "",
        decision.reviewer if decision else "",
    ]


def review_rows(report: Report, decisions: Mapping[str, Decision]) -> list[list[Any]]:
    """One row per finding (most serious first), pre-filled with the recorded decisions."""
    claims = {c.id: c for c in report.claims}
    findings = sorted(report.findings, key=lambda f: (VERDICT_RANK.get(f.verdict, 9), f.fact_id, f.id))
    return [_finding_row(report, f, decisions.get(f.id), claims) for f in findings]


def xlsx_bytes(report: Report, rows: Sequence[Sequence[Any]], batch_dir: str, decisions_file: str) -> bytes:
    """The review workbook: a formatted findings sheet and a hidden _meta sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = FINDINGS_SHEET

    def put(sheet: Any, row: int, col: int, value: Any) -> Any:
        cell = sheet.cell(row=row, column=col)
        if isinstance(value, str):
            text = safe_cell(value)
            cell.value = text
            cell.data_type = "s"  # never 'f': article text must not become a formula
            cell.quotePrefix = text != value and text.startswith("'")
        else:
            cell.value = value
        return cell

    for col, name in enumerate(HEADERS, 1):
        cell = put(ws, 1, col, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
    verdict_col = HEADERS.index("verdict") + 1
    for r, row in enumerate(rows, 2):
        for col, value in enumerate(row, 1):
            cell = put(ws, r, col, value)
            cell.alignment = Alignment(vertical="top", wrap_text=HEADERS[col - 1] in WRAPPED)
            if HEADERS[col - 1] == "confidence":
                cell.number_format = "0.00"
        fill = VERDICT_FILLS.get(str(row[verdict_col - 1]))
        if fill:
            ws.cell(row=r, column=verdict_col).fill = PatternFill("solid", fgColor=fill)
            ws.cell(row=r, column=verdict_col).font = Font(bold=True)
    for col, (_, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C2"
    last_row = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    decision_letter = get_column_letter(HEADERS.index("decision") + 1)
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(DECISIONS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Unknown decision",
        error="Choose " + ", ".join(DECISIONS),
    )
    choices.add(f"{decision_letter}2:{decision_letter}{max(last_row, 1000)}")
    ws.add_data_validation(choices)

    meta = wb.create_sheet(META_SHEET)
    meta_rows = [
        ("schema", REVIEW_SCHEMA),
        ("batch", report.batch),
        ("batch_dir", batch_dir),
        ("decisions_file", decisions_file),
    ] + [("finding", str(row[HEADERS.index("finding id")])) for row in rows]
    for r, (key, value) in enumerate(meta_rows, 1):
        put(meta, r, 1, key)
        put(meta, r, 2, value)
    meta.sheet_state = "hidden"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Sequence[Sequence[Any]]) -> str:
    """The review rows as CSV (RFC 4180 line ends), every text cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([safe_cell(v) if isinstance(v, str) else v for v in row])
    return buffer.getvalue()


# ---------------------------------------------------------------- reading


def _rows_from_table(path: Path, table: Sequence[Sequence[Any]]) -> list[ReviewRow]:
    """Review rows from a table whose first row is the header (columns found by name)."""
    if not table:
        raise InputError(f"{path}: empty spreadsheet; expected the header row of a factcheck review")
    header = [unescape(h).lower() for h in table[0]]
    wanted = ("fact id", "finding id", "decision", "note", "reviewer")
    missing = [name for name in wanted if name not in header]
    if missing:
        raise InputError(f"{path}: not a factcheck review spreadsheet (no '{missing[0]}' column in row 1)")
    index = {name: header.index(name) for name in wanted}
    rows = []
    for r, values in enumerate(table[1:], 2):
        cells = {name: unescape(values[i]) if i < len(values) else "" for name, i in index.items()}
        if not cells["finding id"]:
            if cells["decision"] or cells["note"] or cells["reviewer"]:
                raise InputError(f"{path} row {r}: a decision without a finding id")
            continue
        rows.append(
            ReviewRow(r, cells["fact id"], cells["finding id"], cells["decision"], cells["note"], cells["reviewer"])
        )
    return rows


def _read_xlsx(path: Path) -> ReviewSheet:
    """Read a review workbook's findings sheet and its hidden _meta sheet."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False)
        try:
            ws = wb[FINDINGS_SHEET] if FINDINGS_SHEET in wb.sheetnames else wb.worksheets[0]
            table = [list(r) for r in ws.iter_rows(values_only=True)]
            meta_rows = (
                [list(r) for r in wb[META_SHEET].iter_rows(values_only=True)] if META_SHEET in wb.sheetnames else []
            )
        finally:
            wb.close()
    except Exception as e:  # a damaged or foreign file can fail anywhere in openpyxl's parser
        raise InputError(f"{path}: cannot read spreadsheet: {e or type(e).__name__}") from None
    meta: dict[str, str] = {}
    finding_ids: list[str] = []
    for values in meta_rows:
        key, value = (unescape(v) for v in [*values, None, None][:2])
        if key == "finding":
            finding_ids.append(value)
        elif key:
            meta[key] = value
    if meta and meta.get("schema") != REVIEW_SCHEMA:
        raise InputError(f"{path}: review schema {meta.get('schema')!r} is not {REVIEW_SCHEMA!r}")
    return ReviewSheet(
        path,
        tuple(_rows_from_table(path, table)),
        meta.get("batch_dir", ""),
        meta.get("decisions_file", ""),
        tuple(finding_ids),
    )


def _read_csv(path: Path) -> ReviewSheet:
    """Read review.csv (UTF-8 or a spreadsheet program's Windows-1252; ',' ';' or tab separated)."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read spreadsheet: {e.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as e:
        raise InputError(f"{path}: malformed CSV: {e}") from None
    return ReviewSheet(path, tuple(_rows_from_table(path, table)), "", "", ())


def read_review(path: Path) -> ReviewSheet:
    """Read a review spreadsheet (.xlsx or .csv) back.

    Raises:
        InputError: the file is missing, unreadable or not a factcheck review.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise InputError(f"{path}: not a review spreadsheet (expected .xlsx or .csv)")
