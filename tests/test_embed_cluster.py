"""Embedding cache and the two clustering paths (#7)."""

import logging
import pickle
import sqlite3

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from factcheck.config import ClusterConfig, EmbedConfig
from factcheck.errors import ConfigError
from factcheck.stages import encoders
from factcheck.stages.cluster import cluster_labels, neighbour_graph
from factcheck.stages.embed import (
    BF16_SUFFIX,
    BUNDLED_MODEL,
    CACHE_FILE,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    VectorCache,
    count_uncached,
    embed_texts,
    load_embedder,
)
from tests.conftest import FakeEmbedder


class CountingEmbedder(FakeEmbedder):
    def __init__(self):
        self.seen = []

    def encode(self, texts):
        self.seen += list(texts)
        return super().encode(texts)


TEXTS = ["The storm killed 12 people.", "Twelve people died in the storm.", "The storm killed 12 people."]


def test_each_text_is_embedded_once_across_runs(tmp_path):
    cfg = EmbedConfig(cache_dir=str(tmp_path))
    embedder = CountingEmbedder()
    emb, new = embed_texts(TEXTS, embedder, cfg)
    assert new == 2 and sorted(embedder.seen) == sorted(set(TEXTS))
    assert emb.shape == (3, 256) and emb.dtype == np.float32
    np.testing.assert_array_equal(emb[0], emb[2])
    again, new_again = embed_texts([*TEXTS, "A new sentence about the storm."], embedder, cfg)
    assert new_again == 1 and len(embedder.seen) == 3
    np.testing.assert_allclose(again[:3], emb, atol=1e-7)


def test_cache_off_still_dedupes(tmp_path):
    embedder = CountingEmbedder()
    emb, new = embed_texts(TEXTS, embedder, EmbedConfig(cache_dir=""))
    assert new == 2 and emb.shape[0] == 3
    assert not list(tmp_path.iterdir())


def test_corrupt_entry_is_recomputed(tmp_path):
    cfg = EmbedConfig(cache_dir=str(tmp_path))
    emb, _ = embed_texts(TEXTS, FakeEmbedder(), cfg)
    with sqlite3.connect(tmp_path / CACHE_FILE) as con:
        con.execute("UPDATE vectors SET vec = ?", (b"\x00\x01\x02",))  # a torn, wrong-length write
    embedder = CountingEmbedder()
    again, new = embed_texts(TEXTS, embedder, cfg)
    assert new == 2
    np.testing.assert_allclose(again, emb, atol=1e-7)
    assert embed_texts(TEXTS, embedder, cfg)[1] == 0  # rewritten


def test_corrupt_cache_file_is_set_aside(tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b"not a database at all" * 100)
    emb, new = embed_texts(TEXTS, FakeEmbedder(), EmbedConfig(cache_dir=str(tmp_path)))
    assert new == 2 and emb.shape[0] == 3
    assert (tmp_path / CACHE_FILE).with_suffix(".corrupt").is_file()
    assert len(VectorCache(tmp_path).get_many([b"x"])) == 0


def test_embedder_pickles_without_its_model():
    embedder = SentenceTransformerEmbedder(BUNDLED_MODEL, batch_size=8, threads=1)
    embedder._model = object()  # stands in for a loaded model
    clone = pickle.loads(pickle.dumps(embedder))
    assert clone._model is None
    assert (clone.name, clone.batch_size, clone.threads, clone.path) == (BUNDLED_MODEL, 8, 1, embedder.path)


