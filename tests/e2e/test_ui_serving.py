"""How the API serves the page: /ui with index.html, / redirecting, and 503 until it is built."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api import errors, ui


def app_with(directory: Path) -> TestClient:
    app = FastAPI()
    errors.install(app)
    ui.install(app, directory)
    return TestClient(app, follow_redirects=False)


def test_unbuilt_page_answers_503_with_the_envelope(tmp_path: Path) -> None:
    client = app_with(tmp_path / "missing")
    for url in ("/ui/", "/ui/index.html", "/ui/assets/main.js"):
        r = client.get(url)
        assert r.status_code == 503
        body = r.json()
        assert body["error"]["code"] == "ui_not_built"
        assert "make demo" in body["error"]["message"] and body["error"]["details"] is None


def test_built_page_is_served_and_the_root_redirects(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>regkg</title>")
    (tmp_path / "assets" / "app.js").write_text("console.log(1)")
    client = app_with(tmp_path)
    assert client.get("/").status_code == 307 and client.get("/").headers["location"] == "/ui/"
    assert client.get("/ui").headers["location"] == "/ui/"
    r = client.get("/ui/")
    assert r.status_code == 200 and "<title>regkg</title>" in r.text
    assert client.get("/ui/assets/app.js").status_code == 200
    assert client.get("/ui/nope.js").status_code == 404


def test_the_page_is_picked_up_once_built(tmp_path: Path) -> None:
    client = app_with(tmp_path)
    assert client.get("/ui/").status_code == 503
    (tmp_path / "index.html").write_text("<!doctype html>")
    assert client.get("/ui/").status_code == 200
