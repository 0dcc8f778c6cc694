import json
import re
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def test_missing_batch_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 2  # bad input
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope'}: no such file or folder"


def test_empty_batch(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no readable article" in result.stderr


def test_bad_setting(tmp_path):
    (tmp_path / "a.txt").write_text("Text of an article that is long enough.")
    result = runner.invoke(app, ["check", str(tmp_path), "--set", "cluster.nope=1"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --set: cluster.nope")


def test_extract_json():
    result = runner.invoke(
        app, ["extract", "They will meet on Tuesday with at least 1,400 people.", "--published", "2023-10-16", "--json"]
    )
    assert result.exit_code == 0
    claims = json.loads(result.stdout)
    assert [c["kind"] for c in claims] == ["date", "quantity"]
    assert claims[0]["value"]["start"] == "2023-10-17"
    assert claims[1]["value"]["low"] == 1400 and claims[1]["qualifier"] == "at least"


def test_extract_prints_readable_lines_not_reprs():
    result = runner.invoke(
        app,
        ["extract", "Police said at least 1,400 people died within the past two weeks.", "--published", "2023-10-16"],
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "“at least 1,400 people” → at least 1,400 people" in lines[0]
    assert "event: killed" in lines[0] and "attributed: Police said" in lines[0]
    assert "→ 2023-10-02 to 2023-10-16 (window)" in lines[1]
    assert not any(mark in result.stdout for mark in ("{", "'point'", "QuantityValue"))


def test_extract_bad_date_is_usage_error():
    result = runner.invoke(app, ["extract", "text", "--published", "16/10/2023"])
    assert result.exit_code == 2


def test_every_command_has_help_and_example():
    commands = list(app.registered_commands)
    for group in app.registered_groups:
        commands += group.typer_instance.registered_commands
    assert len(commands) >= 4
    for command in commands:
        assert command.callback.__doc__ and "Example:" in command.callback.__doc__


def test_check_help_documents_exit_codes_and_ci_options():
    result = runner.invoke(app, ["check", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for option in ("--fail-on", "--baseline", "--junit", "--format", "--write"):
        assert option in text
    assert "0 clean, 1 findings at or above --fail-on" in text and "2 bad input or usage" in text


def test_readme_documents_commands_and_exit_codes():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for needle in ("factcheck check", "factcheck review import", "--fail-on", "--baseline", "--junit", "docs/ci.md"):
        assert needle in readme
    assert "exit code" in readme.lower() and "2 bad input or usage" in readme


def test_extract_jsonl_reads_many_records_in_one_process(tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli import app

    lines = [
        json.dumps({"id": "a", "text": "At least 1,400 people died on Tuesday.", "published": "2023-10-16"}),
        "not json",
        json.dumps({"id": "b", "text": "Some 130 countries attend.", "published": None}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "b"]
    assert out[1]["line"] == 2
    toll = next(c for c in out[0]["claims"] if c["kind"] == "quantity")
    assert toll["value"]["low"] == 1400 and toll["value"]["high"] is None
    day = next(c for c in out[0]["claims"] if c["kind"] == "date")
    assert day["value"]["start"] == "2023-10-10"
    assert CliRunner().invoke(app, ["extract", "--jsonl", str(tmp_path / "missing.jsonl")]).exit_code == 2


def test_version_and_help_read_as_text():  # #16: --version; help without Python type names in options
    from typer.testing import CliRunner

    from factcheck.cli import app

    runner = CliRunner()
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("factcheck ")
    help_text = runner.invoke(app, ["check", "--help"], terminal_width=100).stdout
    options = help_text[help_text.index("Options:") :]
    assert "<" not in options.replace("reports/<batch>", "")  # no <list[str]>, <bool>, <path>
    assert "--write FORMATS" in options and "--set SECTION.KEY=VALUE" in options


def test_progress_in_a_log_is_timestamped_lines_with_counts(capsys):  # #16: CI logs were silent for minutes
    from factcheck.cli import _LogLines

    log = _LogLines()
    log("embed", 0, 7449)
    log("embed", 1024, 7449)  # within PROGRESS_LINE_SECONDS of the last line: not printed
    log("embed", 7449, 7449)  # the step ends
    log("cluster")
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" ", 1)[1] for line in lines] == ["embed 0/7,449", "embed 7,449/7,449", "cluster"]
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d .+", line) for line in lines)
