"""Which lines of a text are headlines: a line in title case (most words capitalised, no stop at its end)
names its parties only by strong cues, as every word there is capitalised (:func:`in_heading`)."""

from __future__ import annotations

import bisect
import re

from .text import BULLET_RE

__all__ = ["heading_lines", "in_heading", "list_intro"]

_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "by", "with", "at", "from"})
_WORD = re.compile(r"[A-Za-z][\w'-]*")


def in_heading(norm: str, pos: int) -> bool:
    """Is ``pos`` on a line in title case (a headline: most words capitalised)?"""
    return heading_lines(norm).covers(pos)


# a quotation (not the words between two: '..." said X of Y. "...'), without a full stop at its end
_QUOTED_RE = re.compile(r"[\u201c\"](?=\S)([^\u201c\u201d\"\n]{20,200}?)(?<=[^\s.])[,]?[\u201d\"]")
_ITEM_END_RE = re.compile(r";(?:[ \t]+(?:and|or))?[ \t]*$")  # an unmarked item's end: "A;", "B; and"
_ITEM_RE = BULLET_RE  # "- A", "1. A", "(a) A": a list's item (extract.text)
# a digest's item: a title-case lead-in, a colon, then its sentences
_LEAD_IN_RE = re.compile(r"[ \t]*(?:[-\u2022*][ \t]+)?([^:\n]{10,160}):[ \t]")


def _title_case(text: str) -> bool:
    words = _WORD.findall(text)
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL)
    return len(words) >= 4 and caps >= 0.85 * len(words)


class _Headings:
    """The title-case lines of one text, found once (a sorted list of spans)."""

    def __init__(self, norm: str) -> None:
        self.spans: list[tuple[int, int]] = []
        pos = 0
        listed = False  # in a list a colon opened: "The seven entities are:", then "- A", "- B": items, no headlines
        for line in norm.split("\n"):
            end = pos + len(line)
            bare = re.sub(r"[ \t]+(?:and|or)$", "", line.rstrip())  # "- Korea's National Police Agency (NPA); and"
            item = _ITEM_RE.match(line) is not None
            listed = (listed and (item or not line.strip())) or (bool(bare) and bare.endswith(":") and not item)
            if listed and item:
                pass
            elif len(line) <= 300 and not bare.endswith((".", "?", "!", ";", ":", ",")) and _title_case(line):
                self.spans.append((pos, end))  # no stop, no comma
            elif (lead := _LEAD_IN_RE.match(line)) is not None and _title_case(lead.group(1)):
                self.spans.append((pos, pos + lead.end(1)))  # "- OFAC Sanctions Russian Banks: OFAC on Nov. 21 ..."
            else:  # a headline or a title quoted in a sentence: 'warning, "China Starts Buying U.S.-Sanctioned Gas"'
                self.spans.extend(
                    (pos + q.start(1), pos + q.end(1)) for q in _QUOTED_RE.finditer(line) if _title_case(q.group(1))
                )
            pos = end + 1
        self.starts = [s for s, _ in self.spans]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos <= self.spans[i][1]


_HEADINGS: dict[int, tuple[str, _Headings]] = {}


def heading_lines(norm: str) -> _Headings:
    """The headings of ``norm``, cached for the text being read (one entry)."""
    hit = _HEADINGS.get(id(norm))
    if hit is not None and hit[0] is norm:
        return hit[1]
    found = _Headings(norm)
    _HEADINGS.clear()
    _HEADINGS[id(norm)] = (norm, found)
    return found


def list_intro(norm: str, pos: int) -> str | None:
    """The line that opens the list whose item begins at ``pos`` ("The seven entities are:" above "- A", "1. B"),
    or None where ``pos`` opens no item of a list a colon opened."""
    line_start = norm.rfind("\n", 0, pos) + 1
    item = _ITEM_RE.match(norm, line_start)
    bare = item is None and not norm[line_start:pos].strip()  # "A, including two aliases (...);" a paragraph each
    if not bare and (item is None or item.end() != pos):
        return None
    end = line_start - 1
    while end > 0:
        start = norm.rfind("\n", 0, end) + 1
        line = norm[start:end]
        if line.strip() and (bare and _ITEM_END_RE.search(line) or not bare and _ITEM_RE.match(line)):
            end = start - 1
            continue
        if line.strip():
            return line.strip() if line.rstrip().endswith(":") else None
        end = start - 1
    return None
