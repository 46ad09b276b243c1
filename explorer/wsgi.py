"""WSGI entry for other servers: `waitress-serve explorer.wsgi:server` (or gunicorn, uWSGI).

Building the app at import is this module's whole purpose; nothing else imports it.
Set EXPLORER_DATA to serve another dataset in the same schema, DASH_URL_BASE_PATHNAME to serve
it under a base path (e.g. /explorer/) and EXPLORER_FRAME_ANCESTORS to the origins that may
frame its embed view (space-separated). EXPLORER_BASE_URL is the public address exports name;
EXPLORER_TRUST_PROXY=1 takes it from X-Forwarded-* instead.
"""

import os

from explorer import deploy
from explorer.app import create_app
from explorer.app.routes import configure_exports
from explorer.cli import FRAMING_ENV
from explorer.paths import DATA_DIR

app = create_app(
    os.environ.get("EXPLORER_DATA", DATA_DIR),
    frame_ancestors=deploy.frame_ancestors(os.environ.get(FRAMING_ENV, "")),
)
server = app.server
configure_exports(
    server,
    base_url=os.environ.get("EXPLORER_BASE_URL", ""),
    trust_proxy=os.environ.get("EXPLORER_TRUST_PROXY", "") in ("1", "true", "yes"),
)
