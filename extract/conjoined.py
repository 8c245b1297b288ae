"""A run of capitalised words over "and": one name or two ("Bank of Industry and Commerce" is one;
"Sergey Gorkov and Zhang Min", "Huawei and ZTE", "Higon and Chengdu Haiguang Integrated Circuit" are two),
and the names groups give themselves ("al-Shabaab", "Jaish e-Mohammed", "Cártel de Sinaloa")."""

from __future__ import annotations

import re

from reference.cities import city_country

from .legal_forms import legal_form_last
from .patterns import GROUP_HEAD_RE, PREFIX_RE, THREAT_NAME_RE
from .personal import person_shaped
from .text import UPPER
from .towns import place_name

PARTICLE = r"(?:e|i|ul|ut|ud|ur)-"  # "Jaish e-Mohammed", "Lashkar e-Tayyiba"
AND_SPLIT = re.compile(r"[ \t]+and[ \t]+")
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")  # "ZTE", "DJI", "SMIC": a name on its own
# a firm's legal form closing the left side: what follows "and" is another name ("Kassem Rmeiti and Company and
# Halawi Exchange", "Acme Corp. and Beta Trading"); not a word inside names ("Alpha Trading and Investment Company")
FORM_START_RE = re.compile(r"(?:Company|Co\.|Sons|Partners|Associates|Brothers)\b")  # "A and Company": one name
_FORM_END_RE = re.compile(
    r"[ \t](?:Company|Co\.|Corporation|Corp\.|Inc\.?|Incorporated|Ltd\.?|Limited|LLC|LLP|GmbH|PLC)$"
)


def parted(
    norm: str, start: int, end: int, common: frozenset[str], wholes: frozenset[str] = frozenset(), listed: bool = False
) -> list[tuple[int, int]]:
    """A name run over "and" is two names when each side is whole on its own: a person's name or
    a name ending in a legal form or a group's ("Sergey Gorkov and Zhang Min", "Ivan Petrov and Delta
    Trading LLC", "Jaish e-Mohammed and Lashkar e-Tayyiba"), or when one side is an acronym and the
    other whole or one word ("Huawei and ZTE"); "Bank of Industry and Commerce" stays one."""
    for part in AND_SPLIT.finditer(norm, start, end):
        left, right = norm[start : part.start()], norm[part.end() : end]
        lw, rw = _whole(left, common) or left in wholes, _whole(right, common) or right in wholes
        acronym = ACRONYM.fullmatch(left) or ACRONYM.fullmatch(right)
        capitals = left.isupper() and right.isupper()  # "the vessels NAVIG8 ONE and OCEAN FORTUNE": two
        if (
            (lw and (rw or place_name(right)))  # "Cytrox AD and Hungary's ...": a place is no name's part
            or (" " not in right and person_shaped(left, common) and not FORM_START_RE.match(right))  # "Dmitry
            # Lebedev and Transneft president X", not "Kassem Rmeiti and Company"
            or (
                listed and len(left.split()) >= 2 and len(right.split()) >= 2 and not FORM_START_RE.match(right)
            )  # "..., A B and C D": the list's last two
            or (listed and " " not in left and " " not in right)  # "..., Digital Security, ERPScan and Embedi"
            or (_FORM_END_RE.search(left) and len(right.split()) >= 2)  # "X and Company and Halawi Exchange"
            or capitals
            or _two_firms(left, right)
            or (acronym and (lw or " " not in left) and (rw or " " not in right))
        ):
            return [(start, part.start()), *parted(norm, part.end(), end, common, wholes, listed)]
    return [(start, end)]


def _two_firms(left: str, right: str) -> bool:
    """ "Chengdu Haiguang Integrated Circuit and Chengdu Haiguang Microelectronics Technology" (one first
    word), "Higon and Chengdu Haiguang Integrated Circuit" (a city opens the second): two firms' names."""
    lw, rw = left.split(), right.split()
    return len(rw) >= 2 and ((len(lw) >= 2 and lw[0] == rw[0]) or city_country(rw[0]) is not None)


def _whole(name: str, common: frozenset[str]) -> bool:
    """A name whole on its own: "OOO Sky Frame" (a legal form first), "Salt Typhoon" (a threat group's)."""
    return (
        legal_form_last(name)
        or group_name(name)
        or person_shaped(name, common)
        or bool(PREFIX_RE.match(name) or THREAT_NAME_RE.fullmatch(name))
    )


_GROUP_PARTICLE = re.compile(rf"(?:^|[ \t-]){PARTICLE}[{UPPER}]")


def group_name(name: str) -> bool:
    """A group's name: led by an Arabic article ("al-Shabaab"), joined by a particle ("Jaish e-Mohammed") or
    opened by a group's head word ("Harakat Sawa'd Misr", "Liwa al-Thawra", "Kata'ib Hizballah")."""
    grouped = name.startswith(("al-", "el-")) or _GROUP_PARTICLE.search(name) or GROUP_HEAD_RE.match(name)
    return bool(grouped) and not legal_form_last(name)


_GROUP_IN_RE = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'-]+)(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'-]+){0,2}")


def group_place_end(norm: str, start: int, end: int) -> int:
    """Where a group's name ends that goes on with its place ("Ansar al-Sharia in Darnah" and "Ansar al-Sharia in
    Libya" are two groups), else ``end``."""
    place = _GROUP_IN_RE.match(norm, end) if group_name(norm[start:end]) else None
    return place.end() if place is not None else end
