"""Helpers the list loaders share: a CSV reader that keeps every record's raw text and physical
line, partial and long-form dates, country codes, and a collector that deduplicates what a
loader emits and checks each claim against the ontology.

The reader is deliberately hand-written instead of :mod:`csv`: a source's text must be the row
*exactly as it appears in the file* and a citation needs offsets into that text, which the
standard module cannot give. It follows RFC 4180 (quotes doubled inside quoted cells, line
breaks allowed inside quotes) and is lenient the way :mod:`csv` is (text after a closing quote
is kept). It reads bytes line by line, so a huge file is never held in memory, and it handles on
purpose:

- a UTF-8 byte-order mark before the first line (dropped; ``RecordReader.bom`` says it was there);
- CRLF or LF line endings (the terminator is not part of a record's text);
- a Ctrl-Z (0x1A) end-of-file marker, as OFAC publishes (reading stops there;
  ``RecordReader.eof_marker_line`` says where; anything after it is reported);
- a line that is not UTF-8, or a quote that never closes (reported with its line, then skipped).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from schema.models import Citation, Claim, Entity, Source
from schema.ontology import EntityType, Method, Predicate, allowed
from schema.quotes import locate

from .base import Parsed, RecordError

# -- reading ------------------------------------------------------------------------------

_BOM = b"\xef\xbb\xbf"
_CTRL_Z = b"\x1a"


@dataclass(frozen=True)
class Cell:
    """One cell: its value (quotes undone) and the span of its raw content in the record text.

    For a quoted cell the span excludes the enclosing quotes; ``text[start:end]`` equals
    ``value`` unless the cell held doubled quotes.
    """

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Record:
    """One CSV record: the 1-based physical line it starts on, its raw text, its cells."""

    line: int
    text: str
    cells: tuple[Cell, ...]

    @property
    def values(self) -> list[str]:
        return [c.value for c in self.cells]

    @property
    def last_line(self) -> int:
        """The physical line the record ends on (later than ``line`` when quotes hold line breaks)."""
        return self.line + self.text.count("\n") + self.text.count("\r") - self.text.count("\r\n")

    @property
    def where(self) -> str:
        """``"line 9"`` or ``"lines 9-11"``."""
        return f"line {self.line}" if self.last_line == self.line else f"lines {self.line}-{self.last_line}"


def split_record(text: str, delimiter: str) -> tuple[Cell, ...] | None:
    """The cells of one record's text, or None when a quoted cell is still open at its end."""
    cells: list[Cell] = []
    i, n = 0, len(text)
    while True:
        if i < n and text[i] == '"':
            parts: list[str] = []
            j = i + 1
            while True:
                k = text.find('"', j)
                if k == -1:
                    return None
                parts.append(text[j:k])
                if k + 1 < n and text[k + 1] == '"':
                    parts.append('"')
                    j = k + 2
                    continue
                break
            d = text.find(delimiter, k + 1)
            stop = n if d == -1 else d
            tail = text[k + 1 : stop]  # text after the closing quote: kept, as csv does
            cells.append(Cell("".join(parts) + tail, i + 1, k if not tail else stop))
        else:
            d = text.find(delimiter, i)
            stop = n if d == -1 else d
            cells.append(Cell(text[i:stop], i, stop))
        if d == -1:
            return tuple(cells)
        i = d + len(delimiter)


