"""Names and shapes of real releases beyond the evaluation texts: a firm's or a person's name in Latin
letters with accents (Spanish, French, German, Turkish, Vietnamese) is one name and keeps its letters;
two firms joined by "and" stay two when the first ends in a legal form rigour knows or the second
opens with one ("OOO Sky Frame and AO Ural Plant"); a non-breaking hyphen reads as a hyphen; an
airline's "X Air" is a firm; vessels a firm owns being designated is no measure on the firm; "fined"
is an action against the fined, in pounds or euros too; "warned that X is ..." warns against X; a
compound's en dash ("Hong Kong–based") is a hyphen; "Huawei and ZTE" are two names; designating "X's
chief executive officer, Y" designates Y, tied to X, not X; a front company for X is tied to X; a
defense authorization act keeps "for Fiscal Year 2019" and its namesake's initial in its name; a party
removed from a list, or a sanction lifted, is a retracted claim, never a listing.
Constructed sentences in the shapes of US-government releases (such names are rare in the evaluation
texts, which spell most names without accents), so no evaluation text is quoted here."""

from __future__ import annotations

import pytest

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    parsed = propose(text).parsed
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}


def test_a_firm_named_with_accents_is_one_name_and_keeps_them():
    text = (
        "The Commerce Department added Empresa de Transporte Aéreocargo del Sur, S.A. of Venezuela to the Entity List."
    )
    entities = {e.id: e for e in propose(text).parsed.entities}
    firm = entities["firm:empresa-de-transporte-aereocargo-del-sur-s-a"]  # not "firm:sur-s-a"
    assert firm.name.startswith("Empresa de Transporte Aéreocargo del Sur")
    assert (
        "firm:empresa-de-transporte-aereocargo-del-sur-s-a",
        "listed-on",
        "list:us-bis-entity-list",
        "asserted",
    ) in (_tuples(text))


def test_names_in_latin_letters_beyond_latin_1_are_whole_names():
    text = (
        "OFAC designated Şahin Öztürk and Öztürk Dış Ticaret Ltd. pursuant to E.O. 13224. "
        "Treasury also sanctioned Nguyễn Văn An, a Vietnamese national."
    )
    entities = {e.id: e.name for e in propose(text).parsed.entities}
    assert entities["person:sahin-ozturk"] == "Şahin Öztürk"
    assert entities["firm:ozturk-dis-ticaret-ltd"] == "Öztürk Dış Ticaret Ltd."  # not "Ticaret Ltd."
    assert entities["person:nguyen-van-an"] == "Nguyễn Văn An"  # not "Văn An"


def test_two_firms_joined_by_and_after_a_legal_form_rigour_knows_stay_two():
    text = "OFAC designated Alpha Trading SARL and Société Bêta Holding S.A. pursuant to E.O. 13224."
    subjects = {s for s, p, _o, _st in _tuples(text) if p == "sanctioned-by"}
    assert subjects == {"firm:alpha-trading-sarl", "firm:societe-beta-holding-s-a"}


def test_a_non_breaking_hyphen_reads_as_a_hyphen_and_the_quote_keeps_it():
    text = "OFAC designated Beta Trading LLC, a UAE\u2011based company, for supporting Iran\u2019s drone program."
    parsed = propose(text).parsed
    [based] = [c for c in parsed.claims if c.predicate.value == "headquartered-in"]
    assert (based.subject, based.object) == ("firm:beta-trading-llc", "country:ae")
    assert "UAE\u2011based" in based.citations[0].quote  # the source's own characters


def test_two_firms_each_opened_by_a_legal_form_stay_two():
    text = "OFAC designated OOO Sky Frame and AO Ural Plant pursuant to E.O. 14024."
    subjects = {s for s, p, _o, _st in _tuples(text) if p == "sanctioned-by"}
    assert subjects == {"firm:ooo-sky-frame", "firm:ao-ural-plant"}  # not "OOO Sky Frame and AO Ural Plant"


