"""Patterns for entity names the gazetteer lacks: firms (``AO Kaspersky Lab``, ``Huawei
Technologies Co., Ltd.``), agencies (``Office of ...``, ``... Directorate``), laws (``Executive
Order 13873``, ``Binding Operational Directive 17-01``, ``... Act of 2019``, an unnamed "bill"),
persons after a title (``Secretary ... Elaine Duke``), countries from demonyms (``Russian
intelligence``) and products (``WeChat app``). :class:`extract.mentions.Doc` runs them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .builtin import DEMONYM_WORDS
from .text import LETTERS, LOWER, SYLLABLE_TAIL, UPPER

# -- building blocks: a capitalised word (not a function word), white space --------------------

_STOP = (
    "The|A|An|In|On|Of|For|To|Against|And|Or|By|With|From|At|As|Its|Their|His|Her|This|That|"
    "These|Those|Today|After|Before|However|But|Under|Like|If|While|When|Since|Previously|Also|"
    "Both|All|Any|Some|Each|Such|It|We|Our|They|He|She|Who|What|Which|Why|How|Where|Here|There|"
    "Mr|Ms|Mrs|Dr|According|Although|Because|During|Despite|Following|Meanwhile|Earlier|Later"
)
_CAP = rf"(?!(?:{_STOP})\b)[{UPPER}][{LETTERS}0-9&]*(?:\.[{LETTERS}0-9&]+)*"
_SP = r"[ \t]+"  # white space within a line (a break the wrapping made is a space in the unwrapped text)

# a document's name, no party's: "Cybersecurity Advisory", "Annual Threat Assessment", "Country Reports"
_DOCUMENT_WORD = (
    r"(?:Advisory|Advisories|Assessment|Assessments|Report|Reports|Bulletin|Alert|Guidance|Fact[ \t]+Sheet)"
)
DOCUMENT_NAME_RE = re.compile(rf"(?<![\w-]){_DOCUMENT_WORD}$")
_DOCUMENT_RUN = rf"(?:{_CAP}{_SP}){{1,2}}{_DOCUMENT_WORD}(?![\w-]|{_SP}[A-Z])"

# -- firms -------------------------------------------------------------------------------------

# a legal form before the name: Russian ("OOO Vektor"), Vietnamese ("Công ty TNHH X", "Công ty Cổ phần X")
LEGAL_PREFIX = (
    r"(?:AO|OOO|ZAO|OAO|PAO|PJSC|JSC|CJSC|OJSC|"
    r"C[ôo]ng[ \t]+[Tt]y(?:[ \t]+(?:TNHH|C[ổo][ \t]+[Pp]h[ầa]n|CP))?)"
)
FIRM_SUFFIX = (
    r"(?:Lab|Labs|Laboratory|Laboratories|Inc\.?|Incorporated|Ltd\.?|Limited|LLC|Corp\.?|"
    r"Corporation|Co\.|Company|Group|Holdings?|Technologies|Systems|GmbH|AG|PLC|plc|N\.V\.|"
    r"B\.V\.|L\.P\.|Industries|Telecom|Electronics|PTE|Pte\.?|LLP|S\.A\.|SA|SpA|S\.p\.A\.|"
    r"Sdn\.?[ \t]+Bhd\.?|Berhad|Bhd\.?|"
    r"OJSC|JSC|PJSC|Robotics|Semiconductors?|Bank|Airlines|Airways|Shipping|Trading|Logistics|"
    # an airline's "Mahan Air", "Iran Air", not "the Air Force", "Air Defense", "Air Quality"
    r"Air(?![ \t]+(?:Forces?|Defen[cs]e|Command|Base|Wing|Station|Corps|Quality|Pollution|Traffic|Navigation))|"
    r"Concern(?<!Laundering[ \t]Concern)|"  # "Concern Kalashnikov", not "of primary money laundering concern"
    r"Petrochemicals?|Refinery|Refining|Chemicals?|"
    r"Farms?|Factory|Factories|Plantations?|Mill|Shipyards?|Fisher(?:y|ies)|"  # where goods are made: a WRO's
    # "Quectel Wireless Solutions", "AAT Communications", not "the Federal Communications Commission"
    r"(?:Solutions|Communications)(?![ \t]+(?:Commission|Act|Authority|Ministry|Department|Agency|Office)\b))"
)
PREFIX_RE = re.compile(rf"\b{LEGAL_PREFIX}{_SP}")
_PAREN_PLACE = rf"(?:\([A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z]+){{0,2}}\){_SP})?"  # "Shiji (Hong Kong) Ltd."
_FIRM_TAIL = (  # "Vector Casa de Bolsa, S.A. de C.V.", "CIBanco S.A., Institución de Banca Múltiple" (Mexican forms)
    r"(?:(?<=S\.A\.)[ \t]+de[ \t]+C\.V\.)?"
    r"(?:,[ \t]+(?:Instituci[oó]n|Institution)[ \t]+de[ \t]+Banca[ \t]+M[uú]ltiple\b)?"
    r"(?:,?[ \t]+(?:Inc\.|Inc\b|Ltd\.|Ltd\b|LLC\b|Limited\b|Corp\.|Co\.,?[ \t]+Ltd\.))?"
)
# a headline's verb before a name is none of it: "FinCEN Finds X Bank ...", "Treasury Sanctions X Trading LLC"
HEADLINE_VERB = (  # and a lawmaker's: "Rep. Jim Banks Introduces 5 Bills", "Senator X Urges Commerce to ..."
    r"Finds|Designates|Adds|Imposes|Announces|Indicts|Removes|Identifies|Proposes|Targets|Sanctions|Charges|Blocks|"
    r"Penalizes|Fines|Settles|Revokes|Bans|Restricts|Introduces|Reintroduces|Unveils|Urges|Demands|Presses|Slams|"
    r"Applauds|Welcomes|Condemns|Leads|Issues|Releases|Warns|Questions|Calls|Asks|Says|Joins|Pushes|Seeks|Signs"
)
_FIRM_WORD = (  # "Int'l" is a word of a name, "Kaspersky's" is not
    # "iSmart Mobile, LLC"; "Aéreocargo"
    r"(?!(?:" + _STOP + "|" + HEADLINE_VERB + rf")\b)(?:[{UPPER}]|[ie](?=[A-Z][a-z]))[{LETTERS}0-9&]*"
    rf"(?:\.[{LETTERS}0-9&]+|-[{UPPER}0-9][{LETTERS}0-9&]*|'(?!s\b)[a-z]{{1,2}}\b)*"
)
# the particles of Spanish, Portuguese, French and Italian names: "Petroleos de Venezuela, S.A."
_ROMANCE_OF = r"(?:de|del|da|do|dos|das|des|du|di)(?:[ \t]+(?:la|las|los|le|les))?"
# a word of a firm's name, and a country's initials after it ("GlobalFoundries U.S. Inc."), never first
_FIRM_WORD_INITIALS = rf"{_FIRM_WORD}(?:[ \t]+(?:[A-Z]\.){{2,3}}(?=[ \t]))?"
FIRM_RE = re.compile(  # words joined by "and", "&", and "of" after "Bank" ("Bank of Kunlun Co., Ltd."), a number
    # before the legal form ("Nord Stream 2 AG")
    # a country's initials open a name ("U.S. Prototype Inc."), not after "the" or "in" ("sold in the U.S. Delta ...")
    rf"(?<![\w.-])(?:{LEGAL_PREFIX}{_SP})?(?:(?<!the[ \t])(?<!in[ \t])(?:[A-Z]\.){{2,3}}[ \t]+(?=[A-Z][a-z]))?"
    rf"(?:{_FIRM_WORD_INITIALS}{_SP}(?:\([A-Z][A-Za-z]+\){_SP})?"
    rf"(?:(?:and|&|(?<=Bank[ \t])of|{_ROMANCE_OF})[ \t]+)?){{0,6}}"
    rf"{_FIRM_WORD_INITIALS}{_SP}(?:\d{{1,4}}{_SP})?{_PAREN_PLACE}{FIRM_SUFFIX}(?:{_SP}{FIRM_SUFFIX}(?![\w-]))*"
    r"(?:[ \t]+(?:Americas|USA|International|Europe|Asia|Global|Worldwide)(?![\w'-]))?"
    # not a trade named as a whole: "the Maritime Petroleum Shipping Community"
    # nor a state body's name the suffix is inside: "Iran's Aerospace Industries Organization"
    rf"(?![\w-])(?![ \t]+(?:Community|Industry|Sector|Companies|Organi[sz]ation|Ministry|Agency|Authority)\b)"
    rf"{_FIRM_TAIL}"
)

# "Public Joint Stock Company Aeroflot": a legal form written out before the name
FIRM_FORM_RE = re.compile(  # "Private Military Company 'Wagner'": a group's form (extract.mentions types it)
    r"(?<![\w-])Private[ \t]+Military[ \t]+Company(?=[ \t]+[\"'])|"
    r"(?<![\w-])(?:(?:Public|Closed|Open|Non-Public)[ \t]+)?Joint[ -]Stock[ \t]+Company|"
    r"(?<![\w-])Limited[ \t]+Liability[ \t]+(?:Company|Partnership)|"
    r"(?<![\w-])Federal[ \t]+State[ \t]+(?:Unitary|Budgetary)[ \t]+(?:Enterprise|Institution)"
)
# the name after the form, in quotes as Russian names are written ("Joint Stock Company \"Vektor Plus\"") or not
FIRM_FORM_NAME_RE = re.compile(rf"[ \t]+(?P<q>[\"'])?(?:{_FIRM_WORD}[ \t]+){{0,3}}{_FIRM_WORD}(?(q)(?P=q))")

# "ByteDance, Ltd.", "Kaspersky Lab, Inc.": a legal form after a comma makes any name a firm
FIRM_COMMA_RE = re.compile(
    rf"(?<![\w.-])(?:{_FIRM_WORD}[ \t]+(?:{_ROMANCE_OF}[ \t]+)?){{0,4}}{_FIRM_WORD},[ \t]+"
    r"(?:Ltd\.|Inc\.|LLC\b|Limited\b|Corp\.|Co\.,?[ \t]+Ltd\.|S\.A\.(?:[ \t]+de[ \t]+C\.V\.)?|GmbH\b|PLC\b|AG\b|"
    r"Incorporated\b|Corporation\b|L\.L\.C\.|L\.P\.|LP\b)"
)

# a plural just before names: "two entities, A and B" names two
PLURAL_BEFORE_RE = re.compile(
    r"\b(?:entities|companies|firms|businesses|individuals|persons|nationals|banks|subsidiaries|affiliates|two|"
    r"three|four|five|six|seven|eight|nine|ten|both)\b"
    r"(?:[^.;]{0,30}|[^.;:]{0,60}:[ \t]*)$",  # "two Eritrean businesses linked to the PFDJ: A and B"
    re.IGNORECASE,
)

# -- agencies and committees -------------------------------------------------------------------

_HEAD = (
    r"(?:Department|Ministry|Bureau|Office|Directorate|Administration|Agency|Commission|Service|Council|"
    r"Authority|Division|Network|Unit|Command)"
)
_CONNECT = r"(?:(?:and|of|for|the|on)[ \t]+)"
_OF_THE = r"(?:of|for|on)[ \t]+the[ \t]+"  # "Federal Office for the Protection of the Constitution"; not "and the"
# a state's civil body by its head word: "the United Kingdom's National Cyber Security Centre", "Japan's National Police
# Agency", "Australia's Department of Foreign Affairs and Trade" (extract.bodies makes such a foreign body an agency)
CIVIL_BODY_RE = re.compile(
    r"\b(?:Agency|Service|Centre|Center|Bureau|Directorate|Administration|Commission|Court|Assembly|Parliament|"
    r"Department|Office)\b"
)
# an officer's title after a body's name ("Office of Trade Acting Executive Assistant Commissioner Susan S. Thomas")
_OFFICER = r"(?:Acting|Deputy|Assistant|Executive[ \t]+Assistant|Commissioner|Administrator|Chairman|Chairwoman)\b"
AGENCY_OF_RE = re.compile(
    rf"(?<![\w-])(?:(?:U\.S\.|US|United States)[ \t]+)?{_HEAD}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    # not past "and" into a possessive: "Ministry of State Security and People's Liberation Army" are two
    # not into "Annual Threat Assessment", nor into an officer's title
    rf"{_CAP}(?:{_SP}(?!{_DOCUMENT_RUN}|{_OFFICER})(?:(?:{_OF_THE}|{_CONNECT}){_CAP}(?![\w'])|{_CAP}))*"
)
# "Division of Department of Justice": the body after "of" is another, the one before its unit
OF_ANOTHER_BODY_RE = re.compile(rf"\S+[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_HEAD}\b")
AGENCY_TAIL_RE = re.compile(  # "House Select Committee on China", "Senate Committee on Foreign Relations"
    # not "the PRC's MPS and Ministry of State Security": an acronym before "and" is a body of its own
    rf"(?<![\w-])(?:(?![A-Z]{{2,}}[ \t]+and\b){_CAP}{_SP}{_CONNECT}?){{1,5}}?(?:{_HEAD}|(?P<org>Committee)"
    rf"(?:[ \t]+on[ \t]+(?:the[ \t]+)?{_CAP}"
    # not "... on Homeland Security and the FBI": "and the" names another body
    rf"(?:{_SP}(?:and[ \t]+(?!the\b)|(?:of|for|in)[ \t]+(?:the[ \t]+)?)?{_CAP}(?![\w']))*)?)(?![\w-])"
)

# a unit named right after the body it is part of: "FCC Enforcement Bureau", "Department of Defense Cyber Crime
# Center", "BIS Office of Export Enforcement"
_UNIT_HEAD = (
    r"(?:Bureau|Office|Center|Centre|Command|Division|Directorate|Unit|Service|Agency|Administration|Task[ \t]+Force)"
)
_UNIT_AFTER_RE = re.compile(
    rf"[ \t]+((?:{_CAP}[ \t]+(?:(?:and|of|for)[ \t]+)?){{0,4}}?{_UNIT_HEAD}"
    rf"(?:[ \t]+(?:of|for)[ \t]+[A-Z][a-z]+(?:[ \t]+(?!{_OFFICER})[A-Z][a-z]+){{0,2}})?)(?![\w-])"
)


def units_after(norm: str, ends: list[int]) -> Iterator[tuple[int, int]]:
    """The span of each unit named right after a body that ends at one of ``ends``; not a unit every
    body has ("FBI Office", "FBI Field Office"), whose id would be shared by every body's."""
    for end in ends:
        m = _UNIT_AFTER_RE.match(norm, end)
        if m is not None and not _GENERIC_UNIT_RE.fullmatch(m.group(1)):
            yield m.start(1), m.end(1)


