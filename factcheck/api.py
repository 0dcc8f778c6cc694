"""The library's entry points, one per command: check, check_feed, analyse, extract, evaluate.

`check` is `factcheck check`: it reads the batch, runs the pipeline, reads the reviewers'
decisions, writes the reports and applies the CI gate, and returns all of it as a `CheckRun`.
`analyse` is the same check without files (a `Report` to look at or score).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.ci import (
    FAIL_ON,
    CheckRun,
    acknowledged_findings,
    failing_findings,
    load_baseline,
    render_junit,
    render_junit_feed,
)
from factcheck.config import Config
from factcheck.errors import InputError
from factcheck.pipeline import Prepared, Progress, run_pipeline
from factcheck.records import Article, Claim, Decision, Finding, Report, Skipped
from factcheck.report.atomic import write_file
from factcheck.report.files import REPORT_FORMATS, WriteLog, write_report
from factcheck.review import batch_folder, load_decisions
from factcheck.stages.ingest import load_articles as _load

if TYPE_CHECKING:
    from factcheck.evaluate import EvalResult
    from factcheck.stages.embed import Embedder
    from factcheck.stories import Elsewhere, PreparedFeed

__all__ = [
    "FeedRun",
    "analyse",
    "check",
    "check_feed",
    "evaluate",
    "extract",
    "extract_jsonl",
    "load_articles",
    "load_embedder",
    "write_report",
]

DEFAULT_REPORTS = Path("reports")
REPORT_WRITERS = 4
"""Story reports written at once by a feed run (threads: the fsyncs of one overlap the rendering of another)."""


def load_articles(inputs: Sequence[Path], cfg: Config) -> tuple[list[Article], list[Skipped]]:
    """Read a batch; raise InputError when it holds no article."""
    articles, skipped = _load(inputs, cfg.ingest, cache_dir=cfg.embed.cache_dir)
    if not articles:
        names = ", ".join(str(p) for p in inputs)
        raise InputError(f"{names}: no readable article (.txt, .md, .html, .json, .jsonl, .csv)")
    return articles, skipped


def load_embedder(cfg: Config) -> Embedder:
    """The embedder `embed.backend` names for `embed.model` (loaded on its first cache miss)."""
    from factcheck.stages.embed import load_embedder as load_stage_embedder

    return load_stage_embedder(cfg.embed)


def analyse(
    inputs: Sequence[Path],
    cfg: Config,
    *,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read a batch and check it, writing nothing: the Report of `factcheck check` (and of `eval`)."""
    articles, skipped = load_articles(inputs, cfg)
    return run_pipeline(
        articles, cfg, embedder or load_embedder(cfg), batch=_batch_name(inputs), skipped=skipped, progress=progress
    )


def _batch_name(inputs: Sequence[Path]) -> str:
    """A batch's name: its folder's (or single file's) name."""
    return inputs[0].resolve().name if len(inputs) == 1 else "batch"


