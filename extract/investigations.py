"""Rule: who investigated whom, and the case a release is about.

``the FBI investigated X``, ``X was investigated by Y``, ``the FCC launched an investigation into X``, ``X
cooperated with the investigation by Y`` → X ``investigated-by`` Y. An enforcement release's "The case was
investigated by A and the B" and "A investigated the case" fall on the party its penalty or order fell on (an
earlier sentence's ``acted-against``), else on the first firm the release names.
"""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate

from .cues import CASE_INVESTIGATED_BY_RE, INVESTIGATE_RE, INVESTIGATED_THE_CASE_RE, INVESTIGATION_BY_RE
from .mentions import AFFECTED, AUTHORITY
from .sentence import Sentence

T = EntityType
P = Predicate
_ITS_RE = re.compile(r"(?:its|their)\s", re.IGNORECASE)


def rule_investigated(sent: Sentence) -> None:
    """``FBI investigated X`` / ``X was investigated by Y`` → X investigated-by Y; "The case was investigated by Y"
    falls on the release's party."""
    for cue in sent.cues(INVESTIGATE_RE):
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue  # "we request that the FCC investigate X": asked for, not done
        if sent.passive(cue):
            subs = sent.subjects_before(cue.start(), AFFECTED)
            auth = sent.by_agent(cue.end(), AUTHORITY)
        else:
            named = [m for m in sent.before(cue.start(), AUTHORITY) if not sent.is_modifier(m)]
            if _ITS_RE.match(cue.group(0)):
                named = named[-1:]  # "CBP identified the following ILO indicators during its investigation": CBP's
            auth = named[0] if named else None
            window = sent.doc.norm[cue.end() : sent.end]
            stop = re.search(r"\b(?:whether|to\s+determine|if)\b", window)
            limit = cue.end() + (stop.start() if stop else len(window))
            subs = [m for m in sent.objects_after(cue.end(), AFFECTED) if m.start < limit]
        if auth is not None:
            for s in subs:
                sent.add(s, P.INVESTIGATED_BY, auth, cue, 0.6)
    for cue in sent.cues(INVESTIGATION_BY_RE):  # "X cooperated with the investigation by Y"
        auth = sent.by_agent(cue.end(), AUTHORITY)
        if auth is not None and not sent.negated(cue.start()):
            for s in sent.subjects_before(cue.start(), AFFECTED):
                sent.add(s, P.INVESTIGATED_BY, auth, cue, 0.6)
    passive, active = sent.cues(CASE_INVESTIGATED_BY_RE), sent.cues(INVESTIGATED_THE_CASE_RE)
    if not (passive or active):
        return
    # the party the release's penalty or order fell on, in an earlier sentence, else the first firm it names
    case = sent.doc.case_party or next((m.eid for m in sent.doc.mentions if m.etype is T.FIRM), None)
    if case is None:
        return
    for cue in passive:  # "The case was investigated by X"
        auth = sent.by_agent(cue.end(), AUTHORITY)
        for a in sent.group(auth, 1, AUTHORITY) if auth is not None else []:  # "A and the B"
            sent.add(case, P.INVESTIGATED_BY, sent.head(a), (cue.start(), a.end), 0.55, pronoun=True)
    for cue in active:  # "X investigated the case"
        for a in sent.subjects_before(cue.start(), AUTHORITY)[:1]:
            sent.add(case, P.INVESTIGATED_BY, sent.head(a), (a.start, cue.end()), 0.55, pronoun=True)
