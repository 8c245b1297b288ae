"""A capital stands for its state where a state acts or is acted on ("Washington has accused X of ...",
"ties to Moscow", "Brussels accused ..."), and is a place elsewhere ("officials in Beijing", "a Moscow-based
firm"); a possessed invasion ("for its invasion of Ukraine") is the text's own fact inside an accusation.
Constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose
from extract.mentions import Doc
from extract.metonyms import capitals
from schema.quotes import fold


def _claims(text: str) -> set[tuple[str, str, str, str, str | None]]:
    return {
        (c.subject, c.predicate.value, c.object, c.stance.value, c.asserted_by) for c in propose(text).parsed.claims
    }


def test_a_capital_that_accuses_is_its_state_and_a_tie_to_a_capital_is_a_tie_to_its_state():
    claims = _claims("Washington has accused Omega Media Ltd. of ties to Moscow.")
    assert ("firm:omega-media-ltd", "alleged-tie-to", "country:ru", "alleged", "country:us") in claims


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Beijing has long denied the allegations.", {"country:cn"}),
        ("Washington continues to accuse Tehran of supplying drones.", {"country:us", "country:ir"}),
        ("Brussels accused Minsk of helping Russia.", {"organization:eu", "country:by"}),
        ("The firm faces new sanctions on Moscow's banks, and pressure on Pyongyang grows.", {"country:kp"}),
        ("Officials in Beijing said the talks went well.", set()),
        ("A Moscow-based firm and a Washington, D.C., law firm signed the deal.", set()),
    ],
)
def test_a_capital_is_its_state_only_where_a_state_acts_or_is_acted_on(text: str, found: set[str]):
    assert {eid for _s, _e, eid, _t in capitals(fold(text))} == found


def test_a_capital_read_as_its_state_is_a_country_mention():
    text = "Washington accused Tehran of supplying drones to Russia."
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    assert {(m.eid, m.etype.value) for m in doc.mentions} >= {("country:us", "Country"), ("country:ir", "Country")}


def test_a_possessed_invasion_inside_an_accusation_is_asserted_but_a_planned_one_is_not():
    held = _claims("Washington accused Tehran of supplying drones to Russia for its invasion of Ukraine.")
    assert ("country:ru", "invaded", "country:ua", "asserted", None) in held
    planned = _claims("Officials accused Russia of planning an invasion of Ukraine.")
    assert {(s, p, o, st) for s, p, o, st, _b in planned} == {("country:ru", "invaded", "country:ua", "alleged")}
