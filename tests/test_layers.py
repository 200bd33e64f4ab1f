"""The import graph of lib/prospectif only looks down the layers (docs/architecture.md).

Layers, lowest first; a module may import its own layer and those below, never above:

| rank | layer        | modules                                                        |
|------|--------------|----------------------------------------------------------------|
| 0    | foundation   | errors, messages, fileio, yamlio, i18n, resources              |
| 1    | models       | models.* (pure: only numpy, the standard library, other models |
|      |              | and errors)                                                    |
| 1    | scenario     | scenario.* (the validated assumptions)                         |
| 2    | data         | data.* (tables, catalogue, build, the Dataset)                 |
| 3    | territory    | territory, census                                              |
| 4    | calibration  | calibration.* (data → model inputs)                            |
| 5    | results      | results, pipeline, analysis.* (sensitivity, goal seeking), uncertainty |
| 6    | viz          | viz.*, validation.*                                            |
| 7    | ui           | ui.*, reports.* (the 4-page report)                            |
| 8    | application  | batch.*, portal.*, cli, serving.*, the package itself           |

Imports under ``if TYPE_CHECKING:`` are annotations only and are not followed.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "prospectif"

LAYERS = {
    "errors": 0,
    "fileio": 0,
    "yamlio": 0,
    "i18n": 0,
    "messages": 0,
    "resources": 0,
    "models": 1,
    "scenario": 1,
    "data": 2,
    "territory": 3,
    "census": 3,
    "calibration": 4,
    "results": 5,
    "pipeline": 5,
    "analysis": 5,
    "uncertainty": 5,
    "viz": 6,
    "validation": 6,
    "ui": 7,
    "reports": 7,
    "batch": 8,
    "portal": 8,
    "cli": 8,
    "serving": 8,
    "__init__": 8,
    "__main__": 8,
}
MODELS_MAY_IMPORT = {"models", "errors"}
"""Besides the standard library and numpy, the only packages a model may import."""
MODELS_THIRD_PARTY = {"numpy"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool):
    """Absolute names imported at run time by ``module``, with their line numbers."""
    skipped = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _is_type_checking(node)
        for stmt in node.body
        for child in ast.walk(stmt)
    }
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                yield node.module, node.lineno
                continue
            base = package.split(".")
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
            if node.module:
                yield target, node.lineno
            else:
                yield from ((f"{target}.{alias.name}", node.lineno) for alias in node.names)


def _layer(name: str) -> str:
    """The layer key of an absolute ``prospectif.…`` module name."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _graph() -> list[tuple[str, str, int]]:
    edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for target, line in _imports(tree, module, path.name == "__init__.py"):
            edges.append((module, target, line))
    return edges


EDGES = _graph()


def test_every_module_has_a_layer():
    assert len(EDGES) > 100
    modules = {_layer(source) for source, _, _ in EDGES}
    assert modules <= set(LAYERS), sorted(modules - set(LAYERS))


def test_layers_only_look_down():
    upward = [
        f"{source}:{line} imports {target}"
        for source, target, line in EDGES
        if target.startswith("prospectif.") and LAYERS[_layer(target)] > LAYERS[_layer(source)]
    ]
    assert not upward, "\n".join(upward)


def test_models_import_only_numpy_the_standard_library_and_models():
    allowed = MODELS_THIRD_PARTY | set(sys.stdlib_module_names)
    impure = [
        f"{source}:{line} imports {target}"
        for source, target, line in EDGES
        if _layer(source) == "models"
        and (
            _layer(target) not in MODELS_MAY_IMPORT
            if target.startswith("prospectif.")
            else target.split(".")[0] not in allowed
        )
    ]
    assert not impure, "\n".join(impure)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("prospectif.models.mobility", "prospectif.territory"),
        ("prospectif.models.energy", "prospectif.data"),
        ("prospectif.territory", "prospectif.scenario.io"),
    ],
)
def test_known_violations_are_gone(source, target):
    assert not [e for e in EDGES if e[0] == source and e[1].startswith(target)]


def test_the_check_sees_an_upward_import():
    tree = ast.parse("from ..ui import app\nimport pandas\n")
    found = dict(_imports(tree, "prospectif.models.fake", is_package=False))
    assert set(found) == {"prospectif.ui", "pandas"}
    assert LAYERS[_layer("prospectif.ui")] > LAYERS["models"]


def test_the_ui_never_computes_a_model_itself():
    """Dashboards call the pipeline (run_chain, run_chains, population_envelope)."""
    direct = [
        f"{source}:{line} imports {target}"
        for source, target, line in EDGES
        if _layer(source) == "ui" and target.startswith("prospectif.models")
    ]
    assert not direct, "\n".join(direct)
