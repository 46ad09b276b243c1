"""What a user feels on the timeline, measured in one run: this tree, an earlier commit and
vis-timeline on the same rows.

Run `.venv/bin/python benchmarks/feel.py [--compare REF] [--runs N]`. For each target, in headless
Chromium (Debian's), at desktop (1440×900) and phone (390×844) sizes:
- first draw: navigation to the timeline drawn (the app's data-rendered-events signal);
- busy after draw: main-thread time in long tasks (≥ 50 ms) in the 5 s after the first draw;
- CLS: cumulative layout shift (no recent input) from navigation to 5 s after the draw;
- filter / all again / Reset: a click to the redraw, and long tasks in the 5 s after;
- wheel: six notches 80 ms apart, dispatched in the page; the slowest notch's time to the next
  frame, and the server requests made while the gesture lasted.
vis-timeline (tests/js) draws the app's own vis.json export of the record. Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
VIS = ROOT / "tests" / "js" / "node_modules" / "vis-timeline"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    *("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"),
    *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
]
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
AFTER_MS = 5000

# Before any page script: long tasks, layout shifts and Dash requests, from navigation on.
INIT = """window.__long = []; window.__cls = []; window.__requests = 0;
new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime,
  e.duration]))).observe({type: 'longtask', buffered: true});
new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput)
  window.__cls.push([e.startTime, e.value]); })).observe({type: 'layout-shift', buffered: true});
