"""Strict query parameters: a parameter a route does not declare is an error, never ignored.

``/v1/facts?stances=alleged`` used to answer every fact, and ``/neighbors?predicate=banned-by``
(singular) everything: a client that misspells a filter got a wrong answer and no error. Every
route now answers 422 naming the unknown parameters and the ones it accepts.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from schema.errors import InvalidInput


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


_ACCEPTED: dict[str, tuple[str, ...]] = {}


def _accepted(route: APIRoute) -> tuple[str, ...]:
    """The query parameters a route declares, its dependencies' included (computed once per route)."""
    found = _ACCEPTED.get(route.unique_id)
    if found is None:
        found = _ACCEPTED[route.unique_id] = tuple(sorted(_query_names(route.dependant)))
    return found


async def reject_unknown_query_parameters(request: Request) -> None:
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    accepted = _accepted(route)
    unknown = sorted({k for k in request.query_params if k not in accepted})
    if unknown:
        names = ", ".join(unknown)
        allowed = ", ".join(accepted) or "none"
        raise InvalidInput(
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names}; this route accepts: {allowed}",
            {"field": unknown[0], "unknown": unknown, "accepted": list(accepted)},
        )
