"""The `factcheck` command: a thin Typer layer over factcheck.api."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from factcheck.config import load_config
from factcheck.errors import FactcheckError, InputError
from factcheck.verdicts import FailOn

if TYPE_CHECKING:
    from factcheck import api, ci
    from factcheck.pipeline import Progress
    from factcheck.records import Claim

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

app = typer.Typer(
    help="Check fact consistency across news outlets.",
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    no_args_is_help=True,
)


def _show_version(value: bool) -> None:
    """`factcheck --version`: print the installed version and exit."""
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            installed = version("factcheck-news")
        except PackageNotFoundError:
            from factcheck import __version__ as installed
        typer.echo(f"factcheck {installed}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_show_version, is_eager=True, metavar=""
        ),
    ] = False,
) -> None:
    """Check fact consistency across news outlets.

    Example: factcheck check seeds/
    """


class OutputFormat(StrEnum):
    """What `check` prints on stdout."""

    text = "text"
    json = "json"


class _EchoWarnings(logging.Handler):
    """Print the library's warnings as `warning: ...` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(_printable(f"warning: {record.getMessage()}"), err=True)


@contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """Show factcheck's logged warnings on stderr while a command runs."""
    logger = logging.getLogger("factcheck")
    handler = _EchoWarnings(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


@contextmanager
def _progress() -> Iterator[Progress]:
    """Progress on stderr (stdout stays clean for --format json) (#16).

    On a terminal: a Rich bar per step with its counts and the time left (sentences embedded,
    stories checked). Elsewhere (CI logs): a plain timestamped line when a step starts, and for
    counted steps at most one line per PROGRESS_LINE_SECONDS and one when the step ends.
    """
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield _LogLines()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True, console=console) as bar:
        task = bar.add_task("reading", total=None)

        def show(name: str, done: int | None = None, total: int | None = None) -> None:
            bar.update(task, description=name, completed=done or 0, total=total)

        yield show


PROGRESS_LINE_SECONDS = 10.0


class _LogLines:
    """Progress as timestamped lines on stderr, for logs that are not a terminal."""

    def __init__(self) -> None:
        self._step = ""
        self._last = 0.0

    def __call__(self, name: str, done: int | None = None, total: int | None = None) -> None:
        import time
        from datetime import datetime

        now = time.monotonic()
        new_step = name != self._step
        finished = done is not None and total is not None and done >= total
        if not (new_step or finished or now - self._last >= PROGRESS_LINE_SECONDS):
            return
        self._step, self._last = name, now
        counts = f" {done:,}/{total:,}" if done is not None and total is not None else ""
        typer.echo(f"{datetime.now().strftime('%H:%M:%S')} {name}{counts}", err=True)


def _printable(text: str) -> str:
    """Article-derived text safe for a terminal or CI log: control characters (ANSI escapes) shown as U+FFFD."""
    return _CONTROL_RE.sub("\ufffd", text)


def _fail(e: FactcheckError) -> NoReturn:
    """Print a one-line error and exit 2 (bad input or usage)."""
    typer.echo(_printable(f"Error: {e}"), err=True)
    raise typer.Exit(2) from None


def _parse_write(values: list[str] | None) -> list[str]:
    """`--write md,json` (repeatable) as a list of report formats."""
    from factcheck.report.files import REPORT_FORMATS

    if not values:
        return list(REPORT_FORMATS)
    formats = [f.strip() for v in values for f in v.split(",") if f.strip()]
    for f in formats:
        if f not in REPORT_FORMATS:
            raise typer.BadParameter(f"{f!r} is not one of {', '.join(REPORT_FORMATS)}", param_hint="--write")
    return formats


