"""Screening quality on real lists: a labelled set built from public data, precision, recall, F1, recall@3.

    python -m bench.screen_quality [--sdn PATH] [--csl PATH] [--alt PATH] [--threshold 0.7] [--n 600] [--tag T]

**The graph.** A fresh Neo4j (:func:`bench.common.database`) gets the real OFAC SDN snapshot
(``/work/shared/data/real/ofac_sdn_full_2023-09-28.csv``, 13,098 entries) and the real CSL sample
(``tests/fixtures/real/csl_us_trade_gov_2025_sample.csv``, 13 rows) through the CLI, as a user loads
them (``regkg load ofac FILE``, ``regkg load csl FILE``). No ``alt.csv``/``add.csv`` exists for that
snapshot (``/work/shared/data/real/SOURCES.md``), so by default the OFAC entities have no aliases:
``--alt`` passes another snapshot's ``alt.csv`` through (the 2025-02 excerpt covers 1,616 of the
snapshot's entries; its rows for entries the snapshot lacks are the loader's rejects).

**The labelled set** is built from the same files, read directly with :mod:`csv` (not from the
graph), deterministically (``--seed``, default 18). An *entry* is one ``sdn.csv`` row (graph id
``person:ofac-<ent_num>``, ``firm:ofac-<ent_num>`` for an empty SDN_Type, ``asset:ofac-<ent_num>``
for a vessel or aircraft: :mod:`loaders.ofac`'s scheme) or one CSL row (``person:csl-<ent_num>``
when the row carries OFAC's number, else ``firm:csl-<_id>``: :mod:`loaders.csl`'s scheme). A CSL
row with OFAC's number and the ``sdn.csv`` row of that number are one listing: either graph id
counts as it. Every query is a name and the entry's record type (``Person``, ``Firm``, ``Asset``);
no country, birth date or identifier, so the name matching alone is measured.

Positives (the query must match the entry), in equal shares:

- ``alias``: an alias the graph holds, as the query: the CSL's ``alt_names`` (and ``alt.csv``'s
  names with ``--alt``);
- ``weak_alias``: the ``a.k.a. 'NAME'`` / ``f.k.a.`` / ``n.k.a.`` of the ``sdn.csv`` remarks (OFAC's
  weak aliases; a person's only when of two words or more, anything else's when of four letters or
  more). :mod:`loaders.ofac` reads them as the entity's ``weak_aliases``; an item whose name the
  graph does not hold (a row the loader rejected) is marked *not reachable*, and the figures are
  given with and without such items;
- ``typo``: the name with one letter of a word of five or more swapped with the next one or dropped
  (never the first letter), in names of eight letters or more;
- ``reorder``: a person's name in the other order: ``FAMILY, Given Middle`` → ``Given Middle Family``,
  ``Given FAMILY`` → ``FAMILY, Given``;
- ``short``: a person's name as a customer file often holds it: first given name and family name,
  the middle names or patronymic dropped (``ZAKHAROV, Aleksandr Vyacheslavovich`` → ``Aleksandr
  Zakharov``) — the positives that a stricter matcher or a higher threshold loses first;
- ``legal_form``: a firm's legal form changed for an equivalent (:data:`FORMS`, :data:`VARIANTS`:
  LLC ↔ Limited Liability Company ↔ ООО, JSC ↔ Joint Stock Company ↔ AO ↔ АО, Ltd ↔ Limited,
  Co., Ltd. ↔ Company Limited, Inc ↔ Incorporated, S.A. ↔ SA, S.A. de C.V. ↔ SA de CV…), removed
  (when four letters or more remain), or added (LLC, Ltd, JSC or Inc. after a name that has none);
- ``translit``: a Russian-looking name (an entry under a RUSSIA, UKRAINE, BELARUS or CYBER programme,
  or the CSL's SSI list, written in ASCII: a person whose family name ends as a Russian one does
  (:data:`RUSSIAN_FAMILY`: -ov, -ev, -in, -sky, -enko…) or who has a patronymic (-ovich, -evna…); a
  firm whose legal form is romanised Russian (OOO, AO, PAO, OBSHCHESTVO…) or whose name without its
  form is one word that is not English, :data:`ENGLISH`) in Cyrillic with the reversed BGN/PCGN map of
  :data:`TO_CYRILLIC` (``shch``→щ, ``zh``→ж, ``kh``→х, ``ts``→ц, ``ch``→ч, ``sh``→ш, ``ya``/``yu``/
  ``yo``/``ye``→я/ю/ё/е (ье after a consonant, and ья/ью ending a word after one), ``y``→й after a
  vowel and ы otherwise, a word-final ``i`` after a vowel →й, one letter for one letter otherwise;
  ICU's ``Latin-Cyrillic`` is a letter-for-letter ISO 9 inverse that writes "Zakharov" as
  "Закхаров", so it is not used): a person as ``Фамилия Имя Отчество``, a firm with a
  Russian legal form as ``ООО «НАЗВАНИЕ»`` (the form as its Russian abbreviation, the rest in Cyrillic
  letter for letter, English words included).

Hard negatives (the query must NOT match the entry named), in equal shares:

- ``neg_same_family``: the name of another person entry with the same family name (the part before
  the comma) and a clearly different first given name (different first letter or a similarity
  ratio under 0.5, neither an initial), one pair per family at most;
- ``neg_similar``: the name of another non-person entry of the same type whose name tokens (legal
  forms removed, folded to ASCII) overlap it by a Jaccard index of 0.5 or more (``BANK SADERAT IRAN``
  vs ``BANK MELLI IRAN``), one pair per set of shared words, neither name's words all within the
  other's (``CIMEX, S.A.`` vs ``CIMEX`` is one name for anyone who has only the name, and ``AIR KORYO
  TRADING CORPORATION`` vs ``AIR KORYO`` a case to review, not a clear negative: both left out);
- ``neg_other_given``: a person's name with its first given name replaced by a clearly different one
  taken from another person entry (``ZAKHAROV, Aleksandr Vyacheslavovich`` → ``ZAKHAROV, Sergei
  Vyacheslavovich``): another person.

Kinds are interleaved one item at a time, so each gets ``n / kinds`` and what a small kind (the CSL
has 13 rows) lacks goes to the others. ``--n`` positives (600) and ``--negatives`` negatives (half of
``--n``). Label noise to keep in mind: OFAC lists different parties with near-identical names, and a
name-only negative such as two different vessels ``X 1`` and ``X 2`` is one no name matcher can get
right without other facts.

**Screening.** Every query through ``Screener(graph, threshold, limit=5).batch(…)`` in batches of 100.
A positive is a true positive when its entry is among the matches with ``match: true`` (a false
negative otherwise); a negative is a false positive when its forbidden entry comes back with
``match: true``. Precision = TP / (TP + FP) — it depends on the 2:1 mix of positives and negatives;
recall = TP / positives; F1. **recall@3**: the share of positives whose entry is among the first three
matches (any score ≥ the 0.5 cutoff). Also: per-kind recall and FP rate, the thresholds 0.5–0.95
(step 0.05) with P/R/F1 each and the best by F1, and the alerts on *other* entities a positive query
raised (not counted as errors: another entry may share the name). Each miss is diagnosed: was the
entry among the search index's candidates at all (:func:`graph.screening.candidates`), and what does
the matcher score it directly (:func:`screen.matcher.score`)? The 15 worst false negatives among the
reachable items (lowest direct score first, kinds interleaved) and false positives (highest score
first) are printed with the matcher's explanation. About a minute on two cores (the OFAC load ≈30 s,
the 900 queries ≈16 s).

Writes ``bench/results/<date>-screen-quality[-<tag>].json`` (figures, misses, each item's outcome) and
``bench/results/<date>-screen-quality[-<tag>]-set.jsonl`` (the labelled set, one item a line, to review).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rigour.text.translit import ascii_text

from config import ROOT, Settings
from graph import screening
from graph.database import Graph
from loaders.csl import list_info
from loaders.csvfile import display_name, split_multi
from schema.models import digest, slug
from schema.ontology import EntityType
from screen.matcher import CUTOFF, SCREENED, THRESHOLD, matcher_info, score, without_legal_form
from screen.records import ScreenRecord
from screen.search import record_query
from screen.service import Screener

from .common import database
from .refresh_real import RESULTS, regkg

REAL = Path("/work/shared/data/real")
SDN = REAL / "ofac_sdn_full_2023-09-28.csv"
CSL = ROOT / "tests" / "fixtures" / "real" / "csl_us_trade_gov_2025_sample.csv"
POSITIVE_KINDS = ("alias", "weak_alias", "typo", "reorder", "short", "legal_form", "translit")
NEGATIVE_KINDS = ("neg_same_family", "neg_similar", "neg_other_given")
SWEEP = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))
BATCH = 100
LIMIT = 5
RUSSIAN_PROGRAMS = re.compile(r"RUSSIA|UKRAINE|BELARUS|CYBER")
_OFAC_TYPES = {"": EntityType.FIRM, "individual": EntityType.PERSON, "vessel": EntityType.ASSET,
               "aircraft": EntityType.ASSET}  # fmt: skip
_CSL_TYPES = {"entity": EntityType.FIRM, "": EntityType.FIRM, "individual": EntityType.PERSON,
              "vessel": EntityType.ASSET, "aircraft": EntityType.ASSET}  # fmt: skip
_RECORD_TYPE = {EntityType.PERSON: "Person", EntityType.FIRM: "Firm", EntityType.ASSET: "Asset"}
_STABLE_ID = re.compile(r"[0-9A-Fa-f]{16,64}")
_WEAK = re.compile(r"^([afn])\.k\.a\.,?\s*'(.+)'\s*\.?$")


# -- the entries, read from the files -----------------------------------------------------


@dataclass
class Entry:
    """One list entry as the loaders make it: its graph ids (the first its own), type, names."""

    ids: tuple[str, ...]
    source: str  # ofac | csl
    type: str  # the record type: Person | Firm | Asset
    name: str
    aliases: list[str] = field(default_factory=list)  # the graph holds them
    weak: list[str] = field(default_factory=list)  # the remarks' a.k.a. (the graph's weak_aliases)
    russian: bool = False

    @property
    def id(self) -> str:
        return self.ids[0]


def _value(cell: str) -> str:
    stripped = cell.strip()
    return "" if stripped == "-0-" else stripped


def read_ofac(path: Path, alt: Path | None) -> list[Entry]:
    """The ``sdn.csv`` rows (no header, ``-0-`` empty, a Ctrl-Z last line), with ``alt.csv``'s names."""
    aliases: dict[str, list[str]] = defaultdict(list)
    if alt is not None:
        with alt.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) == 5 and row[0].strip().isdigit():
                    name = display_name(_value(row[3]))
                    if name and name not in aliases[row[0].strip()]:
                        aliases[row[0].strip()].append(name)
    out: list[Entry] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) != 12 or not row[0].strip().isdigit() or row[0].strip() in seen:
                continue
            num, name, kind = row[0].strip(), display_name(_value(row[1])), _value(row[2]).lower()
            if not name or kind not in _OFAC_TYPES:
                continue
            seen.add(num)
            etype = _OFAC_TYPES[kind]
            weak = []
            for part in _value(row[11]).split(";"):
                m = _WEAK.match(part.strip())
                if m and display_name(m.group(2)) != name:
                    weak.append(display_name(m.group(2)))
            out.append(
                Entry(
                    ids=(f"{etype.prefix}:ofac-{num}",),
                    source="ofac",
                    type=_RECORD_TYPE[etype],
                    name=name,
                    aliases=[a for a in aliases.get(num, []) if a != name],
                    weak=weak,
                    russian=bool(RUSSIAN_PROGRAMS.search(row[3])) and name.isascii(),
                )
            )
    return out


