"""The built wheel works outside the checkout: installed into a fresh venv and run from a
temporary folder, it validates, exports, synthesises and serves the page with every asset.

Offline and bounded: the sdist and wheel are built without build isolation (the test venv has
setuptools and build), the wheel goes in with --no-deps, and the fresh venv sees the test venv's
dependencies through a .pth line (not its editable install, whose hook only a site dir runs).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer import __version__
from explorer.paths import CHECKOUT

SKIP = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "*.egg-info", "build", "dist", ".*_cache", ".hypothesis"
)

# Servers, subprocesses, wheels or many generated cases: in `make test`, not `make check`.
pytestmark = pytest.mark.integration
WAIT_S = 60  # upper bound for gunicorn to come up on a loaded machine (polled, not slept)


def run(*args: object, cwd: Path, ok: bool = True) -> subprocess.CompletedProcess:
    """Run a command; fail with its output unless it exits 0 (when `ok`)."""
    out = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )
    if ok:
        assert out.returncode == 0, f"{args}: {out.stdout}\n{out.stderr}"
    return out


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Iterator[tuple[Path, Path]]:
    """Build the wheel from a copy of the checkout, install it in a fresh venv; yield
    (the venv's bin folder, an unrelated working folder)."""
    root = tmp_path_factory.mktemp("wheel")
    shutil.copytree(CHECKOUT, root / "src", ignore=SKIP)
    py = sys.executable
    run(py, "-m", "build", "--no-isolation", "--outdir", root / "dist", root / "src", cwd=root)
    wheel = next((root / "dist").glob("*.whl"))
    run(py, "-m", "venv", "--without-pip", root / "venv", cwd=root)
    target = Path(
        run(
            root / "venv/bin/python",
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
            cwd=root,
        ).stdout.strip()
    )
    (target / "test-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(py, "-m", "pip", "--python", root / "venv/bin/python", "install", "-q", "--no-deps",
        "--no-index", wheel, cwd=root)  # fmt: skip
    work = root / "elsewhere"
    work.mkdir()
    yield root / "venv/bin", work


def test_the_wheel_carries_data_and_assets(installed):
    bin_dir, work = installed
    where = run(
        bin_dir / "python",
        "-c",
        "import explorer.paths as p; print(p.__file__); print(p.DATA_DIR); print(p.ASSETS_DIR)",
        cwd=work,
    ).stdout.split()
    site = str(bin_dir.parent)
    assert all(w.startswith(site) for w in where), where  # not the checkout
    assert Path(where[1], "datapackage.json").is_file()
    assert Path(where[2], "vendor", "plotly-explorer.min.js").is_file()


def test_version_validate_export_synth(installed):
    bin_dir, work = installed
    explorer = bin_dir / "explorer"
    assert run(explorer, "--version", cwd=work).stdout.startswith(f"explorer {__version__} ")
    assert run(explorer, "validate", cwd=work).stdout.startswith("OK: ")
    run(explorer, "export", "--format", "csv", "--decade", "2010s", "-o", "out.csv", cwd=work)
    assert (work / "out.csv").read_text(encoding="utf-8").startswith("id,")
    run(explorer, "synth", "--events", "40", "--out", "big", cwd=work)
    assert run(explorer, "validate", "--data", "big", cwd=work).stdout.startswith("OK: 40 events")
    bad = run(explorer, "synth", "--events", "-1", "--out", "x", cwd=work, ok=False)
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1, bad.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.status, resp.read()


def _wait_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            if _get(f"{base}/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)  # poll the state: the port is not open yet
    pytest.fail(f"{base} did not answer within {WAIT_S} s")


def test_serve_gives_the_page_and_every_asset(installed):
    bin_dir, work = installed
    port = _free_port()
    args = [bin_dir / "explorer", "serve", "--port", str(port), "--workers", "1"]
    proc = subprocess.Popen(args, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, proc)
        status, page = _get(f"{base}/")
        assert status == 200
        linked = re.findall(
            r'(?:src|href)="(/(?:assets|_dash-component-suites)/[^"]+)"', page.decode()
        )
        wanted = ("/assets/app.js", "/assets/style.css", "/assets/vendor/plotly-explorer.min.js")
        for name in wanted:
            assert any(u.startswith(name) for u in linked), (name, linked)
        for url in linked:
            status, body = _get(base + url)
            assert status == 200 and body, url
        assert _get(f"{base}/assets/topojson/world_110m.json")[0] == 200
        status, csv = _get(f"{base}/export/events.csv?decade=2010s")
        assert status == 200 and csv.startswith(b"id,")
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