def check(
    inputs: Sequence[Path],
    cfg: Config,
    *,
    out: Path | None = None,
    formats: Sequence[str] = REPORT_FORMATS,
    fail_on: str | None = None,
    baseline: Path | None = None,
    junit: Path | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> CheckRun:
    """Check a batch, write its reports (with reviewers' decisions) and apply the CI gate: `factcheck check`.

    Args:
        inputs: Batch folder(s) or article files; decisions are read from the first one's folder.
        cfg: Settings.
        out: Report folder, by default `reports/<batch>`.
        formats: Report files to write (md, json, html, review); empty to write none.
        fail_on: "contradict", "differ", "any", or None to never fail on findings.
        baseline: An earlier facts.json (or its folder); only findings new since then fail.
        junit: Where to write JUnit XML, if anywhere.
        embedder: The sentence embedder (default: the model `embed.model` names).
        progress: Called with each stage's name.

    Returns:
        The run; its `exit_code` is 0 or 1.

    Raises:
        FactcheckError: bad input, settings, baseline or decisions file, or a report cannot be written.
    """
    _check_fail_on(fail_on)
    known = load_baseline(baseline) if baseline is not None else None  # before the reports overwrite it
    batch_dir = batch_folder(inputs)
    decisions = load_decisions(batch_dir, name=cfg.review.decisions_file)
    report = analyse(inputs, cfg, embedder=embedder, progress=progress)
    run = _gate(report, decisions, fail_on=fail_on, baseline=baseline, known=known)
    folder = out or DEFAULT_REPORTS / report.batch
    paths: list[Path] = []
    if formats:
        log = WriteLog(cfg.embed.cache_dir)  # an unchanged report is not written again (#17)
        paths = write_report(report, folder, formats=formats, decisions=decisions, batch_dir=batch_dir, log=log)
        log.flush()
    if junit is not None:
        paths.append(write_file(junit, render_junit(report, run.failing, fail_on=fail_on, decisions=decisions)))
    return replace(run, paths=tuple(paths))


def _check_fail_on(fail_on: str | None) -> None:
    """Refuse an unknown --fail-on bar before any work."""
    if fail_on is not None and fail_on not in FAIL_ON:
        raise InputError(f"--fail-on {fail_on!r}: choose from {', '.join(FAIL_ON)}")


def _gate(
    report: Report,
    decisions: Mapping[str, Decision],
    *,
    fail_on: str | None,
    baseline: Path | None,
    known: Mapping[str, str] | None,
) -> CheckRun:
    """The CI gate's verdict on one report (no files yet)."""
    failing = failing_findings(report, fail_on=fail_on, baseline=known, decisions=decisions)
    acknowledged = acknowledged_findings(report, fail_on=fail_on, baseline=known, decisions=decisions)
    return CheckRun(report, decisions, fail_on, baseline, tuple(failing), (), tuple(acknowledged))


def story_name(index: int, story: Sequence[Article]) -> str:
    """Batch name of a story: its number and a slug of its first article's title (safe as a folder name)."""
    slug = re.sub(r"[^a-z0-9]+", "-", story[0].title.lower()).strip("-")[:40].rstrip("-")
    return f"story-{index:03d}" + (f"-{slug}" if slug else "")


@dataclass(frozen=True, slots=True)
class FeedRun:
    """Everything `factcheck check --stories` produced: one CheckRun per story, and the index."""

    stories: tuple[CheckRun, ...]
    skipped: tuple[Skipped, ...]
    paths: tuple[Path, ...]

    @property
    def exit_code(self) -> int:
        """1 when any story has a failing finding, else 0."""
        return max((run.exit_code for run in self.stories), default=0)

    @property
    def failing(self) -> tuple[Finding, ...]:
        """The failing findings of every story."""
        return tuple(f for run in self.stories for f in run.failing)


def check_feed(
    inputs: Sequence[Path],
    cfg: Config,
    *,
    out: Path | None = None,
    formats: Sequence[str] = REPORT_FORMATS,
    fail_on: str | None = None,
    baseline: Path | None = None,
    junit: Path | None = None,
    embedder: Embedder | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> FeedRun:
    """Group a mixed feed into stories and check each as its own batch: `factcheck check --stories`.

    Takes every option of `check`, applied per story: each story's reports go to
    `<out>/<story>/` with the reviewers' decisions of the feed's decisions file; `baseline` is
    an earlier feed's report folder (or one facts.json); `junit` gets one testsuite per story.
    The index (`index.md`, `index.html`) links the stories' reports.

    Args:
        inputs: Feed folder(s) or article files.
        cfg: Settings (`stories` for the grouping, `scale` for where the checks run).
        out: Report folder, by default `reports/<feed>`.
        formats: Report files to write per story (md, json, html, review).
        fail_on: As for `check`.
        baseline: An earlier run's report folder (or facts.json): only new findings fail.
        junit: Where to write JUnit XML, if anywhere.
        embedder: Defaults to the model of `embed.model`.
        scheduler: Address of a running Dask scheduler (overrides `scale.scheduler`).
        progress: A `pipeline.Progress` (or a callback taking a name only): told "stories", the
            embedding's counts ("embed", done, total) and the stories checked ("story", k, n).

    Returns:
        The stories' runs in story order (earliest article first), and the files written.

    Raises:
        FactcheckError: bad input, settings, baseline or decisions file, or a report cannot be written.
    """
    from factcheck.distributed import choose_mode
    from factcheck.pipeline import as_progress
    from factcheck.report.feed import write_feed_index
    from factcheck.stories import prepare_feed, run_here

    _check_fail_on(fail_on)
    known = load_baseline(baseline) if baseline is not None else None
    feed_dir = batch_folder(inputs)
    decisions = load_decisions(feed_dir, name=cfg.review.decisions_file)
    step = as_progress(progress)
    articles, skipped = load_articles(inputs, cfg)
    model = embedder or load_embedder(cfg)
    step("stories")
    folder = out or DEFAULT_REPORTS / (inputs[0].resolve().name if len(inputs) == 1 else "feed")
    done: dict[int, tuple[Report, list[Path]]] = {}

    pending: list[tuple[list[int], Future[tuple[list[Report], list[list[Path]]]]]] = []

    def stories_of(feed: PreparedFeed, which: Sequence[int]) -> tuple[list[list[Article]], list[str], list[Prepared]]:
        stories = [feed.stories[k] for k in which]
        return stories, [story_name(k + 1, feed.stories[k]) for k in which], [feed.for_story(s) for s in stories]

    def check_some(feed: PreparedFeed, which: Sequence[int]) -> None:
        if not which:
            return
        told = _counted_from(step, len(done), len(feed.stories))
        found, written = _check_and_write(
            *stories_of(feed, which), cfg, model, skipped, folder, formats, decisions, feed_dir, scheduler, told
        )
        done.update(zip(which, zip(found, written, strict=True), strict=True))

    def check_meanwhile(feed: PreparedFeed, elsewhere: Elsewhere) -> None:
        # (#17) while the worker parses, this process checks the stories of one article (they need no
        # parse); the others are queued for the worker after its parse, in shares, and this process
        # takes back from the end of the queue those the worker has not started
        if elsewhere is run_here or choose_mode(len(articles), len(feed.stories), cfg, scheduler) != "in-process":
            return
        single = _single(feed)
        compared = sorted(set(range(len(feed.stories))) - set(single))
        for which in _shares(feed, compared):
            args = (*stories_of(feed, which), cfg, model, skipped, folder, formats, decisions, feed_dir)
            pending.append((which, elsewhere(_check_parsed_and_write, *args)))
        check_some(feed, single)

    feed = prepare_feed(articles, model, cfg, progress=step, meanwhile=check_meanwhile)  # only what compares (#17)
    handed_on = {k for which, _job in pending for k in which}
    check_some(feed, [k for k in range(len(feed.stories)) if k not in handed_on and k not in done])
    for which, job in reversed(pending):
        if job.cancel():  # not started by the worker: checked here
            check_some(feed, which)
    for which, job in pending:
        if job.cancelled():
            continue
        try:
            found, written = job.result()
        except BrokenProcessPool:  # the worker died: check them here
            check_some(feed, which)
            continue
        done.update(zip(which, zip(found, written, strict=True), strict=True))
        step("story", len(done), len(feed.stories))
    reports = [done[k][0] for k in range(len(feed.stories))]
    runs, paths = [], []
    for k, report in enumerate(reports):
        run = _gate(report, decisions, fail_on=fail_on, baseline=baseline, known=known)
        runs.append(replace(run, paths=tuple(done[k][1])))
        paths += done[k][1]
    paths += write_feed_index(reports, folder, formats=formats)
    if junit is not None:
        paths.append(write_file(junit, render_junit_feed(runs)))
    return FeedRun(tuple(runs), tuple(skipped), tuple(paths))


def _check_and_write(
    stories: Sequence[Sequence[Article]],
    names: Sequence[str],
    parts: Sequence[Prepared],
    cfg: Config,
    embedder: Embedder,
    skipped: Sequence[Skipped],
    folder: Path,
    formats: Sequence[str],
    decisions: Mapping[str, Decision],
    feed_dir: Path,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> tuple[list[Report], list[list[Path]]]:
    """Check stories of a feed and write their reports: their reports and files, in story order.

    A job the feed's worker may run (`stories.Elsewhere`): its arguments and result are pickled.
    """
    from factcheck.distributed import run_stories

    found = run_stories(
        stories, names, cfg, embedder, scheduler=scheduler, skipped=skipped, progress=progress, prepared=parts
    )
    return found, _write_stories(found, folder, formats, decisions, feed_dir, cfg.embed.cache_dir)


def _check_parsed_and_write(
    stories: Sequence[Sequence[Article]], names: Sequence[str], parts: Sequence[Prepared], cfg: Config, *rest: Any
) -> tuple[list[Report], list[list[Path]]]:
    """`_check_and_write` (the same arguments) for stories whose parts have no frames yet: the feed's worker reads them from the cache its parse filled."""
    from factcheck.stages.frames import cached_claim_frames

    if cfg.compare.parser:
        parts = [
            replace(
                part, frames=cached_claim_frames(part.sentences, part.claims, cfg.compare.parser, cfg.embed.cache_dir)
            )
            for part in parts
        ]
    return _check_and_write(stories, names, parts, cfg, *rest)


SHARES_PER_WORKER = 12
"""Shares the compared stories of a feed are queued in for the worker: this process takes back those it has not started."""


def _shares(feed: PreparedFeed, which: Sequence[int]) -> list[list[int]]:
    """The stories `which`, largest first, in about SHARES_PER_WORKER shares of about equal sentences."""
    size = Counter(s.article_id for s in feed.sentences)
    weight = {k: sum(size[a.id] for a in feed.stories[k]) for k in which}
    per_share = sum(weight.values()) / SHARES_PER_WORKER
    shares: list[list[int]] = []
    filled = per_share
    for k in sorted(which, key=lambda k: (-weight[k], k)):
        if filled >= per_share:
            shares.append([])
            filled = 0
        shares[-1].append(k)
        filled += weight[k]
    return shares


def _single(feed: PreparedFeed) -> list[int]:
    """The stories where fewer than two articles have sentences (neither embedded nor parsed)."""
    with_text = {s.article_id for s in feed.sentences}
    return [k for k, story in enumerate(feed.stories) if sum(a.id in with_text for a in story) < 2]


def _counted_from(step: Progress, offset: int, stories: int) -> Progress:
    """A progress that tells stories checked as `offset` more, of `stories` in all."""

    def told(name: str, done: int | None = None, total: int | None = None) -> None:
        if name == "story" and done is not None:
            step(name, offset + done, stories)
        else:
            step(name, done, total)

    return told


def _write_stories(
    reports: Sequence[Report],
    folder: Path,
    formats: Sequence[str],
    decisions: Mapping[str, Decision],
    feed_dir: Path,
    cache_dir: str,
) -> list[list[Path]]:
    """Write each story's reports into `folder/<story>/`, a few at once; the files of each, in story order."""
    if not formats:
        return [[] for _ in reports]
    log = WriteLog(cache_dir, [folder / r.batch for r in reports])

    def write(report: Report) -> list[Path]:
        return write_report(
            report, folder / report.batch, formats=formats, decisions=decisions, batch_dir=feed_dir, log=log
        )

    # threads: one story waits on its fsyncs while another renders (#17)
    with ThreadPoolExecutor(max_workers=REPORT_WRITERS) as pool:
        try:
            return list(pool.map(write, reports))
        finally:
            log.flush()


def extract(text: str, published: date | None, cfg: Config) -> list[Claim]:
    """The claims of one text, dated against `published`: `factcheck extract`."""
    from factcheck.stages.claims import extract_claims_from_text

    return extract_claims_from_text(text, published, tolerance=cfg.claims.approximate_tolerance)


def extract_jsonl(lines: Iterable[str], cfg: Config) -> Iterator[dict[str, Any]]:
    """One `{"id", "claims"}` (or `{"id": null, "line", "error"}`) per JSON line: `factcheck extract --jsonl`."""
    from factcheck.stages.claims import extract_jsonl as _extract_jsonl

    return _extract_jsonl(lines, tolerance=cfg.claims.approximate_tolerance)


def evaluate(inputs: Sequence[Path], gold: Path, cfg: Config, *, embedder: Embedder | None = None) -> EvalResult:
    """Check a batch and score it against a gold file: `factcheck eval`."""
    from factcheck.evaluate import evaluate as _evaluate
    from factcheck.evaluate import load_gold

    gold_items = load_gold(gold)
    return _evaluate(analyse(inputs, cfg, embedder=embedder), gold_items)