def read_csl(path: Path) -> list[Entry]:
    """The CSL rows (either CSV layout), with the ids :mod:`loaders.csl` gives them."""
    out: list[Entry] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            raw = row.get("name") or ""
            kind = (row.get("type") or "").strip().lower()
            info = list_info(row.get("source") or "")
            if not raw.strip() or kind not in _CSL_TYPES or info is None:
                continue
            etype = _CSL_TYPES[kind]
            name = display_name(raw).split("; and any ", 1)[0]
            number, row_id = (row.get("entity_number") or "").strip(), (row.get("_id") or "").strip()
            if number.isdigit():
                key = number
            elif _STABLE_ID.fullmatch(row_id):
                key = row_id.lower()
            else:
                key = f"{info.code}-{slug(name)[:100]}" + (
                    f"-{digest(name, length=8)}" if len(slug(name)) > 100 else ""
                )
            ids = (f"{etype.prefix}:csl-{key}",) + ((f"{etype.prefix}:ofac-{number}",) if number.isdigit() else ())
            alts = [display_name(a) for a in split_multi(row.get("alt_names") or "")]
            russian = bool(RUSSIAN_PROGRAMS.search(row.get("programs") or "")) or "(SSI)" in (row.get("source") or "")
            out.append(
                Entry(
                    ids=ids,
                    source="csl",
                    type=_RECORD_TYPE[etype],
                    name=name,
                    aliases=[a for a in dict.fromkeys(alts) if a != name],
                    russian=russian and name.isascii(),
                )
            )
    return out


