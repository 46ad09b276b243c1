"""A bounded load test on loopback: N clients change filters, open events and export.

Starts `explorer serve` (waitress) on a free loopback port, runs for a fixed time, stops by
itself and prints requests/s, p50/p95 latency and errors per request type. Never targets
anything but 127.0.0.1.

    .venv/bin/python benchmarks/loadtest.py --clients 50 --seconds 60 --workers 2
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from datetime import UTC, datetime

QUERIES = [
    "",
    "?leader=Xi+Jinping",
    "?decade=2010s",
    "?kind=visit&decade=1990s",
    "?q=gas",
    "?q=%D0%A5%D1%80%D1%83%D1%89%D1%91%D0%B2",
    "?abstract=1",
    "?host=virtual",
    "?leader=Mao+Zedong&lanes=china",
    "?tag=SCO&color=pair",
]
EVENTS = [
    "2013-03-22-xi-putin-moscow",
    "1989-05-16-deng-gorbachev-meeting",
    "1950-02-14-sino-soviet-treaty",
    "2022-02-04-joint-statement-new-era",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render_body(deps: list[dict], search: str) -> bytes:
    """Return the page's render-callback request for a URL search string."""
    dep = next(d for d in deps if d["output"].startswith("..timeline.figure"))
    outputs = [
        dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
        for o in dep["output"][2:-2].split("...")
    ]
    body = {
        "output": dep["output"],
        "outputs": outputs,
        "changedPropIds": ["url.search"],
        "inputs": [{"id": "url", "property": "search", "value": search}],
        # Its states (the grid's rows request) as a page that has not scrolled sends them.
        "state": [{**s, "value": None} for s in dep.get("state", [])],
    }
    return json.dumps(body).encode()


def request(url: str, data: bytes | None = None) -> int:
    req = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"}
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            resp.read()
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return 0  # connection error or timeout


def client(base: str, deps: list[dict], until: float, seed: int, log: list) -> None:
    """Act like one user until `until`: filter (render callback), open an event, export."""
    rng = random.Random(seed)
    actions = {
        "page": lambda q: request(f"{base}/{q}"),
        "filter": lambda q: request(f"{base}/_dash-update-component", render_body(deps, q)),
        "event": lambda q: request(
            f"{base}/_dash-update-component",
            render_body(deps, (q + "&" if q else "?") + f"event={rng.choice(EVENTS)}"),
        ),
        "export-csv": lambda q: request(f"{base}/export/events.csv{q}"),
        "export-xlsx": lambda q: request(f"{base}/export/events.xlsx{q}"),
    }
    weights = {"page": 1, "filter": 6, "event": 4, "export-csv": 2, "export-xlsx": 1}
    while time.monotonic() < until:
        name = rng.choices(list(weights), weights=list(weights.values()))[0]
        start = time.perf_counter()
        status = actions[name](rng.choice(QUERIES))
        log.append((name, status, time.perf_counter() - start))


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "explorer",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):  # wait up to 20 s for the health check
            if request(f"{base}/healthz") == 200:
                break
            time.sleep(0.2)
        else:
            print("server did not start", file=sys.stderr)
            return 1
        deps = json.load(urllib.request.urlopen(f"{base}/_dash-dependencies"))
        log: list = []
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(base, deps, until, i, log))
            for i in range(args.clients)
        ]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(log, elapsed, args)
    return 0


def report(log: list, elapsed: float, args: argparse.Namespace) -> None:
    """Print the machine, the date and a table of figures per request type."""
    with open("/proc/cpuinfo") as info:
        names = [line.split(":", 1)[1].strip() for line in info if line.startswith("model name")]
    cpu = names[0] if names else platform.processor()
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.platform()} · {cpu} · "
        f"{args.clients} clients · {args.seconds:g} s · waitress {args.workers} processes"
    )
    print("| request | count | req/s | p50 ms | p95 ms | 4xx | 5xx | errors |")
    print("|---|---|---|---|---|---|---|---|")
    groups: dict[str, list] = defaultdict(list)
    for name, status, seconds in log:
        groups[name].append((status, seconds))
        groups["all"].append((status, seconds))
    for name, rows in groups.items():
        times = [s * 1000 for _, s in rows]
        codes = [c for c, _ in rows]
        print(
            f"| {name} | {len(rows)} | {len(rows) / elapsed:.1f} | {pct(times, 50):.0f} | "
            f"{pct(times, 95):.0f} | {sum(400 <= c < 500 for c in codes)} | "
            f"{sum(c >= 500 for c in codes)} | {sum(c == 0 for c in codes)} |"
        )


if __name__ == "__main__":
    sys.exit(main())
