"""The text itself: refusing garbage (empty, binary, not UTF-8, too large) and splitting it into
sentences. Character folding is :func:`schema.quotes.fold` (one character for one, so offsets
into the folded text are offsets into the original)."""

from __future__ import annotations

import re

from schema.errors import InvalidInput

MAX_CHARS = 10_000_000  # a larger text is refused (InvalidInput)
MAX_SENTENCE = 3_000  # longer "sentences" (no punctuation) are cut at white space
_CONTROL_LIMIT = 0.01  # share of control characters above which a text is called binary


def decode(text: str | bytes) -> str:
    """``text`` as a string; InvalidInput if it is binary, not UTF-8, too large or empty."""
    if isinstance(text, bytes):
        if b"\x00" in text[:65536]:
            raise InvalidInput("the input is binary, not text (NUL bytes)")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"the input is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if len(text) > MAX_CHARS:
        raise InvalidInput(f"the text has {len(text)} characters; the limit is {MAX_CHARS}")
    if not text.strip():
        raise InvalidInput("the text is empty")
    sample = text[:200_000]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if "\x00" in sample or control > _CONTROL_LIMIT * len(sample):
        raise InvalidInput("the input looks binary, not text (control characters)")
    return text


# -- sentences ---------------------------------------------------------------------------------

_ABBREV = frozenset(
    {
        "inc",
        "ltd",
        "co",
        "corp",
        "sdn",  # legal forms abbreviated like "Ltd.": "Sdn. Bhd.", "Pte. Ltd.", "Pvt. Ltd."
        "bhd",
        "pte",
        "pvt",
        "no",
        "nos",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "vs",
        "jr",
        "sr",
        "gen",  # ranks before a name: "Lt. Gen. X", "Brig. Gen. X", "Col. X", "Adm. X"
        "lt",
        "maj",
        "col",
        "capt",
        "adm",
        "brig",
        "sgt",
        "cmdr",
        "sen",
        "rep",
        "gov",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "sec",
        "art",
        "para",
        "fig",
        "approx",
        "dept",
        "est",
        "u.s",
        "e.o",
        "d.c",
        "u.k",
        "e.u",
        "u.n",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
        "etc",
        "cf",
        "al",
    }
)
# an abbreviation that also ends sentences ("... Arctic Holdings Ltd. The company ...", "... by the U.S. In a
# statement ..."): before a word that opens a sentence and begins no name, the sentence ends after all
_ENDS_TOO = frozenset({"inc", "ltd", "co", "corp", "bhd", "u.s", "u.k", "u.n", "d.c", "etc"})
OPENER_RE = re.compile(  # a word that opens a sentence of a text's own, never a name
    r"(?:The|This|That|These|Those|It|Its|He|She|They|We|Our|In|On|At|As|Under|After|Before|While|Since|According|"
    r"However|Today|Also|Both|Each|All|Any|Additionally|Furthermore|Moreover|Separately|Meanwhile)\b"
)
# Latin letters, accented ones too, as the inside of a class ("Aéreocargo", "Société Générale", "Şahin", "Núñez",
# "Nguyễn"): Latin-1, Latin Extended-A and -B, Latin Extended Additional
_LATIN = [
    chr(c) for block in ((0xC0, 0x250), (0x1E00, 0x1F00), (0x400, 0x530)) for c in range(*block) if chr(c).isalpha()
]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LETTERS = "A-Za-z" + "".join(_LATIN)
# a Korean given name's second syllable after a hyphen ("Jin-hyok", "Nak-yon", "Jong-un"), not a compound's tail
# ("Iran-run", "Mali-born", "Biden-era")
SYLLABLE_TAIL = (
    r"-(?!(?:run|led|era|born|made|wide|free|like|type|held|size|old|term|up|in|out|on|off|end)\b)[a-z]{2,4}"
)
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
_BLOCK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*|\n\s*(?=[^\sa-z])")  # not before a lower-case continuation
# a sentence ends before a capital (an accented one too: "Élysée"), a digit, or a name in another script (Han,
# Cyrillic, Arabic)
_SPLIT_RE = re.compile(
    rf"(\S*?)[.!?][\"')\]]*(\s+)(?=[\"'(\[]?[{UPPER}0-9\u4e00-\u9fff\u0401\u0410-\u042f\u0600-\u06ff])"
)


