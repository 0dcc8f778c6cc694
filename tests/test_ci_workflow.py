"""The GitHub Actions workflow of docs/ci.md, run end to end by scripts/ci_local.py (#16).

The script executes the workflow file's own `run:` steps on a scratch git repository of batches,
with a `factcheck` on PATH that uses the deterministic FakeEmbedder, so no model is loaded.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck import api
from factcheck.cli import app
from factcheck.config import load_config

from .conftest import ROOT, FakeEmbedder
from .test_review import fill, make_batch

SCRIPT = ROOT / "scripts" / "ci_local.py"
WORKFLOW = ROOT / "docs" / "factcheck-workflow.yml"
RESULTS = ROOT / "docs" / "factcheck-results.yml"
MONTH = datetime.now(UTC).strftime("%Y-%m")  # the workflow names its embedding cache by the month

pytestmark = pytest.mark.skipif(shutil.which("jq") is None or shutil.which("git") is None, reason="needs jq and git")


def _load_script():
    spec = importlib.util.spec_from_file_location("ci_local", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ci_local", module)
    spec.loader.exec_module(module)
    return module


ci_local = _load_script()


@pytest.fixture
def fake_venv(tmp_path):
    """A "venv" whose bin/factcheck is the real CLI with the FakeEmbedder."""
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    shim = bin_dir / "factcheck"
    shim.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from tests.conftest import FakeEmbedder\nfrom factcheck import api\n"
        "api.load_embedder = lambda cfg: FakeEmbedder()\n"
        "from factcheck.cli import app\napp(prog_name='factcheck')\n"
    )
    shim.chmod(0o755)
    return bin_dir.parent


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env={**os.environ, **env}
    )
    return done.stdout.strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD")


def new_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "news"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    return repo


def run_ci(tmp_path: Path, venv: Path, repo: Path, *args: str) -> tuple[int, str, dict]:
    """Run the workflow with scripts/ci_local.py; exit code, log and the run's record."""
    runs = tmp_path / "runs"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--repo", str(repo), "--venv", str(venv), "--cache", str(tmp_path / "cache"),
         "--artifacts", str(runs), *args],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    run_id = re.search(r"record in (\S+)/run\.json", done.stdout)
    assert run_id, done.stdout + done.stderr
    return done.returncode, done.stdout, json.loads(Path(run_id.group(1), "run.json").read_text())


def steps_of(record: dict, job: str) -> dict[str, str]:
    (entry,) = [j for j in record["jobs"] if j["job"] == job]
    return {s["name"]: s["outcome"] for s in entry["steps"]}


def junit_cases(tmp_path: Path, sha: str, check: str) -> list[ET.Element]:
    (file,) = (tmp_path / "runs" / "checks" / sha / check).glob("*junit.xml")
    return ET.parse(file).getroot().iter("testcase")


def keys(tmp_path: Path) -> list[str]:
    return sorted(k for _, k in ci_local.CacheStore(tmp_path / "cache").entries())


def put_cache(tmp_path: Path, key: str, files: dict[str, str]) -> None:
    """An entry in the local Actions cache, as an earlier run would have saved it."""
    work = tmp_path / f"seed-{len(keys(tmp_path))}"
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)
    paths = sorted({name.split("/")[0] + "/" + name.split("/")[1] for name in files})
    assert ci_local.CacheStore(tmp_path / "cache").save(key, paths, work)


