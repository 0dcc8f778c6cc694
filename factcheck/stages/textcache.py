"""JSON documents by key in one SQLite file: parse frames and claims survive across runs.

Keys hash the input together with the source of the code that produced the value, so a
changed extractor never serves stale results. SQLite commits are atomic (a killed run
loses nothing committed); a file that is not a database is moved aside and started afresh.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from contextlib import closing
from pathlib import Path

from factcheck.errors import ConfigError

_SQL_CHUNK = 500


def code_version(*modules: object) -> str:
    """A short hash of the given modules' source files."""
    digest = hashlib.sha1()
    for module in modules:
        path = getattr(module, "__file__", None)
        if path:
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]


def text_key(*parts: str) -> bytes:
    """A cache key for the given parts."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).digest()


class TextCache:
    """JSON strings by key in `<folder>/<name>.sqlite`."""

    def __init__(self, folder: str | Path, name: str) -> None:
        self.path = Path(folder) / f"{name}.sqlite"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._execute("CREATE TABLE IF NOT EXISTS docs (key BLOB PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID")
            except sqlite3.DatabaseError as e:
                if isinstance(e, sqlite3.OperationalError):
                    raise
                self.path.replace(self.path.with_suffix(".corrupt"))
                self._execute("CREATE TABLE IF NOT EXISTS docs (key BLOB PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID")
        except (OSError, sqlite3.Error) as e:
            raise ConfigError(f"embed.cache_dir: cannot use {self.path}: {e}") from None

    def _execute(self, sql: str) -> None:
        with closing(sqlite3.connect(self.path, timeout=60)) as con, con:
            con.execute(sql)

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, str]:
        """The stored documents of `keys` that are present."""
        unique = list(dict.fromkeys(keys))
        found: dict[bytes, str] = {}
        try:
            with closing(sqlite3.connect(self.path, timeout=60)) as con, con:
                for start in range(0, len(unique), _SQL_CHUNK):
                    chunk = unique[start : start + _SQL_CHUNK]
                    query = f"SELECT key, doc FROM docs WHERE key IN ({','.join('?' * len(chunk))})"
                    found.update({bytes(k): v for k, v in con.execute(query, chunk) if isinstance(v, str)})
        except sqlite3.DatabaseError:
            return {}  # unreadable: everything is recomputed
        return found

    def put_many(self, docs: Mapping[bytes, str]) -> None:
        """Store documents in one transaction."""
        if not docs:
            return
        try:
            with closing(sqlite3.connect(self.path, timeout=60)) as con, con:
                con.executemany("INSERT OR REPLACE INTO docs (key, doc) VALUES (?, ?)", list(docs.items()))
        except sqlite3.Error as e:
            raise ConfigError(f"embed.cache_dir: cannot write {self.path}: {e}") from None
