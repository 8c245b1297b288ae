"""Monitoring's storage and reads: watchlists, their records with the last screening's state,
the entities a change reaches, and alerts (the logic: ``screen/monitor.py``).

A watchlist is a ``Watchlist`` node; each upload of records is a Source (the records as JSON
lines, its text) written through a LoadRun (loader ``watchlist``), which the watchlist and each
record point to (``FROM``). A ``WatchedRecord`` keeps the record, its search text (a full-text
index finds the records a new entity's names might match), and the state of its last screening:
its exposed matches and its candidates. An ``Alert`` is written once (its id is its content).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from schema.errors import NotFound
from schema.models import Source, digest, slug

from . import ingest, reads
from .database import Graph
from .watch_queries import (
    ALERT_ACK,
    ALERTS,
    ALERTS_SAVE,
    ALERTS_TOTAL,
    BELOW,
    CANONICAL,
    CHECKED,
    RECORDS,
    RECORDS_FOUND,
    RECORDS_OF_ENTITIES,
    RUNNING_SINCE,
    STATE_SAVE,
    WATCHLIST_SAVE,
    WATCHLISTS,
    WRITTEN_SINCE,
)

FOUND_PER_QUERY = 50  # records read per entity name searched in the watched records' index


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def watchlist_id(name: str) -> str:
    return f"watchlist:{slug(name)[:60].strip('-') or 'list'}"


def save_watchlist(graph: Graph, name: str, records: Sequence[dict[str, Any]], by: str) -> dict[str, Any]:
    """Add (or replace, by key) records to the watchlist ``name``: ``records`` are ``{key,
    record (JSON-able), search_text}``. The upload is a Source written through a load run."""
    wid = watchlist_id(name)
    lines = [json.dumps({"key": r["key"], **r["record"]}, ensure_ascii=False, sort_keys=True) for r in records]
    when = now()
    source = Source(
        id=f"source:watchlist-{digest(wid, lines, length=16)}",
        title=f"Watchlist {name}: {len(records)} record(s) added by {by}",
        kind="dataset",
        publisher="regkg watch",
        published_at=when[:10],
        text="\n".join(lines) + "\n",
    )
    report = ingest.ingest(
        graph,
        ingest.LoadData(sources=[source]),
        loader="watchlist",
        inputs=[source.id],
        input_sha256=source.sha256 or "",
    )
    rows = [
        {
            "id": f"{wid}/{r['key']}",
            "props": {
                "key": r["key"],
                "record": json.dumps(r["record"], ensure_ascii=False),
                "search_text": r["search_text"],
            },
        }
        for r in records
    ]
    out = graph.write(
        WATCHLIST_SAVE,
        {"run": report.run_id, "source": source.id, "id": wid, "name": name, "now": when, "records": rows},
    )
    return {
        "id": wid,
        "name": name,
        "records": out[0]["records"] if out else 0,
        "source": source.id,
        "run": report.run_id,
    }


def watchlists(graph: Graph, wid: str | None = None) -> list[dict[str, Any]]:
    return graph.read(WATCHLISTS, {"id": wid})


def watchlist(graph: Graph, wid: str) -> dict[str, Any]:
    found = watchlists(graph, wid)
    if not found:
        raise NotFound(f"no watchlist {wid}", {"field": "watchlist", "id": wid})
    return found[0]


def records(graph: Graph, wid: str, ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The watchlist's records (of some ids), each with its record, state and candidates decoded."""
    out = []
    for r in graph.read(RECORDS, {"watchlist": wid, "ids": list(ids) if ids is not None else None}):
        out.append(
            r
            | {"record": json.loads(r["record"]), "state": json.loads(r["state"]) if r["state"] else None}
            | {"candidates": list(r["candidates"] or [])}
        )
    return out


def records_of(graph: Graph, wid: str, entities: Sequence[str]) -> set[str]:
    """The records whose last screening had one of ``entities`` among its candidates."""
    return {r["id"] for r in graph.read(RECORDS_OF_ENTITIES, {"watchlist": wid, "entities": list(entities)})}


