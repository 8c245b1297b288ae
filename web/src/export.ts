// Share and export: the link that reopens the view, and the view as PNG, JSON or GraphML, written
// in the browser from what the graph shows (no round trip to the server; graphml.ts writes the XML).
import { byId, download } from "./dom";
import type { GraphView } from "./graph";
import { toGraphML } from "./graphml";
import type { ViewState } from "./state";
import { toast } from "./status";
import type { Store } from "./store";
import { primaryStance } from "./theme";
import type { Fact, Path } from "./types";

/** The exported files' name without the extension: the first entity expanded and the as-of date. */
export function fileBase(s: ViewState): string {
  const first = s.expanded[0] ?? "view";
  return `regkg-${first.replace(/[^a-z0-9]+/gi, "-")}${s.asOf ? `-asof-${s.asOf}` : ""}`;
}

/** The visible entities (with their positions) and facts, the state and the paths found. */
export function exportJson(graph: GraphView, s: ViewState, paths: Path[]): unknown {
  const v = graph.visible();
  const pos = (id: string) => graph.cy.getElementById(id).position();
  return {
    exported_at: new Date().toISOString(),
    url: location.href,
    state: s,
    nodes: v.nodes.map((n) => ({ ...n, position: pos(n.id) })),
    edges: v.facts.map((f: Fact) => ({ ...f, valid_on_as_of: s.asOf ? !v.inactive.has(f.fact_id) : null })),
    paths,
  };
}

/** The visible entities and facts as GraphML. */
export function exportGraphML(graph: GraphView, s: ViewState): string {
  const v = graph.visible();
  return toGraphML(
    v.nodes.map((n) => ({
      id: n.id,
      attrs: {
        label: n.name,
        type: n.type,
        aliases: n.aliases,
        country: n.country,
        description: n.description,
        ...Object.fromEntries(Object.entries(n.identifiers).map(([k, x]) => [`identifier_${k}`, x])),
      },
    })),
    v.facts.map((f) => ({
      id: f.fact_id,
      source: f.subject,
      target: f.object,
      attrs: {
        predicate: f.predicate,
        stance: primaryStance(f.stances),
        stances: f.stances,
        valid_from: f.valid_from,
        valid_to: f.valid_to,
        n_claims: f.n_claims,
        n_sources: f.n_sources,
        confidence: f.confidence,
        asserted_by: f.asserted_by,
        quote: f.quote,
        valid_on_as_of: s.asOf ? !v.inactive.has(f.fact_id) : null,
      },
    })),
  );
}

/** Wires the Export menu (PNG, JSON, GraphML) and the Copy link button. */
export function wireExports(graph: GraphView, data: Pick<Store, "state" | "model">): void {
  const menu = document.querySelector<HTMLDetailsElement>("details.menu");
  menu?.addEventListener("click", (e) => {
    if ((e.target as HTMLElement).tagName === "BUTTON") menu.open = false;
  });
  byId("export-png").addEventListener("click", () => {
    download(`${fileBase(data.state)}.png`, graph.png());
    toast("PNG exported");
  });
  byId("export-json").addEventListener("click", () => {
    const json = exportJson(graph, data.state, data.model.paths);
    download(`${fileBase(data.state)}.json`, JSON.stringify(json, null, 2), "application/json");
    toast("JSON exported");
  });
  byId("export-graphml").addEventListener("click", () => {
    download(`${fileBase(data.state)}.graphml`, exportGraphML(graph, data.state), "application/graphml+xml");
    toast("GraphML exported");
  });
  byId("copy-link").addEventListener("click", () => {
    const url = location.href;
    navigator.clipboard?.writeText(url).then(
      () => toast("Link copied — it reopens this view"),
      () => toast(url),
    );
  });
}