def _strip_terminator(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


class RecordReader:
    """Iterate a delimited file as :class:`Record` s (or :class:`RecordError` s), streaming."""

    def __init__(
        self, path: Path, delimiter: str = ",", *, max_record_lines: int = 50, label: str | None = None
    ) -> None:
        self.path = path
        self.delimiter = delimiter
        self.max_record_lines = max_record_lines
        self.label = label or str(path)
        self.bom = False
        self.eof_marker_line: int | None = None

    def _lines(self, errors: list[RecordError]) -> Iterator[tuple[int, str]]:
        """(line number, decoded line with its terminator); stops at a Ctrl-Z byte."""
        with self.path.open("rb") as fh:
            number = 0
            for raw in fh:
                number += 1
                if number == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM) :]
                    self.bom = True
                if _CTRL_Z in raw:
                    before = raw.split(_CTRL_Z, 1)[0]
                    self.eof_marker_line = number
                    trailing = sum(1 for rest in fh if rest.strip())
                    if before.strip():
                        yield number, before.decode("utf-8", "replace")
                    if trailing:
                        errors.append(
                            RecordError(
                                self.label,
                                number,
                                None,
                                f"{trailing} non-empty line(s) after the Ctrl-Z (0x1A) end-of-file marker ignored",
                            )
                        )
                    return
                try:
                    yield number, raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    errors.append(
                        RecordError(
                            self.label, number, None, f"not UTF-8 ({exc.reason} at byte {exc.start}); line skipped"
                        )
                    )

    def __iter__(self) -> Iterator[Record | RecordError]:
        errors: list[RecordError] = []
        source = self._lines(errors)
        replay: deque[tuple[int, str]] = deque()
        pending: list[tuple[int, str]] = []

        def next_line() -> tuple[int, str] | None:
            if replay:
                return replay.popleft()
            return next(source, None)

        while True:
            item = next_line()
            yield from errors
            errors.clear()
            if item is None:
                if pending:
                    # a quote never closed: report its line, re-read what followed it
                    yield RecordError(
                        self.label, pending[0][0], None, "a quoted cell opened on this line never closes; line skipped"
                    )
                    replay.extend(pending[1:])
                    pending = []
                    continue
                return
            if not pending and not item[1].strip():
                continue  # blank line
            pending.append(item)
            text = _strip_terminator("".join(t for _, t in pending))
            cells = split_record(text, self.delimiter)
            if cells is not None:
                yield Record(pending[0][0], text, cells)
                pending = []
            elif len(pending) >= self.max_record_lines:
                yield RecordError(
                    self.label,
                    pending[0][0],
                    None,
                    f"a quoted cell opened on this line is still open "
                    f"{self.max_record_lines} lines later; line skipped",
                )
                replay.extendleft(reversed(pending[1:]))
                pending = []


