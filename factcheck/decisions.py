"""The reviewers' decisions file beside a batch: append-only JSON lines, the latest line per finding wins.

`factcheck review import` appends to it; every run reads it. A run killed in the middle of an
append can leave the last line torn (no newline, not JSON): reading accepts that one line with a
warning, and the next append cuts it off first, so a new line is never glued onto it and a torn
line never ends up in the middle of the file (#12). A bad line anywhere else is an error naming
the line, because a silently dropped decision could let a contradiction through CI.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import BinaryIO

from factcheck.config import ReviewConfig
from factcheck.errors import InputError, ReportError
from factcheck.records import DECISIONS, Decision

__all__ = [
    "DECISIONS_FILE",
    "append_decisions",
    "batch_folder",
    "check_file_name",
    "load_decisions",
    "stale_decisions",
]

DECISIONS_FILE = ReviewConfig().decisions_file
_FIELDS = frozenset(Decision.__slots__)

logger = logging.getLogger(__name__)


def batch_folder(inputs: Sequence[Path]) -> Path:
    """The folder a batch's decisions file lives in: the first input folder, or the first file's folder."""
    first = Path(inputs[0])
    return first if first.is_dir() else first.parent


def check_file_name(name: str, *, where: str = "review.decisions_file") -> str:
    """`name` when it is a plain file name (no folder, not '.' or '..').

    Raises:
        InputError: the name holds a path separator or is empty.
    """
    if not name or "/" in name or "\\" in name or "\x00" in name or name in {".", ".."}:
        raise InputError(f"{where}: decisions file name {name!r} must be a plain file name")
    return name


def _parse_line(path: Path, line_no: int, line: str) -> Decision:
    """One decision record of the file.

    Raises:
        InputError: the line is not JSON or not a decision record.
    """
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as e:
        msg = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
        raise InputError(f"{path} line {line_no}: not JSON ({msg}); fix or delete the line") from None
    if not isinstance(rec, dict) or not {"finding_id", "decision"} <= set(rec) or not set(rec) <= _FIELDS:
        raise InputError(f"{path} line {line_no}: not a decision record (keys {', '.join(sorted(_FIELDS))})")
    if not all(isinstance(v, str) for v in rec.values()):
        raise InputError(f"{path} line {line_no}: every field of a decision must be a string")
    if rec["decision"] not in DECISIONS:
        raise InputError(
            f"{path} line {line_no}: unknown decision {rec['decision']!r}; use one of {', '.join(DECISIONS)}"
        )
    return Decision(**{"fact_id": "", **rec})


def load_decisions(batch_dir: Path, *, name: str = DECISIONS_FILE) -> dict[str, Decision]:
    """Read the batch's decisions file; the latest line for a finding id wins.

    A torn last line (no newline at the end and not a record: a kill cut the append short) is
    left out with a warning; the next `append_decisions` removes it.

    Returns:
        Decisions by finding id; empty when the file does not exist.

    Raises:
        InputError: the file cannot be read, or a line other than a torn last one is not a
            decision record.
    """
    path = Path(batch_dir) / check_file_name(name)
    if not path.is_file():
        return {}
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) else f"not UTF-8 at byte {e.start}"
        raise InputError(f"{path}: cannot read decisions file: {reason}") from None
    lines = text.split("\n")
    torn = lines.pop()  # '' when the file ends with a newline
    decisions: dict[str, Decision] = {}
    for line_no, line in enumerate(lines, 1):
        if line.strip():
            decision = _parse_line(path, line_no, line)
            decisions[decision.finding_id] = decision
    if torn.strip():
        try:
            decision = _parse_line(path, len(lines) + 1, torn)
        except InputError:
            logger.warning(
                "%s line %d: torn last line (cut short by an interrupted import) ignored; "
                "the next review import removes it",
                path,
                len(lines) + 1,
            )
        else:  # a whole record that only lacks its newline
            decisions[decision.finding_id] = decision
    return decisions


def _cut_torn_tail(f: BinaryIO, path: Path) -> None:
    """Remove a torn last line (one that is not a record) from the open file, so nothing is glued to it."""
    fd = f.fileno()
    size = os.fstat(fd).st_size
    if size == 0:
        return
    tail_start = max(0, size - 1_000_000)
    data = os.pread(fd, size - tail_start, tail_start)
    if data.endswith(b"\n"):
        return
    cut = data.rfind(b"\n")
    if cut < 0 and tail_start > 0:
        raise ReportError(f"{path}: last line longer than 1 MB and not ended; fix the decisions file by hand")
    line = data[cut + 1 :]
    try:
        _parse_line(path, 0, line.decode("utf-8"))
    except (InputError, UnicodeDecodeError):
        os.ftruncate(fd, tail_start + cut + 1)
        logger.warning("%s: removed a torn last line (%d bytes) left by an interrupted import", path, len(line))
    else:  # a whole record without its newline: end it
        os.pwrite(fd, b"\n", size)


def append_decisions(path: Path, decisions: Sequence[Decision]) -> None:
    """Append decisions to the decisions file as JSON lines, flushed and fsynced (earlier lines are never rewritten).

    A torn last line left by a killed import is removed first (it never was a decision); a
    whole last record without its newline gets one.

    Raises:
        ReportError: the file cannot be written.
    """
    if not decisions:
        return
    lines = "".join(json.dumps(asdict(d), ensure_ascii=False, sort_keys=True) + "\n" for d in decisions)
    try:
        with open(path, "a+b") as f:
            _cut_torn_tail(f, Path(path))
            f.write(lines.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        raise ReportError(f"{path}: cannot write decisions: {e.strerror}") from None


def stale_decisions(decisions: Mapping[str, Decision], current: set[str] | frozenset[str]) -> list[Decision]:
    """Decisions on findings not in `current`, sorted by finding id (they are kept, never dropped)."""
    return [decisions[fid] for fid in sorted(decisions) if fid not in current]
