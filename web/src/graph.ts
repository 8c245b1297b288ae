// The graph canvas: Cytoscape.js with fcose, kept in step with the page's model.
import cytoscape from "cytoscape";
import type { Core, ElementDefinition, EventObject, LayoutOptions, NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";

import { type Box, type NewNode, placeAround } from "./placement";
import type { Statement } from "./statements";
import { challenge, primaryStance, stylesheet } from "./theme";
import type { Entity, Fact } from "./types";

cytoscape.use(fcose);

/** A "+N more" placeholder: facts past the per-predicate cap of an expanded entity. */
export interface MoreNode {
  id: string;
  anchor: string;
  predicate: string;
  direction: "out" | "in";
  hidden: number;
}

export interface GraphModel {
  nodes: Map<string, Entity>;
  facts: Map<string, Fact>;
  more: MoreNode[];
  /** asserting parties drawn on request (a party → the entity it states a fact about) */
  statements?: Statement[];
}

export interface Decorations {
  expanded: Set<string>;
  /** facts (and entities only reached through them) not valid on the as-of date */
  inactiveFacts: Set<string>;
  /** facts whose start is unknown, on the as-of date */
  undatedFacts: Set<string>;
  hideInactive: boolean;
  /** all paths' element ids, and the current path's */
  pathAll: Set<string> | null;
  pathCurrent: Set<string> | null;
  selected: string | null;
}

export interface Timings {
  /** performance.now() when the data was in hand (ms since the page started loading) */
  startedAt: number;
  nodes: number;
  edges: number;
  addMs: number;
  firstRenderMs: number;
  layoutMs: number;
  layout: string;
}

export interface Handlers {
  node(id: string): void;
  fact(id: string): void;
  more(m: MoreNode): void;
  expand(id: string): void;
  background(): void;
}

export function edgeLabel(f: Fact): string {
  const stance = primaryStance(f.stances);
  const mark = challenge(f.stances);
  const base = stance === "asserted" ? f.predicate : `${f.predicate} · ${stance}`;
  return mark ? `${base} ⚑ ${mark}` : base;
}

/** Above this many nodes the view is "lite": straight unlabelled edges, labels only when zoomed in. */
export const LITE_NODES = 600;
/** Above this many nodes the layout is rings by degree (hubs in the middle, see ringPositions) instead of fcose. */
export const CONCENTRIC_NODES = 1000;

/** Rings by degree (hubs in the middle), computed directly: Cytoscape's concentric layout measures
 * every node's label box first, which alone took seconds at 2,000 nodes. Same order, no measuring. */
export function ringPositions(
  nodes: { id: string; degree: number }[],
  spacing = 34,
): Map<string, { x: number; y: number }> {
  const order = [...nodes].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pos = new Map<string, { x: number; y: number }>();
  let i = 0;
  let ring = 0;
  while (i < order.length) {
    const radius = ring * spacing * 1.6;
    const capacity = ring === 0 ? 1 : Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    const count = Math.min(capacity, order.length - i);
    for (let k = 0; k < count; k++, i++) {
      const a = (2 * Math.PI * k) / count + ring * 0.37;
      pos.set((order[i] as { id: string }).id, { x: radius * Math.cos(a), y: radius * Math.sin(a) });
    }
    ring++;
  }
  return pos;
}

/** The layout by size: fcose (animated when incremental) for small views, fcose draft for large
 * ones, precomputed rings by degree for very large ones, so that the page never blocks for long. */
export function layoutFor(n: number, incremental: boolean, cy?: Core): LayoutOptions & Record<string, unknown> {
  if (n > CONCENTRIC_NODES) {
    const positions = ringPositions(cy ? cy.nodes().map((x: NodeSingular) => ({ id: x.id(), degree: x.degree(false) })) : []);
    return {
      name: "preset",
      animate: false,
      // fitting would measure every label's box; the rings' extent is known, so fit to that instead
      fit: false,
      positions: (node: NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 },
      ready: () => {
        if (!cy) return;
        let r = 1;
        for (const p of positions.values()) r = Math.max(r, Math.abs(p.x), Math.abs(p.y));
        const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), (Math.min(cy.width(), cy.height()) - 60) / (2 * r + 40)));
        cy.viewport({ zoom, pan: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
    };
  }
  const big = n > LITE_NODES;
  // a phone's canvas: shorter edges and less padding, so that labels stay readable once fitted
  const narrow = !!cy && cy.width() > 0 && cy.width() < 600;
  return {
    name: "fcose",
    quality: big ? "draft" : "default",
    randomize: big || !incremental,
    animate: !big && incremental,
    animationDuration: 450,
    fit: true,
    padding: narrow ? 16 : 40,
    nodeDimensionsIncludeLabels: !big,
    uniformNodeDimensions: big,
    packComponents: true,
    nodeRepulsion: () => (big ? 6000 : narrow ? 4500 : 9000),
    idealEdgeLength: () => (big ? 60 : narrow ? 60 : 110),
    edgeElasticity: () => 0.45,
    nestingFactor: 0.1,
    gravity: 0.25,
    numIter: big ? 1200 : 2500,
    tile: true,
    samplingType: true,
    sampleSize: 25,
    nodeSeparation: 75,
  };
}

/** A seeded PRNG so that the same elements get the same layout (a shared link looks the same). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let x = 2166136261;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
  return x >>> 0;
}

/** The order in which a new node's links are tried as its anchor: expanded nodes first, then the
 * best connected. */
function rank(cy: Core, id: string): number {
  const n = cy.getElementById(id);
  return (n.hasClass("expanded") ? -1e6 : 0) - n.degree(false);
}

export class GraphView {
  readonly cy: Core;
  timings: Timings | null = null;
  private layoutRunning: cytoscape.Layouts | null = null;

  constructor(container: HTMLElement, private readonly handlers: Handlers) {
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: "single",
      textureOnViewport: false,
      motionBlur: false,
      pixelRatio: "auto",
    });
    this.cy.on("tap", "node", (e: EventObject) => {
      const n = e.target as NodeSingular;
      if (n.hasClass("more")) this.handlers.more(n.data("more") as MoreNode);
      else this.handlers.node(n.id());
    });
    this.cy.on("tap", "edge", (e: EventObject) => {
      // a statement's edge stands for the fact the party states: its evidence
      if (!e.target.hasClass("more-edge")) this.handlers.fact((e.target.data("factId") as string | undefined) ?? e.target.id());
    });
    // a label cut short by its ellipsis: the full name on hover (and in the details)
    this.cy.on("mouseover", "node", (e: EventObject) => {
      const n = e.target as NodeSingular;
      container.title = n.hasClass("more") ? "" : `${String(n.data("label"))} (${String(n.data("type"))})`;
    });
    this.cy.on("mouseout", "node", () => {
      container.title = "";
    });
    this.cy.on("dbltap", "node", (e: EventObject) => {
      const n = e.target as NodeSingular;
      if (!n.hasClass("more")) this.handlers.expand(n.id());
    });
    this.cy.on("tap", (e: EventObject) => {
      if (e.target === this.cy) this.handlers.background();
    });
    // when the canvas changes size (a panel under it opens, the window is resized) what was in its
    // centre stays there, instead of Cytoscape's default of keeping the top left corner
    let size = { w: this.cy.width(), h: this.cy.height() };
    this.cy.on("resize", () => {
      const was = size;
      size = { w: this.cy.width(), h: this.cy.height() };
      // not from or to nothing (a hidden canvas): there was no centre to keep
      if (was.w && was.h && size.w && size.h) this.cy.panBy({ x: (size.w - was.w) / 2, y: (size.h - was.h) / 2 });
    });
  }

  /** Adds, updates and removes elements to match `model`; returns the ids of the elements added. */
  sync(model: GraphModel): string[] {
    const cy = this.cy;
    const wanted = new Set<string>();
    const add: ElementDefinition[] = [];
    const addedNodes: string[] = [];
    const positioned = (id: string) => {
      const n = cy.getElementById(id);
      return n.nonempty() ? n.position() : null;
    };
    const facts = [...model.facts.values()].filter((f) => model.nodes.has(f.subject) && model.nodes.has(f.object));
    const neighbourOf = new Map<string, string[]>();
    for (const f of facts) {
      neighbourOf.set(f.subject, [...(neighbourOf.get(f.subject) ?? []), f.object]);
      neighbourOf.set(f.object, [...(neighbourOf.get(f.object) ?? []), f.subject]);
    }
    const rand = seeded(hash([...model.nodes.keys()].join("|")));
    const near = (id: string) => {
      for (const other of neighbourOf.get(id) ?? []) {
        const p = positioned(other);
        if (p) return { x: p.x + (rand() - 0.5) * 80, y: p.y + (rand() - 0.5) * 80 };
      }
      return undefined;
    };
    const lite = model.nodes.size + model.more.length > LITE_NODES;
    const cls = lite ? "lite" : "";
    for (const [id, e] of model.nodes) {
      wanted.add(id);
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        if (existing.data("entity") !== e) existing.data({ label: e.name, type: e.type, entity: e });
      } else {
        add.push({ group: "nodes", data: { id, label: e.name, type: e.type, entity: e }, position: near(id), classes: cls });
        addedNodes.push(id);
      }
    }
    for (const m of model.more) {
      wanted.add(m.id);
      const label = `+${m.hidden} more · ${m.predicate}`;
      const w = Math.round(14 + label.length * 5.6);
      if (cy.getElementById(m.id).empty()) {
        add.push({ group: "nodes", data: { id: m.id, label, more: m, w }, classes: "more", position: near(m.anchor) });
        addedNodes.push(m.id);
      } else cy.getElementById(m.id).data({ label, more: m, w });
      const eid = `${m.id}/edge`;
      wanted.add(eid);
      if (cy.getElementById(eid).empty()) {
        const [source, target] = m.direction === "out" ? [m.anchor, m.id] : [m.id, m.anchor];
        add.push({ group: "edges", data: { id: eid, source, target }, classes: "more-edge" });
        addedNodes.push(eid);
      }
    }
    for (const f of facts) {
      wanted.add(f.fact_id);
      const data = {
        id: f.fact_id,
        source: f.subject,
        target: f.object,
        label: edgeLabel(f),
        predicate: f.predicate,
        stance: primaryStance(f.stances),
        fact: f,
      };
      const existing = cy.getElementById(f.fact_id);
      if (existing.nonempty()) {
        if (existing.data("fact") !== f) existing.data({ label: data.label, stance: data.stance, fact: f });
      } else {
        add.push({ group: "edges", data, classes: cls });
        addedNodes.push(f.fact_id);
      }
    }
    for (const st of model.statements ?? []) {
      if (!model.nodes.has(st.party) || !model.nodes.has(st.about)) continue;
      wanted.add(st.id);
      if (cy.getElementById(st.id).empty()) {
        add.push({
          group: "edges",
          data: { id: st.id, source: st.party, target: st.about, label: `${st.verb} · ${st.predicate}`, factId: st.fact_id },
          classes: "statement",
          selectable: false, // a tap selects the fact it stands for, not the statement
        });
        addedNodes.push(st.id);
      }
    }
    cy.batch(() => {
      cy.elements()
        .filter((el) => !wanted.has(el.id()))
        .remove();
      if (add.length) cy.add(add);
      const wrong = lite ? cy.elements().not(".lite") : cy.elements(".lite");
      if (wrong.nonempty()) {
        if (lite) wrong.addClass("lite");
        else wrong.removeClass("lite");
      }
    });
    this.setLite(lite);
    return addedNodes;
  }

  /** Puts each decoration class exactly on the elements that need it (touching no others:
   * a class change restyles the element, which is what costs time on large views). */
  decorate(d: Decorations): void {
    const cy = this.cy;
    const byIds = (ids: Iterable<string>) => {
      const c = cy.collection();
      for (const id of ids) c.merge(cy.getElementById(id));
      return c;
    };
    const inactive = byIds(d.inactiveFacts);
    // an entity whose every fact is out of date (and that is not expanded) is out of date too
    if (d.inactiveFacts.size) {
      cy.nodes()
        .filter((n) => !n.hasClass("more") && !d.expanded.has(n.id()))
        .forEach((n) => {
          const edges = n.connectedEdges().not(".more-edge");
          if (edges.nonempty() && edges.toArray().every((e) => d.inactiveFacts.has(e.id()))) inactive.merge(n);
        });
    }
    const path = d.pathAll ? byIds(d.pathAll) : cy.collection();
    const target: Record<string, cytoscape.Collection> = {
      expanded: byIds(d.expanded),
      undated: byIds(d.undatedFacts),
      inactive: d.hideInactive ? cy.collection() : inactive,
      "oot-hidden": d.hideInactive ? inactive : cy.collection(),
      path,
      "path-current": d.pathCurrent ? byIds(d.pathCurrent) : cy.collection(),
      dimmed: d.pathAll ? cy.elements().difference(path) : cy.collection(),
    };
    cy.batch(() => {
      for (const [cls, want] of Object.entries(target)) {
        const have = cy.elements(`.${cls}`);
        have.difference(want).removeClass(cls);
        want.difference(have).addClass(cls);
      }
      const selected = d.selected ? cy.getElementById(d.selected) : cy.collection();
      cy.elements(":selected").difference(selected).unselect();
      if (selected.nonempty() && !selected.selected()) selected.select();
    });
  }

  /** Large views draw from a cached texture while the user pans or zooms. */
  private setLite(lite: boolean): void {
    // a drag on a large view always pans (from the texture) instead of moving one of 2,000 nodes,
    // which redrew the whole graph on every mouse move
    this.cy.autoungrabify(lite);
    const r = (this.cy as unknown as { renderer(): Record<string, unknown> }).renderer();
    if (r && "textureOnViewport" in r) {
      r.textureOnViewport = lite;
      r.hideEdgesOnViewport = lite;
    }
  }

  /** Runs the layout; `incremental` keeps existing positions as the start. */
  layout(incremental: boolean, t0: number = performance.now(), addMs = 0): Promise<Timings> {
    const cy = this.cy;
    this.layoutRunning?.stop();
    const n = cy.nodes().length;
    const opts = layoutFor(n, incremental, cy);
    return new Promise((resolve) => {
      let firstRenderMs = 0;
      cy.one("render", () => {
        firstRenderMs = performance.now() - t0;
      });
      const start = performance.now();
      const original = Math.random;
      Math.random = seeded(hash(cy.nodes().map((x: NodeSingular) => x.id()).join("|")));
      let layout: cytoscape.Layouts;
      try {
        layout = cy.layout(opts);
        this.layoutRunning = layout;
        layout.one("layoutstop", () => {
          this.layoutRunning = null;
          const layoutMs = performance.now() - start;
          requestAnimationFrame(() => {
            this.timings = {
              startedAt: t0,
              nodes: n,
              edges: cy.edges().length,
              addMs,
              firstRenderMs: firstRenderMs || performance.now() - t0,
              layoutMs,
              layout: opts.name === "fcose" ? `fcose/${String(opts.quality)}` : opts.name === "preset" ? "rings" : String(opts.name),
            };
            resolve(this.timings);
          });
        });
        layout.run();
      } finally {
        Math.random = original;
      }
    });
  }

  /** Places the nodes among `added` around the nodes they hang from (the expanded one first), in
   * free space, leaving every other node where it is (placement.ts). */
  place(added: string[], t0: number = performance.now(), addMs = 0): Timings {
    const cy = this.cy;
    const start = performance.now();
    const fresh = new Set(added.filter((id) => cy.getElementById(id).isNode()));
    const lite = cy.nodes().length > LITE_NODES;
    // small views: the boxes Cytoscape draws (labels included); large ones: a node and a one-line label
    const boxOf = (n: NodeSingular): Box => {
      const p = n.position();
      if (lite) return { x: p.x, y: p.y, w: Math.max(n.width(), Math.min(134, String(n.data("label") ?? "").length * 6.4)), h: n.height() + 22 };
      const bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
      return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2, w: bb.w, h: bb.h };
    };
    const placed = new Map<string, Box>();
    const news: NewNode[] = [];
    cy.nodes().forEach((n) => {
      if (!fresh.has(n.id())) {
        placed.set(n.id(), boxOf(n));
        return;
      }
      const b = boxOf(n);
      const links = n
        .neighborhood("node")
        .map((m) => m.id())
        .sort((a, b2) => rank(cy, a) - rank(cy, b2) || (a < b2 ? -1 : 1));
      news.push({ id: n.id(), w: b.w, h: b.h, links });
    });
    if (!news.length) return this.record(t0, addMs, start, "place");
    const positions = placeAround(placed, news);
    // the box's centre is not the node's when the label hangs below it: move the node by as much
    cy.batch(() => {
      for (const n of news) {
        const el = cy.getElementById(n.id);
        const to = positions.get(n.id);
        if (!to) continue;
        const b = boxOf(el);
        const p = el.position();
        el.position({ x: p.x + (to.x - b.x), y: p.y + (to.y - b.y) });
      }
    });
    return this.record(t0, addMs, start, "place");
  }

  private record(t0: number, addMs: number, start: number, layout: string): Timings {
    const now = performance.now();
    this.timings = { startedAt: t0, nodes: this.cy.nodes().length, edges: this.cy.edges().length, addMs, firstRenderMs: now - t0, layoutMs: now - start, layout };
    return this.timings;
  }

  /** Whether any of these nodes is outside the visible canvas. */
  offscreen(ids: string[]): boolean {
    const cy = this.cy;
    return ids.some((id) => {
      const n = cy.getElementById(id);
      if (n.empty() || !n.isNode()) return false;
      const p = (n as NodeSingular).renderedPosition();
      return p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height();
    });
  }

  /** Pans (without zooming) so that a node off the screen comes into view. */
  reveal(id: string): void {
    const cy = this.cy;
    const n = cy.getElementById(id);
    if (n.empty() || !n.isNode()) return;
    const p = (n as NodeSingular).renderedPosition();
    const pad = 40;
    if (p.x >= pad && p.y >= pad && p.x <= cy.width() - pad && p.y <= cy.height() - pad) return;
    cy.stop();
    cy.animate({ center: { eles: n }, duration: 200 });
  }

  /** Centres the view on `ids`, zooming to fit them but never closer than `maxZoom`. */
  focus(ids: Iterable<string>, maxZoom = 1.2): void {
    const cy = this.cy;
    const eles = cy.collection();
    for (const id of ids) eles.merge(cy.getElementById(id));
    if (eles.empty()) return;
    const bb = eles.boundingBox({});
    const pad = Math.min(70, Math.max(16, cy.width() * 0.05));
    const w = Math.max(cy.width() - 2 * pad, 50);
    const hgt = Math.max(cy.height() - 2 * pad, 50);
    const zoom = Math.max(cy.minZoom(), Math.min(maxZoom, w / Math.max(bb.w, 1), hgt / Math.max(bb.h, 1)));
    const pan = { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) };
    cy.stop();
    cy.animate({ zoom, pan, duration: 300 });
  }

  fit(): void {
    this.cy.stop();
    this.cy.animate({ fit: { eles: this.cy.elements(":visible"), padding: 40 }, duration: 250 });
  }

  zoom(factor: number): void {
    const cy = this.cy;
    cy.animate({
      zoom: { level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } },
      duration: 150,
    });
  }

  png(): Blob {
    return this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 });
  }

  /** The entities and facts currently visible (not hidden, not placeholders). */
  visible(): { nodes: Entity[]; facts: Fact[]; inactive: Set<string> } {
    const cy = this.cy;
    const nodes = cy
      .nodes(":visible")
      .not(".more")
      .map((n) => n.data("entity") as Entity);
    const edges = cy.edges(":visible").not(".more-edge");
    const facts = edges.map((e) => e.data("fact") as Fact);
    const inactive = new Set(edges.filter(".inactive").map((e) => e.id()));
    return { nodes, facts, inactive };
  }
}
