"""The investigator's page: the built web/ assets served at ``/ui``, and ``/`` redirecting there.

``web/`` is built (``make web-build``: ``npm ci`` + ``npm run build``) into ``api/static/ui/``,
which is build output and never committed. When it is missing, ``/ui`` answers 503 with the JSON
error envelope and says how to build it, instead of a bare 404.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from .errors import envelope

UI_DIR = Path(__file__).resolve().parent / "static" / "ui"

NOT_BUILT = (
    "the investigator's page is not built: run `make demo` or `make test` "
    "(or `make web-build`, i.e. `npm ci && npm run build` in web/), then reload"
)


class _Page:
    """Static files with ``index.html`` for directories, or a 503 envelope until the page is built.

    The check runs per request, so a build made while the API runs is picked up without a restart.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._files: StaticFiles | None = None

    def built(self) -> bool:
        return (self.directory / "index.html").is_file()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        if not self.built():
            response = envelope(503, "ui_not_built", NOT_BUILT, None)
            await response(scope, receive, send)
            return
        if self._files is None:
            self._files = StaticFiles(directory=self.directory, html=True)
        await self._files(scope, receive, send)


def install(app: FastAPI, directory: Path = UI_DIR) -> None:
    """Mount the page at ``/ui`` and redirect ``/`` to it."""

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    @app.get("/ui", include_in_schema=False)
    def ui_slash() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    app.mount("/ui", _Page(directory), name="ui")
