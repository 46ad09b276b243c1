"""Benchmark the explorer at growing sizes: page load, filter redraw, bytes, server time, memory.

Run `.venv/bin/python benchmarks/bench.py [--sizes shipped,1000,10000,100000] [--runs 3]`.
`shipped` is the record in data/; a number N is a synthetic dataset of N events
(explorer.synth, seed 0) written to a temporary folder. Each size is measured in a fresh child
process (so its memory figures are its own): the app is built, the pure core timed in-process,
then the app is served on a loopback port and loaded in headless Chromium (Playwright).
Prints a Markdown report; `--json FILE` also keeps the raw figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from plotly.io.json import to_json_plotly
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent))  # first_paint.py, feel.py

from explorer import synth
from explorer.app import create_app
from explorer.app.factory import load_app_record as load_record
from explorer.event_list import event_list
from explorer.figure import timeline_figure
from explorer.filters import vocabulary
from explorer.schema import DEFAULT_DATA_DIR
from explorer.table import BLOCK_SIZE, row_index, table_page
from explorer.view import open_view

SHIPPED = "shipped"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The flags of tests/browser/conftest.py: offline, container-friendly (runs as root).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 1000}
DECADE = "1990s"
QUIET_MS = 500  # after a redraw, time for trailing requests to finish before bytes are summed
CORE_BUDGET_S = 60.0  # start no further pass over the queries once this much time is spent
CHILD_SLACK_S = 900  # a child may run this long beyond its page timeouts before it is killed
# Representative view queries for the server-side timings ({id} is an event in the middle).
QUERIES = (
    "",
    "?decade=1990s",
    "?decade=2010s",
    "?decade=1950s&decade=1960s",
    "?leader=Vladimir+Putin",
    "?leader=Xi+Jinping&decade=2010s",
    "?leader=Mao+Zedong&leader=Joseph+Stalin",
    "?kind=call",
    "?kind=visit&kind=summit",
    "?host=third-country",
    "?tag=energy",
    "?tag=SCO&tag=BRICS",
    "?q=moscow",
    "?q=путин",
    "?abstract=1",
    "?lanes=china",
    "?lanes=russia&color=pair",
    "?lanes=host",
    "?from=2000&to=2010",
    "?event={id}",
    "?decade=1980s&kind=summit&lanes=russia&event={id}",
)


def _percentile(values: list[float], q: int) -> float:
    """Return the q-th percentile (nearest rank) of values."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def _rss_mb() -> float:
    """Return this process's resident set size now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mb() -> float:
    """Return this process's peak resident set size so far, in MB (ru_maxrss is in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the pure core, in-process -------------------------------------------------------------


def _one_query(record, vocab, query: str) -> tuple[float, float, int]:
    """Return ms for a filter's server work (the render callback, and the table's first block
    of rows it makes the grid ask for), ms with Dash's JSON encoding, and the JSON bytes."""
    start = time.perf_counter()
    view = open_view(record, vocab, query)
    figure = timeline_figure(record, view.timeline, view.state)
    index = row_index(view.events, None, view.state.event)
    twin = event_list(view.events, view.state.event)
    rows = table_page(view.events, {"startRow": 0, "endRow": BLOCK_SIZE})
    core = time.perf_counter()
    # Dash encodes a callback's outputs with plotly's encoder: the figure dominates.
    body = to_json_plotly({"figure": figure, "index": index, "twin": twin, "rows": rows}).encode()
    done = time.perf_counter()
    return (core - start) * 1000, (done - start) * 1000, len(body)


