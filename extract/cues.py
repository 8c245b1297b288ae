"""Cue phrases, matched per sentence on the folded text: the verbs and nouns that select a
predicate (``banned``/``prohibiting`` → ``banned-by``, ``added ... to <List>`` → ``listed-on``,
``ties to``/``coordinated with`` → ``alleged-tie-to``, ...), the stance cues (``alleging``,
``denied``, ``reported``, ``..., the report said``), the irrealis and negation that void or
weaken a cue, the gaps that join two mentions (``'s``, ``of the``, ``and``), and the phrasings of
where a firm is headquartered ("the Russian cybersecurity firm, X", "X (Russia)")."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Stance

from .builtin import DEMONYM_WORDS, builtin
from .patterns import DEMONYM_ALT, LAWMAKER_TITLE, PARTY_STATE
from .text import BULLET, ITEM_MARK

T = EntityType
_I = re.IGNORECASE

# -- predicates --------------------------------------------------------------------------------

BAN_RE = re.compile(
    r"\b(?:ban|bans|banned|banning|prohibit|prohibits|prohibited|prohibiting|barred|bars|barring|"
    r"outlaw(?:s|ed)?|remove|removes|discontinue|sever(?:s|ed|ing)?)\b",  # "severs X from the U.S. financial system"
    _I,
)
# a party taken off lists: "remove the FARC from the Foreign Terrorist Organizations (FTO) and SDGT lists"
FROM_LISTS_RE = re.compile(r"[^.;]{0,120}?\bfrom\s+(?:the\s+)?[^.;]{0,100}?\blists?\b", _I)
# a measure as what its targets face: "X face the ban", "Y is subject to a ban", "Z, already under a ban"
FACED_BEFORE_RE = re.compile(r"\b(?:face[sd]?|facing|under|subject\s+to)\s+(?:(?:a|an|the|this|that)\s+)?$", _I)
LIST_CUE_RE = re.compile(
    r"\b(?:add|adds|added|adding|additions?|designat(?:e|es|ed|ing)|list(?:s|ed|ing)?|"
    r"plac(?:e|es|ed|ing)|put|puts|includ(?:e|es|ed|ing)|inclusion)\b",
    _I,
)
# the document's issuer named by its head word: "the Commission ordered", "The Department is designating"
ISSUER_REF_RE = re.compile(r"\b(?:the|this)\s+(?:Commission|Department|Bureau|Agency|Office|Board|Administration)\b")
SANCTION_RE = re.compile(
    r"\b(?:sanction(?:s|ed|ing)?(?!-)|(?:re-?)?designat(?:e|es|ed|ing)|designations?(?=\s+of\b)|"
    r"blacklist(?:s|ed|ing)?|froze|"
    r"(?<=\baction\s)targets|(?<=\bactions\s)target|"  # "Today's action targets X": the release's sanction
    r"identified(?=\s+as\s+blocked\s+property)|"
    # "the Department of State identified the Sinaloa Cartel as an FTO": a designation in other words
    r"(?:identified|listed)(?=\s+(?:the\s+)?(?:(?:(?-i:[A-Z])|[(\"]+(?-i:[A-Z]))[\w'\u2019.,()\"-]*\s+|(?:de|del|of|and)\s+){1,10}"
    r"as\s+(?:an?\s+)?(?:FTO|Foreign\s+"
    r"Terrorist\s+Organization|Specially\s+Designated\s+(?:Global\s+Terrorist|National)|SDGT|SDN)s?\b)|"
    # a visa sanction on named persons: "has revoked the visas of X", "imposed visa restrictions on X"
    r"revok(?:e|es|ed|ing)\s+(?:the\s+)?visas?(?=\s+of\s+[A-Z])|visa\s+restrictions(?=\s+on\s+[A-Z])|"
    r"asset[ -]freeze)\b",  # not "sanctions-evasion", "sanctions-related": a compound's first word
    _I,
)
# a measure withdrawn by its maker, right before "sanctions on X" or "the designation of X": "Treasury lifted
# sanctions on X", "the removal of sanctions against X", "rescinded the designation of X" (not "eased")
SANCTION_LIFTED_BEFORE_RE = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|revok(?:e|es|ed|ing)|"
    r"(?:lifting|removal|revocation|rescission|termination)\s+of)\s+(?:the\s+|its\s+|all\s+|remaining\s+|U\.S\.\s+)*$|"
    r"\bno\s+longer\s+(?:\w+\s+)?$",  # "The UNSC no longer sanctions X"
    _I,
)
TIE_POSTS = r"(?:leader|member|representative|commander|founder|emir|amir|boss|kingpin|lieutenant)"  # held in a body
TIE_RE = re.compile(
    r"\b(?:(?P<between>(?:ties|links|connections|relationship)\s+between)|"
    # not "in connection with" (an idiom: regarding)
    r"(?<!\bin\s)(?:ties?|links?|connections?|relationships?|dealings)\s+(?:\w+\s+){0,2}?(?:to|with)|"
    r"(?:linked|connected|tied)\s+to|(?<='s\s)attribution\s+to|"  # "Snake's attribution to the FSB"
    r"(?:cooperat|coordinat|collaborat|collud|conspir)\w*\s+with(?!\s+(?:the|an|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:investigation|inquiry|probe|review)\b)|"  # "cooperated with the investigation by X": investigated, no tie
    r"(?<!owned\sand\s)(?:controlled|directed|influenced|dictated|run)\s+by|(?:control|direction|influence|behest)\s+of|"
    # who set a party up or pays for it: "established by Iran's insurance regulator", "funded by the IRGC"
    r"(?:established|founded|created|set\s+up|funded|financed|bankrolled)\s+by|"
    r"(?<=[a-z]\s)(?:co-?)?founded(?=\s+(?:the\s+)?(?-i:[A-Z]))|"  # "Stanislav Vorobyev founded the Russian ..."
    r"(?:exploitation|influence|control|direction)\s+by|"
    r"on\s+behalf\s+of|work(?:ing|ed|s)?\s+(?:for|with)|(?:beholden|subservient|answerable)\s+to|"
    # a post in a state body: "both of whom worked in Brazil's Ministry of Health", "served at the Interior Ministry"
    r"(?:work|serv)(?:ing|ed|es|s)?\s+(?:in|at)(?=\s+(?:the\s+)?(?:[A-Z][\w.]*'s?\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:Ministry|Ministries|Department|Bureau|Agency|Directorate|Service|Committee|Council)\b)|spy(?:ing)?\s+for|spied\s+for|agents?\s+of|"
    # "affiliated with X", "an associate of X", "X's proxies", "a conduit for X"
    r"(?:affiliated|associated)\s+with|(?:associates?|affiliates?|prox(?:y|ies)|conduits?)\s+(?:of|for|to)|"
    # E.O. criteria: "a leader, official, senior executive officer, or member of the board of directors of X"
    r"(?:member\s+of\s+the\s+board\s+of\s+directors|senior\s+executive\s+officer)\s+of|"
    r"fronts?(?:\s+(?:compan(?:y|ies)|organi[sz]ations?|firms?|entit(?:y|ies)))?\s+for|"  # "a front company for X"
    # support named in a party's description: "a DPRK entity that has provided support to X", "a bank that has
    # assisted X", "a leader in the X cartel", "a representative for an organization subordinate to X"
    r"provid(?:ed|es|ing|e)(?:\s+or\s+attempted\s+to\s+provide)?\s+(?:[\w-]+\s+){0,3}?(?:support\s+(?:to|for)|services\s+to)|"
    r"(?:has|have|had)\s+(?:materially\s+)?assisted|"
    r"\b(?:his|her|its|their)\s+(?:material\s+)?support\s+(?:to|for)|"  # "sanctioned for his support to X"
    # the reason a designation gives: "for engaging in significant transactions with X", "for its role in supporting X"
    r"engag(?:e|es|ed|ing)\s+in\s+(?:a\s+)?(?:significant\s+)?(?:transactions?|business|dealings)\s+with|"
    r"\b(?:his|her|its|their)\s+role\s+in\s+(?:supporting|assisting|facilitating|enabling)|"
    r"(?:(?:a|an|the)\s+|(?<=\bis\s)|(?<=\bwas\s))(?:[\w-]+\s+){0,2}?"
    rf"{TIE_POSTS}\s+(?:in|of|for)"
    r"(?:\s+an?\s+(?:organization|entity)\s+(?:subordinate|linked)\s+to)?|"
    # "A, B, and C were officers with the Hainan State Security Department" (not "arrested by officers with X")
    r"(?:(?<=\bwere\s)|(?<=\bwas\s)|(?<=\bare\s)|(?<=\bis\s))(?:(?!by\b)[\w-]+\s+){0,2}?officers?\s+(?:of|with)|"
    # an E.O. criterion: "for being an official of the Government of Nicaragua", "involvement in the Government of X"
    r"(?:official|involvement)\s+(?:of|in)(?=\s+the\s+Government\s+of\b))\b",
    _I,
)
CONSIDER_RE = re.compile(
    r"\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|contemplat\w+|mov(?:es|ed|ing)\s+towards?)\s+"
    r"(?:(?:taking|imposing|possible|further|additional|new|regulatory|potential|tougher)\s+)*"
    r"(?:action|actions|measures|restrictions|steps|sanctions)\s+(?:against|on)\b|"
    r"\b(?:order(?:s|ed|ing)?|direct(?:s|ed|ing)?)(?=\s+(?:\S+\s+){0,12}?to\s+show\s+cause\b)|"
    r"\b(?:initiat\w+|open\w*|commenc\w+|institut\w+)\s+(?:a\s+|the\s+)?proceedings?\s+to\s+"
    r"(?:revoke|terminate|suspend)\b|"
    # "is moving to revoke the authority of X", "plans to bar X"
    r"\b(?:mov(?:es|ed|ing)|plans?|planning|seeks?|seeking)\s+to\s+(?:revoke|terminate|suspend|ban|bar|blacklist)\b",
    _I,
)
_PERMITS = r"(?:applications?|authori[sz]ations?|authority|licen[cs]es?|bids?|certifications?)"
PERMIT_AFTER_RE = re.compile(
    rf"\s+(?:(?!the\b|an?\b)(?![a-z]+ed\b)[a-z]+\s+)?{_PERMITS}\b"
)  # "U.S. operations authorization"
ACT_RE = re.compile(
    r"\b(?:crack(?:s|ed|ing)?\s+down(?:\s+\w+)?\s+on|crackdown\s+on|"
    r"(?:identif(?:y|ies|ied|ying)|found|finds)(?=\s+(?:\S+\s+){1,10}?(?:as|to\s+be(?:\s+of)?)\s+(?:a\s+|an\s+)?"
    r"[\"']?(?:\w+\s+){0,4}?(?:primary\s+money\s+laundering\s+concern|threat|risk))|"
    # "FinCEN's determination that X, a ... institution, is of primary money laundering concern"
    r"determin(?:ation|ed|es)\s+that(?=(?:(?!\bno\s+longer\b|\bnot\b)[^.;]){0,300}?\bprimary\s+money\s+laundering\s+concern)|"
    r"(?:charged|indicted|charges|indicts|sued|sues|fined|fining|penali[sz](?:ed|es|ing))(?=\s)|(?:orders?|TDOs?)\s+against|"
    r"(?:indictment|complaint|information)\s+(?:\w+\s+){0,2}?charging(?=\s)|"  # "an indictment charging X"
    r"denial\s+orders?\s+(?:on|against)|"
    r"(?:imposed|imposes|imposing|assessed|assesses)\s+(?:a\s+|an\s+)?(?:[$£€][\d.,]+\s+(?:million\s+|billion\s+)?)?"
    r"(?:(?:mitigated|combined|civil|criminal|administrative|money|monetary)\s+){0,3}(?:penalty|penalties|fine|fines)"
    r"(?:\s+of\s+(?:approximately\s+|about\s+|nearly\s+|over\s+|more\s+than\s+)?"  # "penalty of $500,000 against"
    r"[$£€][\d.,]+(?:\s+(?:million|billion))?)?"
    r"(?:\s+today)?\s+(?:on|against)|"  # "a civil money penalty today against X"
    r"(?:took|take|takes|taken|taking)\s+(?:\w+\s+){0,2}?action\s+against|action\s+against|"
    r"(?:took|take|takes|taken|taking)\s+action\b[^.;]{0,120}?\b(?:threats?|risks?)\s+posed\s+by|"
    r"mov(?:e|es|ed|ing)\s+against|restrict(?:s|ed|ing)?|"
    # a regulator turning down a firm's application: "rejection ... of X's application", "decision to deny X's"
    r"(?:rejection|denial)\s+(?:[^.;]{0,80}?\s)?of(?=\s+(?:\S+\s+){0,4}?\S+'s?\s+applications?\b)|"
    r"(?:deny|denied|denying|reject|rejected|rejecting)(?=\s+(?:\S+\s+){0,4}?\S+'s?\s+(?:applications?|bids?)\b)|"
    # a regulator withdrawing a firm's licence: "revoked U.S. operations authorization for X", "the authority of X"
    rf"(?:revoked|revokes|revoking|voted(?:\s+in\s+\d{{4}})?\s+to\s+revoke)\s+(?:the\s+)?(?:[\w.-]+\s+){{0,3}}?{_PERMITS}\s+(?:of|for|to)(?=\s))\b",
    _I,
)
WARN_RE = re.compile(
    r"\b(?:warn|caution|advis)\w*\s+(?:\w+\s+){0,3}?(?:against|about)\b|"
    r"\bwarn(?:s|ed|ing)?\s+that(?:\s+the)?(?=\s+[A-Z])|"  # "warned that Volt Typhoon ... has compromised": its subject
    # "CISA and FBI highlight the cyber threat posed by North Korea"
    r"\bhighlight(?:s|ed|ing)?\s+the\s+(?:[\w-]+\s+){0,3}?(?:threats?|risks?|dangers?)\s+(?:posed\s+by|from)|"
    # "Germany accused Huawei of posing a security risk", "which China has accused of being ... terrorist forces"
    r"\baccus(?:ed|es|ing)(?=\s(?:[^.;]|\.(?!\s+(?-i:[A-Z]))){0,80}?\bof\s+(?:posing|being|presenting|representing)\b[^.;]{0,60}?"
    r"\b(?:risks?|threats?|terroris[tm]s?|dangers?)\b)",
    _I,
)
DECLINE_RE = re.compile(r"\b(?:declined|refused|did\s+not\s+(?:immediately\s+)?(?:respond|reply))\b", _I)
INVADE_RE = re.compile(r"\b(?:invaded|invades|invading|invasion\s+of)\b", _I)
ENACT_RE = re.compile(
    r"\b(?:issu(?:ed|es|ing)|enact(?:ed|s|ing)|sign(?:ed|s|ing)|adopt(?:ed|s|ing)|promulgat(?:ed|es|ing)|"
    r"pass(?:ed|es)(?=\s+by\s+(?:the\s+)?(?:U\.S\.\s+)?Congress\b|\s+(?:the|a|an)\s))\b",  # Congress passes a law
    _I,
)
PROPOSE_RE = re.compile(  # "cosponsored", "the primary cosponsors of UFLPA"
    r"\b(?:introduc(?:ed|es|ing)|propos(?:ed|es|ing)|led(?=\s+by\b)|(?:co-?)?sponsor(?:ed|s|ing)?(?=\s+(?:of|by)\b)|"
    r"(?:co-?)?sponsor(?:ed|ing))\b",
    _I,
)
INVESTIGATE_RE = re.compile(
    r"\b(?:investigat(?:e|es|ed|ing)|prob(?:e|es|ed|ing)|review(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?"
    r"(?:transactions|activities|conduct|operations|sales)|(?:opened|launched)\s+(?:an?\s+)?"
    r"(?:investigation|inquiry|probe|review)\s+(?:into|of)"
    # "during its investigation of X", "the FBI's criminal investigation into X"
    r"|(?:its|their|the|an?|'s)\s+(?:[\w-]+\s+)?(?:investigation|inquiry|probe)\s+(?:into|of)"
    r"|subpoena(?:s|ed|ing)?\s+to|subpoena(?:s|ed|ing))\b",  # "has issued subpoenas to X", "subpoenaed X"
    _I,
)
# the one investigated is the sentence's subject, the investigator after "by": "X cooperated with the investigation
# by BIS's Office of Export Enforcement", "X is the subject of a criminal investigation by the FBI"
INVESTIGATION_BY_RE = re.compile(
    r"\b(?:cooperat\w*\s+(?:fully\s+)?with|(?:is|was|are|were|became)\s+the\s+subjects?\s+of)\s+"
    r"(?:the|an?|its|their)\s+(?:[\w-]+\s+)?(?:investigation|inquiry|probe)(?=\s+by\b)"
    # "X is under investigation by the Commerce Department", "X came under federal investigation by Y"
    r"|\b(?:is|was|are|were|been|remains?|came|comes|being)\s+under\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    r"(?:investigation|inquiry|probe)(?=\s+by\b)",
    _I,
)

# the case a release is about, investigated: "The case was investigated by X and Y", "X investigated the case"
CASE_INVESTIGATED_BY_RE = re.compile(
    r"\b(?:the|this)\s+(?:case|matter)\s+(?:was|were|has\s+been)\s+(?:jointly\s+)?investigated(?=\s+by\b)", _I
)
INVESTIGATED_THE_CASE_RE = re.compile(r"\b(?:jointly\s+)?investigated\s+(?:the|this)\s+(?:case|matter)\b", _I)

# -- stance and speaker ------------------------------------------------------------------------

STANCE_CUES: tuple[tuple[re.Pattern[str], Stance], ...] = (
    (
        re.compile(
            # not an order's criterion: "acted or purported to act for or on behalf of"; "is believed to be"
            r"\b(?:alleg\w*|accus\w*|claim(?:s|ed|ing)?|suspect\w*|purported\w*(?!\s+to\s+act\b)|believed(?=\s+to\b)|"
            r"concerned\s+(?:about|that|over)|concerns?\s+(?:about|over)|controvers\w+\s+(?:over|about)|"
            r"(?:on|faces?|facing)\s+charges\s+of|"  # "on charges of cooperating with Russian military intelligence"
            r"(?:possible|potential|alleged)(?=\s+(?:ties|links?|connections?|relationships?)\b))\b",
            _I,
        ),
        Stance.ALLEGED,
    ),
    # "it had no ties to the Russian government": a tie said not to be
    (
        re.compile(
            r"\b(?:den(?:y|ies|ied|ying)|rejects?|rejected|"
            r"no(?=\s+(?:direct\s+|formal\s+)?(?:ties|links?|connections?|relationships?|affiliation)\b))\b",
            _I,
        ),
        Stance.DENIED,
    ),
    (re.compile(r"\b(?:disput\w+|contest(?:s|ed|ing)?)\b", _I), Stance.DISPUTED),
    (re.compile(r"\b(?:reported|reports\s+that|according\s+to)\b", _I), Stance.REPORTED),
    (re.compile(r"\b(?:retract\w*|withdr[ae]w\w*)\b", _I), Stance.RETRACTED),
)
SAID_RE = re.compile(r"\b(?:said|says|stated|announced|confirmed|told)\b", _I)
TRAIL_REPORT_RE = re.compile(r",\s*(?:the|a|that)\s+report\s+(?:said|says|stated)\W*$", _I)
TRAIL_SAID_RE = re.compile(r",\s*(?P<who>[^,]{2,80}?)\s+(?:said|says|stated)\W*$", _I)

# -- modality, negation, the gaps between mentions ---------------------------------------------

IRREALIS_SKIP_RE = re.compile(  # "to waive the application of sanctions on X": no sanction on X
    r"\b(?:whether|if|regarding|resistance|oppos\w+|against\s+(?:a|any)|avoid\w*|waiv\w+)\b[^.;]*$", _I
)
IRREALIS_PROPOSED_RE = re.compile(
    r"\b(?:would|could|might|(?-i:may)|should|propos\w+|consider\w*|weigh\w*|plan(?:s|ned)?\s+to|"  # not "May 2"
    r"mov(?:es|ed|ing)\s+towards?|mull\w*|contemplat\w*|"  # "is moving towards imposing sanctions on X"
    r"intent\s+to|intends?\s+to|(?:recommend|request|ask)\w*\s+that|proceedings?\s+to|"  # "recommended that we revoke"
    r"seek\w*\s+to|call(?:s|ed|ing)?\s+for|urg\w+|threat\w*)\b[^.;]*$",
    _I,
)
# a request governs its whole sentence, however long the list of acts it asks for: "We request that A, B and C
# investigate X and, based on those findings, consider designating it ..., adding it to the Entity List, and ..."
REQUEST_RE = re.compile(
    r"\b(?:(?:recommend|request|ask)\w*\s+that|urg(?:e|es|ed|ing)\s+(?:you|the|them|[A-Z])|call(?:s|ed|ing)?\s+on)\b[^.;]*$",
    _I,
)
NEGATED_RE = re.compile(r"\b(?:not|never|no\s+longer|n't)\s+(?:\w+\s+)?$", _I)
# those who serve a party, named before it, are not it: "seven entities involved in a network supporting X", "money
# launderers for X", "individuals linked to X" (the gap up to X)
SERVING = (
    r"\b(?:individuals|entities|persons|people|companies|firms|businesses|operators|launderers|facilitators|"
    r"officials|members|brokers|suppliers|agents|traffickers|networks?)\b[^.;,\"]{0,80}?"
    r"\b(?:supporting|for|on\s+behalf\s+of|(?:linked|tied|connected)\s+to|(?:associated|affiliated)\s+with|"
    r"working\s+for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
)
SERVING_BEFORE_RE = re.compile(SERVING, re.IGNORECASE)
KIN = (  # a kinship word: "his wife", "two cousins of X"
    r"(?:wife|wives|husbands?|spouses?|(?:grand|step)?(?:sons?|daughters?|children|child)|fathers?|mothers?|"
    r"brothers?|sisters?|nephews?|nieces?|cousins?|uncles?|aunts?|(?:son|daughter|brother|sister|father|mother)s?-in-law)"
)
PERSON_GROUP_OF_RE = re.compile(
    r"\b(?:executives?|leaders?|heads?|chiefs?|deput(?:y|ies)|leadership|officials?|employees?|members?|individuals?|persons?|"
    r"chair(?:m[ae]n|wom[ae]n|s)?|commanders?|"
    r"people|directors?|officers?|managers?|staff|shareholders?|founders?|subsidiaries|affiliates|"
    rf"relatives?|{KIN})\b"  # "two cousins of X": not X
    r"[^.;,\"]{0,60}?\bof\b|"  # "leaders of X", not "leaders pursuant to E.O. 13611, "Blocking Property of"
    r"\b(?:actors?|hackers?|operatives?|members?|nationals?)\s+(?:from|in|with)\b|"  # "four cyber actors from APT40"
    rf"{SERVING}|"
    # what X owns or runs is not X: "three vessels owned by X", "aircraft operated by X", "property belonging to X"
    r"\b(?:vessels?|ships?|tankers?|aircraft|planes?|propert(?:y|ies)|assets?|accounts?)\b[^.;,\"]{0,40}?"
    r"\b(?:(?:owned|operated|controlled|managed|chartered|used)\s+by|belonging\s+to)\b",
    _I,
)
OF_RE = re.compile(r"\s*(?:of|in|within)\s+(?:the\s+)?")
# a relative's label: "his wife, A", "her son, B", "their daughters, C and D" (only persons have them)
KIN_LABEL = rf"(?:his|her|their|whose)[ \t]+(?:adult[ \t]+|minor[ \t]+|eldest[ \t]+|youngest[ \t]+)?{KIN}"
POSSESSIVE_RE = re.compile(r"'s?[ \t]*\n?[ \t]*")
# "A, and one of its employees, B": coordination through an apposition
GAP_APPOSITION_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*,?\s*(?:and|or)\s+(?:a|an|the|its|their|one|two|three|four|several|some|each|both)\s+"
    r"(?:of\s+(?:its|their|his|her|the)\s+)?(?:[\w-]+\s+){0,3}?[a-z]+\s*,\s*"
    rf"|\s*,?\s*(?:and|or)\s+{KIN_LABEL}\s*,\s*"  # "A, his daughter, B, and his son, C"
)
# the next person of a list named after a post: "A, current member of the Paraguayan Panel ... B, and current Court
# Clerk C" (the body a post is of is the holder's modifier: extract.sentence.Sentence.head)
GAP_POST_RE = re.compile(r"\s*,\s*(?:and\s+)?(?:current|former|then)\s+(?:[A-Za-z-]+\s+){1,3}?(?:of\s+(?:the\s+)?)?")
# "A (A1), a Hong Kong-based company that shipped the oil, and B": coordination past the
# description of the member before (a determiner, no clause break, up to the comma before and/or)
GAP_DESCRIBED_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:a|an|the|its|their|his|her|another)\s+[^;:()\n]{1,160}?,\s*(?:and|or)?\s*"
)
# between a mention and a cue: a clause break, or coordination with an unnamed party ("X, or an
# entity that ...", "and any entity that"), so the cue is not about the mention
# a quotation closed and its speaker named: '... sanctions on Iran," said Under Secretary X'
QUOTE_ENDS_RE = re.compile(r"[,.]?[\"\u201d]\s*(?:said|says|added|noted|stated)\b")
CLAUSE_GAP_RE = re.compile(r";|\n\s*[-\u2022*]|\b(?:or|and)\s+(?:a|an|any|other|such)\b", _I)
# the law a measure is taken under ("pursuant to E.O. 13382", "under the ... Act")
PURSUANT_RE = re.compile(  # "under Section 1(a)(ii)(B) of Executive Order 13224": the section of a law, or a law itself
    r"\b(?:pursuant\s+to|under)\s+(?:the\s+)?(?P<sec>(?:Section|Sec\.|§)\s*[\w().-]+\s+of\s+(?:the\s+)?)?", _I
)
# the members named after a group: "two subsidiaries of X, A and B", "affiliates of X: A, B"
MEMBERS_GAP_RE = re.compile(  # "members of X's immediate family: his wife, A": X's relatives, named after
    r"(?:'s?\s+(?:immediate\s+|extended\s+)?family)?\s*(?:\([^()]{0,40}\))?\s*[,:\u2013\u2014-]+\s*"
    rf"(?:namely\s+|including\s+|{KIN_LABEL}\s*,\s*)?"
)
SETTLEMENT_RE = re.compile(
    r"\b(?:reached|reaches|entered\s+into|signed|concluded)\s+(?:\w+\s+){0,2}?settlement(?:\s+agreements?)?"
    r"\s+with\b",
    _I,
)
GAP_SEMI_RE = re.compile(  # "A; B; and C" after a colon, or one item a line: "• A" / "• B"
    # an item's description before its end: "1. A, based in Shenzhen;" / "2. B, Shenzhen;"
    r"\s*(?:\([^()]{0,40}\))?\s*(?:,[^;:()\n]{1,80}?)?(?:;\s*(?:and\s+|or\s+)?|[;,.]?(?:\s*(?:and|or))?[ \t]*\n\s*"
    rf"(?:{BULLET}|\(?\d{{1,2}}[.)])[ \t]+)"
)
# the nouns of a counted or generic description of parties ("12 entities", "several Chinese companies")
PARTY_NOUNS = (
    r"entities|companies|firms|parties|persons|individuals|organizations|organisations|addresses|people|"
    r"businesses|suppliers|subsidiaries|affiliates"
)
PARTY_NOUNS_RE = re.compile(rf"\b(?:{PARTY_NOUNS})\b", _I)
# parties counted, not named: "two Chinese nationals", "12 entities", "four Sinaloa Cartel members"
COUNTED_NOUNS = (
    rf"(?:{PARTY_NOUNS}|members|men|women|nationals|defendants|hackers|officers|officials|executives|vessels|banks|"
    r"networks?)"
)
COUNTED_PARTIES_RE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens\s+of)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{COUNTED_NOUNS}\b",
    _I,
)
# where the names of such a description start: "..., including A", "... such as A", "...: A"
ENTRIES_AFTER_RE = re.compile(  # "... to the Entity List:" then "- A" / "1. A" a line each
    r"\s*(?:\([^()]{0,40}\))?\s*(?:,\s*)?(?:(?:including|such\s+as|namely)\s+(?:the\s+)?|:\s*"
    rf"(?:{ITEM_MARK}[ \t]+)?)",
    _I,
)
GAP_AND_RE = re.compile(  # "A (Israel), B", "A and B", "A and related companies and individuals ("A Group"), B"
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}(?=\s*,))?"  # "A in Germany, B in Italy, and C"
    r"\s*(?:and\s+(?:its\s+|their\s+)?(?:related|affiliated)\s+(?:companies|entities|parties|persons)"
    # a parenthesis: a short name ("(Israel)") or a description in lower case ("(provides diving systems to ...)")
    r"(?:\s+and\s+individuals)?\s*)?(?:\([^()]{0,40}\)|\([a-z][^()]{40,120}\))?\s*"
    # an unnamed member between two names: "Galaxy Aviation Trade Company, three of its shareholders, and Iran Air"
    r"(?:,\s*(?:(?:one|two|three|four|five|several|some|all)\s+of\s+)?(?:its|their)\s+[a-z]+(?:\s+[a-z]+)?\s*)?"
    r",?\s*(?:and|or|as\s+well\s+as|&)?\s*,?\s*"
    # "A and his two codefendants, B and C": the description the next names are
    r"(?:(?<=and\s)(?:his|her|its|their)\s+(?:(?:two|three|four|five|several)\s+)?[a-z-]+\s*,\s*)?"
    # "Senator A (R-FL) and Congressman B": the next name's title
    rf"(?:(?<=and\s){LAWMAKER_TITLE}\s+)?"
    # "A, China-based B, and Hong Kong-based C": where the next is based
    r"(?:(?<=[,\s])(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-(?:based|registered|flagged|headquartered)\s+)?"
)

# -- headquartered-in --------------------------------------------------------------------------
# "the Russian cybersecurity firm, X" / "X, a Russian ... company" /
# "Russian-based X" / "X (Russia)"
_NOUNS = (
    r"(?:firm|firms|company|companies|group|organi[sz]ation|maker|provider|vendor|developer|giant|"
    r"manufacturer|corporation|conglomerate|carrier|operator|bank|entity|business|subsidiary|affiliate|"
    r"airline|refinery|terminal|exchange(?:\s+houses?)?|insurer|lender|exporter|importer|supplier|trader|shipper|shipowner|"
    r"producer|producers|distributor|distributors|processor|smelter|broker|brokerage|dealer)"
)
_PEOPLE = (
    r"(?:nationals?|citizens?|businessman|businesswoman|businessmen|individuals?|residents?|oligarchs?|tycoons?|"
    r"representatives?|officials?|operatives?|elites?|billionaires?|financiers?|entrepreneurs?|investors?|"
    r"politicians?|lawmakers?|actors?|hackers?)"
)
COUNTRY_NAMES = {
    n: e.id
    for e in builtin()
    if e.type is T.COUNTRY
    for n in (e.name, *e.aliases)
    if len(n.split()) <= 3 and "government" not in n.lower() and "administration" not in n
}
COUNTRY_WORDS_RE = re.compile(rf"(?:{'|'.join(sorted(map(re.escape, COUNTRY_NAMES), key=len, reverse=True))})(?![\w-])")
# "sanctioned Russia's Sovcomflot": a country's possessive before a name, whose context is before it
_POSSESSOR_BEFORE_RE = re.compile(rf"(?<![\w-]){COUNTRY_WORDS_RE.pattern}['\u2019]s[ \t]+$")


def past_possessor(norm: str, start: int) -> int:
    """Where the context of the name at ``start`` ends: before a country's possessive ("Russia's X")."""
    hit = _POSSESSOR_BEFORE_RE.search(norm, max(0, start - 40), start)
    return hit.start() if hit is not None else start


