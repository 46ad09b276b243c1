"""Publishing without a browser: a base path for every route, framing only of the embed view
and only by listed origins, CORS on the read-only exports, one event's exports."""

from __future__ import annotations

import pytest

from explorer.app import components, create_app
from explorer.app.insights_layout import CHART_CONFIG
from tests.conftest import EVENT
from tests.test_hardening import SYNC, body_for

BASE = "/explorer/"
ALLOWED = ("https://news.example.org", "https://*.example.com")


@pytest.fixture(scope="module")
def based(shipped):
    return create_app(record=shipped, base_path=BASE, frame_ancestors=ALLOWED)


@pytest.fixture
def client(based):
    return based.server.test_client()


@pytest.mark.parametrize(
    ("path", "media"),
    [
        (BASE, "text/html"),
        (f"{BASE}embed?decade=2010s", "text/html"),
        (f"{BASE}export/events.csv?decade=2010s", "text/csv"),
        (f"{BASE}export/events.timelinejs.json", "application/json"),
        (f"{BASE}assets/app.js", "text/javascript"),
        (f"{BASE}assets/print.css", "text/css"),
        (f"{BASE}assets/topojson/world_110m.json", "application/json"),
        (f"{BASE}assets/vendor/plotly-explorer.min.js", "text/javascript"),
        (f"{BASE}_dash-layout", "application/json"),
    ],
)
def test_every_route_lives_under_the_base_path(client, path, media):
    resp = client.get(path)
    assert resp.status_code == 200 and resp.content_type.startswith(media), path


def test_outside_the_base_path_is_no_export(client):
    assert client.get("/export/events.csv").content_type != "text/csv; charset=utf-8"


def test_the_callback_guard_holds_under_the_base_path(based, client):
    resp = client.post(
        f"{BASE}_dash-update-component", json=body_for(based, SYNC, inputs=[5])
    )  # fmt: skip
    assert resp.status_code == 400 and resp.data.startswith(b"Bad callback request")


def test_fingerprinted_assets_are_cached_long_under_the_base_path(client):
    page = client.get(BASE).get_data(as_text=True)
    css = next(p for p in page.split('href="')[1:] if "/assets/style.css" in p).split('"')[0]
    assert css.startswith(f"{BASE}assets/") and "?m=" in css
    assert "max-age=31536000" in client.get(css).headers["Cache-Control"]


def test_dash_url_base_pathname_is_honoured(mini, monkeypatch):
    monkeypatch.setenv("DASH_URL_BASE_PATHNAME", "/tools/")
    client = create_app(record=mini).server.test_client()
    assert client.get("/tools/export/events.csv").status_code == 200
    assert client.get("/tools/").status_code == 200


def test_links_the_page_builds_are_relative_to_it():
    assert all(a.href.startswith("export/events.") for a in components.export_links("?x=1")[1:])
    rows = components.cite_event(EVENT["id"]).children[1:]
    hrefs = [a.href for p in rows for a in p.children if hasattr(a, "href")]
    assert len(hrefs) == 7 and all(h.startswith(f"export/event/{EVENT['id']}.") for h in hrefs)
    assert CHART_CONFIG["topojsonURL"] == "assets/topojson/"


def frame_rules(resp) -> tuple[str, str | None]:
    csp = resp.headers["Content-Security-Policy"]
    rule = next(d.strip() for d in csp.split(";") if "frame-ancestors" in d)
    return rule, resp.headers.get("X-Frame-Options")


def test_only_the_embed_view_may_be_framed_by_the_listed_origins(client):
    assert frame_rules(client.get(f"{BASE}embed")) == (f"frame-ancestors {' '.join(ALLOWED)}", None)
    for path in (BASE, f"{BASE}export/events.csv", f"{BASE}_dash-layout"):
        assert frame_rules(client.get(path)) == ("frame-ancestors 'none'", "DENY"), path


def test_by_default_nothing_may_frame_the_embed_view(mini):
    client = create_app(record=mini).server.test_client()
    assert frame_rules(client.get("/embed")) == ("frame-ancestors 'none'", "DENY")


@pytest.mark.parametrize(
    ("path", "cors"),
    [
        (f"{BASE}export/events.json", True),
        (f"{BASE}export/events.csv?leader=Xi+Jinping", True),
        (f"{BASE}export/event/1989-05-15-gorbachev-beijing-visit.bib", True),
        (f"{BASE}export/events.pdf", True),  # the refusal is readable too
        (BASE, False),
        (f"{BASE}_dash-layout", False),
        (f"{BASE}assets/app.js", False),
        ("/healthz", False),
    ],
)
def test_cors_only_on_the_read_only_exports(client, path, cors):
    allowed = client.get(path).headers.get("Access-Control-Allow-Origin")
    assert allowed == ("*" if cors else None)


def test_a_callback_post_gets_no_cors(based, client):
    resp = client.post(f"{BASE}_dash-update-component", json=body_for(based, SYNC))
    assert resp.status_code == 200 and "Access-Control-Allow-Origin" not in resp.headers


@pytest.mark.parametrize(
    ("name", "status", "media"),
    [
        ("1989-05-15-gorbachev-beijing-visit.bib", 200, "application/x-bibtex"),
        ("1989-05-15-gorbachev-beijing-visit.txt", 200, "text/plain"),
        ("1989-05-15-gorbachev-beijing-visit.xlsx", 200, "application/vnd.openxmlformats"),
        ("1989-05-15-gorbachev-beijing-visit.pdf", 404, "text/plain"),
        ("no-such-event.csv", 404, "text/plain"),
    ],
)
def test_one_event_route(client, name, status, media):
    resp = client.get(f"{BASE}export/event/{name}")
    assert resp.status_code == status and resp.content_type.startswith(media)
    if status == 404:
        assert b"export/event/<id>.<format>" in resp.data


def test_a_proxy_that_strips_the_prefix_gets_links_with_it(mini, monkeypatch):
    monkeypatch.setenv("DASH_REQUESTS_PATHNAME_PREFIX", BASE)
    client = create_app(record=mini).server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert f'src="{BASE}assets/publishing.js' in page  # the browser asks the proxy's path
    assert client.get("/export/events.csv").status_code == 200  # the proxy strips it
    event = f"/export/event/{EVENT['id']}.txt"
    assert f"http://localhost{BASE}?event=" in client.get(event).get_data(as_text=True)
