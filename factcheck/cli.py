"""The `factcheck` command: a thin Typer layer over factcheck.api."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from factcheck.config import load_config
from factcheck.errors import FactcheckError

app = typer.Typer(
    help="Check fact consistency across news outlets.",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
)


@app.command()
def check(
    inputs: Annotated[list[Path], typer.Argument(help="Batch folder(s) or article files.")],
    config: Annotated[Path | None, typer.Option("--config", "-c", help="Settings TOML file.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Report folder [reports/<batch>].")] = None,
    fmt: Annotated[list[str] | None, typer.Option("--format", "-f", help="md, json (repeatable).")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override a setting: section.key=value.")] = None,
) -> None:
    """Check a batch of articles and write reports of what outlets agree, differ and contradict on.

    Example: factcheck check seeds/ -f md -f json
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from factcheck import api

    try:
        cfg = load_config(config, overrides=set_ or [])
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
            task = bar.add_task("reading", total=None)
            report = api.check(inputs, cfg, progress=lambda name: bar.update(task, description=name))
        folder = out or Path("reports") / report.batch
        paths = api.write_report(report, folder, formats=fmt or ["md", "json"])
    except FactcheckError as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(1) from None
    for skipped in report.skipped:
        typer.echo(f"skipped {skipped.id}: {skipped.reason}", err=True)
    for path in paths:
        typer.echo(f"wrote {path}")


@app.command("eval")
def eval_(
    inputs: Annotated[list[Path], typer.Argument(help="Batch folder(s) or article files.")],
    gold: Annotated[Path, typer.Option("--gold", "-g", help="Gold findings JSON file.")],
    config: Annotated[Path | None, typer.Option("--config", "-c", help="Settings TOML file.")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Override a setting: section.key=value.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Score a run on a batch against hand-labelled findings: precision and recall per verdict.

    Example: factcheck eval seeds/ --gold seeds/gold.json
    """
    from factcheck import api
    from factcheck.evaluate import evaluate, load_gold

    try:
        cfg = load_config(config, overrides=set_ or [])
        result = evaluate(api.check(inputs, cfg), load_gold(gold))
    except FactcheckError as e:
        typer.echo(f"Error: {e}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        doc = {"scores": result.scores, "misses": result.misses, "false_alarms": result.false_alarms}
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for verdict, s in result.scores.items():
        typer.echo(f"{verdict:10} gold {s['gold']:3} predicted {s['predicted']:3} "
                   f"precision {s['precision']:.2f} recall {s['recall']:.2f}")
    for miss in result.misses:
        typer.echo(f"miss        {miss['verdict']}: {miss['note']}")
    for alarm in result.false_alarms:
        typer.echo(f"false alarm {alarm['verdict']}: {alarm['explanation'][:160]}")


@app.command()
def extract(
    text: Annotated[str, typer.Argument(help="Text, or the path of a text file.")],
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the numbers, quantities and dates found in a text.

    Example: factcheck extract "at least 1,400 people died on Tuesday" --published 2023-10-16
    """
    from factcheck.report.files import claim_json
    from factcheck.stages.claims import extract_claims_from_text

    pub = None
    if published:
        try:
            pub = date.fromisoformat(published)
        except ValueError:
            raise typer.BadParameter(f"{published!r} is not YYYY-MM-DD", param_hint="--published") from None
    path = Path(text)
    body = path.read_text(encoding="utf-8", errors="replace") if len(text) < 4096 and path.is_file() else text
    claims = extract_claims_from_text(body, pub)
    if as_json:
        typer.echo(json.dumps([claim_json(c) for c in claims], ensure_ascii=False, indent=2))
        return
    for c in claims:
        value = {k: v for k, v in asdict(c.value).items() if v not in (None, "", False)}
        typer.echo(f"{c.kind:9} {c.text!r:45} {value} {c.unit}")


if __name__ == "__main__":
    app()
