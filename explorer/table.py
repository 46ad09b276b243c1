"""The synced table: column definitions, and pages of rows sorted and filtered on the server.

The grid asks for one block of rows at a time (AG Grid's infinite row model), so what a view
sends does not grow with its number of events; sorting and column filters run here, on the
same text the cells show.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from explorer.formatting import date_label, place_label
from explorer.i18n import translate
from explorer.vocabulary import label_map

COLUMN_DEFS: list[dict] = [
    # Sorted and filtered by the ISO start; shown at the date's precision.
    {
        "field": "start",
        "headerName": "Date",
        "width": 170,
        "valueFormatter": {"function": "params.value ? params.data.date : ''"},
    },
    {"field": "title", "headerName": "Title", "flex": 2, "minWidth": 220},
    {"field": "kind", "headerName": "Kind", "width": 120},
    {"field": "china", "headerName": "China", "flex": 1, "minWidth": 140},
    {"field": "russia", "headerName": "USSR / Russia", "flex": 1, "minWidth": 140},
    {"field": "place", "headerName": "Place", "flex": 1, "minWidth": 140},
    {"field": "tags", "headerName": "Tags", "flex": 1, "minWidth": 120},
    {"field": "in_abstract", "headerName": "In abstract", "width": 110},
]


# The field a column's cell shows, where it is not the one it sorts by (the valueFormatter above).
SHOWN_FIELD = {"start": "date"}
PREVIEW_ROWS = 9  # the first rows shown until the grid comes (as many as its box holds)
PREVIEW_WIDTH = 1100  # px: the table's width on a laptop, for the preview's column shares
ENGLISH_FIELDS = {"tags"}  # the record's own vocabulary, English in every language (like ids)


# AG Grid's own words this grid shows (its text filter and overlays): catalogue keys
# grid.locale.<key>, given to the grid as localeText.
GRID_LOCALE_KEYS = (
    "filterOoo",
    "contains",
    "notContains",
    "equals",
    "notEqual",
    "startsWith",
    "endsWith",
    "blank",
    "notBlank",
    "andCondition",
    "orCondition",
    "noRowsToShow",
    "loadingOoo",
)


def grid_locale(lang: str = "en") -> dict[str, str]:
    """Return AG Grid's localeText for `lang` (empty for English, the grid's own)."""
    if lang == "en":
        return {}
    return {key: translate(f"grid.locale.{key}", lang) for key in GRID_LOCALE_KEYS}


def column_defs(lang: str = "en") -> list[dict]:
    """Return the column definitions with headers in `lang` (catalogue keys grid.<field>)."""
    return [{**c, "headerName": translate(f"grid.{c['field']}", lang)} for c in COLUMN_DEFS]


# Text filters only: the infinite row model hands every filter to the server.
DEFAULT_COL_DEF = {
    "sortable": True,
    "resizable": True,
    "filter": "agTextColumnFilter",
    "filterParams": {"maxNumConditions": 1},
}
BLOCK_SIZE = 100  # rows per request; AG Grid's default
MAX_BLOCK = 1000  # a request for more rows than this is cut to it (requests come from the network)


def _joined(column: str) -> Callable[..., pd.Series]:
    return lambda e, lang="en": e[column].map(", ".join)


def _places(e: pd.DataFrame, lang: str = "en") -> pd.Series:
    places = map(place_label, e["city"], e["country"], e["host"], [lang] * len(e))
    return pd.Series(list(places), index=e.index, dtype=object)


# Column -> the text its cells show in a language, for the whole view (sorting and filtering
# compare it, so a reader filters and sorts what they see).
CELL_TEXT: dict[str, Callable[..., pd.Series]] = {
    "start": lambda e, lang="en": e["start_date"].dt.strftime("%Y-%m-%d"),
    "title": lambda e, lang="en": e["title"],
    "kind": lambda e, lang="en": label_map("kind", e["kind"], lang),
    "china": _joined("china_leaders"),
    "russia": _joined("russia_leaders"),
    "place": _places,
    "tags": _joined("tags"),
    "in_abstract": lambda e, lang="en": e["in_abstract"].map(
        {True: translate("grid.yes", lang), False: ""}
    ),
}

# AG Grid text filter type -> test on the lower-cased cell text and the lower-cased value.
TEXT_FILTERS: dict[str, Callable[[pd.Series, str], pd.Series]] = {
    "contains": lambda s, v: s.str.contains(v, regex=False),
    "notContains": lambda s, v: ~s.str.contains(v, regex=False),
    "equals": lambda s, v: s == v,
    "notEqual": lambda s, v: s != v,
    "startsWith": lambda s, v: s.str.startswith(v),
    "endsWith": lambda s, v: s.str.endswith(v),
    "blank": lambda s, v: s == "",
    "notBlank": lambda s, v: s != "",
}


def table_rows(events: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Return one dict per event for the grid: its id, readable cells and the date's label
    (dates, kinds and the abstract mark in `lang`; titles and places as `events` has them)."""
    # The cells are CELL_TEXT's, so what a row shows is what sorting and filtering compare.
    cells = pd.DataFrame({column: text(events, lang) for column, text in CELL_TEXT.items()})
    cells.insert(0, "id", events["id"])
    dates = map(
        date_label,
        events["start_date"],
        events["end_date"],
        events["date_precision"],
        [lang] * len(events),
    )
    cells["date"] = list(dates)  # the Date column's label; "start" is its ISO sort key
    return cells.to_dict("records")


