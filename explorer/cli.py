"""The command line: serve the page, validate a dataset, export a view, write synthetic data.

`explorer` and `explorer serve` serve the page; `explorer validate [DIR]`, `explorer export …`,
`explorer docs [DIR]` and `explorer synth …` work on data. A command's table row below names
its handler and its options.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from explorer import __version__, deploy
from explorer.exports import FORMATS
from explorer.filter_table import FILTERS, MULTI_HELP, Filter
from explorer.loader import DataError, load_dataset
from explorer.paths import DATA_DIR
from explorer.schema import dataset_version
from explorer.state import ViewState, Vocabulary, to_query

FRAMING_ENV = "EXPLORER_FRAME_ANCESTORS"  # the default of --frame-ancestors

DEFAULT_PORT = 8050

# The filters `explorer export` takes, each as its row in explorer.filter_table says.
EXPORT_FILTERS = tuple(f for f in FILTERS if f.cli)


def _report(exc: DataError, what: str) -> int:
    print("\n".join(exc.problems), file=sys.stderr)
    print(f"{what}: {len(exc.problems)} problem(s) found.", file=sys.stderr)
    return 1


def validate(args: argparse.Namespace) -> int:
    """Print 'OK: N events, M leaders, K eras' or every problem; return the exit status."""
    data = load_dataset(args.data)
    print(f"OK: {len(data.events)} events, {len(data.leaders)} leaders, {len(data.eras)} eras")
    return _sourcing_report(data, strict=getattr(args, "strict", False))


def _sourcing_report(data: object, strict: bool) -> int:
    """Print the sourcing notices and warnings; return 1 when there are warnings and `strict`."""
    warnings, notices = data.warnings, data.notices
    for line in notices:
        print(f"note: {line}", file=sys.stderr)
    if notices:
        print(f"{len(notices)} mirror page(s) cited beside stronger sources.", file=sys.stderr)
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


def export_state(args: argparse.Namespace, vocab: Vocabulary) -> tuple[ViewState, list[str]]:
    """Return the view the export flags name, and a line per value the record does not know."""
    chosen = {f.attr: getattr(args, f.attr) for f in EXPORT_FILTERS}
    unknown = [
        f"unknown {f.cli} {value!r}; known: {', '.join(vocab.values[f.attr])}"
        for f in EXPORT_FILTERS
        if f.kind == "multi"
        for value in chosen[f.attr]
        if value not in vocab.values[f.attr]
    ]
    state = ViewState(**{a: tuple(v) if isinstance(v, list) else v for a, v in chosen.items()})
    return state, unknown


def export(args: argparse.Namespace) -> int:
    """Write the filtered view in the chosen format to a file or stdout; return the status."""
    from explorer.filters import vocabulary
    from explorer.model import build_record
    from explorer.view import export_view, open_view

    record = build_record(load_dataset(args.data))
    vocab = vocabulary(record)
    state, unknown = export_state(args, vocab)
    if unknown:
        print("\n".join(unknown), file=sys.stderr)
        return 2
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


def _port(args: argparse.Namespace) -> int:
    """Return --port, else $PORT, else 8050; raise ValueError naming a bad $PORT."""
    if args.port is not None:
        return args.port
    given = os.environ.get("PORT", "").strip()
    if not given:
        return DEFAULT_PORT
    if not given.isdigit() or not 0 < int(given) < 65536:
        raise ValueError(f"$PORT is {given!r}: expected a port number 1-65535")
    return int(given)


def serve(args: argparse.Namespace) -> int:
    """Serve the page until interrupted; refuse invalid data with the list of problems."""
    from explorer.app import create_app  # the web stack loads only when serving
    from explorer.app.routes import configure_exports
    from explorer.app.server import PortInUse, bind
    from explorer.app.server import serve as run

    try:
        port = _port(args)
        sock = None if args.debug else bind(args.host, port)
        port = sock.getsockname()[1] if sock else port  # --port 0: the one the system chose
    except (ValueError, PortInUse) as exc:
        print(exc, file=sys.stderr)
        return 2
    app = create_app(
        args.data,
        base_path=args.base_path,
        frame_ancestors=args.frame_ancestors,
        max_terms=args.max_terms,
    )
    configure_exports(
        app.server,
        base_url=args.base_url or f"http://{args.host}:{port}",
        trust_proxy=args.trust_proxy,
        max_rows=args.export_max_rows,
    )
    # Where this server answers (a --base-path included), so the printed link opens the page.
    print(f"Serving on http://{args.host}:{port}{app.config.routes_pathname_prefix}", flush=True)
    run(app, sock, args.host, port, workers=args.workers, debug=args.debug)
    return 0


def _serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, help=f"port (default: $PORT if set, else {DEFAULT_PORT})")
    p.add_argument("--workers", type=int, default=2, help="server processes (default 2)")
    p.add_argument(
        "--base-url",
        default="",
        help="public address of the page, written into exports (default http://HOST:PORT)",
    )
    p.add_argument(
        "--trust-proxy",
        action="store_true",
        help="take the public address from X-Forwarded-Proto/Host/Prefix (only behind a proxy)",
    )
    p.add_argument(
        "--export-max-rows",
        type=int,
        default=None,
        help="largest export in rows, per format (default: see docs/reliability.md)",
    )
    p.add_argument(
        "--max-terms",
        type=int,
        default=None,
        help="most distinct search terms a search uses (default 12)",
    )
    p.add_argument(
        "--debug",
        action="store_true",
        help="Flask development server with Dash debug tools (never in public)",
    )
    _data_option(p)
    _deploy_options(p)


def _setting(read: Callable[[str], object]) -> Callable[[str], object]:
    """Return an argparse type that refuses a value `read` rejects, with its reason."""

    def parse(text: str) -> object:
        try:
            return read(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def _deploy_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--base-path",
        type=_setting(deploy.base_path),
        metavar="PATH",
        help="serve every page, asset and export under PATH, e.g. /explorer/ "
        "(default: DASH_URL_BASE_PATHNAME, else /)",
    )
    p.add_argument(
        "--frame-ancestors",
        type=_setting(deploy.frame_ancestors),
        default=None,  # then EXPLORER_FRAME_ANCESTORS (read in main, when serving)
        metavar="ORIGINS",
        help="origins allowed to show the embed view in a frame, space-separated, e.g. "
        "'https://news.example.org' (default: EXPLORER_FRAME_ANCESTORS, else none)",
    )


def _data_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data",
        type=Path,
        help="folder with events.csv, leaders.csv and eras.csv (default: shipped data)",
    )


def _dir_option(p: argparse.ArgumentParser) -> None:
    # The folder may be given as DIR or as --data DIR, like the other commands take it.
    p.add_argument(
        "folder",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="folder with events.csv, leaders.csv and eras.csv (default: shipped data)",
    )
    p.add_argument("--data", type=Path, metavar="DIR", help="the same folder, as an option")


def _validate_options(p: argparse.ArgumentParser) -> None:
    _dir_option(p)
    p.add_argument(
        "--strict",
        action="store_true",
        help="also fail on sourcing warnings (rows resting on reference works or mirrors alone)",
    )


# Filter kind -> the argparse options of its flag.
CLI_OPTIONS: dict[str, Callable[[Filter], dict]] = {
    "multi": lambda f: {
        "action": "append",
        "default": [],
        "help": f"filter by {f.cli} {MULTI_HELP}",
    },
    "choice": lambda f: {"choices": f.choices, "default": f.choices[0], "help": f.cli_help},
    "flag": lambda f: {"action": "store_true", "help": f.cli_help},
    "text": lambda f: {"default": "", "help": f.cli_help},
}


def _export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", required=True, choices=tuple(FORMATS), help="export format")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    for f in EXPORT_FILTERS:
        p.add_argument(f"--{f.cli}", dest=f.attr, **CLI_OPTIONS[f.kind](f))
    _data_option(p)


def _synth_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--events", type=count, required=True, metavar="N", help="number of events (0 or more)"
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write")
    p.add_argument("--seed", type=whole, default=0, help="random seed (default 0)")


# Command -> (handler, help, options).
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, Callable]] = {
    "serve": (serve, "serve the explorer (waitress; --debug for Flask's server)", _serve_options),
    "validate": (validate, "check a dataset and report every problem", _validate_options),
    "export": (export, "write the events of a filtered view in one format", _export_options),
    "docs": (write_docs, "rewrite the generated blocks of DIR/README.md", _dir_option),
    "synth": (synth, "write a synthetic dataset of N events", _synth_options),
}


class _Parser(argparse.ArgumentParser):
    """An argument parser that refuses bad input with one line (no usage dump, no traceback)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def whole(text: str) -> int:
    """Return the integer `text` spells, or refuse it with the reason."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def count(text: str) -> int:
    """Return the count `text` spells (0 or more), or refuse it with the reason."""
    value = whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="explorer",
        description="Explore leader-to-leader diplomacy between Beijing and Moscow, 1949-2025.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__} (data {dataset_version()})",
        help="print the explorer's and the shipped data's versions, then exit",
    )
    _serve_options(parser)  # `explorer` alone serves
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="what to do (default: serve); COMMAND --help"
    )
    top = {a.dest: a.default for a in parser._actions}
    for name, (_, help_text, options) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text)
        options(command)
        # argparse fills a command's options with their defaults after the top level's were
        # read: `explorer --port 8061 serve` lost its port. An option both levels have, with
        # the same default, is left to the top level unless given after the command.
        for action in command._actions:
            if action.dest in top and top[action.dest] == action.default:
                action.default = argparse.SUPPRESS
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "serve"
    if hasattr(args, "folder"):  # validate and docs: DIR or --data DIR, not two different ones
        if args.folder and args.data and args.folder != args.data:
            parser.error(f"two folders given: {args.folder} and --data {args.data}")
        args.data = args.folder or args.data
    args.data = args.data or DATA_DIR  # None until here: given before or after the command
    if command == "serve" and args.frame_ancestors is None:
        try:
            args.frame_ancestors = deploy.frame_ancestors(os.environ.get(FRAMING_ENV, ""))
        except ValueError as exc:
            parser.error(f"{FRAMING_ENV}: {exc}")
    try:
        return COMMANDS[command][0](args)
    except DataError as exc:  # every command refuses invalid data the same way
        where = f"Cannot start: {args.data}" if command == "serve" else str(args.data)
        return _report(exc, where)
    except OSError as exc:  # a folder that cannot be written or read: one line, no traceback
        print(f"explorer {command}: {exc}", file=sys.stderr)
        return 1
