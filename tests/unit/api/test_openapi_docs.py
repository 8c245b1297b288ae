"""Protocol pieces that need no database: /docs and /redoc with local assets, CORS only when
configured, an example for every operation of the OpenAPI, and the declared include= of sources."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from api import models, ownership_models, screen_models, watch_models
from api.app import create_app
from api.routers import extract, health
from config import Settings


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Settings(env="test")))  # no lifespan: nothing here reads the graph


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    return create_app(Settings(env="test")).openapi()


# -- /docs and /redoc ---------------------------------------------------------------------


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_assets(client: TestClient, page: str) -> None:
    r = client.get(page)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "cdn.jsdelivr.net" not in html and "unpkg" not in html and "fonts.googleapis" not in html
    assets = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert assets and all(u.startswith("/docs-assets/") for u in assets), assets
    assert not re.search(r"https?://", html.replace("http://www.w3.org", "")), "an absolute URL in the page"
    for url in assets:
        got = client.get(url)
        assert got.status_code == 200 and len(got.content) > 1000, url
    scripts = [u for u in assets if u.endswith(".js")]
    assert scripts, "the page loads its script from here"
    assert client.get("/openapi.json").status_code == 200


def test_swagger_ui_loads_its_css_and_the_openapi(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/docs-assets/swagger-ui.css" in html and "/docs-assets/swagger-ui-bundle.js" in html
    assert "'/openapi.json'" in html or '"/openapi.json"' in html
    assert "/docs-assets/redoc.standalone.js" in client.get("/redoc").text


# -- CORS ---------------------------------------------------------------------------------


def preflight(client: TestClient, origin: str) -> Any:
    return client.options(
        "/v1/entities",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )


def test_cors_is_off_by_default(client: TestClient) -> None:
    r = preflight(client, "https://app.example")
    assert not any(k.lower().startswith("access-control-") for k in r.headers)
    r = client.get("/health", headers={"Origin": "https://app.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_cors_answers_allowed_origins_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGKG_CORS_ORIGINS", "https://app.example, http://localhost:5173")
    settings = Settings(env="test")
    assert settings.cors_origins == ["https://app.example", "http://localhost:5173"]
    client = TestClient(create_app(settings))
    r = preflight(client, "https://app.example")
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://app.example"
    assert "GET" in r.headers["access-control-allow-methods"]
    assert "if-none-match" in r.headers["access-control-allow-headers"].lower()
    simple = client.get("/health", headers={"Origin": "http://localhost:5173"})
    assert simple.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "etag" in simple.headers["access-control-expose-headers"].lower()
    assert "x-regkg-graph-version" in simple.headers["access-control-expose-headers"].lower()
    assert "server-timing" in simple.headers["access-control-expose-headers"].lower()
    other = preflight(client, "https://evil.example")
    assert other.status_code == 400 and "access-control-allow-origin" not in other.headers
    assert (
        "access-control-allow-origin" not in client.get("/health", headers={"Origin": "https://evil.example"}).headers
    )


# -- examples -----------------------------------------------------------------------------


def _schema(openapi: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return openapi["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else schema


def _has_example(openapi: dict[str, Any], media: dict[str, Any]) -> bool:
    if media.get("example") is not None or media.get("examples"):
        return True
    schema = _schema(openapi, media.get("schema") or {})
    return bool(schema.get("examples") or schema.get("example") is not None)


def test_every_operation_has_an_example(openapi: dict[str, Any]) -> None:
    checked, missing = 0, []
    for path, operations in openapi["paths"].items():
        for method, op in operations.items():
            ok = [c for c in ("200", "201") if c in op["responses"]]
            assert ok, f"{method.upper()} {path} documents no 200/201"
            for code in ok:
                content = op["responses"][code].get("content") or {}
                assert content, f"{method.upper()} {path} {code} has no content"
                for media_type, media in content.items():
                    checked += 1
                    if not _has_example(openapi, media):
                        missing.append(f"{method.upper()} {path} {code} {media_type}")
            for media_type, media in (op.get("requestBody") or {}).get("content", {}).items():
                checked += 1
                if not _has_example(openapi, media):
                    missing.append(f"{method.upper()} {path} request body {media_type}")
    assert checked >= 20 and missing == []


def _models_with_examples() -> list[type[BaseModel]]:
    found = [health.Health, health.Ready, extract.ExtractRequest, extract.ExtractResult, screen_models.ScreenAnswer]
    found += [screen_models.DecisionRecorded, screen_models.DecisionList]
    found += [watch_models.WatchlistAdded, watch_models.WatchlistList, watch_models.Alert, watch_models.AlertList]
    found += [ownership_models.Ownership, ownership_models.OwnershipSummary, ownership_models.ExposureWithOwnership]
    found += [
        m for m in vars(models).values() if isinstance(m, type) and issubclass(m, BaseModel) and m is not BaseModel
    ]
    return [m for m in found if isinstance(m.model_config.get("json_schema_extra"), dict)]


def test_each_example_is_exactly_what_its_model_answers() -> None:
    """A field renamed or dropped from a model makes its example fail here, not mislead a reader."""
    checked = _models_with_examples()
    assert len(checked) >= 20
    for model in checked:
        extra = model.model_config["json_schema_extra"]
        assert isinstance(extra, dict)
        for example in extra["examples"]:
            assert model.model_validate(example).model_dump(mode="json") == example, model.__name__


# -- GET /v1/sources/{id}?include= ---------------------------------------------------------


def test_source_include_is_declared_as_an_enum(openapi: dict[str, Any]) -> None:
    params = openapi["paths"]["/v1/sources/{id}"]["get"]["parameters"]
    (include,) = [p for p in params if p["name"] == "include"]
    assert include["in"] == "query" and not include.get("required", False)
    (declared,) = [s for s in include["schema"]["anyOf"] if s.get("type") == "string"]
    assert declared.get("enum", [declared.get("const")]) == ["text"]  # a one-value enum (JSON Schema const)
    assert "text" not in _schema(openapi, {"$ref": "#/components/schemas/SourceDetail"})["required"]


# -- what schemathesis found: 405 Allow, unreadable bodies, the since= pattern ------------------


def test_a_405_allows_every_method_of_the_path(client: TestClient) -> None:
    r = client.options("/v1/resolutions")  # GET and POST are two routes of one path
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD, POST"
    assert client.put("/v1/resolutions/fact:x").headers["allow"] == "DELETE"
    assert client.get("/v1/query").headers["allow"] == "POST"
    assert client.delete("/v1/loads").headers["allow"] == "GET, HEAD"


def test_a_body_that_is_not_utf8_is_bad_input_not_400(client: TestClient) -> None:
    for url in ("/v1/resolutions", "/v1/extract", "/v1/claims", "/v1/query"):
        r = client.post(url, content=b"\xff\x0f\xfe", headers={"Content-Type": "application/json"})
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_input", url


@pytest.mark.parametrize(
    ("since", "valid"),
    [
        ("run:" + "0123456789abcdef" * 2, True),
        ("2024-02-29", True),
        ("2024-06-20T09:12", True),
        ("2024-06-20T09:12:41.511696Z", True),
        ("2024-06-20T09:12:41+18:00", True),
        ("2023-02-29", False),
        ("1887-65-58T20:23:95Z", False),  # once passed on to the database, which refused it
        ("2024-06-20T24:00", False),
        ("2024-06-20T09:12+18:30", False),
        ("", False),
    ],
)
def test_since_pattern_is_what_the_database_parses(openapi: dict[str, Any], since: str, valid: bool) -> None:
    (param,) = [p for p in openapi["paths"]["/v1/changes"]["get"]["parameters"] if p["name"] == "since"]
    (declared,) = [s for s in param["schema"]["anyOf"] if s.get("type") == "string"]
    assert bool(re.fullmatch(declared["pattern"], since)) is valid
