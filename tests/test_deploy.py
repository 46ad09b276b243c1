"""Deployment settings: a base path in Dash's form, origins allowed to frame the embed view."""

from __future__ import annotations

import pytest

from explorer.deploy import base_path, frame_ancestors


@pytest.mark.parametrize(
    ("text", "path"),
    [("", "/"), ("/", "/"), ("explorer", "/explorer/"), ("/explorer", "/explorer/"),
     ("/a/b/", "/a/b/"), (" /tools//explorer/ ", "/tools/explorer/")],
)  # fmt: skip
def test_base_path_is_normalised(text, path):
    assert base_path(text) == path


@pytest.mark.parametrize("text", ["/ex plorer/", "/a?b", "/x#y", "/%2e/", '/"/'])
def test_base_path_refuses_what_a_url_would_escape(text):
    with pytest.raises(ValueError, match="is not a path"):
        base_path(text)


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        ("", ()),
        ("https://news.example.org", ("https://news.example.org",)),
        (
            "https://a.example/ http://b.example:8080",
            ("https://a.example", "http://b.example:8080"),
        ),
        ("https://*.example.com,'self'", ("https://*.example.com", "'self'")),
        ("https://a.example https://a.example", ("https://a.example",)),
    ],
)
def test_frame_ancestors_are_origins(text, origins):
    assert frame_ancestors(text) == origins


@pytest.mark.parametrize(
    "text", ["*", "news.example.org", "https://a.example/path", "https://a.example; script-src *",
             "'none'", "javascript:alert(1)", "https://a.example:99999x"],
)  # fmt: skip
def test_frame_ancestors_refuse_anything_else(text):
    with pytest.raises(ValueError, match="is not an origin"):
        frame_ancestors(text)