def core_times(record, repeats: int) -> dict:
    """Return p50/p95 (ms) of the filter callback's core over QUERIES, alone and with JSON."""
    vocab = vocabulary(record)
    middle = record.events["id"].iloc[record.total // 2] if record.total else ""
    queries = [q.format(id=middle) for q in QUERIES]
    _one_query(record, vocab, "?decade=1990s")  # warm-up: the first figure pays for imports
    core, full, sizes = [], [], []
    start = time.perf_counter()
    for _ in range(repeats):
        if core and time.perf_counter() - start > CORE_BUDGET_S:
            break  # at 100,000 events one pass takes minutes: one pass is enough
        for query in queries:
            a, b, n = _one_query(record, vocab, query)
            core.append(a)
            full.append(b)
            sizes.append(n)
    return {
        "queries": len(queries),
        "samples": len(core),
        "core_p50_ms": _percentile(core, 50),
        "core_p95_ms": _percentile(core, 95),
        "json_p50_ms": _percentile(full, 50),
        "json_p95_ms": _percentile(full, 95),
        "json_p50_bytes": _percentile(sizes, 50),
        "json_max_bytes": max(sizes),
    }


# --- the page, in headless Chromium --------------------------------------------------------

# Drawn: the app's readiness signal says plotly drew `want` events (set on plotly_afterplot,
# so it holds for SVG and WebGL marks alike) AND the count reads 'M of N events'.
SHOWN = """([want, text]) => {
  const count = document.getElementById('event-count');
  const box = document.getElementById('timeline-box');
  return !!box && box.getAttribute('data-rendered-events') === String(want)
    && !!count && count.textContent === text;
}"""
# Polled by Playwright on every animation frame from the moment the navigation commits.
LOADED = f"""(args) => {{
  if (!({SHOWN})(args)) {{ return false; }}
  window.__drawnAt = performance.now();
  return true;
}}"""
# Started before a click: checks on every animation frame, so the time is not Playwright's.
WATCH = f"""(args) => {{
  window.__drawnAt = undefined; window.__clickAt = undefined; window.__stop = false;
  const tick = () => {{
    if (window.__stop) {{ return; }}
    if (({SHOWN})(args)) {{ window.__drawnAt = performance.now(); }}
    else {{ requestAnimationFrame(tick); }}
  }};
  requestAnimationFrame(tick);
}}"""
# Before any page script: note the first click, and every main-thread task of 50 ms or more.
INIT = """document.addEventListener('click', () => {
  if (window.__clickAt === undefined) { window.__clickAt = performance.now(); }
}, true);
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) { window.__longTasks.push([e.startTime, e.duration]); }
}).observe({type: 'longtask', buffered: true});"""
# Main-thread time spent in long tasks that started within [from, to) (ms since navigation).
BUSY = """([from, to]) => window.__longTasks
  .filter(([start]) => start >= from && start < to).reduce((sum, [, d]) => sum + d, 0)"""
# Where the load's time went, from the Navigation and Resource Timing entries (ms since start).
BREAKDOWN = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const ends = (rs) => Math.max(0, ...rs.map(r => r.responseEnd));
  const big = res.slice().sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
  return {
    time_origin: performance.timeOrigin,
    dom_ready_ms: nav.domContentLoadedEventEnd,
    load_event_ms: nav.loadEventEnd,
    scripts_end_ms: ends(res.filter(r => r.initiatorType === 'script')),
    callbacks_end_ms: ends(res.filter(r => r.name.includes('_dash-update-component'))),
    largest: big ? {name: big.name.split('/').pop().split('?')[0],
                    bytes: big.encodedBodySize, end_ms: big.responseEnd} : null,
  };
}"""


def _callback(req) -> dict:
    """Return which callback a request ran, its server time (ms) and its response bytes."""
    try:
        output = json.loads(req.post_data or "{}").get("output", "")
    except ValueError:
        output = ""
    # Request sent -> first byte back: the callback and its encoding, on the server.
    timing, response = req.timing, req.response()
    return {
        "output": output.strip(".").split("...")[0],
        "server_ms": timing["responseStart"] - timing["requestStart"],
        "end_epoch_ms": timing["startTime"] + timing["responseEnd"],
        "bytes": req.sizes()["responseBodySize"],
        "encoding": response.headers.get("content-encoding") if response else None,
    }


def _traffic(requests: list) -> dict:
    """Return bytes sent and received by `requests`, and what each Dash callback cost."""
    out = {"requests": len(requests), "sent": 0, "received": 0, "callbacks": []}
    for req in requests:
        sizes = req.sizes()
        out["sent"] += sizes["requestHeadersSize"] + sizes["requestBodySize"]
        out["received"] += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        if "_dash-update-component" in req.url:
            out["callbacks"].append(_callback(req))
    timeline = [c for c in out["callbacks"] if c["output"] == "timeline.figure"]
    others = [c["server_ms"] for c in out["callbacks"] if c["output"] != "timeline.figure"]
    out["render_ms"] = timeline[-1]["server_ms"] if timeline else None
    out["render_encoding"] = timeline[-1]["encoding"] if timeline else None
    out["render_end_epoch_ms"] = timeline[-1]["end_epoch_ms"] if timeline else None
    out["other_max_ms"] = max(others, default=None)
    return out


@dataclass
class Probe:
    """A page under measurement, its page-wait timeout and the requests it has finished."""

    page: Page
    timeout_s: float
    finished: list = field(default_factory=list)

    def since(self, mark: int, window: tuple[float, float]) -> dict:
        """Return the traffic after request `mark` and the long tasks within `window` (ms)."""
        busy = self.page.evaluate(BUSY, list(window))
        return _traffic(self.finished[mark:]) | {"busy_ms": busy}


def _load(probe: Probe, url: str, total: int) -> dict:
    """Return the time from navigation to the timeline drawn, and the load's traffic."""
    page, timeout_s = probe.page, probe.timeout_s
    mark, start = len(probe.finished), time.perf_counter()
    try:
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        left = timeout_s - (time.perf_counter() - start)
        page.wait_for_function(
            LOADED, arg=[total, f"{total} of {total} events"], polling="raf", timeout=left * 1000
        )
    except PlaywrightTimeout:
        # Nothing asked of the page here: a renderer still busy drawing would not answer.
        return {"status": "timeout", "after_s": timeout_s, **_traffic(probe.finished[mark:])}
    wall_ms = (time.perf_counter() - start) * 1000
    page.wait_for_timeout(QUIET_MS)
    drawn_ms = page.evaluate("window.__drawnAt")
    out = {"status": "ok", "drawn_ms": drawn_ms, "wall_ms": wall_ms, **page.evaluate(BREAKDOWN)}
    out |= probe.since(mark, (0, drawn_ms))
    if out["render_ms"] is not None:  # when the figure's data arrived, since navigation
        out["render_end_ms"] = out["render_end_epoch_ms"] - out["time_origin"]
    return out