@app.command()
def check(
    inputs: Annotated[list[Path], typer.Argument(help="Batch folder(s) or article files.", metavar="BATCH")],
    config: Annotated[Path | None, typer.Option("--config", "-c", help="Settings TOML file.", metavar="FILE")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Report folder (default: reports/<batch>).", metavar="DIR")
    ] = None,
    write: Annotated[
        list[str] | None,
        typer.Option("--write", "-w", help="Report files: md,json,html,review (default: all four).", metavar="FORMATS"),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="What stdout shows: text, or a JSON summary.", metavar="text|json")
    ] = (OutputFormat.text),
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Exit 1 on unreviewed findings at or above this verdict.", metavar="contradict|differ|any"
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", help="An earlier facts.json (or report folder): only new findings fail.", metavar="PATH"
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", help="Write JUnit XML (a test case per finding that can fail).", metavar="FILE"),
    ] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Override a setting (repeatable).", metavar="SECTION.KEY=VALUE")
    ] = None,
    stories: Annotated[
        bool,
        typer.Option(
            "--stories", help="Group a mixed feed into stories: one report per story plus an index.", metavar=""
        ),
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler for --stories (tcp://host:8786).", metavar="ADDRESS"),
    ] = None,
) -> None:
    """Check a batch of articles and write the reports.

    The reports say where the outlets agree, differ and contradict, fact by fact.

    Exit codes: 0 clean, 1 findings at or above --fail-on (new since --baseline and not yet
    reviewed), 2 bad input or usage.

    Example: factcheck check seeds/ --fail-on contradict --baseline reports/seeds/facts.json --junit findings.xml
    """
    from factcheck import api, ci

    formats = _parse_write(write)
    bar = fail_on.value if fail_on else None
    try:
        with _warnings_to_stderr(), _progress() as step:
            cfg = load_config(config, overrides=set_ or [])
            if stories:
                feed = api.check_feed(
                    inputs, cfg, out=out, formats=formats, fail_on=bar, baseline=baseline, junit=junit,
                    scheduler=scheduler, progress=step,
                )  # fmt: skip
            else:
                run = api.check(
                    inputs, cfg, out=out, formats=formats, fail_on=bar, baseline=baseline, junit=junit, progress=step
                )
    except FactcheckError as e:
        _fail(e)
    if stories:
        _print_feed(feed, fmt)
        raise typer.Exit(feed.exit_code)
    for skipped in run.report.skipped:
        typer.echo(_printable(f"skipped {skipped.id}: {skipped.reason}"), err=True)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(ci.summary_json(run), ensure_ascii=False, indent=2))
    else:
        _print_check_text(run)
    raise typer.Exit(run.exit_code)


def _print_feed(feed: api.FeedRun, fmt: OutputFormat) -> None:
    """The outcome of `check --stories`: as text, or one JSON summary with a summary per story."""
    from factcheck import ci

    for skipped in feed.skipped:
        typer.echo(_printable(f"skipped {skipped.id}: {skipped.reason}"), err=True)
    if fmt is OutputFormat.json:
        doc = {
            "schema": ci.SUMMARY_SCHEMA,
            "exit_code": feed.exit_code,
            "stories": [ci.summary_json(run) for run in feed.stories],
            "reports": [str(p) for p in feed.paths],
        }
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for path in feed.paths:
        typer.echo(f"wrote {path}")
    fail_on = feed.stories[0].fail_on if feed.stories else None
    line = f"{len(feed.stories)} stories"
    if fail_on:
        acknowledged = sum(len(run.acknowledged) for run in feed.stories)
        line += f"; {len(feed.failing)} finding(s) at or above {fail_on!r}, {acknowledged} acknowledged by a reviewer"
    typer.echo(line)


def _print_check_text(run: ci.CheckRun) -> None:
    """The human-readable outcome of `check`: files written, counts, failing findings."""
    from factcheck import ci

    summary = ci.summary_json(run)
    for path in summary["reports"]:
        typer.echo(f"wrote {path}")
    facts = summary["counts"]["facts"]
    typer.echo(f"{sum(facts.values())} facts: " + ", ".join(f"{n} {v}" for v, n in facts.items()))
    if summary["stale_decisions"]:
        typer.echo(f"{len(summary['stale_decisions'])} stale reviewer decision(s) (findings no longer reported)")
    if run.fail_on is None:
        return
    new = " new since the baseline" if run.baseline else ""
    if run.acknowledged:
        reviewers = sorted({run.decisions[f.id].reviewer or "unnamed" for f in run.acknowledged})
        typer.echo(
            f"{len(run.acknowledged)} finding(s) at or above {run.fail_on!r} acknowledged by a reviewer "
            f"({', '.join(reviewers)}): not failing"
        )
    if not run.failing:
        typer.echo(f"ok: no finding{new} at or above {run.fail_on!r} awaiting review")
        return
    typer.echo(f"FAIL: {len(run.failing)} finding(s){new} at or above {run.fail_on!r}")
    for f in run.failing:
        typer.echo(_printable(f"  {f.verdict} {f.id} (fact {f.fact_id}): {f.explanation}"))


@app.command("eval")
def eval_(
    inputs: Annotated[list[Path], typer.Argument(help="Batch folder(s) or article files.", metavar="BATCH")],
    gold: Annotated[Path, typer.Option("--gold", "-g", help="Gold findings JSON file.", metavar="FILE")],
    config: Annotated[Path | None, typer.Option("--config", "-c", help="Settings TOML file.", metavar="FILE")] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Override a setting (repeatable).", metavar="SECTION.KEY=VALUE")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.", metavar="")] = False,
) -> None:
    """Score a run against hand-labelled findings.

    Prints precision and recall per verdict, then the misses and false alarms.

    Example: factcheck eval seeds/ --gold seeds/gold.json
    """
    from factcheck import api

    try:
        cfg = load_config(config, overrides=set_ or [])
        result = api.evaluate(inputs, gold, cfg)
    except FactcheckError as e:
        _fail(e)
    if as_json:
        doc = {"scores": result.scores, "misses": result.misses, "false_alarms": result.false_alarms}
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for verdict, s in result.scores.items():
        typer.echo(
            f"{verdict:10} gold {s['gold']:3} predicted {s['predicted']:3} "
            f"precision {s['precision']:.2f} recall {s['recall']:.2f}"
        )
    for miss in result.misses:
        typer.echo(f"miss        {miss['verdict']}: {miss['note']}")
    for alarm in result.false_alarms:
        typer.echo(f"false alarm {alarm['verdict']}: {alarm['explanation'][:160]}")