def test_a_contradiction_fails_until_reviewed_then_main_goes_green(tmp_path, fake_venv):
    repo = new_repo(tmp_path)
    make_batch(repo / "batches" / "flood")  # gamma's 40 dead contradict alpha's and beta's 12
    first = commit(repo, "the flood batch")

    # 1. the first push: no baseline, one contradiction nobody has reviewed -> red, nothing kept as baseline
    code, log, record = run_ci(tmp_path, fake_venv, repo, "--event", "push", "--sha", first)
    assert code == 1, log
    assert steps_of(record, "changed")["List the batch folders this change touches"] == "success"
    steps = steps_of(record, "check")
    assert steps["Check the batch"] == "failure" and steps["Publish the JUnit check"] == "success"
    assert steps["Save the baseline"] == "skipped" and steps["Save the embedding cache"] == "success"
    reports = tmp_path / "runs" / "1" / "artifacts" / "factcheck-flood"
    summary = json.loads((reports / "summary.json").read_text())
    assert summary["exit_code"] == 1 and summary["baseline"] is None
    (failing,) = summary["failing"]
    cases = list(junit_cases(tmp_path, first, "factcheck_flood"))  # one case per finding that can fail
    assert len(cases) == 1 and cases[0].find("failure") is not None and failing["id"] in cases[0].find("failure").text
    assert cases[0].get("name").startswith("contradict · quantity · ")  # named by the slot
    assert [k for k in keys(tmp_path) if k.startswith("factcheck-baseline/")] == []

    # 2. a reviewer confirms it in review.xlsx from the artifact; `review import` writes the decisions file
    sheet = tmp_path / "review.xlsx"
    shutil.copy(reports / "review.xlsx", sheet)
    fill(sheet, {failing["id"]: ("confirmed", "the county's figure is 40", "Ann")})
    imported = CliRunner().invoke(app, ["review", "import", str(sheet), "--batch", str(repo / "batches" / "flood")])
    assert imported.exit_code == 0, imported.output
    reviewed = commit(repo, "flood: reviewed")
    # older cache entries, to be pruned: two baselines of this batch, an embedding cache of a past month,
    # and a baseline of another batch whose name starts with this one's (must be left alone)
    put_cache(tmp_path, "factcheck-baseline/flood/0-1", {".factcheck-baseline/flood/README": "old"})
    put_cache(tmp_path, "factcheck-baseline/flood/0-2", {".factcheck-baseline/flood/README": "old"})
    put_cache(tmp_path, "factcheck-baseline/flood-2024/0-1", {".factcheck-baseline/flood-2024/README": "other"})
    put_cache(tmp_path, "factcheck-embed/v0.1.0/2000-01/flood/0-1", {".factcheck-cache/README": "stale"})

    # 3. the push of the decisions: the same batch passes, acknowledged by Ann; its report becomes the baseline
    code, log, record = run_ci(
        tmp_path, fake_venv, repo, "--event", "push", "--before", first, "--sha", reviewed, "--set-env", "KEEP_CACHES=1"
    )
    assert code == 0, log
    steps = steps_of(record, "check")
    assert steps["Check the batch"] == steps["Save the baseline"] == "success"
    assert steps["Prune old cache entries (the newest KEEP_CACHES per batch and kind; embeddings of past months)"] == (
        "success"
    )
    summary = json.loads((tmp_path / "runs" / "2" / "artifacts" / "factcheck-flood" / "summary.json").read_text())
    assert summary["exit_code"] == 0 and summary["failing"] == []
    assert summary["acknowledged"] == [
        {"id": failing["id"], "verdict": "contradict", "decision": "confirmed", "reviewer": "Ann"}
    ]
    (job,) = [j for j in record["jobs"] if j["job"] == "check"]
    step_summary = Path(job["summary"]).read_text()
    assert "0 finding(s) failing, 1 acknowledged by a reviewer" in step_summary and "confirmed by Ann" in step_summary
    (case,) = junit_cases(tmp_path, reviewed, "factcheck_flood")
    assert case.find("failure") is None and "confirmed by Ann" in case.find("skipped").get("message")
    # pruned to the newest KEEP_CACHES=1 per batch and kind; the past month's embeddings are gone
    assert keys(tmp_path) == [
        "factcheck-baseline/flood-2024/0-1",
        "factcheck-baseline/flood/2-1",
        f"factcheck-embed/v0.1.0/{MONTH}/flood/2-1",
    ]
    store = ci_local.CacheStore(tmp_path / "cache")
    restored = tmp_path / "restored"
    assert store.restore("x", ["factcheck-baseline/flood/"], [".factcheck-baseline/flood"], restored)
    facts = json.loads((restored / ".factcheck-baseline" / "flood" / "facts.json").read_text())
    assert failing["id"] in {f["id"] for fact in facts["facts"] for f in fact["findings"]}


