import json

from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def test_missing_batch_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope'}: no such file or folder"


def test_empty_batch(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "no readable article" in result.stderr


def test_bad_setting(tmp_path):
    (tmp_path / "a.txt").write_text("Text of an article that is long enough.")
    result = runner.invoke(app, ["check", str(tmp_path), "--set", "cluster.nope=1"])
    assert result.exit_code == 1
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


def test_extract_bad_date_is_usage_error():
    result = runner.invoke(app, ["extract", "text", "--published", "16/10/2023"])
    assert result.exit_code == 2


def test_every_command_has_help_and_example():
    for command in app.registered_commands:
        assert command.callback.__doc__ and "Example:" in command.callback.__doc__
