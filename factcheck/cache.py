"""One on-disk cache for everything a run computes from text: values by key in one SQLite file.

Keys hash the input together with the source of the code that produced the value
(`code_version`, `text_key`), so a changed extractor or model never serves stale results.
Callers check each value they read and recompute what does not decode.

A cache only ever saves time, so it never fails a run (#12):

- A file that is not a database, or a database SQLite finds damaged anywhere (a valid header
  over a broken b-tree shows up only when a damaged page is read or written), is set aside as
  `<name>.corrupt` and the cache starts afresh; the write that found the damage is retried once.
- A cache folder that cannot be created or written (read-only, full, locked for longer than the
  timeout) turns the cache off for the rest of the run with one warning; the run goes on
  uncached.

SQLite commits are atomic and the file is in WAL mode, so a killed run keeps every committed
chunk and several processes (Dask workers) can share the file.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import pickle
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["Cache", "code_version", "dump_records", "load_records", "package_version", "record_digest", "text_key"]

SQL_CHUNK = 500
"""Keys per `SELECT ... IN (...)`, under SQLite's variable limit."""
TIMEOUT_SECONDS = 60.0
"""How long to wait for another process's write lock before running uncached."""
CACHE_HINT = "set embed.cache_dir to a writable local folder, or to '' to turn the cache off"
# SQLite's primary result codes (the low byte of an extended code)
_SQLITE_BUSY = 5
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

logger = logging.getLogger(__name__)
_warned: set[str] = set()  # cache folders already warned about in this process: one warning per run
_lock = threading.Lock()


def code_version(*modules: object) -> str:
    """A short hash of the given modules' source files (part of every key, so new code means new values)."""
    digest = hashlib.sha1()
    for module in modules:
        path = getattr(module, "__file__", None)
        if path:
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]


@functools.cache
def package_version(*distributions: str) -> str:
    """A short hash of every file of the factcheck package (code, word lists, templates) and of the
    installed versions of `distributions` (e.g. numpy): part of the key of a value that the whole
    pipeline computed, such as a story's findings (#17).
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc", ".pyo"}:
            digest.update(str(path.relative_to(root)).encode() + b"\x00" + path.read_bytes() + b"\x00")
    for name in distributions:
        try:
            digest.update(f"{name}={metadata.version(name) if name else ''}\x00".encode())
        except (metadata.PackageNotFoundError, ValueError):
            digest.update(f"{name}=-\x00".encode())
    return digest.hexdigest()[:16]


_RECORD_MODULES = frozenset({"factcheck.records", "factcheck.verdicts"})
_SAFE_GLOBALS = frozenset({("datetime", "date")})


class _RecordUnpickler(pickle.Unpickler):
    """Loads factcheck's records, verdicts and dates only: a cache file can name no other class or function."""

    def find_class(self, module: str, name: str) -> Any:
        """The record class `name`, or an error for anything else."""
        if module in _RECORD_MODULES or (module, name) in _SAFE_GLOBALS:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a factcheck record")


def _fast_pickle(value: Any) -> bytes:
    """Pickle without the memo: equal values give equal bytes, whichever objects they share."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # records hold no cycles
    pickler.dump(value)
    return buffer.getvalue()


def dump_records(value: Any) -> bytes:
    """Records (and tuples, lists, dicts, strings, numbers, dates of them) as bytes for a cache."""
    return _fast_pickle(value)


def load_records(blob: bytes) -> Any:
    """The inverse of `dump_records`; raises `ValueError` for bytes that are not records only."""
    try:
        return _RecordUnpickler(io.BytesIO(blob)).load()
    except Exception as e:  # any damage: the caller recomputes
        raise ValueError(f"not a cached record: {e}") from None


def record_digest(*values: Any) -> str:
    """A hash of records' content (not of which objects they share)."""
    digest = hashlib.sha256()
    for value in values:
        data = _fast_pickle(value)
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def text_key(*parts: str) -> bytes:
    """A cache key for the given parts (code version, settings, text)."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).digest()


def _open(path: Path) -> sqlite3.Connection:
    """A connection to the cache file (a seam for tests that simulate a read-only or full disk)."""
    return sqlite3.connect(path, timeout=TIMEOUT_SECONDS)


class _ForeignTable(sqlite3.DatabaseError):
    """The file is a database, but its table is not this cache's."""


