"""Monitoring: watched records are re-screened when the graph changes, and each new, changed or
ended exposed match becomes an alert with the change that caused it.

    add(graph, "customers", records, by="ops")     # a watchlist: stored, screened (its baseline)
    catch_up(graph)                                # after load runs: incremental; alerts written

A record's **state** is what its last screening found: its *exposed* matches — entities it
matches (score ≥ threshold) that carry regulatory facts now (exposure as of today) or that the
ownership rule blocks — each with its score, the facts and their digest; and its candidates.
**Incremental**: the change feed since the watchlist was last checked names the facts added,
ended, returned or changed; their entities (canonical) and everything below them in ownership /
part-of / product-of chains are *affected*; the records re-screened are those with an affected
entity among their last candidates, and those the watched records' name index finds for the
names of an entity written since (created or renamed: a new candidate they might now match).
``full=True`` re-screens every record (the same alerts: tested). **Alerts**: ``new`` (an exposed
match that was not), ``changed`` (its facts or the rule's verdict changed), ``ended`` (no longer
an exposed match: its listing ended, or it no longer matches); each with the record, the match's
explanation, the changes of the feed that touched its facts (fact, quote, load run) and the
latest such run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from graph import ingest, watch
from graph.database import Graph
from graph.screen_decisions import exposure_digest
from schema.errors import InvalidInput
from schema.models import digest

from .matcher import SCREENED
from .records import ScreenRecord
from .search import forms, record_query
from .service import Screener

BATCH = 100


def search_text(record: ScreenRecord) -> str:
    """What the watched records' index holds of a record: its name's forms and its identifiers."""
    return " ".join([*(forms(record.name) if record.name else []), *record.identifiers.values()])


def add(graph: Graph, name: str, records: Sequence[ScreenRecord], by: str, **options: Any) -> dict[str, Any]:
    """Add records (each with its ``id``) to the watchlist ``name`` and screen them: their
    baseline state (no alerts for what they match today)."""
    missing = [i for i, r in enumerate(records) if not r.id]
    if missing:
        raise InvalidInput(
            f"a watched record needs its id (record {missing[0]})", {"field": f"records[{missing[0]}].id"}
        )
    keys = [r.id or "" for r in records]
    if len(set(keys)) != len(keys):
        raise InvalidInput("record ids must be unique in one upload", {"field": "records"})
    rows = [
        {
            "key": r.id,
            "record": r.model_dump(mode="json", exclude_none=True, exclude={"id"}),
            "search_text": search_text(r),
        }
        for r in records
    ]
    saved = watch.save_watchlist(graph, name, rows, by)
    ids = [f"{saved['id']}/{k}" for k in keys]
    exposed = 0
    for start in range(0, len(ids), BATCH):
        part = watch.records(graph, saved["id"], ids[start : start + BATCH])
        states = _screen(graph, part, options)
        watch.save_states(graph, [{"id": r["id"], **s} for r, s in zip(part, states, strict=True)])
        exposed += sum(len(s["state"]) for s in states)
    return saved | {"exposed_matches": exposed}


def _screener(graph: Graph, options: dict[str, Any]) -> Screener:
    return Screener(graph, as_of=date.today().isoformat(), **options)


def _screen(graph: Graph, records: Sequence[dict[str, Any]], options: dict[str, Any]) -> list[dict[str, Any]]:
    """Each record's new state and candidates, with the matches it came from."""
    screener = _screener(graph, options)
    parsed = [ScreenRecord.model_validate(r["record"] | {"id": r["key"]}) for r in records]
    found = screener.fetch(parsed)
    results = screener.finish(parsed, found)
    out = []
    for result, candidates in zip(results, found, strict=True):
        state: dict[str, Any] = {}
        matches: dict[str, Any] = {}
        for m in result["matches"]:
            verdict = (m.get("ownership") or {}).get("blocked_by_50_percent_rule")
            if not m["match"] or not (m["exposure"] or verdict == "true"):
                continue
            facts = sorted({a["fact"]["fact_id"] for a in m["exposure"]})
            state[m["entity"]["id"]] = {
                "name": m["entity"]["name"],
                "score": m["score"],
                "facts": facts,
                "digest": exposure_digest(m["exposure"]),
                "rule": verdict,
            }
            matches[m["entity"]["id"]] = m
        ids = {c["id"] for c in candidates} | {x["id"] for c in candidates for x in c["members"]}
        out.append({"state": state, "candidates": sorted(ids), "matches": matches})
    return out


