// The view's state, kept in the URL's hash so that a copied link reopens the same view.

export interface MoreKey {
  id: string;
  predicate: string;
  direction: "out" | "in";
}

export type Selection = { kind: "node"; id: string } | { kind: "fact"; id: string };

/** A period brushed on the timeline (partial dates, `from` ≤ `to`). The API answers for one date
 * only, so the page's `asOf` is set to the period's end; the period itself is kept in the URL as
 * `tl=FROM..TO` (e.g. `tl=2017-01-01..2022-12-31`) for the timeline to shade and filter by. */
export interface Period {
  from: string;
  to: string;
}

export interface ViewState {
  /** entities whose neighbourhood is loaded, in the order they were expanded */
  expanded: string[];
  /** "+N more" groups opened past the per-predicate cap */
  more: MoreKey[];
  selected: Selection | null;
  from: string | null;
  to: string | null;
  /** the path being stepped through (0-based) */
  pathIndex: number;
  /** as-of date (YYYY, YYYY-MM or YYYY-MM-DD); null = any time */
  asOf: string | null;
  stances: string[];
  predicates: string[];
  /** facts not valid on asOf: greyed out or hidden */
  outOfTime: "grey" | "hide";
  /** the period brushed on the timeline (asOf is then its end); null = none */
  period: Period | null;
  /** with no path: draw the facts one end states about the other (statements.ts) */
  parties: boolean;
}

export function emptyState(): ViewState {
  return {
    expanded: [],
    more: [],
    selected: null,
    from: null,
    to: null,
    pathIndex: 0,
    asOf: null,
    stances: [],
    predicates: [],
    outOfTime: "grey",
    period: null,
    parties: false,
  };
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The first day a partial date can mean, as YYYY-MM-DD (compares as text). */
function firstDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** `tl`'s value: "2017-01-01..2022-12-31". */
export function encodePeriod(p: Period): string {
  return `${p.from}..${p.to}`;
}

/** A `tl` value back to a period; null unless both ends are dates and the first is not later. */
export function decodePeriod(raw: string | null): Period | null {
  if (!raw) return null;
  const [from, to, ...rest] = raw.split("..");
  if (rest.length || !from || !to || !DATE.test(from) || !DATE.test(to)) return null;
  return firstDay(from) <= firstDay(to) ? { from, to } : null;
}

export function encodeState(s: ViewState): string {
  const p = new URLSearchParams();
  for (const id of s.expanded) p.append("e", id);
  for (const m of s.more) p.append("more", `${m.direction}~${m.predicate}~${m.id}`);
  if (s.selected) p.set(s.selected.kind, s.selected.id);
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  if (s.from && s.to && s.pathIndex > 0) p.set("path", String(s.pathIndex + 1));
  if (s.asOf) p.set("asof", s.asOf);
  if (s.stances.length) p.set("stances", s.stances.join(","));
  if (s.predicates.length) p.set("predicates", s.predicates.join(","));
  if (s.outOfTime === "hide") p.set("outoftime", "hide");
  if (s.period) p.set("tl", encodePeriod(s.period));
  if (s.from && s.to && s.parties) p.set("parties", "1");
  // ":", "~" and "," may stand unescaped in a fragment; keeping them makes links readable
  return p.toString().replace(/%3A/gi, ":").replace(/%7E/gi, "~").replace(/%2C/gi, ",");
}

function list(raw: string | null): string[] {
  return raw ? raw.split(",").map((x) => x.trim()).filter(Boolean) : [];
}

export function decodeState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const s = emptyState();
  s.expanded = [...new Set(p.getAll("e").filter(Boolean))];
  for (const raw of p.getAll("more")) {
    const [direction, predicate, ...rest] = raw.split("~");
    const id = rest.join("~");
    if ((direction === "out" || direction === "in") && predicate && id) s.more.push({ id, predicate, direction });
  }
  const node = p.get("node");
  const fact = p.get("fact");
  s.selected = fact ? { kind: "fact", id: fact } : node ? { kind: "node", id: node } : null;
  s.from = p.get("from") || null;
  s.to = p.get("to") || null;
  const path = Number.parseInt(p.get("path") ?? "1", 10);
  s.pathIndex = Number.isFinite(path) && path > 1 ? path - 1 : 0;
  const asOf = p.get("asof");
  s.asOf = asOf && DATE.test(asOf) ? asOf : null;
  s.stances = list(p.get("stances"));
  s.predicates = list(p.get("predicates"));
  s.outOfTime = p.get("outoftime") === "hide" ? "hide" : "grey";
  s.period = decodePeriod(p.get("tl"));
  s.parties = p.get("parties") === "1";
  return s;
}
