// The page's data: the view state (kept in the URL's hash), the model loaded for it from the API
// (each call cached by its arguments), and the refresh that reloads it when the state changes.
import { ApiError, type Filters, api } from "./api";
import type { GraphModel } from "./graph";
import { type MoreKey, type ViewState, decodeState, encodeState } from "./state";
import { type Statement, statementsOf } from "./statements";
import type { Fact, NeighborGroup, Neighborhood, NoPath, Path, Paths } from "./types";

/** facts loaded per predicate and direction when an entity is expanded ("+N more" past it) */
export const NEIGHBOR_LIMIT = 25;
/** facts loaded when a "+N more" group is opened */
const MORE_LIMIT = 500;

export interface Loaded extends GraphModel {
  groups: Map<string, NeighborGroup[]>;
  inactive: Set<string>;
  /** facts whose start is unknown, on the as-of date: neither valid nor out of date */
  undated: Set<string>;
  paths: Path[];
  /** why the path search failed (null: it did not, or none was asked for) */
  pathError: string | null;
  /** the API's hub threshold: paths never pass through an entity with more facts */
  pathMaxDegree: number | null;
  /** why no path was found (the API's answer), when none was */
  pathWhy: NoPath | null;
  /** the facts one end states about the other, drawn when asked for (state.parties) */
  statements: Statement[];
}

export function emptyModel(): Loaded {
  return {
    nodes: new Map(),
    facts: new Map(),
    more: [],
    groups: new Map(),
    inactive: new Set(),
    undated: new Set(),
    paths: [],
    pathError: null,
    pathMaxDegree: null,
    pathWhy: null,
    statements: [],
  };
}

/** What the page does around a refresh: the store loads, the page draws. */
export interface RefreshHooks {
  busy(delta: number): void;
  /** draws the model just loaded; resolves once it is laid out */
  draw(fit: boolean): Promise<void>;
  /** after drawing, unless a newer refresh began meanwhile: focus, report failed loads, show the selection */
  drawn(errors: unknown[], focus: string[]): void;
}

export class Store {
  state: ViewState = decodeState(location.hash);
  model: Loaded = emptyModel();
  private readonly cache = new Map<string, Promise<unknown>>();
  /** bumped by every refresh: a refresh that is no longer the latest stops where it is */
  private generation = 0;

  constructor(private readonly hooks: RefreshHooks) {}