def test_an_airline_named_x_air_is_a_firm_and_the_air_force_is_none():
    assert ("firm:mahan-air", "sanctioned-by", "agency:us-ofac", "asserted") in _tuples(
        "OFAC designated Mahan Air pursuant to E.O. 13224."
    )  # not person:mahan-air
    assert not _tuples("The U.S. Air Force said it was not involved.")


def test_what_a_firm_owns_being_designated_is_no_measure_on_the_firm():
    assert not _tuples("OFAC also designated three vessels owned by Beta Shipping LLC.")
    assert ("firm:beta-shipping-llc", "sanctioned-by", "agency:us-ofac", "asserted") in _tuples(
        "OFAC designated Beta Shipping LLC and three vessels owned by it."
    )


@pytest.mark.parametrize(
    "text, actor",
    [
        ("OFAC fined Delta Bank plc $1.2 million for apparent violations of Russia sanctions.", "agency:us-ofac"),
        ("OFSI fined Delta Bank plc £1.2 million for breaching Russia sanctions.", "agency:uk-ofsi"),
        ("OFAC imposed a $1.2 million penalty on Delta Bank plc.", "agency:us-ofac"),
    ],
)
def test_a_fine_is_an_action_against_the_fined_whatever_the_currency(text: str, actor: str):
    assert (actor, "acted-against", "firm:delta-bank-plc", "asserted") in _tuples(text)


def test_a_warning_that_a_named_party_acts_warns_against_it_and_only_against_the_clause_subject():
    assert ("firm:lazarus-group", "warned-against-by", "agency:us-fbi", "asserted") in _tuples(
        "The FBI warned that the Lazarus Group is targeting cryptocurrency firms."
    )
    assert not _tuples("CISA warned that organizations should patch Microsoft Exchange servers immediately.")


def test_a_compound_en_dash_reads_as_a_hyphen():
    text = "Treasury designated Hong Kong\u2013based Alpha Trading Limited for supplying drone parts to Iran."
    assert ("firm:alpha-trading-limited", "headquartered-in", "country:hk", "asserted") in _tuples(text)


def test_an_acronym_and_a_one_word_name_are_two_names():
    tuples = _tuples("The Federal Communications Commission designated Huawei and ZTE as national security threats.")
    assert {s for s, p, _o, _st in tuples if p == "banned-by"} == {"firm:huawei", "firm:zte"}  # not "Huawei and ZTE"
    assert {s for s, *_ in _tuples("BIS added Bank of Industry and Commerce Ltd. to the Entity List.")} == {
        "firm:bank-of-industry-and-commerce-ltd"
    }


def test_a_measure_on_a_firms_post_holder_named_after_its_possessive_is_none_on_the_firm():
    tuples = _tuples("OFAC also designated Beta Technology Co., Ltd.'s chief executive officer, Zhang Wei.")
    assert {(s, o) for s, p, o, _st in tuples if p == "sanctioned-by"} == {("person:zhang-wei", "agency:us-ofac")}
    assert ("person:zhang-wei", "alleged-tie-to", "firm:beta-technology-co-ltd", "asserted") in tuples


def test_a_front_company_for_a_party_is_tied_to_it():
    assert (
        "firm:alpha-trading-llc",
        "alleged-tie-to",
        "organization:islamic-revolutionary-guard-corps",
        "asserted",
    ) in _tuples("Alpha Trading LLC is a front company for the Islamic Revolutionary Guard Corps.")


