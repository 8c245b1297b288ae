// Asserting parties, on request (issue 22, point 3). Paths walk facts, not who states them: when
// the only link between two entities is that one states a fact about the other ("Germany alleges
// Kaspersky's ties to the Kremlin"), the API says so (`no_path.asserting`, graph/paths_why.py) and
// the page offers to include asserting parties. Included, each such statement is drawn as what it
// is — an edge from the party to the entity the fact is about, labelled with the party's stance and
// the fact's predicate, opening the fact's evidence — and never as a path.
import type { Fact, NoPath } from "./types";

export interface Statement {
  /** the graph edge's id: `stated:<fact id>:<party>` */
  id: string;
  party: string;
  /** the end of the path search the fact is about */
  about: string;
  fact_id: string;
  predicate: string;
  /** what the party does: asserts, alleges, proposes, disputes, denies, retracted */
  verb: string;
  /** the party's stance on the fact */
  stance: string;
}

type PartyKey = "asserted_by" | "alleged_by" | "proposed_by" | "disputed_by" | "denied_by" | "retracted_by";

const ROLES: [PartyKey, string, string][] = [
  ["asserted_by", "asserts", "asserted"],
  ["alleged_by", "alleges", "alleged"],
  ["proposed_by", "proposes", "proposed"],
  ["disputed_by", "disputes", "disputed"],
  ["denied_by", "denies", "denied"],
  ["retracted_by", "retracted", "retracted"],
];

/** The statements behind `asserting` whose facts are loaded and pass `keep` (the page's filters),
 * one per fact and party, in the API's order. */
export function statementsOf(asserting: NoPath["asserting"], facts: Map<string, Fact>, keep: (f: Fact) => boolean): Statement[] {
  const out: Statement[] = [];
  const seen = new Set<string>();
  for (const a of asserting) {
    const f = facts.get(a.fact_id);
    const id = `stated:${a.fact_id}:${a.party}`;
    if (!f || seen.has(id) || !keep(f)) continue;
    seen.add(id);
    const role = ROLES.find(([key]) => (f[key] ?? []).includes(a.party));
    out.push({
      id,
      party: a.party,
      about: a.about,
      fact_id: a.fact_id,
      predicate: f.predicate,
      verb: role?.[1] ?? "states",
      stance: role?.[2] ?? "asserted",
    });
  }
  return out;
}

/** The graph elements statements highlight: their edges, the parties, the facts and the facts' ends. */
export function statementIds(statements: Statement[], facts: Map<string, Fact>): Set<string> {
  const ids = new Set<string>();
  for (const st of statements) {
    ids.add(st.id).add(st.party).add(st.about).add(st.fact_id);
    const f = facts.get(st.fact_id);
    if (f) ids.add(f.subject).add(f.object);
  }
  return ids;
}
