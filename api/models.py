"""Response and request models of the v1 API (DESIGN.md "JSON shapes")."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schema.ontology import EntityType, Method, Predicate, Stance

from . import examples


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


def example(value: dict[str, Any]) -> ConfigDict:
    """A model's example for the OpenAPI (api/examples.py; a test checks it serialises to itself)."""
    return ConfigDict(json_schema_extra={"examples": [value]})


class ErrorBody(_Out):
    code: str
    message: str
    details: Any = None


class ErrorEnvelope(_Out):
    error: ErrorBody


class Member(_Out):
    id: str
    name: str
    type: EntityType


class Entity(_Out):
    id: str
    type: EntityType
    name: str
    aliases: list[str] = []
    weak_aliases: list[str] = Field(
        [], description="low-quality aliases (a list's nicknames, handles, former names): searchable, not identifying"
    )
    country: str | None = None
    identifiers: dict[str, str] = {}
    description: str | None = None
    candidate: bool = False
    birth_dates: list[str] = Field([], description="a person's dates of birth, as the sources give them")
    nationalities: list[str] = Field(
        [],
        description="ISO 3166-1 alpha-2 codes of a person's nationalities and citizenships, as the sources state them",
    )
    birth_places: list[str] = Field([], description="a person's places of birth, as the sources write them")
    members: list[Member] = Field(
        [], description="the other ids a same-as decision joins to this entity (it answers for all of them)"
    )


class NameOrigin(_Out):
    name: str
    origins: list[str] = Field(description="the records that gave this name (loader, or curated:<file>)")


class SourceRef(_Out):
    id: str
    title: str | None = None
    publisher: str | None = None
    kind: str | None = None
    url: str | None = None


class EntityDetail(Entity):
    model_config = example(examples.ENTITY_DETAIL)

    sources: list[SourceRef] = []
    names: list[NameOrigin] = []


class ScoredEntity(Entity):
    score: float


class SearchPage(_Out):
    model_config = example(examples.SEARCH_PAGE)

    items: list[ScoredEntity]
    total: int


class Fact(_Out):
    fact_id: str
    subject: str
    predicate: Predicate
    object: str
    stances: list[Stance]
    valid_from: str | None = None
    valid_to: str | None = None
    gaps: list[str] = Field(
        [],
        description="periods the fact was not in force between valid_from and valid_to, as 'end/return' days: "
        "a later list version no longer held it, and a still later one held it again",
        examples=[["2026-08-01/2026-10-01"]],
    )
    n_claims: int
    n_sources: int
    quote: str | None = None
    confidence: float | None = None
    asserted_by: list[str] = Field([], description="parties whose claims establish the fact (asserted or reported)")
    alleged_by: list[str] = Field([], description="parties whose claims accuse, not establish")
    proposed_by: list[str] = Field([], description="parties proposing the measure (not in force)")
    disputed_by: list[str] = Field([], description="parties contesting the fact")
    denied_by: list[str] = Field([], description="parties saying it is false")
    retracted_by: list[str] = Field([], description="parties that withdrew their claim")
    direction: Literal["forward", "backward"] | None = Field(
        None, description="on a path: whether the hop follows the fact's direction"
    )
    validity: Literal["valid", "unknown"] | None = Field(
        None,
        description="with as_of: 'valid' on that date, or 'unknown' when the fact's start is not known "
        "(undated=mark); absent without as_of",
    )


class NeighborGroup(_Out):
    predicate: Predicate
    direction: Literal["out", "in"]
    total: int = Field(description="facts in the group (all pages)")
    offset: int = Field(0, description="the page starts at this fact of the group")
    limit: int = Field(25, description="at most this many facts of the group per page")
    shown: int
    truncated: bool = Field(description="more of the group after this page")


class Neighborhood(_Out):
    model_config = example(examples.NEIGHBORHOOD)

    entity: Entity
    nodes: list[Entity]
    edges: list[Fact]
    groups: list[NeighborGroup]
    truncated: bool


class FactList(_Out):
    model_config = example(examples.FACT_LIST)

    items: list[Fact]
    total: int = Field(description="facts matching the filters, all pages")
    limit: int
    offset: int


