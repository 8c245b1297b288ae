"""The writer's fact edges: built from the claims already in the graph plus the batch's, one edge
per fact also when two loaders add claims to the same fact at the same time."""

from __future__ import annotations

import threading
import time

import pytest

from graph import ingest
from graph.database import Graph
from graph.writer import _write_claims
from loaders.base import Parsed
from schema.models import Citation, Claim, Entity, Source
from schema.ontology import EntityType, Predicate, Stance

TEXT = "The Agency listed Acme Ltd on 3 March 2021. Acme Ltd disputes the listing. A bill was filed."


def _source(n: int) -> Source:
    return Source(id=f"source:writer-{n}", title=f"Report {n}", kind="report", text=TEXT)


def _claim(n: int, stance: Stance = Stance.ASSERTED, confidence: float = 1.0) -> Claim:
    quote = "The Agency listed Acme Ltd on 3 March 2021."
    return Claim(
        subject="firm:acme",
        predicate=Predicate.LISTED_ON,
        object="list:agency-list",
        stance=stance,
        confidence=confidence,
        valid_from="2021-03-03" if n == 1 else "2021",
        citations=(Citation(source=f"source:writer-{n}", quote=quote, start=0, end=len(quote)),),
    )


def _base() -> Parsed:
    return Parsed(
        entities=[
            Entity(id="firm:acme", type=EntityType.FIRM, name="Acme Ltd"),
            Entity(id="list:agency-list", type=EntityType.LIST, name="Agency List"),
        ],
        sources=[_source(n) for n in range(1, 4)],
    )


def _load(graph: Graph, *claims: Claim, name: str = "writer-test") -> ingest.IngestReport:
    return ingest.ingest(
        graph, Parsed(claims=list(claims)), loader="test", inputs=[name], input_sha256=name + str(len(claims))
    )


def _fact_edges(graph: Graph) -> list[dict]:
    return graph.read(
        "MATCH (:Entity {id: 'firm:acme'})-[r:LISTED_ON]->(:Entity {id: 'list:agency-list'}) "
        "RETURN r.fact_id AS fact_id, r.n_claims AS n_claims, r.n_sources AS n_sources, "
        "r.stances AS stances, r.valid_from AS valid_from, r.confidence AS confidence"
    )


@pytest.fixture
def base(clean_graph: Graph) -> Graph:
    ingest.ingest(clean_graph, _base(), loader="test", inputs=["base"], input_sha256="base")
    return clean_graph


def test_a_fact_gathers_claims_across_loads(base: Graph) -> None:
    _load(base, _claim(2, Stance.ALLEGED, 0.5), name="first")
    [edge] = _fact_edges(base)
    assert (edge["n_claims"], edge["stances"], edge["valid_from"]) == (1, ["alleged"], "2021")
    _load(base, _claim(1), _claim(3, Stance.DISPUTED), name="second")
    [edge] = _fact_edges(base)
    assert edge["n_claims"] == 3 and edge["n_sources"] == 3
    assert edge["stances"] == ["asserted", "alleged", "disputed"]
    assert edge["valid_from"] == "2021"  # the earliest reading of "2021" is before 2021-03-03


def test_a_changed_confidence_updates_the_fact(base: Graph) -> None:
    _load(base, _claim(2, Stance.ALLEGED, 0.5), name="low")
    _load(base, _claim(2, Stance.ALLEGED, 0.9), name="high")
    [edge] = _fact_edges(base)
    assert edge["n_claims"] == 1 and edge["confidence"] == 0.9


def _blocked_transactions(graph: Graph) -> int:
    rows = graph.read("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n")
    return int(rows[0]["n"])


def test_two_loaders_on_one_new_fact_take_turns(base: Graph) -> None:
    """Loader A has written a claim of a new fact but not committed; loader B adds another claim
    of the same fact. B must wait for A (a lock on the subject) and then count A's claim: one
    fact edge with two claims — not two edges, not one edge that forgot a claim."""
    run = ingest.begin_run(base, "test", ["a"], "a")
    session = base.driver.session(database=base.database)
    tx = session.begin_transaction()
    errors: list[BaseException] = []
    try:
        _write_claims(tx, [_claim(1)], run)  # type: ignore[arg-type]

        def loader_b() -> None:
            try:
                _load(base, _claim(2, Stance.ALLEGED), name="b")
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)

        thread = threading.Thread(target=loader_b)
        thread.start()
        deadline = time.monotonic() + 60
        while _blocked_transactions(base) == 0 and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert thread.is_alive(), "loader B finished while A held its uncommitted claim: it did not wait"
        tx.commit()
    finally:
        if tx.closed() is False:
            tx.rollback()
        session.close()
    thread.join(60)
    assert not errors, errors
    [edge] = _fact_edges(base)
    assert edge["n_claims"] == 2 and edge["stances"] == ["asserted", "alleged"]
