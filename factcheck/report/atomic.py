"""Write a report's files so that a kill or a full disk never leaves old and new files mixed unsaid (#12).

`write_report` opens a stage for its report folder; every file the report writes there goes
into a hidden staging folder inside it. When all are written and synced, one rename puts a
journal in place (the commit point: it names the run and its files), then each file is renamed
over the old one and the journal is removed. So:

- killed or out of space before the commit: the old report is untouched; the staging folder
  is removed by the next write into the folder;
- killed during the switch (between two renames): the journal says which files belong to the
  interrupted run, `unfinished_switch` says so, and the next write into the folder finishes
  the switch before anything else (a file changed since, such as a review spreadsheet a
  reviewer saved, is kept and the staged copy dropped with a warning);
- temporary files (`.<name>.<pid>-<random>.tmp`) and staging folders of runs that no longer
  exist are removed, as are older temporary files without a process id once they are an hour old.

Files written outside a stage (the feed's index, a JUnit file) are still written one by one
through a temporary file and a rename, so none is ever half-written.
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from factcheck.errors import ReportError

__all__ = ["staged", "unfinished_switch", "write_file"]

JOURNAL = ".factcheck-switch.json"
JOURNAL_SCHEMA = "factcheck.switch/1"
STAGING_PREFIX = ".factcheck-staging."
STALE_SECONDS = 3600
"""A temporary file or staging folder whose owner cannot be told is stale after this long."""
_TMP_RE = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[a-z0-9_]{8}\.tmp$")
_STAGING_RE = re.compile(rf"^{re.escape(STAGING_PREFIX)}(?P<pid>\d+)-[a-z0-9]+$")

logger = logging.getLogger(__name__)
_UMASK = os.umask(0)
os.umask(_UMASK)
_active: contextvars.ContextVar[_Stage | None] = contextvars.ContextVar("factcheck_report_stage", default=None)


def _write_file(path: Path, data: bytes) -> None:
    """Create `path` with `data`, synced to disk, as readable as any new file (a seam for full-disk tests)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~_UMASK)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _sync_dir(folder: Path) -> None:
    """Make renames in `folder` durable (best effort: not every file system can sync a folder)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _bytes(content: str | bytes) -> bytes:
    """File content as bytes (text as UTF-8)."""
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write `path` through a temporary file beside it and one rename."""
    tmp = path.parent / f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        _write_file(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def write_file(path: Path, content: str | bytes) -> Path:
    """Write one report file: into the open stage when `path` is in its folder, else through a temporary file.

    Raises:
        ReportError: the file cannot be written.
    """
    path = Path(path)
    stage = _active.get()
    if stage is not None and stage.holds(path):
        return stage.add(path, _bytes(content))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace_atomically(path, _bytes(content))
    except OSError as e:
        raise ReportError(f"{path}: cannot write report: {e.strerror or e}") from None
    return path


# ---------------------------------------------------------------- the stage


def _state(path: Path) -> list[int] | None:
    """What identifies a file's current version (inode, size, mtime), or None when it does not exist."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


class _Stage:
    """The files of one report being written into a staging folder, then switched in."""

    def __init__(self, out: Path) -> None:
        """Remember the report folder; the staging folder is made by the first file."""
        self.out = out
        self._resolved = out.resolve()
        self.run = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{secrets.token_hex(4)}"
        self.folder = out / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        self.names: list[str] = []

    def holds(self, path: Path) -> bool:
        """Whether `path` is a file of this stage's report folder."""
        return path.parent.resolve() == self._resolved

    def add(self, path: Path, data: bytes) -> Path:
        """Write one file into the staging folder; returns where it will be once switched in.

        Raises:
            ReportError: the file cannot be written (nothing of the report has changed).
        """
        try:
            if not self.names:
                self.folder.mkdir(parents=True)
            staged = self.folder / path.name
            if path.name in self.names:
                staged.unlink()
            _write_file(staged, data)
        except OSError as e:
            raise ReportError(f"{path}: cannot write report: {e.strerror or e}") from None
        if path.name not in self.names:
            self.names.append(path.name)
        return self.out / path.name

    def discard(self) -> None:
        """Remove the staging folder (the old report stays as it was)."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def commit(self) -> None:
        """Put the journal in place (the commit point), then rename every staged file over the old one.

        Raises:
            ReportError: the journal cannot be written (nothing of the report has changed).
        """
        if not self.names:
            return
        _sync_dir(self.folder)
        journal = {
            "schema": JOURNAL_SCHEMA,
            "run": self.run,
            "pid": os.getpid(),
            "staging": self.folder.name,
            "files": self.names,
            "old": {name: _state(self.out / name) for name in self.names},
        }
        try:
            _replace_atomically(self.out / JOURNAL, json.dumps(journal, indent=2).encode("utf-8"))
        except OSError as e:
            self.discard()
            raise ReportError(f"{self.out}: cannot write report: {e.strerror or e}") from None
        _sync_dir(self.out)
        try:
            _switch(self.out, journal)
        except OSError as e:
            raise ReportError(
                f"{self.out}: report switch interrupted: {e.strerror or e}; the next write into the folder finishes it"
            ) from None


def _switch(out: Path, journal: dict[str, Any]) -> None:
    """Rename a committed run's staged files into the folder, then drop the journal and the staging folder.

    A file that changed since the run recorded it (not the version the run replaces) is kept.
    """
    staging = out / str(journal["staging"])
    old = journal.get("old") or {}
    for name in journal["files"]:
        staged, target = staging / name, out / name
        if not staged.exists():
            continue  # switched in before the interruption
        if _state(target) != old.get(name):
            logger.warning(
                "%s changed after run %s was committed, so it was kept and that run's copy dropped",
                target,
                journal["run"],
            )
            staged.unlink()
            continue
        os.replace(staged, target)
    _sync_dir(out)
    (out / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _read_journal(out: Path) -> dict[str, Any] | None:
    """The journal of a committed but unfinished switch in `out`, or None."""
    path = out / JOURNAL
    try:
        doc = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        doc = None
    if not isinstance(doc, dict) or doc.get("schema") != JOURNAL_SCHEMA or not isinstance(doc.get("files"), list):
        logger.warning("%s is not a switch journal of factcheck; removed", path)
        path.unlink(missing_ok=True)
        return None
    staging = str(doc.get("staging", ""))
    if not _STAGING_RE.match(staging) or not all(isinstance(n, str) and "/" not in n for n in doc["files"]):
        logger.warning("%s names files outside its folder; removed", path)
        path.unlink(missing_ok=True)
        return None
    return doc


def _owner_gone(pid: int | None, path: Path) -> bool:
    """Whether the process that made `path` has ended (or, with no process id, `path` is an hour old)."""
    if pid is not None and pid != os.getpid():
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass  # it exists under another user
    try:
        return time.time() - path.lstat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def unfinished_switch(out: Path) -> str:
    """A one-line note when `out` holds a report whose switch was interrupted ('' when it does not).

    Example:
        "reports/x: run 20240115T101500-4242-1a2b3c4d was interrupted while switching in its files;
        report.md, facts.json are of that run, the others older (the next write finishes it)"
    """
    journal = _read_journal(Path(out))
    if journal is None:
        return ""
    staging = Path(out) / str(journal["staging"])
    done = [n for n in journal["files"] if not (staging / n).exists()]
    return (
        f"{out}: run {journal['run']} was interrupted while switching in its files; "
        f"{', '.join(done) or 'none'} are of that run, the others older (the next write finishes it)"
    )


def recover(out: Path) -> None:
    """Finish an interrupted switch in `out` and remove stale temporary files and staging folders."""
    out = Path(out)
    if not out.is_dir():
        return
    journal = _read_journal(out)
    # our own process id: an earlier write in this process failed mid-switch
    if journal is not None and (journal.get("pid") == os.getpid() or _owner_gone(journal.get("pid"), out / JOURNAL)):
        logger.warning("%s: finishing the switch of run %s, which was interrupted", out, journal["run"])
        try:
            _switch(out, journal)
        except OSError as e:
            raise ReportError(f"{out}: cannot finish an interrupted report switch: {e.strerror or e}") from None
        journal = None
    busy = str(journal["staging"]) if journal is not None else ""
    for entry in out.iterdir():
        staging, tmp = _STAGING_RE.match(entry.name), _TMP_RE.match(entry.name)
        match = staging or tmp
        if match is None or entry.name == busy:
            continue
        pid = int(match["pid"]) if match["pid"] else None
        if _owner_gone(pid, entry):
            if staging and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            elif tmp and (entry.is_file() or entry.is_symlink()):
                entry.unlink(missing_ok=True)


@contextmanager
def staged(out: Path) -> Iterator[_Stage]:
    """Collect the report files written into `out` and switch them in together when the block ends.

    An interrupted earlier switch is finished first and stale temporaries are removed. An error
    inside the block leaves the old report as it was.

    Raises:
        ReportError: a file or the journal cannot be written.
    """
    out = Path(out)
    try:
        recover(out)
    except OSError as e:
        raise ReportError(f"{out}: cannot tidy the report folder: {e.strerror or e}") from None
    stage = _Stage(out)
    token = _active.set(stage)
    try:
        yield stage
    except BaseException:
        stage.discard()
        raise
    finally:
        _active.reset(token)
    stage.commit()