const realFetch = window.fetch;
window.fetch = function (...a) { if (String(a[0] && a[0].url || a[0]).includes('_dash-update'))
  window.__requests++; return realFetch.apply(this, a); };"""
DRAWN = """([want]) => { const box = document.getElementById('timeline-box');
  const count = document.getElementById('event-count');
  const ok = box && box.getAttribute('data-rendered-events') === String(want) && count
    && count.textContent.startsWith(want + ' of ');
  if (ok && window.__drawnAt === undefined) window.__drawnAt = performance.now();
  return ok; }"""
VIS_DRAWN = """() => { const ok = document.querySelectorAll('.vis-item').length > 0;
  if (ok && window.__drawnAt === undefined) window.__drawnAt = performance.now(); return ok; }"""
BUSY = (
    """([a, b]) => window.__long.filter(([s]) => s >= a && s < b).reduce((t, [, d]) => t + d, 0)"""
)
CLS = """(b) => window.__cls.filter(([s]) => s < b).reduce((t, [, v]) => t + v, 0)"""
WHEEL = """async (selector) => {
  const el = document.querySelector(selector); const r = el.getBoundingClientRect();
  const sent = window.__requests; const frames = [];
  for (let i = 0; i < 6; i++) { const t0 = performance.now();
    el.dispatchEvent(new WheelEvent('wheel', {deltaY: -120, bubbles: true, cancelable: true,
      clientX: r.left + r.width * 0.6, clientY: r.top + r.height / 2}));
    await new Promise((f) => requestAnimationFrame(() => f()));
    frames.push(performance.now() - t0);
    await new Promise((f) => setTimeout(f, 80)); }
  return {frame_max: Math.max(...frames), frame_median: frames.sort((a, b) => a - b)[3],
          requests: window.__requests - sent}; }"""


def serve_tree(tree: Path) -> tuple[subprocess.Popen, str]:
    """Serve the explorer of a source tree (its own data) on a loopback port, in a child."""
    code = (
        "import sys, logging; sys.path.insert(0, sys.argv[1]);"
        "from werkzeug.serving import make_server; from explorer.app import create_app;"
        "logging.getLogger('werkzeug').setLevel(logging.ERROR);"
        "s = make_server('127.0.0.1', 0, create_app().server, threaded=True);"
        "print(s.server_port, flush=True); s.serve_forever()"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(tree)], stdout=subprocess.PIPE)
    port = child.stdout.readline().decode().strip()
    return child, f"http://127.0.0.1:{port}"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # one line per request is noise here
        return


def vis_page(app_url: str, folder: Path) -> str:
    """Write a page that draws the app's vis.json export with vis-timeline; return its URL."""
    doc = json.load(urlopen(f"{app_url}/export/events.vis.json"))
    for name in (
        "standalone/umd/vis-timeline-graph2d.min.js",
        "styles/vis-timeline-graph2d.min.css",
    ):
        (folder / Path(name).name).write_bytes((VIS / name).read_bytes())
    (folder / "vis.html").write_text(
        '<!doctype html><html><head><link rel="stylesheet" href="vis-timeline-graph2d.min.css">'
        '<script src="vis-timeline-graph2d.min.js"></script></head><body><div id="vis"></div>'
        f"<script>const doc = {json.dumps(doc)};"
        "new vis.Timeline(document.getElementById('vis'), new vis.DataSet(doc.items),"
        " new vis.DataSet(doc.groups), {stack: true, height: '470px'});</script></body></html>"
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/vis.html"


def _click_redraw(page: Page, selector: str, text: str | None, want: int) -> dict:
    """Return ms from a click to the redraw showing `want` events, and busy ms after it."""
    page.evaluate("window.__drawnAt = undefined")
    start = page.evaluate("performance.now()")
    target = page.locator(selector, has_text=text) if text else page.locator(selector)
    target.first.click()
    page.wait_for_function(DRAWN, arg=[want], polling="raf", timeout=60_000)
    drawn = page.evaluate("window.__drawnAt")
    page.wait_for_timeout(AFTER_MS)
    return {"ms": drawn - start, "busy": page.evaluate(BUSY, [drawn, drawn + AFTER_MS])}


def measure_app(page: Page, url: str, total: int, decade_count: int, full: bool) -> dict:
    """Return the load, the filter round trip, Reset and a wheel gesture on the app."""
    page.goto(url, wait_until="commit")
    page.wait_for_function(DRAWN, arg=[total], polling="raf", timeout=60_000)
    drawn = page.evaluate("window.__drawnAt")
    page.wait_for_timeout(AFTER_MS)
    out = {
        "draw": drawn,
        "busy": page.evaluate(BUSY, [drawn, drawn + AFTER_MS]),
        "cls": page.evaluate(CLS, drawn + AFTER_MS),
    }
    if not full:
        return out
    out["filter"] = _click_redraw(page, "#filter-decades label", "1990s", decade_count)
    out["all"] = _click_redraw(page, "#filter-decades label", "1990s", total)
    page.locator("#filter-decades label", has_text="1990s").click()
    page.wait_for_function(DRAWN, arg=[decade_count], polling="raf", timeout=60_000)
    out["reset"] = _click_redraw(page, "#filter-reset", None, total)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(1000)  # what the scroll itself sets off is not the gesture's
    out["wheel"] = page.evaluate(WHEEL, "#timeline .nsewdrag")
    return out


def measure_vis(page: Page, url: str) -> dict:
    """Return vis-timeline's first draw, busy time and CLS, and a wheel gesture."""
    page.goto(url, wait_until="commit")
    page.wait_for_function(VIS_DRAWN, polling="raf", timeout=60_000)
    drawn = page.evaluate("window.__drawnAt")
    page.wait_for_timeout(AFTER_MS)
    return {
        "draw": drawn,
        "busy": page.evaluate(BUSY, [drawn, drawn + AFTER_MS]),
        "cls": page.evaluate(CLS, drawn + AFTER_MS),
        "wheel": page.evaluate(WHEEL, ".vis-center"),
    }


def _counts(url: str) -> tuple[int, int]:
    """Return the app's number of events, and of events in the 1990s (from its own exports)."""
    total = json.load(urlopen(f"{url}/healthz"))["events"]
    return total, len(json.load(urlopen(f"{url}/export/events.json?decade=1990s"))["events"])


def run(targets: dict[str, str], runs: int) -> dict:
    """Return each target's figures per size: the median of `runs` fresh pages."""
    results: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for name, url in targets.items():
            counts = None if name == "vis-timeline" else _counts(url)
            for size, viewport in SIZES.items():
                samples = []
                for _ in range(runs):
                    context = browser.new_context(viewport=viewport)
                    context.add_init_script(INIT)
                    page = context.new_page()
                    if counts is None:
                        samples.append(measure_vis(page, url))
                    else:
                        samples.append(measure_app(page, url, *counts, full=size == "desktop"))
                    context.close()
                results[(name, size)] = _median(samples)
        browser.close()
    return results


def _median(samples: list[dict]) -> dict:
    """Return the median of each (nested) figure over the samples."""
    first = samples[0]
    return {
        k: _median([s[k] for s in samples])
        if isinstance(v, dict)
        else statistics.median(s[k] for s in samples)
        for k, v in first.items()
    }


def _f(value: object, unit: str = "ms") -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if unit == "cls" else f"{value:,.0f} ms"


def report(results: dict, info: str) -> str:
    """Return the Markdown tables of the figures."""
    lines = [
        info,
        "",
        "| target | size | first draw | busy 5 s after | CLS |",
        "|---|---|---|---|---|",
    ]
    for (name, size), r in results.items():
        lines.append(
            f"| {name} | {size} | {_f(r['draw'])} | {_f(r['busy'])} | {_f(r['cls'], 'cls')} |"
        )
    lines += [
        "",
        "| target (desktop) | filter redraw | all again | busy 5 s after | Reset | busy 5 s after "
        "| wheel: slowest frame | median frame | requests during |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for (name, size), r in results.items():
        if size != "desktop":
            continue
        f, a, z, w = r.get("filter", {}), r.get("all", {}), r.get("reset", {}), r["wheel"]
        lines.append(
            f"| {name} | {_f(f.get('ms'))} | {_f(a.get('ms'))} | {_f(a.get('busy'))} "
            f"| {_f(z.get('ms'))} | {_f(z.get('busy'))} | {_f(w['frame_max'])} "
            f"| {_f(w['frame_median'])} | {w['requests']:.0f} |"
        )
    return "\n".join(lines)


def _machine() -> str:
    load = os.getloadavg()[0]
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load:.2f}, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", metavar="REF", help="also measure this git commit")
    parser.add_argument("--runs", type=int, default=3, help="fresh pages per target and size")
    args = parser.parse_args(argv)
    children, targets = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        child, targets["this tree"] = serve_tree(ROOT)
        children.append(child)
        if args.compare:
            tree = Path(tmp) / "compare"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                            str(tree), args.compare], check=True)  # fmt: skip
            child, targets[args.compare] = serve_tree(tree)
            children.append(child)
        targets["vis-timeline"] = vis_page(targets["this tree"], Path(tmp))
        try:
            start = time.perf_counter()
            results = run(targets, args.runs)
            info = f"{_machine()}; {args.runs} runs, medians; {time.perf_counter() - start:.0f} s"
            print(report(results, info))
        finally:
            for child in children:
                child.terminate()
            if args.compare:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                str(Path(tmp) / "compare")], check=False)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