def catch_up(graph: Graph, watchlist: str | None = None, *, full: bool = False, **options: Any) -> dict[str, Any]:
    """Bring the watchlists (or one) up to date with the change feed; the alerts written."""
    report: dict[str, Any] = {"watchlists": 0, "rescreened": 0, "alerts": 0}
    running = watch.running_since(graph)
    for wl in watch.watchlists(graph, watchlist):
        feed = list(watch.changes_since(graph, wl["checked_through"]))
        if not feed and not full:
            continue
        report["watchlists"] += 1
        if full:
            ids = [r["id"] for r in watch.records(graph, wl["id"])]
        else:
            ids = sorted(_reached(graph, wl["id"], wl["checked_through"], feed))
        for start in range(0, len(ids), BATCH):
            part = watch.records(graph, wl["id"], ids[start : start + BATCH])
            states = _screen(graph, part, options)
            alerts = [a for r, s in zip(part, states, strict=True) for a in _diff(wl["id"], r, s, feed)]
            report["alerts"] += watch.save_alerts(graph, wl["id"], alerts)
            watch.save_states(graph, [{"id": r["id"], **s} for r, s in zip(part, states, strict=True)])
            report["rescreened"] += len(part)
        if feed:
            watch.mark_checked(graph, wl["id"], _through(feed, running))
    return report


def _reached(graph: Graph, wid: str, since: str, feed: Sequence[dict[str, Any]]) -> set[str]:
    """The records a feed's changes may change: those with a changed fact's entity (or one below it
    in a chain) among their last candidates, and those a search of the watched records' names
    finds for an entity written since (created, or its names changed: it may be a new candidate).
    A fact alone changes no search ranking, so an entity that was not a record's candidate does not
    become one by it — what makes this equal to a full re-screen."""
    touched = {x for c in feed for x in (c["subject"], c["object"])}
    affected = watch.below(graph, sorted({e["id"] for e in watch.canonical(graph, sorted(touched))}))
    queries = []
    for e in watch.written_since(graph, since, [t.value for t in SCREENED["any"]]):
        for name in [e["name"], *e["aliases"]][:5]:
            q = record_query(name, e["identifiers"].values())
            if q:
                queries.append(q)
    return watch.records_of(graph, wid, sorted(affected)) | watch.records_found(graph, wid, queries)


def _through(feed: Sequence[dict[str, Any]], running: str | None) -> str:
    """How far the feed was read: its latest run's start, but never past a run still running
    (its changes come later, with an earlier start)."""
    latest = max(_when(c["run"]["started_at"]) for c in feed)
    if running is not None:
        latest = min(latest, _when(running) - timedelta(microseconds=1))
    return latest.isoformat(timespec="microseconds")


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def _diff(
    wid: str, record: dict[str, Any], new: dict[str, Any], feed: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The alerts of one record: each exposed match new, changed or ended since its last state."""
    old = record["state"] or {}
    now_state = new["state"]
    out = []
    for eid in sorted(set(old) | set(now_state)):
        before, after = old.get(eid), now_state.get(eid)
        if before and after and (before["digest"], before.get("rule")) == (after["digest"], after.get("rule")):
            continue
        kind = "new" if before is None else "ended" if after is None else "changed"
        facts = set((before or {}).get("facts", [])) | set((after or {}).get("facts", []))
        causes = [c for c in feed if c["fact_id"] in facts] or [c for c in feed if eid in (c["subject"], c["object"])]
        match = new["matches"].get(eid)
        cause_key = sorted((c["fact_id"], c["change"], c["run"]["id"]) for c in causes)
        alert = {
            "watchlist": wid,
            "record_key": record["key"],
            "record": record["record"],
            "entity_id": eid,
            "entity_name": (after or before or {}).get("name"),
            "kind": kind,
            "score": (after or before or {}).get("score"),
            "explanation": match["explanation"] if match else [],
            "facts_before": (before or {}).get("facts", []),
            "facts_after": (after or {}).get("facts", []),
            "rule_before": (before or {}).get("rule"),
            "rule_after": (after or {}).get("rule"),
            "causes": [_cause(c) for c in causes],
            "run": max(causes, key=lambda c: c["run"]["started_at"])["run"]["id"] if causes else None,
            "created_at": watch.now(),
        }
        alert["id"] = "alert:" + digest(
            wid, record["key"], eid, kind, (before or {}).get("digest"), (after or {}).get("digest"), cause_key
        )
        out.append(alert)
    return out


def _cause(c: dict[str, Any]) -> dict[str, Any]:
    keep = ("fact_id", "change", "subject", "predicate", "object", "stances", "valid_from", "valid_to", "quote")
    return {k: c.get(k) for k in keep} | {"run": c["run"]["id"], "loader": c["run"]["loader"]}


def install(**options: Any) -> None:
    """Catch the watchlists up after every load run (graph.ingest.AFTER_RUN), with these
    screening options (the ownership rule and its list kinds); installing again replaces it."""
    ingest.AFTER_RUN[:] = [h for h in ingest.AFTER_RUN if getattr(h, "__name__", "") != "_catch_up_after_run"]

    def _catch_up_after_run(graph: Graph, _run_id: str) -> object:
        return catch_up(graph, **options)

    ingest.AFTER_RUN.append(_catch_up_after_run)
