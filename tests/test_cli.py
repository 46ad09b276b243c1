"""The command line: validate prints OK or every problem; serve refuses invalid data."""

from __future__ import annotations

import subprocess
import sys

from explorer.cli import main
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


def test_python_m_explorer_validates_the_shipped_data():
    out = subprocess.run(
        [sys.executable, "-m", "explorer", "validate"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OK: ")


def test_missing_folder_is_reported(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    assert "file not found" in capsys.readouterr().err