_GENERIC_UNIT_RE = re.compile(
    rf"(?:(?:Field|Regional|Main|Local|District|Area|Resident|Headquarters|Central|General|Press|Public)[ \t]+)*"
    rf"{_UNIT_HEAD}"
)


# a body named after its country: "Atomic Energy Organization of Iran", "Central Bank of the Islamic Republic
# of Iran" (the country's name is checked by the mention finder)
BODY_OF_COUNTRY_RE = re.compile(
    rf"(?<![\w-])(?:{_CAP}[ \t]+){{1,4}}(?:Organization|Organisation|Agency|Authority|Commission|Council|Ministry|"
    rf"Institute|Corporation|Company|Bank|Academy)[ \t]+of[ \t]+"
    rf"(?P<c>(?:the[ \t]+)?{_CAP}(?:[ \t]+(?:of[ \t]+)?{_CAP}){{0,3}})"
)
BANK_OF_COUNTRY_RE = re.compile(  # "Bank of China", "Bank of America": a bank's name, not the country
    rf"(?<![\w-])(?:(?P<w>[A-Z][\w'-]*)[ \t]+)?(?P<b>Bank)[ \t]+of[ \t]+(?P<c>{_CAP}(?:[ \t]+{_CAP})?)"
)
# an armed group named as a state's forces: "Revolutionary Armed Forces of Colombia", "Popular Front for the
# Liberation of Palestine", "National Liberation Army of Colombia": a group, not the state's body
ARMED_GROUP_OF_RE = re.compile(
    rf"(?<![\w-])(?:Revolutionary|Popular|People's|National|Islamic|Liberation)[ \t]+(?:{_CAP}[ \t]+){{0,2}}"
    rf"(?:Forces|Army|Front|Movement)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+(?:of[ \t]+)?{_CAP}){{0,3}}"
)
# "U.S. Customs and Border Protection (CBP)", "U.S. Immigration and Customs Enforcement (ICE)": a
# federal body named after "U.S." and defined by an acronym, whatever its head word
AGENCY_US_RE = re.compile(
    rf"(?<![\w-])U\.S\.[ \t]+(?:{_CAP}[ \t]+(?:(?:and|of|for)[ \t]+)?){{0,5}}{_CAP}"
    r"(?=[ \t]*\([ \t]*[A-Z]{2,6}[ \t]*\))"
)

