"""Where a cold run's seconds go (#17): factcheck's steps timed in one fresh process per feed.

Each step is the exclusive time of the functions it names (a step called inside another is
subtracted from the outer one), summed over every call of the run. The feeds are those of
`bench/scale_bench.py` (the seeds for 5, mixed GVA + ECB+ feeds for 50 and 500), built again
if missing. The cache is emptied before each run (a cold run); a converted encoder model is
kept (built once per install, like the naive pipeline's installed model).

    .venv/bin/python bench/profile_cold.py --sizes 5 50 500 [--set embed.backend=torch] [--warm]

Each step shows wall and CPU seconds (this process, every thread); the spawned worker's CPU
seconds and both peaks are printed below the table. `--warm` profiles a second run on the cache
the first one filled (a re-run of the same feed).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

# step -> (module, attribute) of the functions whose time it counts, wherever they were imported.
STEPS: dict[str, list[tuple[str, str]]] = {
    "read articles": [("factcheck.stages.ingest", "load_articles")],
    "cleaning": [("factcheck.stages.clean", "clean_articles")],
    "splitting (pySBD)": [("factcheck.stages.segment", "split_sentences")],
    "encoder load": [
        ("factcheck.stages.embed", "SentenceTransformerEmbedder._load"),
        ("factcheck.stages.embed", "OnnxEmbedder._load"),
    ],
    "encoding": [("factcheck.stages.embed", "embed_texts")],
    "story grouping": [("factcheck.stories", "group_stories")],
    "claims": [("factcheck.stages.claims", "extract_claims")],
    "spaCy load": [("factcheck.stages.frames", "load_parser")],
    "spaCy parse + frames": [("factcheck.stages.frames", "cached_claim_frames")],
    "fact clustering": [("factcheck.stages.cluster", "cluster_facts")],
    "comparison": [("factcheck.stages.compare", "compare_batch")],
    "reports": [
        ("factcheck.report.files", "write_report"),
        ("factcheck.api", "_write_stories"),  # a feed's stories, written by a few threads at once
        ("factcheck.report.feed", "write_feed_index"),
    ],
    # the main process waiting for the spawned claims/parse worker (#17); the worker's own time is not counted
    "waiting for the worker": [("factcheck.stories", "_all_done")],
}


class _Timer:
    """Exclusive wall and CPU time per step: a nested step's time is not counted in its caller's.

    CPU time is this process's (every thread: the encoder's included), not the worker's.
    """

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.stack: list[list[float]] = []  # [start, cpu start, wall in nested steps, cpu in nested steps]

    def wrap(self, step: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                return fn(*args, **kwargs)  # counted in the main thread's step that waits for it
            self.stack.append([time.perf_counter(), time.process_time(), 0.0, 0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                start, cpu_start, nested, nested_cpu = self.stack.pop()
                spent = time.perf_counter() - start
                spent_cpu = time.process_time() - cpu_start
                self.total[step] += spent - nested
                self.cpu[step] += spent_cpu - nested_cpu
                if self.stack:
                    self.stack[-1][2] += spent
                    self.stack[-1][3] += spent_cpu

        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        return timed


def _install(timer: _Timer) -> None:
    """Replace each named function by its timed wrapper in every factcheck module that holds it."""
    import importlib

    targets = [(step, mod, attr) for step, names in STEPS.items() for mod, attr in names]
    for step, mod_name, attr in targets:
        module = importlib.import_module(mod_name)
        owner: Any = module
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        if owner is None or not hasattr(owner, name):
            continue
        original = getattr(owner, name)
        wrapped = timer.wrap(step, original)
        setattr(owner, name, wrapped)
        if path:
            continue
        for other in list(sys.modules.values()):  # under any name it was imported as (api's `_load`)
            if not getattr(other, "__name__", "").startswith("factcheck"):
                continue
            for key, value in list(vars(other).items()):
                if value is original:
                    setattr(other, key, wrapped)


def run_child(batch: Path, cache: Path, out: Path, overrides: list[str]) -> dict[str, Any]:
    """One cold run, instrumented; returns seconds per step."""
    start = time.perf_counter()
    cpu_start = time.process_time()
    import factcheck.stories  # noqa: F401
    from factcheck import api
    from factcheck.config import load_config
    from factcheck.stages import claims, cluster, compare, frames  # noqa: F401

    imports = time.perf_counter() - start
    imports_cpu = time.process_time() - cpu_start
    timer = _Timer()
    _install(timer)
    cfg = load_config(overrides=[f"embed.cache_dir={cache}", "scale.local_cluster_min_articles=0", *overrides])
    model = api.load_embedder(cfg)
    if batch.name == "seeds":
        reports = [api.check([batch], cfg, out=out, formats=["md", "json"], embedder=model).report]
    else:
        run = api.check_feed([batch], cfg, out=out, formats=["md", "json"], embedder=model)
        reports = [story.report for story in run.stories]
    total = time.perf_counter() - start
    total_cpu = time.process_time() - cpu_start
    steps = {"imports": imports, **dict(timer.total)}
    steps["other"] = total - sum(steps.values())
    cpu = {"imports": imports_cpu, **dict(timer.cpu)}
    cpu["other"] = total_cpu - sum(cpu.values())
    deadline = time.monotonic() + 30  # the feed's worker ends just after its last job: count it once it has exited
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    worker = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "total": total,
        "total_cpu": total_cpu,
        "worker_cpu": worker.ru_utime + worker.ru_stime,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mib": worker.ru_maxrss / 1024,
        "steps": steps,
        "cpu": cpu,
        "sentences": sum(len(r.sentences) for r in reports),
        "torch": "torch" in sys.modules,
        "encoder": getattr(model, "name", "?"),
    }


def main() -> None:
    """Profile a cold run per size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500])
    parser.add_argument("--work", type=Path, default=Path("/tmp/factcheck-profile"))
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    parser.add_argument("--warm", action="store_true", help="profile a second run on the cache the first one filled")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.batch, args.cache, args.out, args.overrides)))
        return
    from scale_bench import DATA, build_feed, prime_cache, run_sampled

    print(f"load average at start: {os.getloadavg()}; settings {args.overrides}", flush=True)
    results = {}
    for size in args.sizes:
        work = args.work / str(size)
        feed = work / "feed"
        batch = feed if (feed / "feed.jsonl").is_file() else build_feed(size, feed, DATA)
        cache = work / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(work / "reports", ignore_errors=True)
        prime_cache(cache, args.overrides)
        sets = [f"--set={o}" for o in args.overrides]
        cmd = [sys.executable, __file__, "--child", "--batch", str(batch), "--cache", str(cache)]
        result, load, together = run_sampled([*cmd, "--out", str(work / "reports"), *sets])
        if result.returncode == 0 and args.warm:  # the same again on the filled cache
            print(f"{size} cold: {result.stdout.strip().splitlines()[-1]} together {together:.0f} MiB", flush=True)
            result, load, together = run_sampled([*cmd, "--out", str(work / "reports"), *sets])
        if result.returncode != 0:
            raise SystemExit(result.stderr[-3000:])
        results[size] = {**json.loads(result.stdout.strip().splitlines()[-1]), "load": load, "together_mib": together}
        print(f"{size}: {json.dumps(results[size])}", flush=True)
    steps = list(dict.fromkeys(["imports", *STEPS, "other"]))
    print("\n| step (wall s / CPU s) | " + " | ".join(f"{s} articles" for s in results) + " |")
    print("|---|" + "---|" * len(results))
    for step in steps:
        cells = [f"{r['steps'].get(step, 0):.2f} / {r['cpu'].get(step, 0):.2f}" for r in results.values()]
        print(f"| {step} | " + " | ".join(cells) + " |")
    print(
        "| **total** | " + " | ".join(f"**{r['total']:.1f} / {r['total_cpu']:.1f}**" for r in results.values()) + " |"
    )
    print("| worker CPU s | " + " | ".join(f"{r['worker_cpu']:.1f}" for r in results.values()) + " |")
    print(
        "| peak RSS main + worker (together, sampled) MiB | "
        + " | ".join(
            f"{r['peak_mib']:.0f} + {r['worker_peak_mib']:.0f} ({r['together_mib']:.0f})" for r in results.values()
        )
        + " |"
    )
    print("| sentences | " + " | ".join(str(r["sentences"]) for r in results.values()) + " |")
    print("| load (1-min, during) | " + " | ".join("{:.1f}-{:.1f}".format(*r["load"]) for r in results.values()) + " |")


if __name__ == "__main__":
    main()
