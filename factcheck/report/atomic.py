"""Write a file so that a kill or a full disk never leaves half of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import ReportError

_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: Path, content: str | bytes) -> Path:
    """Write a file through a temporary file and a rename, so a kill never leaves half a file.

    Raises:
        ReportError: the file cannot be written.
    """
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; a report is as readable as any file
        os.replace(tmp, path)
    except OSError as e:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise ReportError(f"{path}: cannot write report: {e.strerror}") from None
    return path
