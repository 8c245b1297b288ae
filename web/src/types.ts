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
}

export interface Source {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  author: string | null;
  published_at: string | null;
  retrieved_at: string | null;
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