def _blobs(n, dim, spread, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 8), dim))
    x = centres[rng.integers(0, len(centres), n)] + rng.normal(scale=spread, size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def _groups(labels):
    out = {}
    for i, label in enumerate(labels):
        out.setdefault(label, []).append(i)
    return sorted(out.values())


def test_neighbour_graph_is_the_radius_graph():
    emb = _blobs(300, 16, 0.6)
    graph = neighbour_graph(emb, 0.5, max_neighbours=1000).toarray() > 0
    dist = 1.0 - emb.astype(np.float64) @ emb.T.astype(np.float64)
    np.fill_diagonal(dist, np.inf)
    assert (graph >= (dist < 0.5)).all()  # every pair under the radius is an edge
    assert not (graph & (dist >= 0.5 + 1e-3)).any()  # and nothing beyond a float32 margin
    capped = neighbour_graph(emb, 0.5, max_neighbours=3)
    assert capped.getnnz(axis=1).min() >= 0 and capped.nnz <= 2 * 3 * 300


def test_blocked_path_equals_dense_when_blocks_fit():
    # 1,500 sentences in many small components: the blocked path must give the same facts.
    emb = _blobs(1500, 64, 0.8)
    dense = cluster_labels(emb, ClusterConfig(dense_max_sentences=10_000))
    blocked = cluster_labels(emb, ClusterConfig(dense_max_sentences=500))
    assert len(set(dense)) > 100
    assert _groups(dense) == _groups(blocked)


@pytest.mark.parametrize(("n", "dim", "spread"), [(400, 32, 0.9), (1500, 64, 0.8)])
def test_giant_component_path_nearly_agrees(n, dim, spread):
    # Components above dense_max_sentences are clustered on a sparse graph: approximate.
    emb = _blobs(n, dim, spread)
    dense = cluster_labels(emb, ClusterConfig(dense_max_sentences=10_000))
    sparse = cluster_labels(emb, ClusterConfig(dense_max_sentences=20, max_neighbours=30))
    assert adjusted_rand_score(dense, sparse) >= 0.9


def test_dense_path_is_scikit_learns_average_linkage():
    from sklearn.cluster import AgglomerativeClustering

    emb = _blobs(600, 32, 0.7, seed=3)
    for threshold in (0.3, 0.5, 0.7):
        expected = AgglomerativeClustering(
            n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
        ).fit_predict(emb)
        assert _groups(cluster_labels(emb, ClusterConfig(distance_threshold=threshold))) == _groups(expected)


def test_small_inputs():
    cfg = ClusterConfig(dense_max_sentences=1)
    assert cluster_labels(np.zeros((0, 4), dtype=np.float32), cfg).tolist() == []
    assert cluster_labels(np.ones((1, 4), dtype=np.float32) / 2, cfg).tolist() == [0]
    two = np.array([[1, 0], [1, 0]], dtype=np.float32)
    assert cluster_labels(two, cfg).tolist() == [0, 0]


def test_unwritable_cache_runs_uncached_with_a_warning(tmp_path, caplog):
    # was a ConfigError that failed the check after all the work; a cache only saves time (#12)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        emb, new = embed_texts(TEXTS, FakeEmbedder(), EmbedConfig(cache_dir=str(blocker / "cache")))
    assert new == 2 and emb.shape[0] == 3
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith("embed.cache_dir: cannot use") and "running uncached" in message


# Encoder backends (#17)
NEWS = [
    "At least 14 people died in Harbour Town when the storm hit on Monday.",
    "The storm killed 12 people in Harbour Town.",
    "Police said a 21-year-old man was arrested in Franklin after the shooting.",
    "Shares of the company fell 3.5% on Tuesday after the report.",
    "x",
    "A very long sentence " * 80,  # past the model's 256 tokens: truncated as sentence-transformers does
]


def test_backend_setting_is_checked():
    from factcheck.config import load_config

    with pytest.raises(ConfigError, match="backend"):
        load_config(overrides=["embed.backend=tensorflow"])
    assert isinstance(load_embedder(EmbedConfig(backend="torch")), SentenceTransformerEmbedder)
    assert isinstance(load_embedder(EmbedConfig(backend="onnx")), OnnxEmbedder)
    assert load_embedder(EmbedConfig(backend="onnx")).runtime == "onnxruntime"
    assert load_embedder(EmbedConfig()).runtime == "openvino"  # the default


def test_bf16_vectors_have_a_cache_key_of_their_own(monkeypatch):
    monkeypatch.setattr(encoders, "native_bf16", lambda: True)
    bf16 = OnnxEmbedder(BUNDLED_MODEL, cache_dir="c", runtime="openvino", precision="bf16")
    assert (bf16.precision, bf16.name) == ("bf16", BUNDLED_MODEL + BF16_SUFFIX)
    fp32 = OnnxEmbedder(BUNDLED_MODEL, cache_dir="c", runtime="openvino", precision="fp32")
    assert (fp32.precision, fp32.name) == ("fp32", BUNDLED_MODEL)  # fp32 shares torch's vectors
    assert OnnxEmbedder(BUNDLED_MODEL, cache_dir="c", precision="bf16").precision == "fp32"  # onnxruntime: fp32
    monkeypatch.setattr(encoders, "native_bf16", lambda: False)  # a CPU without bf16 instructions
    plain = OnnxEmbedder(BUNDLED_MODEL, cache_dir="c", runtime="openvino", precision="bf16")
    assert (plain.precision, plain.name) == ("fp32", BUNDLED_MODEL)


def test_openvino_failing_falls_back_to_onnxruntime_with_one_warning(monkeypatch, caplog):
    from factcheck.errors import ModelError

    class Encoder(FakeEmbedder):
        runtime = "onnxruntime"

    def load(_path, _cache_dir, *, runtime, precision, **_kwargs):
        if runtime == "openvino":
            raise ModelError("embed.backend: openvino and tokenizers are needed (no module named 'openvino')")
        assert precision == "fp32"
        return Encoder()

    monkeypatch.setattr(encoders, "load_onnx_encoder", load)
    embedder = OnnxEmbedder(BUNDLED_MODEL, cache_dir="c", runtime="openvino")
    embedder.fallback = FakeEmbedder()
    with caplog.at_level("WARNING", logger="factcheck.stages.embed"):
        assert np.array_equal(embedder.encode(TEXTS), FakeEmbedder().encode(TEXTS))
    assert embedder.backend == "onnx"
    (warning,) = [r.getMessage() for r in caplog.records]
    assert "openvino" in warning and warning.endswith("encoding with onnxruntime instead")


def test_onnx_embedder_pickles_without_its_session(tmp_path):
    embedder = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path), batch_size=8, threads=1)
    embedder._encoder = object()
    clone = pickle.loads(pickle.dumps(embedder))
    assert clone._encoder is None and clone.backend == ""
    assert (clone.name, clone.batch_size, clone.threads, clone.cache_dir) == (BUNDLED_MODEL, 8, 1, str(tmp_path))


