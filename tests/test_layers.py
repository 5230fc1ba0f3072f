"""The dependency rule holds (import-linter contracts in pyproject.toml), and no import hides inside a function."""
from __future__ import annotations

import ast
from pathlib import Path

import subprocess
import sys

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("bot", "config", "summarizer")


def test_import_linter_contracts_are_kept() -> None:
    # In a subprocess: import-linter reconfigures logging, which would silence later tests' log capture.
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(config_filename='pyproject.toml'))"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def _project_module(node: ast.Import | ast.ImportFrom) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] in PROJECT
    return any(alias.name.split(".")[0] in PROJECT for alias in node.names)


def _imports_inside_functions(tree: ast.AST) -> list[tuple[str, int]]:
    """(function name, line) of every project import inside a function, and of every dynamic import call."""
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and _project_module(node):
                found.append((func.name, node.lineno))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__"):
            found.append(("<dynamic import>", node.lineno))
    return found


def test_no_project_module_is_imported_inside_a_function() -> None:
    offenders = []
    for package in PROJECT:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            for func, line in _imports_inside_functions(ast.parse(path.read_text(encoding="utf-8"))):
                offenders.append(f"{name}:{line} in {func}()")
    assert not offenders, "imports inside functions (move them to the top; a cycle means a layer is wrong):\n" + \
        "\n".join(offenders)
