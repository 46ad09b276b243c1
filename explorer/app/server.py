"""Serve a built app: waitress in N forked processes; Flask's development server only for --debug.

Waitress reads every request whole on its event loop before a worker thread sees it, so a
client that sends its headers or body one byte a second holds a socket, never a thread. A
request that is still arriving after READ_TIMEOUT seconds is dropped; an idle keep-alive
connection after IDLE_TIMEOUT.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time

from dash import Dash
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

READ_TIMEOUT = 20  # seconds a request may take to arrive whole (headers and body)
IDLE_TIMEOUT = 60  # seconds an idle keep-alive connection stays open
CONNECTIONS = 2000  # open connections per process before it stops accepting
THREADS = 4  # request threads per process
BACKLOG = 1024


class PortInUse(Exception):
    """The address to bind is taken; the message says which and how to pick another."""


class _Channel(HTTPChannel):
    """A connection that remembers when the request it is reading began to arrive."""

    reading_since: float | None = None

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.reading_since = time.monotonic()
        done = super().received(data)
        if self.request is None:  # every request it carried arrived whole
            self.reading_since = None
        return done


class _Server(TcpWSGIServer):
    """Waitress's server, also closing connections whose request arrives too slowly."""

    channel_class = _Channel

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = time.monotonic() - READ_TIMEOUT
        for channel in list(self.active_channels.values()):
            since = getattr(channel, "reading_since", None)
            if since is not None and since < cutoff:
                channel.will_close = True  # waitress closes it on its next loop


def bind(host: str, port: int) -> socket.socket:
    """Return a listening socket on host:port, or raise PortInUse saying how to pick another."""
    try:
        return socket.create_server((host, port), backlog=BACKLOG, reuse_port=False)
    except OSError as exc:
        raise PortInUse(
            f"Cannot serve on {host}:{port}: {exc.strerror or exc}. Pick another port: "
            f'explorer serve --port {port + 11} (or make run ARGS="--port {port + 11}").'
        ) from None


def _run_one(app: Dash, sock: socket.socket) -> None:
    """Serve on `sock` in this process until interrupted."""
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(THREADS)
    server = _Server(
        app.server,
        map={},
        _sock=sock,
        dispatcher=dispatcher,
        bind_socket=False,
        sockinfo=(sock.family, sock.type, sock.proto, sock.getsockname()),
        threads=THREADS,
        connection_limit=CONNECTIONS,
        channel_timeout=IDLE_TIMEOUT,
        cleanup_interval=2,
        channel_request_lookahead=1,  # lets a streamed export see that its client left
        ident="explorer",
    )
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        dispatcher.shutdown(timeout=5)


def _fork(app: Dash, sock: socket.socket) -> int:
    pid = os.fork()
    if pid == 0:  # the child serves and never returns into the caller
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        code = 0
        try:
            _run_one(app, sock)
        except BaseException:
            code = 1
        os._exit(code)
    return pid


def _supervise(app: Dash, sock: socket.socket, workers: int) -> None:
    """Keep `workers` forked processes serving on `sock`; stop them all on SIGTERM or SIGINT."""
    children = {_fork(app, sock) for _ in range(workers)}
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        for pid in children:
            os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while children:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        children.discard(pid)
        if not stopping:  # a worker died: replace it
            print(f"worker {pid} exited; starting another", file=sys.stderr, flush=True)
            children.add(_fork(app, sock))


def serve(
    app: Dash, sock: socket.socket | None, host: str, port: int, *, workers: int, debug: bool
) -> None:
    """Serve `app` on the bound `sock` until interrupted (--debug: Flask's server on host:port)."""
    if debug:
        app.run(host=host, port=port, debug=True)
        return
    if workers <= 1:
        _run_one(app, sock)
    else:
        _supervise(app, sock, workers)
