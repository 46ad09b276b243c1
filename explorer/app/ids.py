"""Every component id, spelled once."""

URL = "url"
# Each filter's control (ViewState attribute -> id); explorer.filter_table declares the rest.
FILTER_CONTROLS = {
    "q": "filter-search",
    "leaders": "filter-leaders",
    "leaders_combine": "filter-leaders-combine",
    "decades": "filter-decades",
    "kinds": "filter-kinds",
    "hosts": "filter-hosts",
    "tags": "filter-tags",
    "in_abstract": "filter-abstract",
}
SEARCH = FILTER_CONTROLS["q"]
LEADERS = FILTER_CONTROLS["leaders"]
LEADERS_COMBINE = FILTER_CONTROLS["leaders_combine"]
DECADES = FILTER_CONTROLS["decades"]
KINDS = FILTER_CONTROLS["kinds"]
HOSTS = FILTER_CONTROLS["hosts"]
TAGS = FILTER_CONTROLS["tags"]
ABSTRACT = FILTER_CONTROLS["in_abstract"]
LANES = "view-lanes"
COLOR = "view-color"
RESET = "filter-reset"
DRAWER = "filters-drawer"
DRAWER_TOGGLE = "filters-toggle"
DRAWER_CLOSE = "filters-close"
DRAWER_BACKDROP = "filters-backdrop"
DATE_FROM = "window-from"
DATE_TO = "window-to"
FIT = "window-fit"
ERA = "era-button"  # pattern-matching type: {"type": ERA, "name": <era name>}
WINDOW = "timeline-window"  # store: the window a zoom or pan gesture ended on (assets/app.js)
LEGEND = "timeline-legend"
COUNT = "event-count"
CHIPS = "filter-chips"
CHIP = "chip"  # pattern-matching type: {"type": CHIP, "attr": ..., "value": ...}
EMPTY = "empty-message"
TIMELINE = "timeline"
TIMELINE_BOX = "timeline-box"
DETAIL = "event-detail"
DETAIL_TITLE = "detail-title"
PREV = "event-prev"
NEXT = "event-next"
CLOSE = "event-close"
GRID = "events-grid"
GRID_FOCUS = "grid-focus"  # store: the chosen event, its row and the rows' filters
GRID_SYNCED = "grid-synced"  # store written by the clientside table sync (Dash needs an output)
# The grid comes when the table is wanted (assets/app.js loads its script, then sets GRID_WANTED);
# until then the box shows the view's first rows (TABLE_PREVIEW).
GRID_MOUNT = "grid-mount"  # where the grid is put, in the box of class "grid-box"
GRID_WANTED = "grid-wanted"  # store: true once the table is on screen or touched
TABLE_PREVIEW = "table-preview"
CELL_PICK = "cell-pick"  # store: the grid's last clicked cell (the grid comes later than the sync)
GRID_REQUEST = "grid-request"  # store: the grid's last rows request (its sorting and filters)
EXPORTS = "exports"


def export_button(fmt: str) -> str:
    """Return the id of the button that downloads format `fmt` ('export-timelinejs-json')."""
    return f"export-{fmt.replace('.', '-')}"


PERMALINK = "permalink"
COPY = "copy-link"
ABOUT = "about"

# The controls that mirror the URL, in the order the sync callback reads and writes them.
CONTROLS = (
    SEARCH,
    LEADERS,
    DECADES,
    KINDS,
    HOSTS,
    TAGS,
    ABSTRACT,
    LANES,
    COLOR,
    DATE_FROM,
    DATE_TO,
    LEADERS_COMBINE,
)

# Insights beside the timeline, and the timeline's accessible twin list.
MAP = "insight-map"
TEMPO = "insight-tempo"
PAIRS = "insight-pairs"
DIRECTION = "insight-direction"
MAP_TABLE = "insight-map-table"
TEMPO_TABLE = "insight-tempo-table"
GAPS_TABLE = "insight-gaps-table"
PAIRS_TABLE = "insight-pairs-table"
DIRECTION_TABLE = "insight-direction-table"
# The charts come once the insights near the screen (a Graph in the page draws empty axes at
# load): each goes into its mount, and its clicks are copied to a store the sync reads.
CHARTS = (MAP, TEMPO, PAIRS, DIRECTION)
CHART_MOUNTS = {c: f"{c}-mount" for c in CHARTS}
CHART_CLICKS = {c: f"{c}-click" for c in CHARTS}  # store: the chart's last clickData
TWIN = "twin-list"
TWIN_TITLE = "twin-title"
TWIN_DATA = "twin-data"  # store: the list's rows, drawn by assets/app.js (cheap plain DOM)
TWIN_STATUS = "twin-status"
TWIN_PICK = "twin-pick"
INSIGHTS = "insights"
INSIGHTS_SEEN = "insights-seen"  # store: true once the insights scrolled near the screen
TABLE_TOGGLE = "table-toggle"  # pattern-matching type: {"type": TABLE_TOGGLE, "table": <id>}
# The insight tables, each drawn only while its <details> is open.
INSIGHT_TABLES = (MAP_TABLE, TEMPO_TABLE, PAIRS_TABLE, DIRECTION_TABLE)

# Publishing: save the timeline, print, embed, cite one event.
PUBLISH = "publish"
SAVE_SVG = "save-svg"
SAVE_PNG = "save-png"
PRINT = "print-page"
EMBED = "embed-box"
EMBED_CODE = "embed-code"
CITE = "event-cite"
LANG_SWITCH = "lang-switch"
LANG_LINK = "lang-link"  # pattern-matching type: {"type": LANG_LINK, "lang": <code>}

# The server-rendered first view (first_view.py, assets/first_view.js).
FIRST_VIEW_PAGE = "first-view"  # the static page, shown until Dash has rendered its own
FIRST_VIEW = "first-view-timeline"  # the SVG timeline, shown until plotly has drawn
