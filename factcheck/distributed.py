"""Run the checks of a feed's stories as dask.distributed tasks (or in-process when small).

- `scheduler` given (`--scheduler tcp://host:8786` or `scale.scheduler`): connect a Client to
  that running cluster; the workers need factcheck and the model installed.
- no scheduler and at least `scale.local_cluster_min_articles` articles: start a LocalCluster
  of `scale.workers` worker processes (one thread each) for this run.
- otherwise: check the stories one after the other in this process.
The results are the same in each mode (the pipeline is deterministic), in story order.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import Any, cast

from factcheck.config import Config
from factcheck.errors import ConfigError
from factcheck.pipeline import Prepared, Progress, ResultCache, as_progress, run_pipeline
from factcheck.records import Article, Report, Skipped
from factcheck.stages.embed import Embedder

CONNECT_TIMEOUT = "10s"  # how long to wait for a --scheduler to answer


def choose_mode(n_articles: int, n_stories: int, cfg: Config, scheduler: str | None = None) -> str:
    """'scheduler', 'local-cluster' or 'in-process' for a feed of this size."""
    if scheduler or cfg.scale.scheduler:
        return "scheduler"
    minimum = cfg.scale.local_cluster_min_articles
    if minimum > 0 and n_articles >= minimum and n_stories > 1:
        return "local-cluster"
    return "in-process"


def _check_story(
    articles: Sequence[Article],
    cfg: Config,
    embedder: Embedder,
    batch: str,
    skipped: Sequence[Skipped],
    prepared: Prepared | None = None,
    results: ResultCache | None = None,
) -> Report:
    """One story's check (the task a worker runs: it reads the results cache, the client writes it once)."""
    if results is None:
        results = ResultCache(cfg.embed.cache_dir, write=False)
    return run_pipeline(articles, cfg, embedder, batch=batch, skipped=skipped, prepared=prepared, results=results)


def run_stories(
    stories: Sequence[Sequence[Article]],
    names: Sequence[str],
    cfg: Config,
    embedder: Embedder,
    *,
    scheduler: str | None = None,
    skipped: Sequence[Skipped] = (),
    progress: Callable[..., None] | None = None,
    prepared: Sequence[Prepared] | None = None,
) -> list[Report]:
    """Check each story as its own batch; reports in the order of `stories`.

    Args:
        stories: The articles of each story.
        names: The batch name of each story's report.
        cfg: Settings; `scale` decides where the work runs.
        embedder: Must be picklable to run on workers (each worker loads the model once).
        scheduler: Address of a running Dask scheduler; overrides `scale.scheduler`.
        skipped: Items left out of the feed, recorded in every story's report.
        progress: A `pipeline.Progress`, told `("story", done, total)` as stories finish (and
            the Dask mode by name); a callback taking a name only gets "story 3/301".
        prepared: Each story's part of the feed's one pass (`stories.PreparedFeed.for_story`),
            so no story is cleaned, split, extracted or parsed again (#17).

    Raises:
        ConfigError: the scheduler cannot be reached.
    """
    step = as_progress(progress)
    address = scheduler or cfg.scale.scheduler
    mode = choose_mode(sum(len(s) for s in stories), len(stories), cfg, address)
    parts: Sequence[Prepared | None] = list(prepared) if prepared is not None else [None] * len(stories)
    if len(parts) != len(stories):
        raise ValueError(f"run_stories: {len(parts)} prepared parts for {len(stories)} stories")
    if mode == "in-process":
        reports = []
        results = ResultCache(cfg.embed.cache_dir)  # the stories' new results written once, not once per story
        step("story", 0, len(stories))
        try:
            for k, (story, name, part) in enumerate(zip(stories, names, parts, strict=True), 1):
                reports.append(_check_story(story, cfg, embedder, name, skipped, part, results))
                step("story", k, len(stories))
        finally:
            results.flush()
        return reports
    with _connect(address, cfg) as client, client.as_current():
        step(f"dask: {mode} at {client.scheduler.address}")
        return _run_on_client(client, stories, names, cfg, embedder, skipped, step, parts)


def _connect(address: str, cfg: Config) -> _ClosingClient:
    """A Client of the given scheduler, or of a new LocalCluster closed with the client."""
    from dask.distributed import Client, LocalCluster

    client_cls, cluster_cls = cast(Any, Client), cast(Any, LocalCluster)  # dask ships no type hints
    if address:
        try:
            return _ClosingClient(client_cls(address, timeout=CONNECT_TIMEOUT, set_as_default=False), None)
        except (OSError, TimeoutError) as e:
            raise ConfigError(f"scale.scheduler / --scheduler {address!r}: cannot connect: {e}") from None
    workers = cfg.scale.workers or os.cpu_count() or 1
    cluster = cluster_cls(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )
    return _ClosingClient(client_cls(cluster, set_as_default=False), cluster)


class _ClosingClient:
    """Context manager closing a client and the LocalCluster it owns (if any)."""

    def __init__(self, client: Any, cluster: Any) -> None:
        """Hold both."""
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        """The client."""
        return self.client

    def __exit__(self, *exc: object) -> None:
        """Close the client, then the cluster."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _run_on_client(
    client: Any,
    stories: Sequence[Sequence[Article]],
    names: Sequence[str],
    cfg: Config,
    embedder: Embedder,
    skipped: Sequence[Skipped],
    step: Progress,
    parts: Sequence[Prepared | None],
) -> list[Report]:
    """Submit one task per story (largest first, so the long ones start early) and gather in order."""
    from dask.distributed import as_completed

    completed = cast(Any, as_completed)  # dask ships no type hints

    # One copy of the settings and the embedder per worker, not one per task.
    cfg_f, embedder_f, skipped_f = client.scatter([cfg, embedder, tuple(skipped)], broadcast=True)
    order = sorted(range(len(stories)), key=lambda k: -len(stories[k]))
    futures = {
        k: client.submit(_check_story, list(stories[k]), cfg_f, embedder_f, names[k], skipped_f, parts[k])
        for k in order
    }
    step("story", 0, len(stories))
    for done, _future in enumerate(completed(list(futures.values())), 1):
        step("story", done, len(stories))
    reports = [futures[k].result() for k in range(len(stories))]
    results = ResultCache(cfg.embed.cache_dir)  # one write for the run, not one per task
    for report, part in zip(reports, parts, strict=True):
        results.add_report(cfg, embedder, report, part)
    results.flush()
    return reports
