"""WSGI entry for production servers: `gunicorn explorer.wsgi:server`.

Building the app at import is this module's whole purpose; nothing else imports it.
Set EXPLORER_DATA to serve another dataset in the same schema.
"""

import os

from explorer.app import create_app
from explorer.schema import DEFAULT_DATA_DIR

app = create_app(os.environ.get("EXPLORER_DATA", DEFAULT_DATA_DIR))
server = app.server
