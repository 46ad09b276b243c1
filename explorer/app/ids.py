"""Every component id, spelled once."""

URL = "url"
SEARCH = "filter-search"
LEADERS = "filter-leaders"
DECADES = "filter-decades"
KINDS = "filter-kinds"
HOSTS = "filter-hosts"
TAGS = "filter-tags"
ABSTRACT = "filter-abstract"
LANES = "view-lanes"
COLOR = "view-color"
RESET = "filter-reset"
DRAWER = "filters-drawer"
DRAWER_TOGGLE = "filters-toggle"
COUNT = "event-count"
CHIPS = "filter-chips"
CHIP = "chip"  # pattern-matching type: {"type": CHIP, "attr": ..., "value": ...}
EMPTY = "empty-message"
TIMELINE = "timeline"
TIMELINE_BOX = "timeline-box"
DETAIL = "event-detail"
PREV = "event-prev"
NEXT = "event-next"
CLOSE = "event-close"
GRID = "events-grid"
GRID_FOCUS = "grid-focus"  # store: the chosen event, its row and the rows' filters
GRID_SYNCED = "grid-synced"  # store written by the clientside table sync (Dash needs an output)
EXPORTS = "exports"
PERMALINK = "permalink"
COPY = "copy-link"
ABOUT = "about"

# The controls that mirror the URL, in the order the sync callback reads and writes them.
CONTROLS = (SEARCH, LEADERS, DECADES, KINDS, HOSTS, TAGS, ABSTRACT, LANES, COLOR)

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
TWIN = "twin-list"
TWIN_STATUS = "twin-status"
TWIN_PICK = "twin-pick"
INSIGHTS = "insights"
INSIGHTS_SEEN = "insights-seen"  # store: true once the insights scrolled near the screen