def _filter(probe: Probe, want: int, total: int) -> dict:
    """Return the time from clicking the decade's box to the redraw showing `want` events."""
    page, timeout_ms = probe.page, probe.timeout_s * 1000
    page.evaluate(WATCH, [want, f"{want} of {total} events"])
    mark = len(probe.finished)
    try:
        page.locator("#filter-decades label", has_text=DECADE).click(timeout=timeout_ms)
        page.wait_for_function(
            "() => window.__drawnAt !== undefined", polling=50, timeout=timeout_ms
        )
    except PlaywrightTimeout:
        page.evaluate("window.__stop = true")
        return {"status": "timeout", "after_s": probe.timeout_s, **_traffic(probe.finished[mark:])}
    page.wait_for_timeout(QUIET_MS)
    click, drawn = page.evaluate("[window.__clickAt, window.__drawnAt]")
    return {"status": "ok", "drawn_ms": drawn - click, **probe.since(mark, (click, drawn))}


def browser_run(browser: Browser, url: str, total: int, narrow: int, timeout_s: float) -> dict:
    """Return one cold load, a filter, its removal and a warm load, in a fresh context."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(INIT)
    context.set_default_timeout(timeout_s * 1000)
    page = context.new_page()
    probe = Probe(page, timeout_s)
    errors: list[str] = []
    page.on("requestfinished", lambda r: probe.finished.append(r))
    page.on("pageerror", lambda e: errors.append(str(e)[:200]))
    page.on("console", lambda m: errors.append(m.text[:200]) if m.type == "error" else None)
    try:
        run = {"cold": _load(probe, url, total)}
        if run["cold"]["status"] == "ok":
            run["narrow"] = _filter(probe, narrow, total)
            if run["narrow"]["status"] == "ok":
                run["widen"] = _filter(probe, total, total)
            run["warm"] = _load(probe, url, total)
    finally:
        context.close()
    return run | {"errors": errors[:5]}


def browser_runs(url: str, total: int, narrow: int, runs: int, timeout_s: float) -> dict:
    """Return the Chromium version and `runs` browser runs (fewer after a timeout)."""
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        version = browser.version
        for _ in range(runs):
            results.append(browser_run(browser, url, total, narrow, timeout_s))
            if results[-1]["cold"]["status"] != "ok":
                break  # a load that timed out once will again: do not spend the time twice
        browser.close()
    return {"chromium": version, "runs": results}


# --- one size, in a child process ----------------------------------------------------------


def serve(app) -> tuple[object, str]:
    """Return a werkzeug server running `app` in a thread on a loopback port, and its URL."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request is noise
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def measure_size(data_dir: Path, runs: int, timeout_s: float, browser: bool) -> dict:
    """Return every figure for the dataset in `data_dir`: build, memory, core, page."""
    out: dict = {
        "rss_start_mb": _rss_mb(),
        "csv_mb": (data_dir / "events.csv").stat().st_size / 1e6,
        "loadavg_start": os.getloadavg()[0],  # other work on the machine skews every figure
    }
    start = time.perf_counter()
    record = load_record(data_dir)
    loaded = time.perf_counter()
    app = create_app(data_dir, record=record)  # the same path as create_app(data_dir)
    out |= {
        "events": record.total,
        "load_s": loaded - start,
        "build_s": time.perf_counter() - start,
        "rss_after_build_mb": _rss_mb(),
        "peak_after_build_mb": _peak_mb(),
    }
    out["core"] = core_times(record, runs)
    if browser:
        narrow = len(open_view(record, vocabulary(record), f"?decade={DECADE}").events)
        server, url = serve(app)
        out["narrow_events"] = narrow
        out["browser"] = browser_runs(url, record.total, narrow, runs, timeout_s)
        server.shutdown()
    out["peak_end_mb"] = _peak_mb()
    out["loadavg_end"] = os.getloadavg()[0]
    return out


