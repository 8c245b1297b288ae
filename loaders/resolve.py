"""Entity-resolution hints: normalised names and likely same-entity pairs across sources.

Loaders give every entity an id derived from its source (``firm:fcc-ao-kaspersky-lab``,
``firm:ofac-45934``); deciding that two ids denote one firm is a separate, recorded step. This
module only *proposes* pairs; it never merges.

**Normalising a name** (:func:`normalise_name`): legal forms removed — rigour's org types
(``rigour.names``: AO, OOO, JSC, LLC, Inc, Ltd, GmbH, "Limited Liability Company", "Aktsionernoe
Obshchestvo"…), read in the name as written and again in its Latin transliteration, so "ООО Зала
Аэро" is "zala aero" — and the generic words Company, Co, Corporation, Corp; ``&`` read as "and";
periods and apostrophes inside words deleted (``QAR'AWI`` → ``qarawi``); transliterated, case
folded, punctuation a space (normality). ``"AO Kaspersky Lab"`` and ``"Kaspersky Lab, Inc."`` both
become ``kaspersky lab``.

**The matching rule** (:func:`candidates`), for two entities of the same type:

1. Some name of each (its name or an alias) must normalise to the *same* string. Any extra
   token prevents a match: a country or region word ("China Mobile International **USA**"),
   a division ("Huawei **Device**" vs "Huawei **Technologies**") usually marks a different
   company of the group, so it is never a candidate.
2. Countries must not contradict. A side's countries are its ``country`` when set, else the
   jurisdictions the legal form in its name (not an alias) implies (AO/OOO/OAO/ZAO/PAO: the
   former Soviet states; GmbH/AG: the German-speaking ones); with both known and disjoint there
   is no candidate — "Kaspersky Lab, Inc." in the US is Kaspersky's American subsidiary, not
   AO Kaspersky Lab in Russia.
3. When both entities' names carry *distinctive* legal forms (any but the generic company / corporation
   / limited words) and the forms differ, the pair is a candidate only at half score
   ("unsure"), unless both countries are known and equal: then legal-form differences alone
   do match (``ZALA AERO OOO`` / ``LIMITED LIABILITY COMPANY ZALA AERO``, both RU).

4. When only one side's name carries a distinctive legal form and the *other* side's country is
   known, the form must be one the country's firms use (the jurisdictions of rule 2); otherwise
   the pair is only unsure: "AO Kaspersky Lab" fits Kaspersky Lab in RU, but nothing says
   "Kaspersky Lab, Inc." is a Russian firm — it is the US subsidiary.
5. A shared name alone never identifies a person or an asset (namesakes, sister ships): such
   pairs are at most unsure — except two persons whose names match in any word order and whose
   dates of birth agree (a year matches a day of that year): they merge; with dates of birth on
   both sides and none agreeing they are namesakes, never a candidate.
6. Identifiers of a scheme that names exactly one entity (OFAC ent_num, IMO number, LEI, INN,
   OGRN, Wikidata id: :data:`IDENTITY_SCHEMES`) decide on their own: a value both share makes a
   pair at 1.0 whatever the names; different values of one scheme rule the pair out (OFAC's two
   "AVRORA JSC" entries are two firms).

7. Near names (:func:`_near`): two primary names that still differ after normalisation but are
   at least :data:`NEAR_AT` similar (rapidfuzz's normalised Indel ratio: "kaspersky labs" /
   "kaspersky lab") make an *unsure* pair for review, never a merge — if their countries do not
   contradict and no identifier differs.

Scores: 1.0 for name-to-name, 0.8 when an alias is involved, halved when unsure. Each pair is
reported once, with its best score and the reason.

**Decisions** (:func:`decide`, used by ``regkg resolve``): the pairs, each once and oriented (the
list-derived id ``firm:fcc-…`` as subject, the curated or older-looking id as object), with a
verdict: ``merged`` (score ≥ :data:`MERGE_AT`), ``unsure`` (below it: recorded as
``possibly-same-as`` for review, never applied), ``distinct`` (the graph records a
subsidiary/ownership/part-of/linked-to fact between them: two entities by definition) or
``recorded`` (a same-as or possibly-same-as decision already links them).
:func:`records` turns the merged and unsure ones into one ``dataset`` Source (one line per
decision) and a ``same-as`` / ``possibly-same-as`` claim per decision quoting its line. Nothing is
ever merged physically: :mod:`graph.clusters` makes a same-as cluster answer as one entity, and
undoing a decision restores separate answers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import normality
from rapidfuzz import fuzz
from rigour.names import extract_org_types, remove_org_types

from schema.dates import same_day_possible
from schema.models import Citation, Claim, Entity, QualifierValue, Source, source_tier
from schema.ontology import EntityType, Method, Predicate, Stance

from .base import Parsed

# Legal forms are rigour's org types (rigour.names), found in the name as written and again in its
# Latin transliteration (so "ООО" and "Aktsionernoe Obshchestvo" are read too). Three words rigour
# keeps carry no legal meaning and are dropped as well.
_GENERIC_WORDS = frozenset({"company", "co", "corporation", "corp"})
# Forms that say nothing about a jurisdiction or a company kind: used everywhere.
_GENERIC_FORMS = frozenset({"ltd", "coltd", "company", "corporation"})
_POST_SOVIET = frozenset({"RU", "BY", "KZ", "KG", "TJ", "UZ", "TM", "AM", "AZ", "GE", "MD", "UA"})
_GERMAN_SPEAKING = frozenset({"DE", "AT", "CH", "LI", "LU"})
_FORM_COUNTRIES: dict[str, frozenset[str]] = {
    "ao": _POST_SOVIET,
    "ooo": _POST_SOVIET,
    "zao": _POST_SOVIET,
    "pao": _POST_SOVIET,
    "tov": _POST_SOVIET,
    "gmbh": _GERMAN_SPEAKING,
    "ag": _GERMAN_SPEAKING,
}


_INNER = re.compile(r"[.'\u2019\u2018`\u02bc\x92]")  # marks inside a word: "S.A." "QAR'AWI"


def _split_forms(name: str) -> tuple[list[str], list[str]]:
    """(the name's words without legal forms, transliterated and case-folded; the forms found)."""
    forms = [form for _text, form in extract_org_types(name)]
    rest = _INNER.sub("", (remove_org_types(name, replacement=" ") or "").replace("&", " and "))
    latin = normality.normalize(rest, latinize=True) or ""
    forms += [form for _text, form in extract_org_types(latin)]
    bare = normality.normalize(remove_org_types(latin, replacement=" ") or "") or ""
    words = bare.split()
    generic = sorted({"company" if w in ("company", "co") else "corporation" for w in words if w in _GENERIC_WORDS})
    return [w for w in words if w not in _GENERIC_WORDS], [*forms, *generic]


def normalise_name(name: str) -> str:
    """``"AO Kaspersky Lab"`` → ``kaspersky lab``; see the module docstring for the steps."""
    return " ".join(_split_forms(name)[0])


def _key(entity: Entity, label: str) -> str:
    """The form a name is compared in: normalised; for a person also in any word order
    ("RIM, Ryong Nam" and "Ryong Nam RIM")."""
    key = normalise_name(label)
    return " ".join(sorted(key.split())) if entity.type is EntityType.PERSON else key


def legal_forms(name: str) -> frozenset[str]:
    """The canonical legal forms in a name: ``"Huawei Technologies Co., Ltd."`` → company, limited."""
    return frozenset(_split_forms(name)[1])


def _implied(forms: frozenset[str]) -> frozenset[str]:
    """The countries whose firms use all these legal forms (empty: none known)."""
    implied: frozenset[str] | None = None
    for form in forms:
        if form in _FORM_COUNTRIES:
            implied = _FORM_COUNTRIES[form] if implied is None else implied & _FORM_COUNTRIES[form]
    return implied or frozenset()


def _countries(entity: Entity, forms: frozenset[str]) -> frozenset[str]:
    if entity.country:
        return frozenset({entity.country})
    return _implied(forms)


# Types a shared name alone does not identify (rule 5).
_NAME_ALONE_UNSURE = frozenset({EntityType.PERSON, EntityType.ASSET})


def _judge(new: Entity, new_label: str, known: Entity, known_label: str, primary: bool) -> tuple[float, str] | None:
    # legal forms (and the countries they imply) are the entity's, read from its name: an alias
    # such as the normalised name carries none and must not dodge rules 2 to 4
    new_forms, known_forms = legal_forms(new.name), legal_forms(known.name)
    new_countries, known_countries = _countries(new, new_forms), _countries(known, known_forms)
    key = _key(new, new_label)
    if new_countries and known_countries and not new_countries & known_countries:
        return None  # same name, different countries: a national subsidiary, not the same firm
    score = 1.0 if primary else 0.8
    what = "name" if primary else f"names {new_label!r} / {known_label!r}"
    reason = f"same normalised {what}: {key!r}"
    same_country = new.country is not None and new.country == known.country
    new_distinct, known_distinct = new_forms - _GENERIC_FORMS, known_forms - _GENERIC_FORMS
    if new_distinct and known_distinct and new_distinct != known_distinct and not same_country:
        forms = f"{'/'.join(sorted(new_distinct))} vs {'/'.join(sorted(known_distinct))}"
        return score / 2, f"unsure: {reason}, but different legal forms ({forms}) and no shared country"
    if same_country:
        reason += f"; both in {new.country}"
    else:
        # rule 4: a legal form on one side only must fit the other side's known country
        sides = ((new_distinct, known, known_distinct), (known_distinct, new, new_distinct))
        for side_forms, other, other_forms in sides:
            if side_forms and not other_forms and other.country:
                named = "/".join(sorted(side_forms))
                if other.country not in _implied(side_forms):
                    return score / 2, (
                        f"unsure: {reason}, but nothing says the legal form {named} is used in {other.country}, "
                        f"the country of {other.id}"
                    )
                reason += f"; legal form {named} fits {other.country}"
    if new.type is EntityType.PERSON and new.birth_dates and known.birth_dates:
        born = next((a for a in new.birth_dates for b in known.birth_dates if same_day_possible(a, b)), None)
        if born is None:
            return None  # the same name, born on other days: namesakes
        return score, f"{reason}; both born {born}"
    if new.type in _NAME_ALONE_UNSURE:
        return score / 2, f"unsure: {reason}, but a shared name alone does not identify a {new.type.value.lower()}"
    return score, reason


def _labels(entity: Entity) -> list[tuple[str, bool]]:
    return [(entity.name, True)] + [(alias, False) for alias in entity.aliases]


# Identifier schemes (keys of Entity.identifiers) whose value names exactly one entity (rule 6).
IDENTITY_SCHEMES = ("ofac", "imo", "lei", "inn", "ogrn", "wikidata")
_PRIORITY = {scheme: i for i, scheme in enumerate(IDENTITY_SCHEMES)}


def _identity(entity: Entity) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for scheme in IDENTITY_SCHEMES:
        raw = entity.identifiers.get(scheme)
        if raw:
            values = frozenset("".join(v.split()).upper() for v in raw.split(";") if v.strip())
            if values:
                out[scheme] = values
    return out


def _identity_conflict(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> str | None:
    for scheme in sorted(a.keys() & b.keys()):
        if not a[scheme] & b[scheme]:
            return f"different {scheme} identifiers"
    return None


def candidates(entities: list[Entity], known: list[Entity]) -> list[tuple[str, str, float, str]]:
    """Likely same-entity pairs ``(new_id, known_id, score, reason)``, best score per pair (a
    screened record is a user's, never one of the sources' entities: never a candidate)."""
    entities = [e for e in entities if e.type is not EntityType.RECORD]
    known = [e for e in known if e.type is not EntityType.RECORD]
    index: dict[str, list[tuple[Entity, str, bool]]] = {}
    by_identity: dict[tuple[str, str], list[Entity]] = {}
    identities: dict[str, dict[str, frozenset[str]]] = {}
    for entity in known:
        for label, primary in _labels(entity):
            key = _key(entity, label)
            if key:
                index.setdefault(key, []).append((entity, label, primary))
        identities[entity.id] = _identity(entity)
        for scheme, values in identities[entity.id].items():
            for value in values:
                by_identity.setdefault((scheme, value), []).append(entity)
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for entity in entities:
        mine = identities.get(entity.id) or _identity(entity)
        for label, primary in _labels(entity):
            key = _key(entity, label)
            for other, other_label, other_primary in index.get(key, []) if key else []:
                if other.id == entity.id or other.type != entity.type:
                    continue
                pair = (entity.id, other.id)
                conflict = _identity_conflict(mine, identities[other.id])
                verdict = None if conflict else _judge(entity, label, other, other_label, primary and other_primary)
                if verdict is None:
                    # a contradiction on any name pair rules the pair out
                    best[pair] = (-1.0, conflict or "countries differ")
                    continue
                if pair not in best or (best[pair][0] >= 0 and verdict[0] > best[pair][0]):
                    best[pair] = verdict
        # rule 6: a shared identifier decides, whatever the names say; the reason names the first
        # of IDENTITY_SCHEMES they share (the same list entry before the same register number)
        for scheme, values in sorted(mine.items(), key=lambda kv: -_PRIORITY.get(kv[0], len(_PRIORITY))):
            for value in sorted(values):
                for other in by_identity.get((scheme, value), []):
                    if other.id != entity.id and other.type == entity.type:
                        best[(entity.id, other.id)] = (1.0, f"same {scheme} identifier {value}")
    _near(entities, known, best, identities)
    return sorted(
        ((a, b, score, reason) for (a, b), (score, reason) in best.items() if score >= 0),
        key=lambda row: (row[0], -row[2], row[1]),
    )


NEAR_AT = 0.9  # similarity (rapidfuzz's normalised Indel ratio) at which two names are a pair to review
_NEAR_BLOCK = 50  # a word more entities share than this is too common to pair them by


def _near(
    entities: list[Entity],
    known: list[Entity],
    best: dict[tuple[str, str], tuple[float, str]],
    identities: dict[str, dict[str, frozenset[str]]],
) -> None:
    """Rule 7: two names that differ after normalisation but are near ("kaspersky labs" /
    "kaspersky lab", a transliteration off by a letter) make an *unsure* pair, for a person to
    review — never a merge. Compared: entities sharing a word of four letters or more that at
    most :data:`_NEAR_BLOCK` entities share (so the cost stays near linear); countries must not
    contradict and identifiers must not differ."""
    block: dict[str, list[tuple[Entity, str]]] = {}
    for entity in known:
        key = _key(entity, entity.name)
        for word in set(key.split()):
            if len(word) >= 4:
                block.setdefault(word, []).append((entity, key))
    for entity in entities:
        key = _key(entity, entity.name)
        mine = identities.get(entity.id) or _identity(entity)
        seen: set[str] = set()
        for word in set(key.split()):
            group = block.get(word, []) if len(word) >= 4 else []
            if len(group) > _NEAR_BLOCK:
                continue
            for other, other_key in group:
                pair = (entity.id, other.id)
                if other.id == entity.id or other.id in seen or other.type != entity.type or other_key == key:
                    continue
                seen.add(other.id)
                if pair in best or (other.id, entity.id) in best:
                    continue
                similarity = fuzz.ratio(key, other_key) / 100
                if similarity < NEAR_AT or _identity_conflict(mine, identities.get(other.id) or _identity(other)):
                    continue
                ours = _countries(entity, legal_forms(entity.name))
                theirs = _countries(other, legal_forms(other.name))
                if ours and theirs and not ours & theirs:
                    continue
                best[pair] = (
                    round(similarity / 2, 2),
                    f"unsure: near names {key!r} / {other_key!r} (similarity {similarity:.2f}): a person decides",
                )


# -- decisions ----------------------------------------------------------------------------

MERGE_AT = 0.8  # a pair scoring this or more is merged (a same-as claim); below it, unsure

Verdict = Literal["merged", "unsure", "distinct", "recorded"]


@dataclass(frozen=True)
class Decision:
    """What ``regkg resolve`` concludes about one pair of ids."""

    subject: str
    object: str
    score: float
    reason: str
    verdict: Verdict

    @property
    def line(self) -> str:
        """The decision as one line of the decisions Source (what its claim quotes)."""
        return f"{self.subject} same-as {self.object}: {self.verdict}, score {self.score:g}: {self.reason}"


def orient(a: str, b: str) -> tuple[str, str]:
    """(subject, object) of a same-as pair: a loader's id points at a curated one; else by id.
    (Which id the cluster answers under is :func:`schema.models.canonical_of`'s, whatever the
    orientation.)"""
    first, second = sorted((a, b), key=lambda i: (source_tier(i) == 0, i))
    return first, second


class _Clusters:
    """Union-find over ids: the clusters the graph has (``canonical``) plus this run's merges, and
    whether a fact that makes two entities two (``related``) joins two clusters."""

    def __init__(self, canonical: Mapping[str, str], related: Mapping[frozenset[str], str]) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._related: dict[str, dict[str, str]] = {}
        for pair, what in related.items():
            if len(pair) != 2:
                continue
            a, b = sorted(pair)
            self._related.setdefault(a, {})[b] = what
            self._related.setdefault(b, {})[a] = what
        for member, root in canonical.items():
            self.union(member, root)

    def find(self, i: str) -> str:
        root = self._parent.get(i, i)
        if root != i:
            root = self.find(root)
            self._parent[i] = root
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ma, mb = self._members.pop(ra, {ra}), self._members.pop(rb, {rb})
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        self._parent[rb] = ra
        self._members[ra] = ma | mb

    def related(self, a: str, b: str) -> str | None:
        """The fact that makes a's cluster and b's two entities, if the graph records one."""
        ra, rb = self.find(a), self.find(b)
        ma, mb = self._members.get(ra, {ra}), self._members.get(rb, {rb})
        if len(ma) > len(mb):
            ma, rb = mb, ra
        for member in ma:
            for other, what in self._related.get(member, {}).items():
                if self.find(other) == rb:
                    return what
        return None


def decide(
    entities: list[Entity],
    related: Mapping[frozenset[str], str] | None = None,
    recorded: Iterable[frozenset[str]] = (),
    canonical: Mapping[str, str] | None = None,
) -> list[Decision]:
    """Every candidate pair among ``entities`` once, oriented, with its verdict.

    ``related`` maps pairs the graph links by a fact that implies two entities (subsidiary-of,
    owns, part-of, linked-to) to a description of that fact; ``recorded`` holds the pairs a
    same-as or possibly-same-as fact already links; ``canonical`` maps a member of a cluster to
    the id the cluster answers under.

    Pairs are judged cluster by cluster, best score first, as if this run's merges were applied:
    a pair whose two clusters a ``related`` fact joins is ``distinct`` (so a firm's subsidiary is
    never merged with it, nor queued for review, through a third id that resembles both); an
    unsure pair whose ends are one cluster already, or whose two clusters an earlier decision
    links, is ``recorded``; and of several unsure pairs between the same two clusters only the
    best is queued (a reviewer decides once).
    """
    related = related or {}
    done = set(recorded)
    best: dict[frozenset[str], tuple[float, str, str, str]] = {}
    for a, b, score, reason in candidates(entities, entities):
        key = frozenset((a, b))
        subject, obj = orient(a, b)
        # the better score wins; on a tie the reason computed in the pair's own orientation
        rank = (score, a == subject)
        old = best.get(key)
        if old is None or rank > (old[0], old[2] == subject):
            best[key] = (score, reason, a, b)
    groups = _Clusters(canonical or {}, related)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], *orient(kv[1][2], kv[1][3])))
    out: list[Decision] = []
    linked: set[frozenset[str]] | None = None  # cluster pairs a decision links, once the merges are in
    queued: dict[frozenset[str], Decision] = {}  # cluster pairs this run queues, with the pair queued
    for key, (score, reason, a, b) in ranked:  # merges first: they are the higher scores
        subject, obj = orient(a, b)
        reason = reason.removeprefix("unsure: ")
        verdict: Verdict
        fact = related.get(key) or groups.related(a, b)
        if fact is not None:  # a fact that makes them two outweighs an earlier (unsure) record
            verdict, reason = "distinct", f"{reason}; but the graph records {fact}"
        elif key in done:
            verdict = "recorded"
        elif score >= MERGE_AT:
            verdict = "merged"
            groups.union(a, b)
        else:
            if linked is None:
                linked = {frozenset(groups.find(i) for i in pair) for pair in done}
            between = frozenset((groups.find(a), groups.find(b)))
            if len(between) == 1:
                verdict, reason = "recorded", f"{reason}; already one entity ({groups.find(a)}'s cluster)"
            elif between in queued:
                first = queued[between]
                reason = f"{reason}; their clusters are queued once, as {first.subject} – {first.object}"
                verdict = "recorded"
            elif between in linked:
                verdict, reason = "recorded", f"{reason}; a decision between their clusters is already recorded"
            else:
                verdict = "unsure"
                queued[between] = Decision(subject, obj, score, reason, verdict)
        out.append(Decision(subject, obj, score, reason, verdict))
    order = {"merged": 0, "unsure": 1, "distinct": 2, "recorded": 3}
    return sorted(out, key=lambda d: (order[d.verdict], d.subject, d.object))


