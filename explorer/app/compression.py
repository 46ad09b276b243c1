"""Scripts and stylesheets compressed once per process, not on every page load.

Dash compresses responses with flask-compress, which compresses every response anew: ~3.5 MB of
scripts for each page load. Its cache keeps what `kept_key` names: a script or stylesheet at a
fingerprinted address (Dash's component bundles carry their version in the path, the assets
their modification time in `?m=`), which does not change while the process runs. Flask streams
the assets it sends from disk, and flask-compress neither caches a streamed response nor
gzips one (a gzip-only client got plotly's 1.8 MB as they are): `whole_files` sends those as
one body. Serving the page's 18 scripts and stylesheets once warm (test client, one process):
zstd 43 -> 11-15 ms, brotli 115 -> 14-20 ms, gzip 272 -> 18 ms. The cache holds at most
MAX_BYTES: addresses made up by a client can fill it, after which files are compressed per
request as before.
"""

from __future__ import annotations

import re

from flask import Flask, Request, Response, request

MAX_BYTES = 8_000_000  # the page's scripts and styles in two encodings take ~4.5 MB
NOT_KEPT = "-"  # the key of a response that is compressed anew each time
# Fingerprinted addresses: a component bundle (its version in the path), or an asset script or
# stylesheet asked for with its modification time (`?m=`).
SUITE = re.compile(r"/_dash-component-suites/.*\.v\w+m\d+\.(?:[\w.@-]*\.)?(?:js|css)$")
ASSET = re.compile(r"/assets/.+\.(?:js|css)$")


class KeptCompressed:
    """flask-compress's cache backend: keeps fingerprinted files, up to MAX_BYTES in all."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}
        self.size = 0

    def get(self, key: str) -> bytes | None:
        """Return the compressed bytes kept under `key`, or None."""
        return self.kept.get(key)

    def set(self, key: str, value: bytes) -> None:
        """Keep `value` under `key`, unless its key says not to or the cache is full."""
        if key.endswith(";" + NOT_KEPT) or key in self.kept:
            return
        if self.size + len(value) > MAX_BYTES:
            return
        self.kept[key] = value
        self.size += len(value)


def kept_key(request: Request) -> str:
    """Return the cache key of a GET for a fingerprinted script or stylesheet (its path and
    query), else NOT_KEPT."""
    path = request.path
    fingerprinted = SUITE.search(path) or (ASSET.search(path) and "m" in request.args)
    whole = request.method == "GET" and "Range" not in request.headers  # a part is not the file
    return request.full_path if whole and fingerprinted else NOT_KEPT


def configure(server: Flask) -> None:
    """Set `server` to keep compressed scripts and stylesheets (before Dash sets up compression)."""
    server.config["COMPRESS_CACHE_BACKEND"] = KeptCompressed
    server.config["COMPRESS_CACHE_KEY"] = kept_key


def whole_files(server: Flask) -> None:
    """Send kept files as one body, not streamed (after Dash set up compression): flask-compress
    caches only what is not streamed, and Flask streams the assets it sends from disk."""

    @server.after_request  # runs before flask-compress's, registered earlier
    def whole(response: Response) -> Response:
        if response.status_code == 200 and response.is_streamed and kept_key(request) != NOT_KEPT:
            response.direct_passthrough = False
            response.make_sequence()
        return response