# --- the parent: datasets, children, report ------------------------------------------------


def machine() -> dict:
    """Return what the figures were measured on, and when."""
    info = Path("/proc/cpuinfo").read_text() + Path("/proc/meminfo").read_text()
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": fields.get("model name\t", "unknown").strip(),
        "memory_gb": int(fields.get("MemTotal", "0 kB").split()[0]) / 1024**2,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": {m: version(m) for m in ("dash", "plotly", "pandas", "playwright")},
        "code": _git_state(),
    }


def _git_state() -> str:
    """Return the commit measured, marked when the working tree had uncommitted changes."""
    git = ["git", "-C", str(DEFAULT_DATA_DIR.parent)]
    try:
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True)
        dirty = subprocess.run([*git, "status", "--porcelain"], capture_output=True)
    except OSError:
        return "unknown"
    commit = head.stdout.decode().strip() or "unknown"
    return commit + (" with uncommitted changes" if dirty.stdout.strip() else "")


def run_child(data_dir: Path, args: argparse.Namespace, browser: bool) -> dict:
    """Return the figures a fresh child process measures for `data_dir` (or why it failed)."""
    with tempfile.TemporaryDirectory(prefix="bench-result-") as tmp:
        result = Path(tmp) / "result.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(data_dir)]
        cmd += ["--result", str(result), "--runs", str(args.runs), "--timeout", str(args.timeout)]
        cmd += [] if browser else ["--no-browser"]
        limit = args.runs * 4 * args.timeout + CHILD_SLACK_S
        # Its own session, so that on a hang the child, its driver and Chromium go together.
        child = subprocess.Popen(cmd, start_new_session=True)
        try:
            code = child.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            return {"error": f"killed after {limit:.0f} s"}
        if code != 0 or not result.is_file():
            return {"error": f"child exited with status {code}"}
        return json.loads(result.read_text())


