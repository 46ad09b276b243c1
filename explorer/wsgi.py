"""WSGI entry for production servers: `gunicorn explorer.wsgi:server`.

Building the app at import is this module's whole purpose; nothing else imports it.
Set EXPLORER_DATA to serve another dataset in the same schema, DASH_URL_BASE_PATHNAME to serve
it under a base path (e.g. /explorer/) and EXPLORER_FRAME_ANCESTORS to the origins that may
frame its embed view (space-separated).
"""

import os

from explorer import deploy
from explorer.app import create_app
from explorer.cli import FRAMING_ENV
from explorer.paths import DATA_DIR

app = create_app(
    os.environ.get("EXPLORER_DATA", DATA_DIR),
    frame_ancestors=deploy.frame_ancestors(os.environ.get(FRAMING_ENV, "")),
)
server = app.server
