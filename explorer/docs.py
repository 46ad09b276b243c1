"""Generated parts of data/README.md: column docs from the schema and a tally from the data.

A test keeps the README in step; `python -m explorer docs` rewrites the generated blocks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from explorer.model import KIND_LABELS, Record
from explorer.schema import RESOURCES, resource

BLOCK = re.compile(r"(<!-- (?P<name>[a-z]+):start -->\n).*?(<!-- (?P=name):end -->)", re.S)


def columns_markdown() -> str:
    """Return one table per CSV file: column, type, required, allowed values, meaning."""
    parts = []
    for name in RESOURCES:
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
    by_kind = ev["kind"].value_counts().reindex(list(KIND_LABELS)).dropna().astype(int)
    pairs = ev["pair"].value_counts()
    top = pd.concat([pairs.head(15), pd.Series({"other pairs": int(pairs.iloc[15:].sum())})])
    lines = ["#### By decade", "", *_table(ev["decade"].value_counts().sort_index(), "decade")]
    lines += ["#### By kind", "", *_table(by_kind, "kind")]
    lines += ["#### By leader pair (first-listed leader of each side)", "", *_table(top, "pair")]
    return "\n".join(lines)


def render(readme: str, record: Record) -> str:
    """Return `readme` with its generated blocks replaced by fresh ones."""
    blocks = {"columns": columns_markdown(), "tally": tally_markdown(record)}
    return BLOCK.sub(lambda m: f"{m[1]}{blocks[m['name']]}\n{m[3]}", readme)


def write(path: Path, record: Record) -> bool:
    """Rewrite the generated blocks of `path`; return whether anything changed."""
    old = path.read_text(encoding="utf-8")
    new = render(old, record)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
