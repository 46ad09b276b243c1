"""The shape of the code: a pure core without the web stack, short functions, a code map."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "explorer").rglob("*.py"))
# The shell: Dash wiring in explorer/app/, and the WSGI entry that builds the app.
SHELL = ("explorer/app/", "explorer/wsgi.py")
CORE = [m for m in MODULES if not m.startswith(SHELL)]
WEB_STACK = ("dash", "flask", "werkzeug")
MAX_LINES = 60

PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & set(STACK))))
"""


def test_the_core_imports_no_web_stack():
    names = [m.removesuffix(".py").removesuffix("/__init__").replace("/", ".") for m in CORE]
    names = [n for n in names if n != "explorer.__main__"]  # runs the CLI when imported
    assert "explorer.state" in names and "explorer.filters" in names
    probe = PROBE.replace("STACK", repr(WEB_STACK))
    out = subprocess.run(
        [sys.executable, "-c", probe, *names], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == []


@pytest.mark.integration  # slow (subprocess, large figure or many files): make test
def test_the_probe_sees_the_web_stack():
    probe = PROBE.replace("STACK", repr(WEB_STACK))
    out = subprocess.run(
        [sys.executable, "-c", probe, "explorer.wsgi"], capture_output=True, text=True, cwd=ROOT
    )
    assert "dash" in out.stdout.split()  # the check above can fail


def functions(path: str) -> list[tuple[str, int]]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return [
        (f"{path}:{n.lineno} {n.name}", n.end_lineno - n.lineno + 1)
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


@pytest.mark.parametrize("path", MODULES)
def test_functions_fit_on_a_screen(path):
    long = [(name, n) for name, n in functions(path) if n > MAX_LINES]
    assert not long, f"functions over {MAX_LINES} lines: {long}"


def test_readme_code_map_has_one_line_per_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- code map -->\n(.*?)<!-- /code map -->", readme, re.S)
    assert block, "README.md has no code map block"
    listed = re.findall(r"^- `([^`]+)` — \S", block[1], re.M)
    assert len(listed) == len(block[1].strip().splitlines()), "one line per module"
    assert sorted(listed) == MODULES, (
        f"missing: {sorted(set(MODULES) - set(listed))}; gone: {sorted(set(listed) - set(MODULES))}"
    )
