"""Headlines name parties only by strong cues: a title-case line, and a digest item's title-case lead-in
before its colon ("- OFAC Sanctions Russian Network of Banks, Securities Registrars and Finance Officials:
OFAC on Nov. 21 sanctioned ..."), whose capitalised common words are no names. And what a text says across its sentences: "It added A and B"
after a sentence adding parties to a list adds them to that list; those commenting on "additions to the Entity
List" are not added; "the company" is the one firm its sentence named before it, not the last one
the text named; a party in a clause after the measure ("sanctions on Iran two days after President X instructed")
is not its object; "added A to the list" adds A to the list the text named before, however its name is
preceded ('its national security "entity list"'), and a long list of names before it is read whole. Constructed text in the
shape of a sanctions newsletter's digest; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose
from extract.headings import in_heading

DIGEST = (
    "Russia-related Sanctions\n"
    "- OFAC Sanctions Russian Network of Banks, Securities Registrars and Finance Officials: OFAC on Nov. 21 "
    "sanctioned dozens of Russian banks. OFAC's action includes the designation of Omegabank.\n"
)


def test_a_digest_items_title_case_lead_in_is_a_heading_and_its_sentences_are_not() -> None:
    lead = DIGEST.index("Network")
    assert in_heading(DIGEST, lead)
    assert not in_heading(DIGEST, DIGEST.index("dozens"))
    assert not in_heading("- Note: the agency said on Monday that it had sanctioned two banks.\n", 2)


def test_the_common_words_of_a_headline_are_no_parties() -> None:
    meta = {"id": "source:probe", "title": "probe", "publisher": "U.S. Department of the Treasury"}
    parsed = propose(DIGEST, meta).parsed
    sanctioned = {c.subject for c in parsed.claims if c.predicate.value == "sanctioned-by"}
    assert sanctioned == {"firm:omegabank"}


def test_parties_added_in_a_later_sentence_are_added_to_the_list_named_before() -> None:
    text = (
        'The Bureau of Industry and Security said it would add 12 Chinese companies to its "Entity List." '
        "Decisions on additions are made by an interagency committee. "
        'It added Omega Microelectronics Co., Ltd. and Sigma Photonics Ltd. "for their support of the military." '
        "The Under Secretary added that the rule takes effect today."
    )
    listed = {c.subject for c in propose(text).parsed.claims if c.predicate.value == "listed-on"}
    assert listed == {"firm:omega-microelectronics-co-ltd", "firm:sigma-photonics-ltd"}


def test_those_who_comment_on_additions_to_a_list_are_not_added() -> None:
    text = (
        "The Chairs of the Commission, Representative Jane Doe (R-NJ) and John Roe (D-OR), issued a statement "
        'concerning the announcement of additions to the "Entity List".'
    )
    assert not any(c.predicate.value == "listed-on" for c in propose(text).parsed.claims)


def test_the_company_is_the_firm_this_sentence_named_before_the_one_a_sentence_before() -> None:
    text = (
        "The FCC added Omega Mobile and Sigma Telecom to the Covered List. The FCC says that its decision to add "
        "Kappa Labs to the Covered List was motivated by the Department of Homeland Security banning the "
        "company's security products from all federal systems."
    )
    banned = {c.subject for c in propose(text).parsed.claims if c.predicate.value == "banned-by"}
    assert banned == {"firm:kappa-labs"}


def test_a_legal_form_ends_one_name_and_never_opens_the_next() -> None:
    text = "The FCC added Omega Telecom (Americas) Corp and Sigma Mobile International USA to the Covered List."
    listed = {c.subject for c in propose(text).parsed.claims if c.predicate.value == "listed-on"}
    assert listed == {"firm:omega-telecom-americas-corp", "firm:sigma-mobile-international-usa"}


def test_a_party_named_in_a_clause_after_the_measure_is_not_its_object() -> None:
    text = (
        "The Treasury's Office of Foreign Assets Control announced sanctions on Iran two days after President "
        "Donald Trump instructed the Treasury to increase pressure on the country."
    )
    assert not any(c.predicate.value == "sanctioned-by" for c in propose(text).parsed.claims)


def test_sanctions_announced_on_a_country_name_the_sanctioner_of_the_next_sentence() -> None:
    text = (
        "The Treasury's Office of Foreign Assets Control announced sanctions on Iran two days after President "
        "Donald Trump instructed the Treasury to increase pressure. The sanctions target the Central Bank of Iran, "
        "the National Development Fund of Iran and Omega Tejarat Co. for funding Iran's military."
    )
    sanctions = {(c.subject, c.object) for c in propose(text).parsed.claims if c.predicate.value == "sanctioned-by"}
    assert ("firm:omega-tejarat-co", "agency:us-ofac") in sanctions
    assert not any(s == "person:donald-trump" for s, _o in sanctions)


def test_the_pentagons_chinese_military_companies_list_is_a_list() -> None:
    text = "The Pentagon added Omega Holdings and Sigma Battery Co., Limited to the Section 1260H list on Monday."
    listed = {(c.subject, c.object) for c in propose(text).parsed.claims if c.predicate.value == "listed-on"}
    assert listed == {
        ("firm:omega-holdings", "list:us-dod-1260h"),
        ("firm:sigma-battery-co-limited", "list:us-dod-1260h"),
    }


def test_a_tie_cue_whose_next_party_belongs_to_another_verb_ties_nothing() -> None:
    text = (
        'Omega Wireless, a spokesperson said, "does not work with the military in any country and will ask the '
        'Pentagon to reconsider its designation."'
    )
    assert not any(c.predicate.value == "alleged-tie-to" for c in propose(text).parsed.claims)


def _listed(text: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in propose(text).parsed.claims if c.predicate.value == "listed-on"}


def test_a_list_named_with_words_before_it_still_takes_the_parties_added() -> None:
    text = 'The Commerce Department said it was adding Omega Tech Ltd. to its national security "entity list".'
    assert ("firm:omega-tech-ltd", "list:us-bis-entity-list") in _listed(text)


def test_the_list_is_the_one_the_text_named_before_and_a_long_list_of_names_is_read_whole() -> None:
    text = (
        'The department maintains a national security "entity list" of firms. '
        "The department was adding Sugon, the Wuxi Jiangnan Institute of Computing Technology, Higon, Chengdu "
        "Haiguang Integrated Circuit and Chengdu Haiguang Microelectronics Technology along with numerous aliases "
        "of the five entities to the list on concerns about military applications of the computers. "
        "In 2015, the department added China's National University of Defence Technology (NUDT) to the list."
    )
    listed = {s for s, o in _listed(text) if o == "list:us-bis-entity-list"}
    assert listed >= {
        "firm:sugon",
        "firm:higon",
        "organization:wuxi-jiangnan-institute-of-computing-technology",
        "firm:chengdu-haiguang-integrated-circuit",
        "firm:chengdu-haiguang-microelectronics-technology",
        "organization:national-university-of-defence-technology",
    }


def test_the_list_with_no_list_named_before_lists_nothing() -> None:
    assert not _listed("The agency added Omega Tech Ltd. to the list of firms it audits.")


def test_a_lists_additions_named_as_a_compound_include_their_entries() -> None:
    text = "The Entity List additions include the Xinjiang Public Security Bureau and Omega Tech Ltd."
    assert {
        ("organization:xinjiang-public-security-bureau", "list:us-bis-entity-list"),
        ("firm:omega-tech-ltd", "list:us-bis-entity-list"),
    } <= _listed(text)
