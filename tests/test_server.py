"""The production server: `explorer serve` (waitress in forked processes) and its options."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from explorer.app import create_app

# Servers, subprocesses, wheels or many generated cases: in `make test`, not `make check`.
pytestmark = pytest.mark.integration


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


def free_port() -> int:
    """Return a loopback port that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serving(args: list[str]) -> Iterator[str]:
    """Run `explorer serve ARGS` (with --port in ARGS), yield its base URL, then stop it."""
    port = int(args[args.index("--port") + 1])
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "serve", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):  # wait for the port, without an HTTP request that warms a worker
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("explorer serve did not listen within 30 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    yield from start_serving(["--workers", "2", "--port", str(free_port())])


def test_every_worker_serves_every_script_before_any_page(served, shipped):
    # A worker that has not rendered a page yet must still serve the bundles: ask for them
    # first (their URLs from an in-process app of the same versions), then for the page.
    page = create_app(record=shipped).server.test_client().get("/").get_data(as_text=True)
    # Scripts, and those the first view runs after its paint (explorer/app/first_view.py).
    scripts = re.findall(r'(?:<script src|<script defer src|data-src)="([^"]+)"', page)
    assert scripts
    # All at once, as a browser does: several threads of a fresh worker start together.
    urls = [served + src for _ in range(3) for src in scripts]
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(status_of, urls))
    assert statuses == [200] * len(urls)


def test_waitress_serves_with_safe_headers(served):
    with urllib.request.urlopen(served + "/healthz") as resp:
        assert resp.headers["Server"] == "explorer"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_a_taken_port_is_one_clear_line_and_a_non_zero_exit():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "explorer", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"127.0.0.1:{port}" in lines[0] and "--port" in lines[0] and "make run ARGS=" in lines[0]


def test_port_comes_from_the_environment_unless_given():
    port = free_port()
    env = {**os.environ, "PORT": str(port)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "serve", "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):
            try:
                assert status_of(f"http://127.0.0.1:{port}/healthz") == 200
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("explorer serve did not answer on $PORT within 30 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_bad_port_variable_is_refused():
    env = {**os.environ, "PORT": "eighty"}
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "serve"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "$PORT is 'eighty': expected a port number 1-65535"
