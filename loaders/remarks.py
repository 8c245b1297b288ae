"""What a list record states about whom it lists, read for screening: dates and places of birth,
nationalities and citizenships, identity documents and registration numbers, weak aliases.

- :func:`ofac_remarks` reads the ``Remarks`` of an OFAC SDN row (``DOB 05 Mar 1969; POB Moscow,
  Russia; nationality Russia; Passport 530262587 (Russia); Tax ID No. 7713140469 (Russia)``), and
  its ``a.k.a. 'BNC'``, ``f.k.a. 'OLD NAME'``, ``n.k.a. 'NEW NAME'``: what OFAC calls low-quality
  (weak) aliases — nicknames, handles, acronyms, former names — as opposed to ``alt.csv``'s.
- :func:`csl_ids` reads the CSL's ``ids`` cell in both layouts (``Passport, 836238033, KP`` now,
  ``US, 80-0890696, Tax ID No.`` in 2019); :func:`birth_dates` its ``dates_of_birth``.
- :func:`identifier` files one value under its scheme (the keys of ``Entity.identifiers``),
  checked with ``rigour.ids`` where a check exists; :class:`Identifiers` collects them.

Nothing is guessed: a label this module does not know is not read (the loaders note it), a country
name it cannot place gives no code, a value that fails its scheme's check is kept under the generic
scheme (an INN under ``tax_id``, an OGRN, IMO or LEI under ``registration``), never dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rigour.ids import IMO, INN, LEI, OGRN

from reference import registry
from schema.dates import earliest, latest, written_date

# -- identifier schemes -------------------------------------------------------------------

# The lists' labels (OFAC's wording; the CSL's ``ids`` cell uses the same) → the scheme, the key of
# ``Entity.identifiers``. A label that is not here is not read.
LABELS: dict[str, str] = {
    # identity documents
    "Passport": "passport",
    "Diplomatic Passport": "passport",
    "British National Overseas Passport": "passport",
    "Passport Booklet": "passport",
    "National ID No.": "national_id",
    "Identification Number": "national_id",
    "Personal ID Card": "national_id",
    "Cedula No.": "national_id",
    "D.N.I.": "national_id",
    "C.U.R.P.": "national_id",
    "C.U.R.P. #": "national_id",
    "C.U.I.": "national_id",
    "Turkish Identification Number": "national_id",
    "Citizen's Card Number": "national_id",
    "Numero de Identidad": "national_id",
    "Kenyan ID No.": "national_id",
    "Tazkira National ID Card": "national_id",
    "National Foreign ID Number": "national_id",
    "CNP (Personal Numerical Code)": "national_id",
    "N.I.E.": "national_id",
    "SSN": "ssn",
    "Birth Certificate Number": "birth_certificate",
    "Driver's License No.": "driver_license",
    "Credencial electoral": "voter_id",
    "I.F.E.": "voter_id",
    "Electoral Registry No.": "voter_id",
    # tax numbers
    "Tax ID No.": "tax_id",
    "R.F.C.": "tax_id",
    "R.F.C. #": "tax_id",
    "RFC": "tax_id",
    "NIT #": "tax_id",
    "RUC #": "tax_id",
    "RIF #": "tax_id",
    "RTN": "tax_id",
    "C.U.I.T.": "tax_id",
    "C.I.F.": "tax_id",
    "US FEIN": "tax_id",
    "Fiscal Code": "tax_id",
    "Romanian Tax Registration": "tax_id",
    "Paraguayan tax identification number": "tax_id",
    "Numero Unico de Identificacao Tributaria (NUIT)": "tax_id",
    "V.A.T. Number": "vat",
    # registers of companies (and of ships and aircraft)
    "Registration Number": "registration",
    "Registration ID": "registration",
    "Registration Certificate Number (Dubai)": "registration",
    "Russian State Individual Business Registration Number Pattern (OGRNIP)": "registration",  # "ogrn" when valid
    "Business Registration Number": "registration",
    "Public Registration Number": "registration",
    "Commercial Registry Number": "registration",
    "Company Number": "registration",
    "UK Company Number": "registration",
    "C.R. No.": "registration",
    "Romanian C.R.": "registration",
    "Folio Mercantil No.": "registration",
    "Matricula Mercantil No": "registration",
    "Chamber of Commerce Number": "registration",
    "Istanbul Chamber of Comm. No.": "registration",
    "Certificate of Incorporation Number": "registration",
    "Central Registration System Number": "registration",
    "Enterprise Number": "registration",
    "Business Number": "registration",
    "Business Registration Document #": "registration",
    "Economic Register Number (CBLS)": "registration",
    "Trade License No.": "registration",
    "Government Gazette Number": "registration",
    "Unified Social Credit Code (USCC)": "registration",
    "United Social Credit Code Certificate (USCCC)": "registration",
    "Vessel Registration Identification": "registration",
    "Aircraft Tail Number": "registration",
    "Aircraft Manufacturer's Serial Number (MSN)": "serial_number",
    "Legal Entity Number": "lei",
    "D-U-N-S Number": "duns",
    # banks and ships
    "SWIFT/BIC": "swift",
    "BIK (RU)": "bik",
    "MMSI": "mmsi",
}
_BY_LENGTH = sorted(LABELS, key=len, reverse=True)  # "Passport Booklet" before "Passport"

# A scheme with a check in rigour.ids, and where a value that fails it goes instead.
_CHECKED = {"inn": (INN, "tax_id"), "ogrn": (OGRN, "registration"), "imo": (IMO, "registration"),
            "lei": (LEI, "registration")}  # fmt: skip
_IMO_VALUE = re.compile(r"^IMO\s*\d{5,7}$", re.IGNORECASE)  # "Company Number IMO 1234567" is an IMO


def identifier(scheme: str, value: str, country: str | None = None) -> tuple[str, str] | None:
    """``(scheme, value)`` as stored: checked (and written the one way rigour writes it) where
    rigour.ids has a check, else under the generic scheme; None for an empty value.

    ``country`` is the ISO code the record gives for the value. A Russian tax number that is a
    valid INN is filed as ``inn`` only — the INN *is* Russia's tax number, so a second ``tax_id``
    copy would say nothing more; one that is not a valid INN stays ``tax_id``. Likewise a Russian
    registration number that is a valid OGRN is ``ogrn``.
    """
    value = " ".join(value.split()).strip(" .,;:")
    if not value:
        return None
    if _IMO_VALUE.match(value):
        scheme = "imo"
    elif country == "RU" and scheme == "tax_id" and INN.is_valid(value):
        scheme = "inn"
    elif country == "RU" and scheme == "registration" and OGRN.is_valid(value):
        scheme = "ogrn"
    checked = _CHECKED.get(scheme)
    if checked is None:
        return scheme, value.upper() if scheme in ("swift", "bik") else value
    check, generic = checked
    compact = "".join(value.split()).upper()
    normal = check.normalize(compact) if check.is_valid(compact) else None
    # the whole value must be the number (rigour.ids also finds one inside a longer text); an IMO
    # may have lost its leading zero (rigour pads it back)
    if normal is None or _digits(normal).lstrip("0") != _digits(compact).lstrip("0"):
        return generic, value
    return scheme, normal


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


class Identifiers:
    """Identifiers collected in order, each value once per scheme; ``as_dict`` joins a scheme's
    values with ``"; "`` (how ``Entity.identifiers`` holds several)."""

    def __init__(self, start: dict[str, str] | None = None) -> None:
        self.values: dict[str, list[str]] = {k: [v] for k, v in (start or {}).items()}

    def add(self, scheme: str, value: str, country: str | None = None) -> None:
        found = identifier(scheme, value, country)
        if found is not None:
            held = self.values.setdefault(found[0], [])
            if found[1] not in held:
                held.append(found[1])

    def as_dict(self) -> dict[str, str]:
        return {k: "; ".join(v) for k, v in self.values.items() if v}


# -- dates of birth -----------------------------------------------------------------------

_RANGE = re.compile(r"^(?:circa\s+)?(.+?)\s+to\s+(.+)$|^(?:circa\s+)?(\d{4})\s*-\s*(\d{4})$", re.IGNORECASE)
MAX_RANGE_YEARS = 20  # a wider range says too little to screen with: it is not read


def birth_dates(text: str) -> list[str]:
    """A date of birth as the lists write it, as partial ISO dates: ``"05 Mar 1969"`` →
    ``["1969-03-05"]``, ``"circa 1970"`` → ``["1970"]``; none for what is not a date.

    A range gives every year it spans — ``"1961 to 1963"`` and ``"01 Jan 1961 to 31 Dec 1963"`` →
    ``["1961", "1962", "1963"]``: the years given and the one between, not the start year alone.
    The record says the person was born in one of them, and the list of dates is read as
    alternatives (a screen or the resolver matches any); the start year alone would rule out a
    record born in 1962 or 1963. A range of at most six whole months gives its months
    (``"01 Mar 1965 to 31 Mar 1965"`` → ``["1965-03"]``). A range off month bounds (a Persian
    year, ``"21 Mar 1962 to 20 Apr 1962"``) gives the years it touches (``["1962"]``: coarser
    than stated, never wrong); one of more than ``MAX_RANGE_YEARS`` years gives nothing.
    """
    text = text.strip().rstrip(".")
    single = written_date(text)
    if single:
        return [single]
    match = _RANGE.match(text)
    if match is None:
        return []
    lo = written_date(match.group(1) or match.group(3) or "")
    hi = written_date(match.group(2) or match.group(4) or "")
    first, last = earliest(lo), latest(hi)
    if first is None or last is None or last < first:
        return []
    if first == last:
        return [first]
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    whole_years = first.endswith("-01-01") and last.endswith("-12-31")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if not whole_years and start.day == 1 and last == latest(last[:7]) and months <= 6:
        return [
            f"{start.year + (start.month + i - 1) // 12}-{(start.month + i - 1) % 12 + 1:02d}" for i in range(months)
        ]
    if end.year - start.year >= MAX_RANGE_YEARS:
        return []
    return [str(year) for year in range(start.year, end.year + 1)]


# -- OFAC remarks -------------------------------------------------------------------------


@dataclass
class Stated:
    """What one record states about its subject, in the order it states it."""

    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    weak_aliases: list[str] = field(default_factory=list)  # a.k.a./f.k.a./n.k.a. of OFAC's remarks
    nationalities: list[str] = field(default_factory=list)  # ISO codes: nationality and citizenship
    nationality: list[str] = field(default_factory=list)  # ISO codes of "nationality" alone
    identifiers: Identifiers = field(default_factory=Identifiers)
    unread_labels: Counter[str] = field(default_factory=Counter)  # identifier-like parts not read
    unplaced: Counter[str] = field(default_factory=Counter)  # country names with no ISO code

    def country(self, name: str) -> str | None:
        code = registry().countries.code(name) if name.strip() else None
        if code is None and name.strip():
            self.unplaced[name.strip()] += 1
        return code


def _add_once(values: list[str], found: Iterable[str]) -> None:
    for value in found:
        if value and value not in values:
            values.append(value)


# "Passport V29385211 (Iran) issued 19 Feb 2014 expires 19 Feb 2019": the value, its country, dates
_VALUE = re.compile(r"^(?P<value>.+?)(?: \((?P<country>[^()]*)\))?(?: (?:issued|expires) .*)?$")
_ID_SHAPED = re.compile(r"^(?P<label>[^\d]+?) (?P<value>\S*\d\S*.*?) \((?P<country>[^()]+)\)$")
_PERSONAL = re.compile(r"^(?:alt\. )?(DOB|POB|nationality|citizen) (.+)$")
# "a.k.a. 'BNC'", "f.k.a. 'SAND SWAN'", "n.k.a. 'LGOK'": the name between the first and the last
# quote (a name may hold quotes: "a.k.a. 'ABU MU'AWIYA'", "a.k.a. ''ABD AL-RAHMAN'"); a part cut
# short, with no closing quote (remarks continued in sdn_comments.csv, not joined), is not read
_WEAK = re.compile(r"^(?:alt\. )?[afn]\.k\.a\.,?\s*'(.+)'$", re.IGNORECASE)


def weak_alias(quoted: str) -> str:
    """The name a remark's ``a.k.a. '…'`` quotes: ``''FOOPIE''`` (quoted twice) → ``FOOPIE``, and
    ``ABU-AL-KARKH', 'Yusuf`` (a surname and a given name quoted apart) → ``ABU-AL-KARKH, Yusuf``."""
    name = " ".join(quoted.replace("', '", ", ").split())
    return name[1:-1].strip() if len(name) > 2 and name[0] == name[-1] == "'" else name


def ofac_remarks(remarks: str, person: bool) -> Stated:
    """The remarks of one SDN row, read part by part (parts are ``; ``-separated, the last ends
    with a full stop). Dates and places of birth and nationalities only for a person; weak aliases
    (``a.k.a.``, ``f.k.a.``, ``n.k.a.``, ``alt. a.k.a.``) for any subject, in order, once each."""
    stated = Stated()
    parts = [p.strip() for p in remarks.strip().split(";")]
    if parts and parts[-1].endswith("."):
        parts[-1] = parts[-1][:-1]
    for part in parts:
        weak = _WEAK.match(part)
        if weak:
            _add_once(stated.weak_aliases, [weak_alias(weak.group(1))])
            continue
        personal = _PERSONAL.match(part)
        if personal:
            if person:
                _personal(stated, personal.group(1), personal.group(2).strip())
            continue
        _document(stated, part.removeprefix("alt. "))
    return stated


def _personal(stated: Stated, what: str, text: str) -> None:
    if what == "DOB":
        _add_once(stated.birth_dates, birth_dates(text))
    elif what == "POB":
        _add_once(stated.birth_places, [text])
    else:  # "nationality Russia", "citizen Mexico"; "possibly Palestinian" is not a country
        code = stated.country(text)
        if code is not None:
            _add_once(stated.nationalities, [code])
            if what == "nationality":
                _add_once(stated.nationality, [code])


def _document(stated: Stated, part: str) -> None:
    label = next((lab for lab in _BY_LENGTH if part.startswith(lab + " ") or part.startswith(lab + ":")), None)
    if label is None:
        shaped = _ID_SHAPED.match(part)
        if shaped and registry().countries.code(shaped.group("country")) is not None:
            stated.unread_labels[shaped.group("label")] += 1
        return
    match = _VALUE.match(part[len(label) :].lstrip(" :"))
    if match is None:
        return
    value, country_name = match.group("value"), match.group("country")
    code = registry().countries.code(country_name) if country_name else None
    if country_name and code is None:  # "(Doc. 694710)": not a country but part of the value
        value = f"{value} ({country_name})"
    stated.identifiers.add(LABELS[label], value, code)


# -- CSL ids ------------------------------------------------------------------------------


def csl_ids(cell: str, stated: Stated) -> None:
    """The CSL's ``ids`` cell into ``stated.identifiers``: items ``; ``-separated, each ``label,
    value[, country]`` (current layout) or ``[country, ]value, label`` (2019); the country is an
    ISO code. Items whose label is not an identifier's (``Gender, Male``, ``Website, ...``) are skipped."""
    for item in cell.split(";"):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2:
            continue
        if parts[0] in LABELS:
            label, rest = parts[0], parts[1:]
            code = _code(rest[-1]) if len(rest) > 1 else None
            value = ", ".join(rest[:-1] if code else rest)
        elif parts[-1] in LABELS:
            label, rest = parts[-1], parts[:-1]
            code = _code(rest[0]) if len(rest) > 1 else None
            value = ", ".join(rest[1:] if code else rest)
        else:
            if len(parts) == 3 and any(c.isdigit() for c in parts[1]) and _code(parts[2] or "") is not None:
                stated.unread_labels[parts[0]] += 1
            continue
        stated.identifiers.add(LABELS[label], value, code)


def _code(text: str) -> str | None:
    """An ISO alpha-2 code as the CSL writes it (``RU``); None for anything else."""
    text = text.strip()
    return text.upper() if len(text) == 2 and registry().countries.is_code(text) else None
