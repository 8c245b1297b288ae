"""An advisory's authors warn against what it is about, and a document's name is no party: shapes of
the genre (joint cybersecurity advisories, alerts and bulletins), written from it with invented names."""

from __future__ import annotations

import pytest

from extract import propose
from extract.mentions import Doc
from extract.text import decode
from schema.quotes import fold

W = "warned-against-by"


def _warned(text: str) -> set[tuple[str, str]]:
    parsed = propose(text).parsed
    return {(c.subject, c.object) for c in parsed.claims if c.predicate.value == W}


def _mentions(text: str) -> list[str]:
    doc = Doc(text, fold(decode(text)), [])
    doc.find_mentions()
    return [m.eid for m in doc.mentions]


def test_bodies_that_release_an_advisory_on_a_group_warn_against_it() -> None:
    text = (
        "The FBI and the National Security Agency have released a joint Cybersecurity Advisory on APT77, "
        "a group that targets water utilities."
    )
    assert _warned(text) == {
        ("organization:apt77", "agency:us-fbi"),
        ("organization:apt77", "agency:national-security-agency"),
    }


def test_an_advisory_written_by_bodies_names_its_authors_in_the_passive() -> None:
    text = (
        "This Cybersecurity Advisory was written by the Federal Bureau of Investigation (FBI) and the Cybersecurity "
        "and Infrastructure Security Agency (CISA) to provide information on APT88."
    )
    assert _warned(text) == {("organization:apt88", "agency:us-fbi"), ("organization:apt88", "agency:us-cisa")}


def test_a_body_in_coordination_with_others_is_one_author_of_many() -> None:
    text = (
        "On May 2, 2025, the Federal Bureau of Investigation, in coordination with the National Security Agency, "
        "published a joint cybersecurity advisory that highlights the tactics of APT66, as well as Lumen Grid Ltd.'s "
        "role in supporting it."
    )
    found = _warned(text)
    assert {s for s, _ in found} == {"organization:apt66", "firm:lumen-grid-ltd"}
    assert {o for _, o in found} == {"agency:us-fbi", "agency:national-security-agency"}


def test_a_later_sentence_about_the_advisory_takes_its_authors() -> None:
    text = (
        "Today, CISA released a joint advisory. The advisory was coauthored with the National Security Agency. "
        "This advisory was crafted to highlight activity of APT55."
    )
    assert _warned(text) == {
        ("organization:apt55", "agency:us-cisa"),
        ("organization:apt55", "agency:national-security-agency"),
    }


def test_a_party_only_tied_to_the_subject_is_not_warned_against() -> None:
    text = "CISA and FBI have released Joint Cybersecurity Advisory: TTPs of APT44 Actors Associated with Vexor Trading LLC."
    assert _warned(text) == {("organization:apt44", "agency:us-cisa"), ("organization:apt44", "agency:us-fbi")}


@pytest.mark.parametrize(
    "text",
    [
        "The Defense Policy Advisory Committee met on Monday with APT33 researchers from Vexor Trading LLC.",
        "The malicious activity outlined in the advisory overlaps with reporting on groups such as APT31.",
        "CISA published an advisory about phishing, and APT22 was not named in it.",
    ],
)
def test_no_warning_without_an_advisory_its_authors_and_its_subject(text: str) -> None:
    assert _warned(text) == set()


def test_a_document_is_no_firm_and_a_body_does_not_swallow_its_reports_name() -> None:
    assert "firm:cybersecurity-advisory" not in _mentions(
        "Today, CISA released a joint Cybersecurity Advisory, Northland Cyber Group Conducts Espionage."
    )
    assert _mentions("as the Office of the Director of National Intelligence Annual Threat Assessment says.") == [
        "agency:office-of-the-director-of-national-intelligence"
    ]
    assert _mentions("The Office of Net Assessment reviewed it.") == ["agency:office-of-net-assessment"]


def test_an_advisory_on_the_activity_of_actors_tied_to_a_group_warns_against_the_group() -> None:
    text = (
        "CISA and the FBI released a joint Cybersecurity Advisory to highlight continued malicious cyber activity by "
        "advanced persistent threat (APT) actors affiliated with the Iranian Government's Islamic Revolutionary Guard "
        "Corps (IRGC)."
    )
    assert _warned(text) == {
        ("organization:islamic-revolutionary-guard-corps", "agency:us-cisa"),
        ("organization:islamic-revolutionary-guard-corps", "agency:us-fbi"),
    }


def test_an_advisory_that_alerts_defenders_to_a_group_warns_against_it() -> None:
    text = (
        "Today, CISA and the FBI released a joint advisory. This advisory alerts network defenders to APT93, a group "
        "that targets dams."
    )
    assert _warned(text) == {("organization:apt93", "agency:us-cisa"), ("organization:apt93", "agency:us-fbi")}
