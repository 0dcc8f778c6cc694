"""requirements.lock pins what pyproject.toml allows, and the environment is what the lock says (#12)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def _locked() -> dict[str, Version]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line)
        assert m, f"requirements.lock: {line!r} is not an exact pin (name==version)"
        pins[canonicalize_name(m.group(1))] = Version(m.group(2))
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["dev"]]]


def test_every_declared_dependency_is_locked_within_its_range():
    pins = _locked()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in requirements.lock: run scripts/lock.sh"
        # a local build label (torch's "+cpu") is a build of the same release
        assert req.specifier.contains(pins[name], prereleases=True) or req.specifier.contains(
            Version(pins[name].public), prereleases=True
        ), f"requirements.lock has {req.name}=={pins[name]}, outside pyproject.toml's {req.specifier}"


def test_torch_is_locked_to_the_cpu_build():
    assert _locked()["torch"].local == "cpu"


def test_installed_versions_are_the_locked_ones():
    wrong = []
    for name, version in _locked().items():
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong.append(f"{name}: locked {version}, installed {installed}")
    assert not wrong, "the environment is not the lock's (run scripts/install.sh): " + "; ".join(wrong)


def test_ci_runs_exactly_the_readme_test_command():  # the README's second command is what CI runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("Run the tests", 1)[1].split("```sh\n", 1)[1].split("\n```", 1)[0].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == command
    assert command in (ROOT / "Makefile").read_text(encoding="utf-8")