# -- laws: executive orders, directives, acts, an unnamed bill ---------------------------------

LAW_EO_RE = re.compile(
    r"(?<![\w.])(?:Executive[ \t]+Order|E\.O\.|EO(?=[ \t]+\d))[ \t]*"
    r"(?:\([ \t]*\"{0,2}'{0,2}E\.O\.'{0,2}\"{0,2}[ \t]*\)[ \t]*)?(?:No\.[ \t]*)?(\d{4,6})\b"
)
LAW_DIRECTIVE_RE = re.compile(r"\b(Binding[ \t]+Operational|Emergency)[ \t]+Directive[ \t]+(\d{2}-\d{2})\b")
# the President's numbered instruments: "National Security Presidential Memorandum 2", "Presidential Proclamation
# 9931" (a bare "Proclamation 9931" is the same), "Presidential Determination No. 2024-05", "NSPM-2" is defined after it
LAW_PRESIDENTIAL_RE = re.compile(
    r"(?<![\w-])(?P<k>National[ \t]+Security[ \t]+Presidential[ \t]+(?:Memorandum|Directive)|"
    r"Presidential[ \t]+(?:Proclamation|Memorandum|Determination|Policy[ \t]+Directive)|Proclamation)"
    r"[ \t]*(?:No\.[ \t]*|-[ \t]*)?(?P<n>\d{1,5}(?:-\d{1,3})?)\b"
)
# an executive order named by its title: "Executive Order Targeting the Harmful Foreign Activities of the Russian
# Government", "Executive Order on Addressing the Threat Posed by X" (a title opens with a verb's -ing form)
LAW_EO_TITLE_RE = re.compile(
    r"(?<![\w-])Executive[ \t]+Order[ \t]+(?:on[ \t]+)?[A-Z][a-z]+ing"
    r"(?:[ \t]+(?:(?:[Tt]he|[Oo]f|[Aa]nd|[Oo]n|[Tt]o|[Ww]ith|[Bb]y|[Ff]or|[Ii]n|[Ff]rom|[Aa]gainst|[Aa]t|an?)[ \t]+)*"
    rf"(?:{_CAP}|\d+[A-Za-z]*)(?:'s|'(?=[ \t]))?)+(?![\w-])"
)
# OFAC's licences, named by their number: "General License 85", "General License No. 13A"
LAW_LICENSE_RE = re.compile(r"\bGeneral[ \t]+License[ \t]+(?:No\.[ \t]*)?(\d{1,4}[A-Z]?)\b")


