// The one place that talks to the API: typed GETs, the JSON error envelope, clear failures.
import type {
  EntityDetail,
  Neighborhood,
  Ownership,
  Paths,
  Provenance,
  SearchPage,
  SourceDetail,
  Vocabulary,
} from "./types";

/** An API failure the page can explain: `status` 0 means the API could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get unreachable(): boolean {
    return this.status === 0;
  }

  /** A sentence for the error banner. */
  explain(): string {
    if (this.status === 0) {
      return `Cannot reach the regkg API at ${location.origin}. Is \`regkg serve\` (or \`make demo\`) running?`;
    }
    if (this.status === 503) {
      return `The graph database is unavailable: ${this.message}`;
    }
    if (this.status === 404) return `Not found: ${this.message}`;
    return `The API answered ${this.status} (${this.code}): ${this.message}`;
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "") continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

const seg = encodeURIComponent;

export async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const url = `${path}${query(params)}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "unreachable", String(err), url);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const env = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      env?.code ?? "http_error",
      env?.message ?? `${response.status} ${response.statusText}`,
      url,
    );
  }
  if (body === null) throw new ApiError(response.status, "bad_response", "the API answered without JSON", url);
  return body as T;
}

export interface Filters {
  predicates: string[];
  stances: string[];
}

function filterParams(f: Filters): Params {
  return {
    predicates: f.predicates.length ? f.predicates.join(",") : null,
    stances: f.stances.length ? f.stances.join(",") : null,
  };
}

export const api = {
  ready: () => get<{ status: string; neo4j_version: string }>("/ready"),

  async vocabulary(): Promise<Vocabulary> {
    const doc = await get<{ components: { schemas: Record<string, { enum?: string[] }> } }>("/openapi.json");
    const s = doc.components.schemas;
    return {
      predicates: s.Predicate?.enum ?? [],
      stances: s.Stance?.enum ?? [],
      types: s.EntityType?.enum ?? [],
    };
  },

  search: (q: string, signal?: AbortSignal, limit = 8) => get<SearchPage>("/v1/entities", { q, limit }, signal),

  entity: (id: string) => get<EntityDetail>(`/v1/entities/${seg(id)}`),

  neighbors: (
    id: string,
    opts: { limit: number; filters: Filters; asOf: string | null; predicate?: string; direction?: string },
  ) =>
    get<Neighborhood>(`/v1/entities/${seg(id)}/neighbors`, {
      limit: opts.limit,
      ...filterParams(opts.filters),
      ...(opts.predicate ? { predicates: opts.predicate } : {}),
      direction: opts.direction,
      as_of: opts.asOf,
    }),

  paths: (from: string, to: string, filters: Filters, asOf: string | null, maxHops = 4, limit = 5) =>
    get<Paths>("/v1/paths", { from, to, max_hops: maxHops, limit, ...filterParams(filters), as_of: asOf }),

  /** the ownership tree above an entity and the 50 % rule's finding (the server's default rule) */
  ownership: (id: string, asOf: string | null, stances: string[]) =>
    get<Ownership>(`/v1/entities/${seg(id)}/ownership`, { as_of: asOf, stances: stances.length ? stances.join(",") : null }),

  provenance: (factId: string) => get<Provenance>(`/v1/facts/${seg(factId)}/provenance`),

  // the text is left out unless asked for: the page shows each quote inside it
  source: (id: string) => get<SourceDetail>(`/v1/sources/${seg(id)}`, { include: "text" }),
};