def test_failed_conversion_falls_back_with_one_warning(tmp_path, monkeypatch, caplog):
    from factcheck.errors import ModelError
    from factcheck.stages import encoders

    def fail(*_args, **_kwargs):
        raise ModelError("embed.backend=onnx: cannot convert the model: boom")

    monkeypatch.setattr(encoders, "convert_model", fail)
    embedder = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path))
    embedder.fallback = FakeEmbedder()  # stands in for sentence-transformers
    with caplog.at_level("WARNING", logger="factcheck.stages.embed"):
        first = embedder.encode(TEXTS)
        second = embedder.encode(TEXTS)
    assert embedder.backend == "torch"
    assert np.array_equal(first, FakeEmbedder().encode(TEXTS)) and np.array_equal(first, second)
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert (
        len(warnings) == 1
        and "boom" in warnings[0].getMessage()
        and "sentence-transformers" in warnings[0].getMessage()
    )


def test_cache_off_uses_torch_with_a_warning(caplog):
    embedder = OnnxEmbedder(BUNDLED_MODEL, cache_dir="")
    embedder.fallback = FakeEmbedder()
    with caplog.at_level("WARNING", logger="factcheck.stages.embed"):
        embedder.encode(TEXTS)
    assert embedder.backend == "torch" and "cache_dir" in caplog.records[0].getMessage()


def test_a_damaged_conversion_is_converted_again(tmp_path, monkeypatch, caplog):
    from factcheck.stages import encoders

    embedder = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path))
    embedder.fallback = FakeEmbedder()
    folder = tmp_path / encoders.MODELS_DIR / encoders.model_fingerprint(embedder.path)
    folder.mkdir(parents=True)
    (folder / encoders.ONNX_FILE).write_bytes(b"not an onnx graph")
    exports = []

    def export(_model_path, out):
        exports.append(out)
        out.write_bytes(b"still not an onnx graph")

    monkeypatch.setattr(encoders, "_export", export)
    with caplog.at_level("WARNING", logger="factcheck.stages.embed"):
        embedder.encode(TEXTS)
    assert len(exports) == 1  # converted again once, then torch with one warning
    assert embedder.backend == "torch" and len(caplog.records) == 1


@pytest.mark.slow
def test_onnx_backend_gives_the_torch_vectors(tmp_path, real_embedder):
    onnx = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path), batch_size=4)
    got = onnx.encode(NEWS)
    assert onnx.backend == "onnx"
    want = real_embedder.encode(NEWS)
    assert got.shape == want.shape and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert np.min(np.sum(got * want, axis=1)) > 0.9999
    # batches of another size give the same vectors (padding is masked out of the mean)
    assert np.allclose(OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path), batch_size=32).encode(NEWS), got, atol=1e-5)


