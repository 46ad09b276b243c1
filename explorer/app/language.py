"""The page's language on the server: the index's `<html lang>` and title, the layout's language,
and the browser's Accept-Language as the default when the URL names none.

The URL's `lang` is the truth (explorer.state). The layout is fetched by a separate request
that carries no Referer (hardening.py); assets/first_view.js adds the page's query string to
it (PAGE_QUERY). The index also leaves its language in a cookie, for a layout request without
it; Accept-Language is the fallback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape
from urllib.parse import parse_qs, urlencode

from dash import ALL, ClientsideFunction, Dash, Input, Output, State
from flask import Response, has_request_context, redirect, request

from explorer.i18n import DEFAULT_LANG, HTML_LANGS, LANGS, language, negotiate, translate

from . import ids

COOKIE = "explorer-lang"
PAGE_QUERY = "page"  # the layout request's copy of the page's query (assets/first_view.js)
# The index's <html> tag with its default language (first_view.py may add a class before it).
HTML_TAG = re.compile(r'<html([^>]*?) lang="en"')


def request_language() -> str:
    """Return the language of the current request: its `lang`, the cookie, or Accept-Language
    (English outside a request: Dash checks the layout at start-up)."""
    if not has_request_context():
        return DEFAULT_LANG
    page = parse_qs(page_query() or "").get("lang", [None])[-1]
    for value in (request.args.get("lang"), page, request.cookies.get(COOKIE)):
        if value in LANGS:
            return value
    return negotiate(request.headers.get("Accept-Language"))


def page_query() -> str | None:
    """Return the page's query string (without "?") that a layout request carries in PAGE_QUERY
    (None: it carries none, or no request)."""
    value = request.args.get(PAGE_QUERY) if has_request_context() else None
    return None if value is None else value.removeprefix("?")


def script_texts(lang: str) -> dict[str, str]:
    """Return the texts the page's own scripts write (assets/app.js, publishing.js) in `lang`."""
    return {
        "lang": lang,
        "embed_open": translate("embed.open", lang),
        "twin_more": translate("twin.more", lang),
        "twin_status": translate("twin.status", lang),
        "print_date": translate("print.date", lang),
        "print_event": translate("print.event", lang),
        "print_kind": translate("print.kind", lang),
        "print_place": translate("print.place", lang),
        "print_china": translate("print.china", lang),
        "print_russia": translate("print.russia", lang),
    }


def localize_index(html: str, lang: str, title: str, local_title: str) -> str:
    """Return the index page with `<html lang>`, `<title>` (`title` -> `local_title`) and the
    scripts' texts in `lang`."""
    lang = language(lang)
    html = HTML_TAG.sub(lambda m: f'<html{m[1]} lang="{HTML_LANGS[lang]}"', html, count=1)
    # A <meta> (not a script): read by the page's scripts, nothing for the CSP to allow.
    texts = escape(json.dumps(script_texts(lang), ensure_ascii=False), quote=True)
    html = html.replace("</head>", f'<meta name="explorer-texts" content="{texts}">\n</head>', 1)
    local = f"<title>{escape(local_title)}</title>"
    return html.replace(f"<title>{escape(title)}</title>", local, 1)


def register_language(
    app: Dash, layout: Callable[[str, str | None], object], title: Callable[[str], str]
) -> None:
    """Serve the page in the request's language: redirect a URL without `lang` to the browser's
    language (when not English), localize the index (its title `title(lang)`), serve the layout
    `layout(lang, query)` for the page's query (None: not known)."""
    server, prefix = app.server, app.config.routes_pathname_prefix
    pages = (prefix, prefix + "embed")
    app.layout = lambda: layout(request_language(), page_query())

    @server.before_request
    def default_language() -> Response | None:
        if request.method != "GET" or request.path not in pages or "lang" in request.args:
            return None
        lang = negotiate(request.headers.get("Accept-Language"))
        if lang == "en":
            return None
        query = urlencode([*request.args.items(multi=True), ("lang", lang)])
        # Relative: behind a proxy that strips a prefix, the browser keeps the public path.
        return redirect(f"?{query}", code=302)

    @server.after_request
    def localize(response: Response) -> Response:
        if request.path not in pages or response.mimetype != "text/html":
            return response
        lang = language(request.args.get("lang"))
        response.set_data(
            localize_index(response.get_data(as_text=True), lang, title(DEFAULT_LANG), title(lang))
        )
        response.set_cookie(COOKIE, lang, samesite="Lax", httponly=True)
        response.headers["Vary"] = "Accept-Language, Cookie"
        return response


def register_switch(app: Dash) -> None:
    """Keep the switcher's links on the current view (assets/language.js)."""
    app.clientside_callback(
        ClientsideFunction("language", "links"),
        Output({"type": ids.LANG_LINK, "lang": ALL}, "href"),
        Input(ids.URL, "search"),
        State({"type": ids.LANG_LINK, "lang": ALL}, "id"),
    )
