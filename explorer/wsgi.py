"""WSGI entry for other servers: `waitress-serve explorer.wsgi:server` (or gunicorn, uWSGI).

Building the app at import is this module's whole purpose; nothing else imports it.
EXPLORER_DATA serves another dataset in the same schema; EXPLORER_BASE_URL is the public
address exports name; EXPLORER_TRUST_PROXY=1 takes it from X-Forwarded-* instead.
"""

import os

from explorer.app import create_app
from explorer.app.routes import configure_exports
from explorer.schema import DEFAULT_DATA_DIR

app = create_app(os.environ.get("EXPLORER_DATA", DEFAULT_DATA_DIR))
server = app.server
configure_exports(
    server,
    base_url=os.environ.get("EXPLORER_BASE_URL", ""),
    trust_proxy=os.environ.get("EXPLORER_TRUST_PROXY", "") in ("1", "true", "yes"),
)