@app.command()
def extract(
    text: Annotated[str | None, typer.Argument(help="Text, or the path of a text file.", metavar="TEXT|FILE")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date.", metavar="YYYY-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.", metavar="")] = False,
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl", help='JSON lines of {"id", "text", "published"} (a file, or - for stdin).', metavar="FILE"
        ),
    ] = None,
) -> None:
    """Print the numbers, quantities and dates found in a text.

    With --jsonl, read one record per line and write one line {"id", "claims": [...]} per record,
    in one process; a bad line gives {"id": null, "line": N, "error": "..."} and the rest go on.

    Example: factcheck extract "at least 1,400 people died on Tuesday" --published 2023-10-16
    """
    from factcheck import api
    from factcheck.config import Config

    cfg = Config()
    if jsonl is not None:
        try:
            stream = sys.stdin if jsonl == "-" else open(jsonl, encoding="utf-8", errors="replace")  # noqa: SIM115
        except OSError as e:
            _fail(InputError(f"{jsonl}: cannot read ({e.strerror})"))
        with stream:
            for record in api.extract_jsonl(stream, cfg):
                typer.echo(json.dumps(record, ensure_ascii=False, sort_keys=True))
        return
    if text is None:
        raise typer.BadParameter("give a TEXT (or a file), or --jsonl FILE", param_hint="TEXT")
    pub = None
    if published:
        try:
            pub = date.fromisoformat(published)
        except ValueError:
            raise typer.BadParameter(f"{published!r} is not YYYY-MM-DD", param_hint="--published") from None
    path = Path(text)
    body = path.read_text(encoding="utf-8", errors="replace") if len(text) < 4096 and path.is_file() else text
    claims = api.extract(body, pub, cfg)
    if as_json:
        typer.echo(json.dumps([c.to_json() for c in claims], ensure_ascii=False, indent=2))
        return
    for c in claims:
        typer.echo(_printable(_claim_line(c)))


def _claim_line(claim: Claim) -> str:
    """One claim as a reader sees it: span, kind, surface, value in words, then event and source."""
    from factcheck.describe import describe_value

    extra = [f"event: {claim.event}"] if claim.event else []
    if claim.attribution:
        extra.append(f"attributed: {claim.attribution}")
    if claim.negated:
        extra.append("negated")
    tail = f"  ({'; '.join(extra)})" if extra else ""
    return f"{claim.start:>4}-{claim.end:<4} {claim.kind:9} “{claim.text}” → {describe_value(claim)}{tail}"


review_app = typer.Typer(help="Review spreadsheets: bring reviewers' decisions back.", no_args_is_help=True)
app.add_typer(review_app, name="review")


@review_app.command("import")
def review_import(
    file: Annotated[Path, typer.Argument(help="review.xlsx or review.csv as the reviewer saved it.", metavar="FILE")],
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch",
            help="Batch folder (default: the one the spreadsheet recorded, once the run's record beside it confirms it).",
            metavar="DIR",
        ),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="Settings TOML file.", metavar="FILE")] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Override a setting (repeatable).", metavar="SECTION.KEY=VALUE")
    ] = None,
) -> None:
    """Import reviewers' decisions from a review spreadsheet into the batch's decisions file.

    The decisions file's name comes from the settings (`review.decisions_file`), never from the
    spreadsheet.

    Example: factcheck review import reports/seeds/review.xlsx
    """
    from factcheck.review import import_review

    try:
        with _warnings_to_stderr():
            cfg = load_config(config, overrides=set_ or [])
            result = import_review(file, batch_dir=batch, decisions_file=cfg.review.decisions_file)
    except FactcheckError as e:
        _fail(e)
    for d in result.added:
        typer.echo(_printable(f"added   {d.finding_id}: {d.decision}" + (f" ({d.note})" if d.note else "")))
    for d in result.changed:
        typer.echo(_printable(f"changed {d.finding_id}: {d.decision}" + (f" ({d.note})" if d.note else "")))
    typer.echo(
        f"{len(result.added)} added, {len(result.changed)} changed, {result.unchanged} unchanged, "
        f"{len(result.stale)} stale; decisions in {result.decisions_file}"
    )


if __name__ == "__main__":
    app()
