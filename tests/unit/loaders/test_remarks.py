"""What the lists state for screening — dates and places of birth, nationalities, documents and
registration numbers (loaders.remarks) — read by the OFAC and CSL loaders on the real samples, and
by the FtM loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders import csl, ftm, ofac
from loaders.base import Parsed
from loaders.remarks import Stated, birth_dates, csl_ids, identifier, ofac_remarks
from schema.models import Entity

FIXTURES = Path(__file__).parents[2] / "fixtures"
REAL = FIXTURES / "real"
SDN = REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv"


@pytest.fixture(scope="module")
def sdn() -> Parsed:
    return ofac.load(SDN, REAL / "ofac_add_2025-02_excerpt.csv", REAL / "ofac_alt_2025-02_excerpt.csv")


@pytest.fixture(scope="module")
def listed(sdn: Parsed) -> dict[str, Entity]:
    return {e.id: e for e in sdn.entities}


# -- OFAC remarks, on the real SDN excerpt ------------------------------------------------


def test_an_ofac_person_gets_dob_pob_nationality_passport_and_inn(listed: dict[str, Entity]) -> None:
    # 21164 "KOVALCHUK, Kirill Mikhailovich": "DOB 22 Dec 1968; POB Moscow, Russia; alt. POB St.
    # Petersburg, Russia; nationality Russia; ...; Passport 643267034 (Russia); Tax ID No. 773600308808 (Russia); ..."
    person = listed["person:ofac-21164"]
    assert person.birth_dates == ("1968-12-22",)
    assert person.birth_places == ("Moscow, Russia", "St. Petersburg, Russia")
    assert person.nationalities == ("RU",)
    # a Russian tax number that is a valid INN is stored as inn (and not also as tax_id)
    assert person.identifiers == {"ofac": "21164", "passport": "643267034", "inn": "773600308808"}


def test_nationalities_and_citizenships_are_all_kept_in_order(listed: dict[str, Entity]) -> None:
    # 15892: "nationality Russia; alt. nationality Ukraine; citizen Russia; alt. citizen Ukraine"
    assert listed["person:ofac-15892"].nationalities == ("RU", "UA")
    assert listed["person:ofac-15892"].birth_places == ("Vinnitsa, Ukraine",)


def test_several_dates_of_birth_a_range_and_documents_with_their_dates(listed: dict[str, Entity]) -> None:
    # 24030: "DOB 16 Sep 1980; alt. DOB 17 Sep 1980; POB Zabol, Iran; nationality Iran; ...; Passport
    # V29385211 (Iran) issued 19 Feb 2014 expires 19 Feb 2019; National ID No. 367-353055-063; Birth Certificate Number 455."
    person = listed["person:ofac-24030"]
    assert person.birth_dates == ("1980-09-16", "1980-09-17")
    assert person.identifiers == {
        "ofac": "24030",
        "passport": "V29385211",
        "national_id": "367-353055-063",
        "birth_certificate": "455",
    }
    # 39017: "DOB 1960 to 1961" — every year of the range
    assert listed["person:ofac-39017"].birth_dates == ("1960", "1961")
    # 21324: "Passport RU0313455106 (Russia); alt. Passport 0307609477 (Russia)" — one scheme, two values
    assert listed["person:ofac-21324"].identifiers["passport"] == "RU0313455106; 0307609477"


def test_firms_banks_and_vessels_get_their_numbers_and_no_personal_data(listed: dict[str, Entity]) -> None:
    # 17013 VTB BANK: "SWIFT/BIC VTBRRUMM; ...; BIK (RU) 044030707; alt. BIK (RU) 044525187; ...
    # Registration Number 1027739609391 (Russia); Tax ID No. 7702070139 (Russia); Government Gazette
    # Number 00032520 (Russia); Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)"
    vtb = listed["firm:ofac-17013"]
    assert vtb.identifiers == {
        "ofac": "17013",
        "swift": "VTBRRUMM",
        "bik": "044030707; 044525187",
        "ogrn": "1027739609391",
        "inn": "7702070139",
        "registration": "00032520",
        "lei": "253400V1H6ART1UQ0N98",
    }
    assert (vtb.birth_dates, vtb.nationalities, vtb.birth_places) == ((), (), ())
    # 16418: "National ID No. 14005441856 (Iran); Registration Number 483250 (Iran)" — not Russian: no OGRN
    assert listed["firm:ofac-16418"].identifiers == {
        "ofac": "16418",
        "national_id": "14005441856",
        "registration": "483250",
    }
    # 34940 BALTIC LEADER: "Vessel Registration Identification IMO 9220639"
    assert listed["asset:ofac-34940"].identifiers == {"ofac": "34940", "imo": "IMO9220639"}


def test_labels_not_read_are_noted(sdn: Parsed) -> None:
    (note,) = [n for n in sdn.notes if "identifier labels" in n]
    assert "'License' ×33" in note and "'Residency Number' ×1" in note


def test_the_remarks_parser_reads_only_a_persons_personal_data() -> None:
    remarks = "DOB 05 Mar 1969; POB Moscow, Russia; nationality Russia; Passport 530262587 (Russia); Gender Male."
    person, firm = ofac_remarks(remarks, person=True), ofac_remarks(remarks, person=False)
    assert (person.birth_dates, person.birth_places, person.nationalities) == (
        ["1969-03-05"],
        ["Moscow, Russia"],
        ["RU"],
    )
    assert (firm.birth_dates, firm.birth_places, firm.nationalities) == ([], [], [])
    assert person.identifiers.as_dict() == firm.identifiers.as_dict() == {"passport": "530262587"}
    unplaced = ofac_remarks("nationality possibly Palestinian", person=True)  # not a country: not read, noted
    assert unplaced.nationalities == [] and unplaced.unplaced == {"possibly Palestinian": 1}


# -- OFAC remarks' weak aliases (a.k.a., f.k.a., n.k.a.) ------------------------------------


def test_a_remarks_aka_is_a_weak_alias_not_a_strong_one(listed: dict[str, Entity]) -> None:
    # 21326 "BOGACHEV, Evgeniy Mikhaylovich": "...; a.k.a. 'Slavik'; a.k.a. 'Monstr'; a.k.a. 'Pollingsoon';
    # a.k.a. 'Lastik'; a.k.a. 'lucky12345'; ..." — alt.csv gives "BOGACHEV, Evgeniy Mikhailovich"
    person = listed["person:ofac-21326"]
    assert person.weak_aliases == ("Slavik", "Monstr", "Pollingsoon", "Lastik", "lucky12345")
    assert person.aliases == ("BOGACHEV, Evgeniy Mikhailovich",)  # the strong ones: alt.csv's only
    # a firm's acronym too: 16886 "a.k.a. 'OCK'; a.k.a. 'OSK AO'; a.k.a. 'JSC USC'"
    firm = listed["firm:ofac-16886"]
    assert firm.weak_aliases == ("OCK", "OSK AO", "JSC USC") and "OCK" not in firm.aliases


def test_fka_and_nka_are_weak_aliases_in_the_order_written(listed: dict[str, Entity]) -> None:
    # 18726 VTB BANK GEORGIA JOINT STOCK COMPANY: "f.k.a. 'UNITED GEORGIAN BANK'"
    assert listed["firm:ofac-18726"].weak_aliases == ("UNITED GEORGIAN BANK",)
    assert "UNITED GEORGIAN BANK" not in listed["firm:ofac-18726"].aliases
    # 41920 LEBEDINSKIY GORNO OBOGATITELNIY KOMBINAT JOINT STOCK COMPANY: "n.k.a. 'LGOK'"
    assert listed["firm:ofac-41920"].weak_aliases == ("LGOK",)
    # 19653 GAZPROM VNIIGAZ, OOO: a.k.a., f.k.a., a.k.a. — kept in that order
    assert listed["firm:ofac-19653"].weak_aliases == (
        "LIMITED LIABILITY COMPANY SCIENTIFIC RESEARCH INSTITUTE OF NATURAL GASES AND GAS TECHNOLOGIES",
        "ALL UNION SCIENTIFIC RESEARCH INSTITUTE OF NATURAL GASES AND GAS TECHNOLOGIES",
        "VNIGAZ",
    )
    # a vessel's former name: 34941 LINDA "f.k.a. 'LADY D'"
    assert listed["asset:ofac-34941"].weak_aliases == ("LADY D",)
    # 28263's remarks are cut inside "a.k.a. 'snowsjo" (continued in sdn_comments.csv, not joined here):
    # the part with no closing quote is not read
    assert listed["person:ofac-28263"].weak_aliases == ("tianyinyin0404",)


def test_the_remarks_parser_reads_weak_aliases_as_quoted() -> None:
    # real remarks of the full SDN snapshot of 2023-09-28: names holding quotes (an ʿayn), a name
    # quoted twice, a surname and given name quoted apart (11177), one remark of a firm (306)
    assert ofac_remarks("a.k.a. 'BNC'.", person=False).weak_aliases == ["BNC"]
    ghailani = ofac_remarks(
        "DOB 14 Mar 1974; alt. DOB 13 Apr 1974; alt. DOB 14 Apr 1974; alt. DOB 01 Aug 1970; POB Zanzibar, Tanzania; "
        "citizen Tanzania; a.k.a. 'AHMED, A.'; a.k.a. 'KHABAR, Abu'; a.k.a. 'BAKR, Abu'; a.k.a. ''FOOPIE''; "
        "a.k.a. ''FUPI''; a.k.a. ''AHMED THE TANZANIAN''.",
        person=True,
    )
    assert ghailani.weak_aliases == ["AHMED, A.", "KHABAR, Abu", "BAKR, Abu", "FOOPIE", "FUPI", "AHMED THE TANZANIAN"]
    assert ghailani.birth_places == ["Zanzibar, Tanzania"]  # the other parts are read as before
    al_libi = ofac_remarks(
        "DOB 1966; alt. DOB 27 Oct 1969; nationality Libya; Passport 203037 (Libya); a.k.a. 'ABU ANAS'; "
        "a.k.a. ''ABD AL-MUHSI'; a.k.a. ''ABD AL-RAHMAN'.",
        person=True,
    )
    assert al_libi.weak_aliases == ["ABU ANAS", "'ABD AL-MUHSI", "'ABD AL-RAHMAN"]
    assert al_libi.identifiers.as_dict() == {"passport": "203037"}
    shahlai = ofac_remarks(
        "DOB circa 1957; Additional Sanctions Information - Subject to Secondary Sanctions; a.k.a. 'YUSEF, Hajj'; "
        "a.k.a. 'YUSIF, Haji'; a.k.a. 'YASIR, Hajji'; a.k.a. 'YUSIF, Hajji'; a.k.a. 'ABU-AL-KARKH', 'Yusuf'.",
        person=True,
    )
    assert shahlai.weak_aliases == ["YUSEF, Hajj", "YUSIF, Haji", "YASIR, Hajji", "YUSIF, Hajji", "ABU-AL-KARKH, Yusuf"]
    # "alt. a.k.a." is read too; a name given twice is kept once
    assert ofac_remarks("a.k.a. 'X ONE'; alt. a.k.a. 'X TWO'; f.k.a. 'X ONE'.", False).weak_aliases == [
        "X ONE",
        "X TWO",
    ]


def test_a_weak_alias_that_is_the_name_or_a_strong_alias_is_left_out(tmp_path: Path) -> None:
    # 41920's real row ("n.k.a. 'LGOK'"), with alt.csv giving "Lgok" as a strong alias: not weak as well
    row = next(line for line in SDN.read_bytes().split(b"\r\n") if line.startswith(b"41920,"))
    (tmp_path / "sdn.csv").write_bytes(row + b"\r\n")
    (tmp_path / "alt.csv").write_bytes(b'41920,1,"aka","Lgok",-0- \r\n')
    (firm,) = [
        e for e in ofac.load(tmp_path / "sdn.csv", alt=tmp_path / "alt.csv").entities if e.id == "firm:ofac-41920"
    ]
    assert (firm.aliases, firm.weak_aliases) == (("Lgok",), ())
    (firm,) = [e for e in ofac.load(tmp_path / "sdn.csv").entities if e.id == "firm:ofac-41920"]
    assert (firm.aliases, firm.weak_aliases) == ((), ("LGOK",))


# -- CSL columns, on the real 2025 and 2019 samples ---------------------------------------


def test_csl_2025_rows_get_dob_nationality_citizenship_place_and_ids() -> None:
    entities = {e.id: e for e in csl.load(REAL / "csl_us_trade_gov_2025_sample.csv").entities}
    # "RIM, Ryong Nam": dates_of_birth 1978-12-05, nationalities KP, ids "Passport, 836238033, KP; ...; Gender, Male; ..."
    rim = entities["person:csl-52291"]
    assert (rim.birth_dates, rim.nationalities) == (("1978-12-05",), ("KP",))
    assert rim.identifiers == {"csl": "52291", "ofac": "52291", "passport": "836238033"}
    # "Evren KAYAKIRAN": citizenships TR, ids "Passport, U00242309, TR; Gender, Male"
    kayakiran = entities["person:csl-26182"]
    assert (kayakiran.birth_dates, kayakiran.nationalities) == (("1980-02-08",), ("TR",))
    assert kayakiran.identifiers["passport"] == "U00242309"
    # "Mohammed ABU JHEISHEH": dates_of_birth 1955, places_of_birth "Izna, Hebron"
    assert entities["person:csl-9673"].birth_places == ("Izna, Hebron",)
    # SME BANK: "Public Registration Number, 1027739108649; SWIFT/BIC, RUDVRUMM; Website, mspbank.ru; ..."
    # (no country given: a registration number, not taken for an OGRN)
    assert entities["firm:csl-18283"].identifiers == {
        "csl": "18283",
        "ofac": "18283",
        "registration": "1027739108649",
        "swift": "RUDVRUMM",
    }
    tnk = entities[
        "firm:csl-28603"
    ]  # "V.A.T. Number, CHE-267.936.404, CH; Business Registration Number, CH-660.0.559.011-2, CH"
    assert (tnk.identifiers["vat"], tnk.identifiers["registration"]) == ("CHE-267.936.404", "CH-660.0.559.011-2")


def test_csl_2019_layout_puts_the_label_last() -> None:
    entities = {e.id: e for e in csl.load(REAL / "csl_us_trade_gov_2019_excerpt.csv").entities}
    # "RU, 1137746390572, Registration ID": Russian and a valid OGRN
    assert entities["firm:csl-18748"].identifiers == {"ofac": "18748", "ogrn": "1137746390572"}
    # "09807684, Government Gazette Number; 7744001497, Tax ID No.; 1027700167110, Registration ID; ...;
    # GAZPRUMM, SWIFT/BIC" — no country: the numbers stay under their generic schemes
    assert entities["firm:csl-17016"].identifiers == {
        "ofac": "17016",
        "registration": "09807684; 1027700167110",
        "tax_id": "7744001497",
        "swift": "GAZPRUMM",
    }
    assert entities["asset:csl-27304"].identifiers["imo"] == "IMO9116412"  # "IMO 9116412, Vessel Registration ..."
    person = entities[
        "person:csl-18447"
    ]  # citizenships DZ, dates_of_birth 1969-01-01, places_of_birth "Annaba, Algeria"
    assert (person.birth_dates, person.nationalities, person.birth_places) == (
        ("1969-01-01",),
        ("DZ",),
        ("Annaba, Algeria",),
    )


def test_csl_ids_both_layouts() -> None:
    stated = Stated()
    csl_ids("Passport, 12345, RU; Tax ID No., 7713140469, RU; Gender, Male; Website, example.ru", stated)
    csl_ids(
        "US, 80-0890696, Tax ID No.; 5030056754, Tax ID No.; IMO 8898831, Vessel Registration Identification", stated
    )
    assert stated.identifiers.as_dict() == {
        "passport": "12345",
        "inn": "7713140469",
        "tax_id": "80-0890696; 5030056754",
        "imo": "IMO8898831",
    }


# -- FtM ----------------------------------------------------------------------------------


def test_an_ftm_company_in_cyrillic_keeps_its_valid_inn() -> None:
    entities = {e.id: e for e in ftm.load(FIXTURES / "ftm" / "identity.ftm.jsonl").entities}
    cst = entities["firm:ftm-id-cst"]  # caption "ООО ЦСТ", innCode 9715478507
    assert "ООО ЦСТ" in cst.aliases
    assert cst.identifiers == {"ftm": "id-cst", "inn": "9715478507"}


def test_an_ftm_person_gets_birth_nationality_and_documents(tmp_path: Path) -> None:
    # hand-written FtM lines (no OpenSanctions data) carrying what OFAC publishes for SDN entries
    # 21164 (KOVALCHUK, Kirill Mikhailovich) and 17013 (VTB Bank), plus one INN that fails its check
    lines = [
        {
            "id": "kovalchuk",
            "schema": "Person",
            "caption": "Ковальчук Кирилл Михайлович",
            "properties": {
                "name": ["Ковальчук Кирилл Михайлович", "Kirill Mikhailovich Kovalchuk"],
                "birthDate": ["1968-12-22"],
                "birthPlace": ["Moscow, Russia", "St. Petersburg, Russia"],
                "nationality": ["ru"],
                "citizenship": ["ru", "su"],  # su: the Soviet Union, no current country
                "passportNumber": ["643267034"],
                "innCode": ["773600308808"],
            },
        },
        {
            "id": "vtb",
            "schema": "Company",
            "properties": {
                "name": ["VTB Bank"],
                "innCode": ["7702070139", "7702070130"],
                "ogrnCode": ["1027739609391"],
                "leiCode": ["253400V1H6ART1UQ0N98"],
                "swiftBic": ["VTBRRUMM"],
                "registrationNumber": ["00032520"],
                "nationality": ["ru"],  # not a Company property: no nationalities for a firm
            },
        },
        {
            "id": "baltic-leader",
            "schema": "Vessel",
            "properties": {"name": ["BALTIC LEADER"], "imoNumber": ["9220639"]},
        },
    ]
    path = tmp_path / "screening.ftm.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    parsed = ftm.load(path)
    assert parsed.rejects == []
    entities = {e.id: e for e in parsed.entities}
    person = entities["person:ftm-kovalchuk"]
    assert person.name == "Kirill Mikhailovich Kovalchuk" and "Ковальчук Кирилл Михайлович" in person.aliases
    assert person.birth_dates == ("1968-12-22",)
    assert person.birth_places == ("Moscow, Russia", "St. Petersburg, Russia")
    assert person.nationalities == ("RU",)
    assert person.identifiers == {"ftm": "kovalchuk", "inn": "773600308808", "passport": "643267034"}
    bank = entities["firm:ftm-vtb"]
    assert bank.identifiers == {
        "ftm": "vtb",
        "inn": "7702070139",
        "tax_id": "7702070130",  # fails the INN check: kept, as a tax number
        "lei": "253400V1H6ART1UQ0N98",
        "ogrn": "1027739609391",
        "registration": "00032520",
        "swift": "VTBRRUMM",
    }
    assert bank.nationalities == ()
    assert entities["asset:ftm-baltic-leader"].identifiers["imo"] == "IMO9220639"


# -- the helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "dates"),
    [
        ("05 Mar 1969", ["1969-03-05"]),
        ("Mar 1969", ["1969-03"]),
        ("1969", ["1969"]),
        ("circa 1970", ["1970"]),
        ("1961 to 1963", ["1961", "1962", "1963"]),
        ("01 Jan 1958 to 31 Dec 1960", ["1958", "1959", "1960"]),
        ("circa 1979-1982", ["1979", "1980", "1981", "1982"]),
        ("01 Mar 1965 to 31 Mar 1965", ["1965-03"]),
        ("21 Mar 1962 to 20 Apr 1962", ["1962"]),  # a Persian year: the year it falls in
        ("1963 to 1961", []),
        ("1900 to 1990", []),
        ("unknown", []),
    ],
)
def test_birth_dates(written: str, dates: list[str]) -> None:
    assert birth_dates(written) == dates


@pytest.mark.parametrize(
    ("args", "stored"),
    [
        (("tax_id", "7713140469", "RU"), ("inn", "7713140469")),
        (("tax_id", "7713140469", None), ("tax_id", "7713140469")),  # no country stated: not taken for an INN
        (("tax_id", "7713140460", "RU"), ("tax_id", "7713140460")),  # fails the INN check
        (("registration", "1027739867473", "RU"), ("ogrn", "1027739867473")),
        (("registration", "1027739867473", "KZ"), ("registration", "1027739867473")),
        (("inn", "7700000001", None), ("tax_id", "7700000001")),
        (("ogrn", "1027700000001", None), ("registration", "1027700000001")),
        (("imo", "IMO 9220639", None), ("imo", "IMO9220639")),
        (("registration", "IMO 9220639", None), ("imo", "IMO9220639")),  # "Company Number IMO ..."
        (("imo", "IMO9999990", None), ("registration", "IMO9999990")),
        (("lei", "253400v1h6art1uq0n98", None), ("lei", "253400V1H6ART1UQ0N98")),
        (("lei", "253400V1H6ART1UQ0N99", None), ("registration", "253400V1H6ART1UQ0N99")),
        (("passport", " 530262587 ", "RU"), ("passport", "530262587")),
        (("swift", "vtbrrumm", None), ("swift", "VTBRRUMM")),
        (("passport", " . ", None), None),
    ],
)
def test_identifier_schemes_and_checks(args: tuple[str, str, str | None], stored: tuple[str, str] | None) -> None:
    assert identifier(*args) == stored
