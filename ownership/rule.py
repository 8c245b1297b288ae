"""OFAC's 50 % rule (and the EU's "owned or controlled" variant), with its reasons — pure: no database, no I/O.

**The rule.** OFAC, *Revised Guidance on Entities Owned by Persons Whose Property and Interests in
Property Are Blocked* (13 August 2014), and FAQs 398–402: an entity owned 50 % or more in the
aggregate, directly or indirectly, by one or more blocked persons is itself blocked, listed or not.
An entity the rule blocks is in turn a blocked person for what *it* owns; the shares of several
blocked owners add up; the holdings of an entity owned less than 50 % by blocked persons are
disregarded (never multiplied through an unblocked entity: FAQ 401's fourth example). The EU's
variant (:data:`EU`) blocks at *more than* 50 %, and on control by a blocked person.

**Three values.** Sources often say that someone owns an entity but not how much, so a status is
``True`` (blocked), ``False`` (not blocked) or ``None`` (unknown). Two sets, each the least fixed
point grown from the listed entities, are computed over all entities: *definitely blocked* (the
known shares of definitely blocked owners reach the threshold) and *possibly blocked* (the most the
shares of possibly blocked owners could add up to reaches it; missing shares together are at most
what the known shares of all the entity's owners leave of 100 %). The sets only grow, so cycles of
ownership need no special case and the iteration ends. Unknown = possibly but not definitely blocked.
"""

from __future__ import annotations

import copy
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from schema.dates import earliest, latest, partial_date

Verdict = Literal["true", "false", "unknown"]
EPSILON = 1e-9  # shares are floats: 33.3 + 16.7 must reach 50
TREE_NODE_LIMIT = 5000  # a tree of many diamonds grows exponentially; further branches are cut (truncated)
_VERDICT: dict[bool | None, Verdict] = {True: "true", False: "false", None: "unknown"}
_STATUS: dict[bool | None, str] = {True: "blocked", False: "not-blocked", None: "unknown"}


@dataclass(frozen=True)
class Holding:
    """One source's statement that ``owner`` holds ``share`` percent of ``owned`` (None: not stated)."""

    owner: str
    owned: str
    share: float | None
    fact_id: str | None = None
    quote: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    stances: tuple[str, ...] = ("asserted",)
    control: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)} | {"stances": list(self.stances)}


@dataclass(frozen=True)
class Rule:
    """Which aggregate share of blocked owners blocks an entity, and whether control alone does."""

    name: str = "OFAC 50 % rule"
    threshold: float = 50.0
    inclusive: bool = True
    control: bool = False
    cite: str = (
        "OFAC, Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property "
        "Are Blocked (2014); FAQs 398-402"
    )

    def reaches(self, share: float) -> bool:
        """Whether ``share`` blocks: ``>=`` the threshold when inclusive, ``>`` otherwise."""
        return share >= self.threshold - EPSILON if self.inclusive else share > self.threshold + EPSILON

    def over(self) -> str:
        return f"{_pct(self.threshold)} or more" if self.inclusive else f"more than {_pct(self.threshold)}"

    def under(self) -> str:
        return f"below {_pct(self.threshold)}" if self.inclusive else f"not more than {_pct(self.threshold)}"


OFAC = Rule()
EU = Rule(
    name="EU owned or controlled",
    inclusive=False,
    control=True,
    cite="Council Regulation (EU) No 269/2014, Art. 2; Council of the EU, EU Best Practices for the effective "
    "implementation of restrictive measures (ownership and control)",
)


