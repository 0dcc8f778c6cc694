from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from factcheck.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class FakeEmbedder:
    """Deterministic bag-of-words embedder: texts sharing words are similar."""

    name = "fake-bow"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z]{3,}", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % 256] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def cfg(tmp_path: Path) -> Config:
    return load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])


@pytest.fixture(scope="session")
def real_embedder():
    from factcheck.stages.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder("bundled:all-MiniLM-L6-v2")


@pytest.fixture(scope="session")
def seed_report(real_embedder, tmp_path_factory):
    from factcheck import api

    cache = tmp_path_factory.mktemp("cache")
    config = load_config(overrides=[f"embed.cache_dir={cache}"])
    return api.analyse([SEEDS], config, embedder=real_embedder)
