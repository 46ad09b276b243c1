"""Ids and names the browser scripts share with Python: every one the JS uses is declared here.

assets/*.js cannot import explorer/app/ids.py, so this test reads the scripts and checks each
id, legend group, figure meta key, URL key and clientside function they name against Python.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from explorer import figure
from explorer.app import ids
from explorer.app.first_view import ID_PREFIX
from explorer.exports import FORMATS
from explorer.figure_counts import MARKS_GROUP
from explorer.state import URL_KEYS, ViewState

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "assets").glob("*.js"))
JS = {p.name: p.read_text(encoding="utf-8") for p in SCRIPTS}
TEXT = "\n".join(JS.values())
DASH_OWN = {"_dash-config", "react-entry-point"}  # the config block and root Dash writes
DECLARED = {v for k, v in vars(ids).items() if k.isupper() and isinstance(v, str)}
DECLARED |= set(ids.FILTER_CONTROLS.values()) | {ids.export_button(f) for f in FORMATS}
DECLARED |= {ID_PREFIX + i for i in DECLARED}  # the server-rendered first view's copies
# Where a script names a component id.
ID_USES = (
    r"getElementById\(\s*[\"']([\w-]+)[\"']",
    r"getApiAsync\(\s*[\"']([\w-]+)[\"']",
    r"set_props\(\s*[\"']([\w-]+)[\"']",
    r"prop_id[^;]*?startsWith\(\s*[\"']([\w-]+)[\"']",
    r"[\"'`]#([A-Za-z][\w-]*)",  # a selector: closest("#twin-list ..."), querySelector(...)
)


def used(pattern: str) -> set[tuple[str, str]]:
    return {(name, m) for name, text in JS.items() for m in re.findall(pattern, text)}


def test_the_scripts_are_read():
    assert {"app.js", "timeline.js"} <= set(JS)
    assert used(ID_USES[0])  # the patterns still find what they look for


@pytest.mark.parametrize("pattern", ID_USES)
def test_every_id_a_script_uses_is_in_ids(pattern):
    unknown = {(n, i) for n, i in used(pattern) if i not in DECLARED | DASH_OWN}
    assert not unknown, (
        f"ids used in assets/*.js but not declared in explorer/app/ids.py: {unknown}"
    )


def test_the_marks_legend_group_is_the_figures():
    groups = used(r"legendgroup\s*[!=]==?\s*[\"'](\w+)[\"']")
    assert groups and {g for _, g in groups} == {MARKS_GROUP}


def test_url_keys_the_scripts_read_are_the_states():
    keys = used(r"URLSearchParams\([^)]*\)\s*\.get\(\s*[\"'](\w+)[\"']")
    assert keys and {k for _, k in keys} <= set(URL_KEYS.values())
    assert ("timeline.js", URL_KEYS["event"]) in keys


def test_figure_meta_keys_the_scripts_read_are_sent(mini, monkeypatch):
    marks = figure.timeline_figure(mini, mini.events, ViewState())
    monkeypatch.setattr(figure, "AGGREGATE_ABOVE", 0)  # counts per cell instead of marks
    counts = figure.timeline_figure(mini, mini.events, ViewState())
    sent = set(marks["layout"]["meta"]) | {k for t in counts["data"] for k in t.get("meta", {})}
    read = {k for _, k in used(r"\bmeta\.(\w+)")}
    assert read and read <= sent


def clientside_functions() -> set[tuple[str, str]]:
    """Return every (namespace, function) a Python callback asks the browser to run."""
    found = set()
    for path in (ROOT / "explorer" / "app").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(getattr(node, "func", None), "id", None)
            if isinstance(node, ast.Call) and name == "ClientsideFunction":
                found.add(tuple(a.value for a in node.args))
    return found


@pytest.mark.parametrize("namespace,function", sorted(clientside_functions()))
def test_every_clientside_function_is_defined(namespace, function):
    assigns = re.findall(r"window\.dash_clientside = Object\.assign\((.*?)\n\s*\}\);", TEXT, re.S)
    block = next((b for b in assigns if re.search(rf"\b{namespace}\s*:\s*\{{", b)), None)
    assert block, f"window.dash_clientside.{namespace} is not defined in assets/*.js"
    assert re.search(rf"\b{function}\s*[:,]", block), f"{namespace}.{function} is missing"
