"""Firm names in other scripts, which the Latin name patterns cannot see:

* Chinese: a run of Han characters ending in a company form (``安洵信息技术有限公司``,
  ``华为技术有限公司``, ``... 集团``);
* Russian: a legal form written in Cyrillic before a name, quoted or not (``ООО «Вектор»``,
  ``АО Лаборатория Касперского``, ``ПАО "Сбербанк"``).

A name in another script in parentheses right after a firm's Latin name is that firm
(``Anxun Information Technology Co., Ltd. (安洵信息技术有限公司)``), and so is a Latin name in parentheses
right after one (``华为技术有限公司 (Huawei Technologies Co., Ltd.)``): :func:`same_firm_in_parens` gives the
pairs, and the mention finder maps the other script's name onto the Latin one."""

from __future__ import annotations

import re

HAN_FIRM_RE = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)")
CYRILLIC_FIRM_RE = re.compile(
    r"(?<![\w-])(?:ООО|ОАО|ЗАО|ПАО|АО|НАО|ФГУП|ГУП|ФГБУ)[ \t]*"
    r"(?:[«\"„][^»\"“\n]{1,80}[»\"“]|[А-ЯЁ][а-яё-]+(?:[ \t]+[А-ЯЁ]?[а-яё-]+){0,4})"
)
_PARENS_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*\([ \t]*$")
_CLOSE_RE = re.compile(r"[ \t]*[);,]")


def firm_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of firm names in Han or Cyrillic script."""
    spans = [(m.start(), m.end()) for m in HAN_FIRM_RE.finditer(norm)]
    spans += [(m.start(), m.end()) for m in CYRILLIC_FIRM_RE.finditer(norm)]
    return sorted(spans)


def same_firm_in_parens(norm: str, latin_end: int, other_start: int, other_end: int) -> bool:
    """Is the name at ``[other_start, other_end)`` given in parentheses right after a name that ends
    at ``latin_end`` ("X Co., Ltd. (安洵信息技术有限公司)")?"""
    gap = norm[latin_end:other_start]
    return bool(_PARENS_AFTER_RE.fullmatch(gap)) and bool(_CLOSE_RE.match(norm, other_end))


def renamed(norm: str, mentions: list[tuple[int, int, str, bool]]) -> dict[str, str]:
    """Which firm ids in another script are a Latin-named firm's (``{other id: Latin id}``), from
    ``(start, end, id, is_firm)`` mentions in text order."""
    out: dict[str, str] = {}
    for (a_start, a_end, a_id, a_firm), (b_start, b_end, b_id, b_firm) in zip(mentions, mentions[1:], strict=False):
        if not (a_firm and b_firm and a_id != b_id and same_firm_in_parens(norm, a_end, b_start, b_end)):
            continue
        if _non_latin(norm[b_start:b_end]):
            out.setdefault(b_id, a_id)
        elif _non_latin(norm[a_start:a_end]):  # "华为技术有限公司 (Huawei Technologies Co., Ltd.)": the Latin name's id
            out.setdefault(a_id, b_id)
    return out


def _non_latin(name: str) -> bool:
    return not re.search(r"[A-Za-z]", name)