def _browser_timed_out(res: dict) -> bool:
    runs = res.get("browser", {}).get("runs", [])
    return "error" in res or any(r[p]["status"] != "ok" for r in runs for p in r if p != "errors")


def measure_all(args: argparse.Namespace) -> list[dict]:
    """Return the figures for every size, skipping the browser above a size that timed out."""
    results: list[dict] = []
    skip = "not asked for" if args.no_browser else ""
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-data-") as tmp:
            start = time.perf_counter()
            data_dir = DEFAULT_DATA_DIR if size == SHIPPED else Path(tmp) / f"synthetic-{size}"
            if size != SHIPPED:
                synth.write_dataset(int(size), data_dir)
            written = time.perf_counter() - start
            print(f"bench: {size}: measuring{'' if not skip else ' (no browser)'}", file=sys.stderr)
            res = run_child(data_dir, args, browser=not skip)
        results.append(res | {"size": size, "synth_s": written, "browser_skipped": skip})
        if not skip and _browser_timed_out(res):
            skip = f"skipped: the page timed out at {size}"
    return results


def _median(res: dict, phase: str, key: str) -> float | str | None:
    """Return the median of `key` over the runs' `phase`, 'timeout', or None when not run."""
    runs = [r[phase] for r in res.get("browser", {}).get("runs", []) if phase in r]
    if any(r["status"] != "ok" for r in runs):
        return "timeout"
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def _secs(ms: float | str | None, timeout: float) -> str:
    if isinstance(ms, str):
        return f"timeout (> {timeout:g} s)"
    return "–" if ms is None else f"{ms / 1000:.2f} s"


def _mb(n: float | str | None) -> str:
    return "–" if n is None or isinstance(n, str) else f"{n / 1e6:.2f} MB"


def _ms(ms: float | str | None) -> str:
    return "–" if ms is None or isinstance(ms, str) else f"{ms:.0f} ms"


def _server_row(res: dict) -> str:
    if "error" in res:
        return f"| {res['size']} | {res['error']} |" + " |" * 6
    c = res["core"]
    cells = [
        f"{res['events']:,}",
        f"{res['csv_mb']:.1f} MB",
        f"{res['load_s']:.2f} s / {res['build_s']:.2f} s",
        f"{res['rss_start_mb']:.0f} → {res['rss_after_build_mb']:.0f} MB",
        f"{res['peak_end_mb']:.0f} MB",
        f"{c['core_p50_ms']:.0f} / {c['core_p95_ms']:.0f} ms",
        f"{c['json_p50_ms']:.0f} / {c['json_p95_ms']:.0f} ms",
        f"{c['json_p50_bytes'] / 1e6:.2f} / {c['json_max_bytes'] / 1e6:.2f} MB",
    ]
    return "| " + " | ".join(cells) + " |"


