"""Threat groups and the bodies behind them as advisories word them (invented names): a group named by its
description ("the Russia-based malicious cyber actor X", "the actor known as X or Y", "the X actor"), its
other names in one list ("formerly known as A; also known as B Group, C, and/or D"), attribution ("attributed
the X actor to the GRU", "X, which ... attributed to Y"), a state's body named after its country ("the New
Zealand National Cyber Security Centre" is not the United Kingdom's), and a letter's salutation or a
request that names acts asked for, not done."""

from __future__ import annotations

from extract import propose
from extract.mentions import Doc
from extract.text import decode, sentences
from schema.quotes import fold

CISA = {"publisher": "Cybersecurity and Infrastructure Security Agency"}
HOUSE = {"publisher": "House Select Committee on the Chinese Communist Party"}


def _claims(text: str, meta: dict[str, str] = CISA) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def _mentions(text: str) -> list[tuple[str, str]]:
    norm = fold(decode(text))
    doc = Doc(text, norm, [])
    doc.find_mentions()
    return [(m.eid, norm[m.start : m.end]) for m in doc.mentions]


def test_a_groups_other_names_in_one_list_are_one_group_named_by_the_longest() -> None:
    text = (
        "CISA released an advisory on the Russia-based malicious cyber actor Frost Gale (formerly known as "
        "ARGONITE; also known as Kestrel Group, TA900, DRYWIND, and/or GreyOwl)."
    )
    found = _claims(text)
    keep = "organization:kestrel-group"
    for other in ("frost-gale", "argonite", "ta900", "drywind", "greyowl"):
        assert (keep, "same-as", f"organization:{other}", "asserted") in found
    # a name with a firm's head word after "known as" is the group's, not a firm
    assert not any(eid.startswith("firm:") for eid, _ in _mentions(text))


def test_the_actor_known_as_two_names() -> None:
    found = _claims("The agencies identified that the actor known as Quarry or Lantern Moth is using new malware.")
    assert ("organization:lantern-moth", "same-as", "organization:quarry", "asserted") in found


def test_attribution_ties_a_group_to_the_body_behind_it() -> None:
    found = _claims(
        "The Quarry actor, which the United Kingdom and the United States have previously attributed to the "
        "Russian GRU, has replaced its malware."
    )
    assert ("organization:quarry", "alleged-tie-to", "agency:gru", "asserted") in found
    found = _claims("The NCSC and the FBI have previously attributed the Quarry actor to the Russian GRU.")
    assert ("organization:quarry", "alleged-tie-to", "agency:gru", "asserted") in found
    # a common word opening a sentence is no group: "Ransomware actors and other cybercriminals rely on ..."
    assert not any(
        eid == "organization:ransomware"
        for eid, _ in _mentions("Ransomware actors and other cybercriminals rely on hosting providers.")
    )


def test_a_state_body_named_after_its_country_keeps_the_country_in_its_name() -> None:
    found = {
        surface: eid
        for eid, surface in _mentions(
            "The United Kingdom's National Cyber Security Centre, joined by the New Zealand National Cyber "
            "Security Centre, released it. It named the Main Centre for Special Technologies (GTsST)."
        )
    }
    assert found["National Cyber Security Centre"] != found["New Zealand National Cyber Security Centre"]
    assert found["Main Centre for Special Technologies"] == found["GTsST"]
    assert not any(eid.startswith("firm:") for eid in found.values())


def test_a_salutation_is_no_list_and_a_request_is_proposed() -> None:
    text = (
        "Dear Secretary Hale and Chairman Moss:\n\nWe are writing to urge you to examine risks associated with "
        "robotics manufacturers from the People's Republic of China (PRC). We respectfully request that the "
        "Department of Commerce and Federal Communications Commission investigate Orion Robotics' role and, based "
        "on those findings, consider designating it under Section 1260H of the Fiscal Year 2021 National Defense "
        "Authorization Act, adding it to the Entity List, and including it on the Covered List."
    )
    norm = fold(text)
    assert norm[sentences(norm)[0][0] : sentences(norm)[0][1]].endswith("Moss:")
    found = _claims(text, HOUSE)
    assert not any(s == "person:moss" for s, _, _, _ in found)
    assert not any(p in {"listed-on", "investigated-by"} and st == "asserted" for _, p, _, st in found)


def test_a_ransomware_group_is_a_group_and_a_leaders_designation_is_not_its() -> None:
    found = {
        (c.subject, c.predicate.value, c.object)
        for c in propose(
            "United States Coordinates with Partners to Sanction Senior Leader of the DarkLock Ransomware Group\n\n"
            "On May 7th, OFAC designated a Russian leader of the Russia-based DarkLock Ransomware Group."
        ).parsed.claims
    }
    assert not {t for t in found if t[0].startswith("firm:")}
    assert not {t for t in found if t[0] == "organization:darklock-ransomware-group" and t[1] == "sanctioned-by"}


def test_an_encyclopedia_profile_of_a_designated_group() -> None:
    text = (
        "The Tsarist Legion Movement (TLM) is an extreme-right, white supremacist militant organization based in "
        "St. Petersburg, Russia. The U.S. State Department listed TLM as a Specially Designated Global Terrorist "
        "(SDGT) in April 2020. Stanislav Petrovich Vorontsov founded the Tsarist Legion Movement in 2002."
    )
    found = {(c.subject, c.predicate.value, c.object) for c in propose(text).parsed.claims}
    group = "organization:tsarist-legion-movement"
    assert (group, "headquartered-in", "country:ru") in found
    assert (group, "sanctioned-by", "agency:us-state") in found
    assert ("person:stanislav-petrovich-vorontsov", "alleged-tie-to", group) in found


def test_one_of_a_countrys_criminal_organizations_is_a_group() -> None:
    found = {
        (c.subject, c.predicate.value, c.object)
        for c in propose(
            "On February 7, 2024, OFAC sanctioned Los Tarkanos, one of Ecuador’s most violent criminal "
            "organizations, and its leader José Adolfo Macías Villar."
        ).parsed.claims
    }
    assert ("organization:los-tarkanos", "sanctioned-by", "agency:us-ofac") in found
    assert not {t for t in found if t[0] == "person:los-tarkanos"}