def records_found(graph: Graph, wid: str, queries: Sequence[str]) -> set[str]:
    """The records the watched records' index finds for some Lucene queries (of entity names)."""
    if not queries:
        return set()
    rows = graph.read(RECORDS_FOUND, {"watchlist": wid, "queries": list(queries), "per": FOUND_PER_QUERY})
    return {r["id"] for r in rows}


def save_states(graph: Graph, rows: Sequence[dict[str, Any]]) -> None:
    """Each record's state after a screening (``{id, state (JSON-able), candidates}``)."""
    if rows:
        payload = [
            {"id": r["id"], "state": json.dumps(r["state"], sort_keys=True), "candidates": r["candidates"]}
            for r in rows
        ]
        graph.write(STATE_SAVE, {"rows": payload})


def changes_since(graph: Graph, since: str) -> Iterator[dict[str, Any]]:
    """Every change of the feed after ``since`` (an ISO date-time), page by page."""
    offset, page = 0, 1000
    while True:
        got = reads.changes(graph, since, page, offset)
        yield from got["items"]
        offset += page
        if offset >= got["total"]:
            return


def running_since(graph: Graph) -> str | None:
    rows = graph.read(RUNNING_SINCE, {})
    return rows[0]["since"] if rows else None


def mark_checked(graph: Graph, wid: str, through: str) -> None:
    graph.write(CHECKED, {"id": wid, "through": through})


def below(graph: Graph, ids: Sequence[str]) -> set[str]:
    """``ids`` and the entities below them in ownership / part-of / product-of chains (whose
    exposure or ownership their facts reach)."""
    out = set(ids)
    for r in graph.read(BELOW, {"ids": list(ids)}) if ids else ():
        out.update(r["below"])
    return out


def written_since(graph: Graph, since: str, types: Sequence[str]) -> list[dict[str, Any]]:
    """The canonical entities of these types written (created or changed) after ``since``."""
    return [_named(r) for r in graph.read(WRITTEN_SINCE, {"since": since, "types": list(types)})]


def _named(r: dict[str, Any]) -> dict[str, Any]:
    ident = r["identifiers"]
    return r | {"aliases": list(r["aliases"] or []), "identifiers": json.loads(ident) if ident else {}}


def canonical(graph: Graph, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The canonical entities of some ids, with their names and identifiers."""
    return [_named(r) for r in graph.read(CANONICAL, {"ids": list(ids)})] if ids else []


def save_alerts(graph: Graph, wid: str, alerts: Sequence[dict[str, Any]]) -> int:
    if not alerts:
        return 0
    rows = [{"id": a["id"], "props": {k: _prop(v) for k, v in a.items()}} for a in alerts]
    return int(graph.write(ALERTS_SAVE, {"watchlist": wid, "alerts": rows})[0]["n"])


def _prop(value: Any) -> Any:
    """Nested values are kept as JSON text (a node property holds scalars and lists of them)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict | list) else value


_JSON_FIELDS = ("explanation", "causes", "record", "facts_before", "facts_after")


def _alert(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(v) if k in _JSON_FIELDS and isinstance(v, str) else v for k, v in raw.items()}


def alerts(
    graph: Graph, *, watchlist: str | None, since: str | None, acknowledged: bool | None, limit: int, offset: int
) -> dict[str, Any]:
    params = {"watchlist": watchlist, "since": since, "acknowledged": acknowledged}
    items = [_alert(r["alert"]) for r in graph.read(ALERTS, params | {"limit": limit, "offset": offset})]
    total = int(graph.read(ALERTS_TOTAL, params)[0]["total"])
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def acknowledge(graph: Graph, alert_id: str, by: str) -> dict[str, Any]:
    rows = graph.write(ALERT_ACK, {"id": alert_id, "by": by, "at": now()})
    if not rows:
        raise NotFound(f"no alert {alert_id}", {"id": alert_id})
    return _alert(rows[0]["alert"])
