"""schemathesis against the live OpenAPI (real Neo4j, seed loaded): no 5xx, no schema violations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.app import create_app
from config import Settings
from graph.database import Graph
from tests.conftest import load_fresh

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"


@pytest.fixture(scope="module")
def seeded_app(graph: Graph, settings: Settings) -> Iterator[FastAPI]:
    load_fresh(graph, settings, SEED)
    app = create_app(settings)
    from fastapi.testclient import TestClient

    with TestClient(app):  # runs the lifespan (opens the driver)
        yield app


@pytest.fixture(scope="module")
def api_schema(seeded_app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", seeded_app)


def test_api_conforms(api_schema: schemathesis.BaseSchema) -> None:
    """Every operation, 40 generated cases each: no 5xx, responses match the documented schema.

    One check is left out, on purpose: "schema-valid request rejected". Some rules are semantic
    and cannot be said in OpenAPI — a real calendar date (2017-02-30 fits the pattern), from and
    to being different entities — so such requests get a documented 422, which that check flags.

    (schemathesis' pytest plugin does not run under pytest 9 yet, so operations are driven
    through their Hypothesis strategies directly.)
    """
    failures: list[str] = []
    operations = [res.ok() for res in api_schema.get_all_operations()]
    assert len(operations) >= 9
    for op in operations:

        @given(case=op.as_strategy())
        @hsettings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report
            failures.append(f"{op.label}: {exc}"[:3000])
    assert failures == [], "\n\n".join(failures)