def test_a_defense_authorization_act_keeps_its_fiscal_year_and_a_namesakes_initial():
    from extract.mentions import Doc

    text = "Section 889 of the John S. McCain National Defense Authorization Act for Fiscal Year 2019 applies."
    doc = Doc(text, text, [])
    doc.find_mentions()
    assert [m.eid for m in doc.mentions if m.etype.value == "Law"] == [
        "law:john-s-mccain-national-defense-authorization-act-for-fiscal-year-2019"
    ]


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "OFAC removed Alpha Trading LLC from the SDN List.",
            ("firm:alpha-trading-llc", "listed-on", "list:us-ofac-sdn", "retracted"),
        ),
        (
            "The Commerce Department removed Beta Technology Co., Ltd. from the Entity List on Tuesday.",
            ("firm:beta-technology-co-ltd", "listed-on", "list:us-bis-entity-list", "retracted"),
        ),
        (
            "Treasury lifted sanctions on Gamma Shipping Ltd. in 2020.",
            ("firm:gamma-shipping-ltd", "sanctioned-by", "agency:us-treasury", "retracted"),
        ),
    ],
)
def test_a_party_taken_off_a_list_or_a_sanction_lifted_is_a_retracted_claim(text: str, claim: tuple[str, ...]):
    tuples = _tuples(text)
    assert claim in tuples
    assert (*claim[:3], "asserted") not in tuples  # never read as a listing or a sanction


def test_rescinding_a_sanctions_waiver_lifts_no_sanction():
    text = "The administration is rescinding sanctions waivers it granted to Nord Stream 2 AG."
    assert not [t for t in _tuples(text) if t[3] == "retracted"]


def test_a_designation_revoked_is_a_retracted_sanction():
    meta = {"id": "source:t", "title": "t", "kind": "press-release", "publisher": "U.S. Department of State"}
    parsed = propose("The Department revoked the designation of Alpha Group as a Foreign Terrorist Organization.", meta)
    assert {(c.subject, c.predicate.value, c.stance.value) for c in parsed.parsed.claims} == {
        ("firm:alpha-group", "sanctioned-by", "retracted")
    }


def test_the_day_a_party_is_delisted_ends_the_listing():
    parsed = propose("OFAC removed Alpha Trading LLC from the SDN List on June 2, 2023.").parsed
    [claim] = parsed.claims
    assert (claim.stance.value, claim.valid_from, claim.valid_to) == ("retracted", None, "2023-06-02")


_LEAD = "The department acted after a long review of the network's conduct over several years. "  # no headline


@pytest.mark.parametrize(
    "sentence",
    [
        "Zhang Wei is the director of Shenzhen Hailong Technology Co., Ltd.",
        "Zhang Wei serves as the managing director of Shenzhen Hailong Technology Co., Ltd.",
        "Zhang Wei is the chief executive officer and owner of Shenzhen Hailong Technology Co., Ltd.",
    ],
)
def test_a_post_said_with_a_verb_ties_its_holder_to_the_firm(sentence: str):
    assert ("person:zhang-wei", "alleged-tie-to", "firm:shenzhen-hailong-technology-co-ltd", "asserted") in _tuples(
        _LEAD + sentence
    )


def test_a_firm_that_owns_a_vessel_stays_a_firm():
    text = _LEAD + "Orion Shipping Co. Ltd. is the registered owner of the vessel OCEAN STAR."
    entities = {e.id for e in propose(text).parsed.entities}
    assert not any(e.startswith("person:") for e in entities)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Germany's Federal Office for Information Security warned against Kaspersky Lab.",
            "federal-office-for-information-security",
        ),
        (
            "Germany's Federal Office for the Protection of the Constitution warned against Huawei.",
            "federal-office-for-the-protection-of-the-constitution",
        ),
    ],
)
def test_a_body_named_for_its_task_is_one_name(sentence: str, body: str):
    ids = {i.split(":", 1)[1] for t in _tuples(_LEAD + sentence) for i in (t[0], t[2])} | {
        e.id.split(":", 1)[1] for e in propose(_LEAD + sentence).parsed.entities
    }
    assert body in ids
    assert "federal-office" not in ids


def test_a_unit_of_another_body_stays_a_unit():
    text = _LEAD + "The Criminal Division of the Department of Justice joined the investigation."
    assert ("agency:criminal-division", "part-of", "agency:us-doj", "asserted") in _tuples(text)