class Source(_Out):
    id: str
    url: str | None = None
    title: str
    publisher: str | None = None
    author: str | None = None
    published_at: str | None = None
    retrieved_at: str | None = None
    first_seen: str | None = Field(None, description="the earliest list version or export that held the record")
    last_seen: str | None = Field(None, description="the latest list version or export that held the record")
    sha256: str | None = None
    kind: str


class SourceWithChain(Source):
    derived_from: list[Source] = []


class Citation(_Out):
    quote: str
    start: int
    end: int
    source: SourceWithChain


class LoadRunRef(_Out):
    id: str
    loader: str | None = None
    status: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    reconfirmed_at: str | None = None


class Claim(_Out):
    id: str
    subject: str | None = Field(None, description="the id the claim was made about (a member of the fact's subject)")
    object: str | None = Field(None, description="the id the claim names as object (a member of the fact's object)")
    stance: Stance
    asserted_by: Entity | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    qualifiers: dict[str, Any] = {}
    confidence: float
    method: Method
    first_seen: str | None = None
    citations: list[Citation]
    load_runs: list[LoadRunRef]


class Provenance(_Out):
    model_config = example(examples.PROVENANCE)

    fact: Fact
    claims: list[Claim]
    independent_sources: list[str] = Field(description="one cited source per group not derived from one another")
    n_independent_sources: int


class Path(_Out):
    nodes: list[Entity]
    edges: list[Fact]
    length: int


class NoPath(_Out):
    reason: Literal["asserting-party", "hubs", "none"] = Field(
        description="asserting-party: one end only states (asserts, alleges, disputes…) facts about the other — "
        "paths walk facts, not who states them; hubs: they meet only through hubs; none: no connection within "
        "max_hops"
    )
    message: str
    asserting: list[dict[str, Any]] = Field(description="the facts one end states about the other (up to 5 each way)")
    hubs: list[dict[str, Any]] = Field(description="hubs both ends touch: id, name, type, facts (up to 5)")


class Paths(_Out):
    model_config = example(examples.PATHS)

    paths: list[Path]
    max_degree: int = Field(description="entities with more fact edges than this (hubs) were not walked through")
    no_path: NoPath | None = Field(None, description="when no path is found: why, in this graph")


class ExposureAction(_Out):
    fact: Fact
    path: Path = Field(description="from the entity to the fact's affected party (length 0: the entity itself)")
    via: str


class Exposure(_Out):
    model_config = example(examples.EXPOSURE)

    entity: Entity
    actions: list[ExposureAction]


class SourceClaim(_Out):
    id: str
    fact_id: str
    subject: str
    predicate: Predicate
    object: str
    stance: Stance
    quote: str
    start: int
    end: int


class SourceDetail(SourceWithChain):
    model_config = example(examples.SOURCE_DETAIL)

    text: str | None = Field(
        None,
        description="the source's stored text, only with include=text (absent otherwise, or when none is stored); "
        "claims' start/end are offsets into it",
        exclude_if=lambda v: v is None,
    )
    claims: list[SourceClaim] = Field(description="a page of the claims citing it, by position in the text")
    claims_total: int = Field(0, description="claims citing it, all pages")
    limit: int = 100
    offset: int = 0


class LoadRun(_Out):
    id: str
    loader: str
    status: str
    inputs: list[str]
    input_sha256: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    counts: dict[str, int] = {}
    error: str | None = None
    reconfirmations: int = 0
    series: str | None = Field(None, description="a list version's series (its loader), when the load was one")
    version_date: str | None = Field(
        None, description="the date of the list version the load was", examples=["2026-08-01"]
    )


class LoadRuns(_Out):
    model_config = example(examples.LOAD_RUNS)

    items: list[LoadRun]
    total: int
    limit: int = 50
    offset: int = 0


class QueryRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [examples.QUERY_REQUEST],
            # exactly one of cypher and saved (the validator below), said in the OpenAPI too
            "oneOf": [
                {"required": ["cypher"], "properties": {"cypher": {"type": "string"}, "saved": {"type": "null"}}},
                {"required": ["saved"], "properties": {"saved": {"type": "string"}, "cypher": {"type": "null"}}},
            ],
        },
    )

    cypher: str | None = Field(
        None, min_length=1, max_length=20_000, description="one read-only Cypher statement (or `saved`)"
    )
    saved: str | None = Field(
        None,
        pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$",
        description="the name of a saved query (GET /v1/queries), instead of `cypher`",
    )
    params: dict[str, Any] = Field(
        default_factory=dict, description="the statement's $parameters; a saved query's are checked against its types"
    )
    limit: int = Field(100, ge=1, le=10_000, description="row cap (also capped by the server's setting)")

    @field_validator("params")
    @classmethod
    def _params(cls, value: dict[str, Any]) -> dict[str, Any]:
        _check_param(value)
        return value

    @model_validator(mode="after")
    def _one_statement(self) -> QueryRequest:
        if (self.cypher is None) == (self.saved is None):
            raise ValueError("give either cypher (a statement) or saved (a saved query's name), one of them")
        return self


def _check_param(value: Any, depth: int = 0) -> None:
    if depth > 8:
        raise ValueError("params nest too deeply")
    if isinstance(value, bool) or value is None or isinstance(value, (str, float)):
        return
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise ValueError("integers in params must fit in 64 bits")
        return
    if isinstance(value, list):
        for v in value:
            _check_param(v, depth + 1)
        return
    if isinstance(value, dict):
        for v in value.values():
            _check_param(v, depth + 1)
        return
    raise ValueError(f"unsupported parameter type {type(value).__name__}")


class QueryResult(_Out):
    model_config = example(examples.QUERY_RESULT)

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


class SavedParam(_Out):
    name: str
    type: Literal["string", "integer", "float", "boolean", "date"]
    required: bool
    default: Any = Field(None, description="used when the parameter is not given")
    description: str


class SavedQuery(_Out):
    name: str = Field(description='run it with POST /v1/query {"saved": name, "params": {…}}')
    description: str
    params: list[SavedParam]
    cypher: str = Field(description="the statement, its header of comments included")


class SavedQueries(_Out):
    model_config = example(examples.SAVED_QUERIES)

    items: list[SavedQuery]
    total: int


class Resolution(_Out):
    id: str = Field(description="the decision's fact id")
    status: Literal["merged", "undone", "unsure"]
    subject: str
    object: str
    score: float | None = None
    reason: str | None = None
    decided_at: str | None = None
    claims: int


class Resolutions(_Out):
    model_config = example(examples.RESOLUTIONS)

    items: list[Resolution]
    total: int
    limit: int
    offset: int


class DecisionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.DECISION_REQUEST]})

    subject: str = Field(min_length=3, max_length=300, description="an entity id")
    object: str = Field(min_length=3, max_length=300, description="another entity id")
    reason: str = Field(min_length=1, max_length=2000, description="why (recorded with the decision)")


class Decision(_Out):
    model_config = example(examples.DECISION)

    subject: str
    object: str
    status: Literal["merged", "undone"]
    decided_at: str
    run: str | None = None
    moved: int = Field(description="ids whose canonical entity changed")
    facts: int = Field(description="fact edges rebuilt")


class ChangeRun(_Out):
    id: str
    loader: str | None = None
    started_at: str | None = None
    series: str | None = Field(None, description="the list series of a versioned load (its loader)")
    version_date: str | None = Field(None, description="the list version's date, for a versioned load")


class Change(_Out):
    run: ChangeRun
    fact_id: str
    change: Literal["added", "ended", "returned", "changed"] = Field(
        description="added: no earlier run had a claim of the fact; ended / returned: a later list version "
        "no longer holds it / holds it again; changed: another claim (a source, stance or date)"
    )
    subject: str
    predicate: Predicate
    object: str
    stances: list[Stance]
    valid_from: str | None = None
    valid_to: str | None = None
    claims: int = Field(description="claims of the fact this run wrote")
    quote: str | None = None


class Changes(_Out):
    model_config = example(examples.CHANGES)

    items: list[Change]
    total: int
    since: str | None = None


class ClaimsWritten(_Out):
    model_config = example(examples.CLAIMS_WRITTEN)

    run_id: str | None = Field(description="the load run that wrote them (or the earlier identical one)")
    reconfirmed: bool = Field(description="the same body was written before: nothing changed")
    claims: list[str] = Field(description="the claims' ids (a hash of their content)")
    created: dict[str, int] = Field(description="entities, sources and claims created by this request")