def first_line(path: Path) -> str:
    """The first line of a file, decoded, without BOM or terminator (for sniffing a layout)."""
    with path.open("rb") as fh:
        raw = fh.readline()
    return _strip_terminator(raw.removeprefix(_BOM).decode("utf-8", "replace"))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def header_key(name: str) -> str:
    """``"Date of Inclusion on Covered List"`` → ``date_of_inclusion_on_covered_list``."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


# -- countries ----------------------------------------------------------------------------

# ISO 3166-1 alpha-2 with the names Debian's iso-codes gives (name|common name|official name),
# then the spellings OFAC and the CSL use. XK (Kosovo) is user-assigned but used by OFAC and
# the EU.
_COUNTRY_TABLE = """\
AD|Andorra|Principality of Andorra
AE|United Arab Emirates
AF|Afghanistan|Islamic Republic of Afghanistan
AG|Antigua and Barbuda
AI|Anguilla
AL|Albania|Republic of Albania
AM|Armenia|Republic of Armenia
AO|Angola|Republic of Angola
AQ|Antarctica
AR|Argentina|Argentine Republic
AS|American Samoa
AT|Austria|Republic of Austria
AU|Australia
AW|Aruba
AX|Åland Islands
AZ|Azerbaijan|Republic of Azerbaijan
BA|Bosnia and Herzegovina|Republic of Bosnia and Herzegovina
BB|Barbados
BD|Bangladesh|People's Republic of Bangladesh
BE|Belgium|Kingdom of Belgium
BF|Burkina Faso
BG|Bulgaria|Republic of Bulgaria
BH|Bahrain|Kingdom of Bahrain
BI|Burundi|Republic of Burundi
BJ|Benin|Republic of Benin
BL|Saint Barthélemy
BM|Bermuda
BN|Brunei Darussalam
BO|Bolivia, Plurinational State of|Bolivia|Plurinational State of Bolivia
BQ|Bonaire, Sint Eustatius and Saba
BR|Brazil|Federative Republic of Brazil
BS|Bahamas|Commonwealth of the Bahamas
BT|Bhutan|Kingdom of Bhutan
BV|Bouvet Island
BW|Botswana|Republic of Botswana
BY|Belarus|Republic of Belarus
BZ|Belize
CA|Canada
CC|Cocos (Keeling) Islands
CD|Congo, The Democratic Republic of the
CF|Central African Republic
CG|Congo|Republic of the Congo
CH|Switzerland|Swiss Confederation
CI|Côte d'Ivoire|Republic of Côte d'Ivoire
CK|Cook Islands
CL|Chile|Republic of Chile
CM|Cameroon|Republic of Cameroon
CN|China|People's Republic of China
CO|Colombia|Republic of Colombia
CR|Costa Rica|Republic of Costa Rica
CU|Cuba|Republic of Cuba
CV|Cabo Verde|Republic of Cabo Verde
CW|Curaçao
CX|Christmas Island
CY|Cyprus|Republic of Cyprus
CZ|Czechia|Czech Republic
DE|Germany|Federal Republic of Germany
DJ|Djibouti|Republic of Djibouti
DK|Denmark|Kingdom of Denmark
DM|Dominica|Commonwealth of Dominica
DO|Dominican Republic
DZ|Algeria|People's Democratic Republic of Algeria
EC|Ecuador|Republic of Ecuador
EE|Estonia|Republic of Estonia
EG|Egypt|Arab Republic of Egypt
EH|Western Sahara
ER|Eritrea|the State of Eritrea
ES|Spain|Kingdom of Spain
ET|Ethiopia|Federal Democratic Republic of Ethiopia
FI|Finland|Republic of Finland
FJ|Fiji|Republic of Fiji
FK|Falkland Islands (Malvinas)
FM|Micronesia, Federated States of|Federated States of Micronesia
FO|Faroe Islands
FR|France|French Republic
GA|Gabon|Gabonese Republic
GB|United Kingdom|United Kingdom of Great Britain and Northern Ireland
GD|Grenada
GE|Georgia
GF|French Guiana
GG|Guernsey
GH|Ghana|Republic of Ghana
GI|Gibraltar
GL|Greenland
GM|Gambia|Republic of the Gambia
GN|Guinea|Republic of Guinea
GP|Guadeloupe
GQ|Equatorial Guinea|Republic of Equatorial Guinea
GR|Greece|Hellenic Republic
GS|South Georgia and the South Sandwich Islands
GT|Guatemala|Republic of Guatemala
GU|Guam
GW|Guinea-Bissau|Republic of Guinea-Bissau
GY|Guyana|Republic of Guyana
HK|Hong Kong|Hong Kong Special Administrative Region of China
HM|Heard Island and McDonald Islands
HN|Honduras|Republic of Honduras
HR|Croatia|Republic of Croatia
HT|Haiti|Republic of Haiti
HU|Hungary
ID|Indonesia|Republic of Indonesia
IE|Ireland
IL|Israel|State of Israel
IM|Isle of Man
IN|India|Republic of India
IO|British Indian Ocean Territory
IQ|Iraq|Republic of Iraq
IR|Iran, Islamic Republic of|Iran|Islamic Republic of Iran
IS|Iceland|Republic of Iceland
IT|Italy|Italian Republic
JE|Jersey
JM|Jamaica
JO|Jordan|Hashemite Kingdom of Jordan
JP|Japan
KE|Kenya|Republic of Kenya
KG|Kyrgyzstan|Kyrgyz Republic
KH|Cambodia|Kingdom of Cambodia
KI|Kiribati|Republic of Kiribati
KM|Comoros|Union of the Comoros
KN|Saint Kitts and Nevis
KP|Korea, Democratic People's Republic of|North Korea|Democratic People's Republic of Korea
KR|Korea, Republic of|South Korea
KW|Kuwait|State of Kuwait
KY|Cayman Islands
KZ|Kazakhstan|Republic of Kazakhstan
LA|Lao People's Democratic Republic|Laos
LB|Lebanon|Lebanese Republic
LC|Saint Lucia
LI|Liechtenstein|Principality of Liechtenstein
LK|Sri Lanka|Democratic Socialist Republic of Sri Lanka
LR|Liberia|Republic of Liberia
LS|Lesotho|Kingdom of Lesotho
LT|Lithuania|Republic of Lithuania
LU|Luxembourg|Grand Duchy of Luxembourg
LV|Latvia|Republic of Latvia
LY|Libya
MA|Morocco|Kingdom of Morocco
MC|Monaco|Principality of Monaco
MD|Moldova, Republic of|Moldova|Republic of Moldova
ME|Montenegro
MF|Saint Martin (French part)
MG|Madagascar|Republic of Madagascar
MH|Marshall Islands|Republic of the Marshall Islands
MK|North Macedonia|Republic of North Macedonia
ML|Mali|Republic of Mali
MM|Myanmar|Republic of Myanmar
MN|Mongolia
MO|Macao|Macao Special Administrative Region of China
MP|Northern Mariana Islands|Commonwealth of the Northern Mariana Islands
MQ|Martinique
MR|Mauritania|Islamic Republic of Mauritania
MS|Montserrat
MT|Malta|Republic of Malta
MU|Mauritius|Republic of Mauritius
MV|Maldives|Republic of Maldives
MW|Malawi|Republic of Malawi
MX|Mexico|United Mexican States
MY|Malaysia
MZ|Mozambique|Republic of Mozambique
NA|Namibia|Republic of Namibia
NC|New Caledonia
NE|Niger|Republic of the Niger
NF|Norfolk Island
NG|Nigeria|Federal Republic of Nigeria
NI|Nicaragua|Republic of Nicaragua
NL|Netherlands|Kingdom of the Netherlands
NO|Norway|Kingdom of Norway
NP|Nepal|Federal Democratic Republic of Nepal
NR|Nauru|Republic of Nauru
NU|Niue
NZ|New Zealand
OM|Oman|Sultanate of Oman
PA|Panama|Republic of Panama
PE|Peru|Republic of Peru
PF|French Polynesia
PG|Papua New Guinea|Independent State of Papua New Guinea
PH|Philippines|Republic of the Philippines
PK|Pakistan|Islamic Republic of Pakistan
PL|Poland|Republic of Poland
PM|Saint Pierre and Miquelon
PN|Pitcairn
PR|Puerto Rico
PS|Palestine, State of|the State of Palestine
PT|Portugal|Portuguese Republic
PW|Palau|Republic of Palau
PY|Paraguay|Republic of Paraguay
QA|Qatar|State of Qatar
RE|Réunion
RO|Romania
RS|Serbia|Republic of Serbia
RU|Russian Federation
RW|Rwanda|Rwandese Republic
SA|Saudi Arabia|Kingdom of Saudi Arabia
SB|Solomon Islands
SC|Seychelles|Republic of Seychelles
SD|Sudan|Republic of the Sudan
SE|Sweden|Kingdom of Sweden
SG|Singapore|Republic of Singapore
SH|Saint Helena, Ascension and Tristan da Cunha
SI|Slovenia|Republic of Slovenia
SJ|Svalbard and Jan Mayen
SK|Slovakia|Slovak Republic
SL|Sierra Leone|Republic of Sierra Leone
SM|San Marino|Republic of San Marino
SN|Senegal|Republic of Senegal
SO|Somalia|Federal Republic of Somalia
SR|Suriname|Republic of Suriname
SS|South Sudan|Republic of South Sudan
ST|Sao Tome and Principe|Democratic Republic of Sao Tome and Principe
SV|El Salvador|Republic of El Salvador
SX|Sint Maarten (Dutch part)
SY|Syrian Arab Republic|Syria
SZ|Eswatini|Kingdom of Eswatini
TC|Turks and Caicos Islands
TD|Chad|Republic of Chad
TF|French Southern Territories
TG|Togo|Togolese Republic
TH|Thailand|Kingdom of Thailand
TJ|Tajikistan|Republic of Tajikistan
TK|Tokelau
TL|Timor-Leste|Democratic Republic of Timor-Leste
TM|Turkmenistan
TN|Tunisia|Republic of Tunisia
TO|Tonga|Kingdom of Tonga
TR|Türkiye|Republic of Türkiye
TT|Trinidad and Tobago|Republic of Trinidad and Tobago
TV|Tuvalu
TW|Taiwan, Province of China|Taiwan
TZ|Tanzania, United Republic of|Tanzania|United Republic of Tanzania
UA|Ukraine
UG|Uganda|Republic of Uganda
UM|United States Minor Outlying Islands
US|United States|United States of America
UY|Uruguay|Eastern Republic of Uruguay
UZ|Uzbekistan|Republic of Uzbekistan
VA|Holy See (Vatican City State)
VC|Saint Vincent and the Grenadines
VE|Venezuela, Bolivarian Republic of|Venezuela|Bolivarian Republic of Venezuela
VG|Virgin Islands, British|British Virgin Islands
VI|Virgin Islands, U.S.|Virgin Islands of the United States
VN|Viet Nam|Vietnam|Socialist Republic of Viet Nam
VU|Vanuatu|Republic of Vanuatu
WF|Wallis and Futuna
WS|Samoa|Independent State of Samoa
YE|Yemen|Republic of Yemen
YT|Mayotte
ZA|South Africa|Republic of South Africa
ZM|Zambia|Republic of Zambia
ZW|Zimbabwe|Republic of Zimbabwe
BN|Brunei
BS|Bahamas, The
CD|Congo, Democratic Republic of the|Democratic Republic of the Congo
CG|Congo, Republic of the
CV|Cape Verde
FM|Micronesia
GM|Gambia, The
IM|Man, Isle of
KP|Korea, North
KR|Korea, South
MK|North Macedonia, The Republic of|Macedonia
MM|Burma
MO|Macau
PS|West Bank|Gaza|Palestine
RU|Russia
SZ|Swaziland
TR|Turkey
US|USA|U.S.|U.S.A.
VA|Vatican City|Holy See
XK|Kosovo
"""


def _country_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded.replace("'", "")).split())


def _build_countries() -> tuple[dict[str, str], frozenset[str]]:
    by_name: dict[str, str] = {}
    codes: set[str] = set()
    for row in _COUNTRY_TABLE.splitlines():
        code, *names = row.split("|")
        codes.add(code)
        for name in names:
            by_name.setdefault(_country_key(name), code)
    return by_name, frozenset(codes)


_COUNTRY_BY_NAME, ISO2 = _build_countries()


def country_code(name: str) -> str | None:
    """ISO2 of a country name (``"Korea, North"`` → ``KP``) or of an ISO2 code; else None."""
    name = name.strip()
    if name.upper() in ISO2 and len(name) == 2:
        return name.upper()
    return _COUNTRY_BY_NAME.get(_country_key(name))


def single_country(codes: Iterable[str | None]) -> str | None:
    """The one country all the given codes agree on; None when there are none or several."""
    found = {c for c in codes if c}
    return found.pop() if len(found) == 1 else None


# -- names --------------------------------------------------------------------------------


def display_name(raw: str) -> str:
    """A name fit to show: C1 controls from mis-decoded Windows-1252 fixed, space collapsed.

    U+0092 is what a Windows-1252 right single quote (0x92) becomes when the bytes are read as
    Latin-1 and written back as UTF-8; the CSL's "Gui\\x92an" means "Gui’an".
    """
    fixed = raw.replace("\x92", "\u2019").replace("\x91", "\u2018")
    fixed = fixed.replace("\x93", "\u201c").replace("\x94", "\u201d")
    return " ".join(fixed.split())


def split_multi(value: str, sep: str = ";") -> list[str]:
    """Split a multi-valued cell (``"A; B"``), dropping empties and the CSL's leading "and "."""
    out: list[str] = []
    for part in value.split(sep):
        part = part.strip()
        if part.lower().startswith("and "):
            part = part[4:].strip()
        if part and part not in out:
            out.append(part)
    return out