@pytest.mark.parametrize(
    ("sentence", "firm", "country"),
    [
        (
            "BIS added Alpha Micro Electronics Co., Ltd., based in Wuhan, to the Entity List.",
            "firm:alpha-micro-electronics-co-ltd",
            "country:cn",
        ),
        ("OFAC designated Sepahan Trading Co., a Karaj-based supplier.", "firm:sepahan-trading-co", "country:ir"),
        (
            "Delta Textile Ltd., which is headquartered in Lahore, was designated.",
            "firm:delta-textile-ltd",
            "country:pk",
        ),
    ],
)
def test_a_city_that_names_one_place_is_in_its_country(sentence: str, firm: str, country: str):
    assert (firm, "headquartered-in", country, "asserted") in _tuples(_LEAD + sentence)


def test_a_city_two_countries_share_names_no_country():  # Valencia: Venezuela's and Spain's
    text = _LEAD + "OFAC designated Omega Trading Co., based in Valencia, for its support of the network."
    assert not [t for t in _tuples(text) if t[1] == "headquartered-in"]


def test_a_city_a_firm_is_named_after_is_the_city_after_based_in():
    text = (
        _LEAD + "The entities include Shanghai Micro Electronics Equipment Group Co., Ltd., based in Shanghai, "
        "which makes lithography tools."
    )
    parsed = propose(text).parsed
    assert ("firm:shanghai-micro-electronics-equipment-group-co-ltd", "headquartered-in", "country:cn", "asserted") in {
        (c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims
    }


def test_vessels_named_together_are_two_and_the_measure_falls_on_them_not_their_owner():
    text = (
        "Today, OFAC sanctioned a shipping network. The vessels NAVIG8 ONE and OCEAN FORTUNE, which are owned by "
        "Star Ocean Shipping Inc., were identified as blocked property."
    )
    meta = {"id": "source:t", "title": "t", "kind": "press-release", "publisher": "U.S. Department of the Treasury"}
    tuples = {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}
    for vessel in ("asset:navig8-one", "asset:ocean-fortune"):
        assert ("firm:star-ocean-shipping-inc", "owns", vessel, "asserted") in tuples
        assert [t for t in tuples if t[:2] == (vessel, "sanctioned-by")]  # the publisher's or OFAC's
    assert not [t for t in tuples if t[0] == "firm:star-ocean-shipping-inc" and t[1] == "sanctioned-by"]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (  # the executive orders' words for a post at the designated firm
            "Kamran Aliyev was designated pursuant to E.O. 14024 for being or having been a leader, official, senior "
            "executive officer, or member of the board of directors of Caspian Tech LLC.",
            ("person:kamran-aliyev", "alleged-tie-to", "firm:caspian-tech-llc", "asserted"),
        ),
        (
            "Alpha Bravo Trading DMCC, a UAE-based company, is controlled by Hassan Ali Karimi.",
            ("firm:alpha-bravo-trading-dmcc", "alleged-tie-to", "person:hassan-ali-karimi", "asserted"),
        ),
        (
            "Ivan Petrov is a close associate of Yevgeniy Prigozhin.",
            ("person:ivan-petrov", "alleged-tie-to", "person:yevgeniy-prigozhin", "asserted"),
        ),
    ],
)
def test_a_person_named_by_the_tie_to_a_party_is_a_person_and_tied(sentence: str, claim: tuple[str, ...]):
    assert claim in _tuples(_LEAD + sentence)


def test_a_vietnamese_legal_form_opens_the_firms_name():
    text = _LEAD + "OFAC designated Công ty TNHH Hải Phòng Shipping, based in Haiphong."
    assert ("firm:cong-ty-tnhh-hai-phong-shipping", "headquartered-in", "country:vn", "asserted") in _tuples(text)


def test_a_measure_another_body_takes_in_the_next_sentence_is_that_bodys_alone():
    text = (
        "The U.S. Treasury Department on Thursday imposed sanctions on six Hong Kong-based companies accused of "
        "shipping Iranian oil. The companies include Sea Charming Shipping Co. Ltd., Treasury said. The State "
        "Department also sanctioned Chinese refiner Luqing Petrochemical Co. Ltd. for buying Iranian crude."
    )
    refiner = {t[2] for t in _tuples(text) if t[:2] == ("firm:luqing-petrochemical-co-ltd", "sanctioned-by")}
    assert refiner == {"agency:us-state"}