def _browser_row(res: dict, timeout: float) -> str:
    label = f"{res['events']:,}" if "events" in res else res["size"]
    if res.get("browser_skipped") or "browser" not in res:
        reason = res.get("browser_skipped") or res.get("error", "not run")
        return f"| {label} | {reason} |" + " |" * 9

    def m(phase: str, key: str) -> float | str | None:
        return _median(res, phase, key)

    cells = [
        label,
        _secs(m("cold", "drawn_ms"), timeout),
        f"{_secs(m('cold', 'scripts_end_ms'), timeout)}"
        f" / {_secs(m('cold', 'render_end_ms'), timeout)}",
        _secs(m("warm", "drawn_ms"), timeout),
        f"{_mb(m('cold', 'received'))} / {_mb(m('warm', 'received'))}",
        f"{_secs(m('narrow', 'drawn_ms'), timeout)} ({res.get('narrow_events', 0):,} events)",
        _mb(m("narrow", "received")),
        f"{_ms(m('narrow', 'render_ms'))} / {_ms(m('narrow', 'other_max_ms'))}",
        _secs(m("widen", "drawn_ms"), timeout),
        _mb(m("widen", "received")),
        f"{_ms(m('widen', 'render_ms'))} / {_ms(m('widen', 'other_max_ms'))}",
    ]
    return "| " + " | ".join(cells) + " |"


def _runs(results: list[dict]) -> list[dict]:
    return [run for res in results for run in res.get("browser", {}).get("runs", [])]


def _header(info: dict, results: list[dict], args: argparse.Namespace) -> list[str]:
    """Return the report's opening lines: date, machine, versions, code and command."""
    chromium = next((r["browser"]["chromium"] for r in results if "browser" in r), "not run")
    versions = ", ".join(f"{k} {v}" for k, v in info["versions"].items())
    return [
        f"Measured {info['date']} on {info['nproc']} CPUs ({info['cpu']}),"
        f" {info['memory_gb']:.0f} GB RAM, {info['platform']}; Python {info['python']},"
        f" {versions}, Chromium {chromium} headless. Code: {info['code']}.",
        "",
        f"Command: `{' '.join(['.venv/bin/python benchmarks/bench.py', args.command]).strip()}`",
    ]


def _server_table(results: list[dict]) -> list[str]:
    """Return the in-process table: build time, memory and the callback core's percentiles."""
    return [
        "Server, in-process (callback core = what one filter costs the server: open_view,"
        " timeline_figure, the twin list, the chosen row's index and the table's first block,"
        f" over {len(QUERIES)} queries; with JSON = plus plotly's encoder, as Dash sends it):",
        "",
        "| events | events.csv | load data / build app (total) | RSS before → after build"
        " | peak RSS"
        " | callback core p50 / p95 | with JSON p50 / p95 | JSON p50 / max (uncompressed) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(_server_row(r) for r in results),
    ]


def _browser_table(results: list[dict], args: argparse.Namespace) -> list[str]:
    """Return the page table: loads, filters, bytes on the wire and the render callback."""
    encodings = {
        str(run[p].get("render_encoding"))
        for run in _runs(results)
        for p in ("cold", "narrow", "widen")
        if p in run and run[p].get("render_ms") is not None
    }
    return [
        f"Browser (medians of up to {args.runs} runs; cold = fresh context, empty cache; drawn ="
        " the timeline box's data-rendered-events (set on plotly_afterplot) equals N and the"
        " count reads 'N of N events'; bytes as received"
        " on the loopback, callback responses encoded:"
        f" {', '.join(sorted(encodings)) or 'not seen'}):",
        "",
        "| events | cold load: drawn | scripts in / figure data in | warm load: drawn"
        f" | received cold / warm | filter {DECADE}: drawn | received | server: timeline /"
        " slowest other callback | clear filter: drawn | received | server: timeline / other |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(_browser_row(r, args.timeout) for r in results),
    ]


