"""JSON documents by key: parse frames, claims and sentence spans survive across runs.

A thin layer over `factcheck.cache.Cache` (one cache class for the whole run): keys hash the
input with the source of the code that produced the value, a damaged file is set aside and an
unusable cache folder runs uncached with one warning (#12).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from factcheck.cache import Cache, code_version, text_key

__all__ = ["TextCache", "code_version", "text_key"]


class TextCache:
    """JSON strings by key in `<folder>/<name>.sqlite`."""

    def __init__(self, folder: str | Path, name: str) -> None:
        """Open (or create) the cache; trouble turns it off instead of failing the run."""
        self._cache = Cache(folder, name, table="docs", column="doc", column_type="TEXT")
        self.path = self._cache.path

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, str]:
        """The stored documents of `keys` that are present."""
        return {k: v for k, v in self._cache.get_many(keys).items() if isinstance(v, str)}

    def put_many(self, docs: Mapping[bytes, str]) -> None:
        """Store documents in one transaction."""
        self._cache.put_many(docs)
