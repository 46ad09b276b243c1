"""The page's own Dash layout written out as static HTML, for the server-rendered first view.

Only `dash.html` components become real elements; the other components (graphs, inputs, the
grid, stores) become empty boxes with their id, class and style, so the static page has the
layout's structure, text and fixed sizes and Dash's first render lands on the same boxes.
"""

from __future__ import annotations

import re
from html import escape

from dash.development.base_component import Component

# Dash prop -> HTML attribute, where they differ.
ATTRS = {"className": "class", "htmlFor": "for"}
VOID = {"input", "br", "hr", "img"}
# Components of other libraries that keep their place as an element of this kind.
STAND_INS = {"Store": None}
CAMEL = re.compile("([A-Z])")
# What a stand-in keeps of another library's props: its box and, for an input, its look.
STAND_IN_PROPS = {"id", "className", "style", "type", "placeholder", "value"}
# Props that name an element by id: they take the static page's id prefix.
ID_REFS = {"id", "htmlFor", "aria-controls", "aria-labelledby"}
SKIPPED_PROPS = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "setProps"}


def _css_name(name: str) -> str:
    return name if name.startswith("--") else CAMEL.sub(r"-\1", name).lower()


def _css(style: dict) -> str:
    """Return a React style dict as CSS text (camelCase names become kebab-case)."""
    return ";".join(f"{_css_name(name)}:{value}" for name, value in style.items())


def _attrs(component: Component, extra: dict, prefix: str) -> str:
    """Return the element's attributes: string ids, classes, styles, aria-*, data-*, titles…"""
    props = component.to_plotly_json()["props"] | extra
    if not type(component).__module__.startswith("dash.html"):
        props = {k: v for k, v in props.items() if k in STAND_IN_PROPS}
    out = []
    for name, value in props.items():
        if name == "style" and isinstance(value, dict):
            out.append(f'style="{escape(_css(value))}"')
            continue
        # Objects (pattern-matching ids, lists) and unset or false props have no HTML form.
        if (
            value is None
            or value is False
            or name in SKIPPED_PROPS
            or isinstance(value, dict | list)
        ):
            continue
        if name in ID_REFS:
            value = prefix + str(value)
        attr = ATTRS.get(name, name)
        out.append(attr if value is True else f'{attr}="{escape(str(value))}"')
    return " ".join(out)


def _tag(component: Component) -> str | None:
    """Return the element a component stands as (None: nothing)."""
    kind = type(component).__name__
    if type(component).__module__.startswith("dash.html"):
        return kind.lower()
    return STAND_INS.get(kind, "div")


def _input(node: Component, prefix: str) -> str:
    """Return a dcc.Input as Dash 4 renders it: the input inside a container with its class."""
    own = f'id="{escape(prefix + node.id)}" ' if isinstance(getattr(node, "id", None), str) else ""
    rest = {k: getattr(node, k, None) for k in ("type", "placeholder", "value")}
    attrs = " ".join(f'{k}="{escape(str(v))}"' for k, v in rest.items() if v is not None)
    box = f"dash-input-container dash-input {getattr(node, 'className', None) or ''}".strip()
    return f'<div class="{box}"><input {own}class="dash-input-element" {attrs}></div>'


def static_html(
    node: object, fills: dict[str, str], props: dict[str, dict], prefix: str = ""
) -> str:
    """Return `node` (a component, text or list) as HTML, ids prefixed with `prefix`; an element
    whose id is in `fills` gets that HTML (escaped already) after its children, one in `props`
    gets those props set."""
    if node is None:
        return ""
    if isinstance(node, str | int | float):
        return escape(str(node))
    if isinstance(node, list | tuple):
        return "".join(static_html(n, fills, props, prefix) for n in node)
    tag = _tag(node)
    if tag is None:
        return ""
    if type(node).__name__ == "Input":
        return _input(node, prefix)
    own_id = getattr(node, "id", None)
    key = own_id if isinstance(own_id, str) else ""
    attrs = _attrs(node, props.get(key, {}), prefix)
    if tag in VOID:
        return f"<{tag} {attrs}>"
    inner = static_html(getattr(node, "children", None), fills, props, prefix) + fills.get(key, "")
    return f"<{tag} {attrs}>{inner}</{tag}>"
