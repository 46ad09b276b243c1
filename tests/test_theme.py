"""The theme is one: the page's CSS variables are the figures' colours (explorer.theme)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explorer import theme
from explorer.vocabulary import HOSTS

STYLE = (Path(__file__).resolve().parent.parent / "assets" / "style.css").read_text("utf-8")
ROOT = re.search(r":root\s*\{(.*?)\}", STYLE, re.S)
DECLARED = dict(re.findall(r"--([\w-]+):\s*([^;]+);", ROOT[1])) if ROOT else {}


def test_style_css_has_a_root_block():
    assert DECLARED, "assets/style.css declares no :root variables"


@pytest.mark.parametrize("name", sorted(theme.CSS_VARIABLES))
def test_each_theme_colour_is_the_css_variable(name):
    assert DECLARED.get(name, "").strip().lower() == theme.CSS_VARIABLES[name].lower()


def test_every_colour_variable_in_css_comes_from_the_theme():
    colours = {k for k, v in DECLARED.items() if v.strip().startswith(("#", "rgb"))}
    assert colours <= set(theme.CSS_VARIABLES)


@pytest.mark.parametrize(("side", "host"), [("china", "china"), ("russia", "ussr-russia")])
def test_the_sides_colours_are_the_figures(side, host):
    assert theme.CSS_VARIABLES[side] == HOSTS[host].color