def _is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file is not a database or is damaged (rather than unwritable or busy)."""
    if isinstance(error, _ForeignTable):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in {_SQLITE_CORRUPT, _SQLITE_NOTADB}
    return type(error) is sqlite3.DatabaseError  # an older sqlite3 module without error codes


def _warn_once(folder: Path, message: str) -> None:
    """Log `message` unless this cache folder already had a warning in this process."""
    key = str(folder.resolve()) if folder.exists() else str(folder)
    with _lock:
        if key in _warned:
            return
        _warned.add(key)
    logger.warning("%s", message)


class Cache:
    """Values by key in `<folder>/<name>.sqlite`; a damaged file is set aside, an unusable folder turns it off.

    Args:
        folder: the cache folder (`embed.cache_dir`); created when missing.
        name: the file's name without `.sqlite`.
        table: the table of this kind of value.
        column: the value column.
        column_type: its SQLite type (BLOB or TEXT).

    Example:
        cache = Cache(folder, "claims", table="docs", column="doc", column_type="TEXT")
        cache.put_many({text_key(version, text): "[]"}); cache.get_many([text_key(version, text)])
    """

    def __init__(
        self, folder: str | Path, name: str, *, table: str = "entries", column: str = "value", column_type: str = "BLOB"
    ) -> None:
        """Open (or create) the cache file; on any trouble the cache is off, never an error."""
        self.folder = Path(folder)
        self.path = self.folder / f"{name}.sqlite"
        self._table, self._column = table, column
        self._schema = (
            f"CREATE TABLE IF NOT EXISTS {table} (key BLOB PRIMARY KEY, {column} {column_type} NOT NULL) WITHOUT ROWID"
        )
        self.enabled = True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self._turn_off(e.strerror or str(e))
            return
        self._guard(self._init_schema, None)

    # -- the file

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success and always closes."""
        with closing(_open(self.path)) as con, con:
            yield con

    def _init_schema(self) -> None:
        """Create the table (WAL lets readers work while another process writes) and check its columns.

        Processes that open a new file at once (a feed's worker and this process) may find it
        locked while one of them turns it to WAL, which SQLite reports at once instead of
        waiting: they try again until TIMEOUT_SECONDS.
        """
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            try:
                with self._connect() as con:
                    if str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                        con.execute("PRAGMA journal_mode=WAL")
                    con.execute(self._schema)
                    columns = [row[1] for row in con.execute(f"PRAGMA table_info({self._table})")]
                break
            except sqlite3.OperationalError as e:
                if getattr(e, "sqlite_errorcode", 0) & 0xFF != _SQLITE_BUSY or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        if columns != ["key", self._column]:  # a database, but not this cache's
            raise _ForeignTable(f"table {self._table} has columns {columns}, not this cache's")

    def _set_aside(self, error: sqlite3.Error) -> None:
        """Move a damaged file (and its WAL) to `<name>.corrupt` and start a fresh one."""
        aside = self.path.with_suffix(".corrupt")
        try:
            for suffix in ("", "-wal", "-shm"):
                part = self.path.with_name(self.path.name + suffix)
                if part.exists():
                    part.replace(aside.with_name(aside.name + suffix))
        except OSError as e:
            self._turn_off(f"cannot set aside the damaged {self.path.name}: {e.strerror or e}")
            return
        logger.warning("%s was damaged (%s); set aside as %s and started afresh", self.path, error, aside.name)
        try:
            self._init_schema()
        except sqlite3.Error as e:
            self._turn_off(str(e))

    def _turn_off(self, reason: str) -> None:
        """Run the rest of this run without this cache, saying so once per folder."""
        self.enabled = False
        _warn_once(self.folder, f"embed.cache_dir: cannot use {self.path} ({reason}); running uncached; {CACHE_HINT}")

    def _guard(self, operation: Any, default: Any, *, retry: bool = False) -> Any:
        """Run `operation`; damage sets the file aside (and retries once when asked), other errors turn the cache off."""
        if not self.enabled:
            return default
        try:
            return operation()
        except sqlite3.Error as e:
            if not _is_damage(e):
                self._turn_off(str(e))
                return default
            self._set_aside(e)
        if retry and self.enabled:
            try:
                return operation()
            except sqlite3.Error as e:
                self._turn_off(str(e))
        return default

    # -- values

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, Any]:
        """The stored values of `keys` that are present (bytes or str, as stored); {} when the cache is off."""
        unique = list(dict.fromkeys(keys))

        def read() -> dict[bytes, Any]:
            found: dict[bytes, Any] = {}
            with self._connect() as con:
                for start in range(0, len(unique), SQL_CHUNK):
                    chunk = unique[start : start + SQL_CHUNK]
                    query = f"SELECT key, {self._column} FROM {self._table} WHERE key IN ({','.join('?' * len(chunk))})"
                    found.update({bytes(k): v for k, v in con.execute(query, chunk)})
            return found

        return dict(self._guard(read, {})) if unique else {}

    def put_many(self, values: Mapping[bytes, Any]) -> None:
        """Store values in one transaction, replacing what the keys held; nothing happens when the cache is off."""
        if not values:
            return
        rows = list(values.items())

        def write() -> None:
            with self._connect() as con:
                con.executemany(f"INSERT OR REPLACE INTO {self._table} (key, {self._column}) VALUES (?, ?)", rows)

        self._guard(write, None, retry=True)
