"""What the language-model backend asks (:mod:`extract.llm`): the JSON schema of an answer and the
prompt, both generated from :mod:`schema.ontology` and the reference registry, in one place.

An answer is ``{"claims": [...]}``; each proposal names its subject and object (``name``, ``type``
and, for a registry entity, its ``id``), a ``predicate``, a ``stance``, optionally who asserts it
(``asserted_by``, an entity like the others), ``valid_from``/``valid_to`` and a ``confidence``, and
the ``quote`` of the text that states it. The schema goes to the server as ``response_format``
(``json_schema``) so a server that constrains decoding keeps to it; the answer is still checked
proposal by proposal (:mod:`extract.llm_gates`), never trusted.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reference import registry
from schema.ontology import (
    ENTITY_TYPE_MEANING,
    ID_LEVEL,
    PREDICATES,
    STANCE_MEANING,
    EntityType,
    Predicate,
)

SCHEMA_NAME = "regkg_claims"

# What an article can state: not the resolution and screening decisions (made by hand), not
# linked-to (a list's own field), and no screened record.
PROPOSABLE: tuple[Predicate, ...] = tuple(p for p in Predicate if p not in ID_LEVEL | {Predicate.LINKED_TO})
ENTITY_TYPES: tuple[EntityType, ...] = tuple(t for t in EntityType if t is not EntityType.RECORD)

_DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}


def _entity() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1, "description": "the entity's fullest name in the text"},
            "type": {"type": "string", "enum": [t.value for t in ENTITY_TYPES]},
            "id": {"type": "string", "description": "only a registry id from the instructions (country:us)"},
        },
        "required": ["name", "type"],
        "additionalProperties": False,
    }


@cache
def claims_schema() -> dict[str, Any]:
    """The JSON schema of an answer (the one definition; the request and the tests read it)."""
    proposal = {
        "type": "object",
        "properties": {
            "subject": _entity(),
            "predicate": {"type": "string", "enum": [p.value for p in PROPOSABLE]},
            "object": _entity(),
            "stance": {"type": "string", "enum": [s.value for s in STANCE_MEANING]},
            "asserted_by": _entity(),
            "valid_from": _DATE,
            "valid_to": _DATE,
            "quote": {"type": "string", "minLength": 1, "description": "copied verbatim from the text"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        },
        "required": ["subject", "predicate", "object", "stance", "quote"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"claims": {"type": "array", "items": proposal}},
        "required": ["claims"],
        "additionalProperties": False,
    }


@cache
def system_prompt() -> str:
    """The instructions: the task, the entity types, the predicates with their domain and range,
    the stances, and the registry's ids (bodies and lists; countries by their ISO code)."""
    types = "\n".join(f"- {t.value}: {ENTITY_TYPE_MEANING[t]}" for t in ENTITY_TYPES)
    preds = "\n".join(
        f"- {p.value}: {PREDICATES[p].meaning}. Subject: {_names(PREDICATES[p].subjects)}; "
        f"object: {_names(PREDICATES[p].objects)}"
        for p in PROPOSABLE
    )
    stances = "\n".join(f"- {s.value}: {meaning}" for s, meaning in STANCE_MEANING.items())
    ids = "\n".join(f"- {e.id}: {e.name}" for e in registry().entities())
    return f"""You extract claims from a text (a news article, press release or official notice) for a \
regulatory knowledge graph: who is banned, listed, sanctioned, investigated or accused by whom, under \
which law, since when.

Answer with one JSON object only, no prose: {{"claims": [...]}}; {{"claims": []}} when the text states \
no such claim. Each claim has:
- "subject" and "object": {{"name": the entity's fullest name as the text gives it, "type": one of the \
entity types below, "id": only for an entity of the registry below or a country (country:<ISO 3166 \
alpha-2 code in lower case>, e.g. country:us); never invent an id}}
- "predicate": one of the predicates below; the subject's and object's types must be ones it allows
- "stance": one of the stances below
- "asserted_by" (optional): the party that states, alleges, reports or denies the claim, as an entity; \
leave it out when the text itself states it
- "valid_from", "valid_to" (optional): dates the text gives for the fact, as YYYY, YYYY-MM or YYYY-MM-DD
- "quote": the passage of the text that states the claim, copied character for character (at most \
two sentences); a quote that is not in the text is discarded
- "confidence" (optional): how sure you are, from 0 to 1

Entity types:
{types}

Predicates:
{preds}

Stances:
{stances}

Registry ids:
{ids}
"""


def user_prompt(text: str) -> str:
    return f"Extract the claims of this text.\n\n<text>\n{text}\n</text>"


def request_body(model: str, text: str) -> dict[str, Any]:
    """The OpenAI-compatible chat-completions request for ``text``."""
    return {
        "model": model,
        "messages": [
            {"role": "system", "content": system_prompt()},
            {"role": "user", "content": user_prompt(text)},
        ],
        "temperature": 0,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": SCHEMA_NAME, "schema": claims_schema()},
        },
    }


def _names(types: frozenset[EntityType]) -> str:
    if types >= set(ENTITY_TYPES):
        return "any type"
    return ", ".join(t.value for t in ENTITY_TYPES if t in types)