@pytest.mark.slow
def test_openvino_backend_gives_the_torch_vectors(tmp_path, real_embedder):
    from factcheck.stages.embed import sharing_cores

    texts = [*NEWS, *(f"{t} It was the {k}th report." for k, t in enumerate(NEWS * 3))]
    want = real_embedder.encode(texts)
    for precision, least in (("fp32", 0.99999), ("bf16", 0.9999)):
        embedder = OnnxEmbedder(
            BUNDLED_MODEL, cache_dir=str(tmp_path), batch_size=4, threads=2, runtime="openvino", precision=precision
        )
        got = embedder.encode(texts)
        assert embedder.backend == "openvino" and got.shape == want.shape and got.dtype == np.float32
        assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
        assert np.min(np.sum(got * want, axis=1)) > least, precision
        # one batch at a time while the run's other process works, else one per stream: the same vectors
        with sharing_cores(embedder, lambda: True):
            assert np.array_equal(embedder.encode(texts), got)


def test_count_uncached(tmp_path):
    cfg = EmbedConfig(cache_dir=str(tmp_path))
    assert count_uncached(TEXTS, FakeEmbedder(), cfg) == 2
    embed_texts(TEXTS[:1], FakeEmbedder(), cfg)
    assert count_uncached(TEXTS, FakeEmbedder(), cfg) == 1
    assert count_uncached(TEXTS, FakeEmbedder(), EmbedConfig(cache_dir="")) == 2


def test_batches_of_long_texts_have_fewer_rows(monkeypatch):
    from factcheck.stages.encoders import _batches

    monkeypatch.setattr(encoders, "BATCH_ATTENTION_CELLS", 4 * 10 * 10)
    lengths = [40, 20, 20, 20, 10, 10, 10, 10, 10, 10, 3]
    order = np.argsort([-n for n in lengths], kind="stable")
    batches = _batches(order, lengths, 4)
    assert [len(b) for b in batches] == [1, 1, 1, 1, 4, 3]  # 1 row of 40 or 20 tokens, then 4 (the batch size)
    assert np.concatenate(batches).tolist() == order.tolist()  # every row once, longest first
    monkeypatch.setattr(encoders, "BATCH_ATTENTION_CELLS", 0)
    assert [len(b) for b in _batches(order, lengths, 4)] == [4, 4, 3]


@pytest.mark.slow
def test_long_texts_in_smaller_batches_give_the_same_vectors(tmp_path, monkeypatch):
    # (#17) a long text's batch is cut to bound the attention memory; each row's vector is unchanged
    texts = [" ".join(NEWS * 3), *NEWS, " ".join(NEWS[:3])]
    onnx = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path), batch_size=32)
    monkeypatch.setattr(encoders, "BATCH_ATTENTION_CELLS", 0)
    whole = onnx.encode(texts)
    monkeypatch.setattr(encoders, "BATCH_ATTENTION_CELLS", 2 * 40 * 40)
    assert np.allclose(onnx.encode(texts), whole, atol=1e-6)


@pytest.mark.slow
def test_one_thread_while_the_worker_works_gives_the_same_vectors(tmp_path):
    # (#17) the encoder leaves a core to the parse worker; its vectors do not change
    from factcheck.stages.embed import sharing_cores

    onnx = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path), batch_size=4, threads=2)
    alone = onnx.encode(NEWS)
    assert onnx._encoder._single is None
    with sharing_cores(onnx, lambda: True):
        shared = onnx.encode(NEWS)
        assert onnx._encoder._single is not None  # the one-thread session ran
        assert pickle.loads(pickle.dumps(onnx)).busy is None  # a Dask worker's copy shares nothing
    assert np.array_equal(shared, alone)
    assert onnx.busy is None
    fake = FakeEmbedder()
    with sharing_cores(fake, lambda: True):  # other embedders are left as they are
        assert not hasattr(fake, "busy")


def test_release_closes_the_session_but_not_a_fallback(tmp_path):
    embedder = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path))
    embedder._encoder = object()  # an open session
    embedder.release()
    assert embedder._encoder is None and embedder.backend == ""  # the next encode opens it again
    embedder._encoder = embedder.fallback  # torch after a warning: kept, so the warning is not given twice
    embedder.release()
    assert embedder.backend == "torch"


def test_the_cpu_flags_tell_bf16_as_openvino_does():
    # (#17) read from /proc/cpuinfo so that building an embedder (every run, warm ones too) imports no OpenVINO
    import openvino

    assert encoders.native_bf16() == ("BF16" in openvino.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES"))


@pytest.mark.slow
def test_openvino_encodes_from_two_threads_at_once(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    embedder = OnnxEmbedder(BUNDLED_MODEL, cache_dir=str(tmp_path), batch_size=2, threads=2, runtime="openvino")
    halves = [NEWS[:3] * 4, NEWS[3:] * 4]
    alone = [embedder.encode(texts) for texts in halves]
    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(embedder.encode, halves))
    assert all(np.array_equal(a, b) for a, b in zip(alone, together, strict=True))
