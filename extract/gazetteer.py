"""The gazetteer: the caller's known entities (e.g. the graph's) and the built-in ones
(:mod:`extract.builtin`), compiled into one trie-shaped regular expression so a 5 MB text is
scanned in a single linear pass.

Matching works on the *folded* text (:func:`schema.quotes.fold`: same length as the original,
non-breaking spaces become spaces, curly quotes straight ones), so a match's offsets are offsets
into the original text too. Single words, acronyms and names with dots (``US``, ``BIS``,
``U.S.``) match case-sensitively; longer names (``Department of Commerce``) case-insensitively,
with any run of white space between their words, and an acronym the text defines between two of
them: "the Specially Designated Nationals (SDN) List" is the SDN List.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from schema.models import Entity
from schema.ontology import EntityType

T = EntityType


def _us_variants(entity: Entity) -> list[str]:
    """``US X`` / ``U.S. X`` / ``United States X`` for every alias of a US agency."""
    names = [entity.name, *entity.aliases]
    if entity.type is not T.AGENCY or entity.country != "US":
        return names
    out: list[str] = []
    for name in names:
        core = name.removeprefix("US ")
        out.append(name)
        if len(core.split()) > 1 or core in {"Commerce", "Treasury"}:
            out += [f"US {core}", f"U.S. {core}", f"United States {core}"]
    return out


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entity: Entity


def _case_sensitive(alias: str) -> bool:
    words = alias.split()
    return len(words) == 1 or "." in alias or alias.isupper()


class _Trie(dict[str, "_Trie"]):
    """A character trie; the key ``""`` marks the end of a word."""


# between two words of a longer name: an acronym the text defines for its first part
_INNER_ACRONYM = r"(?:\s+\((?-i:[A-Z][A-Za-z0-9.&/-]{1,11})\))?"
_INNER_ACRONYM_RE = re.compile(r"\s+\([A-Z][A-Za-z0-9.&/-]{1,11}\)(?=\s)")


def trie_pattern(words: Iterable[str], inner_acronyms: bool = False) -> str:
    """An alternation of ``words`` factored as a trie (longest match first); spaces → ``\\s+``,
    with ``inner_acronyms`` preceded by an optional "(ACRONYM)"."""
    space = (_INNER_ACRONYM if inner_acronyms else "") + r"\s+"
    trie = _Trie()
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, _Trie())
        node[""] = _Trie()

    def emit(node: _Trie) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            atom = space if ch == " " else re.escape(ch)
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


class Gazetteer:
    """Names and aliases of known entities, matched in one pass (leftmost, then longest)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.by_alias: dict[str, Entity] = {}  # exact alias
        self.by_folded: dict[str, Entity] = {}  # lower-cased, single-spaced alias
        cs: set[str] = set()
        ci: set[str] = set()
        for entity in entities:
            for alias in _us_variants(entity):
                for variant in dict.fromkeys((alias, alias.replace(", ", " "))):  # "Foreign, Commonwealth and ..."
                    self._add(entity, variant, cs, ci)
        self._regexes = [
            re.compile(flags + r"(?<![\w.])(?:" + trie_pattern(words, inner_acronyms=bool(flags)) + r")(?!\w)")
            for flags, words in (("", cs), ("(?i)", ci))
            if words
        ]

    def _add(self, entity: Entity, alias: str, cs: set[str], ci: set[str]) -> None:
        alias = " ".join(alias.split())
        if len(alias) < 2:
            return
        self.by_alias.setdefault(alias, entity)
        self.by_folded.setdefault(alias.lower(), entity)
        (cs if _case_sensitive(alias) else ci).add(alias if _case_sensitive(alias) else alias.lower())

    def lookup(self, surface: str) -> Entity | None:
        key = " ".join(surface.split())
        return self.by_alias.get(key) or (None if _case_sensitive(key) else self.by_folded.get(key.lower()))

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every match of each regex (case-sensitive, then case-insensitive); they may overlap."""
        for regex in self._regexes:
            for match in regex.finditer(text):
                entity = self.lookup(match.group(0)) or self.lookup(_INNER_ACRONYM_RE.sub("", match.group(0)))
                if entity is not None:
                    yield Hit(match.start(), match.end(), entity)