def link(ofac: list[Entry], csl: list[Entry]) -> None:
    """A CSL row with OFAC's number and the ``sdn.csv`` row of that number are one listing."""
    by_id = {e.id: e for e in ofac}
    for c in csl:
        for other in c.ids[1:]:
            if other in by_id:
                by_id[other].ids = (*by_id[other].ids, c.id)


# -- perturbations ------------------------------------------------------------------------

# legal forms (a regex on the upper-cased name, longest first) → their group
FORMS: tuple[tuple[str, str], ...] = (
    (r"OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", "llc"),
    (r"PUBLICHNOE AKTSIONERNOE OBSHCHESTVO", "pjsc"),
    (r"AKTSIONERNOE OBSHCHESTVO", "jsc"),
    (r"PUBLIC JOINT[- ]STOCK COMPANY", "pjsc"),
    (r"CLOSED JOINT[- ]STOCK COMPANY", "cjsc"),
    (r"OPEN JOINT[- ]STOCK COMPANY", "ojsc"),
    (r"JOINT[- ]STOCK COMPANY", "jsc"),
    (r"LIMITED LIABILITY COMPANY", "llc"),
    (r"CO\.,? LTD\.?|COMPANY LIMITED", "coltd"),
    (r"S\. DE R\.L\. DE C\.V\.|S DE RL DE CV", "srldecv"),
    (r"S\.A\. DE C\.V\.|SA DE CV|SOCIEDAD ANONIMA DE CAPITAL VARIABLE", "sadecv"),
    (r"SOCIEDAD ANONIMA", "sa"),
    (r"INCORPORATED", "inc"),
    (r"CORPORATION", "corp"),
    (r"LIMITED", "ltd"),
    (r"L\.L\.C\.|LLC|OOO", "llc"),
    (r"PJSC|PAO", "pjsc"),
    (r"CJSC|ZAO", "cjsc"),
    (r"OJSC|OAO", "ojsc"),
    (r"JSC|AO", "jsc"),
    (r"LTD\.?", "ltd"),
    (r"INC\.?", "inc"),
    (r"CORP\.?", "corp"),
    (r"S\.A\.|SA", "sa"),
    (r"GMBH", "gmbh"),
)
_FORMS = tuple((re.compile(rf"(?<![\w.])(?:{p})(?!\w)"), g) for p, g in FORMS)
# the equivalent ways of writing each group
VARIANTS: dict[str, tuple[str, ...]] = {
    "llc": ("LLC", "Limited Liability Company", "ООО"),
    "jsc": ("JSC", "Joint Stock Company", "AO", "АО"),
    "pjsc": ("PJSC", "Public Joint Stock Company", "PAO", "ПАО"),
    "cjsc": ("CJSC", "Closed Joint Stock Company", "ZAO", "ЗАО"),
    "ojsc": ("OJSC", "Open Joint Stock Company", "OAO", "ОАО"),
    "coltd": ("Co., Ltd.", "Company Limited", "Co. Limited"),
    "ltd": ("Ltd", "Limited", "Ltd."),
    "inc": ("Inc.", "Incorporated"),
    "corp": ("Corp.", "Corporation"),
    "sa": ("S.A.", "SA", "Sociedad Anonima"),
    "sadecv": ("S.A. de C.V.", "SA de CV", "Sociedad Anonima de Capital Variable"),
    "srldecv": ("S. de R.L. de C.V.", "S de RL de CV"),
    "gmbh": ("GmbH",),
}
RUSSIAN_FORM = {"llc": "ООО", "jsc": "АО", "pjsc": "ПАО", "cjsc": "ЗАО", "ojsc": "ОАО"}
ADDED = ("LLC", "Ltd", "JSC", "Inc.")
# a person's name is taken to be Russian by its family name's or patronymic's ending
RUSSIAN_FAMILY = re.compile(r"(?:OV|EV|YOV|IN|YN|SKY|SKIY|SKII|SKAYA|ENKO|OVA|EVA|INA|YNA|CHUK|YUK|IKH|YKH)$", re.I)
RUSSIAN_PATRONYMIC = re.compile(r"\w(?:OVICH|EVICH|YICH|OVNA|EVNA|ICHNA)\b", re.I)
# a Russian firm whose legal form is romanised (OOO, AO…) has a romanised name; otherwise its name is
# taken to be English (not written in Cyrillic letter for letter) when it holds one of these words
ROMANISED_FORMS = frozenset({"OOO", "AO", "PAO", "ZAO", "OAO", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
                             "AKTSIONERNOE OBSHCHESTVO", "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO"})  # fmt: skip
