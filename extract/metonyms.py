"""A capital standing for its state, as news writes: "Washington accused Tehran of supplying drones",
"Beijing has denied the allegations", "new sanctions on Moscow", "ties to Beijing".

A capital is read as its state only where a state acts or is acted on: right before a verb a state
does (said, accused, denied, imposed, sanctioned, ...; "continues to accuse", "has long denied"), or
right after "accuse", "sanctions on/against", "pressure on", "ties/links to". Elsewhere ("officials in
Beijing", "a Moscow-based firm", "Washington, D.C.") it is a place and no party. Which country a
capital is the capital of comes from GeoNames (:func:`reference.cities.capital_country`); "Brussels"
speaks for the European Union, not for Belgium."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reference.cities import capital_country
from reference.countries import country_id
from schema.ontology import EntityType

# capitals that speak for a union rather than for their own state
_FOR_A_UNION = {"Brussels": "organization:eu"}

_NAME = r"(?<![\w.'’-])(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?![\w'’-])"
_ADVERB = r"(?:also|long|repeatedly|previously|already|again|reportedly|publicly|strongly|swiftly)[ \t]+"
_AUX = r"(?:has|have|had|will|would|is|was|continues[ \t]+to|continued[ \t]+to)[ \t]+"
_ACTS = (
    r"(?:said|says|say|denied|denies|deny|accused|accuses|accuse|accusing|blamed|blames|blame|warned|warns|warn|"
    r"imposed|imposes|impose|sanctioned|sanctions|sanction|banned|bans|ban|rejected|rejects|reject|condemned|"
    r"condemns|condemn|retaliated|retaliates|retaliate|threatened|threatens|threaten|insisted|insists|insist|"
    r"maintained|maintains|maintain|vowed|vows|vow|urged|urges|urge|demanded|demands|demand|designated|"
    r"designates|designate|blacklisted|blacklists|blacklist|protested|protests|protest|responded|responds|respond)"
)
# "Washington accused ...", "Beijing has long denied ...", "Washington continues to accuse ..."
_ACTOR_RE = re.compile(rf"{_NAME}(?=[ \t]+(?:{_AUX})?(?:{_ADVERB})*{_ACTS}\b)")
# "accused Tehran of", "sanctions on Moscow", "pressure on Beijing", "ties to Beijing"
_ACTED_ON_RE = re.compile(
    r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|sanctions?[ \t]+(?:on|against)|pressure[ \t]+on|"
    r"(?:ties|links|connections?)[ \t]+(?:to|with))[ \t]+" + _NAME
)
# a place, not an actor: "officials in Beijing said", "from Moscow"
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|into|near|outside|via)[ \t]+$")


def capitals(norm: str) -> Iterator[tuple[int, int, str, EntityType]]:
    """(start, end, entity id, type) of each capital in ``norm`` that stands for its state (or union)."""
    seen: set[int] = set()
    for rx in (_ACTOR_RE, _ACTED_ON_RE):
        for m in rx.finditer(norm):
            start, end = m.span("name")
            if start in seen or (rx is _ACTOR_RE and _PLACE_BEFORE_RE.search(norm, max(0, start - 10), start)):
                continue
            name = m.group("name")
            eid = _FOR_A_UNION.get(name)
            if eid is None and (code := capital_country(name)) is not None:
                eid = country_id(code)
            if eid is not None:
                seen.add(start)
                yield start, end, eid, EntityType.COUNTRY if eid.startswith("country:") else EntityType.ORGANIZATION
