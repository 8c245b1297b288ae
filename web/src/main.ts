// The investigator's page: search, expand, path finder, time slider, evidence, share and export.
// This file puts the parts together (store, graph, details, search, paths, filters, export, status,
// legend, timeline, the sheets of narrow screens, the graph's keyboard) and holds the actions that
// change what is shown: open, expand, "+N more", select.
import "./styles.css";
import "./screens.css";

import { ApiError, api } from "./api";
import { DetailsPanel } from "./details";
import { byId } from "./dom";
import { wireExports } from "./export";
import { FilterPanel } from "./filters";
import { GraphView, type MoreNode, type Timings } from "./graph";
import { GraphKeys } from "./graph_keys";
import { renderLegend } from "./legend";
import { PathPanel } from "./paths";
import { Sheets } from "./screens";
import { EntitySearch } from "./search";
import type { MoreKey, Period, ViewState } from "./state";
import { Banner, StatusLine } from "./status";
import { Store } from "./store";
import { TimelinePanel, type TimelineTimings } from "./timeline";
import type { Entity, Fact } from "./types";

class App {
  private readonly store = new Store({
    busy: (delta) => this.statusLine.setBusy(delta),
    draw: (fit) => this.draw(fit),
    drawn: (errors, focus) => this.drawn(errors, focus),
  });
  private readonly statusLine = new StatusLine(this.store);
  private readonly banner = new Banner();
  private readonly filters = new FilterPanel(this.store, {
    sync: () => this.syncControls(),
    reload: () => void this.store.refresh(false),
    restyle: () => {
      this.decorate();
      this.statusLine.update();
    },
  });
  private readonly graph: GraphView;
  private readonly details: DetailsPanel;
  private readonly paths: PathPanel;
  private readonly timeline: TimelinePanel;
  private readonly sheets = new Sheets({ graph: () => byId("cy") });

  constructor() {
    this.graph = new GraphView(byId("cy"), {
      node: (id) => this.select({ kind: "node", id }),
      fact: (id) => this.select({ kind: "fact", id }),
      more: (m) => this.loadMore(m),
      expand: (id) => this.expand(id),
      background: () => this.select(null),
    });
    this.details = new DetailsPanel(byId("details"), {
      name: (id) => this.store.model.nodes.get(id)?.name ?? id,
      entityOf: (id) => this.store.model.nodes.get(id),
      isExpanded: (id) => this.store.state.expanded.includes(id),
      groups: (id) => this.store.model.groups.get(id),
      moreOf: (id) => this.store.model.more.filter((m) => m.anchor === id),
      asOf: () => this.store.state.asOf,
      stances: () => this.store.state.stances,
      isInactive: (id) => this.store.model.inactive.has(id),
      isUndated: (id) => this.store.model.undated.has(id),
      expand: (id) => this.expand(id),
      selectNode: (id) => this.select({ kind: "node", id }),
      showNode: (id) => this.show(id),
      selectFact: (id) => this.select({ kind: "fact", id }),
      pathFrom: (e) => {
        this.sheets.reveal("side");
        this.paths.setEndpoint("from", e);
      },
      pathTo: (e) => {
        this.sheets.reveal("side");
        this.paths.setEndpoint("to", e);
      },
      loadMore: (m) => this.loadMore(m),
    });
    const searchFailed = (err: unknown) => {
      if (err instanceof ApiError && (err.unreachable || err.status === 503)) this.banner.show(err.explain());
    };
    new EntitySearch(byId<HTMLInputElement>("search"), (e) => this.open(e), searchFailed);
    this.paths = new PathPanel(this.store, {
      searchFailed,
      selectFact: (id) => this.select({ kind: "fact", id }),
      reload: () => void this.store.refresh(false),
      restyle: () => this.decorate(),
      focus: (ids) => this.graph.focus(ids),
    });
    const timelineBox = byId<HTMLDetailsElement>("timeline");
    if (this.store.state.period) timelineBox.open = true; // a shared link with a period shows it
    // the timeline and the legend share the space under the graph: opening one folds the other
    // (either can be reopened), so that the graph keeps most of the height at 1280×800
    const legend = byId<HTMLDetailsElement>("legend");
    const fold = (opened: HTMLDetailsElement, other: HTMLDetailsElement) =>
      opened.addEventListener("toggle", () => {
        if (opened.open && other.open) other.open = false;
      });
    fold(timelineBox, legend);
    fold(legend, timelineBox);
    if (timelineBox.open) legend.open = false;
    this.timeline = new TimelinePanel(timelineBox, {
      facts: () => this.drawnFacts(),
      name: (id) => this.store.model.nodes.get(id)?.name ?? id,
      hasNode: (id) => this.store.model.nodes.has(id),
      selected: () => this.store.state.selected,
      period: () => this.store.state.period,
      selectFact: (id) => this.select({ kind: "fact", id }),
      setPeriod: (p) => this.setPeriod(p),
    });
    new GraphKeys(this.graph.cy, byId("cy"), {
      select: (id) => this.select({ kind: "node", id }),
      openDetails: () => {
        this.sheets.reveal("details");
        byId("details").focus();
      },
      reveal: (id) => this.graph.reveal(id),
      announce: (text) => {
        byId("graph-announce").textContent = text;
      },
    });
    this.wire();
    wireExports(this.graph, this.store);
    renderLegend();
  }