# "X, a Chinese company", "X (Kunlun) is a Hong Kong-based firm", "X\u2014a Hong Kong shipping corporation"
DESCRIBED_AFTER_RE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:,[ \t]*|[ \t]+(?:is|was|as)[ \t]+|[ \t]*[\u2013\u2014][ \t]*)"
    r"(?:a|an)[ \t]+(?:[a-z][\w-]*[ \t]+)?"
    rf"(?:(?:{DEMONYM_ALT})(?:-based)?[ \t]+|(?:[A-Z][\w-]*[ \t]+){{0,3}}?[A-Z][\w]*-based[ \t]+"
    rf"|{COUNTRY_WORDS_RE.pattern}[ \t]+)?"
    r"(?:[a-z][\w-]*[ \t]+){0,3}?"
    r"(?:company|firm|corporation|subsidiary|manufacturer|provider|vendor|developer|maker|bank|airline|carrier|exchange|"
    r"insurer|refinery|trader|shipper|supplier|exchanger|(?<=financial[ \t])institution)\b"  # FinCEN's 9714 orders
)
# "Sergey Gorkov, the head of RosGeo ..., is being designated", "X was added to the Entity List"
UNDERGOES_AFTER_RE = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]*,(?:[^.;,]|,(?![ \t]+(?:is|was|has|are)\b)){1,200}?,)?[ \t]+"
    r"(?:is|was|has[ \t]+been|had[ \t]+been)[ \t]+(?:also[ \t]+)?(?:being[ \t]+)?"
    r"(?:designated|sanctioned|added[ \t]+to|under[ \t]+sanctions)\b"
)
# "Raul Castro of Cuba,": a person named with the country, then a stop
OF_COUNTRY_AFTER_RE = re.compile(
    rf"[ \t]+of[ \t]+(?:the[ \t]+)?{COUNTRY_WORDS_RE.pattern}[ \t]*(?:[,;.)]|--|[\u2013\u2014]|and\b)"
)
_PLACE_ALT = "|".join(sorted(map(re.escape, [*DEMONYM_WORDS, *COUNTRY_NAMES]), key=len, reverse=True))
HQ_ALSO_RE = re.compile(rf"\b(?P<p>{_PLACE_ALT})\s+and\s+$")  # "Hong Kong and [Marshall Islands-based]"
# a city's name before "-based" ("a Moscow-based supplier"): its country, where the registry knows the city
_CITY = r"(?!(?:The|A|An|This|That|Its|Their|Our|Both|Another)\b)[A-Z][a-z]+(?:\.?[ \t][A-Z][a-z]+)?"
# a state's long name before its short one: "a People's Republic of China (PRC) company", "an Islamic Republic of Iran
# entity"
_REPUBLIC_OF = r"(?:(?:[A-Z][\w']*[ \t]+){0,2}Republic[ \t]+of[ \t]+(?:the[ \t]+)?)?"
# where a party is based or registered ("-flagged" is a vessel's flag, not its home)
_BASED = r"-(?:based|registered|incorporated|headquartered)"
# "a Hong Kong-based shipping company, X": a comma may set the name off
HQ_BASED_RE = re.compile(  # "People's Republic of China (PRC)-based X": its short name in parentheses
    rf"(?:\b|(?<=\())(?P<p>{_PLACE_ALT}|{_CITY})\)?{_BASED}(?:\s+(?!of\b)[a-z][\w-]*){{0,3}},?\s+$"
)
# a name used as a modifier of people: "Hizballah operatives", "Hizballah finance team operative"
MEMBERS_AFTER_RE = re.compile(  # not "X and members of Y": another party; "former X (ACR) officials" too; "X's leaders"
    r"\)?(?:['\u2019]s)?(?:[ \t]+\([A-Z][\w&.-]{1,11}\))?[ \t]+"
    r"(?:(?!(?:and|or|as|a|an|the|is|was|are|were)\b)[a-z][\w-]*[ \t]+){0,2}"
    r"(?:operatives?|officials?|members?|executives?|leaders?|financiers?|facilitators?|commanders?|fighters?|"
    r"factions?|offshoots?|splinter[ \t]+groups?|figures?|supporters?|"  # "two FARC splinter groups": not the FARC
    r"(?:Operatives|Officials|Members|Executives|Leaders|Financiers|Facilitators|Commanders|Fighters)"
    r"\b(?![ \t]+[A-Z]))\b"
)  # a headline's capitals: "... Sanction Taliban Facilitators and their Iranian Supporters"
# "the flag carrier and state-owned national airline of Belarus, Belavia": the party after the country
NOUN_OF_COUNTRY_RE = re.compile(rf"\b{_NOUNS}\s+of\s+(?:the\s+)?$")
HQ_DESC_BEFORE_RE = re.compile(  # "the Russian cybersecurity firm, X", "a fifth Russian airline – X"
    rf"(?:\b(?:the|a|an)\s+(?:(?:first|second|third|fourth|fifth|sixth|another|other)\s+)?|(?<![\w-]))"
    rf"(?P<p>{DEMONYM_ALT})(?:-based)?\s+(?:[a-z][\w-]*\s+(?:and\s+)?){{0,4}}?"
    rf"(?:{_NOUNS}|{_PEOPLE}|Company|Corporation|Firm)\s*(?:,|[\u2013\u2014]|\s-)?\s*$"  # "the Malaysian Company X"
)
HQ_POSSESSIVE_BEFORE_RE = re.compile(  # "Mexico's state-owned energy company, X", "China's telecoms giant X"
    rf"(?<![\w-])(?P<p>{_PLACE_ALT})['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,4}}?{_NOUNS}\s*(?:,|[\u2013\u2014])?\s*$"
)
HQ_DEMONYM_BEFORE_RE = re.compile(rf"\b(?:a|an)\s+(?P<p>{DEMONYM_ALT})\s+$")  # "a North Korean Foreign Trade Bank"
# a person's nation written before the name, with or without a post: "Albanian Sali Berisha", "Iranian Gen. Qassem
# Soleimani", "Bosnian Serb leader Milorad Dodik", "Georgian Prime Minister X"
HQ_DEMONYM_PERSON_BEFORE_RE = re.compile(  # not "American Companies Doing Business": a headline's capitals
    rf"(?<![\w.-])(?P<p>{DEMONYM_ALT})[ \t]+(?:(?!(?i:{_NOUNS})\b)(?:[A-Z][a-z]+\.?|[a-z]+)[ \t]+){{0,3}}$"
)
HQ_DESC_AFTER_RE = re.compile(  # "X, a Chinese company", "X (Kunlun) is a Hong Kong-based firm"
    rf"[ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*|,[ \t]*\d{{2}}[ \t]*)?"
    r"(?:,\s*(?:which\s+(?:is|was)\s+)?|,?\s+(?:is|was|are|were)\s+|\s*[\u2013\u2014]\s*)(?:a|an|the)\s+"  # "X\u2014a"
    r"(?:(?!of\b)[a-z][\w-]*\s+){0,2}?"  # "X (XX), the sanctioned Venezuelan state-owned oil company"
    rf"(?:{_REPUBLIC_OF}(?P<p>{_PLACE_ALT})(?:[ \t]+\([A-Z]{{2,5}}\))?(?:{_BASED})?|(?P<city>{_CITY}){_BASED})\s+"
    # "a North Korean Foreign Trade Bank (FTB) representative": a body's name before the noun too
    rf"(?:\"?[a-z][\w-]*\"?\s+(?:\([A-Z]{{2,8}}\)\s+)?(?:and\s+)?|[A-Z][\w&-]*\s+(?:\([A-Z]{{2,8}}\)\s+)?){{0,4}}?"
    rf"(?:{_NOUNS}|{_PEOPLE})\b"
)
HQ_POSSESSIVE_AFTER_RE = re.compile(  # "Rosoboronexport, Russia's main arms export entity"
    rf"[ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*)?,\s*(?:the\s+)?(?P<p>{_PLACE_ALT})['\u2019]s\s+"
    rf"(?:[a-z][\w-]*\s+){{0,4}}?{_NOUNS}\b"
)
HQ_OF_RE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,20}\)[ \t]*)?,?[ \t]*of[ \t]+"
)  # "SMIC of China", "X, of Shenzhen, China,"
# "Ma Xiaohong, 44, of Dandong, China"; the names the person goes by may come before the age:
# 'Chi Ping Patrick Ho, aka "Patrick C.P. Ho," aka "He Zhiping," 69, of Hong Kong, China'
AKA_QUOTED = r'[ \t]*,?[ \t]*(?:aka|a/k/a|a\.k\.a\.|also[ \t]+known[ \t]+as)[ \t]+["\u201c][^"\u201d\n]{1,60}["\u201d]'
HQ_AGE_OF_RE = re.compile(rf"(?:(?:{AKA_QUOTED})+[ \t]*,?|[ \t]*,)[ \t]*\d{{2}},[ \t]*of[ \t]+")
HQ_CITY_RE = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,[ \t]+")  # "of Beijing, China"
# "X, a citizen of the People's Republic of China", "X, a resident of Iran"
HQ_CITIZEN_RE = re.compile(  # also past the names the person goes by: 'X, aka "Y," a citizen of China'
    rf"(?:(?:{AKA_QUOTED})+[ \t]*,?|[ \t]*,)[ \t]*(?:a|an)[ \t]+(?:citizen|national|resident)[ \t]+of[ \t]+"
    r"(?:the[ \t]+)?"
)
HQ_PAREN_RE = re.compile(r"[ \t]*\(([A-Za-z. ]{2,40})\)")

