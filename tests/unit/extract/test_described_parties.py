"""Parties a text describes rather than acts on, as the genres word them (invented names): "relationships
with blacklisted firms like A" says nothing of who blacklisted A; "a list of prohibited investments" is
no ban; "X's problematic relationships with Y" is X's tie; a request that a body act is proposed, not
done; a state body's "cyber actors—also known as A, B, and C" are one group of that body."""

from __future__ import annotations

from extract import propose
from extract.mentions import Doc
from extract.text import decode
from schema.quotes import fold

HOUSE = {"publisher": "House Select Committee on the Chinese Communist Party"}
FBI = {"publisher": "Federal Bureau of Investigation"}


def _claims(text: str, meta: dict[str, str] = HOUSE) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def _mentions(text: str) -> list[tuple[str, str]]:
    norm = fold(decode(text))
    doc = Doc(text, norm, [])
    doc.find_mentions()
    return [(m.eid, norm[m.start : m.end]) for m in doc.mentions]


def test_a_participle_describing_firms_names_no_sanctioner() -> None:
    found = _claims(
        "The letter outlines Orion Modules Solutions' problematic relationships with an arm of the Chinese government "
        "and with blacklisted firms like Vexa Telecom, Kord Electronics, and other Chinese military companies."
    )
    assert not any(p in {"sanctioned-by", "banned-by"} for _, p, _, _ in found)
    # the one whose relationships they are holds the tie, not the last person the sentence named
    assert ("firm:orion-modules-solutions", "alleged-tie-to", "country:cn", "asserted") in found


def test_a_list_of_prohibited_investments_bans_nothing() -> None:
    found = _claims(
        "The lawmakers request that Secretary Yellen place Orion Modules Solutions on a Treasury Department list "
        "of prohibited investments."
    )
    assert not any(p == "banned-by" and st == "asserted" for _, p, _, st in found)


def test_firm_heads_solutions_and_communications_but_not_a_commission() -> None:
    found = _mentions("The Federal Communications Commission fined Delta Communications and Orion Modules Solutions.")
    assert ("agency:us-fcc", "Federal Communications Commission") in found
    assert ("firm:delta-communications", "Delta Communications") in found
    assert ("firm:orion-modules-solutions", "Orion Modules Solutions") in found


def test_department_of_treasury_without_the_article_is_treasury() -> None:
    assert _mentions("the Department of Treasury's list")[0][0] == "agency:us-treasury"


def test_a_state_bodys_cyber_actors_known_by_several_names_are_one_group_of_it() -> None:
    text = (
        "The FBI assesses Russian Foreign Intelligence Service (SVR) cyber actors—also known as Advanced Persistent "
        "Threat 41 (APT 41), the Larks, SnowOwl, and Argon—will continue to target networks. APT 41 actors persist."
    )
    found = _claims(text, FBI)
    group = "organization:advanced-persistent-threat-41"
    assert (group, "part-of", "agency:svr", "asserted") in found
    for other in ("organization:larks", "organization:snowowl", "organization:argon"):
        assert (group, "same-as", other, "asserted") in found
    # the acronym and the spelled-out name are one group
    assert {eid for eid, surface in _mentions(text) if "41" in surface} == {group}
