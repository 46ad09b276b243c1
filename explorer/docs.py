"""Generated parts of data/README.md: column docs from the schema and a tally from the data.

A test keeps the README in step; `python -m explorer docs` rewrites the generated blocks.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from explorer.model import Record
from explorer.provenance import STRONG_KINDS, kinds
from explorer.schema import DEFAULT_DATA_DIR, OPTIONAL_RESOURCES, RESOURCES, resource
from explorer.vocabulary import in_order, labels

LEADS_FILE = "leads.csv"
STRONG_LABEL = ", ".join(STRONG_KINDS[:-1]) + " or " + STRONG_KINDS[-1]

BLOCK = re.compile(r"(<!-- (?P<name>[a-z]+):start -->\n).*?(<!-- (?P=name):end -->)", re.S)


def columns_markdown() -> str:
    """Return one table per CSV file: column, type, required, allowed values, meaning."""
    parts = []
    for name in (*RESOURCES, *OPTIONAL_RESOURCES):
        res = resource(name)
        parts += [
            f"### {res.path}",
            "",
            "| column | type | required | meaning |",
            "|---|---|---|---|",
        ]
        for f in res.fields:
            kind = f.type + (" (`;`-separated)" if f.type == "list" else "")
            allowed = f" Allowed: {', '.join(f'`{v}`' for v in f.enum)}." if f.enum else ""
            parts.append(
                f"| `{f.name}` | {kind} | {'yes' if f.required else ''} | "
                f"{f.description}{allowed} |"
            )
        parts.append("")
    return "\n".join(parts)


def _table(counts: pd.Series, label: str) -> list[str]:
    rows = [f"| {label} | events |", "|---|---|"]
    rows += [f"| {k} | {v} |" for k, v in counts.items()]
    return [*rows, f"| **total** | **{int(counts.sum())}** |", ""]


def tally_markdown(record: Record) -> str:
    """Return the events counted by decade, by kind and by leader pair (top 15)."""
    ev = record.events
    by_kind = ev["kind"].value_counts().reindex(in_order("kind", ev["kind"])).astype(int)
    pairs = ev["pair"].value_counts()
    top = pd.concat([pairs.head(15), pd.Series({"other pairs": int(pairs.iloc[15:].sum())})])
    lines = ["#### By decade", "", *_table(ev["decade"].value_counts().sort_index(), "decade")]
    lines += ["#### By kind", "", *_table(by_kind, "kind")]
    lines += ["#### By leader pair (first-listed leader of each side)", "", *_table(top, "pair")]
    return "\n".join(lines)


def coverage_markdown(record: Record) -> str:
    """Return the events counted by decade (rows) and kind (columns), with totals."""
    ev = record.events
    table = pd.crosstab(ev["decade"], ev["kind"]).reindex(
        columns=list(labels("kind", ev["kind"])), fill_value=0
    )
    lines = ["| decade | " + " | ".join(table.columns) + " | total |"]
    lines.append("|---" * (len(table.columns) + 2) + "|")
    for decade, row in table.iterrows():
        lines.append(f"| {decade} | " + " | ".join(map(str, row)) + f" | {row.sum()} |")
    totals = table.sum()
    lines.append(
        "| **total** | " + " | ".join(f"**{v}**" for v in totals) + f" | **{totals.sum()}** |"
    )
    return "\n".join([*lines, ""])


def source_tally_markdown(record: Record) -> str:
    """Return sources.csv counted by kind: pages, citations, and events citing that kind."""
    kind_of = dict(zip(record.sources["url"], record.sources["kind"], strict=True))
    cited = [[kind_of.get(u, "") for u in urls] for urls in record.events["sources"]]
    lines = ["| kind | pages | citations | events citing one |", "|---|---|---|---|"]
    for kind in kinds():
        pages = int((record.sources["kind"] == kind).sum())
        uses = sum(k.count(kind) for k in cited)
        lines.append(f"| {kind} | {pages} | {uses} | {sum(kind in k for k in cited)} |")
    uses = sum(map(len, cited))
    lines.append(f"| **total** | **{len(record.sources)}** | **{uses}** | **{len(cited)}** |")
    strong = sum(bool(set(k) & set(STRONG_KINDS)) for k in cited)
    lines += [
        "",
        f"Events citing at least one {STRONG_LABEL} page: {strong} of {len(cited)}.",
    ]
    return "\n".join([*lines, ""])


def leads_markdown(data_dir: Path) -> str:
    """Return the leads still unconfirmed (data/leads.csv) as a table."""
    path = data_dir / LEADS_FILE
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline=""))) if path.is_file() else []
    lines = ["| when | lead | why it is not in the record |", "|---|---|---|"]
    lines += [f"| {r['when']} | {r['lead']} | {r['status']} |" for r in rows]
    return "\n".join([*lines, ""]) if rows else "None.\n"


def render(readme: str, record: Record, data_dir: Path = DEFAULT_DATA_DIR) -> str:
    """Return `readme` with its generated blocks replaced by fresh ones."""
    blocks = {
        "columns": columns_markdown(),
        "tally": tally_markdown(record),
        "coverage": coverage_markdown(record),
        "sourcekinds": source_tally_markdown(record),
        "leads": leads_markdown(data_dir),
    }
    return BLOCK.sub(lambda m: f"{m[1]}{blocks[m['name']]}\n{m[3]}", readme)


def write(path: Path, record: Record) -> bool:
    """Rewrite the generated blocks of `path`; return whether anything changed."""
    old = path.read_text(encoding="utf-8")
    new = render(old, record, path.parent)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
