"""The article extractor's gazetteer: a built-in list of common regulators, countries, lists and
news organisations, plus whatever entities the caller knows (e.g. the graph's), compiled into
one trie-shaped regular expression so a 5 MB text is scanned in a single linear pass.

Matching works on the extractor's *normalised* text (same length as the original: non-breaking
spaces become spaces, curly quotes straight ones), so a match's offsets are offsets into the
original text too. Single words, acronyms and names with dots (``US``, ``BIS``, ``U.S.``) match
case-sensitively; longer names (``Department of Commerce``) case-insensitively, with any run of
white space between their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from schema.models import Entity
from schema.ontology import EntityType

T = EntityType


def _e(eid: str, etype: EntityType, name: str, *aliases: str, country: str | None = None) -> Entity:
    return Entity(id=eid, type=etype, name=name, aliases=aliases, country=country)


# Aliases given with a "U.S." prefix variant are expanded by `_us_variants`.
BUILTIN: tuple[Entity, ...] = (
    # -- countries ------------------------------------------------------------------------
    _e(
        "country:us",
        T.COUNTRY,
        "United States",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "United States of America",
        "America",
        "U.S. Government",
        "US Government",
        "United States Government",
        "Biden administration",
        "Trump administration",
        "Obama administration",
        country="US",
    ),
    _e(
        "country:russia",
        T.COUNTRY,
        "Russia",
        "Russian Federation",
        "Russian government",
        "Russian Government",
        "Russian state",
        country="RU",
    ),
    _e("country:germany", T.COUNTRY, "Germany", "Federal Republic of Germany", "German government", country="DE"),
    _e(
        "country:china",
        T.COUNTRY,
        "China",
        "People's Republic of China",
        "PRC",
        "Chinese government",
        "Chinese Communist Party",
        country="CN",
    ),
    _e("country:ukraine", T.COUNTRY, "Ukraine", "Ukrainian government", country="UA"),
    _e(
        "country:uk",
        T.COUNTRY,
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "British government",
        country="GB",
    ),
    _e("country:france", T.COUNTRY, "France", "French government", country="FR"),
    _e("country:iran", T.COUNTRY, "Iran", "Islamic Republic of Iran", "Iranian government", country="IR"),
    _e("country:north-korea", T.COUNTRY, "North Korea", "DPRK", "Democratic People's Republic of Korea", country="KP"),
    _e("country:belarus", T.COUNTRY, "Belarus", "Belarusian government", country="BY"),
    _e("country:cuba", T.COUNTRY, "Cuba", country="CU"),
    _e("country:venezuela", T.COUNTRY, "Venezuela", country="VE"),
    _e("country:india", T.COUNTRY, "India", country="IN"),
    _e("country:japan", T.COUNTRY, "Japan", country="JP"),
    _e("country:canada", T.COUNTRY, "Canada", country="CA"),
    _e("country:australia", T.COUNTRY, "Australia", country="AU"),
    _e("country:netherlands", T.COUNTRY, "Netherlands", country="NL"),
    _e("country:israel", T.COUNTRY, "Israel", country="IL"),
    # -- US agencies ------------------------------------------------------------------------
    _e(
        "agency:us-commerce",
        T.AGENCY,
        "US Department of Commerce",
        "Department of Commerce",
        "Commerce Department",
        "Commerce",
        country="US",
    ),
    _e("agency:us-bis", T.AGENCY, "Bureau of Industry and Security", "BIS", country="US"),
    _e("agency:us-fcc", T.AGENCY, "Federal Communications Commission", "FCC", country="US"),
    _e(
        "agency:us-treasury",
        T.AGENCY,
        "US Department of the Treasury",
        "Department of the Treasury",
        "Treasury Department",
        "Treasury",
        country="US",
    ),
    _e("agency:us-ofac", T.AGENCY, "Office of Foreign Assets Control", "OFAC", country="US"),
    _e(
        "agency:us-dhs",
        T.AGENCY,
        "US Department of Homeland Security",
        "Department of Homeland Security",
        "Homeland Security Department",
        "Homeland Security",
        "DHS",
        country="US",
    ),
    _e("agency:us-cisa", T.AGENCY, "Cybersecurity and Infrastructure Security Agency", "CISA", country="US"),
    _e(
        "agency:us-state-department",
        T.AGENCY,
        "US Department of State",
        "Department of State",
        "State Department",
        country="US",
    ),
    _e(
        "agency:us-doj",
        T.AGENCY,
        "US Department of Justice",
        "Department of Justice",
        "Justice Department",
        "DOJ",
        country="US",
    ),
    _e("agency:us-fbi", T.AGENCY, "Federal Bureau of Investigation", "FBI", country="US"),
    _e(
        "agency:us-dod",
        T.AGENCY,
        "US Department of Defense",
        "Department of Defense",
        "Defense Department",
        "Pentagon",
        country="US",
    ),
    _e("agency:us-white-house", T.AGENCY, "White House", country="US"),
    # -- foreign agencies ---------------------------------------------------------------------
    _e("agency:fsb", T.AGENCY, "Federal Security Service", "FSB", country="RU"),
    _e("agency:kremlin", T.AGENCY, "Kremlin", country="RU"),
    _e("agency:gru", T.AGENCY, "GRU", "Main Intelligence Directorate", country="RU"),
    # -- legislatures, news organisations -----------------------------------------------------
    _e("organization:us-congress", T.ORGANIZATION, "US Congress", "Congress", country="US"),
    _e("organization:wsj", T.ORGANIZATION, "The Wall Street Journal", "Wall Street Journal", "WSJ", country="US"),
    _e("organization:reuters", T.ORGANIZATION, "Reuters", "Reuter", country="GB"),
    _e("organization:bloomberg", T.ORGANIZATION, "Bloomberg", "Bloomberg News", country="US"),
    _e("organization:ap", T.ORGANIZATION, "Associated Press", "AP", country="US"),
    _e("organization:nyt", T.ORGANIZATION, "The New York Times", "New York Times", country="US"),
    _e("organization:eu", T.ORGANIZATION, "European Union", "EU"),
    # -- lists ----------------------------------------------------------------------------------
    _e(
        "list:us-fcc-covered-list",
        T.LIST,
        "FCC Covered List",
        "Covered List",
        "federal list of companies that pose a national security risk",
        country="US",
    ),
    _e("list:us-bis-entity-list", T.LIST, "Entity List", "BIS Entity List", country="US"),
    _e(
        "list:us-ofac-sdn-list",
        T.LIST,
        "OFAC SDN List",
        "SDN List",
        "Specially Designated Nationals and Blocked Persons List",
        "Specially Designated Nationals List",
        country="US",
    ),
    # -- products -------------------------------------------------------------------------------
    _e("product:tiktok", T.PRODUCT, "TikTok", "Tik Tok", "Tik-Tok"),
    _e("product:wechat", T.PRODUCT, "WeChat", "We Chat"),
)

# Demonyms, for "the Russian firm, X", "Russian-based X", "Russian intelligence".
DEMONYMS: dict[str, str] = {
    "American": "country:us",
    "Russian": "country:russia",
    "German": "country:germany",
    "Chinese": "country:china",
    "Ukrainian": "country:ukraine",
    "British": "country:uk",
    "French": "country:france",
    "Iranian": "country:iran",
    "North Korean": "country:north-korea",
    "Belarusian": "country:belarus",
    "Cuban": "country:cuba",
    "Venezuelan": "country:venezuela",
    "Indian": "country:india",
    "Japanese": "country:japan",
    "Canadian": "country:canada",
    "Australian": "country:australia",
    "Dutch": "country:netherlands",
    "Israeli": "country:israel",
}


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


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` factored as a trie (longest match first); spaces → ``\\s+``."""
    trie = _Trie()
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, _Trie())
        node[""] = _Trie()

    def emit(node: _Trie) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            atom = r"\s+" if ch == " " else re.escape(ch)
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
                alias = " ".join(alias.split())
                if len(alias) < 2:
                    continue
                self.by_alias.setdefault(alias, entity)
                self.by_folded.setdefault(alias.lower(), entity)
                (cs if _case_sensitive(alias) else ci).add(alias if _case_sensitive(alias) else alias.lower())
        self._regexes = [
            re.compile(flags + r"(?<![\w.])(?:" + trie_pattern(words) + r")(?!\w)")
            for flags, words in (("", cs), ("(?i)", ci))
            if words
        ]

    def lookup(self, surface: str) -> Entity | None:
        key = " ".join(surface.split())
        return self.by_alias.get(key) or (None if _case_sensitive(key) else self.by_folded.get(key.lower()))

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every match of each regex (case-sensitive, then case-insensitive); they may overlap."""
        for regex in self._regexes:
            for match in regex.finditer(text):
                entity = self.lookup(match.group(0))
                if entity is not None:
                    yield Hit(match.start(), match.end(), entity)


BUILTIN_IDS = frozenset(e.id for e in BUILTIN)
COUNTRY_BY_ID: dict[str, Entity] = {e.id: e for e in BUILTIN if e.type is T.COUNTRY}