def _filtered(events: pd.DataFrame, model: object, lang: str) -> pd.DataFrame:
    """Return the events that pass the grid's column filters (unknown parts are ignored)."""
    if not isinstance(model, dict):
        return events
    for column, spec in model.items():
        kind = spec.get("type") if isinstance(spec, dict) else None
        test = TEXT_FILTERS.get(kind) if isinstance(kind, str) else None
        if column not in CELL_TEXT or test is None:
            continue
        value = spec.get("filter")
        text = CELL_TEXT[column](events, lang).str.lower()
        events = events[test(text, str(value).lower() if value is not None else "")]
    return events


def ordered(events: pd.DataFrame, request: object, lang: str = "en") -> pd.DataFrame:
    """Return the view's events filtered and sorted as the grid's request asks (date by default),
    comparing the cells' text in `lang`."""
    request = request if isinstance(request, dict) else {}
    events = _filtered(events, request.get("filterModel"), lang)
    sort = request.get("sortModel")
    first = sort[0] if isinstance(sort, list) and sort and isinstance(sort[0], dict) else {}
    column = first.get("colId")
    if not isinstance(column, str) or column not in CELL_TEXT or column == "start":
        return events.iloc[::-1] if first.get("sort") == "desc" else events  # already by date
    key = CELL_TEXT[column](events, lang).str.lower()
    order = key.reset_index(drop=True).sort_values(
        ascending=first.get("sort") != "desc", kind="stable"
    )
    return events.iloc[order.index.to_numpy()]


def _bound(value: object, default: int) -> int:
    return (
        value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default
    )


def table_page(events: pd.DataFrame, request: object, lang: str = "en") -> dict:
    """Return the block of rows the grid's request asks for, and the number of rows in all."""
    request = request if isinstance(request, dict) else {}
    start = _bound(request.get("startRow"), 0)
    end = min(_bound(request.get("endRow"), start + BLOCK_SIZE), start + MAX_BLOCK)
    view = ordered(events, request, lang)
    return {"rowData": table_rows(view.iloc[start:end], lang), "rowCount": len(view)}


def row_index(
    events: pd.DataFrame, request: object, event: str | None, lang: str = "en"
) -> int | None:
    """Return the position of `event` among the rows as the grid orders them (in `lang`)."""
    if not event:
        return None
    hits = (ordered(events, request, lang)["id"] == event).to_numpy().nonzero()[0]
    return int(hits[0]) if len(hits) else None


def preview_widths(columns: list[dict], nominal: int = PREVIEW_WIDTH) -> list[str]:
    """Return each column's CSS width in percent, as the grid sizes it at `nominal` pixels wide:
    its width, or its flex share of what the fixed columns leave (browsers treat a calc() of
    percent and pixels in a table cell as no width at all)."""
    fixed = sum(c.get("width", 0) for c in columns)
    flex = sum(c.get("flex", 1) for c in columns if "width" not in c) or 1
    left = max(nominal - fixed, 0) / nominal * 100
    return [
        f"{c['width'] / nominal * 100:.1f}%"
        if "width" in c
        else f"{left * c.get('flex', 1) / flex:.1f}%"
        for c in columns
    ]


def preview(events: pd.DataFrame, lang: str = "en") -> dict:
    """Return the first rows as the grid shows them: {"columns": [header, ...], "english": [is
    the column English whatever the language, ...], "widths": [CSS width, ...], "rows": [[cell,
    ...], ...], "total": rows in all}."""
    page = table_page(events, {"startRow": 0, "endRow": PREVIEW_ROWS}, lang)
    columns = column_defs(lang)
    fields = [SHOWN_FIELD.get(c["field"], c["field"]) for c in columns]
    return {
        "columns": [c["headerName"] for c in columns],
        "english": [c["field"] in ENGLISH_FIELDS for c in columns],
        "widths": preview_widths(columns),
        "rows": [[str(row.get(f, "")) for f in fields] for row in page["rowData"]],
        "total": page["rowCount"],
    }
