"""The command line: serve the page, validate a dataset, export a view, write synthetic data.

`explorer` and `explorer serve` serve the page; `explorer validate [DIR]`, `explorer export …`,
`explorer docs [DIR]` and `explorer synth …` work on data. A command's table row below names
its handler and its options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from explorer.exports import FORMATS
from explorer.loader import DataError, load_dataset
from explorer.schema import DEFAULT_DATA_DIR

# Command-line flag -> ViewState attribute (values are the same as in the page's URL).
EXPORT_FILTERS = {
    "leader": "leaders",
    "decade": "decades",
    "kind": "kinds",
    "host": "hosts",
    "tag": "tags",
    "place": "places",
    "pair": "pairs",
}


def _report(exc: DataError, what: str) -> int:
    print("\n".join(exc.problems), file=sys.stderr)
    print(f"{what}: {len(exc.problems)} problem(s) found.", file=sys.stderr)
    return 1


def validate(args: argparse.Namespace) -> int:
    """Print 'OK: N events, M leaders, K eras' or every problem; return the exit status."""
    data = load_dataset(args.data)
    print(f"OK: {len(data.events)} events, {len(data.leaders)} leaders, {len(data.eras)} eras")
    return _sourcing_report(data.warnings, strict=getattr(args, "strict", False))


def _sourcing_report(warnings: tuple[str, ...], strict: bool) -> int:
    """Print the sourcing warnings; return 1 when there are any and `strict` is set."""
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    if warnings:
        verdict = "--strict fails" if strict else "--strict would fail"
        print(f"{len(warnings)} sourcing warning(s); {verdict}.", file=sys.stderr)
    return 1 if strict and warnings else 0


def write_docs(args: argparse.Namespace) -> int:
    """Regenerate the column docs and tally in DIR/README.md; return the exit status."""
    from explorer import docs
    from explorer.model import build_record

    record = build_record(load_dataset(args.data))
    changed = docs.write(args.data / "README.md", record)
    print(f"{args.data / 'README.md'}: {'updated' if changed else 'already up to date'}")
    return 0


def export(args: argparse.Namespace) -> int:
    """Write the filtered view in the chosen format to a file or stdout; return the status."""
    from explorer.filters import vocabulary
    from explorer.model import build_record
    from explorer.state import ViewState, to_query
    from explorer.view import export_view, open_view

    record = build_record(load_dataset(args.data))
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


def synth(args: argparse.Namespace) -> int:
    """Write a synthetic dataset of N events in the schema; return the exit status."""
    from explorer.synth import write_dataset

    write_dataset(args.events, args.out, seed=args.seed)
    print(f"wrote {args.events} events to {args.out}")
    return 0


def serve(args: argparse.Namespace) -> int:
    """Serve the page until interrupted; refuse invalid data with the list of problems."""
    from explorer.app import create_app  # the web stack loads only when serving
    from explorer.app.server import serve as run

    app = create_app(args.data)
    print(f"Serving on http://{args.host}:{args.port}/", flush=True)
    run(app, args.host, args.port, workers=args.workers, debug=args.debug)
    return 0


def _serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    p.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    p.add_argument(
        "--debug",
        action="store_true",
        help="Flask development server with Dash debug tools (never in public)",
    )
    _data_option(p)


def _data_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="folder with events.csv, leaders.csv and eras.csv (default: shipped data)",
    )


def _dir_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA_DIR, metavar="DIR")


def _validate_options(p: argparse.ArgumentParser) -> None:
    _dir_option(p)
    p.add_argument(
        "--strict",
        action="store_true",
        help="also fail on sourcing warnings (reference-only rows, mirror domains)",
    )


def _export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", required=True, choices=tuple(FORMATS), help="export format")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    for flag, attr in EXPORT_FILTERS.items():
        p.add_argument(
            f"--{flag}",
            dest=attr,
            action="append",
            default=[],
            help=f"filter by {flag} (repeatable; same values as the page's URL)",
        )
    p.add_argument("--abstract", action="store_true", help="only events named in the abstract")
    p.add_argument("--search", default="", help="free-text search, any script")
    _data_option(p)


def _synth_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--events", type=int, required=True, help="number of events")
    p.add_argument("--out", type=Path, required=True, help="folder to write")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


# Command -> (handler, help, options).
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, Callable]] = {
    "serve": (serve, "serve the explorer (gunicorn; --debug for Flask's server)", _serve_options),
    "validate": (validate, "check a dataset and report every problem", _validate_options),
    "export": (export, "write the events of a filtered view in one format", _export_options),
    "docs": (write_docs, "rewrite the generated blocks of DIR/README.md", _dir_option),
    "synth": (synth, "write a synthetic dataset of N events", _synth_options),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Explore leader-to-leader diplomacy between Beijing and Moscow, 1949-2025.",
    )
    _serve_options(parser)  # `explorer` alone serves
    sub = parser.add_subparsers(dest="command")
    for name, (_, help_text, options) in COMMANDS.items():
        options(sub.add_parser(name, help=help_text))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = _parser().parse_args(argv)
    command = args.command or "serve"
    try:
        return COMMANDS[command][0](args)
    except DataError as exc:  # every command refuses invalid data the same way
        where = f"Cannot start: {args.data}" if command == "serve" else str(args.data)
        return _report(exc, where)
