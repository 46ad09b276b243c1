"""The command line: `explorer` serves the page; `explorer validate [DIR]` checks a dataset."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer.exports import FORMATS
from explorer.loader import DataError, load_dataset
from explorer.schema import DEFAULT_DATA_DIR

FORMAT_NAMES = tuple(FORMATS)
# Command-line flag -> ViewState attribute (values are the same as in the page's URL).
EXPORT_FILTERS = {
    "leader": "leaders",
    "decade": "decades",
    "kind": "kinds",
    "host": "hosts",
    "tag": "tags",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Explore leader-to-leader diplomacy between Beijing and Moscow, 1949-2025.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="folder with events.csv, leaders.csv and eras.csv",
    )
    parser.add_argument("--debug", action="store_true", help="Dash debug mode (never in public)")
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("validate", help="check a dataset and report every problem")
    check.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    export = sub.add_parser("export", help="write the events of a filtered view in one format")
    export.add_argument("--format", required=True, choices=FORMAT_NAMES, help="export format")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    export.add_argument(
        "--data",
        dest="export_data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="dataset folder (default: the shipped data)",
    )
    for flag, attr in EXPORT_FILTERS.items():
        export.add_argument(
            f"--{flag}",
            dest=attr,
            action="append",
            default=[],
            help=f"filter by {flag} (repeatable; same values as the page's URL)",
        )
    export.add_argument("--abstract", action="store_true", help="only events named in the abstract")
    export.add_argument("--search", default="", help="free-text search, any script")
    docs = sub.add_parser("docs", help="rewrite the generated blocks of data/README.md")
    docs.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    return parser


def write_docs(data_dir: Path) -> int:
    """Regenerate the column docs and tally in DIR/README.md; return the exit status."""
    from explorer import docs
    from explorer.model import build_record

    try:
        record = build_record(load_dataset(data_dir))
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 1
    changed = docs.write(data_dir / "README.md", record)
    print(f"{data_dir / 'README.md'}: {'updated' if changed else 'already up to date'}")
    return 0


def export(args: argparse.Namespace) -> int:
    """Write the filtered view in the chosen format to a file or stdout; return the status."""
    from explorer.filters import vocabulary
    from explorer.model import build_record
    from explorer.state import ViewState, to_query
    from explorer.view import export_view, open_view

    try:
        record = build_record(load_dataset(args.export_data))
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 1
    vocab = vocabulary(record)
    chosen = {attr: tuple(getattr(args, attr)) for attr in EXPORT_FILTERS.values()}
    unknown = [
        f"unknown {flag} {value!r}; known: {', '.join(getattr(vocab, attr))}"
        for flag, attr in EXPORT_FILTERS.items()
        for value in chosen[attr]
        if value not in getattr(vocab, attr)
    ]
    if unknown:
        print("\n".join(unknown), file=sys.stderr)
        return 2
    state = ViewState(**chosen, in_abstract=args.abstract, q=args.search)
    out = export_view(record, open_view(record, vocab, to_query(state)), args.format)
    if args.output:
        args.output.write_bytes(out.body)
        print(f"wrote {len(out.body)} bytes to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(out.body)
        sys.stdout.flush()
    return 0


def validate(data_dir: Path) -> int:
    """Print 'OK: N events, M leaders, K eras' or every problem; return the exit status."""
    try:
        data = load_dataset(data_dir)
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {len(data.events)} events, {len(data.leaders)} leaders, {len(data.eras)} eras")
    return 0


def serve(args: argparse.Namespace) -> int:
    """Serve the page until interrupted; refuse invalid data with the list of problems."""
    from explorer.app import create_app  # the web stack loads only when serving

    try:
        app = create_app(args.data)
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"Cannot start: {len(exc.problems)} problem(s) in {args.data}.", file=sys.stderr)
        return 1
    print(f"Serving on http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = _parser().parse_args(argv)
    commands = {"validate": validate, "docs": write_docs}
    if args.command in commands:
        return commands[args.command](args.dir)
    if args.command == "export":
        return export(args)
    return serve(args)
