"""Group sentences of all outlets into facts (agglomerative clustering, cosine distance)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from factcheck.config import ClusterConfig
from factcheck.records import Fact, Sentence


def fact_id(sentences: Sequence[Sentence]) -> str:
    """A stable id from the member sentences' articles and texts (not their positions)."""
    members = sorted(f"{s.article_id}\x00{s.text}" for s in sentences)
    return "F" + hashlib.sha1("\x01".join(members).encode()).hexdigest()[:10]


def cluster_labels(emb: np.ndarray, cfg: ClusterConfig) -> np.ndarray:
    """Cluster label of each row of `emb`."""
    n = emb.shape[0]
    if n < 2:
        return np.zeros(n, dtype=int)
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(
        n_clusters=None, distance_threshold=cfg.distance_threshold, metric="cosine", linkage="average"
    )
    return np.asarray(model.fit_predict(emb))


def build_facts(sentences: Sequence[Sentence], groups: Sequence[Sequence[int]]) -> list[Fact]:
    """Turn groups of sentence indices into facts, sorted by id."""
    facts = []
    for group in groups:
        members = sorted((sentences[i] for i in group), key=lambda s: (s.article_id, s.index))
        article_ids = tuple(sorted({s.article_id for s in members}))
        facts.append(Fact(fact_id(members), tuple(s.id for s in members), article_ids))
    return sorted(facts, key=lambda f: f.id)


def cluster_facts(sentences: Sequence[Sentence], emb: np.ndarray, cfg: ClusterConfig) -> list[list[int]]:
    """Cluster sentences into groups of indices (each group one fact)."""
    labels = cluster_labels(emb, cfg)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    return sorted(groups.values())