def test_a_pull_request_from_a_fork_checks_without_write_permission(tmp_path, fake_venv):
    repo = new_repo(tmp_path)
    make_batch(repo / "batches" / "flood", with_gamma=False)
    main = commit(repo, "the flood batch")
    # the baseline a green run on main left in the cache
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'fc-cache'}"])
    old = api.check([repo / "batches" / "flood"], cfg, out=tmp_path / "main-report", formats=["json"],
                    embedder=FakeEmbedder())  # fmt: skip
    assert old.exit_code == 0
    baseline_json = (tmp_path / "main-report" / "facts.json").read_text()
    put_cache(tmp_path, "factcheck-baseline/flood/7-1", {".factcheck-baseline/flood/facts.json": baseline_json})
    git(repo, "checkout", "-qb", "gamma")
    make_batch(repo / "batches" / "flood")  # the fork adds gamma, who contradicts
    head = commit(repo, "gamma's story")

    code, log, record = run_ci(tmp_path, fake_venv, repo, "--event", "pull_request", "--base", main, "--sha", head,
                               "--fork")  # fmt: skip
    assert code == 1, log  # the new contradiction fails the pull request
    steps = steps_of(record, "check")
    assert steps["Check the batch"] == "failure"
    # the fork's token may not write checks or delete caches: those steps are skipped, nothing is saved
    for name in ("Publish the JUnit check", "Save the baseline", "Save the embedding cache"):
        assert steps[name] == "skipped", name
    assert keys(tmp_path) == ["factcheck-baseline/flood/7-1"]
    summary = json.loads((tmp_path / "runs" / "1" / "artifacts" / "factcheck-flood" / "summary.json").read_text())
    assert summary["baseline"] == ".factcheck-baseline/flood" and len(summary["failing"]) == 1
    # the workflow_run follow-up, with the repository's token, publishes the check on the fork's commit
    assert steps_of(record, "publish") == {
        "Download the reports of the finished run": "success",
        "Publish the JUnit check on the pull request's commit": "success",
    }
    cases = list(junit_cases(tmp_path, head, "factcheck_pull_request_from_a_fork"))
    assert len(cases) == 1 and cases[0].find("failure") is not None


def test_the_doc_holds_the_tested_workflows_verbatim():
    doc = (ROOT / "docs" / "ci.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    for path in (WORKFLOW, RESULTS):
        assert path.read_text() in blocks, f"docs/ci.md does not hold {path.name} as it is"


def test_the_workflow_installs_cpu_torch_and_names_caches_per_batch():
    text = WORKFLOW.read_text()
    assert "bash .factcheck/scripts/install.sh" in text and "torch.version.cuda" in text
    install = (ROOT / "scripts" / "install.sh").read_text()
    assert '--index-url "$TORCH_CPU_INDEX"' in install and "download.pytorch.org/whl/cpu" in install
    assert re.search(r"^torch==[\d.]+\+cpu$", (ROOT / "requirements.lock").read_text(), re.M)  # PyPI has no +cpu build
    # a "/" after the batch keeps batch "flood" from restoring batch "flood-2024"'s entries
    assert "restore-keys: factcheck-baseline/${{ matrix.batch }}/\n" in text
    assert "pull-requests: write" not in text
    # values reach the scripts through env:, never pasted into them (a batch folder's name comes from the PR)
    scripts = [s["run"] for job in yaml.safe_load(text)["jobs"].values() for s in job["steps"] if "run" in s]
    assert len(scripts) == 7 and not any("${{" in s for s in scripts)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', 'main')", True),
        ("github.event.pull_request.base.sha || github.event.before", "abc"),
        ("!(needs.changed.outputs.batches != '[]')", False),
        ('fromJson(\'["a", "b"]\')', ["a", "b"]),
        ("steps.embed-size.outputs.save == 'true'", True),
    ],
)
def test_expressions(expr, expected, tmp_path):
    ctx = ci_local.Context(
        {
            "github": {"event_name": "push", "ref": "refs/heads/main", "event": {"before": "abc"}},
            "needs": {"changed": {"outputs": {"batches": '["a"]'}}},
            "steps": {"embed-size": {"outputs": {"save": "true"}}},
        },
        tmp_path,
    )
    assert ctx.evaluate(expr) == expected
