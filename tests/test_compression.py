"""Scripts and stylesheets compressed once per process (explorer.app.compression)."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask_compress.compat import compression as codecs

from explorer.app import create_app
from explorer.app.compression import MAX_BYTES, NOT_KEPT, KeptCompressed, kept_key

SERVER = Flask(__name__)


@pytest.mark.parametrize(
    ("method", "url", "kept"),
    [
        ("GET", "/_dash-component-suites/dash/dcc/dash_core_components.v4_4_1m1796119073.js", True),
        ("GET", "/_dash-component-suites/dash/deps/react@18.v4_4_1m1796119073.3.1.min.js", True),
        ("GET", "/explorer/assets/app.js?m=1796134422.19", True),  # under a base path
        ("GET", "/assets/style.css?m=1796140481.5", True),
        ("GET", "/assets/app.js", False),  # no modification time: it may change
        ("GET", "/assets/topojson/world_110m.json?m=1", False),  # not a script or stylesheet
        ("GET", "/_dash-component-suites/dash/dcc/dash_core_components.js", False),
        ("POST", "/_dash-update-component", False),
        ("GET", "/", False),
        ("GET", "/export/events.csv?decade=1990s", False),
    ],
)
def test_only_fingerprinted_scripts_and_stylesheets_are_kept(method, url, kept):
    with SERVER.test_request_context(url, method=method):
        from flask import request

        key = kept_key(request)
    assert (key != NOT_KEPT) is kept
    if kept:
        assert key.split("?")[0].endswith(url.split("?")[0])


def test_the_cache_keeps_up_to_its_size():
    cache = KeptCompressed()
    cache.set("zstd;" + NOT_KEPT, b"x")
    assert cache.get("zstd;" + NOT_KEPT) is None
    cache.set("zstd;/a.js?m=1", b"a" * (MAX_BYTES - 10))
    cache.set("zstd;/b.js?m=1", b"b" * 11)  # would pass the cap: not kept
    assert cache.get("zstd;/a.js?m=1") and cache.get("zstd;/b.js?m=1") is None
    assert cache.size == MAX_BYTES - 10


@pytest.mark.parametrize("encoding", ["zstd", "br", "gzip"])
def test_a_bundle_is_compressed_once_and_served_the_same(shipped, encoding):
    app = create_app(record=shipped)
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    url = next(u for u in re.findall(r'data-src="([^"]+)"', page) if "plotly" in u)
    answers = []
    for _ in range(2):
        response = client.get(url, headers={"Accept-Encoding": encoding})
        answers.append((response.headers.get("Content-Encoding"), response.get_data()))
    assert answers[0] == answers[1] and answers[0][0] == encoding
    cache = next(
        f.__self__.cache
        for f in app.server.after_request_funcs[None]
        if isinstance(getattr(getattr(f, "__self__", None), "cache", None), KeptCompressed)
    )
    assert any(key.startswith(f"{encoding};") and "plotly" in key for key in cache.kept)
    assert not any("_dash-layout" in key for key in cache.kept)


def test_a_part_of_a_file_is_never_kept_for_the_whole(shipped):
    client = create_app(record=shipped).server.test_client()
    page = client.get("/").get_data(as_text=True)
    url = next(u for u in re.findall(r'data-src="([^"]+)"', page) if "plotly" in u)
    zstd = {"Accept-Encoding": "zstd"}
    part = client.get(url, headers=zstd | {"Range": "bytes=0-199999"})
    part.get_data()
    whole = client.get(url, headers=zstd)
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert part.status_code == 206 and whole.status_code == 200
    assert len(plain.get_data()) > 1_000_000  # the whole bundle, not the part asked first
    assert whole.headers["Content-Encoding"] == "zstd"
    assert codecs.zstd.decompress(whole.get_data()) == plain.get_data()
