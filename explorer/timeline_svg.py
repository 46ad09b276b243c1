"""The timeline as SVG, drawn on the server from the plotly figure the page draws.

`scene` reads the figure description built by `explorer.figure.timeline_figure` (the one the
browser hands to plotly): its window, lanes, era bands, marks, spans and counts. The SVG is drawn
from that scene, so the server-rendered first view, the SVG download and what plotly draws
cannot drift apart. Horizontal and vertical positions are percentages of the plot area, so
the same drawing fits any width: the page places it over plotly's plot area (same margins),
a download wraps it in a fixed-size canvas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape, unescape

import numpy as np
import pandas as pd

from explorer import theme
from explorer.i18n import translate

MILESTONE = 3  # label_rank from which a mark's label is drawn (assets/timeline.js: MILESTONE)
NOMINAL_WIDTH = 900  # plot width (px) assumed when deciding which labels fit
CHAR_PX = 6.2  # an 11 px label's mean character width
LABEL_CHARS = 24  # longer labels are cut with an ellipsis
MARK_SIZE = 12  # the figure's marker size (px)
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50)  # years between axis ticks
MAX_TICKS = 9


# Plotly's marker symbols as paths around (0, 0), for a 12 px marker.
SYMBOLS = {
    "circle": "M6,0A6,6 0 1,1 -6,0A6,6 0 1,1 6,0Z",
    "diamond": "M0,-7L7,0L0,7L-7,0Z",
    "square": "M-5.5,-5.5H5.5V5.5H-5.5Z",
    "star": "M0,-7L1.9,-2.4L6.7,-2.2L2.9,0.9L4.2,5.6L0,2.9L-4.2,5.6L-2.9,0.9L-6.7,-2.2L-1.9,-2.4Z",
    "triangle-up": "M0,-7L6.5,5H-6.5Z",
    "x": "M-5,-7L0,-2L5,-7L7,-5L2,0L7,5L5,7L0,2L-5,7L-7,5L-2,0L-7,-5Z",
}


@dataclass(frozen=True)
class Mark:
    """One mark: its event, lane, position (% of the plot area) and look."""

    event: str
    lane: int
    x: float
    y: float
    color: str
    symbol: str
    label: str
    rank: int


@dataclass(frozen=True)
class Band:
    """A background band (an era, or a counts cell) from x0 to x1 (%), y0 to y1 (%)."""

    x0: float
    x1: float
    y0: float
    y1: float
    color: str
    opacity: float
    name: str = ""


@dataclass(frozen=True)
class Scene:
    """What the timeline shows, in plot-area percentages, read from one figure description."""

    window: tuple[str, str]
    lanes: list[str]
    margin: dict[str, int]
    eras: list[Band]
    marks: list[Mark]
    spans: list[tuple[float, float, float]]  # (x0, x1, y) of multi-day events
    cells: list[Band]  # counts per lane and period (large views)
    events: int  # how many events the figure stands for (the page's data-rendered-events)


def _ms(values: Iterable[str]) -> list[float]:
    """Return dates (plotly's 'YYYY-MM-DD[ HH:MM]') as milliseconds since the epoch."""
    values = list(values)
    try:  # numpy reads plotly's day and minute forms directly, far faster than pandas
        return np.array(values, dtype="datetime64[ms]").astype("int64").astype(float).tolist()
    except ValueError:
        stamps = pd.to_datetime(pd.Series(values, dtype="object"), format="mixed")
        return stamps.astype("datetime64[ms]").astype("int64").astype(float).tolist()


class Axes:
    """Plotly's linear mapping of the figure's x range and reversed lane range to percentages."""

    def __init__(self, layout: dict):
        self.t0, self.t1 = _ms(layout["xaxis"]["range"])
        self.top, self.bottom = layout["yaxis"]["range"][1], layout["yaxis"]["range"][0]

    def xs(self, dates: Iterable[str]) -> list[float]:
        """Return each date's horizontal position, % of the plot width from the left."""
        span = (self.t1 - self.t0) or 1.0
        return [100 * (t - self.t0) / span for t in _ms(dates)]

    def y(self, value: float) -> float:
        """Return a lane value's vertical position, % of the plot height from the top."""
        return 100 * (value - self.top) / (self.bottom - self.top)


# Marker properties given per mark (a list) or once for the trace, and plotly's default.
PER_MARK = {"symbol": "circle", "color": theme.OTHER_COLOR}


def _each(marker: dict, key: str, n: int) -> list:
    """Return the marker property `key` for each of n marks."""
    value = marker.get(key, PER_MARK[key])
    return list(value) if isinstance(value, list) else [value] * n


def _marks(traces: list[dict], axes: Axes) -> list[Mark]:
    """Return the marks of the figure's event traces (legend group 'colour', not counts)."""
    out = []
    for trace in traces:
        if trace.get("legendgroup") != "colour" or trace["type"] == "heatmap":
            continue
        symbols, colors = (_each(trace["marker"], k, len(trace["x"])) for k in PER_MARK)
        for x, y, s, colour, c in zip(
            axes.xs(trace["x"]), trace["y"], symbols, colors, trace["customdata"], strict=True
        ):
            label = unescape(str(c[5])) if c[5] else ""
            out.append(Mark(c[0], round(y), x, axes.y(y), colour, s, label, int(c[6])))
    return out


def _spans(traces: list[dict], axes: Axes) -> list[tuple[float, float, float]]:
    """Return the multi-day bars: (x0, x1, y) from the duration trace's None-split segments."""
    trace = next((t for t in traces if t.get("name") == "duration"), None)
    if trace is None or not trace["x"]:
        return []
    xs = [v for v in trace["x"] if v is not None]
    ys = [v for v in trace["y"] if v is not None]
    pct = axes.xs(xs)
    return [(pct[i], pct[i + 1], axes.y(ys[i])) for i in range(0, len(pct), 2)]


def _cells(traces: list[dict], axes: Axes, lanes: int) -> tuple[list[Band], int]:
    """Return the counts cells (large views) and the events they count."""
    trace = next((t for t in traces if t["type"] == "heatmap"), None)
    if trace is None:
        return [], 0
    z = trace["z"]
    top = max((v for row in z for v in row if v), default=1)
    periods = trace["customdata"][0] if trace["customdata"] else []
    starts, ends = axes.xs(p[0] for p in periods), axes.xs(p[1] for p in periods)
    cells = [
        Band(starts[j], ends[j], axes.y(i - 0.4), axes.y(i + 0.4), "#0072B2", 0.15 + 0.85 * v / top)
        for i in range(lanes)
        for j, v in enumerate(z[i])
        if v
    ]
    return cells, int(trace["meta"]["events"])


def scene(figure: dict) -> Scene:
    """Return what the figure shows, read from the figure description itself."""
    layout, traces = figure["layout"], figure["data"]
    axes = Axes(layout)
    lanes = [unescape(t) for t in layout["yaxis"]["ticktext"]]
    eras = [
        Band(x0, x1, 0, 100, shape["fillcolor"], shape["opacity"], era["name"])
        for shape, era, x0, x1 in zip(
            layout["shapes"],
            layout["meta"]["eras"],
            axes.xs(s["x0"] for s in layout["shapes"]),
            axes.xs(s["x1"] for s in layout["shapes"]),
            strict=True,
        )
    ]
    marks = _marks(traces, axes)
    cells, counted = _cells(traces, axes, len(lanes))
    margin = {k: int(layout["margin"][k]) for k in ("l", "r", "t", "b")}
    window = tuple(layout["xaxis"]["range"])
    events = counted + len({m.event for m in marks})
    return Scene(window, lanes, margin, eras, marks, _spans(traces, axes), cells, events)


def _pct(value: float) -> str:
    return f"{value:.3f}%"


def _clip(band: Band) -> Band | None:
    """Return the band cut to the plot area, or None when none of it is inside."""
    x0, x1 = max(band.x0, 0.0), min(band.x1, 100.0)
    if x1 <= x0:
        return None
    return Band(x0, x1, band.y0, band.y1, band.color, band.opacity, band.name)


def visible(marks: list[Mark]) -> list[Mark]:
    """Return the marks inside the window (plotly clips the others away)."""
    return [m for m in marks if 0.0 <= m.x <= 100.0]


def _rects(bands: Iterable[Band], css: str) -> list[str]:
    out = []
    for band in filter(None, map(_clip, bands)):
        out.append(
            f'<rect class="{css}" x="{_pct(band.x0)}" y="{_pct(band.y0)}" '
            f'width="{_pct(band.x1 - band.x0)}" height="{_pct(band.y1 - band.y0)}" '
            f'fill="{band.color}" fill-opacity="{band.opacity:.2f}"/>'
        )
    return out


def _era_names(eras: list[Band]) -> list[str]:
    """Return each era's name over its band, where its visible part is wide enough."""
    out = []
    for band in filter(None, map(_clip, eras)):
        width = (band.x1 - band.x0) / 100 * NOMINAL_WIDTH
        if width < len(band.name) * CHAR_PX + 6:
            continue
        out.append(
            f'<text class="fv-era" x="{_pct((band.x0 + band.x1) / 2)}" y="0" dy="-8" '
            f'text-anchor="middle">{escape(band.name)}</text>'
        )
    return out


def _ticks(window: tuple[str, str]) -> list[str]:
    """Return year ticks along the bottom, at most MAX_TICKS of them."""
    axes = Axes({"xaxis": {"range": list(window)}, "yaxis": {"range": [1, 0]}})
    first, last = int(window[0][:4]) + 1, int(window[1][:4])
    step = next((s for s in TICK_STEPS if (last - first) // s < MAX_TICKS), 100)
    years = [y for y in range(first, last + 1) if y % step == 0]
    xs = axes.xs(f"{y}-01-01" for y in years)
    return [
        f'<text class="fv-tick" x="{_pct(x)}" y="100%" dy="16" text-anchor="middle">{y}</text>'
        f'<line class="fv-grid" x1="{_pct(x)}" x2="{_pct(x)}" y1="0" y2="100%"/>'
        for x, y in zip(xs, years, strict=True)
    ]


def _lanes(lanes: list[str]) -> list[str]:
    """Return the lane names left of the plot and a faint line through each lane."""
    n = len(lanes) or 1
    out = []
    for i, name in enumerate(lanes):
        y = _pct(100 * (i + 0.5) / n)
        out.append(
            f'<line class="fv-grid" x1="0" x2="100%" y1="{y}" y2="{y}"/>'
            f'<text class="fv-lane" x="-8" y="{y}" dy="4" text-anchor="end">{escape(name)}</text>'
        )
    return out


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def milestones(marks: list[Mark], height: float = 400.0) -> list[tuple[Mark, str, int]]:
    """Return the milestone labels that fit without overlap: (mark, text, dy in px), most
    important first, as the browser places them (assets/timeline.js)."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    ranked = sorted(
        (m for m in visible(marks) if m.label and m.rank >= MILESTONE), key=lambda m: (-m.rank, m.x)
    )
    for mark in ranked:
        text = _cut(mark.label)
        w, x, y = len(text) * CHAR_PX + 8, mark.x / 100 * NOMINAL_WIDTH, mark.y / 100 * height
        for dy in (-10, 20):
            box = (x - w / 2, y + dy - 12, w, 14)
            inside = box[0] >= 0 and box[0] + w <= NOMINAL_WIDTH and 0 <= box[1] <= height - 14
            if inside and not any(_overlap(box, p) for p in placed):
                placed.append(box)
                out.append((mark, text, dy))
                break
    return out


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _mark_svg(m: Mark) -> str:
    symbol = m.symbol if m.symbol in SYMBOLS else "circle"
    return (
        f'<use class="fv-mark" href="#fv-{symbol}" x="{_pct(m.x)}" y="{_pct(m.y)}" '
        f'fill="{m.color}" data-event="{escape(m.event)}" data-lane="{m.lane}"/>'
    )


def plot(s: Scene) -> str:
    """Return the plot area's drawing: bands, grid, lanes, spans, marks and labels."""
    defs = "".join(
        f'<path id="fv-{name}" d="{path}" stroke="#fff" stroke-width="1"/>'
        for name, path in SYMBOLS.items()
    )
    spans = [
        f'<line class="fv-span" x1="{_pct(max(x0, 0))}" x2="{_pct(min(x1, 100))}" '
        f'y1="{_pct(y)}" y2="{_pct(y)}"/>'
        for x0, x1, y in s.spans
        if x1 >= 0 and x0 <= 100
    ]
    labels = [
        f'<text class="fv-label" x="{_pct(m.x)}" y="{_pct(m.y)}" dy="{dy}" '
        f'text-anchor="middle">{escape(text)}</text>'
        for m, text, dy in milestones(s.marks)
    ]
    parts = [
        f"<defs>{defs}</defs>",
        *_rects(s.eras, "fv-band"),
        *_ticks(s.window),
        *_lanes(s.lanes),
        *_rects(s.cells, "fv-cell"),
        *spans,
        *map(_mark_svg, visible(s.marks)),
        *labels,
        *_era_names(s.eras),
    ]
    return "".join(parts)


STYLE = (
    ".fv-grid{stroke:#ebf0f8;stroke-width:1}.fv-span{stroke:rgba(60,60,60,.35);stroke-width:7}"
    ".fv-lane,.fv-tick{font:12px system-ui,sans-serif;fill:#2a3f5f}"
    ".fv-label{font:600 11px system-ui,sans-serif;fill:#1f2933;paint-order:stroke;"
    "stroke:#fff;stroke-width:3px}.fv-era{font:600 11px system-ui,sans-serif;fill:#5f6b7a}"
)


def _root_attrs(s: Scene, lang: str) -> str:
    return (
        f'xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(translate("svg.title", lang))}" '
        f'data-events="{s.events}" data-lanes="{len(s.lanes)}"'
    )


def page_svg(s: Scene, lang: str = "en") -> str:
    """Return the SVG for the page: it fills a box placed over plotly's plot area."""
    return (
        f'<svg class="fv-svg" {_root_attrs(s, lang)} width="100%" height="100%" overflow="visible">'
        f"<style>{STYLE}</style>{plot(s)}</svg>"
    )


def standalone_svg(s: Scene, width: int = 1200, height: int = 470, lang: str = "en") -> str:
    """Return a self-contained SVG file of `width` × `height` px with plotly's margins."""
    m, title = s.margin, escape(translate("svg.title", lang))
    inner_w, inner_h = width - m["l"] - m["r"], height - m["t"] - m["b"]
    return (
        f'<svg {_root_attrs(s, lang)} width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{title}</title>'
        f"<style>{STYLE}</style>"
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<svg x="{m["l"]}" y="{m["t"]}" width="{inner_w}" height="{inner_h}" overflow="visible">'
        f"{plot(s)}</svg></svg>"
    )
