"""Colours, symbols' glyphs, opacities and the era bands, shared by every figure (plotly.js JSON).

The colours of values (kinds, hosts) are in explorer/vocabulary.py beside their labels.
"""

from __future__ import annotations

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOR = "#9a9a9a"
FAINT_ON_WHITE = "#F0E442"  # Okabe–Ito yellow: too faint for a small mark on white
MARK_OUTLINE = "white"
SPAN_LINE = "rgba(60,60,60,0.35)"  # a multi-day event's bar behind its mark
SELECTED_RING = "#111"
TRANSPARENT = "rgba(0,0,0,0)"
ARC_LINE = "rgba(80,80,80,0.35)"  # a visit's route on the map
COUNTRY_LINE = "#ccc"
LAND = "#f2f2ee"
CUMULATIVE_LINE = "#444"
# The counts per lane and period (figure_counts): few to many.
COUNTS_SCALE = [[0.0, "#deebf7"], [0.5, "#4292c6"], [1.0, "#08306b"]]
ERA_OPACITY = 0.08
# plotly marker symbol -> the character that shows it in the page's legend (others: "●").
SYMBOL_GLYPHS = {
    "circle": "●",
    "diamond": "◆",
    "square": "■",
    "star": "★",
    "triangle-up": "▲",
    "x": "✕",
    "hexagon": "⬢",
    "cross": "✚",
    "triangle-down": "▼",
}


def era_band(x0: object, x1: object, index: int) -> dict:
    """Return the faint background band of the `index`-th era, from x0 to x1, full height."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": x0,
        "x1": x1,
        "y0": 0,
        "y1": 1,
        "fillcolor": PALETTE[index % len(PALETTE)],
        "opacity": ERA_OPACITY,
        "line": {"width": 0},
        "layer": "below",
    }


# The page's CSS variables (assets/style.css, :root): the sides' colours are the figures'
# (vocabulary.HOSTS), so the details' side bars match the map and the direction chart.
# tests/test_theme.py checks style.css declares exactly these values.
CSS_VARIABLES = {
    "ink": "#1f2933",
    "muted": "#5f6b7a",
    "line": "#d9dee5",
    "paper": "#ffffff",
    "wash": "#f5f7fa",
    "accent": PALETTE[0],
    "china": PALETTE[5],
    "russia": PALETTE[0],
}
