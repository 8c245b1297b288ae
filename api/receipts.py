"""Answer receipts: every /v1 answer says which version of the graph it comes from, and reads are
revalidated with a strong ETag.

- ``X-Regkg-Graph-Version``: changes exactly when a load run or a resolution decision changes the
  graph (``graph.reads.graph_version``; read at most once a second per worker process).
- ``ETag`` (a hash of the body) on every successful JSON read; ``If-None-Match`` with it → 304,
  no body. ``Cache-Control: no-cache`` on reads (a client may keep an answer but asks again
  with its ETag), ``no-store`` on writes.
Streamed answers (exports) get the version header only.
"""

from __future__ import annotations

import asyncio
import hashlib
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph import reads

VERSION_HEADER = b"x-regkg-graph-version"
_TTL = 1.0


class Receipts:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._version: tuple[float, str] | None = None

    async def _graph_version(self, scope: Scope) -> str | None:
        now = time.monotonic()
        if self._version is not None and now - self._version[0] < _TTL:
            return self._version[1]
        graph = getattr(scope["app"].state, "graph", None)
        if graph is None:
            return None
        try:
            version = await asyncio.wait_for(reads.graph_version.aio(graph), timeout=1.0)
        except Exception:  # noqa: BLE001 — the answer itself reports a database that is down
            return None
        self._version = (now, version)
        return version

    def forget(self) -> None:
        """Read the version again on the next answer (after this process wrote to the graph)."""
        self._version = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        read = method in ("GET", "HEAD")
        if not read:
            self.forget()
        started: Message | None = None
        chunks: list[bytes] = []
        streaming = False

        async def finish(start: Message, body: bytes) -> None:
            headers = list(start["headers"])
            status = start["status"]
            version = await self._graph_version(scope) if status < 500 else None
            if not read:
                self.forget()
            if version is not None:
                headers.append((VERSION_HEADER, version.encode()))
            if read and status == 200:
                etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
                headers += [(b"etag", etag.encode()), (b"cache-control", b"no-cache")]
                wanted = dict(scope["headers"]).get(b"if-none-match", b"").decode()
                if etag in [t.strip() for t in wanted.split(",")] or wanted.strip() == "*":
                    kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
                    await send({"type": "http.response.start", "status": 304, "headers": kept})
                    await send({"type": "http.response.body", "body": b""})
                    return
            elif not read:
                headers.append((b"cache-control", b"no-store"))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        async def capture(message: Message) -> None:
            nonlocal started, streaming
            if message["type"] == "http.response.start":
                started = message
                content_type = dict(message["headers"]).get(b"content-type", b"")
                streaming = path.startswith("/v1/export") or not content_type.startswith(b"application/json")
                if streaming:
                    version = await self._graph_version(scope)
                    extra = [(VERSION_HEADER, version.encode())] if version else []
                    await send({**message, "headers": [*message["headers"], *extra]})
                return
            if streaming:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                assert started is not None
                await finish(started, b"".join(chunks))

        await self.app(scope, receive, capture)
