"""Where the facts come from: the citation table (sources.csv) and the list of mirror domains.

Errors: every URL an event cites has a row in sources.csv and every row is cited.
Warnings (which `validate --strict` turns into failures): a row whose sources are all of kind
reference, and a cited URL on a mirror domain listed in mirrors.txt.
Every rule returns a message without its location; the caller prefixes `file:line: `.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from explorer.schema import resource

MIRRORS_FILE = "mirrors.txt"
# Kinds that can carry a fact on their own; `reference` (encyclopaedias, wikis, their copies) can't.
STRONG_KINDS = ("official", "archival", "scholarly", "press")
# A row whose notes contain this phrase says why it rests on reference works only.
NO_STRONG_NOTE = "no official, archival, scholarly or press source"
DOMAIN_RE = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


def kinds() -> tuple[str, ...]:
    """Return the source kinds sources.csv allows, as the data package declares them."""
    return resource("sources").field("kind").enum


def host(url: str) -> str:
    """Return the URL's host in lower case, without a trailing dot ('' when there is none)."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


def domain(url: str) -> str:
    """Return the site a URL belongs to, for display: its host without a leading 'www.'."""
    name = host(url)
    return name[4:] if name.startswith("www.") else name


def read_mirrors(path: Path, where: str) -> tuple[frozenset[str], list[str]]:
    """Return the mirror domains listed in `path` (none if absent) and problems with its lines."""
    if not path.is_file():
        return frozenset(), []
    found, problems = set(), []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip().lower().rstrip(".")
        if not text:
            continue
        if DOMAIN_RE.fullmatch(text):
            found.add(text)
        else:
            problems.append(f"{where}:{n}: {line.strip()!r}: not a domain name")
    return frozenset(found), problems


def mirror_of(url: str, mirrors: frozenset[str]) -> str | None:
    """Return the listed mirror domain `url` belongs to (itself or a subdomain), else None."""
    name = host(url)
    return next((d for d in sorted(mirrors) if name == d or name.endswith("." + d)), None)


@dataclass(frozen=True)
class Context:
    """What the row rules need: each URL's kind (None if sources.csv is absent), the mirrors."""

    kind_of: dict[str, str] | None
    mirrors: frozenset[str]
    sources_where: str
    mirrors_where: str


def check_cited_urls_have_rows(v: dict, ctx: Context) -> list[str]:
    """Every URL an event cites has a row in sources.csv (when the dataset has one)."""
    if ctx.kind_of is None:
        return []
    return [
        f"sources: {url!r}: no row in {ctx.sources_where}"
        for url in v["sources"] or ()
        if url not in ctx.kind_of
    ]


def _weak(url: str, ctx: Context) -> bool:
    # A reference work, or a page on a listed mirror, cannot carry a row alone.
    known = ctx.kind_of is not None and url in ctx.kind_of
    return (known and ctx.kind_of[url] == "reference") or mirror_of(url, ctx.mirrors) is not None


def warn_weak_only(v: dict, ctx: Context) -> list[str]:
    """A row must not rest on reference works and mirrors alone, unless its notes say why."""
    urls = v["sources"] or ()
    known = ctx.kind_of is not None and all(u in ctx.kind_of for u in urls)
    explained = NO_STRONG_NOTE in (v.get("notes") or "").lower()
    if urls and known and all(_weak(u, ctx) for u in urls) and not explained:
        return [
            "sources: every source is of kind reference or on a listed mirror (cite an official, "
            f"archival, scholarly or press page, or say in notes: '{NO_STRONG_NOTE} …' and why)"
        ]
    return []


def notice_mirrors(v: dict, ctx: Context) -> list[str]:
    """A cited URL on a known mirror or content-farm domain is worth replacing."""
    out = []
    for url in v["sources"] or ():
        listed = mirror_of(url, ctx.mirrors)
        if listed:
            out.append(f"sources: {url!r}: on {listed}, a mirror listed in {ctx.mirrors_where}")
    return out


ROW_ERRORS: tuple[Callable[[dict, Context], list[str]], ...] = (check_cited_urls_have_rows,)
# Warnings fail `validate --strict`; notices (a mirror cited beside stronger pages) do not.
ROW_WARNINGS: tuple[Callable[[dict, Context], list[str]], ...] = (warn_weak_only,)
ROW_NOTICES: tuple[Callable[[dict, Context], list[str]], ...] = (notice_mirrors,)


def _located(rows: list, checks: tuple, ctx: Context, where: str) -> list[str]:
    return [
        f"{where}:{r.line}: {m}" for r in rows for check in checks for m in check(r.values, ctx)
    ]


def check(events: list, sources: list | None, ctx: Context, events_where: str) -> list[str]:
    """Return the errors: uncited rows of sources.csv and cited URLs without a row."""
    problems = _located(events, ROW_ERRORS, ctx, events_where)
    cited = {url for r in events for url in r.values["sources"] or ()}
    problems += [
        f"{ctx.sources_where}:{r.line}: url: {r.values['url']!r}: cited by no event"
        for r in sources or ()
        if r.values["url"] and r.values["url"] not in cited
    ]
    return problems


def warnings(events: list, sources: list | None, ctx: Context, events_where: str) -> list[str]:
    """Return the warnings that `validate --strict` fails on, each with its location."""
    missing = (
        [f"{ctx.sources_where}: file not found: source kinds unknown"] if sources is None else []
    )
    return missing + _located(events, ROW_WARNINGS, ctx, events_where)


def notices(events: list, ctx: Context, events_where: str) -> list[str]:
    """Return the notices: mirror pages cited (beside stronger ones, or warnings say so)."""
    return _located(events, ROW_NOTICES, ctx, events_where)


def context(sources: list | None, mirrors: frozenset[str], where: dict[str, str]) -> Context:
    """Return the rules' context from the parsed sources.csv rows (None if it is absent)."""
    kind_of = None if sources is None else {r.values["url"]: r.values["kind"] for r in sources}
    return Context(kind_of, mirrors, where["sources"], where["mirrors"])