def test_a_carriers_authority_revoked_is_a_ban_on_the_carrier_not_on_its_parent():
    meta = {"id": "source:t", "title": "t", "kind": "press-release", "publisher": "Federal Communications Commission"}
    text = (
        "The Federal Communications Commission today revoked China Unicom Americas' authority to provide "
        "telecommunications services in the United States. ComNet (USA) LLC is indirectly owned by China Unicom."
    )
    tuples = {(c.subject, c.predicate.value, c.object) for c in propose(text, meta).parsed.claims}
    assert ("firm:china-unicom-americas", "banned-by", "agency:us-fcc") in tuples
    assert ("firm:china-unicom", "banned-by", "agency:us-fcc") not in tuples


@pytest.mark.parametrize(
    ("sentence", "group", "country", "sponsored"),
    [
        (
            "CISA assesses that People's Republic of China (PRC) state-sponsored cyber actors known as Volt Typhoon "
            "are seeking to pre-position themselves on IT networks.",
            "organization:volt-typhoon",
            "country:cn",
            True,
        ),
        (
            "Iranian state-sponsored cyber actors, tracked as Pioneer Kitten, exploited the vulnerability.",
            "organization:pioneer-kitten",
            "country:ir",
            True,
        ),
        (
            "Russian cyber actors known as Fancy Bear targeted the networks.",
            "organization:fancy-bear",
            "country:ru",
            False,
        ),
    ],
)
def test_a_states_actors_named_as_a_group_are_that_states(sentence: str, group: str, country: str, sponsored: bool):
    tuples = _tuples(_LEAD + sentence)
    assert (group, "headquartered-in", country, "asserted") in tuples
    assert ((group, "alleged-tie-to", country, "asserted") in tuples) is sponsored


def test_threat_groups_named_together_are_groups_of_their_own():
    text = (
        _LEAD + "The advisory details Chinese state-sponsored threat actors referred to by names such as Salt Typhoon "
        "and OPERATOR PANDA."
    )
    entities = {e.id for e in propose(text).parsed.entities} | {i for t in _tuples(text) for i in (t[0], t[2])}
    assert "organization:salt-typhoon" in entities
    assert not any("salt-typhoon-and" in e for e in entities)


def test_a_groups_aliases_with_a_dot_inside_are_whole_names():
    text = (
        _LEAD + "APT40, also known as Kryptonite Panda, Leviathan, Temp.Periscope, and Temp.Jumper, is located in "
        "Haikou, China."
    )
    same = {t[2] for t in _tuples(text) if t[1] == "same-as"} | {t[0] for t in _tuples(text) if t[1] == "same-as"}
    assert {"organization:temp-periscope", "organization:temp-jumper"} <= same
    assert "organization:temp" not in same


def test_groups_named_by_an_arabic_head_word_are_two_groups():
    text = (
        _LEAD + "The Department of State is designating Harakat Sawa'd Misr and Liwa al-Thawra as Specially "
        "Designated Global Terrorists."
    )
    measured = {t[0] for t in _tuples(text) if t[1] == "sanctioned-by"}
    assert measured == {"organization:harakat-sawa-d-misr", "organization:liwa-al-thawra"}


def test_a_subsidiary_named_with_its_country_is_the_firms():
    text = _LEAD + "Huawei Technologies Co., Ltd. and its U.S. subsidiary Futurewei Technologies, Inc. were charged."
    assert ("firm:futurewei-technologies-inc", "subsidiary-of", "firm:huawei-technologies-co-ltd", "asserted") in (
        _tuples(text)
    )


def test_a_state_bodys_name_is_not_cut_at_a_firm_word_inside_it():
    text = _LEAD + "Shokri procured the fiber on behalf of Iran's Aerospace Industries Organization."
    ids = {i for t in _tuples(text) for i in (t[0], t[2])}
    assert "firm:aerospace-industries" not in ids