def _busy_table(results: list[dict], timeout: float) -> list[str]:
    """Return how much of each phase the page's main thread spent in long tasks."""
    phases = ("cold", "narrow", "widen", "warm")
    rows = [
        f"| {r['events']:,} | "
        + " | ".join(_secs(_median(r, p, "busy_ms"), timeout) for p in phases)
        + " |"
        for r in results
        if "browser" in r
    ]
    return [
        "Of those times, main-thread time in long tasks (≥ 50 ms: script, layout, paint) before"
        " the redraw was seen (medians):",
        "",
        f"| events | cold load | filter {DECADE} | clear filter | warm load |",
        "|---:|---:|---:|---:|---:|",
        *rows,
    ]


def _load_line(results: list[dict]) -> str:
    loads = [
        f"{r['size']} {r['loadavg_start']:.1f} → {r['loadavg_end']:.1f}"
        for r in results
        if "loadavg_start" in r
    ]
    return "1-minute load average at the start → end of each size: " + "; ".join(loads) + "."


def report(info: dict, results: list[dict], args: argparse.Namespace) -> str:
    """Return the Markdown report: machine, date, command, the tables and the machine's load."""
    lines = [*_header(info, results, args), "", *_server_table(results), ""]
    lines += [*_browser_table(results, args), "", *_busy_table(results, args.timeout)]
    lines += ["", _load_line(results)]
    errors = {e for run in _runs(results) for e in run["errors"]}
    if errors:
        lines += ["", "Console errors seen: " + "; ".join(sorted(errors))]
    return "\n".join(lines)


def first_paint_report(info: dict, args: argparse.Namespace) -> str:
    """Return the Markdown report of benchmarks/first_paint.py for every size."""
    import first_paint  # the browser harness beside this file; only this mode needs it

    paint, start = list(first_paint.PAINT_HEAD), list(first_paint.START_HEAD)
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-data-") as tmp:
            data_dir = DEFAULT_DATA_DIR if size == SHIPPED else Path(tmp) / f"synthetic-{size}"
            if size != SHIPPED:
                synth.write_dataset(int(size), data_dir)
                start += first_paint.start_table(
                    f"{int(size):,} events", first_paint.starts(data_dir)
                )
            record = load_record(data_dir)
            server, url = serve(create_app(data_dir, record=record))
            label = f"{record.total:,} events"
            paint += first_paint.paint_table(label, first_paint.run(url, record.total, args.runs))
            server.shutdown()
    head = f"Run: {info['date']}, commit {info['code']}, {info['cpu']}, {info['nproc']} CPUs, "
    head += f"Python {info['python']}; {args.runs} cold loads each, medians"
    return "\n".join([head, "", *paint, "", *(start if len(start) > 2 else [])])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: [s.strip() for s in text.split(",") if s.strip()],
        default=[SHIPPED, "1000", "10000", "100000"],
        help=f"comma-separated: '{SHIPPED}' (data/) or a number of synthetic events",
    )
    parser.add_argument("--runs", type=int, default=3, help="browser runs per size (default 3)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per page wait")
    parser.add_argument("--json", type=Path, help="also write the raw figures to this file")
    parser.add_argument("--no-browser", action="store_true", help="server-side figures only")
    parser.add_argument(
        "--first-paint",
        action="store_true",
        help="first paint, interactive and vis-timeline on the same rows (first_paint.py)"
        "; a synthetic size also times two starts with an empty record cache",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # one size, internal
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Return 0 after measuring every size and printing the report."""
    args = _parser().parse_args(argv)
    args.command = shlex.join(sys.argv[1:] if argv is None else argv)
    bad = [s for s in args.sizes if s != SHIPPED and not s.isdigit()]
    if bad or args.runs < 1 or args.timeout <= 0:
        _parser().error(f"sizes are '{SHIPPED}' or whole numbers; runs and timeout positive")
    if args.child:
        figures = measure_size(args.child, args.runs, args.timeout, not args.no_browser)
        args.result.write_text(json.dumps(figures, indent=1))
        return 0
    info = machine()
    if args.first_paint:
        print(first_paint_report(info, args))
        return 0
    results = measure_all(args)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=1))
    print(report(info, results, args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
