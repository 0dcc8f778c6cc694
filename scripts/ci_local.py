#!/usr/bin/env python3
"""Run the GitHub Actions workflow of docs/ci.md here, step by step, on a git repository of batches.

The `run:` scripts of docs/factcheck-workflow.yml (and, for a fork's pull request, of
docs/factcheck-results.yml) are executed as the workflow file has them, with bash -eo pipefail
and GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH and GITHUB_STEP_SUMMARY; `if:` conditions and
`${{ }}` expressions are evaluated (the subset the workflow uses). The `uses:` actions, which need
GitHub's servers, are stood in for:

  actions/checkout            a clone of --repo at --sha (factcheck's own source: skipped with --venv)
  actions/setup-python        this machine's python3
  actions/cache/restore|save  entries in the --cache folder, with GitHub's rules: the exact key,
                              else the newest entry whose key starts with a restore key
  actions/upload-artifact     <artifacts>/<run id>/<name>/ (download-artifact reads it back)
  mikepenz/action-junit-report  <artifacts>/checks/<commit>/<check name>/ and a line of counts
  gh cache list|delete        a `gh` first on PATH that works on the --cache folder (needs jq)

The step with id `install` is replaced by --venv (its bin/ goes on PATH), so the run needs no
network. GitHub's own runners, act, and a Docker engine are not needed.

Usage:
  python scripts/ci_local.py --repo ../news --venv .venv --event push --before OLD --sha NEW
  python scripts/ci_local.py --repo ../news --venv .venv --event pull_request --base MAIN --sha HEAD --fork

Exit code: 0 when every job succeeded, 1 when one failed, 2 on bad usage. A record of the run
(jobs, steps and outcomes) is written to <artifacts>/<run id>/run.json.
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import hashlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "docs" / "factcheck-workflow.yml"
RESULTS = ROOT / "docs" / "factcheck-results.yml"
STATUS_FUNCTIONS = ("success", "failure", "always", "cancelled")
_TOKEN_RE = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+(?:\.\d+)?)|(?P<op>&&|\|\||==|!=|<=|>=|[<>!()\[\],.])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))"
)
_EXPR_RE = re.compile(r"\$\{\{(.*?)\}\}", re.S)


class UsageError(Exception):
    """A workflow or an option this runner cannot handle."""


# --- expressions -------------------------------------------------------------------------------


def _lookup(ctx: dict[str, Any], path: list[Any]) -> Any:
    """A context value by path; a missing one is None (GitHub's null)."""
    value: Any = ctx
    for key in path:
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and -len(value) <= key < len(value):
            value = value[key]
        else:
            return None
    return value


def _format(fmt: str, *args: Any) -> str:
    """GitHub's format('{0} {1}', a, b)."""
    out = re.sub(r"\{(\d+)\}", lambda m: to_text(args[int(m.group(1))]), fmt.replace("{{", "\0").replace("}}", "\1"))
    return out.replace("\0", "{").replace("\1", "}")


def to_text(value: Any) -> str:
    """A value as `${{ }}` puts it into a string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _translate(expr: str) -> str:
    """A GitHub expression as Python source over `_ctx`, `_f` (functions) and `_eq`."""
    out: list[str] = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN_RE.match(expr, pos)
        if not m or m.end() == pos:
            raise UsageError(f"cannot read the expression {expr!r} at {expr[pos:]!r}")
        pos = m.end()
        if m.group("str") is not None:
            out.append(repr(m.group("str")[1:-1].replace("''", "'")))
        elif m.group("num") is not None:
            out.append(m.group("num"))
        elif m.group("op") is not None:
            op = m.group("op")
            out.append({"&&": " and ", "||": " or ", "!": " not ", "==": " == ", "!=": " != "}.get(op, op))
        else:
            name = m.group("name")
            rest = expr[pos:].lstrip()
            if rest.startswith("("):
                out.append(f"_f[{name!r}]")
            elif name in ("true", "false", "null"):
                out.append({"true": "True", "false": "False", "null": "None"}[name])
            else:
                path = [name]
                while True:
                    dot = re.match(r"\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)", expr[pos:])
                    if not dot:
                        break
                    path.append(dot.group(1))
                    pos += dot.end()
                out.append(f"_get({path!r})")
    return "".join(out)


@dataclass
class Context:
    """What expressions can see: github, env, matrix, needs, steps, and the job's status."""

    values: dict[str, Any]
    workspace: Path
    job_ok: bool = True

    def evaluate(self, expr: str) -> Any:
        """The value of one expression (without the `${{ }}`)."""

        def hash_files(*patterns: str) -> str:
            files = sorted(
                {
                    p
                    for pat in patterns
                    for p in glob.glob(str(self.workspace / pat), recursive=True)
                    if os.path.isfile(p)
                }
            )
            if not files:
                return ""
            digest = hashlib.sha256()
            for f in files:
                digest.update(hashlib.sha256(Path(f).read_bytes()).digest())
            return digest.hexdigest()

        functions = {
            "success": lambda: self.job_ok,
            "failure": lambda: not self.job_ok,
            "always": lambda: True,
            "cancelled": lambda: False,
            "format": _format,
            "fromJson": json.loads,
            "toJson": json.dumps,
            "hashFiles": hash_files,
            "contains": lambda a, b: (b in a) if isinstance(a, list) else to_text(b).lower() in to_text(a).lower(),
            "startsWith": lambda a, b: to_text(a).lower().startswith(to_text(b).lower()),
            "endsWith": lambda a, b: to_text(a).lower().endswith(to_text(b).lower()),
        }
        scope = {"__builtins__": {}, "_f": functions, "_get": lambda path: _lookup(self.values, path)}
        return eval(_translate(expr), scope)  # our own translation of the workflow file's expressions

    def condition(self, expr: str | bool | None) -> bool:
        """An `if:`: without a status function it is ANDed with success(), as on GitHub."""
        if expr is None:
            expr = "success()"
        if isinstance(expr, bool):
            return expr and self.job_ok
        text = expr.strip()
        if text.startswith("${{") and text.endswith("}}"):
            text = text[3:-2]
        if not re.search(r"\b(" + "|".join(STATUS_FUNCTIONS) + r")\s*\(", text):
            text = f"success() && ({text})"
        return bool(self.evaluate(text))

    def interpolate(self, value: Any) -> Any:
        """A workflow value with its `${{ }}` expressions filled in."""
        if isinstance(value, str):
            whole = _EXPR_RE.fullmatch(value.strip())
            if whole:
                return self.evaluate(whole.group(1))
            return _EXPR_RE.sub(lambda m: to_text(self.evaluate(m.group(1))), value)
        if isinstance(value, dict):
            return {k: self.interpolate(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.interpolate(v) for v in value]
        return value


# --- the Actions cache, as a folder ---------------------------------------------------------------


class CacheStore:
    """Cache entries in a folder: entries/<id>/key holds the key, entries/<id>/data the paths."""

    def __init__(self, folder: Path) -> None:
        """Open (or create) the store."""
        self.folder = Path(folder)
        (self.folder / "entries").mkdir(parents=True, exist_ok=True)

    def entries(self) -> list[tuple[int, str]]:
        """(id, key) of every entry, newest first (ids grow with time)."""
        found = [
            (int(p.name), (p / "key").read_text()) for p in (self.folder / "entries").iterdir() if p.name.isdigit()
        ]
        return sorted(found, reverse=True)

    def restore(self, key: str, restore_keys: list[str], paths: list[str], workspace: Path) -> str | None:
        """Restore the entry of `key`, else the newest one starting with a restore key; its key, or None."""
        entries = self.entries()
        match = next((e for e in entries if e[1] == key), None)
        for prefix in restore_keys:
            if match is None:
                match = next((e for e in entries if e[1].startswith(prefix)), None)
        if match is None:
            return None
        data = self.folder / "entries" / str(match[0]) / "data"
        for path in paths:
            source = data / _storable(path)
            if source.exists():
                target = workspace / path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(source, target, dirs_exist_ok=True) if source.is_dir() else shutil.copy2(source, target)
        return match[1]

    def save(self, key: str, paths: list[str], workspace: Path) -> bool:
        """Save the paths under `key`; False (a warning, as on GitHub) when the key exists or nothing is there."""
        if any(k == key for _, k in self.entries()):
            return False
        existing = [p for p in paths if (workspace / p).exists()]
        if not existing:
            return False
        ident = max((i for i, _ in self.entries()), default=0) + 1
        entry = self.folder / "entries" / str(ident)
        for path in existing:
            source, target = workspace / path, entry / "data" / _storable(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(source, target) if source.is_dir() else shutil.copy2(source, target)
        (entry / "key").write_text(key)
        return True

    def delete(self, ident_or_key: str) -> bool:
        """Delete an entry by id or key."""
        for ident, key in self.entries():
            if ident_or_key in (str(ident), key):
                shutil.rmtree(self.folder / "entries" / str(ident))
                return True
        return False


def _storable(path: str) -> str:
    """A cached path as a relative folder name."""
    return path.strip().strip("/").replace("..", "__")


def gh_main(argv: list[str]) -> int:
    """`gh cache list --key P --sort created_at --order desc --limit N --json F [--jq E]` and `gh cache delete ID`."""
    store = CacheStore(Path(os.environ["CI_LOCAL_CACHE"]))
    if argv[:2] == ["cache", "delete"] and len(argv) == 3:
        if os.environ.get("CI_LOCAL_READ_ONLY"):
            print("HTTP 403: Resource not accessible by integration (the token is read-only)", file=sys.stderr)
            return 1
        if not store.delete(argv[2]):
            print(f"X Could not find a cache matching {argv[2]}", file=sys.stderr)
            return 1
        print(f"✓ Deleted 1 cache entry ({argv[2]})")
        return 0
    if argv[:2] != ["cache", "list"]:
        print(f"ci_local's gh does only `cache list` and `cache delete`, not {' '.join(argv)}", file=sys.stderr)
        return 2
    opts = dict(zip(argv[2::2], argv[3::2], strict=False))
    entries = [{"id": i, "key": k} for i, k in store.entries() if k.startswith(opts.get("--key", ""))]
    if opts.get("--order", "desc") == "asc":
        entries.reverse()
    entries = entries[: int(opts.get("--limit", "30"))]
    fields = opts.get("--json", "id,key").split(",")
    doc = json.dumps([{f: e.get(f) for f in fields} for e in entries])
    if "--jq" in opts:
        return subprocess.run(["jq", "-r", opts["--jq"]], input=doc, text=True, check=False).returncode
    print(doc)
    return 0


# --- the run --------------------------------------------------------------------------------------


@dataclass
class Run:
    """One run of a workflow: its event, where things go, and what happened."""

    repo: Path
    sha: str
    event_name: str
    event: dict[str, Any]
    ref: str
    repository: str
    run_id: int
    cache: CacheStore
    artifacts: Path
    venv: Path | None
    env_overrides: dict[str, str]
    read_only: bool = False  # a fork's pull request: GitHub hands its run a read-only token
    record: list[dict[str, Any]] = field(default_factory=list)

    @property
    def run_dir(self) -> Path:
        """This run's artifacts and record."""
        return self.artifacts / str(self.run_id)

    def github(self, workspace: Path) -> dict[str, Any]:
        """The github context."""
        return {
            "event_name": self.event_name,
            "event": self.event,
            "ref": self.ref,
            "sha": self.sha,
            "repository": self.repository,
            "run_id": self.run_id,
            "run_attempt": 1,
            "token": "ci-local-token",
            "workspace": str(workspace),
        }


def run_workflow(path: Path, run: Run) -> bool:
    """Run a workflow's jobs in the order of `needs`; True when every job that ran succeeded."""
    wf = yaml.safe_load(path.read_text(encoding="utf-8"))
    jobs: dict[str, dict[str, Any]] = wf["jobs"]
    results: dict[str, dict[str, Any]] = {}
    wf_env = {**{k: str(v) for k, v in (wf.get("env") or {}).items()}, **run.env_overrides}
    print(f"== workflow {wf['name']!r} ({run.event_name}, {run.ref}, run {run.run_id})", flush=True)
    pending = list(jobs)
    while pending:
        ready = [j for j in pending if all(n in results for n in _needs(jobs[j]))]
        if not ready:
            raise UsageError(f"{path}: jobs {pending} wait for each other")
        for name in ready:
            pending.remove(name)
            results[name] = _run_job(name, jobs[name], wf_env, results, run)
    return all(r["result"] in ("success", "skipped") for r in results.values())


def _needs(job: dict[str, Any]) -> list[str]:
    """A job's `needs` as a list."""
    needs = job.get("needs") or []
    return [needs] if isinstance(needs, str) else list(needs)


def _run_job(
    name: str, job: dict[str, Any], wf_env: dict[str, str], results: dict[str, Any], run: Run
) -> dict[str, Any]:
    """Run one job (each of its matrix combinations); its result and outputs."""
    needs = {n: results[n] for n in _needs(job)}
    base = Context({"github": run.github(run.repo), "env": wf_env, "needs": needs, "vars": {}}, run.repo)
    base.job_ok = all(r["result"] == "success" for r in needs.values())
    if not base.condition(job.get("if")):
        print(f"-- job {name}: skipped", flush=True)
        run.record.append({"job": name, "matrix": None, "result": "skipped", "steps": []})
        return {"result": "skipped", "outputs": {}}
    matrix = base.interpolate((job.get("strategy") or {}).get("matrix") or {})
    if set(matrix) & {"include", "exclude"}:
        raise UsageError(f"job {name}: matrix include/exclude is not supported here")
    combos = [dict(zip(matrix, values, strict=True)) for values in itertools.product(*matrix.values())] or [{}]
    outcome, outputs = "success", {}
    for combo in combos:
        ok, outputs = _run_steps(name, job, combo, wf_env, needs, run)
        outcome = outcome if ok else "failure"
    return {"result": outcome, "outputs": outputs}


def _run_steps(
    name: str, job: dict[str, Any], combo: dict[str, Any], wf_env: dict[str, str], needs: dict[str, Any], run: Run
) -> tuple[bool, dict[str, Any]]:
    """Run the steps of one job in a fresh workspace; whether it succeeded, and the job's outputs."""
    label = f"{name} ({', '.join(map(to_text, combo.values()))})" if combo else name
    print(f"-- job {label}", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="ci-local-"))
    workspace, home = scratch / "workspace", scratch / "runner"
    workspace.mkdir()
    home.mkdir()
    bin_dir = home / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
                  "import ci_local\nsys.exit(ci_local.gh_main(sys.argv[1:]))\n")  # fmt: skip
    gh.chmod(0o755)
    ctx = Context(
        {
            "github": run.github(workspace),
            "env": dict(wf_env),
            "needs": needs,
            "matrix": combo,
            "steps": {},
            "vars": {},
        },
        workspace,
    )
    ctx.values["env"] = {**wf_env, **{k: to_text(v) for k, v in ctx.interpolate(job.get("env") or {}).items()}}
    job_env, paths, steps_log = dict(ctx.values["env"]), [str(bin_dir)], []
    if run.venv is not None:
        paths.append(str(run.venv / "bin"))
    summary = run.run_dir / f"summary-{_safe(label)}.md"
    summary.parent.mkdir(parents=True, exist_ok=True)
    for n, step in enumerate(job["steps"], 1):
        step_name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
        step_id = step.get("id") or f"_step{n}"
        if not ctx.condition(step.get("if")):
            steps_log.append({"name": step_name, "id": step.get("id"), "outcome": "skipped"})
            print(f"   skip  {step_name}", flush=True)
            continue
        ctx.values["env"] = {**job_env, **{k: to_text(v) for k, v in ctx.interpolate(step.get("env") or {}).items()}}
        with_ = {k: to_text(v) for k, v in ctx.interpolate(step.get("with") or {}).items()}
        if "run" in step and step.get("id") == "install" and run.venv is not None:
            steps_log.append({"name": step_name, "id": "install", "outcome": "skipped"})
            print(f"   skip  {step_name} (--venv {run.venv})", flush=True)
            continue
        if "run" in step:
            ok, outputs, new_env, new_paths = _shell(step["run"], ctx, workspace, home, paths, summary, run)
            job_env.update(new_env)
            paths[:0] = new_paths
        else:
            ok, outputs = _action(step["uses"], with_, ctx, workspace, run)
        outcome = "success" if ok else "failure"
        if not ok and step.get("continue-on-error"):
            ok = True
        ctx.values["steps"][step_id] = {
            "outputs": outputs,
            "outcome": outcome,
            "conclusion": "success" if ok else outcome,
        }
        ctx.job_ok = ctx.job_ok and ok
        steps_log.append({"name": step_name, "id": step.get("id"), "outcome": outcome})
        print(f"   {'ok  ' if outcome == 'success' else 'FAIL'}  {step_name}", flush=True)
    ctx.values["env"] = job_env
    outputs = {k: to_text(v) for k, v in ctx.interpolate(job.get("outputs") or {}).items()}
    run.record.append({"job": name, "matrix": combo or None, "result": "success" if ctx.job_ok else "failure",
                       "steps": steps_log, "outputs": outputs, "summary": str(summary)})  # fmt: skip
    shutil.rmtree(scratch, ignore_errors=True)
    return ctx.job_ok, outputs


def _safe(text: str) -> str:
    """Text as part of a file name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")


def _read_pairs(path: Path) -> dict[str, str]:
    """name=value lines and name<<EOF heredocs, as GITHUB_OUTPUT and GITHUB_ENV hold them."""
    pairs: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, marker = line.split("<<", 1)
            j = lines.index(marker, i + 1)
            pairs[key] = "\n".join(lines[i + 1 : j])
            i = j + 1
            continue
        if "=" in line:
            key, value = line.split("=", 1)
            pairs[key] = value
        i += 1
    return pairs


def _shell(
    script: str, ctx: Context, workspace: Path, home: Path, paths: list[str], summary: Path, run: Run
) -> tuple[bool, dict[str, str], dict[str, str], list[str]]:
    """Run a `run:` script as GitHub does (bash --noprofile --norc -eo pipefail)."""
    files = {name: home / f"{name}-{os.urandom(4).hex()}" for name in ("output", "env", "path")}
    for f in files.values():
        f.touch()
    env = {
        **os.environ,
        **ctx.values["env"],
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_OUTPUT": str(files["output"]),
        "GITHUB_ENV": str(files["env"]),
        "GITHUB_PATH": str(files["path"]),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_EVENT_NAME": run.event_name,
        "GITHUB_REF": run.ref,
        "GITHUB_SHA": run.sha,
        "GITHUB_REPOSITORY": run.repository,
        "GITHUB_RUN_ID": str(run.run_id),
        "RUNNER_TEMP": str(home),
        "CI_LOCAL_CACHE": str(run.cache.folder),
        "CI_LOCAL_READ_ONLY": "1" if run.read_only else "",
        "PATH": os.pathsep.join([*paths, os.environ.get("PATH", "")]),
    }
    body = home / f"step-{os.urandom(4).hex()}.sh"
    body.write_text(ctx.interpolate(script), encoding="utf-8")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(body)], cwd=workspace, env=env, check=False
    )
    new_paths = [p for p in files["path"].read_text().splitlines() if p.strip()]
    return done.returncode == 0, _read_pairs(files["output"]), _read_pairs(files["env"]), list(reversed(new_paths))


def _action(uses: str, with_: dict[str, str], ctx: Context, workspace: Path, run: Run) -> tuple[bool, dict[str, str]]:
    """Stand in for a `uses:` action."""
    action = uses.split("@", 1)[0]
    if action == "actions/checkout":
        if with_.get("repository"):
            if run.venv is not None:
                print(f"         {with_['repository']}: not needed with --venv", flush=True)
                return True, {}
            git = ["git", "clone", "--quiet", str(ROOT), str(workspace / with_.get("path", "."))]
            return subprocess.run(git, check=False).returncode == 0, {}
        clone = subprocess.run(["git", "clone", "--quiet", str(run.repo), str(workspace)], check=False)
        co = subprocess.run(["git", "-C", str(workspace), "checkout", "--quiet", run.sha], check=False)
        return clone.returncode == co.returncode == 0, {}
    if action == "actions/setup-python":
        return True, {}
    if action in ("actions/cache/restore", "actions/cache/save"):
        paths = [p for p in with_["path"].splitlines() if p.strip()]
        if action.endswith("save"):
            if not run.cache.save(with_["key"], paths, workspace):
                print(f"         warning: cache {with_['key']!r} not saved (exists, or nothing to save)", flush=True)
            return True, {}
        restore_keys = [k.strip() for k in with_.get("restore-keys", "").splitlines() if k.strip()]
        matched = run.cache.restore(with_["key"], restore_keys, paths, workspace)
        print(f"         cache {'restored from ' + matched if matched else 'not found'}", flush=True)
        hit = "true" if matched == with_["key"] else "false"
        return True, {"cache-hit": hit, "cache-primary-key": with_["key"], "cache-matched-key": matched or ""}
    if action == "actions/upload-artifact":
        source = workspace / with_["path"]
        if not source.exists():
            return with_.get("if-no-files-found", "warn") != "error", {}
        target = run.run_dir / "artifacts" / with_["name"]
        shutil.copytree(source, target, dirs_exist_ok=True) if source.is_dir() else shutil.copy2(source, target)
        return True, {}
    if action == "actions/download-artifact":
        folder = run.artifacts / with_.get("run-id", str(run.run_id)) / "artifacts"
        names = [p for p in sorted(folder.glob("*")) if fnmatch.fnmatch(p.name, with_.get("pattern", "*"))]
        for p in names:
            shutil.copytree(p, workspace / with_.get("path", ".") / p.name, dirs_exist_ok=True)
        return bool(names), {}
    if action == "mikepenz/action-junit-report":
        return _publish_junit(with_, workspace, run), {}
    raise UsageError(f"ci_local cannot stand in for the action {uses!r}; teach _action() what it does")


def _publish_junit(with_: dict[str, str], workspace: Path, run: Run) -> bool:
    """Keep the JUnit files as the check run GitHub would show, and print their counts."""
    import xml.etree.ElementTree as ET

    if run.read_only:
        print("         Error: Resource not accessible by integration (no checks: write on this token)", flush=True)
        return False

    files = sorted(glob.glob(str(workspace / with_["report_paths"]), recursive=True))
    target = (
        run.artifacts / "checks" / with_.get("commit", run.sha) / _safe(with_.get("check_name", "JUnit Test Report"))
    )
    target.mkdir(parents=True, exist_ok=True)
    for n, f in enumerate(files):
        shutil.copy2(f, target / f"{n:03d}-{Path(f).name}")
        root = ET.parse(f).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        counts = {a: sum(int(s.get(a, "0")) for s in suites) for a in ("tests", "failures", "skipped")}
        print(f"         check {with_.get('check_name')!r}: {counts['tests']} tests, {counts['failures']} failures, "
              f"{counts['skipped']} skipped", flush=True)  # fmt: skip
    return bool(files)


def _changed(repo: Path, old: str | None, new: str) -> list[str] | None:
    """Files changed between two commits (None when `old` is not a commit: everything)."""
    if not old or set(old) == {"0"}:
        return None
    done = subprocess.run(
        ["git", "-C", str(repo), "diff", "--name-only", old, new], capture_output=True, text=True, check=False
    )
    return done.stdout.splitlines() if done.returncode == 0 else None


def _triggers(wf: dict[str, Any], event: str, branch: str, changed: list[str] | None) -> bool:
    """Whether the workflow's `on:` filters let this event through."""
    on = wf.get("on", wf.get(True)) or {}
    if event not in on:
        return False
    spec = on[event] or {}
    if spec.get("branches") and event == "push" and branch not in spec["branches"]:
        return False
    patterns = spec.get("paths")
    if patterns and changed is not None:
        return any(fnmatch.fnmatch(f, p.replace("**", "*")) for f in changed for p in patterns)
    return True


def main(argv: list[str] | None = None) -> int:
    """Run the workflow for one event; see the module docstring."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", type=Path, required=True, help="the git repository of batches")
    p.add_argument("--event", choices=("push", "pull_request", "workflow_dispatch"), default="push")
    p.add_argument("--sha", help="the commit under test (default: the repository's HEAD)")
    p.add_argument("--before", help="push: the commit before the push (default: none, as on a first push)")
    p.add_argument("--base", help="pull_request: the base branch's commit")
    p.add_argument("--branch", default="main", help="push: the branch pushed to (default: main)")
    p.add_argument("--default-branch", default="main")
    p.add_argument("--fork", action="store_true", help="pull_request: from a fork (no write permission)")
    p.add_argument("--venv", type=Path, help="a venv with factcheck: skips the install step")
    p.add_argument("--cache", type=Path, default=Path(".ci-local/cache"), help="the local Actions cache")
    p.add_argument("--artifacts", type=Path, default=Path(".ci-local/runs"), help="artifacts and run records")
    p.add_argument("--run-id", type=int, help="default: one more than the last run's")
    p.add_argument("--set-env", action="append", default=[], metavar="NAME=VALUE", help="override a workflow env value")
    p.add_argument("--workflow", type=Path, default=WORKFLOW)
    p.add_argument("--results-workflow", type=Path, default=RESULTS)
    args = p.parse_args(argv)
    repo = args.repo.resolve()
    sha = (
        args.sha
        or subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    repository = "local/batches"
    payload: dict[str, Any] = {"repository": {"full_name": repository, "default_branch": args.default_branch}}
    if args.event == "push":
        payload.update(before=args.before or "0" * 40, after=sha)
        ref, changed = f"refs/heads/{args.branch}", _changed(repo, args.before, sha)
    elif args.event == "pull_request":
        if not args.base:
            p.error("--event pull_request needs --base")
        head_repo = "someone/batches-fork" if args.fork else repository
        payload["pull_request"] = {"number": 1, "base": {"sha": args.base, "ref": args.default_branch},
                                   "head": {"sha": sha, "repo": {"full_name": head_repo}}}  # fmt: skip
        ref, changed = "refs/pull/1/merge", _changed(repo, args.base, sha)
    else:
        ref, changed = f"refs/heads/{args.branch}", None
    args.artifacts.mkdir(parents=True, exist_ok=True)
    run_id = args.run_id or 1 + max((int(d.name) for d in args.artifacts.iterdir() if d.name.isdigit()), default=0)
    overrides = dict(kv.split("=", 1) for kv in args.set_env)
    run = Run(repo, sha, args.event, payload, ref, repository, run_id, CacheStore(args.cache), args.artifacts.resolve(),
              args.venv.resolve() if args.venv else None, overrides, read_only=args.fork)  # fmt: skip
    wf = yaml.safe_load(args.workflow.read_text(encoding="utf-8"))
    ok = True
    try:
        if not _triggers(wf, args.event, args.branch, changed):
            print(f"the workflow does not run for this {args.event} (its on: filters)")
        else:
            ok = run_workflow(args.workflow, run)
            results = yaml.safe_load(args.results_workflow.read_text()) if args.results_workflow.exists() else None
            if results and wf["name"] in (results.get("on", results.get(True)) or {}).get("workflow_run", {}).get(
                "workflows", []
            ):
                follow = Run(repo, sha, "workflow_run", {"repository": payload["repository"], "workflow_run": {
                    "id": run_id, "event": args.event, "head_sha": sha, "conclusion": "success" if ok else "failure",
                    "head_repository": {"full_name": payload.get("pull_request", {}).get("head", {}).get("repo", {})
                                        .get("full_name", repository)}}},
                    f"refs/heads/{args.default_branch}", repository, run_id + 100000, run.cache, run.artifacts, run.venv,
                    overrides)  # fmt: skip
                run_workflow(args.results_workflow, follow)
                run.record += [{**r, "workflow": results["name"]} for r in follow.record]
    except UsageError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    run.run_dir.mkdir(parents=True, exist_ok=True)
    (run.run_dir / "run.json").write_text(json.dumps({"ok": ok, "jobs": run.record}, indent=2) + "\n")
    print(f"== {'success' if ok else 'failure'}; record in {run.run_dir / 'run.json'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
