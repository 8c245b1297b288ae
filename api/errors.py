"""One place that turns every error into the JSON envelope {"error": {code, message, details}}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from schema.errors import GraphUnavailable, RegkgError

log = logging.getLogger("regkg.api")


def envelope(status: int, code: str, message: str, details: Any = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": details}}
    return JSONResponse(status_code=status, content=body)


def _doc(description: str) -> dict[str, Any]:
    from .models import ErrorEnvelope

    return {"description": description, "model": ErrorEnvelope}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _doc("Bad query"),
    401: _doc("No API key"),
    403: _doc("Refused: a wrong API key, or a query that could write or escape"),
    404: _doc("Unknown id"),
    422: _doc("Bad parameters"),
    502: _doc("A service regkg calls (the extractor's language model) failed or answered nonsense"),
    503: _doc("Database unavailable"),
    504: _doc("The query ran past its time limit"),
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {c: ERROR_RESPONSES[c] for c in codes}


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request, given: str) -> str:
    """A 405's ``Allow``: the methods of every route of this path (Starlette names only the first
    route's, e.g. GET of GET + POST /v1/resolutions), HEAD wherever GET is (api/protocol.py)."""
    methods = set(given.replace(" ", "").split(",")) - {""}
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(not isinstance(r, Mount) and r.matches(scope)[0] == Match.FULL for r in request.app.router.routes):
            methods.add(method)
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(m for m in _METHODS if m in methods)


def install(app: FastAPI) -> None:
    @app.exception_handler(RegkgError)
    async def _regkg(request: Request, exc: RegkgError) -> JSONResponse:
        if isinstance(exc, GraphUnavailable):  # the driver's words name hosts and ports: logged, not sent
            log.warning("graph unavailable on %s %s: %s", request.method, request.url.path, exc.message)
            return envelope(exc.status, exc.code, "the graph database is unreachable now; try again shortly")
        return envelope(exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return envelope(422, "invalid_input", "request parameters are invalid", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI could not read the body (not UTF-8): bad input, like bad JSON
            return envelope(422, "invalid_input", "the request body could not be read: send JSON in UTF-8")
        code = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
        response = envelope(exc.status_code, code.get(exc.status_code, "http_error"), str(exc.detail))
        for name, value in (exc.headers or {}).items():  # a 405's Allow, a 401's WWW-Authenticate
            if name.lower() == "allow":
                value = allowed_methods(request, value)
            response.headers[name] = value
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return envelope(500, "internal_error", "an unexpected error occurred; it has been logged")