# a backer named as a modifier: "the IRGC-backed X", "an IRGC (Qods Force)-linked exchange house", "CCP-Controlled X"
# (extract.control reads the tie or, "controlled", the owner; extract.sentence: the backer is no actor)
BACKER_ADJECTIVE_RE = re.compile(
    r"(?:\)|[ \t]*\([^()\n]{1,12}\))?-(?:backed|linked|affiliated|sponsored|funded|aligned|supported|"
    r"(?P<c>controlled))\b",
    _I,
)
# a role the one designated is said to hold: "designated as a financier of X" (X is not the one designated)
AS_ROLE_RE = re.compile(r"\bas\s+(?:a|an|the)\s+[a-z]", _I)

# "in consultation with the Secretary of the Treasury": a body consulted, not the one acting
# acting with another body, not alone: "in coordination with", "in consultation with", "in lockstep with"
PARTNERED = r"in\s+(?:consultation|coordination|cooperation|partnership|concert|tandem|step|lockstep)\s+with"
CONSULTED_RE = re.compile(
    rf"\b(?:{PARTNERED}|with\s+the\s+(?:support|assistance)\s+of)"
    r"\s+(?:the\s+)?(?:(?:Secretary|Department|Office)\s+of\s+(?:the\s+)?)?"
    r"(?:(?-i:[A-Z])[\w.]*(?:['\u2019]s)?\s+){0,3}$",  # "with the U.S. Attorney's Office for ..."
    re.IGNORECASE,
)


