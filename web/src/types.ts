// The v1 API's JSON shapes (api/models.py), as the page uses them.

export interface Entity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  country: string | null;
  identifiers: Record<string, string>;
  description: string | null;
  candidate?: boolean;
  /** the other ids a same-as decision joins to this entity (it answers for all of them) */
  members?: Member[];
}

export interface Member {
  id: string;
  name: string;
  type: string;
}

export interface ScoredEntity extends Entity {
  score: number;
}

export interface SearchPage {
  items: ScoredEntity[];
  total: number;
}

export interface SourceRef {
  id: string;
  title: string | null;
  publisher: string | null;
  kind: string | null;
  url: string | null;
}

export interface EntityDetail extends Entity {
  sources: SourceRef[];
  /** each name of the entity (and its members) with the records that gave it */
  names?: { name: string; origins: string[] }[];
}

export interface Fact {
  fact_id: string;
  subject: string;
  predicate: string;
  object: string;
  stances: string[];
  valid_from: string | null;
  valid_to: string | null;
  n_claims: number;
  n_sources: number;
  quote: string | null;
  confidence: number | null;
  asserted_by: string[];
  alleged_by?: string[];
  proposed_by?: string[];
  disputed_by?: string[];
  denied_by?: string[];
  retracted_by?: string[];
  direction: "forward" | "backward" | null;
  /** with as_of: valid on that date, or of unknown start */
  validity?: "valid" | "unknown" | null;
}

export interface NeighborGroup {
  predicate: string;
  direction: "out" | "in";
  total: number;
  shown: number;
  truncated: boolean;
}

export interface Neighborhood {
  entity: Entity;
  nodes: Entity[];
  edges: Fact[];
  groups: NeighborGroup[];
  truncated: boolean;
}

export interface Path {
  nodes: Entity[];
  edges: Fact[];
  length: number;
}

export interface Paths {
  paths: Path[];
  /** entities with more fact edges than this (hubs) were not walked through */
  max_degree?: number;
  /** when no path was found: why, in this graph (graph/paths_why.py) */
  no_path?: NoPath | null;
}

export interface NoPath {
  reason: "asserting-party" | "hubs" | "none";
  message: string;
  /** facts one end states about the other (at most 5 each way): the party, the end it is about */
  asserting: {
    fact_id: string;
    party: string;
    party_name: string | null;
    about: string;
    about_name?: string | null;
    predicate: string;
    subject?: string;
    object?: string;
  }[];
  hubs: { id: string; name: string | null; facts: number }[];
}

export interface Source {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  author: string | null;
  published_at: string | null;
  retrieved_at: string | null;
  /** the earliest / latest list version or export that held the record */
  first_seen?: string | null;
  last_seen?: string | null;
  sha256: string | null;
  kind: string;
}

export interface SourceWithChain extends Source {
  derived_from: Source[];
}

export interface Citation {
  quote: string;
  start: number;
  end: number;
  source: SourceWithChain;
}

export interface LoadRunRef {
  id: string;
  loader: string | null;
  status: string | null;
  started_at: string | null;
  finished_at: string | null;
  reconfirmed_at: string | null;
}

export interface Claim {
  id: string;
  /** the claim's own ends (a member's id when resolution joined it into the fact's entity) */
  subject?: string;
  object?: string;
  stance: string;
  asserted_by: Entity | null;
  valid_from: string | null;
  valid_to: string | null;
  qualifiers: Record<string, unknown>;
  confidence: number;
  method: string;
  first_seen: string | null;
  citations: Citation[];
  load_runs: LoadRunRef[];
}

export interface Provenance {
  fact: Fact;
  claims: Claim[];
  independent_sources: string[];
  n_independent_sources: number;
}

export interface SourceDetail extends SourceWithChain {
  /** only with include=text, and only when the source's text is stored */
  text?: string | null;
}

export interface Vocabulary {
  predicates: string[];
  stances: string[];
  types: string[];
}

// -- the ownership rule (api/ownership_models.py): GET /v1/entities/{id}/ownership --------------

/** the rule's verdict from the owners alone */
export type Verdict = "true" | "false" | "unknown";

export interface OwnershipRule {
  name: string;
  key: "ofac" | "eu";
  threshold: number;
  /** true: the threshold or more blocks (OFAC); false: more than it (EU) */
  inclusive: boolean;
  control: boolean;
  cite: string;
  block_kinds: string[];
  /** always true: computed from the graph, no source states it */
  computed: boolean;
}

/** a fact that blocks an owner in its own right (listed-on a blocking list, sanctioned-by) */
export interface OwnershipListing {
  fact_id: string;
  predicate: string;
  by: string;
  by_name: string | null;
  quote: string | null;
  valid_from: string | null;
  valid_to: string | null;
  stances: string[];
}

export interface OwnershipHolding {
  owner: string;
  /** percent; null: the source states no share (never assumed) */
  share: number | null;
  fact_id: string | null;
  quote: string | null;
  valid_from: string | null;
  valid_to: string | null;
  stances: string[];
  control: boolean;
  node: OwnershipNode;
}

export type OwnershipStatus = "blocked" | "not-blocked" | "unknown";

export interface OwnershipNode {
  entity: string;
  name?: string | null;
  type?: string | null;
  /** absent on a cycle's repeat */
  status?: OwnershipStatus | null;
  /** why it is blocked in its own right (its listings), if it is */
  listed?: string | null;
  by_rule?: Verdict | null;
  reason?: string | null;
  blocked_share?: number | null;
  holdings: OwnershipHolding[];
  listings: OwnershipListing[];
  /** the entity repeats on this branch: the tree stops here */
  cycle: boolean;
  /** owners above this node were not walked (depth or size bound) */
  truncated: boolean;
}

/** a holding whose unstated share would decide an unknown answer */
export interface MissingHolding {
  owner: string;
  owner_name?: string | null;
  owned: string;
  share: number | null;
  fact_id: string | null;
  quote: string | null;
}

export interface Ownership {
  entity: { id: string; name: string; type: string };
  /** blocked (listed or by the rule); null: unknown */
  blocked: boolean | null;
  blocked_by_50_percent_rule: Verdict;
  reason: string;
  /** percent held by blocked owners, known shares only */
  blocked_share: number;
  /** the most it could be, counting shares not stated */
  blocked_share_max: number;
  missing: MissingHolding[];
  rule: OwnershipRule;
  tree: OwnershipNode;
}
