"""Read answers to JSON bytes, as ``REGKG_API_RESPONSES`` says.

- ``fast`` (the default): the graph layer's shaped answer, serialised as it is (orjson). The
  graph layer gives every field of the route's response model (graph/reads.py fills the
  defaults), so the bytes say what the model says, without building the model.
- ``validated``: FastAPI validates the answer against the route's ``response_model`` and
  serialises the model (pydantic) — the answer is built twice, once as dicts and once as models.
  A hub's 200-fact neighbours spent 1.6 ms there (bench/results/2026-12-05-M-read-path.txt §4).
- ``checked``: both, compared; a difference is a 500 that names where the two part
  (:class:`AnswerMismatch`). The test suite runs in this mode, so every answer a test reads was
  checked against its model.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Request, Response
from pydantic import BaseModel

from config import Settings, get_settings


class JSONAnswer(Response):
    media_type = "application/json"


class AnswerMismatch(RuntimeError):
    """The fast answer and the response model's disagree (checked mode): a bug in the graph layer's shaping."""


def _mode(request: Request) -> str:
    settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
    return settings.api_responses


def answer(request: Request, data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any] | Response:
    """What a read route returns: a ready response (fast, checked), or the dict for FastAPI's
    ``response_model`` validation (validated)."""
    mode = _mode(request)
    if mode == "validated":
        return data
    body = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)  # one answer, one byte string (ETag) on every replica
    if mode == "checked":
        expected = model.model_validate(data).model_dump(mode="json")
        where = first_difference(orjson.loads(body), expected)
        if where is not None:
            raise AnswerMismatch(f"{model.__name__}: the fast answer differs from the model's at {where}")
    return JSONAnswer(body)


def first_difference(got: Any, expected: Any, path: str = "$") -> str | None:
    """The JSON path where ``got`` and ``expected`` first differ (and how), or None."""
    if isinstance(got, dict) and isinstance(expected, dict):
        for key in [*expected, *(k for k in got if k not in expected)]:
            if key not in got:
                return f"{path}.{key} (missing; the model has {expected[key]!r:.60})"
            if key not in expected:
                return f"{path}.{key} (not in the model)"
            found = first_difference(got[key], expected[key], f"{path}.{key}")
            if found is not None:
                return found
        return None
    if isinstance(got, list) and isinstance(expected, list):
        if len(got) != len(expected):
            return f"{path} ({len(got)} items, the model has {len(expected)})"
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            found = first_difference(g, e, f"{path}[{i}]")
            if found is not None:
                return found
        return None
    if got != expected or isinstance(got, bool) != isinstance(expected, bool):
        return f"{path} ({got!r:.60} != {expected!r:.60})"
    return None
