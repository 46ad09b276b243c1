"""The command line: validate prints OK or every problem; serve refuses invalid data."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

import pytest

from explorer import __version__
from explorer.cli import _parser, main
from explorer.exports import FORMATS
from explorer.schema import dataset_version
from tests.conftest import EVENT


def test_validate_ok(make_dataset, capsys):
    assert main(["validate", str(make_dataset())]) == 0
    assert capsys.readouterr().out == "OK: 5 events, 5 leaders, 2 eras\n"


def test_validate_lists_problems_and_exits_1(make_dataset, capsys):
    folder = make_dataset(events=[EVENT | {"start_date": "1989-13-01"}])
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'events.csv'}:2: start_date: '1989-13-01': not a date (YYYY-MM-DD)" in err
    assert "Traceback" not in err


def test_serve_refuses_invalid_data_without_traceback(make_dataset, capsys):
    folder = make_dataset(events=[EVENT | {"kind": "lunch"}])
    assert main(["--data", str(folder), "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert "kind: 'lunch': not one of" in err and "Cannot start" in err


@pytest.mark.integration  # slow (subprocess, large figure or many files): make test
def test_python_m_explorer_validates_the_shipped_data():
    out = subprocess.run(
        [sys.executable, "-m", "explorer", "validate"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OK: ")


def test_missing_folder_is_reported(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    assert "file not found" in capsys.readouterr().err


def test_export_to_stdout_uses_the_same_filters_as_the_page(make_dataset, capsysbinary):
    folder = make_dataset()
    args = [
        "export",
        "--data",
        str(folder),
        "--format",
        "csv",
        "--leader",
        "Xi Jinping",
        "--decade",
        "2010s",
        "--kind",
        "multilateral",
        "--search",
        "G20",
    ]
    assert main(args) == 0
    out = capsysbinary.readouterr().out.decode()
    ids = [line.split(",")[0] for line in out.splitlines()[1:]]
    assert ids == ["2013-09-05-putin-xi-g20", "2013-09-05-xi-putin-second"]


@pytest.mark.parametrize(
    ("leaders", "flag", "count", "said"),
    [
        (["Deng Xiaoping", "Vladimir Putin"], [], 5, ["any"]),
        (["Deng Xiaoping", "Vladimir Putin"], ["--leaders", "any"], 5, ["any"]),
        (["Deng Xiaoping", "Vladimir Putin"], ["--leaders", "all"], 0, ["all"]),
        (["Xi Jinping", "Vladimir Putin"], ["--leaders", "all"], 4, ["all"]),
        (["Xi Jinping"], ["--leaders", "all"], 4, None),  # one leader: nothing to combine
    ],
)
def test_export_says_how_several_leaders_combine(
    make_dataset, capsysbinary, leaders, flag, count, said
):
    chosen = [arg for name in leaders for arg in ("--leader", name)]
    args = ["export", "--data", str(make_dataset()), "--format", "json", *chosen, *flag]
    assert main(args) == 0
    out = json.loads(capsysbinary.readouterr().out)
    assert len(out["events"]) == count
    assert out["meta"]["filters"].get("leaders") == said


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_every_format_to_a_file(make_dataset, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--data", str(make_dataset()), "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 0


def test_export_refuses_unknown_values_and_formats(make_dataset, capsys):
    folder = make_dataset()
    assert main(["export", "--data", str(folder), "--format", "csv", "--leader", "Xi"]) == 2
    assert "unknown leader 'Xi'; known: Deng Xiaoping, Xi Jinping" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "pdf"])
    assert exc.value.code == 2


def test_version_names_the_code_and_the_data(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"explorer {__version__} (data {dataset_version()})\n"


@pytest.mark.parametrize("form", [["DIR"], ["--data", "DIR"], ["DIR", "--data", "DIR"]])
def test_validate_takes_the_folder_either_way(make_dataset, capsys, form):
    folder = str(make_dataset())
    assert main(["validate", *(folder if a == "DIR" else a for a in form)]) == 0
    assert capsys.readouterr().out.startswith("OK: 5 events")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["synth", "--events", "-1", "--out", "x"], "--events: -1 is negative; give 0 or more"),
        (["synth", "--events", "ten", "--out", "x"], "--events: 'ten' is not a whole number"),
        (["synth", "--events", "1", "--seed", "1.5", "--out", "x"], "'1.5' is not a whole"),
        (["validate", "a", "--data", "b"], "two folders given: a and --data b"),
    ],
)
def test_bad_arguments_are_refused_with_one_line(capsys, argv, message):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and len(err.splitlines()) == 1 and message in err, err


def test_unwritable_output_is_one_line(tmp_path, capsys):
    (tmp_path / "file").write_text("")
    assert main(["synth", "--events", "1", "--out", str(tmp_path / "file" / "sub")]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return [parser, *(p for s in subs for p in s.choices.values())]


@pytest.mark.parametrize("parser", _parsers(_parser()), ids=lambda p: p.prog)
def test_every_argument_has_help_text(parser):
    assert [a.dest for a in parser._actions if not a.help] == []


@pytest.fixture
def served(monkeypatch) -> dict:
    """Capture the app `explorer serve` would run, instead of starting gunicorn."""
    seen: dict = {}
    monkeypatch.setattr("explorer.app.server.serve", lambda app, *a, **k: seen.update(app=app))
    return seen


def test_serve_passes_base_path_and_framing_to_the_app(served, make_dataset, monkeypatch):
    monkeypatch.setenv("EXPLORER_FRAME_ANCESTORS", "https://env.example")
    argv = ["--data", str(make_dataset()), "--base-path", "tools/explorer", "--port", "0"]
    assert main([*argv, "--frame-ancestors", "https://news.example.org"]) == 0
    client = served["app"].server.test_client()
    csp = client.get("/tools/explorer/embed").headers["Content-Security-Policy"]
    assert csp.endswith("frame-ancestors https://news.example.org")  # the flag wins over the env
    assert main(["serve", *argv]) == 0
    csp = served["app"].server.test_client().get("/tools/explorer/embed").headers
    assert csp["Content-Security-Policy"].endswith("frame-ancestors https://env.example")


@pytest.mark.parametrize(("argv", "path"), [([], "/"), (["--base-path", "tools/x"], "/tools/x/")])
def test_serve_prints_where_the_page_is(served, make_dataset, capsys, argv, path):
    assert main(["serve", "--data", str(make_dataset()), "--port", "0", *argv]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    assert re.fullmatch(rf"Serving on http://127\.0\.0\.1:[1-9]\d*{re.escape(path)}", line), line


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["--base-path", "/a b/"], "", "--base-path: '/a b/' is not a path"),
        (["--frame-ancestors", "*"], "", "--frame-ancestors: '*' is not an origin"),
        ([], "example.org", "EXPLORER_FRAME_ANCESTORS: 'example.org' is not an origin"),
    ],
)
def test_bad_deployment_settings_are_one_line(served, monkeypatch, capsys, argv, env, message):
    monkeypatch.setenv("EXPLORER_FRAME_ANCESTORS", env)
    with pytest.raises(SystemExit) as exc:
        main(["serve", *argv])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and len(err.splitlines()) == 1 and message in err, err
    assert served == {}


@pytest.mark.parametrize(
    ("argv", "port", "data"),
    [
        (["--port", "8061", "serve"], 8061, None),  # before the command: once lost to its default
        (["serve", "--port", "8061"], 8061, None),
        (["--port", "1", "serve", "--port", "8061"], 8061, None),  # the later one wins
        (["--data", "DIR", "export", "--format", "csv"], None, "DIR"),
        (["export", "--data", "DIR", "--format", "csv"], None, "DIR"),
        (["--data", "DIR", "validate"], None, "DIR"),
    ],
)
def test_options_count_before_or_after_the_command(argv, port, data):
    args = _parser().parse_args(argv)
    assert args.port == port and (str(args.data) if args.data else None) == data