@dataclass(frozen=True)
class Finding:
    """The rule's answer for one entity: its status, why, what would decide it, and the tree above it.

    ``blocked`` is the entity's status (True also when it is listed in its own right);
    ``blocked_by_50_percent_rule`` is the rule's verdict from its owners alone (its own listing set
    aside), and ``blocked_share``, ``blocked_share_max`` and ``missing`` belong to that verdict.
    """

    entity: str
    blocked: bool | None
    blocked_by_50_percent_rule: Verdict
    reason: str
    blocked_share: float
    blocked_share_max: float
    missing: tuple[Holding, ...]
    rule: Rule
    tree: Mapping[str, Any] = field(hash=False)

    def to_dict(self, copy_tree: bool = True) -> dict[str, Any]:
        """Plain JSON-able dicts (the rule, the tree and the missing holdings included). With
        ``copy_tree=False`` the tree itself is handed over, not a deep copy of every node (for a
        caller that made this finding and drops it: exposure at L spent 0.8 ms copying trees)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("rule", "missing", "tree")}
        tree = copy.deepcopy(dict(self.tree)) if copy_tree else self.tree
        return out | {"rule": asdict(self.rule), "missing": [h.to_dict() for h in self.missing], "tree": tree}


def current(holdings: Iterable[Holding], as_of: str | None, stances: Collection[str] | None) -> list[Holding]:
    """The holdings in force at ``as_of`` (all when None) having one of ``stances`` (any when None).

    Partial dates cover every day they name: a holding ending "2019" is in force on 2019-06-30, and
    one starting "2019-05" is in force at an ``as_of`` of "2019". A holding date that cannot be read
    is no bound; an ``as_of`` that cannot be read is a ValueError.
    """
    day = partial_date(as_of) if as_of else None
    span = (earliest(day) or "", latest(day) or "") if day else None
    wanted = None if stances is None else set(stances)
    in_force = (h for h in holdings if span is None or _in_force(h, *span))
    return [h for h in in_force if wanted is None or wanted.intersection(h.stances)]


def assess(
    target: str, holdings: Sequence[Holding], listed: Mapping[str, str], rule: Rule = OFAC, max_depth: int = 10
) -> Finding:
    """Apply ``rule`` to ``target`` given every holding (as given: see :func:`current`) and the listed entities.

    ``listed`` maps an entity blocked in its own right to the reason (e.g. its sanctions listing).
    Several holdings of one owner in one entity (two sources) count once, with their largest known
    share; a pair whose shares are all unknown is unknown. The tree above the target is cut where an
    entity repeats on its branch (``cycle``) and below ``max_depth`` levels (``truncated``).
    """
    graph = _Graph(holdings, listed, rule)
    view = graph.rule_view(target)
    tally = graph.tally(target, view)
    return Finding(
        entity=target,
        blocked=_state(target, graph.view),
        blocked_by_50_percent_rule=_VERDICT[_state(target, view)],
        reason=graph.reason(target),
        blocked_share=round(tally.known, 6),
        blocked_share_max=round(tally.most, 6),
        missing=graph.missing(target, view),
        rule=rule,
        tree=graph.tree(target, max_depth),
    )


@dataclass(frozen=True)
class _Pair:
    """All holdings of one owner in one entity: the largest known share (clamped to 0..100), any control."""

    owner: str
    share: float | None
    control: bool
    holdings: tuple[Holding, ...]


@dataclass(frozen=True)
class _View:
    """Who is definitely and who possibly blocked, given which entities count as listed (the sets grow
    only while :meth:`_Graph.fixed_point` computes them)."""

    listed: Mapping[str, str]
    definite: Collection[str]
    possible: Collection[str]


@dataclass(frozen=True)
class _Tally:
    """What an entity's blocked owners hold: ``known`` surely, ``most`` at most (both capped at 100), and
    whether that (or control, under a rule with control) blocks it ``surely`` or ``maybe``."""

    known: float
    most: float
    surely: bool
    maybe: bool


class _Graph:
    """The holdings indexed by owned entity, the fixed point, and the answers built on them."""

    def __init__(self, holdings: Sequence[Holding], listed: Mapping[str, str], rule: Rule) -> None:
        self.rule = rule
        self.index = _index(holdings)
        self.owns: dict[str, set[str]] = defaultdict(set)
        for owned, pairs in self.index.items():
            for pair in pairs:
                self.owns[pair.owner].add(owned)
        self.listed = listed
        self.view = self.fixed_point(listed)
        self._views: dict[str, _View] = {}
        self._reasons: dict[str, str] = {}
        self._nodes = 0

    def fixed_point(self, listed: Mapping[str, str]) -> _View:
        """Grow both sets from the listed entities until nothing changes, re-checking what a newcomer owns."""
        definite, possible = set(listed), set(listed)
        view, queue = _View(listed, definite, possible), list(self.index)
        while queue:
            entity = queue.pop()
            tally = self.tally(entity, view)
            grew = (tally.surely and entity not in definite) or (tally.maybe and entity not in possible)
            if tally.surely:
                definite.add(entity)
            if tally.maybe:
                possible.add(entity)
            if grew:
                queue.extend(self.owns[entity])
        return view

    def rule_view(self, entity: str) -> _View:
        """The view in which ``entity``'s own listing is set aside: the rule's verdict comes from its owners."""
        if entity not in self.listed:
            return self.view
        if entity not in self._views:
            self._views[entity] = self.fixed_point({k: v for k, v in self.listed.items() if k != entity})
        return self._views[entity]

    def tally(self, entity: str, view: _View) -> _Tally:
        pairs, definite, possible = self.index.get(entity, ()), view.definite, view.possible
        known = math.fsum(p.share for p in pairs if p.share is not None and p.owner in definite)
        most = math.fsum(p.share for p in pairs if p.share is not None and p.owner in possible)
        if any(p.share is None and p.owner in possible for p in pairs):
            most += max(0.0, 100.0 - _stated(pairs))
        rule = self.rule
        return _Tally(
            min(100.0, known),
            min(100.0, most),
            rule.reaches(known) or (rule.control and any(p.control and p.owner in definite for p in pairs)),
            rule.reaches(most) or (rule.control and any(p.control and p.owner in possible for p in pairs)),
        )

    def missing(self, entity: str, view: _View) -> tuple[Holding, ...]:
        """Holdings with no share from possibly blocked owners, up through the owners still unknown."""
        if _state(entity, view) is not None:
            return ()
        found: list[Holding] = []
        seen, stack = {entity}, [entity]
        while stack:
            for pair in (p for p in self.index.get(stack.pop(), ()) if p.owner in view.possible):
                if pair.share is None:
                    found.extend(pair.holdings)
                if pair.owner not in view.definite and pair.owner not in seen:
                    seen.add(pair.owner)
                    stack.append(pair.owner)
        return tuple(found)

    def reason(self, entity: str) -> str:
        """One sentence: why the rule blocks ``entity`` or not (after its listing, when it is listed)."""
        if entity not in self._reasons:
            view = self.rule_view(entity)
            verdict = _state(entity, view)
            because = self._because(entity, view)
            if entity in self.listed:
                lead = {
                    True: "the rule blocks it too: ",
                    False: "the rule alone would not block it: ",
                    None: "whether the rule alone would block it is ",
                }[verdict]
                because = f"listed ({self.listed[entity]}); {lead}{because}"
            self._reasons[entity] = because
        return self._reasons[entity]

    def _because(self, entity: str, view: _View) -> str:
        owners = self.index.get(entity, ())
        tally = self.tally(entity, view)
        verdict = _state(entity, view)
        if not owners:
            text = f"no owners are recorded, so blocked owners hold 0 % ({self.rule.under()})"
        elif verdict is True:
            text = self._blocked_because(owners, view, tally)
        elif verdict is False:
            text = f"blocked owners hold {_pct(tally.known)} ({self.rule.under()}"
            text += f"; at most {_pct(tally.most)} counting what is not known)" if tally.most > tally.known else ")"
        else:
            text = self._unknown_because(entity, owners, view, tally)
        if _stated(owners) > 100.0 + EPSILON:
            text += f" (the shares stated for {entity} add up to {_pct(_stated(owners))}; counted as at most 100 %)"
        return text

    def _blocked_because(self, owners: tuple[_Pair, ...], view: _View, tally: _Tally) -> str:
        def why(owner: str) -> str:
            return f"listed: {view.listed[owner]}" if owner in view.listed else "blocked by the rule"

        if self.rule.reaches(tally.known):
            held = [p for p in owners if p.share is not None and p.owner in view.definite]
            held.sort(key=lambda p: -(p.share or 0.0))
            parts = ", ".join(f"{p.owner} {_pct(p.share or 0.0)} ({why(p.owner)})" for p in held)
            return f"owned {self.rule.over()} by blocked persons: {parts}"
        rulers = [p.owner for p in owners if p.control and p.owner in view.definite]
        return "controlled by a blocked person: " + ", ".join(f"{o} ({why(o)})" for o in rulers)

    def _unknown_because(self, entity: str, owners: tuple[_Pair, ...], view: _View, tally: _Tally) -> str:
        unstated = [p.owner for p in owners if p.share is None and p.owner in view.possible]
        undecided = [p.owner for p in owners if p.owner in view.possible and p.owner not in view.definite]
        clauses = []
        if unstated:
            many = len(unstated) > 1
            clauses.append(
                f"the share{'s' * many} of {_names(unstated)} in {entity} {'are' if many else 'is'} not stated"
            )
        if undecided:
            clauses.append(f"whether {_names(undecided)} {'is' if len(undecided) == 1 else 'are'} blocked is unknown")
        single = len(unstated) + len(undecided) == 1
        decide = " and would decide it" if len(clauses) == 1 else "; together they would decide it"
        return (
            f"unknown: {'; '.join(clauses)}{decide} (known blocked shares {_pct(tally.known)}, "
            f"at most {_pct(tally.most)} with {'it' if single else 'them'})"
        )

    def tree(self, entity: str, max_depth: int, branch: tuple[str, ...] = ()) -> dict[str, Any]:
        """The ownership tree above ``entity``: each node's status and reason, each holding with its owner's node."""
        if entity in branch:
            return {"entity": entity, "cycle": True}
        self._nodes += 1
        view = self.rule_view(entity)
        node: dict[str, Any] = {
            "entity": entity,
            "status": _STATUS[_state(entity, self.view)],
            "listed": self.listed.get(entity),
            "by_rule": _VERDICT[_state(entity, view)],
            "reason": self.reason(entity),
            "blocked_share": round(self.tally(entity, view).known, 6),
            "holdings": [],
        }
        owners = self.index.get(entity, ())
        if not owners:
            return node
        if len(branch) >= max_depth or self._nodes >= TREE_NODE_LIMIT:
            node["truncated"] = True
            return node
        for pair in owners:
            above = self.tree(pair.owner, max_depth, (*branch, entity))
            for h in pair.holdings:
                node["holdings"].append({**{k: v for k, v in h.to_dict().items() if k != "owned"}, "node": above})
        return node


def _index(holdings: Sequence[Holding]) -> dict[str, tuple[_Pair, ...]]:
    """Group the holdings by owned entity, then by owner (owners sorted, so answers do not depend on order)."""
    grouped: dict[str, dict[str, list[Holding]]] = defaultdict(lambda: defaultdict(list))
    for h in holdings:
        grouped[h.owned][h.owner].append(h)
    return {owned: tuple(_pair(o, hs) for o, hs in sorted(by.items())) for owned, by in grouped.items()}


def _stated(pairs: Iterable[_Pair]) -> float:
    """The known shares of all of an entity's owners added up (it may exceed 100)."""
    return math.fsum(p.share for p in pairs if p.share is not None)


