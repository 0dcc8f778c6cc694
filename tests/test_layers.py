"""Imports run one way (#13): records at the bottom, stages above, the pipeline above the stages,
reports above the pipeline's output, the gate, api and cli on top; and no module imports itself
back through another. The test reads every import, lazy ones inside functions included.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"

# (rank, module prefix): a module may import modules of its own rank or below, never above
LAYERS: tuple[tuple[int, str], ...] = (
    (0, "factcheck.errors"),
    (0, "factcheck.records"),
    (0, "factcheck.lexicon"),
    (1, "factcheck.config"),
    (1, "factcheck.describe"),
    (1, "factcheck.verdicts"),
    (1, "factcheck.cache"),
    (2, "factcheck.stages"),
    (3, "factcheck.pipeline"),
    (3, "factcheck.stories"),
    (3, "factcheck.evaluate"),
    (3, "factcheck.decisions"),
    (4, "factcheck.distributed"),
    (5, "factcheck.report"),
    (5, "factcheck.review"),
    (6, "factcheck.ci"),
    (7, "factcheck.api"),
    (8, "factcheck.cli"),
    (8, "factcheck.__init__"),
    (8, "factcheck.__main__"),
)


def _is_module(name: str) -> bool:
    path = PACKAGE.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)


def _rank(module: str) -> int:
    matches = [(len(prefix), rank) for rank, prefix in LAYERS if module == prefix or module.startswith(prefix + ".")]
    assert matches, f"{module} has no layer: add it to LAYERS in tests/test_layers.py"
    return max(matches)[1]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "factcheck":  # `from factcheck import api` imports a module, `__version__` a name
                found.update(f"factcheck.{a.name}" for a in node.names if _is_module(f"factcheck.{a.name}"))
            elif node.module.startswith("factcheck."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("factcheck."))
    return found


@functools.cache
def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_imports_never_run_back_up():
    wrong = [
        f"{module} (layer {_rank(module)}) imports {target} (layer {_rank(target)})"
        for module, targets in _graph().items()
        for target in targets
        if _rank(target) > _rank(module)
    ]
    assert not wrong, "\n".join(wrong)


def test_stages_never_import_reports_the_pipeline_or_the_api():
    for module, targets in _graph().items():
        if module.startswith("factcheck.stages"):
            bad = [t for t in targets if t.split(".")[1] in ("report", "api", "pipeline", "ci", "cli", "review")]
            assert not bad, f"{module} imports {bad}"


def test_no_import_cycle():
    modules = set(_graph())
    graph = {m: {t for t in ts if t in modules} for m, ts in _graph().items()}
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycle = [*trail[trail.index(target) :], target] if target in trail else [module, target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
