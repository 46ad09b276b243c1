"""First paint and interactive, beside vis-timeline on the same rows; a second start at scale.

Run `.venv/bin/python benchmarks/bench.py --first-paint [--sizes shipped] [--runs 5]` (or this
file). For each size, the app is served in-process and opened cold (a fresh context) in
Debian's headless Chromium, with vis-timeline drawing the app's own vis.json export of the same
rows in the same run:
- first contentful paint (the browser's paint timing);
- first meaningful paint: the end of the first frame painted with the server-rendered SVG
  timeline laid out (for vis-timeline: with an item);
- drawn: plotly has drawn the view (the timeline box's data-rendered-events);
- interactive: Dash mounted and drawn, and the main thread's long tasks settled (the end of the
  last long task before 1 s without one);
- CLS from navigation to interactive.
`--start N` also times two starts of a fresh process loading N synthetic events with an empty
record cache (the first builds and writes it, the second reads it), with each one's RSS.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.error import HTTPError

from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from feel import ARGS, CHROMIUM, vis_page

SETTLE_MS = 1000  # no long task for this long after the draw: the page is interactive
VIEWPORT = {"width": 1440, "height": 900}
# Before any page script: paint, long tasks, layout shifts, and a frame loop that notes the first
# frame with the SVG (or a vis-timeline item) laid out.
INIT = """window.__long = []; window.__cls = 0;
new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime,
  e.startTime + e.duration]))).observe({type: 'longtask', buffered: true});
new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput)
  window.__cls += e.value; })).observe({type: 'layout-shift', buffered: true});
(function frame() {
  const el = document.querySelector('.fv-svg, .vis-item');
  // Found in this frame's rendering steps: a task queued now runs once the frame is painted.
  if (el && el.getBoundingClientRect().width > 0) {
    setTimeout(() => { window.__fmp = performance.now(); }); return; }
  requestAnimationFrame(frame); })();"""
DRAWN = """([want]) => { const box = document.getElementById('timeline-box');
  const ok = !!box && box.getAttribute('data-rendered-events') === String(want);
  if (ok && window.__drawnAt === undefined) window.__drawnAt = performance.now(); return ok; }"""
VIS_DRAWN = """() => { const ok = document.querySelectorAll('.vis-item').length > 0;
  if (ok && window.__drawnAt === undefined) window.__drawnAt = performance.now(); return ok; }"""
SETTLED = """([quiet]) => { const last = window.__long.reduce((m, [, e]) => Math.max(m, e), 0);
  return performance.now() - Math.max(last, window.__drawnAt) > quiet; }"""
FIGURES = """() => ({ fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {})
  .startTime, fmp: window.__fmp, drawn: window.__drawnAt, cls: window.__cls,
  interactive: Math.max(window.__drawnAt,
    ...window.__long.filter(([s]) => s < window.__drawnAt + 5000).map(([, e]) => e)) })"""


def measure(browser: Browser, url: str, drawn: str, arg: list) -> dict:
    """Return one cold load's figures (ms after navigation)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(INIT)
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function(drawn, arg=arg, polling="raf", timeout=120_000)
    page.wait_for_function(SETTLED, arg=[SETTLE_MS], polling=100, timeout=60_000)
    figures = page.evaluate(FIGURES)
    context.close()
    return figures


def run(app_url: str, total: int, runs: int) -> dict[str, dict]:
    """Return the medians of `runs` cold loads of the app and of vis-timeline, alternating
    (vis-timeline only when the app's vis.json export carries every row)."""
    samples: dict[str, list[dict]] = {"explorer": [], "vis-timeline": []}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        try:
            vis_url = vis_page(app_url.rstrip("/"), Path(tmp))
        except HTTPError:  # more rows than the vis.json export carries: the explorer alone
            vis_url = None
            del samples["vis-timeline"]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(runs):
            samples["explorer"].append(measure(browser, app_url, DRAWN, [total]))
            if vis_url:
                samples["vis-timeline"].append(measure(browser, vis_url, VIS_DRAWN, []))
        browser.close()
    return {
        name: {k: statistics.median(s[k] for s in rows if s[k] is not None) for k in rows[0]}
        for name, rows in samples.items()
    }


START = """import json, resource, sys, time
def rss():
    return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024
import explorer.app.factory as f
before = rss(); t = time.perf_counter(); r = f.load_app_record(sys.argv[1])
print(json.dumps({'load_s': time.perf_counter() - t, 'rss_before_mb': before,
  'rss_after_mb': rss(), 'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
  'events': r.total}))"""


def starts(data_dir: Path) -> list[dict]:
    """Return two fresh processes' record load with an empty cache: building it, then reading it."""
    with tempfile.TemporaryDirectory() as cache:
        env = os.environ | {"EXPLORER_CACHE_DIR": cache}
        return [
            json.loads(
                subprocess.run(
                    [sys.executable, "-c", START, str(data_dir)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(2)
        ]


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} ms"


def paint_table(label: str, medians: dict[str, dict]) -> list[str]:
    """Return the Markdown rows of one size's paint figures, and the ratio to vis-timeline."""
    rows = [
        f"| {label}: {name} | {_ms(m['fcp'])} | {_ms(m['fmp'])} | {_ms(m['drawn'])} "
        f"| {_ms(m['interactive'])} | {m['cls']:.3f} |"
        for name, m in medians.items()
    ]
    if "vis-timeline" not in medians:
        return rows
    ours, vis = medians["explorer"], medians["vis-timeline"]
    rows.append(
        f"| {label}: ratio explorer / vis-timeline | | {ours['fmp'] / vis['fmp']:.2f} "
        f"| {ours['drawn'] / vis['drawn']:.2f} | {ours['interactive'] / vis['interactive']:.2f} | |"
    )
    return rows


PAINT_HEAD = [
    "| target | first contentful paint | first meaningful paint (SVG / first item) "
    "| drawn (plotly / vis) | interactive | CLS |",
    "|---|---:|---:|---:|---:|---:|",
]


def start_table(label: str, figures: list[dict]) -> list[str]:
    """Return the Markdown rows of the two starts."""
    names = ("first start (builds the cache)", "second start (reads it)")
    return [
        f"| {label}: {name} | {f['load_s']:.2f} s | {f['rss_before_mb']:.0f} → "
        f"{f['rss_after_mb']:.0f} MB | {f['peak_mb']:.0f} MB |"
        for name, f in zip(names, figures, strict=True)
    ]


START_HEAD = ["| start | record loaded | RSS before → after | peak RSS |", "|---|---:|---:|---:|"]
