"""A news story names the sanctioned parties paragraphs after its first sentence counted them: "The three
cybersecurity companies which have been sanctioned include A, B (provides diving systems to Russian agencies), C, D
and E" reopens the measure however many sentences lie between; a list's last two one-word names over "and" are two
names; a description in parentheses does not break the list. Invented names in constructed sentences; no evaluation
text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


_STORY = (
    "The United States Treasury Department imposed sanctions on five companies and three individuals for "
    "allegedly supporting the country's military and intelligence services.\n\n"
    '"The United States is engaged in an ongoing effort to counter malicious actors," the Secretary said. '
    '"The entities designated today have directly contributed to improving its capabilities," he said.\n\n'
    "The companies and individuals who are facing sanctions will be banned from any kind of transactions.\n\n"
    "This decision follows many cyberattacks that had hit the country. It is believed that hackers were behind the "
    "malware that infected routers worldwide.\n\n"
    "The three cybersecurity companies which have been sanctioned include Zorvex Scientific Research Institute, "
    "Divetechnal (provides underwater equipment and diving systems to state agencies), Digital Wardens, Qarnix and "
    "Embrova."
)


def test_the_members_named_far_after_the_measure_are_sanctioned() -> None:
    found = _tuples(_STORY)
    for party in (
        "organization:zorvex-scientific-research-institute",
        "organization:divetechnal",
        "organization:qarnix",
        "organization:embrova",
    ):
        assert (party, "sanctioned-by", "agency:us-treasury", "asserted") in found, party
    assert not {t for t in found if "qarnix-and" in t[0]}


def test_an_unrelated_list_later_is_no_member() -> None:
    story = _STORY.rsplit("\n\n", 1)[0] + "\n\nThe firms that compete with them include Qarnix and Embrova."
    found = _tuples(story)
    assert not {t for t in found if t[1] == "sanctioned-by" and t[0] in {"organization:qarnix", "firm:qarnix"}}