# -- emitting -----------------------------------------------------------------------------

_TYPE_BY_PREFIX = {t.prefix: t for t in EntityType}


def entity_type_of(entity_id: str) -> EntityType | None:
    return _TYPE_BY_PREFIX.get(entity_id.split(":", 1)[0])


def cite(source: Source, quote: str, hint: int | None = None) -> Citation | None:
    """A citation of ``quote`` in the source's text, its quote the exact slice at the offsets."""
    if source.text is None:
        return None
    quote = quote.strip()
    start = source.text.find(quote, hint or 0) if quote else -1
    if start != -1:  # verbatim: no need to normalise the whole text
        end = start + len(quote)
    else:
        span = locate(source.text, quote, hint)
        if span is None:
            return None
        start, end = span
    return Citation(source=source.id, quote=source.text[start:end], start=start, end=end)


@dataclass
class Collector:
    """Accumulates a loader's output in order, deduplicating entities, sources and claims by id.

    An entity seen twice is merged: the first name and description win, aliases and identifiers
    are united, and a country stays only while every occurrence agrees on it.
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    rejects: list[RecordError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _country_conflicts: set[str] = field(default_factory=set)
    _facts: set[tuple[str, str, str]] = field(default_factory=set)

    def add_entity(self, entity: Entity) -> None:
        old = self.entities.get(entity.id)
        if old is None:
            self.entities[entity.id] = entity
            return
        if old == entity:
            return
        aliases = list(old.aliases)
        for alias in (entity.name, *entity.aliases):
            if alias != old.name and alias not in aliases:
                aliases.append(alias)
        if entity.country and old.country and entity.country != old.country:
            self._country_conflicts.add(entity.id)
        country = None if entity.id in self._country_conflicts else old.country or entity.country
        identifiers = {**entity.identifiers, **old.identifiers}
        self.entities[entity.id] = old.model_copy(
            update={
                "aliases": tuple(aliases),
                "country": country,
                "identifiers": identifiers,
                "description": old.description or entity.description,
            }
        )

    def add_source(self, source: Source) -> None:
        self.sources.setdefault(source.id, source)

    def check_claim(self, claim: Claim) -> str | None:
        """Why the ontology refuses this claim's subject/object types; None when it allows them."""
        subject, obj = entity_type_of(claim.subject), entity_type_of(claim.object)
        if subject is None or obj is None:
            return f"unknown entity type in {claim.subject!r} or {claim.object!r}"
        if not allowed(claim.predicate, subject, obj):
            pred = claim.predicate.value
            return f"the ontology does not allow {subject.value} -{pred}-> {obj.value}"
        return None

    def add_claim(self, claim: Claim) -> None:
        self.claims.setdefault(claim.id, claim)

    def add_fact_once(self, claim: Claim) -> bool:
        """Add the claim unless a claim of the same (subject, predicate, object) came before."""
        key = (claim.subject, claim.predicate.value, claim.object)
        if key in self._facts:
            return False
        self._facts.add(key)
        self.add_claim(claim)
        return True

    def add_body(self, body_id: str, citations: tuple[Citation, ...], list_id: str | None = None) -> None:
        """Emit a US body with its parents and their ``part-of`` facts, each fact once.

        With ``list_id`` also ``body administers list``. The citations are the row that names the
        list: the first such row supports every one of these facts.
        """
        if list_id is not None:
            self.add_fact_once(
                Claim(
                    subject=body_id,
                    predicate=Predicate.ADMINISTERS,
                    object=list_id,
                    method=Method.IMPORTED,
                    citations=citations,
                )
            )
        child = body_id
        self.add_entity(US_BODIES[child])
        while child in US_PARENT:
            parent = US_PARENT[child]
            self.add_entity(US_BODIES[parent])
            self.add_fact_once(
                Claim(
                    subject=child,
                    predicate=Predicate.PART_OF,
                    object=parent,
                    method=Method.IMPORTED,
                    citations=citations,
                )
            )
            child = parent

    def parsed(self) -> Parsed:
        return Parsed(
            entities=list(self.entities.values()),
            sources=list(self.sources.values()),
            claims=list(self.claims.values()),
            rejects=list(self.rejects),
            notes=list(self.notes),
        )


