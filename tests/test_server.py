"""The production server: `explorer serve` under gunicorn with several workers."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from explorer.app import create_app


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


@pytest.fixture(scope="module")
def served() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "serve", "--workers", "2", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):  # wait for the port, without an HTTP request that warms a worker
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("explorer serve did not listen within 30 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_every_worker_serves_every_script_before_any_page(served, shipped):
    # A worker that has not rendered a page yet must still serve the bundles: ask for them
    # first (their URLs from an in-process app of the same versions), then for the page.
    page = create_app(record=shipped).server.test_client().get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts
    # All at once, as a browser does: several threads of a fresh worker start together.
    urls = [served + src for _ in range(3) for src in scripts]
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(status_of, urls))
    assert statuses == [200] * len(urls)


def test_gunicorn_serves_with_safe_headers(served):
    with urllib.request.urlopen(served + "/healthz") as resp:
        assert resp.headers["Server"].startswith("gunicorn")
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