  // -- start-up ---------------------------------------------------------------------------

  async start(): Promise<void> {
    this.statusLine.setBusy(1);
    const [vocab, ready] = await Promise.allSettled([api.vocabulary(), api.ready()]);
    const failed = [vocab, ready].find((r) => r.status === "rejected");
    if (failed && failed.status === "rejected") {
      const err = failed.reason;
      this.banner.startupFailed(err instanceof ApiError ? err.explain() : String(err));
    }
    this.filters.build(vocab.status === "fulfilled" ? vocab.value : null);
    this.syncControls();
    this.statusLine.setBusy(-1);
    document.body.dataset.started = "true";
    await this.store.refresh(true);
  }

  // -- drawing ----------------------------------------------------------------------------

  /** Draws the model the store just loaded (the store's refresh calls this). */
  private async draw(fit: boolean): Promise<void> {
    this.paths.loaded();
    const hadNodes = this.graph.cy.nodes().length > 0;
    const t0 = performance.now();
    const added = this.graph.sync(this.store.model);
    const addMs = performance.now() - t0;
    this.decorate();
    this.syncControls();
    this.paths.render();
    this.statusLine.update();
    this.timeline.update();
    if (added.length) {
      // added to a view: placed around what they hang from, the rest stays; else laid out afresh
      const placing = hadNodes && !fit;
      const timings = placing ? this.graph.place(added, t0, addMs) : await this.graph.layout(false, t0, addMs);
      this.recordTimings(timings);
      // placed outside the view, with nothing to focus on afterwards: the whole graph is fitted
      this.refit = placing && this.graph.offscreen(added);
    } else this.refit = false;
  }

  /** New nodes were placed off the screen by the last draw. */
  private refit = false;

  /** After drawing (unless a newer refresh began): focus, report failed loads, show the selection. */
  private drawn(errors: unknown[], focus: string[]): void {
    const current = this.paths.highlight().current;
    if (focus.length) this.graph.focus(focus);
    else if (current) this.graph.focus(current);
    else if (this.refit) this.graph.fit();
    if (errors.length) {
      const err = errors[0];
      this.banner.show(err instanceof ApiError ? err.explain() : String(err), () => void this.store.refresh());
    } else this.banner.loaded();
    this.showSelection();
  }

  private recordTimings(t: Timings): void {
    const w = window as unknown as { regkg: { timings: Timings[] } };
    w.regkg.timings.push(t);
  }

  private decorate(): void {
    const s = this.store.state;
    const path = this.paths.highlight();
    this.graph.decorate({
      expanded: new Set(s.expanded),
      inactiveFacts: this.store.model.inactive,
      undatedFacts: this.store.model.undated,
      hideInactive: s.outOfTime === "hide",
      pathAll: path.all,
      pathCurrent: path.current,
      selected: s.selected?.id ?? null,
    });
  }

  // -- actions ----------------------------------------------------------------------------

  private open(e: Entity): void {
    if (!this.store.state.expanded.includes(e.id)) this.store.state.expanded.push(e.id);
    this.store.state.selected = { kind: "node", id: e.id };
    this.store.commit(true);
    this.sheets.graph();
    void this.store.refresh(false, [e.id, ...this.neighbourIds(e.id)]).then(() => this.graph.focus(this.neighbourIds(e.id)));
  }

  private neighbourIds(id: string): string[] {
    const n = this.graph.cy.getElementById(id);
    return n.nonempty() ? n.closedNeighborhood().map((x) => x.id()) : [];
  }