# -- the US bodies the lists name ---------------------------------------------------------

COUNTRY_US = Entity(
    id="country:us",
    type=EntityType.COUNTRY,
    name="United States",
    aliases=("US", "U.S.", "USA", "United States of America"),
    country="US",
)
US_BODIES: dict[str, Entity] = {
    e.id: e
    for e in [
        COUNTRY_US,
        Entity(
            id="agency:us-commerce",
            type=EntityType.AGENCY,
            name="US Department of Commerce",
            aliases=("Department of Commerce", "Commerce Department", "U.S. Department of Commerce"),
            country="US",
        ),
        Entity(
            id="agency:us-treasury",
            type=EntityType.AGENCY,
            name="US Department of the Treasury",
            aliases=("Department of the Treasury", "Treasury Department", "U.S. Department of the Treasury"),
            country="US",
        ),
        Entity(
            id="agency:us-state",
            type=EntityType.AGENCY,
            name="US Department of State",
            aliases=("Department of State", "State Department", "U.S. Department of State"),
            country="US",
        ),
        Entity(
            id="agency:us-bis",
            type=EntityType.AGENCY,
            name="Bureau of Industry and Security",
            aliases=("BIS",),
            country="US",
        ),
        Entity(
            id="agency:us-ofac",
            type=EntityType.AGENCY,
            name="Office of Foreign Assets Control",
            aliases=("OFAC",),
            country="US",
        ),
        Entity(
            id="agency:us-ddtc",
            type=EntityType.AGENCY,
            name="Directorate of Defense Trade Controls",
            aliases=("DDTC",),
            country="US",
        ),
        Entity(
            id="agency:us-isn",
            type=EntityType.AGENCY,
            name="Bureau of International Security and Nonproliferation",
            aliases=("ISN",),
            country="US",
        ),
        Entity(
            id="agency:us-fcc",
            type=EntityType.AGENCY,
            name="Federal Communications Commission",
            aliases=("FCC",),
            country="US",
        ),
    ]
}
# (body, the body it is part of): BIS is part of Commerce, Commerce part of the United States.
US_PARENT: dict[str, str] = {
    "agency:us-bis": "agency:us-commerce",
    "agency:us-ofac": "agency:us-treasury",
    "agency:us-ddtc": "agency:us-state",
    "agency:us-isn": "agency:us-state",
    "agency:us-commerce": "country:us",
    "agency:us-treasury": "country:us",
    "agency:us-state": "country:us",
    "agency:us-fcc": "country:us",
}
