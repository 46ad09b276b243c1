"""Citations: BibTeX and RIS for the source article and for the exported view of the dataset."""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from explorer.citation import ARTICLE, DATASET_TITLE, LICENSE
from explorer.exports.meta import ExportMeta, safe_url

BIBTEX_SPECIALS = {
    "\\": "\\textbackslash{}",
    # BibTeX counts every brace, escaped or not: these spell them without one.
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
}
SPECIAL = re.compile("|".join(re.escape(c) for c in BIBTEX_SPECIALS))


def _bib(value: str) -> str:
    # One pass, so the braces of an escape are not escaped again.
    return SPECIAL.sub(lambda m: BIBTEX_SPECIALS[m[0]], value)


def _view_note(events: pd.DataFrame, meta: ExportMeta) -> str:
    filters = "; ".join(f"{k}={', '.join(v)}" for k, v in meta.filters.items()) or "all events"
    return f"{len(events)} events; filters: {filters}; exported {meta.exported_at[:10]}"


def to_bibtex(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return BibTeX entries for the article and for this view of the dataset."""
    a = ARTICLE
    article = (
        "@article{singh2025beyond,\n"
        f"  author = {{{_bib(a['author'])}}},\n"
        f"  title = {{{_bib(a['title'])}}},\n"
        f"  journal = {{{_bib(a['journal'])}}},\n"
        f"  volume = {{{a['volume']}}},\n  number = {{{a['issue']}}},\n"
        f"  pages = {{{a['pages'].replace('-', '--')}}},\n  year = {{{a['year']}}},\n"
        f"  issn = {{{a['issn']}}},\n  doi = {{{a['doi']}}},\n  url = {{{a['url']}}}\n}}\n"
    )
    dataset = (
        "@misc{china_russia_events_view,\n"
        f"  title = {{{_bib(DATASET_TITLE)}}},\n"
        f"  year = {{{meta.exported_at[:4]}}},\n"
        f"  version = {{{_bib(meta.version)}}},\n"
        f"  howpublished = {{{_bib(safe_url(meta.url))}}},\n"
        f"  url = {{{safe_url(meta.url)}}},\n"
        f"  note = {{{_bib(_view_note(events, meta))}. {LICENSE}. Based on "
        f"\\cite{{singh2025beyond}}}}\n}}\n"
    )
    sources = "".join("\n" + _source_bibtex(s) for s in meta.sources)
    return (article + "\n" + dataset + sources).encode("utf-8")


def to_ris(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return RIS records for the article (JOUR) and for this view of the dataset (DATA)."""
    a = ARTICLE
    first, last = a["pages"].split("-")
    records = [
        [
            ("TY", "JOUR"),
            ("AU", a["author"]),
            ("TI", a["title"]),
            ("T2", a["journal"]),
            ("VL", a["volume"]),
            ("IS", a["issue"]),
            ("SP", first),
            ("EP", last),
            ("PY", a["year"]),
            ("SN", a["issn"]),
            ("DO", a["doi"]),
            ("UR", a["url"]),
        ],
        [
            ("TY", "DATA"),
            ("TI", DATASET_TITLE),
            ("PY", meta.exported_at[:4]),
            ("ET", meta.version),
            ("UR", safe_url(meta.url)),
            ("N1", _view_note(events, meta)),
            ("N1", f"{LICENSE}. Based on {a['author']} ({a['year']}), doi:{a['doi']}"),
        ],
    ]
    records += [_source_ris(s) for s in meta.sources]
    lines = [f"{tag}  - {value}" for record in records for tag, value in [*record, ("ER", "")]]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# --- the pages the exported events cite: one entry each, its kind and citing events in a note ---


def _source_note(source: dict) -> str:
    note = f"Source kind: {source['kind'] or 'unknown'}. Cited by: {', '.join(source['cited_by'])}"
    return note + (f". Archived copy: {source['archived_url']}" if source["archived_url"] else "")


def _source_bibtex(source: dict) -> str:
    """Return a @misc entry for one cited page, keyed by a hash of its URL."""
    key = "src-" + hashlib.sha1(source["url"].encode("utf-8")).hexdigest()[:10]
    fields = [
        ("title", _bib(source["title"] or source["citation"])),
        ("organization", _bib(source["publisher"])),
        ("year", source["published"][:4]),
        ("date", source["published"]),
        ("language", source["language"]),
        ("url", source["url"].replace("{", "%7B").replace("}", "%7D")),
        ("note", _bib(_source_note(source))),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}\n"


def _source_ris(source: dict) -> list[tuple[str, str]]:
    """Return an ELEC record for one cited page."""
    fields = [
        ("TY", "ELEC"),
        ("TI", source["title"] or source["citation"]),
        ("PB", source["publisher"]),
        ("PY", source["published"][:4]),
        ("DA", source["published"].replace("-", "/")),
        ("LA", source["language"]),
        ("UR", source["url"]),
        ("N1", _source_note(source)),
    ]
    return [(tag, value) for tag, value in fields if value]
