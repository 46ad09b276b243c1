"""Slow clients on loopback: `/healthz` keeps answering while 200 connections trickle in.

Bounded: 200 connections to 127.0.0.1 only, held for a few seconds, one byte each per second;
the whole module takes well under a minute.
"""

from __future__ import annotations

import contextlib
import socket
import time
import urllib.request
from collections.abc import Iterator

import pytest

from tests.test_server import free_port, start_serving

# Servers, subprocesses, wheels or many generated cases: in `make test`, not `make check`.
pytestmark = pytest.mark.integration

SLOW = 200  # connections held open at once
HELD = 8.0  # seconds they trickle before /healthz is asked
HEALTH_WITHIN = 5.0  # seconds /healthz may take while they are held

# What each slow connection sends at once, then one byte per second.
OPENINGS = {
    "headers": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n",
    "body": b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
}


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    yield from start_serving(["--workers", "2", "--port", str(free_port())])


def _trickle(socks: list[socket.socket], seconds: float) -> None:
    """Send one byte per second on every connection for `seconds` (closed ones are skipped)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for s in socks:
            # The server may close a connection it finds too slow: that is allowed.
            with contextlib.suppress(OSError):
                s.send(b"X")
        time.sleep(1.0)


@pytest.mark.parametrize("kind", list(OPENINGS))
def test_healthz_answers_while_slow_clients_hold_connections(served, kind):
    host, port = served.removeprefix("http://").split(":")
    socks = []
    try:
        for _ in range(SLOW):
            s = socket.create_connection((host, int(port)), timeout=5)
            s.sendall(OPENINGS[kind])
            socks.append(s)
        _trickle(socks, HELD)
        started = time.monotonic()
        with urllib.request.urlopen(served + "/healthz", timeout=HEALTH_WITHIN) as resp:
            assert resp.status == 200
        took = time.monotonic() - started
        print(f"{kind}: /healthz in {took * 1000:.0f} ms with {len(socks)} slow connections")
    finally:
        for s in socks:
            s.close()
