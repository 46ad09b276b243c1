"""The Dash shell: component ids, layout, callbacks and the app factory. Only wiring lives here."""

from explorer.app.factory import create_app

__all__ = ["create_app"]
