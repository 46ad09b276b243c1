"""Deployment settings read from the command line or the environment: base path, framing.

Pure checks that turn an operator's text into a value or one clear reason it is refused.
"""

from __future__ import annotations

import re

SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
# An origin a CSP frame-ancestors list may name: scheme://host[:port], `*.` for subdomains.
ORIGIN = re.compile(r"https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?")
SELF = "'self'"


def base_path(text: str) -> str:
    """Return the base path `text` names in Dash's form ('/', '/explorer/'), or raise
    ValueError saying why it cannot be one."""
    parts = [p for p in text.strip().split("/") if p]
    bad = [p for p in parts if not SEGMENT.fullmatch(p)]
    if bad:
        raise ValueError(f"{text!r} is not a path: {bad[0]!r} has characters a URL path escapes")
    return "/" + "".join(f"{p}/" for p in parts)


def frame_ancestors(text: str) -> tuple[str, ...]:
    """Return the origins (space- or comma-separated) allowed to frame the embed view, or
    raise ValueError naming the first one that is not an origin."""
    given = [o.rstrip("/") for o in re.split(r"[\s,]+", text.strip()) if o]
    for origin in given:
        if origin != SELF and not ORIGIN.fullmatch(origin):
            raise ValueError(
                f"{origin!r} is not an origin such as https://news.example.org or 'self'"
            )
    return tuple(dict.fromkeys(given))