def _state(entity: str, view: _View) -> bool | None:
    return True if entity in view.definite else None if entity in view.possible else False


def _pair(owner: str, holdings: list[Holding]) -> _Pair:
    """One owner's holdings in one entity: the largest known share (clamped to 0..100), any control."""
    known = [h.share for h in holdings if h.share is not None and not math.isnan(h.share)]
    share = min(100.0, max(0.0, max(known))) if known else None
    return _Pair(owner, share, any(h.control for h in holdings), tuple(holdings))


def _pct(value: float) -> str:
    return f"{round(value, 4):g} %"


def _names(entities: Sequence[str]) -> str:
    return entities[0] if len(entities) == 1 else ", ".join(entities[:-1]) + " and " + entities[-1]


def _in_force(holding: Holding, start: str, end: str) -> bool:
    """Whether the holding overlaps the days from ``start`` to ``end`` (ISO days: they compare as text)."""
    ends, begins = _day(holding.valid_to, latest), _day(holding.valid_from, earliest)
    return (ends is None or ends >= start) and (begins is None or begins <= end)


def _day(value: str | None, bound: Callable[[str | None], str | None]) -> str | None:
    """The first (or last) day a partial date covers; None when absent or unreadable (no bound)."""
    try:
        return bound(partial_date(value)) if value else None
    except ValueError:
        return None