def hard_wrapped(norm: str) -> bool:
    """Is the text wrapped at a fixed width (a bill, a Federal Register notice), so that a single
    line break is only a space? Else a line break ends a paragraph (a headline, a list item)."""
    lengths = [len(line.rstrip()) for line in norm.splitlines() if line.strip()][1:]  # a headline is not wrapped
    if len(lengths) < 5:
        return False
    longest = max(lengths)
    return longest <= 120 and sum(1 for n in lengths if n >= 0.6 * longest) >= 0.5 * len(lengths)


# a line break inside prose: after a word or a comma, before a word (not a rule "=====", a bracket, a heading's end)
_SINGLE_BREAK_RE = re.compile(r"(?<=[A-Za-z0-9,;’'\"])[ \t]*\n(?=[ \t]*[A-Za-z0-9\"'(“])")


# a compound's dash: "a Hong Kong–based firm" (an en dash after an open compound, as style guides ask)
_COMPOUND_DASH_RE = re.compile(
    r"(?<=[^\W\d_])[\u2012\u2013](?=(?:based|owned|controlled|backed|linked|affiliated|registered|headquartered|"
    r"flagged|sponsored|run)\b)"
)


def compound_hyphens(norm: str) -> str:
    """The text with a compound's en dash a hyphen (same length, same offsets): "Hong Kong–based" reads as
    "Hong Kong-based"; a dash between words or numbers ("2019–2020", "Iran – and Russia") stays."""
    return _COMPOUND_DASH_RE.sub("-", norm)


def unwrapped(norm: str) -> str:
    """A hard-wrapped text with each line break the wrapping made a space (same length, same offsets), so a
    name or a title wrapped over two lines ("Assistant Secretary for Export / Enforcement") is one run. A break
    after a short line (a heading, a list's item, a paragraph's last line) stays."""
    if not hard_wrapped(norm):
        return norm
    width = max(len(line.rstrip()) for line in norm.splitlines()[1:] if line.strip())

    def space(m: re.Match[str]) -> str:
        line_start = norm.rfind("\n", 0, m.start()) + 1
        line = norm[line_start : m.start()]
        full = len(line) >= 0.6 * width and line.count(" ") >= 3
        return " " * len(m.group(0)) if full else m.group(0)

    return _SINGLE_BREAK_RE.sub(space, norm)


def sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans: blank lines end a block, and so does a single line break before a line
    that does not start in lower case, unless the text is hard-wrapped; within a block, ., ! or ?
    before a capital."""
    spans: list[tuple[int, int]] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    block_re = _BLOCK_RE if hard_wrapped(norm) else _LINE_RE
    for m in block_re.finditer(norm):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(norm)))
    for b0, b1 in blocks:
        start = b0
        for m in _SPLIT_RE.finditer(norm, b0, b1):
            token = m.group(1).lstrip("\"'([").lower()
            line_start = norm.rfind("\n", 0, m.start(1)) + 1
            if token.isdigit() and len(token) <= 2 and not norm[line_start : m.start(1)].strip():
                continue  # "1. Avin Electronics ...;": a numbered item's marker, no sentence's end
            if token in _ENDS_TOO and OPENER_RE.match(norm, m.end()):
                pass  # "Ltd. The company ...": a sentence ends
            elif token in _ABBREV or re.fullmatch(r"[a-z]", token) or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token):
                continue
            spans.append((start, m.start(2)))
            start = m.end()
        spans.append((start, b1))
    out: list[tuple[int, int]] = []
    for s0, s1 in spans:
        while s0 < s1 and norm[s0].isspace():
            s0 += 1
        while s1 > s0 and norm[s1 - 1].isspace():
            s1 -= 1
        while s1 - s0 > MAX_SENTENCE:  # a wall of text without punctuation: cut at a space
            cut = norm.rfind(" ", s0, s0 + MAX_SENTENCE)
            cut = cut if cut > s0 else s0 + MAX_SENTENCE
            out.append((s0, cut))
            s0 = cut + 1
        if s1 > s0:
            out.append((s0, s1))
    return _join_lists(norm, out)


_ITEM_END_RE = re.compile(r";(?:\s*(?:and|or))?$")
# a bulleted or numbered item line: "• X", "- X", "(1) X", "2. X"
BULLET = r"[\u2022\u25aa\u25e6\u2023\u00b7*-]"  # the marks a list item a line opens with
ITEM_MARK = rf"(?:{BULLET}|\(?\d{{1,2}}[.)]|\([a-z]\))"  # what opens a list's item: "- A", "1. A", "(a) A"
BULLET_RE = re.compile(rf"[ \t]*{ITEM_MARK}[ \t]+")


_SALUTATION_RE = re.compile(r"(?:Dear|To)\s")  # "Dear Secretary Hegseth and Chairman Carr:": a letter opens, no list


def _join_lists(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A list a colon opens, one item a line ("... designated:" / "A;" / "B; and" / "C.", or "• A" /
    "• B"), is one sentence: the line that ends in a colon and the items after it, up to the first that
    does not end in a semicolon and is not followed by another bulleted item (at most 60 items, and no
    longer than a sentence may be)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        s0, s1 = spans[i]
        j = i
        if (
            (norm[s1 - 1] == ":" and not _SALUTATION_RE.match(norm, s0)) or _colon_before_bullet(norm, spans, i)
        ) and not (j + 1 < len(spans) and _item_sentence(norm, spans[j + 1])):
            while j + 1 < len(spans) and j - i < 60 and spans[j + 1][1] - s0 <= MAX_SENTENCE:
                j += 1
                bulleted = j + 1 < len(spans) and BULLET_RE.match(norm, spans[j + 1][0])
                if not bulleted and not _ITEM_END_RE.search(norm, spans[j][0], spans[j][1]):
                    break
        out.append((s0, spans[j][1]))
        i = j + 1
    return out


# an item that is a sentence of its own: "Mohamed Mire is a senior al-Shabaab leader responsible for ... ."
_ITEM_SENTENCE_RE = re.compile(r"[^\n;:]{2,120}?[ \t](?:is|was|has[ \t]+been)[ \t]+(?:a|an|the|also)\b")


def _item_sentence(norm: str, span: tuple[int, int]) -> bool:
    return norm[span[1] - 1] == "." and _ITEM_SENTENCE_RE.match(norm, span[0]) is not None


def _colon_before_bullet(norm: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Does span ``i`` end with a colon and its first bulleted item ("... are: • A")?"""
    s0, s1 = spans[i]
    colon = norm.rfind(":", s0, s1)
    if colon < 0:
        return False
    gap = re.compile(r"\s*").match(norm, colon + 1)
    return "\n" in norm[colon:s1] and gap is not None and BULLET_RE.match(norm, gap.end()) is not None


# a notice's contact block: "FOR FURTHER INFORMATION CONTACT: The FinCEN Resource Center, 1-800-..." up to the
# next field ("SUPPLEMENTARY INFORMATION:"), a header field and no claim (tests/fixtures/articles/README.md, rule 3)
_CONTACT_RE = re.compile(
    r"FOR[ \t]+FURTHER[ \t]+INFORMATION[ \t]+CONTACT:(?:.|\n){0,800}?(?=SUPPLEMENTARY[ \t]+INFORMATION:|\n[ \t]*\n|$)"
)


def contact_blocks(norm: str) -> list[tuple[int, int]]:
    """Where a notice gives whom to contact: its own header field, no sentence of the text's claims."""
    return [(m.start(), m.end()) for m in _CONTACT_RE.finditer(norm)]