ENGLISH = frozenset(
    "AND OF THE FOR COMPANY RESEARCH CENTER CENTRE PLANT FACTORY MECHANICAL ENGINEERING TRADING TRADE GROUP "
    "INTERNATIONAL HOLDING HOLDINGS INVESTMENT INVESTMENTS MANAGEMENT SCIENTIFIC PRODUCTION ASSOCIATION "
    "INSTITUTE DESIGN BUREAU SYSTEMS TECHNOLOGY TECHNOLOGIES ELECTRONICS INDUSTRIAL STATE FEDERAL NATIONAL "
    "SERVICE SERVICES SHIPPING MARINE OIL GAS ENERGY DEVELOPMENT CAPITAL PARTNERS INSURANCE FUND WORKS "
    "SECURITY SOLUTIONS SUPPLY LOGISTICS CORPORATION UNITED CONSTRUCTION REPAIR AIRCRAFT SHIP OPERATOR".split()
)

# reversed BGN/PCGN romanisation of Russian, longest first (``y`` and ``'`` are handled apart)
TO_CYRILLIC: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("ya", "я"), ("yu", "ю"), ("yo", "ё"), ("ye", "е"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("w", "в"), ("x", "кс"),
    ("q", "к"),
)  # fmt: skip
_VOWELS = set("аеёиоуыэюя")


def cyrillic(text: str) -> str:
    """``"ZAKHAROV Aleksandr"`` → ``"Захаров Александр"`` (:data:`TO_CYRILLIC`; words capitalised)."""
    words = []
    for word in text.split():
        low, out, i = word.lower(), "", 0
        while i < len(low):
            ch = low[i]
            after_consonant = len(out) > 1 and out[-1].isalpha() and out[-1] not in _VOWELS
            for latin, cyr in TO_CYRILLIC:
                if low.startswith(latin, i):
                    if (
                        latin[0] == "y"
                        and after_consonant
                        and (latin == "ye" or i + len(latin) == len(low))
                        and out[-1] != "ь"
                    ):
                        cyr = "ь" + cyr  # Evgenyevich → Евгеньевич, Natalya → Наталья (Vyacheslav: Вя)
                    elif latin == "i" and out and out[-1] in _VOWELS and i + 1 == len(low):
                        cyr = "й"  # Andrei → Андрей
                    out += cyr
                    i += len(latin)
                    break
            else:
                if ch == "y":
                    out += "й" if out and out[-1] in _VOWELS else "ы"
                elif ch in "'’":
                    out += "ь"
                else:
                    out += ch
                i += 1
        words.append(out[:1].upper() + out[1:])
    return " ".join(words)


def legal_form(name: str) -> tuple[re.Match[str], str] | None:
    upper = name.upper()
    for pattern, group in _FORMS:
        found = pattern.search(upper)
        if found:
            return found, group
    return None


def _tidy(name: str) -> str:
    return " ".join(name.replace(" ,", ",").split()).strip(" ,-")


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def tokens(name: str) -> frozenset[str]:
    """A name's words, legal forms removed, folded to lower-case ASCII."""
    bare = without_legal_form(name) or name
    return frozenset(t for t in re.split(r"[^a-z0-9]+", ascii_text(bare).casefold()) if t)


def _different_given(a: str, b: str) -> bool:
    a, b = a.casefold().strip("."), b.casefold().strip(".")
    if len(a) <= 2 or len(b) <= 2:
        return False  # an initial may be either
    return a[0] != b[0] or difflib.SequenceMatcher(None, a, b).ratio() < 0.5


def _person_parts(name: str) -> tuple[str, list[str]] | None:
    """``"FAMILY, Given Middle"`` → ``("FAMILY", ["Given", "Middle"])``."""
    if name.count(",") != 1:
        return None
    family, rest = (p.strip() for p in name.split(","))
    given = rest.split()
    if not family or not given or not given[0][:1].isalpha():
        return None
    return family, given


# -- the labelled set ---------------------------------------------------------------------


@dataclass
class Item:
    """One labelled query: a positive must match ``entity``; a negative must not."""

    id: str
    kind: str
    positive: bool
    name: str
    type: str
    entity: Entry
    variant: str
    reachable: bool = True

    def record(self) -> ScreenRecord:
        return ScreenRecord(id=self.id, name=self.name, type=self.type)

    def json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "query": {"name": self.name, "type": self.type},
            "expected": self.entity.id if self.positive else None,
            "forbidden": None if self.positive else self.entity.id,
            "equivalent_ids": list(self.entity.ids),
            "entity_name": self.entity.name,
            "variant": self.variant,
            "reachable": self.reachable,
        }


Draft = tuple[str, str, Entry, str]  # query name, record type, entry, how it was made


def _shuffled(entries: Iterable[Entry], rng: random.Random) -> list[Entry]:
    pool = list(entries)
    rng.shuffle(pool)
    return pool