def records(decisions: Iterable[Decision], decided_at: str | None = None) -> Parsed:
    """The merged and the unsure decisions as one decisions Source, with a claim quoting each line:
    ``same-as`` for a merge, ``possibly-same-as`` for an unsure pair (the review queue).

    The Source's id is a hash of its text; ``decided_at`` (an ISO timestamp) orders the decisions
    about one pair (a later undo or merge wins: :mod:`graph.clusters`).
    """
    chosen = [d for d in decisions if d.verdict in ("merged", "unsure")]
    parsed = Parsed()
    if not chosen:
        return parsed
    lines = [d.line for d in chosen]
    text = "\n".join(lines) + "\n"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    merged = sum(d.verdict == "merged" for d in chosen)
    source = Source(
        id=f"source:resolution-{sha[:16]}",
        title=f"Entity-resolution decisions: {merged} same-as pair(s) merged, {len(chosen) - merged} "
        "left for review, by regkg resolve",
        kind="dataset",
        publisher="regkg resolve",
        text=text,
    )
    parsed.sources.append(source)
    start = 0
    for decision, line in zip(chosen, lines, strict=True):
        qualifiers: dict[str, QualifierValue] = {
            "decision": decision.verdict,
            "score": decision.score,
            "reason": decision.reason,
        }
        if decided_at is not None:
            qualifiers["decided_at"] = decided_at
        parsed.claims.append(
            Claim(
                subject=decision.subject,
                predicate=Predicate.SAME_AS if decision.verdict == "merged" else Predicate.POSSIBLY_SAME_AS,
                object=decision.object,
                stance=Stance.ASSERTED,
                qualifiers=qualifiers,
                confidence=decision.score,
                method=Method.IMPORTED,
                citations=(Citation(source=source.id, quote=line, start=start, end=start + len(line)),),
            )
        )
        parsed.external_refs.update((decision.subject, decision.object))
        start += len(line) + 1
    parsed.notes.append(f"{merged} same-as and {len(chosen) - merged} possibly-same-as decision(s) in {source.id}")
    return parsed
