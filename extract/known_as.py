"""A party the text names twice over: ``CEIEC, formerly known as the China National ... Corporation``,
``Nilco Group, which is also known as Nil Fam Khazar Company and Santers Holding``, ``Siberian Airlines d/b/a
S7 Airlines``, ``Li Fangwei, who
is more commonly known by his alias "Karl Lee"``, ``A (also known as A2; A3; and A4)``.

:func:`merge` makes the names one entity, named by its longest name (the others become its aliases),
and records each pair with the span that states it (``Doc.other_names``): the rules make a quoted
``same-as`` claim of each (:mod:`extract.rules`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from schema.ontology import EntityType

from . import name_runs
from .patterns import THREAT_KIND
from .spans import Mention

if TYPE_CHECKING:
    from .mentions import Doc

T = EntityType

KNOWN_AS_RE = re.compile(
    # what the party is may stand before: "the MuddyWater APT group — also known as A, B"
    rf"(?:\s+{THREAT_KIND})?(?:"
    r"\s*(?:,|[\u2013\u2014]|--?)?\s*\(?\s*(?:(?:which\s+|who\s+)?(?:is|was)\s+)?(?:formerly|previously|also|(?:more\s+)?commonly|better)\s+"
    r"(?:known\s+(?:as|by\s+(?:his|her|its|their)\s+(?:alias|name))|called|referred\s+to\s+as)\s+(?:the\s+)?\"?|"
    r"\s*(?:,|[\u2013\u2014]|--?)?\s*\(?(?:a\.k\.a\.|a/k/a|aka|f/k/a|f\.k\.a\.|d/b/a|d\.b\.a\.|"  # "APT40—aka A, B"
    r"doing\s+business\s+as|trading\s+as)\s+|"  # "Siberian Airlines d/b/a S7 Airlines": the name it trades under
    r"\s*,\s*alias\s+\"?|"  # 'Jimmy Cherizier, alias "Barbecue,"'
    # "amended X's designations to add the following aliases: A, B, and C"
    r"(?:'s?\s+designations?)?\s+to\s+(?:add|include)\s+(?:the\s+)?(?:following\s+)?(?:new\s+|additional\s+)?"
    r"alias(?:es)?\s*:?\s*)",
    re.IGNORECASE,
)
_ALIASES_ADDED_RE = re.compile(r"(?:'s?\s+designations?)?\s+to\s+(?:add|include)\b", re.IGNORECASE)
_AKA_MORE_RE = re.compile(  # "... also known as A, B, and C", "(a.k.a. A; B; and C)", "(formerly A; also known as B)"
    r"\s*(?:[,;]?\s*(?:and/or|and|or)\b|[,;])\s*(?:(?:also|formerly|previously)\s+known\s+as\s+)?"
)
# "also known as Jama'at-ud-Dawa and Al-Anfal Trust": in a list of names, "and" before a name of two words or more
# ends the one before it, when that one is a name of its own (two words, or a joined one); "Bank of Industry and
# Commerce" stays one
_LIST_AND_RE = re.compile(r"[ \t]+and[ \t]+")
_JOINED_RE = re.compile(r"\w['-]\w")
_ONE_WORD_NAME_RE = re.compile(r"[A-Z][\w]*[.A-Z][\w.]*")  # "TEMP.Zagros", "ERPScan": a name on its own, one word


def _list_and(name: str) -> int | None:
    """Where "and" ends the first name of a list in ``name``, if it does."""
    for hit in _LIST_AND_RE.finditer(name):
        left, right = name[: hit.start()], name[hit.end() :]
        if not (len(right.split()) >= 2 and right.split()[1][:1].isupper()) and not _ONE_WORD_NAME_RE.fullmatch(right):
            continue
        if len(left.split()) >= 2 or _JOINED_RE.search(left):
            return hit.start()
    return None


_NAMED = frozenset({T.PERSON, T.FIRM, T.ORGANIZATION, T.AGENCY})


# the actors a body fields, named as a group: "SVR cyber actors—also known as APT 29 (APT 29), the Dukes, ..."
ACTORS_KNOWN_AS_RE = re.compile(
    r"\b(?:state-sponsored\s+|malicious\s+)?(?:cyber\s+)?(?:threat\s+)?actors?\s*(?:,|[\u2013\u2014]|--?)?\s*\(?\s*"
    r"(?:(?:also\s+|commonly\s+)?known\s+as|a\.k\.a\.|aka|tracked\s+as)\s+$",
    re.IGNORECASE,
)


def merge(doc: Doc) -> None:
    """One entity for the names a "known as" joins (see the module)."""
    _names_after_cue(doc)
    into = _group_names(doc)
    ms = doc.mentions
    i = 0
    while i < len(ms) - 1:
        a, b = ms[i], ms[i + 1]
        if a.eid == b.eid or a.etype is not b.etype or not KNOWN_AS_RE.fullmatch(doc.norm[a.end : b.start]):
            i += 1
            continue
        group = [a, b]
        j = i + 2
        while j < len(ms) and ms[j].etype is a.etype:
            gap = _AKA_MORE_RE.fullmatch(doc.norm[group[-1].end : ms[j].start])
            if gap is None:
                break
            group.append(ms[j])
            j += 1
            if re.search(r"\b(?:and|or)\b", gap.group(0)):
                break  # "A, B, and C" ends there: "..., and Joint Stock Company Elecon" is the next party
        first = _ALIASES_ADDED_RE.match(doc.norm, a.end) is not None  # the designated party keeps its name
        _join(doc, [m.eid for m in group], (group[0].start, group[-1].end), into, first)
        i = j
    if into:  # and a name joined is that party wherever the text types it otherwise ("Hormuz Safe" a firm below)
        names = {doc.ents[drop].name: keep for drop, keep in into.items()}
        doc.mentions = [
            Mention(m.start, m.end, into[m.eid], doc.ents[into[m.eid]].type, m.how)
            if m.eid in into
            else Mention(m.start, m.end, keep, doc.ents[keep].type, "alias")
            if m.how == "pattern" and (keep := names.get(" ".join(doc.norm[m.start : m.end].split()))) is not None
            else m
            for m in doc.mentions
        ]


_DOTTED_RE = re.compile(r"(?:\.[A-Z][\w]*)+(?![\w-])")  # "Temp.Periscope": a group's name with a dot


def _alias_name(norm: str, pos: int) -> re.Match[str] | None:
    """The name at ``pos``: a name as :data:`extract.name_runs.NAME_RE` reads it, with what a dot joins to it."""
    name = name_runs.NAME_RE.match(norm, pos)
    if name is not None and (dotted := _DOTTED_RE.match(norm, name.end())) is not None:
        return re.compile(re.escape(norm[pos : dotted.end()])).match(norm, pos)
    if name is not None and (cut := _list_and(name.group(0))) is not None:
        return re.compile(re.escape(norm[pos : pos + cut])).match(norm, pos)  # the list's next name after it
    return name


def _names_after_cue(doc: Doc) -> None:
    """``Li Fangwei, who is more commonly known by his alias "Karl Lee"``, ``APT40—aka A, B, and C``:
    the names nothing typed, right after the cue and in the list it opens, are the party's other
    names, of its type (a name typed already, as the party's type, is passed over)."""
    extra = []
    starts = [m.start for m in doc.mentions]

    def typed(name: re.Match[str]) -> Mention | None:
        k = bisect.bisect_left(starts, name.start())
        if k < len(starts) and starts[k] < name.end():
            return doc.mentions[k]
        return doc.mentions[k - 1] if k > 0 and doc.mentions[k - 1].end > name.start() else None

    retyped: dict[int, Mention] = {}
    for m in doc.mentions:
        if m.etype not in _NAMED:
            continue
        cue = KNOWN_AS_RE.match(doc.norm, m.end)
        name = _alias_name(doc.norm, cue.end()) if cue is not None else None
        named_as = True  # the name right after "known as": one of the party's names, whatever its shape
        while name is not None:  # "aka A, B, and C": each name of the list, up to the one after "and"
            other = typed(name)
            if other is not None and other.etype is not m.etype and named_as and other.how == "pattern":
                eid = doc.entity_for(m.etype, doc.norm[other.start : other.end])  # "X (also known as Callisto Group)"
                other = retyped[other.start] = Mention(other.start, other.end, eid, m.etype, doc.ents[eid].how)
            if other is not None and other.etype is not m.etype:
                break  # another kind of name: the list ended
            if other is None:
                eid = doc.entity_for(m.etype, name.group(0))
                extra.append(Mention(name.start(), name.end(), eid, m.etype, doc.ents[eid].how))
            more = _AKA_MORE_RE.match(doc.norm, other.end if other is not None else name.end())
            if more is None or re.search(r"\band\b", name.group(0)):
                break
            named_as = "known" in more.group(0)
            name = _alias_name(doc.norm, more.end())
            if name is not None and re.search(r"\b(?:and|or)\b", more.group(0)) and typed(name) is None:
                eid = doc.entity_for(m.etype, name.group(0))
                extra.append(Mention(name.start(), name.end(), eid, m.etype, doc.ents[eid].how))
                break
    if extra or retyped:
        kept = [retyped.get(x.start, x) for x in doc.mentions]
        doc.mentions = sorted(kept + extra, key=lambda x: x.start)


def _group_names(doc: Doc) -> dict[str, str]:
    """``SVR cyber actors—also known as APT 29, the Dukes, CozyBear, and Yttrium``, ``the actor known as
    Sandworm or Voodoo Bear``: the names of the list are one group's, named by the longest; returns
    each other name's id → the kept one (new mentions are added for the names nothing typed)."""
    norm = doc.norm
    extra: list[Mention] = []
    into: dict[str, str] = {}
    for m in doc.mentions:
        if m.etype is not T.ORGANIZATION or not ACTORS_KNOWN_AS_RE.search(norm, max(0, m.start - 60), m.start):
            continue
        found: list[tuple[str, int]] = [(m.eid, m.end)]
        pos = m.end
        while (paren := re.match(r"\s*\([^()]{1,24}\)", norm[pos : pos + 30])) is not None:
            pos += paren.end()  # "Advanced Persistent Threat 29 (APT 29)": its acronym
        more = _AKA_MORE_RE.match(norm, pos)
        while more is not None:
            at = more.end() + (len(the.group(0)) if (the := re.match(r"the\s+", norm[more.end() :])) else 0)
            name = _alias_name(norm, at)
            typed = [x for x in doc.mentions if x.start < name.end() and name.start() < x.end] if name else []
            if name is None or (typed and (typed[0].etype is not T.ORGANIZATION or typed[0].start != name.start())):
                break  # no name, or one of another kind: the list ended
            if typed:
                found.append((typed[0].eid, typed[0].end))
            else:
                found.append((doc.entity_for(T.ORGANIZATION, name.group(0)), name.end()))
                extra.append(Mention(name.start(), name.end(), found[-1][0], T.ORGANIZATION, "alias"))
            if re.search(r"\b(?:and|or)\b", more.group(0)):
                break  # "A, B, and C" ends with C
            more = _AKA_MORE_RE.match(norm, found[-1][1])
        _join(doc, [e for e, _ in found], (m.start, found[-1][1]), into)
    if extra:
        doc.mentions = sorted(doc.mentions + extra, key=lambda x: x.start)
    return into


def _join(doc: Doc, eids: list[str], span: tuple[int, int], into: dict[str, str], first: bool = False) -> None:
    """The names ``eids`` one party's, named by the longest (by the first with ``first``: aliases added to a
    designation): each other name (not a known or built-in party's) goes ``into`` it and becomes its alias, with
    the span that says so (``Doc.other_names``)."""
    ids = list(dict.fromkeys(eids))
    keep = ids[0] if first else max(ids, key=lambda e: len(doc.ents[e].name))
    for drop in ids:
        if drop == keep or doc.ents[drop].how in {"known", "builtin"} or drop in into.values():
            continue
        into[drop] = keep
        doc.other_names.append((keep, drop, *span))
        if doc.ents[drop].name not in doc.ents[keep].aliases:
            doc.ents[keep].aliases.append(doc.ents[drop].name)
