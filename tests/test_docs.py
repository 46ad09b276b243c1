"""The README is checked against the code: its formats, example URLs and commands work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explorer.app import create_app
from explorer.exports import FORMATS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"^\| `([a-z.]+)` \|.*?\| `(/export/events\.[^`]+)`", README, re.M)


def test_readme_lists_every_format_with_an_example():
    assert [fmt for fmt, _ in EXAMPLES] == list(FORMATS)


@pytest.fixture(scope="module")
def client(shipped):
    return create_app(record=shipped).server.test_client()


@pytest.mark.parametrize(("fmt", "url"), EXAMPLES)
def test_readme_example_urls_download(client, fmt, url):
    resp = client.get(url)
    assert resp.status_code == 200 and resp.data
    assert resp.headers["Content-Disposition"].endswith(f'.{fmt}"')


@pytest.mark.parametrize("target", ["run", "test"])
def test_readme_commands_are_make_targets(target):
    assert f"make {target}" in README
    assert re.search(rf"^{target}:", (ROOT / "Makefile").read_text(), re.M)
