"""The optional language-model backend of the extractor: an OpenAI-compatible chat endpoint the
user runs (a local model server, say) proposes claims; :mod:`extract.llm_gates` checks each one.

Off unless asked for: :func:`extract.propose` calls :func:`ask` only when given an
:class:`LlmBackend` (the API and the CLI make one from ``REGKG_EXTRACT_LLM_URL`` and its siblings,
:meth:`LlmBackend.from_settings`). One request per text, with the standard library
(``urllib.request``):

* **Where** — ``url`` is the server's base URL, with or without ``/v1``: ``http://127.0.0.1:8080``
  and ``http://127.0.0.1:8080/v1`` both post to ``http://127.0.0.1:8080/v1/chat/completions``; a URL
  that already ends in ``/chat/completions`` is used as given.
* **What** — :func:`extract.llm_schema.request_body`: the instructions, the text, ``temperature 0``
  and the answer's JSON schema as ``response_format``; ``Authorization: Bearer <key>`` when a key
  is set.
* **The answer** — the first choice's message content: JSON, or, from a server that ignores
  ``response_format``, the first JSON object in the content (after prose or inside a code fence).
* **Failures** — the server unreachable, an HTTP error, no answer within ``timeout`` seconds, or an
  answer with no JSON object holding a ``claims`` list raise :class:`~schema.errors.UpstreamError`
  (HTTP 502 in the API) with a one-line message naming the cause, never a stack trace.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from schema.errors import UpstreamError

from .llm_schema import request_body

MAX_ANSWER_BYTES = 20_000_000
_WHO = "the extractor's language model (REGKG_EXTRACT_LLM_URL)"


class _Secret(Protocol):
    def get_secret_value(self) -> str: ...


class LlmSettings(Protocol):
    """The settings :meth:`LlmBackend.from_settings` reads (``config.Settings`` has them)."""

    @property
    def extract_llm_url(self) -> str | None: ...
    @property
    def extract_llm_model(self) -> str: ...
    @property
    def extract_llm_timeout(self) -> float: ...
    @property
    def extract_llm_key(self) -> _Secret | None: ...


@dataclass(frozen=True, slots=True)
class LlmBackend:
    """Where the model runs and how to ask it (see the module docstring for ``url``)."""

    url: str
    model: str = "default"
    timeout: float = 60.0
    key: str | None = field(default=None, repr=False)

    @classmethod
    def from_settings(cls, settings: LlmSettings) -> LlmBackend | None:
        """The backend the settings configure; None when ``extract_llm_url`` is unset (the default)."""
        if not settings.extract_llm_url:
            return None
        key = settings.extract_llm_key.get_secret_value() if settings.extract_llm_key is not None else None
        return cls(settings.extract_llm_url, settings.extract_llm_model, settings.extract_llm_timeout, key or None)

    @property
    def endpoint(self) -> str:
        """The chat-completions URL ``url`` stands for."""
        parts = urlsplit(self.url.strip())
        path = parts.path.rstrip("/")
        if not path.endswith("/chat/completions"):
            path = (path if path.endswith("/v1") else path + "/v1") + "/chat/completions"
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))

    @property
    def label(self) -> str:
        """How notes name the backend: the model and the server, without credentials or path."""
        parts = urlsplit(self.url)
        return f"{self.model} at {parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def ask(backend: LlmBackend, text: str) -> list[Any]:
    """The model's proposals for ``text``, as it sent them (each still to be checked)."""
    return proposals_of(post(backend, request_body(backend.model, text)))


def post(backend: LlmBackend, body: dict[str, Any]) -> dict[str, Any]:
    """POST ``body`` as JSON to the backend's endpoint; the answer's JSON object."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if backend.key:
        headers["Authorization"] = f"Bearer {backend.key}"
    request = urllib.request.Request(
        backend.endpoint, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=backend.timeout) as response:  # noqa: S310 - http(s) only
            raw = response.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as exc:
        detail = _snippet(exc.read(2000))
        raise UpstreamError(f"{_WHO} answered HTTP {exc.code}" + (f": {detail}" if detail else "")) from None
    except TimeoutError:
        raise UpstreamError(f"{_WHO} did not answer within {backend.timeout:g} s") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise UpstreamError(f"{_WHO} did not answer within {backend.timeout:g} s") from None
        raise UpstreamError(f"cannot reach {_WHO}: {getattr(reason, 'strerror', None) or reason}") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:  # a reset connection, a bad URL, a cut answer
        raise UpstreamError(f"cannot reach {_WHO}: {exc}") from None
    if len(raw) > MAX_ANSWER_BYTES:
        raise UpstreamError(f"{_WHO} answered more than {MAX_ANSWER_BYTES} bytes")
    try:
        answer = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UpstreamError(f"{_WHO} answered something that is not JSON: {_snippet(raw)}") from None
    if not isinstance(answer, dict):
        raise UpstreamError(f"{_WHO} answered JSON that is not a chat completion")
    return answer


def proposals_of(answer: dict[str, Any]) -> list[Any]:
    """The ``claims`` of a chat completion's first choice (see the module docstring)."""
    try:
        choice = answer["choices"][0]
        content = choice["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise UpstreamError(f"{_WHO} answered JSON that is not a chat completion (no choices[0].message)") from None
    if not isinstance(content, str):
        raise UpstreamError(f"{_WHO} answered a message without text content")
    found = first_object(content)
    if found is None or not isinstance(found.get("claims"), list):
        cut = " (the answer was cut off: finish_reason length)" if choice.get("finish_reason") == "length" else ""
        raise UpstreamError(f'{_WHO} answered no JSON object with a "claims" list{cut}: {_snippet(content)}')
    return list(found["claims"])


def first_object(content: str) -> dict[str, Any] | None:
    """``content`` as a JSON object, or the first JSON object in it (after prose, in a code fence)
    that has a ``claims`` key — else the first object at all; None when there is none."""
    decoder = json.JSONDecoder()
    first: dict[str, Any] | None = None
    start = content.find("{")
    while start != -1:
        try:
            value, end = decoder.raw_decode(content, start)
        except json.JSONDecodeError:
            start = content.find("{", start + 1)
            continue
        if isinstance(value, dict):
            if "claims" in value:
                return value
            first = first if first is not None else value
        start = content.find("{", end)
    return first


def _snippet(raw: bytes | str, limit: int = 200) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
