"""schemathesis hooks for tests/integration/test_openapi_fuzz.py (loaded with SCHEMATHESIS_HOOKS).

Three rules of the API cannot be said in OpenAPI — a query parameter tied to another, and a
language's grammar — so a request can fit the schema and still be refused, with a documented 422:

- ``GET /v1/entities`` needs ``q`` or ``type`` (without either there is nothing to search or browse);
- ``GET /v1/paths`` needs ``from`` and ``to`` to differ;
- ``POST /v1/query``'s ``cypher`` must be a Cypher statement the database can compile.

``positive_data_acceptance_beyond_openapi`` is schemathesis' own ``positive_data_acceptance``
("a schema-valid request is accepted") except for exactly these refusals, recognised by their
error; the test runs it instead of the built-in one, and every other check as it is.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

RULES: dict[str, str] = {
    "GET /v1/entities": "give q, or a type to browse",
    "GET /v1/paths": "from and to must differ",
}


def refused_by_a_rule_openapi_cannot_state(case: Any, response: Any) -> bool:
    if response.status_code != 422:
        return False
    try:
        error = response.json()["error"]
    except (ValueError, KeyError, TypeError):
        return False
    label = case.operation.label
    if label in RULES:
        return bool(error.get("message") == RULES[label])
    if label == "POST /v1/query":  # the database refused the statement itself (syntax, semantics)
        details = error.get("details") or {}
        return isinstance(details, dict) and str(details.get("neo4j_code", "")).startswith("Neo.ClientError.Statement.")
    return False


@schemathesis.check
def positive_data_acceptance_beyond_openapi(ctx: Any, response: Any, case: Any) -> bool | None:
    if refused_by_a_rule_openapi_cannot_state(case, response):
        return None
    return positive_data_acceptance(ctx, response, case)  # type: ignore[no-any-return]