  /** Records the state in the URL: a new history entry (`push`) or in place. */
  commit(push: boolean): void {
    const hash = encodeState(this.state);
    const url = hash ? `#${hash}` : `${location.pathname}${location.search}`;
    if (`#${hash}` === location.hash || (!hash && !location.hash)) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  /** Takes the state from the URL (back and forward buttons). */
  fromUrl(): void {
    this.state = decodeState(location.hash);
  }

  /** Forgets the cached loads of one entity, so that the next refresh asks the API again. */
  forget(id: string): void {
    for (const key of [...this.cache.keys()]) if (key.includes(JSON.stringify(id))) this.cache.delete(key);
  }

  /** Re-runs every load the state describes (mostly from cache) and redraws the graph. */
  async refresh(fit = false, focus?: Iterable<string>): Promise<void> {
    const gen = ++this.generation;
    this.hooks.busy(1);
    try {
      const loaded = await this.load(gen);
      if (!loaded) return;
      this.model = loaded.model;
      if (this.state.pathIndex >= loaded.model.paths.length) this.state.pathIndex = 0;
      await this.hooks.draw(fit);
      if (gen !== this.generation) return;
      this.hooks.drawn(loaded.errors, focus ? [...focus] : []);
    } finally {
      this.hooks.busy(-1);
    }
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  private filters(): Filters {
    return { predicates: this.state.predicates, stances: this.state.stances };
  }

  private neighbors(id: string, asOf: string | null, more?: MoreKey): Promise<Neighborhood> {
    const f = this.filters();
    const key = JSON.stringify(["nb", id, f, asOf, more?.predicate, more?.direction]);
    return this.cached(key, () =>
      api.neighbors(id, {
        limit: more ? MORE_LIMIT : NEIGHBOR_LIMIT,
        filters: f,
        asOf,
        predicate: more?.predicate,
        direction: more?.direction,
      }),
    );
  }

  /** Loads the model the state describes; null when a newer refresh began meanwhile. */
  private async load(gen: number): Promise<{ model: Loaded; errors: unknown[] } | null> {
    const s = this.state;
    const asOf = s.asOf;
    const jobs = {
      base: s.expanded.map((id) => this.neighbors(id, null)),
      dated: asOf ? s.expanded.map((id) => this.neighbors(id, asOf)) : [],
      more: s.more.map((m) => this.neighbors(m.id, null, m)),
      moreDated: asOf ? s.more.map((m) => this.neighbors(m.id, asOf, m)) : [],
      paths:
        s.from && s.to
          ? this.cached(JSON.stringify(["paths", s.from, s.to, this.filters(), asOf]), () =>
              api.paths(s.from as string, s.to as string, this.filters(), asOf),
            )
          : Promise.resolve({ paths: [] as Path[] } as Paths),
    };
    const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);
    const [base, dated, more, moreDated, paths] = await Promise.all([
      settle(jobs.base),
      settle(jobs.dated),
      settle(jobs.more),
      settle(jobs.moreDated),
      settle([jobs.paths]),
    ]);
    if (gen !== this.generation) return null;
    const errors: unknown[] = [];
    const ok = <T>(r: PromiseSettledResult<T>): T | null => {
      if (r.status === "fulfilled") return r.value;
      errors.push(r.reason);
      return null;
    };
    const m = emptyModel();
    const addNb = (nb: Neighborhood) => {
      m.nodes.set(nb.entity.id, nb.entity);
      for (const n of nb.nodes) m.nodes.set(n.id, n);
      for (const e of nb.edges) m.facts.set(e.fact_id, e);
    };
    base.forEach((r, i) => {
      const nb = ok(r);
      if (!nb) return;
      addNb(nb);
      m.groups.set(s.expanded[i] as string, nb.groups);
    });
    const opened = new Set(s.more.map((k) => `${k.direction}|${k.predicate}|${k.id}`));
    const moreGroups: NeighborGroup[][] = [];
    more.forEach((r, i) => {
      const nb = ok(r);
      if (!nb) return;
      addNb(nb);
      moreGroups[i] = nb.groups;
    });
    // "+N more" placeholders for capped groups not opened (or still capped when opened)
    for (const [anchor, groups] of m.groups) {
      for (const g of groups) {
        const key = `${g.direction}|${g.predicate}|${anchor}`;
        let hidden = g.truncated ? g.total - g.shown : 0;
        if (opened.has(key)) {
          const idx = s.more.findIndex((k) => `${k.direction}|${k.predicate}|${k.id}` === key);
          const mg = moreGroups[idx]?.find((x) => x.predicate === g.predicate && x.direction === g.direction);
          hidden = mg && mg.truncated ? mg.total - mg.shown : 0;
        }
        if (hidden > 0) {
          m.more.push({ id: `more:${key}`, anchor, predicate: g.predicate, direction: g.direction, hidden });
        }
      }
    }
    if (asOf) {
      const valid = new Set<string>();
      for (const r of [...dated, ...moreDated]) {
        const nb = ok(r);
        if (nb) {
          for (const e of nb.edges) {
            valid.add(e.fact_id);
            if (e.validity === "unknown") m.undated.add(e.fact_id);
          }
        }
      }
      for (const id of m.facts.keys()) if (!valid.has(id)) m.inactive.add(id);
    }
    const pathSettled = paths[0] as PromiseSettledResult<Paths>;
    const pathResult = ok(pathSettled);
    m.paths = pathResult?.paths ?? [];
    m.pathMaxDegree = pathResult?.max_degree ?? null;
    m.pathWhy = pathResult?.no_path ?? null;
    m.pathError =
      pathSettled.status === "rejected"
        ? pathSettled.reason instanceof ApiError
          ? pathSettled.reason.explain()
          : String(pathSettled.reason)
        : null;
    for (const p of m.paths) {
      for (const n of p.nodes) m.nodes.set(n.id, n);
      for (const e of p.edges) {
        const { direction: _direction, ...fact } = e;
        if (!m.facts.has(e.fact_id)) m.facts.set(e.fact_id, { ...fact, direction: null });
        m.inactive.delete(e.fact_id); // found with as_of: valid on that date (or of unknown start)
        if (e.validity === "unknown") m.undated.add(e.fact_id);
      }
    }
    // asked for: the facts one end only states about the other, with their parties and ends
    const asserting = s.parties && !m.paths.length ? (m.pathWhy?.asserting ?? []) : [];
    if (asserting.length) {
      const provs = await Promise.allSettled(
        asserting.map((a) => this.cached(`prov:${a.fact_id}`, () => api.provenance(a.fact_id))),
      );
      if (gen !== this.generation) return null;
      const facts = new Map<string, Fact>();
      for (const r of provs) {
        const prov = ok(r);
        if (prov) facts.set(prov.fact.fact_id, prov.fact);
      }
      const keep = (f: Fact) =>
        (!s.stances.length || f.stances.some((x) => s.stances.includes(x))) &&
        (!s.predicates.length || s.predicates.includes(f.predicate));
      m.statements = statementsOf(asserting, facts, keep);
      for (const st of m.statements) {
        const f = facts.get(st.fact_id) as Fact;
        if (!m.facts.has(f.fact_id)) m.facts.set(f.fact_id, { ...f, direction: null });
      }
    }
    const stated = m.statements.flatMap((st) => {
      const f = m.facts.get(st.fact_id);
      return [st.party, st.about, f?.subject ?? null, f?.object ?? null];
    });
    // the path's endpoints, the selected entity and the statements' entities are always shown
    const wanted = [s.from, s.to, s.selected?.kind === "node" ? s.selected.id : null, ...stated];
    const wantedIds = [...new Set(wanted)].filter(
      (x): x is string => !!x && !x.startsWith("more:") && !m.nodes.has(x),
    );
    const extra = await Promise.allSettled(wantedIds.map((id) => this.cached(`e:${id}`, () => api.entity(id))));
    if (gen !== this.generation) return null;
    for (const r of extra) {
      const e = ok(r);
      if (e) {
        const { sources: _sources, ...entity } = e;
        m.nodes.set(entity.id, entity);
      }
    }
    return { model: m, errors };
  }
}