# a designation made before the text's own action: "X, which was previously designated", "X, who was
# sanctioned earlier this year", "X was designated ... on May 27, 2026"
_PAST_BEFORE_RE = re.compile(r"\b(?:previously|earlier|already|formerly)\s+(?:been\s+)?$", _I)
_PAST_AFTER_RE = re.compile(
    r"(?:\s+[\w.,()-]+){0,8}?\s+(?:earlier\s+this\s+year|last\s+year|in\s+(?:19|20)\d\d|"
    r"on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})\b"
)


def designated_before(norm: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the designation cue ``norm[start:end]`` (in the sentence ``[lo, hi)``) one made before?"""
    return bool(_PAST_BEFORE_RE.search(norm, max(lo, start - 30), start) or _PAST_AFTER_RE.match(norm, end, hi))


# a participle that describes a noun, after a word no subject ends on: "relationships with blacklisted firms like
# Huawei", "other sanctioned entities": who blacklisted them is not this clause's subject
_PARTICIPLE_BEFORE_RE = re.compile(
    r"\b(?:with|of|to|for|from|the|these|those|other|and|or|many|several|all|such|like|including|among|against|on)\s+$",
    _I,
)
_PARTICIPLE_AFTER_RE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:firms|companies|entities|individuals|persons|people|parties|banks|investments|transactions|goods|items|exports|imports|products|equipment|technologies)\b"
)


def described_participle(norm: str, cue: re.Match[str], lo: int) -> bool:
    """Is the cue a participle describing the noun after it ("with blacklisted firms like Huawei")?"""
    return (
        cue.group(0).lower().endswith("ed")
        and bool(_PARTICIPLE_BEFORE_RE.search(norm, max(lo, cue.start() - 16), cue.start()))
        and bool(_PARTICIPLE_AFTER_RE.match(norm, cue.end()))
    )


# "X, a Russian national", "X, a citizen of Iran", "X, 44, of Dandong, China" (a person's age)
PERSON_AFTER_RE = re.compile(
    rf"[ \t]*\({PARTY_STATE}\)|"  # "Marco Rubio (R-FL)": a US lawmaker, by party and state
    # 'Sun Li, also known as "Lily Sun," a citizen of China': past the names the person goes by
    rf"(?:(?:{AKA_QUOTED})+[ \t]*,?[ \t]*|[ \t]*(?:\([^()\n]{{1,30}}\)[ \t]*)?,[ \t]*)(?:(?:a|an)[ \t]+"
    rf"(?:(?:{DEMONYM_ALT}|[A-Z]{{2,5}}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?-based)[ \t]+)?"  # "a Lebanon-based financier"
    r"(?:[a-z][\w-]*[ \t]+|[A-Z][\w&-]*[ \t]+(?:\([A-Z]{2,8}\)[ \t]+)?){0,4}?"  # "a Foreign Trade Bank (FTB) agent"
    r"(?:national|citizen|resident|businessman|businesswoman|oligarch|elite|official|spokesperson|spokeswoman|"
    r"spokesman|financier|investor|politician|lawmaker|hacker|entrepreneur|billionaire|representative|agent|"
    r"operative|facilitator|broker|employee|executive|leader|member|trafficker|smuggler)\b"
    r"|\d{2},[ \t]*(?:of|a|an|had|has|was|is|who|pleaded|pled)[ \t])"  # "Kassim Tajideen, 63, had ..."
    # 'X, aka "Y," 69, of ...': the names the person goes by before the age
    rf"|(?:{AKA_QUOTED})+[ \t]*,?[ \t]*\d{{2}},[ \t]*(?:of|a|an|had|has|was|is|who|pleaded|pled)[ \t]"
)

# the acted-against rule's limits: a charge in the passive, a ban only for some purposes, the members named
CHARGED_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+\s+)?(?:charged|indicted|sued)$", _I)
LIMITED_BAN_RE = re.compile(r"[^.;]{0,20}?\bfrom\s+[a-z]+ing\b[^.;]{0,120}?\bfor\s+(?:[\w-]+\s+){0,3}?purposes\b", _I)
MEMBERS_NAMED_AFTER_RE = re.compile(r"[ \t]+(?:actors?|hackers?|operatives?|members?)\b", _I)
PLURAL_PARTIES_RE = re.compile(r"\b(?:companies|entities|firms|individuals|persons|banks|carriers)\b", _I)
WE_OUR_RE = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")
MANDATE_RE = re.compile(r"\b(?:shall|must)\b", _I)  # in a bill: what it would require
# a listing named as a party's own ("its designation on the"); the entries a listing sentence goes on to name
ITS_LISTING_RE = re.compile(r"\b(?:its|their)\s+(?:designation|listing|inclusion|placement)\s+(?:on|in)\s+(?:the\s+)?$")
ENTRIES_INCLUDE_RE = re.compile(
    r"(?:[^.;:]{0,60}?\b(?:include|includes|included|are|were)\b\s*:?\s*"
    # "... to the Entity List in connection with <a long reason> are:" and the items a line each
    r"|[^.;:]{0,240}?\b(?:include|includes|are|were)\s*:\s*)"
    rf"(?:(?:{BULLET}|\(?\d{{1,2}}[.)])[ \t]+)?",
    _I,
)


# "BIS, an agency of the Department of Commerce", "OFAC, a component of the Treasury": part of
COMPONENT_OF_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:agency|bureau|office|component|division|"
    r"unit|arm|part|department|body)\s+(?:of|within|in)\s+(?:the\s+)?",
    _I,
)


UNIT_RE = re.compile(r"(?:Office|Bureau|Directorate|Division|Center|Centre)\b")
# "The U.S. Commerce Department, through its Bureau of Industry and Security (BIS), has issued":
# the body acting for the department is part of it
THROUGH_ITS_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,?\s*(?:acting\s+)?through\s+its\s+(?:[a-z][\w-]*\s+){0,2}?")
# the members of a body named after it: "members of the \u201cnon-democratically elected National Assembly\u201d, "
MEMBERS_OF_BEFORE_RE = re.compile(r"\bmembers\s+of\s+(?:the\s+)?[^,;.]{1,80},\s*$")
# a state's regulator by its short name: "Swedish telecom regulator PTS", "the German financial watchdog BaFin"
REGULATOR_NAMED_RE = re.compile(
    rf"\b(?:(?P<d>{DEMONYM_ALT})\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:regulator|watchdog)\s+"
    r"(?P<n>[A-Z][A-Za-z&]{1,9})(?![\w&-])(?!\s+[A-Z])"
)
# a party an act falls on, named between the act and what it is barred from or charged with: "banned Huawei from
# supplying", "barred X from selling", "an indictment charging ROMAN STORM and ROMAN SEMENOV with conspiracy"
_BARRED_BEFORE_RE = re.compile(rf"(?:{BAN_RE.pattern})\s+$", _I)
_FROM_DOING_RE = re.compile(r"\s+from\s+[a-z]+ing\b")
_CHARGING_BEFORE_RE = re.compile(r"\bcharg(?:ing|ed|es)\s+$", _I)
_WITH_AFTER_RE = re.compile(r"(?:\s+and\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})?\s*,?\s+with\s+[a-z]")


def acted_on(norm: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` the one an act falls on, by the words around it?"""
    left = norm[max(0, start - 40) : start]
    return bool(
        (_BARRED_BEFORE_RE.search(left) and _FROM_DOING_RE.match(norm, end))
        or (_CHARGING_BEFORE_RE.search(left) and _WITH_AFTER_RE.match(norm, end))
    )


# a state's backing or ownership in a party's description: "state-sponsored", "government-backed", "state-owned"
STATE_BACKED = r"(?:state|government)[- ](?:sponsored|backed|affiliated|directed|linked)"
STATE_OWNED_RE = re.compile(r"\b(?:state|government)-(?:owned|controlled)\b", _I)
# a state's backing named before a party: "the China state-affiliated APT31", "Russian state-sponsored actor X"
STATE_BACKED_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<p>{_PLACE_ALT})[ \t]+{STATE_BACKED}[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}$"
)
# a body named in a person's post set off after the name: "B, the Special Agent in Charge of the Field Office of X,"
APPOSED_POST_RE = re.compile(  # "..., of the Justice Department's National Security Division"
    r",\s+the\s+(?=(?:[A-Z][\w.-]*\s+){0,3}(?:Director|Secretary|Attorney|Agent|Administrator|Commissioner|Chair\w*|"
    r"Head|Chief|Counsel|Inspector|Officer)\b)"  # a person's post, not "the Department of Commerce's BIS"
    r"(?:[A-Z][\w.-]*\s+|(?:in|of|the|for)\s+){1,12}?(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}?"
    r"(?:[A-Z][\w.-]*['\u2019]s\s+)?$"
)
POST_WORD_AFTER_RE = re.compile(r"[ \t]+(?:Attorney|Secretary|Ambassador|Consul)\b")  # "the United States Attorney"
