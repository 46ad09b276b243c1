"""The page per request: built once per language, then set to the view its URL names.

Dash asks for its layout in a request of its own, without the page's query; assets/first_view.js
sends it along (language.PAGE_QUERY). The layout of a known URL then comes with its controls,
its location and its view already set: dcc.Location changes nothing at mount, and no callback
runs before the first draw. Without the query (another client), the location fills in its
search itself, and that change draws the view (callbacks.register_sync, register_render).
"""

from __future__ import annotations

from functools import lru_cache

from explorer.model import Record
from explorer.state import Vocabulary, from_query

from . import ids
from .actions import control_values
from .callbacks import VIEW_OUTPUTS, view_outputs
from .layout import build_layout, with_props

PAGES_KEPT = 32  # views kept per process, by query (and language): the record never changes


class Pages:
    """The page's layouts for one record."""

    def __init__(self, record: Record, vocab: Vocabulary) -> None:
        self.record, self.vocab = record, vocab
        self.built: dict[str, object] = {}  # one page per language, built on its first request
        self.layout = lru_cache(maxsize=PAGES_KEPT)(self._layout)
        self.outputs = lru_cache(maxsize=PAGES_KEPT)(self._outputs)

    def page(self, lang: str) -> object:
        """Return the page in `lang`, as it is before any view is drawn."""
        return self.built.get(lang) or self.built.setdefault(lang, build_layout(self.record, lang))

    def controls(self, query: str) -> dict[str, dict]:
        """Return the controls' props for the view `query` names, by component id."""
        values = control_values(from_query(query, self.vocab))
        return {c: {"value": v} for c, v in zip(ids.CONTROLS, values, strict=True)}

    def with_controls(self, lang: str, query: str | None) -> object:
        """Return the page in `lang` with its controls set to the view `query` names."""
        return with_props(self.page(lang), self.controls(query or ""))

    def _outputs(self, query: str) -> dict:
        """Return what the view `query` names shows (callbacks.view_outputs), built once for
        the index's first view and the layout request both."""
        return view_outputs(self.record, self.vocab, f"?{query}" if query else "")

    def _layout(self, lang: str, query: str | None) -> object:
        """Return the page in `lang` showing the view `query` names (None: not known)."""
        if query is None:
            return self.page(lang)
        search = f"?{query}" if query else ""
        props = self.controls(query) | {ids.URL: {"search": search}}
        for name, value in self.outputs(query).items():
            target, prop = VIEW_OUTPUTS[name]
            props.setdefault(target, {})[prop] = value
        return with_props(self.page(lang), props)
