"""Take the README's screenshots: the main view at desktop and phone widths, in Chinese and Russian.

Run with `make screenshots` (serves the shipped data on a loopback port, uses Debian's Chromium).
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from explorer.app import create_app

HERE = Path(__file__).parent
# File name -> (width, height, view, element to capture or None for the viewport).
SHOTS = {
    "screenshot-desktop.png": (1440, 900, "/?event=2013-03-22-xi-putin-moscow", None),
    "screenshot-phone.png": (
        390,
        844,
        "/?leader=Xi+Jinping&event=2013-03-22-xi-putin-moscow",
        None,
    ),
    "screenshot-insights.png": (1440, 900, "/", ".insights"),
    # The page in Chinese and Russian (CJK and Cyrillic from Debian's fonts, nothing fetched).
    "screenshot-zh.png": (1440, 900, "/?lang=zh&event=2013-03-22-xi-putin-moscow", None),
    "screenshot-ru.png": (1440, 900, "/?lang=ru&event=2013-03-22-xi-putin-moscow", None),
}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main(names: list[str]) -> None:
    """Serve the app, open each view (or only those `names`), and save full-width screenshots
    next to this file."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, (width, height, path, element) in SHOTS.items():
            if names and name not in names:
                continue
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + path)
            page.wait_for_selector("#timeline .cartesianlayer .point")
            page.wait_for_selector(".timeline-labels[data-range]")  # labels placed (timeline.js)
            page.wait_for_timeout(800)
            if element:
                page.locator(element).scroll_into_view_if_needed()  # drawn once near the screen
                page.wait_for_selector("#insight-map .scattergeo .point")
                page.locator(element).screenshot(path=HERE / name)
            else:
                page.screenshot(path=HERE / name, full_page=False)
            print(f"wrote {HERE / name}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])  # e.g. `python docs/screenshots.py screenshot-zh.png`
