"""Benchmark the search: building the record (its search columns) and one search per query.

Run `.venv/bin/python benchmarks/search.py [--sizes shipped,10000,100000] [--runs 5]`.
A number N is a synthetic dataset of N events (explorer.synth, seed 0) in a temporary folder.
Prints a Markdown table of the build time and the median time of `filters.apply` per query.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from explorer import synth
from explorer.filters import apply
from explorer.loader import load_dataset
from explorer.model import build_record
from explorer.schema import DEFAULT_DATA_DIR
from explorer.state import ViewState

QUERIES = ("SCO", "Moscow", "Krushchev", "хрущев", "赫鲁晓夫", "gas deal", "Xi Putin visit")


def _ms(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def measure(data_dir: Path, runs: int) -> list[str]:
    """Return one Markdown row per query for the dataset in `data_dir`."""
    dataset = load_dataset(data_dir)
    build, record = _ms(lambda: build_record(dataset), 1)
    rows = [f"| {record.total:,} | build record | {build:.0f} ms | |"]
    for q in QUERIES:
        took, found = _ms(lambda q=q: apply(record.events, ViewState(q=q)), runs)
        rows.append(f"| {record.total:,} | `{q}` | {took:.1f} ms | {len(found):,} |")
    return rows


def main() -> None:
    """Print the figures for each size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="shipped,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| events | query | median time | events found |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            folder = DEFAULT_DATA_DIR
            if size != "shipped":
                folder = Path(tmp) / size
                synth.write_dataset(int(size), folder, seed=0)
            print("\n".join(measure(folder, args.runs)), flush=True)


if __name__ == "__main__":
    main()