def numbered_laws(norm: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, name)`` of each law named by its kind and number, the name in one spelling:
    "E.O. 13873" is "Executive Order 13873", "Proclamation 9931" "Presidential Proclamation 9931";
    and of each executive order named by its title."""
    for m in LAW_EO_RE.finditer(norm):
        yield m.start(), m.end(), f"Executive Order {m.group(1)}"
    for m in LAW_PRESIDENTIAL_RE.finditer(norm):
        kind = " ".join(m.group("k").split())
        yield m.start(), m.end(), f"{'Presidential ' if kind == 'Proclamation' else ''}{kind} {m.group('n')}"
    for m in LAW_LICENSE_RE.finditer(norm):
        yield m.start(), m.end(), f"General License {m.group(1)}"
    for m in LAW_DIRECTIVE_RE.finditer(norm):
        yield m.start(), m.end(), f"{' '.join(m.group(1).split()).title()} Directive {m.group(2)}"
    for m in LAW_EO_TITLE_RE.finditer(norm):  # named by its title, not a number
        yield m.start(), m.end(), " ".join(m.group(0).split())


# the title before a US lawmaker's name: "Congresswoman A", "U.S. Representatives B", "Sen. C"
LAWMAKER_TITLE = r"(?:U\.S\.\s+)?(?:Congress(?:wo)?man|Senators?|Sens?\.|Representatives?|Reps?\.|Chair(?:man|woman)?)"
# a US lawmaker's party and state, or state and district, after the name: "(R-NJ)", "(R-Fla.)", "(D-R.I.)", "(NY-24)"
PARTY_STATE = r"(?:[RDI]-(?:[A-Z]{2}\b|[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,11}\.?)|[A-Z]{2}-(?:\d{1,2}|AL)\b)"
LAW_ACT_RE = re.compile(  # "Fiscal Year 2019 National Defense Authorization Act": a year inside the name,
    # a possessive and a word opening with a digit too ("Protecting Europe's Energy Security Act",
    # "Defending America's 5G Future Act")
    rf"(?<![\w-])(?:Fiscal[ \t]+Year[ \t]+(?:19|20)\d\d[ \t]+)?"
    rf"(?:(?:{_CAP}|\d+[A-Z][A-Za-z]*|[A-Z]\.)(?:'s)?,?{_SP}(?:\([A-Z]{{2,12}}\)[ \t]+(?=[A-Z]))?"  # "John S. McCain"
    r"(?:(?:and|of|for|the|on|to|from|against|in|with|via|that)[ \t]+){0,2})"
    r"{1,12}?Act\b"  # "... Shareholders and Equivalent (SURPRISE) Parties Act": an acronym inside
    r"(?:[ \t]+of[ \t]+(?:19|20)\d\d|(?<=Appropriations[ \t]Act),[ \t]*(?:19|20)\d\d(?![\w-]|,[ \t]*\d)"
    r"|[ \t]+for[ \t]+Fiscal[ \t]+Years?[ \t]+(?:19|20)\d\d(?:[ \t]+and[ \t]+(?:19|20)\d\d)?)?"  # an NDAA's
)  # "... Related Programs Appropriations Act, 2020": an appropriations act's year is in its title
# a headline's words before a law it names: "Treasury Takes First Actions Under FEND Off Fentanyl Act"
UNDER_IN_TITLE_RE = re.compile(r"^.*[ \t](?:Under|Pursuant[ \t]+to|Through|Via|Against)[ \t]+(?=[A-Z])")
LAW_REGULATIONS_RE = (
    re.compile(  # "Export Administration Regulations", "Iranian Transactions and Sanctions Regulations"
        rf"(?<![\w-])(?:{_CAP}{_SP}(?:(?:and|of|for|the|on|in|to)[ \t]+)?){{1,6}}?Regulations\b"
    )
)
LAW_ORDER_RE = re.compile(  # "Order on Revocation and Termination"
    rf"(?<![\w-])Order[ \t]+on[ \t]+{_CAP}(?:{_SP}(?:and|of|the)?[ \t]*{_CAP}){{0,5}}"
)
LAW_ENFORCEMENT_ORDER_RE = re.compile(  # the orders US agencies issue against a named party
    r"(?<![\w-])(?:Withhold[ \t]+Release|(?:Temporary[ \t]+)?Denial|Consent|Cease[ \t]+and[ \t]+Desist|Detention)"
    r"[ \t]+Order\b|"
    r"(?<![\w-])[Tt]emporary[ \t]+denial[ \t]+order\b|"  # "This temporary denial order will prevent X"
    r"(?<![\w-])[Ww]ithhold[ \t]+release[ \t]+order\b|"  # "CBP issued a new withhold release order on X"
    r"(?<![\w-])(?:Forced[ \t]+Labor[ \t]+Finding|forced[ \t]+labor[ \t]+finding)\b"  # CBP's finding on a firm's goods
)
BILL_RE = re.compile(r"\b(?:a|the|new|proposed|draft|this|that)[ \t]+(?:[\w-]+[ \t]+){0,2}?bill\b")

# -- persons after a title: "Secretary of Homeland Security Elaine Duke" -----------------------

RANKS = ("Gen", "Lt", "Maj", "Col", "Capt", "Adm", "Brig", "Sgt", "Cmdr")  # abbreviated, with a dot
PERSON_TITLE_RE = re.compile(
    r"\b(?:Secretary|Chairwoman|Chairman|Chair|Commissioner|Director|Administrator|President|"
    r"Senator|Representative|Congress(?:wo)?man|Congressperson|Legislator|Lawmaker|Mayor|Prosecutor|Magistrate|Spokesperson|Spokesman|Spokeswoman|Minister|Ambassador|CEO|founder|"
    r"Governor|Judge|Attorney General|Prime Minister|Chancellor|Ranking Member|Leader|Advis[eo]r|Premier)\b|"
    # "Rep. Mike Gallagher", "Sens. Warner and Rubio": no word boundary after the dot
    r"\b(?:Sens?|Reps?)\.(?=[ \t]+[A-Z])|"
    # a military rank: "Gen. Qassem Soleimani", "Lt. Gen. X", "Brig. Gen. X", "Colonel X", "Admiral X"
    rf"\b(?:{'|'.join(RANKS)})\.(?=[ \t]+[A-Z])|\b(?:Colonel|Admiral|Brigadier)(?=[ \t]+[A-Z])"
)
# a particle inside a name a title comes before: "Vice President Tareck El Aissami", "Minister Ali Abu Zeid"
NAME_PARTICLES = frozenset(
    {"El", "Al", "Abu", "Bin", "Ibn", "Ben", "Van", "Von", "De", "Del", "Da", "Dos", "Di", "La", "Le"}
)
# the titles a US-government text puts before a family name alone: "President Biden", "Senator Rubio"
SURNAME_TITLES = (
    "Secretary", "Chairwoman", "Chairman", "Chair", "Commissioner", "Director", "Administrator", "President",
    "Senator", "Sen.", "Rep.", "Representative", "Congresswoman", "Congressman", "Minister", "Ambassador", "Governor",
    "Judge", "Attorney General", "Prime Minister", "Chancellor", "Ranking Member",
)  # fmt: skip
SURNAME_TITLE_RE = re.compile("|".join(re.escape(t).replace("\\ ", "[ \t]+") for t in SURNAME_TITLES))
NAME_STOP = frozenset(
    {
        "Department",
        "Bureau",
        "Office",
        "Agency",
        "Commission",
        "Security",
        "Commerce",
        "Treasury",
        "State",
        "Defense",
        "Justice",
        "Homeland",
        "Intelligence",
        "Industry",
        "Affairs",
        "Council",
        "General",
        "Acting",
        "Deputy",
        "Under",
        "Assistant",
        "Foreign",
        "Financial",
        "Terrorism",
        "Communications",
        "Federal",
        "National",
        "Senate",
        "House",
        "Committee",
        "Today",
        "The",
        # a body's head: "the Vice President of the Supreme Court" names no one
        "Court",
        "Assembly",
        "Parliament",
        "Party",
        "Army",
        "Ministry",
        "Government",
        "Police",
        "Republic",
        "Bank",
        "Corps",
    }
)
# "Rep. Mike Gallagher on Tuesday": a date after a titled name, not the title's body ("Chairman of the Committee on X")
ON_A_DAY_RE = re.compile(
    r"[ \t]+on[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b"
)
# a word of a titled person's name: "Biden", "McGovern", "O'Brien", "Páez", "Ochur-Suge", and a family name with the
# Arabic article ("President Bashar al-Assad"), or an initial
NAME_TOKEN_RE = re.compile(
    rf"[ \t]+(?:(of|for|the|and|on)|((?:(?:al|el)-|[{UPPER}]['’](?=[{UPPER}]))?"
    rf"[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:['’-][{UPPER}][{LOWER}]+)*(?:{SYLLABLE_TAIL})?|[A-Z]\.))(?=[\s,;:.'’])"
)

# -- countries from demonyms, products ---------------------------------------------------------

DEMONYM_ALT = "|".join(sorted(map(re.escape, DEMONYM_WORDS), key=len, reverse=True))
# what a firm has that is a firm of its own: "a unit of X", "Kaspersky affiliates", "subsidiaries of X"
UNIT_NOUNS = r"(?:units?|subsidiar(?:y|ies)|affiliates?|branch(?:es)?|divisions?)"
# parties named before the kind they are, and where: "Huawei, ZTE, and other Chinese military companies", "the
# Sinaloa Cartel, the Gulf Cartel, and other Mexico-based transnational criminal organizations"
AND_OTHER_RE = re.compile(
    rf",?[ \t]+and[ \t]+other[ \t]+(?:(?P<d>{DEMONYM_ALT})[ \t]+|(?P<p>[A-Z][\w]*(?:[ \t]+[A-Z][\w]*)?)-based[ \t]+)?"
    r"(?:[a-z][\w-]*[ \t]+){0,3}?(?:(?P<f>companies|firms|corporations|businesses|banks|manufacturers|suppliers|"
    r"carriers|vendors)|(?P<o>organizations|groups|cartels|TCOs|militias|terrorist[ \t]+organizations))\b"
)
# the same after a name and the names it is listed with
AND_OTHER_AFTER_RE = re.compile(r"(?:[ \t]*,[ \t]*(?:the[ \t]+)?[A-Z][^,.;()]{0,60}?){0,6}" + AND_OTHER_RE.pattern)
_DEMONYM_LEAD_RE = re.compile(rf"(?:{DEMONYM_ALT})[ \t]+(?=[A-Z])")
_DEMONYM_KIND_RE = re.compile(rf"(?:{DEMONYM_ALT})[ \t]+(?:Company|Firm|Corporation)[ \t]+(?=[A-Z])")
_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:a|an)[ \t]+$", re.IGNORECASE)


def firm_name_start(norm: str, at: int, a: int, b: int) -> int:
    """Where the firm name ``norm[at + a : at + b]`` starts (an offset from ``at``): at a designation's
    prefix ("Commerce Designated AO Kaspersky Lab"); after a demonym an indefinite article puts
    before it ("a North Korean Foreign Trade Bank representative": the bank is the Foreign Trade
    Bank, a North Korean one; "Korean Air" is a name)."""
    prefix = PREFIX_RE.search(norm, at + a, at + b)
    a = prefix.start() - at if prefix and prefix.start() > at + a else a
    lead = _DEMONYM_KIND_RE.match(norm, at + a, at + b)  # "the Malaysian Company Sime Darby Plantation Berhad"
    if lead is None and _INDEFINITE_BEFORE_RE.search(norm, max(0, at + a - 4), at + a):
        lead = _DEMONYM_LEAD_RE.match(norm, at + a, at + b)
    if lead is not None and len(norm[lead.end() : at + b].split()) >= 2:
        return lead.end() - at
    return a


DEMONYM_GOV_RE = re.compile(
    rf"\b(?P<d>{DEMONYM_ALT})(?=[ \t]+(?:government|military|intelligence|state|authorities|"
    r"officials|regime|security services|armed forces|army|navy|leadership)\b)"
)
# the name cyber threat groups go by in US-government texts: "APT40", "APT 29", "Advanced Persistent Threat 29"
# the threat-intelligence vendors' names for state actors: Microsoft's weather ("Volt Typhoon", "Midnight Blizzard",
# "Mint Sandstorm", "Jade Sleet"), CrowdStrike's animals ("Fancy Bear", "Charming Kitten", "Operator Panda")
THREAT_NAME_RE = re.compile(
    r"[A-Z][\w-]*[ \t]+(?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Panda|Bear|Kitten|Chollima|Spider|"
    r"TYPHOON|BLIZZARD|SANDSTORM|SLEET|TEMPEST|PANDA|BEAR|KITTEN|CHOLLIMA|SPIDER)"
)
THREAT_GROUP_RE = re.compile(
    r"(?<![\w-])(?:APT[ \t]?\d{1,3}|Advanced\s+Persistent\s+Threat\s+(?:Group\s+)?\d{1,3})(?![\w-])"
)
# a state body known by its number: "Center 16 of the FSB", "GRU Unit 26165", "Military Unit 74455"
NUMBERED_UNIT_RE = re.compile(r"(?<![\w-])(?:Military[ \t]+)?(?:Unit|Center|Centre)[ \t]+\d{2,6}(?![\w-])")
# a program named in quotation marks before what it is: '"Snake" malware', 'the "Sparrow" implant'
QUOTED_PRODUCT_RE = re.compile(
    r"(?<![\w\"])\"(?P<n>[A-Z][\w-]*(?:[ \t][A-Z][\w-]*){0,2})\"(?=[ \t]+(?:malware|ransomware|implant|backdoor|"
    r"botnet|trojan|spyware|rootkit|worm|virus|app|application|software)\b)"
)
CAMEL_PRODUCT_RE = re.compile(
    r"\b[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*\b(?=[ \t]+(?:app|application|software|platform|browser|"
    r"antivirus|messenger|service)\b)"
)

# examples of what is no party: "initiatives such as Made in China 2025", "malware like X"
NO_PARTY_EXAMPLES_RE = re.compile(
    r"\b(?:initiatives?|programs?|programmes?|policies|plans?|strategies|campaigns?|projects?|technologies|laws?|"
    r"regulations?|measures?|tools?|techniques?|malware|sectors?|industries|markets?|places?|regions?)[ \t]*,?[ \t]*"
    r"(?:such[ \t]+as|including|like|e\.g\.,?)[ \t]*(?:the[ \t]+)?$",
    re.IGNORECASE,
)

# the words before a name that make it a firm's: "companies like X", "designated X", "subsidiaries of X"
FIRM_BEFORE_RE = re.compile(
    rf"(?:\b(?:company|companies|firm|firms|entity|entities|corporation|subsidiary|subsidiaries|"
    rf"affiliate|affiliates|manufacturer|manufacturers|provider|providers|vendor|vendors|maker|"
    rf"makers|developer|supplier|suppliers|carrier|carriers|bank|banks|exchange\s+houses?|parties|party|successor|predecessor|such\s+as|"
    rf"giant|giants|conglomerate|"
    rf"e\.g\.,?|including|include|includes|included|designated|designating|designates|sanctioning|"
    rf"sanctioned|sanctions|(?:{DEMONYM_ALT})\s+(?:entities|companies|firms)|-owned|"
    rf"(?:owned|operated)\s+(?:\w+\s+){{0,2}}?by|(?:subsidiaries|subsidiary|affiliates?)\s+of|"
    r"(?:companies|firms|entities)\s+(?:are|were)|"  # "The six Panamanian companies are: A, B, and C"
    r"(?:companies|firms|manufacturers|vendors|providers|carriers|banks),?\s+like)"  # "Chinese firms like Huawei"
    r"[ \t]*[:,]?[ \t]*(?:\(\d\)[ \t]*)?(?:the[ \t]+)?)$",
    re.IGNORECASE,
)

# the kinds of designation a party is designated as, never a party's name
DESIGNATION_TERM = re.compile(
    r"(?:Foreign[ \t]+Terrorist[ \t]+Organizations?|Specially[ \t]+Designated[ \t]+(?:Global[ \t]+Terrorist|"
    r"Nationals?|Narcotics[ \t]+Traffickers?)|(?:Significant[ \t]+)?Transnational[ \t]+Criminal[ \t]+"
    r"Organizations?|FTOs?|SDGTs?|SDN|(?:Primary[ \t]+)?Money[ \t]+Laundering[ \t]+Concern)\b"
)

GROUP_BEFORE_RE = re.compile(  # "Lebanon-based terrorist group Hezbollah": a group by its description
    r"\b(?:terrorist|terror|militant|extremist|armed|insurgent|criminal|paramilitary|separatist|ransomware|cybercrime|"
    r"cybercriminal|hacking|drug|trafficking)[ \t]+"
    r"(?:group|organization|network|movement|militia|gang|cartel)s?"
    r"[ \t]*(?:,?[ \t]+(?:including|such[ \t]+as|like))?[ \t]+$|"
    r"\bgang[ \t]+(?:coalition|alliance|federation)[ \t]*,?[ \t]+$|"  # "the Haitian gang coalition, Viv Ansanm"
    # a threat group by its description: "the Russia-based malicious cyber actor X", "the actor known as X or Y"
    r"\b(?:cyber|threat|hacking|hacker)[ \t]+(?:actor|group)[ \t]+$|"
    r"\b(?:actor|group)s?[ \t]*,?[ \t]+(?:(?:also|commonly)[ \t]+)?(?:known|tracked|referred[ \t]+to)[ \t]+"
    # "actors referred to by names such as Salt Typhoon", 'a group known as "Evil Corp"'
    r"(?:as|by[ \t]+names[ \t]+such[ \t]+as)[ \t]+\"?$",
    re.IGNORECASE,
)
# a group named by the militant posts it has: "five al-Shabaab leaders", "an ISIS financier"
_GROUP_POSTS = r"(?:leaders?|commanders?|fighters?|militants?|operatives?|emirs?|financiers?|facilitators?|affiliates?)"
GROUP_POST_AFTER_RE = re.compile(
    rf"[ \t]+(?:(?:senior|top|military|political|religious|regional)[ \t]+)?{_GROUP_POSTS}\b"
)
GROUP_POST_DET_RE = re.compile(
    r"\b(?:an?|senior|top|the|former|two|three|four|five|six|seven|eight|nine|ten|\d+)[ \t]+$"
)
# "Flax Typhoon, a Chinese state-sponsored cyber group", "X, a Sinaloa-based drug trafficking organization"
GROUP_AFTER_RE = re.compile(  # "Los Choneros, one of Ecuador's most violent criminal organizations"
    r"[ \t]*,[ \t]*(?:a|an|the|one[ \t]+of[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*)?'s[ \t]+)?)[ \t]*"
    rf"(?:(?:[a-z][\w-]*[ \t]+){{0,2}}?(?:{DEMONYM_ALT}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?-based)[ \t]+)?"
    r"(?:[a-z][\w-]*[ \t]+){0,4}?(?:group|organization|network|gang|militia|cartel|threat[ \t]+actor|"
    r"(?<=military[ \t])compan(?:y|ie))s?\b"  # "a Russian private military company": an armed group
)
# "the Sandworm actor": a group named before the word, after "the" (not "Ransomware actors and ...")
THREAT_KIND = (
    r"(?:APT|hacking|hacker|threat|cyber(?:-?espionage)?|ransomware|cybercrime)[ \t]+(?:group|actor|gang|crew)"
)
GROUP_ACTOR_AFTER_RE = re.compile(rf"[ \t]+(?:cyber[ \t]+)?actor\b|[ \t]+{THREAT_KIND}\b")  # "the MuddyWater APT group"
THE_BEFORE_RE = re.compile(r"\b[Tt]he[ \t]+$")

_FTO_TERM = r"(?:FTOs?|Foreign[ \t]+Terrorist[ \t]+Organizations?)"  # only groups are designated one
_TERRORIST_TERM = (  # "as an FTO", "as FTOs and SDGTs"
    rf"(?:Specially[ \t]+Designated[ \t]+Global[ \t]+Terrorists?|{_FTO_TERM}|"
    r"terrorist[ \t]+(?:organizations?|groups?)|SDGTs?)\b"
)
TERRORIST_AFTER_RE = re.compile(  # "X as an SDGT", "X is also designated as Foreign Terrorist Organizations"
    r"(?:[ \t]*,[ \t]*(?:also|commonly|better|formerly)[^,;.]{1,60},)?"  # "X, commonly referred to as Y, as an FTO"
    r"[ \t]+(?:(?:pursuant|according)[ \t]+to[^.;]{1,40}?[ \t]+)?as[ \t]+(?:a|an)[ \t]+"
    + _TERRORIST_TERM
    + r"|[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|remains)[ \t]+(?:also[ \t]+)?(?:re-?)?designated[ \t]+"
    # "pursuant to E.O. 13224", "by the U.S. Department of State"
    r"(?:(?:pursuant|according)[ \t]+to[^.;]{1,40}?[ \t]+|by[ \t]+(?:[^.;]|(?<=[A-Z])\.){1,60}?[ \t]+)?"
    r"as[ \t]+(?:(?:a|an)[ \t]+)?(?:[^.;]{0,40}?[ \t]and[ \t]+)?" + _TERRORIST_TERM  # "as an SDGT and FTO"
)

# where a party is, after its name: "PTC Aerospace, of Litchfield, Conn.,", "John Doe, 45, of Tulsa, Okla.", "X, 30, of
# Kaliningrad, Russia" (a US state or a country follows: extract.towns, extract.places)
OF_TOWN_AFTER_RE = re.compile(
    r"(?:[ \t]*\([^()]{1,40}\))?[ \t]*,[ \t]*(?:\d{1,3}[ \t]*,[ \t]*)?of[ \t]+"
    r"(?:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3})[ \t]*,[ \t]*"
)


# -- the type a name's own words or its neighbours give it (extract.names) --------------------------------

RANSOMWARE_RE = re.compile(r"\bRansomware\b")  # a ransomware group's name is a group's, whatever else it says
ORG_HEADS = re.compile(
    r"\b(?:Center|Centre|Institute|Institution|University|Academy|Corps|Association|Foundation|"
    r"Party|Army|Forces|Force|Guard|Federation|Union|Society|Laboratory\s+of|College|School|Assembly|Parliament|"
    r"Hospital|Bank\s+of|Brigades?|Battalions?|Front|Movement|Mujahideen|"
    # a criminal or armed group's head: "the Gulf Cartel", "the Abu Nidal Organization"
    r"(?<=[ \t])(?:Cartel|Gang|Mafia|Syndicate|Organi[sz]ation|Ransomware(?:[ \t]+(?:Group|Gang))?))$|"
    # "Second Academy of", "Main Centre for"
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:Academy|Institute|University|College|Center|Centre)\s+(?:of|for)\s+"
)

# the words groups' names open with: Arabic, Urdu and Pashto ones' movement, brigade, army, battalions, party,
# front; Spanish ones' cartel ("Cártel de Sinaloa", "Cárteles Unidos", "Cartel del Noreste")
GROUP_HEAD_RE = re.compile(
    r"(?:Harakat|Harakah|Liwa|Kata'?ib|Jaish|Jama'?at|Jama'?ah|Ansar|Saraya|Hay'?at|Hizb|Asa'?ib|Lashkar|"
    r"Tehrik|Tahrik|Jabhat|Jund|Tanzim)[ \t]+(?:al-|el-|ul-)?[{_UP}]|"
    r"C[aá]rtel(?:es)?[ \t]+(?:de[ \t]+|del[ \t]+|de[ \t]+los[ \t]+)?[{_UP}]".replace("{_UP}", UPPER)
)
# "the designation of A, B, and C as FTOs": only groups are designated Foreign Terrorist Organizations
AS_FTO_AFTER_RE = re.compile(rf"[^.;:]{{0,300}}?[ \t]as[ \t]+(?:an?[ \t]+)?{_FTO_TERM}\b")
GROUP_TERM_RE = re.compile(rf"(?i:organi[sz]ations?|groups?)\b|\b{_FTO_TERM}\b")
AND_FTO_AFTER_RE = re.compile(rf"[^.;]{{0,20}}?\band[ \t]+(?:an?[ \t]+)?{_FTO_TERM}\b")  # "as an SDGT and FTO"
# a body's short name defined after its name, never a person's: "Mara Salvatrucha (MS-13)"; a lawmaker's
# state and district ("(TX-23)") have its shape and mark a person only after a title
ACRONYM_PAREN_AFTER_RE = re.compile(r"[ \t]*\([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\)")
DISTRICT_PAREN_RE = re.compile(r"[ \t]*\([A-Z]{2}-\d{1,2}\)")
# what around a name says its type: accused of something, a vessel's number, added to a list, a country after it
ACCUSED_BEFORE_RE = re.compile(r"\b(?:accused|accuses|accusing|alleged\s+that|suspects?|suspected)\s+$", re.IGNORECASE)
ACCUSED_OF_RE = re.compile(r"\s+(?:of|is|was|has|had)\b")
COUNTRY_PAREN_RE = re.compile(r"[ \t]*\(([A-Z][A-Za-z. ]{1,40})\)")
AFTER_PREPOSITION_RE = re.compile(r"\b(?:of|at|for|with|from|by|in)[ \t]+$")
IMO_AFTER_RE = re.compile(r"[ \t]*\([ \t]*IMO[ \t]+\d{7}[ \t]*\)")
LIST_AFTER_RE = re.compile(r"[^.;]{0,300}?\bto\s+(?:the\s+[^.;]{0,60}?\bList|(?:the|its)\s+list)\b")
ADD_BEFORE_RE = re.compile(r"\b(?:add|adds|added|adding)\b[^.;]{0,200}$", re.IGNORECASE)
VESSEL_BEFORE_RE = re.compile(  # "the tanker X", "the Motor Yacht (M/Y) Tango", "M/V X"
    r"(?:\b(?:vessels?|tankers?|freighters?|yachts?|superyachts?|ships?|Yacht|Vessels?)|\bM/[VYT]|\bMV|\bMT|"
    r"\b[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}-flagged)[ \t]+"  # "the Panama-flagged X": a flag is a vessel's
    r"(?:\((?:M/[VYT]|MV|MT)\)[ \t]+)?(?:(?:named|called)[ \t]+)?$"
)
# a family name's particle and the name it joins, after a person's name: "de Porres", "de la Cruz", "bin Salman"
PARTICLE_NAME_RE = re.compile(r"(?:[ \t]+(?:de|del|de[ \t]+la|da|dos|van|von|bin|ibn)[ \t]+[A-Z][a-z]+)+(?![\w-])")
# a body's name of a plural common noun, in a headline: "Network of Banks"
PLURAL_OF_RE = re.compile(r"\b(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:ies|ers|ors|nks|ants|ents)$")
# a person's description between two of a list's names: "Ivan Petrov, a Duma member, and Sergey Smirnov"
APPOSED_AND_RE = re.compile(r",[ \t]+(?:a|an|the|his|her|its)[ \t]+[^,;()\n]{1,80}?,[ \t]+(?:and[ \t]+)?")
# "pursuant to section 219 of the Immigration and Nationality Act": the section of the act named next
SECTION_OF_RE = re.compile(r"\b(?:under|pursuant\s+to)\s+(?P<s>[Ss]ection\s+\d+[\w()]*\s+of\s+the\s+)$")
# "Main Centre for Special Technologies": a body's name the words before a firm-like name open
BODY_OF_BEFORE_RE = re.compile(
    r"\b(?:Centre|Center|Institute|Academy|School|University|College)[ \t]+(?:for|of)[ \t]+$"
)
COUNTRY_CODE_BEFORE_RE = re.compile(r"(?<![\w.-])([A-Z]{2,5})[ \t]+$")  # "DPRK Ministry of Rocket Industry"
# words no text's defined short form may be alone: "(the Department)" names no body of its own
ALIAS_STOP = frozenset(
    "the department secretary agency bureau office commission company group government state federal national "
    "united american today".split()
)
# a post of a body the name after it holds: "the Vice President of the Nicaraguan Supreme Court of Justice, X",
# "a Deputy of the National Assembly, X", "a Chief of the National Police in Leon, X"
POST_OF_BODY_BEFORE_RE = re.compile(
    rf"(?:{PERSON_TITLE_RE.pattern}|\b(?:Deputy|Chief|Head|Member|Magistrate|Commander))[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w'-]*[ \t]+(?:(?:of|for|and|on)[ \t]+(?:the[ \t]+)?)?){0,8}[A-Z][\w'-]*"
    r"(?:[ \t]+in[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)?,[ \t]+$"
)
NEWS_ROLE = (  # a news story's description before a person's name: "Bosnian Serb leader X", "oligarch X"
    r"(?-i:(?:[A-Za-z][a-z]+[ \t]+){0,2}(?:leader|oligarch|businessman|businesswoman|official|commander|warlord|"
    r"financier|politician|tycoon|[Kk]ingpin|trafficker|boss))"  # "drug kingpin X", "Drug Kingpin X"
)
NEWS_ROLE_BEFORE_RE = re.compile(rf"\b{NEWS_ROLE}[ \t]+$")  # "Drug Kingpin Ayman Joumaa": a person after it
NEWS_ROLE_WORDS = frozenset({"Kingpin", "Warlord", "Oligarch", "Tycoon", "Financier", "Boss", "Trafficker"})
PLAIN_NAME_RE = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,3}")  # "Jong In Chol": no legal form, no initials
# a bank a special measure names: "X is a financial institution of primary money laundering concern", "identified X as a
# foreign financial institution"
INSTITUTION_AFTER_RE = re.compile(
    r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*,?[ \t]+(?:as|is|was|to[ \t]+be)[ \t]+(?:now[ \t]+)?(?:a|an)[ \t]+"
    r"(?:foreign[ \t]+)?financial[ \t]+institution\b"
)
# "Huawei's chief financial officer", "Kaspersky's CEO": a firm's posts
# a firm's post written between the firm's name and its holder's (lower case but for the acronyms)
CORPORATE_TITLE = (
    r"[ \t]+(?:(?:former|deputy)[ \t]+)?(?:CEO|CFO|COO|CTO|"
    r"chief[ \t]+(?:executive|financial|operating)(?:[ \t]+officer)?|"
    r"chairman|chairwoman|co-?founder|founder|president|owner)"
)
CORPORATE_TITLE_RE = re.compile(rf"{CORPORATE_TITLE}[ \t]+")  # "Rosneft CEO X": the post, its holder's name next
CORPORATE_POST_AFTER_RE = re.compile(
    r"'s[ \t]+(?:(?:chief|deputy|former)[ \t]+)*(?:(?:[a-z]+[ \t]+)?officer|CEO|CFO|COO|CTO|founder|co-?founder|"
    r"chairman|chairwoman|shareholders?|employees?|executives?)\b|"
    # a firm's post before its holder's name: "Rosneft CEO Igor Sechin", "Transneft president Nikolay Tokarev"
    rf"(?={CORPORATE_TITLE}[ \t]+[{UPPER}][{LOWER}])"
)
APPLICATION_AFTER_RE = re.compile(  # "China Mobile USA's application", "China Unicom Americas' authority"
    r"'s?[ \t]+(?:applications?|authorizations?|authority)\b"
)
# the parties a list's opening line announces: "The seven entities are:", "placed the following companies on the Entity
# List:" (firms' names follow, a line each)
LIST_INTRO_PARTIES_RE = re.compile(r"\b(?:companies|firms|entities|banks|businesses|suppliers|manufacturers)\b[^.]*:$")
