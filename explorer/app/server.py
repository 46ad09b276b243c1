"""Serve a built app: gunicorn in production, Flask's development server only for --debug."""

from __future__ import annotations

from dash import Dash
from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    """Gunicorn serving an app object built (and its data validated) before the workers fork."""

    def __init__(self, app: Dash, options: dict):
        self.application = app.server
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def serve(app: Dash, host: str, port: int, *, workers: int = 2, debug: bool = False) -> None:
    """Serve `app` until interrupted."""
    if debug:
        app.run(host=host, port=port, debug=True)
        return
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": 4,
        "worker_class": "gthread",
        "timeout": 60,
        "accesslog": "-",
        "preload_app": True,
    }
    _Gunicorn(app, options).run()
