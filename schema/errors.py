"""The one error tree of regkg. graph/ and loaders/ raise only these; api/ maps them to JSON.

RegkgError
├── NotFound            404  an id that is not in the graph
├── InvalidInput        422  a bad parameter or record (file, line and field when known)
├── Conflict            409  a uniqueness constraint refused a write
├── QueryRefused        403  analyst Cypher that could write or escape
├── QueryTimeout        504  a query that ran past its time limit
├── GraphUnavailable    503  the database cannot be reached
└── UpstreamError       502  a service regkg calls (the extractor's language model) failed,
                             timed out or answered something unreadable
"""

from __future__ import annotations

from typing import Any


class RegkgError(Exception):
    status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __reduce__(self) -> tuple[Any, ...]:  # pickled whole (a table builder's process sends it back)
        return (type(self), (self.message, self.details))


class NotFound(RegkgError):
    status = 404
    code = "not_found"


class InvalidInput(RegkgError):
    status = 422
    code = "invalid_input"


class Conflict(RegkgError):
    status = 409
    code = "conflict"


class QueryRefused(RegkgError):
    status = 403
    code = "query_refused"


class QueryTimeout(RegkgError):
    status = 504
    code = "query_timeout"


class GraphUnavailable(RegkgError):
    status = 503
    code = "graph_unavailable"


class UpstreamError(RegkgError):
    status = 502
    code = "upstream_error"
