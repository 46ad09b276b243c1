"""Each export format at its row cap on a large synthetic set: time and peak memory.

One process per format, through the real route and its cap; memory is the peak RSS above
the loaded app (VmHWM, reset before each export):

    .venv/bin/python benchmarks/export_caps.py --data /tmp/big100k [--formats csv,xlsx]

Prints a Markdown table for docs/reliability.md. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from explorer.app.routes import DEFAULT_MAX_ROWS, ROW_COST, row_cap

ONE = """
import dataclasses, json, sys, time
from explorer.app import create_app
from explorer.app.factory import load_app_record as load_record
from explorer.filters import vocabulary
from explorer.view import export_view, open_view
record = load_record(sys.argv[1])
app = create_app(record=record)
fmt, cap = sys.argv[2], int(sys.argv[3])
def reset_peak():  # Linux: writing 5 to clear_refs resets the peak RSS (VmHWM)
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
def rss():
    status = open("/proc/self/status").read()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024
reset_peak()
base = rss()
start = time.perf_counter()
resp = app.server.test_client().get(f"/export/events.{fmt}")
size = len(resp.get_data())  # a streamed CSV is computed here
whole = {"status": resp.status_code, "seconds": time.perf_counter() - start,
         "bytes": size, "extra_mb": rss() - base}
view = open_view(record, vocabulary(record), "")
view = dataclasses.replace(view, events=view.events.iloc[:cap])
reset_peak()
base = rss()
start = time.perf_counter()
body = export_view(record, view, fmt, "http://x/").body
at_cap = {"seconds": time.perf_counter() - start, "bytes": len(body), "extra_mb": rss() - base}
print(json.dumps({"whole": whole, "at_cap": at_cap}))
"""


def measure(data: str, fmt: str, cap: int) -> dict:
    """Return what a whole-record export of `fmt` costs through the route, and one at its cap."""
    out = subprocess.run(
        [sys.executable, "-c", ONE, data, fmt, str(cap)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    """Print one row per format: its cap, and what a whole-record export costs under it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="dataset folder (e.g. 100,000 events)")
    parser.add_argument("--formats", default=",".join(ROW_COST))
    args = parser.parse_args()
    print(f"max rows {DEFAULT_MAX_ROWS:,}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("| format | cap (rows) | whole record: status, s, MB, +RSS | at the cap: s, MB, +RSS |")
    print("|---|---|---|---|")
    for fmt in args.formats.split(","):
        cap = row_cap(fmt, DEFAULT_MAX_ROWS)
        m = measure(args.data, fmt, cap or 0)
        w, c = m["whole"], m["at_cap"]
        print(
            f"| {fmt} | {cap if cap is not None else '-'} | {w['status']}, {w['seconds']:.2f} s,"
            f" {w['bytes'] / 1e6:.1f} MB, +{w['extra_mb']:.0f} MB | {c['seconds']:.2f} s,"
            f" {c['bytes'] / 1e6:.1f} MB, +{c['extra_mb']:.0f} MB |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
