"""The gazetteer and the built-in entities (extract.gazetteer, extract.builtin)."""

from __future__ import annotations

import re

from extract.builtin import builtin, demonyms
from extract.gazetteer import Gazetteer, trie_pattern
from schema.models import Entity
from schema.ontology import EntityType


def test_trie_pattern_matches_the_longest_word():
    regex = re.compile("(?:" + trie_pattern(["US", "USA", "U.S.", "Entity List"]) + ")")
    assert [m.group(0) for m in regex.finditer("USA and U.S. and Entity\n List")] == [
        "USA",
        "U.S.",
        "Entity\n List",
    ]


def test_short_names_match_case_sensitively_long_ones_not():
    g = Gazetteer(builtin())
    hits = [(h.entity.id, h.entity.name) for h in g.finditer("us and US and the department of  commerce")]
    assert ("country:us", "United States") in hits
    assert len([h for h in hits if h[0] == "country:us"]) == 1  # "us" is not the US
    assert ("agency:us-commerce", "US Department of Commerce") in hits
    assert g.lookup("U.S.  Department of Commerce").id == "agency:us-commerce"  # US variants
    assert g.lookup("bis") is None and g.lookup("BIS").id == "agency:us-bis"


def test_known_entities_come_first():
    known = Entity(id="agency:bis", type=EntityType.AGENCY, name="Bureau of Industry and Security", aliases=("BIS",))
    assert Gazetteer([known, *builtin()]).lookup("BIS").id == "agency:bis"


def test_builtin_entities_are_consistent():
    ids = [e.id for e in builtin()]
    assert len(ids) == len(set(ids))
    for e in builtin():
        assert e.id.split(":", 1)[0] == e.type.prefix
    countries = {e.id for e in builtin() if e.type is EntityType.COUNTRY}
    assert set(demonyms().values()) <= countries