def test_a_ransomware_group_named_as_an_example_is_a_group():
    text = _LEAD + "FinCEN found that Bitzlato served Russia-affiliated ransomware groups, including Conti."
    assert ("organization:conti", "alleged-tie-to", "country:ru", "asserted") in _tuples(text)


def test_a_country_naming_the_sanctions_on_it_is_not_their_author():
    text = _LEAD + "The Iran sanctions are crippling the regime's support for the terrorist group Hizballah."
    assert not [t for t in _tuples(text) if t[1] == "sanctioned-by" and t[2] == "country:ir"]


def test_accusing_a_party_of_posing_a_risk_warns_against_it():
    text = _LEAD + "Germany accused Huawei Technologies Co., Ltd. of posing a security risk to its 5G networks."
    assert ("firm:huawei-technologies-co-ltd", "warned-against-by", "country:de", "asserted") in _tuples(text)
    other = _LEAD + "Germany accused Huawei Technologies Co., Ltd. of breaking its promises on pricing."
    assert not [t for t in _tuples(other) if t[1] == "warned-against-by"]


def test_a_party_sanctioned_by_two_states_is_sanctioned_by_each():
    text = _LEAD + "Vladimir Potanin, a Russian oligarch, has been sanctioned by Britain and Canada."
    by = {t[2] for t in _tuples(text) if t[:2] == ("person:vladimir-potanin", "sanctioned-by")}
    assert by == {"country:gb", "country:ca"}


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "The defendants shipped parts to Beta Electronics Ltd., which has been on the Entity List since 2020.",
            ("firm:beta-electronics-ltd", "listed-on", "list:us-bis-entity-list", "asserted"),
        ),
        (
            "Zeta Bank, which OFAC designated in 2018 under Executive Order 13224, processed the payments.",
            ("firm:zeta-bank", "sanctioned-by", "agency:us-ofac", "asserted"),
        ),
    ],
)
def test_a_measure_told_in_a_relative_clause_falls_on_the_party_it_describes(sentence: str, claim: tuple[str, ...]):
    assert claim in _tuples(_LEAD + sentence)


def test_the_releases_action_targeting_parties_is_its_sanction_on_them():
    meta = {"id": "source:t", "title": "t", "kind": "press-release", "publisher": "U.S. Department of the Treasury"}
    text = (
        "Today's action targets Alpha Metals LLC and Beta Logistics FZE, which have helped Russia acquire technology."
    )
    tuples = {(c.subject, c.predicate.value, c.object) for c in propose(text, meta).parsed.claims}
    assert ("firm:alpha-metals-llc", "sanctioned-by", "agency:us-treasury") in tuples
    assert ("firm:beta-logistics-fze", "sanctioned-by", "agency:us-treasury") in tuples


def test_the_owner_named_after_its_place_of_registry_owns_not_the_place():
    text = (
        _LEAD + "The vessel OCEAN STAR, which is owned by Marshall Islands-registered Star Ocean Shipping Inc., sank."
    )
    owners = {t[0] for t in _tuples(text) if t[1:3] == ("owns", "asset:ocean-star")}
    assert owners == {"firm:star-ocean-shipping-inc"}


def test_a_person_described_after_the_names_they_go_by_is_a_person_of_that_country():
    text = _LEAD + 'Sun Li, also known as "Lily Sun," a citizen of China, was arrested.'
    tuples = _tuples(text)
    assert [t for t in tuples if t[0].startswith("person:") and t[1:3] == ("headquartered-in", "country:cn")]


def test_the_body_a_post_is_of_is_no_person():
    text = (
        _LEAD + "The Department of the Treasury designated Nicaragua's Minister of Finance, Iván Acosta Montalván, "
        "and the President of the Supreme Court, Alba Luz Ramos Vanegas."
    )
    persons = {i for t in _tuples(text) for i in (t[0], t[2]) if i.startswith("person:")}
    assert persons == {"person:ivan-acosta-montalvan", "person:alba-luz-ramos-vanegas"}
