"""Tabular exports: CSV, Excel and JSON, every schema column of exactly the given rows."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from explorer.citation import LICENSE, article_citation
from explorer.citations import FIELDS as SOURCE_COLUMNS
from explorer.exports.meta import ExportMeta
from explorer.i18n import translate
from explorer.schema import resource

# OWASP CSV injection: a cell a spreadsheet would run as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def columns() -> tuple[str, ...]:
    """Return the exported columns: the events schema, in order."""
    return resource("events").columns


def _missing(value: object) -> bool:
    return not isinstance(value, tuple | list) and pd.isna(value)


# Schema field type -> (CSV/Excel text, JSON value) of one cell. A column is converted by its
# type, never its name: a column added to the schema needs no line here, and a missing value
# is "" in text and null in JSON (a bare NaN is not JSON).
AS_TEXT: dict[str, Callable[[object], str]] = {
    "date": lambda v: "" if _missing(v) else v.strftime("%Y-%m-%d"),
    "list": lambda v: ";".join(v) if isinstance(v, tuple | list) else "",
    "boolean": lambda v: "" if _missing(v) else ("true" if v else "false"),
}
AS_JSON: dict[str, Callable[[object], object]] = {
    "date": lambda v: None if _missing(v) else v.strftime("%Y-%m-%d"),
    "list": lambda v: list(v) if isinstance(v, tuple | list) else [],
    "boolean": lambda v: None if _missing(v) else bool(v),
    "number": lambda v: None if _missing(v) else float(v),
    "integer": lambda v: None if _missing(v) else int(v),
}


def _as_json(value: object) -> object:
    return None if _missing(value) else value


def flat_frame(events: pd.DataFrame) -> pd.DataFrame:
    """Return the events as data/events.csv spells them: ISO dates, `;`-joined lists."""
    out = events.loc[:, list(columns())].copy()
    for f in resource("events").fields:
        if f.type in AS_TEXT:
            out[f.name] = out[f.name].map(AS_TEXT[f.type])
    return out


# The start of a `;`-separated piece (a spreadsheet that splits on `;`, as many locales do,
# starts a new cell at each) that would begin a formula, unless the piece is a plain number.
FORMULA_PIECE = re.compile(r"(^|;)(?= *[=+\-@\t\r])(?! *-?\d+(?:\.\d+)? *(?:;|$))")


def neutralise(value: object) -> object:
    """Return `value` with every `;`-separated piece that would start a formula made inert."""
    if not isinstance(value, str):
        return value
    if ";" not in value and not value.lstrip(" ").startswith(FORMULA_START):
        return value  # the common case, without a regex
    return FORMULA_PIECE.sub(r"\1'", value)


CSV_BLOCK = 5_000  # rows per streamed block


def csv_blocks(events: pd.DataFrame, meta: ExportMeta) -> Iterator[bytes]:
    """Yield the CSV export in blocks: the header row, then CSV_BLOCK rows at a time."""
    for start in range(0, max(len(events), 1), CSV_BLOCK):
        frame = flat_frame(events.iloc[start : start + CSV_BLOCK]).map(neutralise)
        # CRLF (RFC 4180): the csv module quotes a cell holding a character of the line
        # terminator, so a lone CR inside a cell cannot end a row either.
        yield frame.to_csv(index=False, header=start == 0, lineterminator="\r\n").encode("utf-8")


def to_csv(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return UTF-8 CSV with a header row, list fields `;`-joined, formulas neutralised."""
    return b"".join(csv_blocks(events, meta))


def to_json(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return {"meta": ..., "events": [...]} with ISO dates and lists as arrays."""
    convert = {f.name: AS_JSON.get(f.type, _as_json) for f in resource("events").fields}
    records = [
        {k: convert[k](v) for k, v in row.items()}
        for row in events.loc[:, list(convert)].to_dict("records")
    ]
    doc = {"meta": meta.as_dict(), "events": records, "sources": list(meta.sources)}
    return json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


def _legal(value: object) -> object:
    """Return `value` with the control characters an .xlsx cannot hold replaced by U+FFFD."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


# The About sheet's rows: catalogue keys about_sheet.<field>.
ABOUT_FIELDS = (
    "dataset",
    "version",
    "filters",
    "events",
    "url",
    "exported_at",
    "licence",
    "article",
)


def _about_rows(meta: ExportMeta, count: int) -> list[tuple[str, str]]:
    info, lang = meta.as_dict(), meta.lang
    filters = "; ".join(f"{k}={', '.join(v)}" for k, v in meta.filters.items())
    values = (
        info["title"],
        info["dataset_version"],
        filters or translate("about_sheet.no_filters", lang),
        str(count),
        info["url"],
        info["exported_at"],
        LICENSE,
        article_citation(),
    )
    # The field names in the view's language; the values (titles, citations) as published.
    return [
        (translate(f"about_sheet.{key}", lang), value)
        for key, value in zip(ABOUT_FIELDS, values, strict=True)
    ]


def _sources_sheet(writer: pd.ExcelWriter, meta: ExportMeta) -> None:
    """Add a Sources sheet: one row per cited page, its citation and the events citing it."""
    rows = [s | {"cited_by": ";".join(s["cited_by"])} for s in meta.sources]
    frame = pd.DataFrame(rows, columns=["citation", *SOURCE_COLUMNS, "cited_by"]).map(neutralise)
    frame.to_excel(writer, sheet_name="Sources", index=False)
    writer.sheets["Sources"].freeze_panes = "A2"


def to_xlsx(events: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Return an .xlsx workbook: Events (date cells, frozen header, autofilter) and About."""
    frame = flat_frame(events).map(neutralise).map(_legal)
    for col in ("start_date", "end_date"):
        frame[col] = events[col].dt.date.astype(object).where(events[col].notna(), None)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Events", index=False)
        head = [
            translate("about_sheet.field", meta.lang),
            translate("about_sheet.value", meta.lang),
        ]
        about = pd.DataFrame(_about_rows(meta, len(frame)), columns=head).map(_legal)
        about.to_excel(writer, sheet_name="About", index=False)
        sheet = writer.sheets["Events"]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for i, col in enumerate(frame.columns, start=1):
            width = max([len(col), *(len(str(v)) for v in frame[col].head(200))])
            sheet.column_dimensions[sheet.cell(1, i).column_letter].width = min(60, width + 2)
            if col in ("start_date", "end_date"):
                for cell in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell[0].number_format = "yyyy-mm-dd"
        writer.sheets["About"].column_dimensions["B"].width = 100
        _sources_sheet(writer, meta)
    return buffer.getvalue()