def gen_alias(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    pairs = [(e, a) for e in entries for a in e.aliases]
    rng.shuffle(pairs)
    for e, a in pairs:
        yield a, e.type, e, f"{e.source} alias of {e.name!r}"


def gen_weak_alias(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    pairs = [
        (e, a) for e in entries for a in e.weak if (len(a.split()) >= 2 if e.type == "Person" else _letters(a) >= 4)
    ]
    rng.shuffle(pairs)
    for e, a in pairs:
        yield a, e.type, e, f"remarks a.k.a. of {e.name!r}"


def gen_typo(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    for e in _shuffled((e for e in entries if _letters(e.name) >= 8), rng):
        words = list(re.finditer(r"[^\W\d_]{5,}", e.name))
        if not words:
            continue
        w = rng.choice(words)
        word = w.group(0)
        if rng.random() < 0.5:
            spots = [j for j in range(1, len(word) - 1) if word[j].lower() != word[j + 1].lower()]
            if not spots:
                continue
            j = rng.choice(spots)
            typo = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
            how = f"swapped {word[j : j + 2]!r} in {word!r}"
        else:
            j = rng.randrange(1, len(word))
            typo = word[:j] + word[j + 1 :]
            how = f"dropped {word[j]!r} of {word!r}"
        yield e.name[: w.start()] + typo + e.name[w.end() :], e.type, e, how


def gen_reorder(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    for e in _shuffled((e for e in entries if e.type == "Person"), rng):
        parts = _person_parts(e.name)
        if parts:
            family, given = parts
            yield f"{' '.join(given)} {family.title()}", e.type, e, "FAMILY, Given → Given Family"
            continue
        words = e.name.split()
        upper = [w for w in words if w.isupper() and _letters(w) > 1]
        if len(words) >= 2 and upper and words[-len(upper) :] == upper and len(upper) < len(words):
            given = words[: len(words) - len(upper)]
            yield f"{' '.join(upper)}, {' '.join(given)}", e.type, e, "Given FAMILY → FAMILY, Given"


def gen_short(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    for e in _shuffled((e for e in entries if e.type == "Person"), rng):
        parts = _person_parts(e.name)
        if parts and len(parts[1]) >= 2:
            family, given = parts
            yield f"{given[0]} {family.title()}", e.type, e, f"dropped {' '.join(given[1:])!r}"


def gen_legal_form(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    for e in _shuffled((e for e in entries if e.type == "Firm"), rng):
        found = legal_form(e.name)
        if found is None:
            added = rng.choice(ADDED)
            yield f"{e.name} {added}", e.type, e, f"added {added!r}"
            continue
        m, group = found
        written = e.name[m.start() : m.end()]
        plain = written.casefold().replace(".", "").replace(",", "")
        others = [v for v in VARIANTS[group] if v.casefold().replace(".", "").replace(",", "") != plain]
        choice = "" if not others or rng.random() < 1 / 3 else rng.choice(others)
        changed = _tidy(e.name[: m.start()] + choice + e.name[m.end() :])
        if _letters(changed) - _letters(choice) < 4 or changed.casefold() == e.name.casefold():
            continue
        yield changed, e.type, e, (f"{written!r} → {choice!r}" if choice else f"removed {written!r}")


def gen_translit(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    for e in _shuffled((e for e in entries if e.russian and e.type in ("Person", "Firm")), rng):
        if e.type == "Person":
            parts = _person_parts(e.name)
            if parts and (RUSSIAN_FAMILY.search(parts[0]) or RUSSIAN_PATRONYMIC.search(" ".join(parts[1]))):
                family, given = parts
                yield cyrillic(f"{family} {' '.join(given)}"), e.type, e, "Cyrillic, Фамилия Имя Отчество"
            continue
        found = legal_form(e.name)
        if found is None or found[1] not in RUSSIAN_FORM:
            continue
        m, group = found
        rest = _tidy(e.name[: m.start()] + " " + e.name[m.end() :])
        romanised = e.name[m.start() : m.end()].upper() in ROMANISED_FORMS
        if _letters(rest) < 4 or not (romanised or len(rest.split()) == 1 and rest.upper() not in ENGLISH):
            continue  # a name translated into English is not written in Cyrillic letter for letter
        yield f"{RUSSIAN_FORM[group]} «{cyrillic(rest).upper()}»", e.type, e, "Cyrillic, ООО «НАЗВАНИЕ»"


def gen_same_family(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    families: dict[str, list[tuple[Entry, list[str]]]] = defaultdict(list)
    for e in entries:
        parts = _person_parts(e.name) if e.type == "Person" else None
        if parts:
            families[ascii_text(parts[0]).casefold()].append((e, parts[1]))
    keys = sorted(k for k, v in families.items() if len(v) > 1)
    rng.shuffle(keys)
    for key in keys:
        members = families[key]
        pairs = [
            (a, b)
            for a, ga in members
            for b, gb in members
            if not set(a.ids) & set(b.ids) and _different_given(ga[0], gb[0])
        ]
        if pairs:
            forbidden, query = rng.choice(pairs)
            yield query.name, query.type, forbidden, f"another person of the family: {query.id}"


def gen_similar(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    pool = [e for e in entries if e.type != "Person"]
    toks = {e.id: tokens(e.name) for e in pool}
    by_token: dict[str, list[Entry]] = defaultdict(list)
    for e in pool:
        for t in toks[e.id]:
            by_token[t].append(e)
    pairs: dict[tuple[str, str], tuple[Entry, Entry, float]] = {}
    for a in pool:
        ta = toks[a.id]
        for t in ta:
            if len(by_token[t]) > 300:
                continue  # a word most names share (bank, company…) finds too many
            for b in by_token[t]:
                tb = toks[b.id]
                if a.type != b.type or set(a.ids) & set(b.ids) or ta <= tb or tb <= ta:
                    continue  # one name inside the other (AIR KORYO, AIR KORYO TRADING): a review case
                jaccard = len(ta & tb) / len(ta | tb)
                if jaccard >= 0.5:
                    pairs[(a.id, b.id)] = (a, b, jaccard)
    ordered = sorted(pairs)
    rng.shuffle(ordered)
    used: set[str] = set()
    shared: set[frozenset[str]] = set()  # one pair per shared words (not forty FU YUAN YU vessels)
    for key in ordered:
        forbidden, query, jaccard = pairs[key]
        common = toks[forbidden.id] & toks[query.id]
        if forbidden.id in used or query.id in used or common in shared:
            continue
        used.update((forbidden.id, query.id))
        shared.add(common)
        yield query.name, query.type, forbidden, f"another entry, token overlap {jaccard:.2f}: {query.id}"


def gen_other_given(entries: Sequence[Entry], rng: random.Random) -> Iterator[Draft]:
    people = [(e, p) for e in entries if e.type == "Person" and (p := _person_parts(e.name))]
    given_names = sorted({p[1][0] for _, p in people if _letters(p[1][0]) >= 3 and p[1][0].isalpha()})
    rng.shuffle(people)
    for e, (family, given) in people:
        for _ in range(10):
            other = rng.choice(given_names)
            if _different_given(given[0], other) and other.isascii() == given[0].isascii():
                yield f"{family}, {' '.join([other, *given[1:]])}", e.type, e, f"given name {given[0]!r} → {other!r}"
                break


GENERATORS = {
    "alias": gen_alias,
    "weak_alias": gen_weak_alias,
    "typo": gen_typo,
    "reorder": gen_reorder,
    "short": gen_short,
    "legal_form": gen_legal_form,
    "translit": gen_translit,
    "neg_same_family": gen_same_family,
    "neg_similar": gen_similar,
    "neg_other_given": gen_other_given,
}


def labelled_set(entries: Sequence[Entry], n_pos: int, n_neg: int, seed: int) -> list[Item]:
    """Each kind's drafts interleaved one at a time (so the kinds share ``n`` evenly and what one
    lacks the others fill); a query that repeats one already taken for the same entry is skipped."""
    items: list[Item] = []
    seen: set[tuple[str, str]] = set()
    for kinds, n, positive in ((POSITIVE_KINDS, n_pos, True), (NEGATIVE_KINDS, n_neg, False)):
        live = {k: GENERATORS[k](entries, random.Random(f"{seed}-{k}")) for k in kinds}
        taken = 0
        while taken < n and live:
            for kind in list(live):
                if taken >= n:
                    break
                for name, rtype, entry, how in live[kind]:
                    if (name.casefold(), entry.id) in seen or len(name) > 500 or name == entry.name and positive:
                        continue
                    seen.add((name.casefold(), entry.id))
                    items.append(Item(f"{kind}-{len(items):04d}", kind, positive, name, rtype, entry, how))
                    taken += 1
                    break
                else:
                    del live[kind]
    return items


# -- the graph ----------------------------------------------------------------------------

ENTITIES = (
    "UNWIND $ids AS id MATCH (c:Entity {id: id}) "
    "RETURN c.id AS id, c.type AS type, c.name AS name, coalesce(c.aliases, []) AS aliases, "
    "coalesce(c.weak_aliases, []) AS weak_aliases, "
    "c.country AS country, coalesce(c.nationalities, []) AS nationalities, "
    "coalesce(c.birth_dates, []) AS birth_dates, coalesce(c.birth_places, []) AS birth_places, "
    "c.identifiers AS identifiers, "
    "COLLECT { MATCH (m:Entity {canonical: c.id}) WHERE m <> c "
    "  RETURN {id: m.id, type: m.type, name: m.name, aliases: coalesce(m.aliases, []), "
    "  weak_aliases: coalesce(m.weak_aliases, []), country: m.country, "
    "  nationalities: coalesce(m.nationalities, []), birth_dates: coalesce(m.birth_dates, []), "
    "  birth_places: coalesce(m.birth_places, []), identifiers: m.identifiers} } AS members"
)


def _plain(raw: dict[str, Any]) -> dict[str, Any]:
    out = dict(raw)
    ident = out.get("identifiers")
    out["identifiers"] = json.loads(ident) if isinstance(ident, str) and ident else {}
    return out


def entities(graph: Graph, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The entities with these ids, in the shape screening's candidates have."""
    out: dict[str, dict[str, Any]] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 2000):
        for row in graph.read_plain(ENTITIES, {"ids": wanted[i : i + 2000]}, 60.0):
            entity = _plain(row)
            entity["members"] = [_plain(m) for m in row["members"]]
            out[entity["id"]] = entity
    return out


def _fold(name: str) -> str:
    return " ".join(ascii_text(name).casefold().split())


def load(settings: Settings, sdn: Path, alt: Path | None, csl: Path) -> dict[str, Any]:
    said: dict[str, Any] = {}
    ofac_args = ["load", "ofac", str(sdn)] + (["--alt", str(alt)] if alt else [])
    for what, args in (("ofac", ofac_args), ("csl", ["load", "csl", str(csl)])):
        seconds, out = regkg(settings, *args)
        line = next((x.strip() for x in out.splitlines() if "read;" in x), "")
        said[what] = {"seconds": seconds, "said": line}
        print(f"regkg {' '.join(args)}: {seconds}s; {line}", flush=True)
    return said


# -- scoring ------------------------------------------------------------------------------


def _ids(match: dict[str, Any]) -> set[str]:
    entity = match["entity"]
    return {entity["id"], *(m["id"] for m in entity.get("members") or [])}


def _detail(explanation: Sequence[dict[str, Any]]) -> str:
    """The explanation, short: each feature's score, and the name comparison's detail."""
    parts = []
    for row in explanation:
        text = f"{row['feature']} {row['score']:.2f}"
        if row.get("detail") and row["feature"] in ("name_match", "weak_alias_match"):
            text += f" {row['detail']}"
        parts.append(text)
    return "; ".join(parts) or "(no feature scored)"


@dataclass
class Outcome:
    item: Item
    score: float | None  # the entry's score among the matches (None: not among them)
    rank: int | None  # its place among the matches (0: first)
    matches: list[dict[str, Any]]

    def hit(self, threshold: float) -> bool:
        return self.score is not None and self.score >= threshold


def outcome(item: Item, result: dict[str, Any]) -> Outcome:
    wanted = set(item.entity.ids)
    for rank, match in enumerate(result["matches"]):
        if wanted & _ids(match):
            return Outcome(item, float(match["score"]), rank, result["matches"])
    return Outcome(item, None, None, result["matches"])


def metrics(outcomes: Sequence[Outcome], threshold: float) -> dict[str, Any]:
    pos = [o for o in outcomes if o.item.positive]
    neg = [o for o in outcomes if not o.item.positive]
    tp = sum(o.hit(threshold) for o in pos)
    fp = sum(o.hit(threshold) for o in neg)
    fn = len(pos) - tp
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / len(pos) if pos else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    at3 = sum(o.rank is not None and o.rank < 3 for o in pos) / len(pos) if pos else 0.0
    return {
        "threshold": threshold,
        "positives": len(pos),
        "negatives": len(neg),
        "tp": tp,
        "fn": fn,
        "fp": fp,
        "tn": len(neg) - fp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "recall_at_3": round(at3, 4),
        "fp_rate": round(fp / len(neg), 4) if neg else 0.0,
    }


def per_kind(outcomes: Sequence[Outcome], threshold: float) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for kind in (*POSITIVE_KINDS, *NEGATIVE_KINDS):
        mine = [o for o in outcomes if o.item.kind == kind]
        if not mine:
            continue
        hits = sum(o.hit(threshold) for o in mine)
        row: dict[str, Any] = {"n": len(mine), "reachable": sum(o.item.reachable for o in mine)}
        if mine[0].item.positive:
            row["recall"] = round(hits / len(mine), 4)
            row["recall_at_3"] = round(sum(o.rank is not None and o.rank < 3 for o in mine) / len(mine), 4)
            scores = [o.score or 0.0 for o in mine]
            row["mean_score"] = round(sum(scores) / len(scores), 4)
        else:
            row["fp"] = hits
            row["fp_rate"] = round(hits / len(mine), 4)
        out[kind] = row
    return out


def other_alerts(outcomes: Sequence[Outcome], threshold: float) -> dict[str, Any]:
    """Matches at the threshold on positive queries that are not their entry (may be namesakes)."""
    pos = [o for o in outcomes if o.item.positive]
    extra = [sum(1 for m in o.matches if m["score"] >= threshold and not set(o.item.entity.ids) & _ids(m)) for o in pos]
    return {
        "queries_with_other_alerts": sum(1 for x in extra if x),
        "other_alerts": sum(extra),
        "per_positive_query": round(sum(extra) / len(pos), 3) if pos else 0.0,
    }


def diagnose(graph: Graph, misses: Sequence[Outcome], threshold: float) -> list[dict[str, Any]]:
    """Each miss: was its entry among the index's candidates, what does the matcher score it
    directly, and what came back instead."""
    if not misses:
        return []
    records = [o.item.record() for o in misses]
    asked = [{"q": record_query(r.name, []), "types": list(_types(r))} for r in records]
    found: list[list[dict[str, Any]]] = []
    for i in range(0, len(asked), BATCH):
        found.extend(screening.candidates(graph, asked[i : i + BATCH], 60.0))
    known = entities(graph, (o.item.entity.id for o in misses))
    out = []
    for o, record, candidates in zip(misses, records, found, strict=True):
        wanted = set(o.item.entity.ids)
        retrieved = next(
            (i for i, c in enumerate(candidates) if wanted & {c["id"], *(m["id"] for m in c["members"])}), None
        )
        entity = known.get(o.item.entity.id)
        direct = score(record, [entity])[0] if entity else None
        row: dict[str, Any] = {
            **o.item.json(),
            "score": o.score,
            "rank": o.rank,
            "in_graph": entity is not None,
            "retrieved_at": retrieved,
            "candidates": len(candidates),
            "direct_score": direct.score if direct else None,
            "direct_explanation": _detail(direct.explanation) if direct else None,
            "explanation": _detail(o.matches[o.rank]["explanation"]) if o.rank is not None else None,
            "top": [
                {
                    "id": m["entity"]["id"],
                    "name": m["entity"]["name"],
                    "score": m["score"],
                    "explanation": _detail(m["explanation"]),
                }
                for m in o.matches[:3]
            ],  # fmt: skip
        }
        if not o.item.positive:
            why = "scored at or above the threshold"
        elif entity is None:
            why = "not in the graph"
        elif retrieved is None:
            why = "not retrieved by the index"
        elif direct is not None and direct.score < threshold:
            why = "retrieved, scored below the threshold"
        else:
            why = "retrieved and scored above, but not among the returned matches"
        row["why"] = why
        out.append(row)
    return out


def _types(record: ScreenRecord) -> Iterable[str]:
    return (t.value for t in SCREENED[record.type])


def _interleave(rows: Sequence[dict[str, Any]], key: str, reverse: bool, n: int) -> list[dict[str, Any]]:
    """``n`` rows, kinds taken in turn, each kind's worst first."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r[key] or 0.0) * (-1 if reverse else 1)):
        by_kind[row["kind"]].append(row)
    out: list[dict[str, Any]] = []
    while len(out) < n and any(by_kind.values()):
        for kind in list(by_kind):
            if by_kind[kind] and len(out) < n:
                out.append(by_kind[kind].pop(0))
    return out


# -- the run ------------------------------------------------------------------------------


def run(settings: Settings, graph: Graph, args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    ofac, csl = read_ofac(args.sdn, args.alt), read_csl(args.csl)
    link(ofac, csl)
    entries = [*ofac, *csl]
    items = labelled_set(entries, args.n, args.negatives, args.seed)
    print(f"{len(ofac)} OFAC and {len(csl)} CSL entries read; {len(items)} labelled queries", flush=True)

    res: dict[str, Any] = {"load": load(settings, args.sdn, args.alt, args.csl)}
    held = entities(graph, (i for item in items for i in item.entity.ids))
    kept = []
    for item in items:
        names = {
            _fold(n)
            for i in item.entity.ids
            if i in held
            for n in [held[i]["name"], *held[i]["aliases"], *held[i]["weak_aliases"]]
        }
        if not names:
            continue  # the loader did not make the entity (a reject)
        if item.kind in ("alias", "weak_alias"):
            item.reachable = _fold(item.name) in names
        kept.append(item)
    res["not_in_graph"] = len(items) - len(kept)
    items = kept
    counts = Counter(item.kind for item in items)
    reachable = Counter(item.kind for item in items if item.reachable)
    print(f"\nlabelled set ({res['not_in_graph']} item(s) whose entity the graph lacks left out):")
    for kind in (*POSITIVE_KINDS, *NEGATIVE_KINDS):
        print(f"  {kind:<17}{counts[kind]:>5}  (reachable {reachable[kind]})")

    screener = Screener(graph, threshold=args.threshold, limit=LIMIT)
    outcomes: list[Outcome] = []
    t = time.perf_counter()
    for i in range(0, len(items), BATCH):
        chunk = items[i : i + BATCH]
        results = screener.batch([item.record() for item in chunk])
        outcomes.extend(outcome(item, r) for item, r in zip(chunk, results, strict=True))
        print(f"  screened {len(outcomes)}/{len(items)} ({time.perf_counter() - t:.0f}s)", flush=True)
    res["screen_seconds"] = round(time.perf_counter() - t, 1)

    reach = [o for o in outcomes if o.item.reachable]
    res["at_threshold"] = metrics(outcomes, args.threshold)
    res["at_threshold_reachable"] = metrics(reach, args.threshold)
    res["per_kind"] = per_kind(outcomes, args.threshold)
    res["sweep"] = [metrics(outcomes, th) for th in SWEEP]
    res["sweep_reachable"] = [metrics(reach, th) for th in SWEEP]
    res["best_by_f1"] = max(res["sweep"], key=lambda m: (m["f1"], m["threshold"]))
    res["best_by_f1_reachable"] = max(res["sweep_reachable"], key=lambda m: (m["f1"], m["threshold"]))
    res["other_alerts"] = other_alerts(outcomes, args.threshold)

    misses = [o for o in outcomes if o.item.positive != o.hit(args.threshold)]
    t = time.perf_counter()
    diagnosed = diagnose(graph, misses, args.threshold)
    res["diagnose_seconds"] = round(time.perf_counter() - t, 1)
    fns = [d for d in diagnosed if d["expected"]]
    res["false_negatives_by_cause"] = dict(Counter(d["why"] for d in fns).most_common())
    res["false_negatives_by_cause_reachable"] = dict(Counter(d["why"] for d in fns if d["reachable"]).most_common())
    res["worst_false_negatives"] = _interleave([d for d in fns if d["reachable"]], "direct_score", False, 15)
    res["worst_false_positives"] = _interleave([d for d in diagnosed if d["forbidden"]], "score", True, 15)
    res["false_negatives"] = fns
    res["false_positives"] = [d for d in diagnosed if d["forbidden"]]
    res["outcomes"] = [
        {"id": o.item.id, "kind": o.item.kind, "score": o.score, "rank": o.rank,
         "top": o.matches[0]["score"] if o.matches else None}
        for o in outcomes
    ]  # fmt: skip
    res["items"] = [o.item for o in outcomes]
    res["seconds_before_write"] = round(time.perf_counter() - started, 1)
    return res


def report(res: dict[str, Any], threshold: float) -> None:
    def line(label: str, m: dict[str, Any]) -> str:
        return (
            f"{label:<22}{m['threshold']:>6.2f}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
            f"{m['recall_at_3']:>8.3f}{m['tp']:>6}{m['fn']:>6}{m['fp']:>6}{m['tn']:>6}"
        )

    head = f"{'':<22}{'thr':>6}{'P':>8}{'R':>8}{'F1':>8}{'R@3':>8}{'TP':>6}{'FN':>6}{'FP':>6}{'TN':>6}"
    print(f"\n{head}\n{line('all items', res['at_threshold'])}")
    print(line("reachable items", res["at_threshold_reachable"]))
    print(f"\nper kind at {threshold}:")
    for kind, row in res["per_kind"].items():
        if "recall" in row:
            print(f"  {kind:<17} n={row['n']:<4} recall {row['recall']:.3f}  recall@3 {row['recall_at_3']:.3f}  "
                  f"mean score {row['mean_score']:.3f}")  # fmt: skip
        else:
            print(f"  {kind:<17} n={row['n']:<4} false positives {row['fp']} ({row['fp_rate']:.1%})")
    print(f"\nthreshold sweep (all items | reachable items):\n{head}")
    for m, r in zip(res["sweep"], res["sweep_reachable"], strict=True):
        print(line("all", m))
        print(line("  reachable", r))
    b, br = res["best_by_f1"], res["best_by_f1_reachable"]
    print(f"best by F1: {b['threshold']} (F1 {b['f1']}); reachable items: {br['threshold']} (F1 {br['f1']})")
    oa = res["other_alerts"]
    print(f"alerts on other entities, positive queries: {oa['other_alerts']} on {oa['queries_with_other_alerts']} "
          f"queries ({oa['per_positive_query']} a query)")  # fmt: skip
    print(f"false negatives by cause: {res['false_negatives_by_cause']}")
    print(f"  reachable only: {res['false_negatives_by_cause_reachable']}")
    print("\nworst false negatives (reachable; lowest direct score first, kinds in turn):")
    for d in res["worst_false_negatives"]:
        print(f"- [{d['kind']}] {d['query']['name']!r} → {d['entity_name']!r} ({d['expected']}; {d['variant']})")
        print(f"    {d['why']}; returned at {d['score']}, direct score {d['direct_score']}: {d['direct_explanation']}")
        if d["top"]:
            top = d["top"][0]
            print(f"    top match: {top['name']!r} {top['score']}: {top['explanation']}")
    print("\nworst false positives (highest score first, kinds in turn):")
    for d in res["worst_false_positives"]:
        print(f"- [{d['kind']}] {d['query']['name']!r} ✗ {d['entity_name']!r} ({d['forbidden']}; {d['variant']})")
        print(f"    score {d['score']} (rank {d['rank']}): {d['explanation']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sdn", type=Path, default=SDN, help="OFAC sdn.csv (default: the 2023-09-28 full snapshot)")
    ap.add_argument("--alt", type=Path, default=None, help="an OFAC alt.csv to load with it (default: none)")
    ap.add_argument("--csl", type=Path, default=CSL, help="a CSL CSV (default: the 2025 sample)")
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--n", type=int, default=600, help="positives (default 600)")
    ap.add_argument("--negatives", type=int, default=None, help="negatives (default: half of --n)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--tag", default="", help="added to the result files' names (e.g. alt)")
    args = ap.parse_args()
    if args.negatives is None:
        args.negatives = args.n // 2
    started = time.perf_counter()
    with database() as settings, Graph.connect(settings) as graph:
        res = run(settings, graph, args)
    items: list[Item] = res.pop("items")
    res["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    res["total_seconds"] = round(time.perf_counter() - started, 1)
    res["config"] = {
        "sdn": str(args.sdn),
        "alt": str(args.alt) if args.alt else None,
        "csl": str(args.csl),
        "threshold": args.threshold,
        "cutoff": CUTOFF,
        "limit": LIMIT,
        "n": args.n,
        "negatives": args.negatives,
        "seed": args.seed,
        "matcher": matcher_info(),
    }
    RESULTS.mkdir(exist_ok=True)
    stem = f"{datetime.now(UTC):%Y-%m-%d}-screen-quality" + (f"-{args.tag}" if args.tag else "")
    out = RESULTS / f"{stem}.json"
    out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    labelled = RESULTS / f"{stem}-set.jsonl"
    labelled.write_text("".join(json.dumps(item.json(), ensure_ascii=False) + "\n" for item in items))
    report(res, args.threshold)
    print(f"\nwrote {out} and {labelled} ({res['total_seconds']}s in all)")


if __name__ == "__main__":
    main()
