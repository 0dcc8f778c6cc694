"""Group sentences of all outlets into facts (agglomerative clustering, cosine distance)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from factcheck.config import ClusterConfig
from factcheck.records import Fact, Sentence


def fact_id(sentences: Sequence[Sentence]) -> str:
    """A stable id from the member sentences' articles and texts (not their positions)."""
    members = sorted(f"{s.article_id}\x00{s.text}" for s in sentences)
    return "F" + hashlib.sha1("\x01".join(members).encode()).hexdigest()[:10]


# Margin added to the radius of the neighbour graph so float32 dot products never drop an
# edge that the float64 distances of the dense path would keep.
_RADIUS_MARGIN = 1e-4
# A giant component is clustered on a graph this much wider than the threshold, so the
# pairs it leaves out are far and their mean distance a fair stand-in.
_WIDE_MARGIN = 0.15
# Similarities computed per block of rows: rows x n float32 stays under this many bytes.
_BLOCK_BYTES = 64 * 2**20


def _average_linkage(emb: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage labels on cosine distances, cut where merges reach `threshold`.

    The same tree and cut as scikit-learn's `AgglomerativeClustering(metric="cosine",
    linkage="average", distance_threshold=threshold)` (which builds it with this very
    scipy call), without importing scikit-learn: that import alone costs seconds of a
    warm run (#7).
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    tree = linkage(emb, method="average", metric="cosine")
    # scikit-learn merges strictly below the threshold; fcluster keeps merges <= t.
    return np.asarray(fcluster(tree, np.nextafter(threshold, -np.inf), criterion="distance")) - 1


def neighbour_graph(emb: np.ndarray, radius: float, *, max_neighbours: int) -> Any:
    """Sparse symmetric graph of rows closer than `radius` (cosine distance), without a dense n x n matrix.

    Rows are L2-normalised, so cosine distance is 1 - dot product. Each row keeps
    at most `max_neighbours` nearest neighbours. Memory is O(n * max_neighbours);
    time is one blocked matrix product (O(n^2 d) flops, no n^2 storage).
    """
    from scipy.sparse import coo_matrix

    n = emb.shape[0]
    block = max(1, min(n, _BLOCK_BYTES // (4 * max(n, 1))))
    cut = 1.0 - radius - _RADIUS_MARGIN
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    emb32 = np.ascontiguousarray(emb, dtype=np.float32)
    for start in range(0, n, block):
        sims = emb32[start : start + block] @ emb32.T
        sims[np.arange(sims.shape[0]), np.arange(start, start + sims.shape[0])] = -np.inf
        counts = (sims > cut).sum(axis=1)
        for r in np.flatnonzero(counts):
            row = sims[r]
            if counts[r] > max_neighbours:
                cand = np.argpartition(-row, max_neighbours)[:max_neighbours]
            else:
                cand = np.flatnonzero(row > cut)
            rows.append(np.full(len(cand), start + r))
            cols.append(cand)
    if not rows:
        return coo_matrix((n, n), dtype=np.int8).tocsr()
    r_all, c_all = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(r_all), dtype=np.int8), (r_all, c_all)), shape=(n, n)).tocsr()
    return graph.maximum(graph.T).tocsr()


def cluster_labels(emb: np.ndarray, cfg: ClusterConfig) -> np.ndarray:
    """Cluster label of each row of `emb` (average linkage, cosine, `cfg.distance_threshold`).

    Up to `cfg.dense_max_sentences` rows: average linkage on the full distance matrix.
    Above: the rows are split into the connected components of the graph of pairs
    closer than the threshold. Average linkage never merges two clusters none of
    whose pairs is under the threshold, so clustering each component on its own
    gives the same clusters as the dense path (as long as no row has more than
    `cfg.max_neighbours` neighbours under the threshold). A component still larger than
    `dense_max_sentences` is clustered on the graph alone (approximate: pairs
    outside the graph count with the mean distance of sampled far pairs).
    """
    n = emb.shape[0]
    if n < 2:
        return np.zeros(n, dtype=int)
    if n <= cfg.dense_max_sentences:
        return _average_linkage(emb, cfg.distance_threshold)
    from scipy.sparse.csgraph import connected_components

    graph = neighbour_graph(emb, cfg.distance_threshold, max_neighbours=cfg.max_neighbours)
    _n_blocks, block_of = connected_components(graph, directed=False)
    labels = np.zeros(n, dtype=int)
    next_label = 0
    for members in _group_indices(block_of):
        if len(members) == 1:
            sub = np.zeros(1, dtype=int)
        elif len(members) <= cfg.dense_max_sentences:
            sub = _average_linkage(emb[members], cfg.distance_threshold)
        else:
            sub_emb = emb[members]
            wide = neighbour_graph(sub_emb, cfg.distance_threshold + _WIDE_MARGIN, max_neighbours=cfg.max_neighbours)
            sub = _sparse_average_linkage(sub_emb, wide, cfg.distance_threshold)
        labels[members] = sub + next_label
        next_label += int(sub.max()) + 1
    return labels


def _sparse_average_linkage(emb: np.ndarray, graph: Any, threshold: float) -> np.ndarray:
    """Average linkage over the edges of a sparse graph; a missing pair counts as the mean far distance."""
    import heapq

    n = emb.shape[0]
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, n, 4000), rng.integers(0, n, 4000)
    dist = 1.0 - np.einsum("ij,ij->i", emb[a].astype(np.float64), emb[b].astype(np.float64))
    far_pairs = dist[(a != b) & (dist >= threshold + _WIDE_MARGIN)]
    far = float(far_pairs.mean()) if far_pairs.size else 1.0
    coo = graph.tocoo()
    upper = coo.row < coo.col
    rows, cols = coo.row[upper], coo.col[upper]
    edge_dist = 1.0 - np.einsum("ij,ij->i", emb[rows].astype(np.float64), emb[cols].astype(np.float64))
    size = dict.fromkeys(range(n), 1)
    links: dict[int, dict[int, tuple[float, int]]] = {i: {} for i in range(n)}
    heap: list[tuple[float, int, int]] = []
    for i, j, d in zip(rows.tolist(), cols.tolist(), edge_dist.tolist(), strict=True):
        links[i][j] = links[j][i] = (d, 1)
        heap.append((d, i, j))
    heapq.heapify(heap)
    parent = list(range(n))
    next_id = n

    def average(x: int, y: int) -> float:
        total, count = links[x][y]
        pairs = size[x] * size[y]
        return (total + (pairs - count) * far) / pairs

    while heap:
        d, x, y = heapq.heappop(heap)
        if d >= threshold:
            break
        if x not in size or y not in size or y not in links[x] or average(x, y) != d:
            continue  # stale entry
        merged: dict[int, tuple[float, int]] = {}
        for old in (x, y):
            for k, (total, count) in links.pop(old).items():
                if k in (x, y):
                    continue
                prev = merged.get(k, (0.0, 0))
                merged[k] = (prev[0] + total, prev[1] + count)
                del links[k][old]
        new = next_id
        next_id += 1
        parent.append(new)
        parent[x] = parent[y] = new
        size[new] = size.pop(x) + size.pop(y)
        links[new] = merged
        for k, value in merged.items():
            links[k][new] = value
            heapq.heappush(heap, (average(new, k), new, k))
    labels = np.empty(n, dtype=int)
    roots: dict[int, int] = {}
    for i in range(n):
        root = i
        while parent[root] != root:
            root = parent[root]
        labels[i] = roots.setdefault(root, len(roots))
    return labels


def _group_indices(labels: np.ndarray) -> list[np.ndarray]:
    """Row indices of each label, in order of first appearance."""
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return sorted(np.split(order, bounds), key=lambda idx: int(idx[0]))


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