  private expand(id: string): void {
    if (id.startsWith("more:")) return;
    if (this.store.state.expanded.includes(id)) this.store.forget(id);
    else this.store.state.expanded.push(id);
    this.store.state.selected = { kind: "node", id };
    this.store.commit(true);
    void this.store.refresh(false).then(() => this.graph.focus(this.neighbourIds(id)));
  }

  private loadMore(m: MoreNode): void {
    const key: MoreKey = { id: m.anchor, predicate: m.predicate, direction: m.direction };
    if (!this.store.state.more.some((k) => k.id === key.id && k.predicate === key.predicate && k.direction === key.direction)) {
      this.store.state.more.push(key);
    }
    this.store.state.selected = { kind: "node", id: m.anchor };
    this.store.commit(true);
    void this.store.refresh(false).then(() => this.graph.focus(this.neighbourIds(m.anchor)));
  }

  private select(sel: ViewState["selected"]): void {
    // evidence asked for on a narrow screen: the details sheet comes up over the graph
    if (sel?.kind === "fact") this.sheets.reveal("details");
    this.store.state.selected = sel;
    this.store.commit(false);
    this.decorate();
    this.timeline.update();
    this.showSelection();
  }

  /** The facts the graph draws (both ends loaded): what the timeline shows. */
  private drawnFacts(): Fact[] {
    const m = this.store.model;
    return [...m.facts.values()].filter((f) => m.nodes.has(f.subject) && m.nodes.has(f.object));
  }

  /** A period chosen on the timeline: the page's date becomes its end (the API answers for one
   * date), the period itself stays in the URL (`tl`); clearing it clears a date it had set. */
  private setPeriod(p: Period | null): void {
    const s = this.store.state;
    const before = s.period;
    if (!p && !before) return;
    s.period = p;
    if (p) s.asOf = p.to;
    else if (before && s.asOf === before.to) s.asOf = null;
    this.store.commit(true);
    this.syncControls();
    this.timeline.update();
    void this.store.refresh(false);
  }

  /** Selects an entity; one not in the graph yet is loaded there first (the selection always is). */
  private show(id: string): void {
    if (this.store.model.nodes.has(id)) {
      this.select({ kind: "node", id });
      return;
    }
    this.store.state.selected = { kind: "node", id };
    this.store.commit(true);
    void this.store.refresh(false, [id]);
  }

  private shownSelection = "(none yet)";

  private showSelection(): void {
    const sel = this.store.state.selected;
    const s = this.store.state;
    // the entity's ownership section depends on the date and the stance filter too
    const key = sel ? `${sel.kind}:${sel.id}:${s.asOf}:${s.stances.join(",")}:${s.expanded.length}` : "";
    if (key === this.shownSelection) return;
    this.shownSelection = key;
    if (!sel) this.details.empty();
    else if (sel.kind === "node") void this.details.node(sel.id);
    else void this.details.fact(sel.id);
  }

  // -- controls ---------------------------------------------------------------------------

  private wire(): void {
    byId("fit").addEventListener("click", () => this.graph.fit());
    byId("zoom-in").addEventListener("click", () => this.graph.zoom(1.25));
    byId("zoom-out").addEventListener("click", () => this.graph.zoom(0.8));
    byId("relayout").addEventListener("click", () => {
      void this.graph.layout(false).then((t) => this.recordTimings(t));
    });
    window.addEventListener("popstate", () => {
      this.store.fromUrl();
      this.shownSelection = "";
      void this.store.refresh(true);
    });
    document.addEventListener("keydown", (e) => {
      const t = e.target as HTMLElement;
      if (e.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)) {
        e.preventDefault();
        byId("search").focus();
      }
    });
  }

  /** Puts the state into the form controls (after a load from the URL, a filter change...). */
  private syncControls(): void {
    this.filters.sync();
    this.paths.sync();
  }
}

const app = new App();
(window as unknown as { regkg: unknown }).regkg = {
  app,
  get cy() {
    return (app as unknown as { graph: GraphView }).graph.cy;
  },
  timings: [] as Timings[],
  /** the timeline's last full render (events drawn, ms) */
  get timelineTimings(): TimelineTimings | null {
    return (app as unknown as { timeline: TimelinePanel }).timeline.timings;
  },
  /** true when no request, layout or animation is running (tests and benchmarks wait for it) */
  settled(): boolean {
    const cy = (app as unknown as { graph: GraphView }).graph.cy;
    return document.body.dataset.started === "true" && document.body.dataset.busy === "false" && !document.querySelector("#details [aria-busy]") && !cy.animated() && cy.elements(":animated").empty();
  },
};
void app.start();
