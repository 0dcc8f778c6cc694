"""Encoder backends side by side (#17): agreement with torch fp32 and speed, on real news sentences.

The sentences are the first `--n` distinct sentences (cleaned and split by factcheck) of the GVA
articles in ../shared/data. Each backend encodes the same texts in this one process, in turns,
`--repeat` times; printed: sentences per second (min-max over the turns), how long the import and
load took, and how close the vectors are to sentence-transformers on torch (cosine per sentence;
facts = average-linkage clusters at cluster.distance_threshold, compared by adjusted Rand index and
exact equality); OpenVINO runs one stream per thread. `--busy` starts a process that keeps one core busy during the turns, to see which
thread settings collapse when another process holds a core.

    .venv/bin/python bench/encoder_bench.py --n 800 --repeat 3 [--busy]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def news_sentences(data: Path, n: int) -> list[str]:
    """The first n distinct sentences of the GVA articles, as factcheck splits them."""
    from stories_bench import load_gva

    from factcheck.config import load_config
    from factcheck.stages.clean import clean_articles
    from factcheck.stages.segment import split_sentences

    cfg = load_config(overrides=["embed.cache_dir="])
    articles, _ = load_gva(data)
    texts: dict[str, None] = {}
    for start in range(0, len(articles), 50):
        chunk = articles[start : start + 50]
        for sent in split_sentences(chunk, clean_articles(chunk, cfg.clean), cfg.segment):
            texts.setdefault(sent.text)
        if len(texts) >= n:
            break
    return list(texts)[:n]


def _spin(stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    """Keep one core busy until told to stop."""
    x = 0
    while not stop.is_set():
        for _ in range(100_000):
            x += 1


def _facts(emb: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage labels on cosine distance, as factcheck's dense path."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    tree = linkage(pdist(emb.astype(np.float64), metric="cosine"), method="average")
    return fcluster(tree, np.nextafter(threshold, -np.inf), criterion="distance")


def main() -> None:
    """Encode with each backend, print agreement and speed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--busy", action="store_true", help="keep one core busy with another process")
    parser.add_argument("--threads", type=int, nargs="+", default=[2, 1])
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"
    from sklearn.metrics import adjusted_rand_score

    from factcheck.config import load_config
    from factcheck.stages.embed import OnnxEmbedder, SentenceTransformerEmbedder

    texts = news_sentences(args.data, args.n)
    cfg = load_config()
    print(
        f"{len(texts)} sentences, mean {np.mean([len(t) for t in texts]):.0f} characters; "
        f"load average {os.getloadavg()}; busy core: {args.busy}"
    )
    cache = tempfile.mkdtemp(prefix="fc-encoder-bench-")
    backends = {}
    for threads in args.threads:
        backends[f"onnx fp32, {threads} threads"] = OnnxEmbedder(
            cfg.embed.model, cache_dir=cache, batch_size=cfg.embed.batch_size, threads=threads
        )
    for precision in ("bf16", "fp32"):
        for threads in args.threads:
            embedder = OnnxEmbedder(
                cfg.embed.model,
                cache_dir=cache,
                batch_size=cfg.embed.batch_size,
                threads=threads,
                runtime="openvino",
                precision=precision,
            )
            backends[f"openvino {embedder.precision}, {threads} {'streams' if threads > 1 else 'stream'}"] = embedder
    t = time.perf_counter()
    next(iter(backends.values())).encode(texts[:2])  # converts once (imports torch: measured apart)
    convert = time.perf_counter() - t
    for threads in args.threads:
        backends[f"torch fp32, {threads} threads"] = SentenceTransformerEmbedder(
            cfg.embed.model, batch_size=cfg.embed.batch_size, threads=threads
        )
    stop = multiprocessing.Event()
    spinner = multiprocessing.Process(target=_spin, args=(stop,), daemon=True) if args.busy else None
    if spinner:
        spinner.start()
    results: dict[str, dict[str, object]] = {}
    try:
        for name, model in backends.items():
            t = time.perf_counter()
            model.encode(texts[:2])
            load = time.perf_counter() - t
            if name.startswith("torch"):
                import torch

                torch.set_num_threads(model.threads)
            speeds, emb = [], None
            for _ in range(args.repeat):
                t = time.perf_counter()
                emb = model.encode(texts)
                speeds.append(len(texts) / (time.perf_counter() - t))
            results[name] = {"speeds": speeds, "load": load, "emb": emb}
    finally:
        if spinner:
            stop.set()
            spinner.join()
    ref_name = next(k for k in results if k.startswith("torch"))
    ref = results[ref_name]["emb"]
    ref_facts = _facts(ref, cfg.cluster.distance_threshold)
    print(f"conversion on first use: {convert:.1f} s (once per install)")
    print("| backend | sentences/s | first call (load) s | cosine to torch fp32: min / mean | facts ARI | same facts |")
    print("|---|---|---|---|---|---|")
    for name, r in results.items():
        emb = r["emb"]
        cos = np.sum(emb * ref, axis=1)
        facts = _facts(emb, cfg.cluster.distance_threshold)
        speeds = r["speeds"]
        print(
            f"| {name} | {min(speeds):.0f}-{max(speeds):.0f} | {r['load']:.1f} | {cos.min():.7f} / {cos.mean():.7f} | "
            f"{adjusted_rand_score(ref_facts, facts):.4f} | {adjusted_rand_score(ref_facts, facts) == 1.0} |"
        )


if __name__ == "__main__":
    main()
