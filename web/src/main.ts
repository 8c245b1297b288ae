// The investigator's page: search, expand, path finder, time slider, evidence, share and export.
import "./styles.css";

import { ApiError, api } from "./api";
import { DetailsPanel } from "./details";
import { byId, clear, h } from "./dom";
import { wireExports } from "./export";
import { FilterPanel } from "./filters";
import { GraphView, type MoreNode, type Timings } from "./graph";
import { renderLegend } from "./legend";
import { EntitySearch } from "./search";
import type { MoreKey, ViewState } from "./state";
import { Banner, StatusLine } from "./status";
import { Store } from "./store";
import { STANCE_STYLE, primaryStance, typeStyle } from "./theme";
import type { Entity, Path } from "./types";

function pathIds(p: Path): Set<string> {
  return new Set([...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.fact_id)]);
}

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
  private readonly fromBox: EntitySearch;
  private readonly toBox: EntitySearch;
  private from: Entity | null = null;
  private to: Entity | null = null;

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
      isInactive: (id) => this.store.model.inactive.has(id),
      expand: (id) => this.expand(id),
      selectNode: (id) => this.select({ kind: "node", id }),
      selectFact: (id) => this.select({ kind: "fact", id }),
      pathFrom: (e) => this.setEndpoint("from", e),
      pathTo: (e) => this.setEndpoint("to", e),
      loadMore: (m) => this.loadMore(m),
    });
    const searchFailed = (err: unknown) => {
      if (err instanceof ApiError && (err.unreachable || err.status === 503)) this.banner.show(err.explain());
    };
    new EntitySearch(byId<HTMLInputElement>("search"), (e) => this.open(e), searchFailed);
    this.fromBox = new EntitySearch(
      byId<HTMLInputElement>("path-from"),
      (e) => {
        this.from = e;
      },
      searchFailed,
    );
    this.toBox = new EntitySearch(
      byId<HTMLInputElement>("path-to"),
      (e) => {
        this.to = e;
      },
      searchFailed,
    );
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
    const s = this.store.state;
    const m = this.store.model;
    this.from = s.from ? (m.nodes.get(s.from) ?? this.from) : null;
    this.to = s.to ? (m.nodes.get(s.to) ?? this.to) : null;
    const hadNodes = this.graph.cy.nodes().length > 0;
    const t0 = performance.now();
    const added = this.graph.sync(m);
    const addMs = performance.now() - t0;
    this.decorate();
    this.syncControls();
    this.renderPaths();
    this.statusLine.update();
    if (added.length) {
      const timings = await this.graph.layout(hadNodes && !fit, t0, addMs);
      this.recordTimings(timings);
    }
  }

  /** After drawing (unless a newer refresh began): focus, report failed loads, show the selection. */
  private drawn(errors: unknown[], focus: string[]): void {
    const s = this.store.state;
    const m = this.store.model;
    if (focus.length) this.graph.focus(focus);
    else if (s.from && s.to && m.paths.length) this.graph.focus(pathIds(m.paths[s.pathIndex] as Path));
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
    const current = s.from && s.to ? this.store.model.paths[s.pathIndex] : undefined;
    let all: Set<string> | null = null;
    if (s.from && s.to && this.store.model.paths.length) {
      all = new Set();
      for (const p of this.store.model.paths) for (const id of pathIds(p)) all.add(id);
    }
    this.graph.decorate({
      expanded: new Set(s.expanded),
      inactiveFacts: this.store.model.inactive,
      hideInactive: s.outOfTime === "hide",
      pathAll: all,
      pathCurrent: current ? pathIds(current) : null,
      selected: s.selected?.id ?? null,
    });
  }

  // -- actions ----------------------------------------------------------------------------

  private open(e: Entity): void {
    if (!this.store.state.expanded.includes(e.id)) this.store.state.expanded.push(e.id);
    this.store.state.selected = { kind: "node", id: e.id };
    this.store.commit(true);
    void this.store.refresh(false, [e.id, ...this.neighbourIds(e.id)]);
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
    void this.store.refresh(false);
  }

  private select(sel: ViewState["selected"]): void {
    this.store.state.selected = sel;
    this.store.commit(false);
    this.decorate();
    this.showSelection();
  }

  private shownSelection = "(none yet)";

  private showSelection(): void {
    const sel = this.store.state.selected;
    const key = sel ? `${sel.kind}:${sel.id}:${this.store.state.asOf}:${this.store.state.expanded.length}` : "";
    if (key === this.shownSelection) return;
    this.shownSelection = key;
    if (!sel) this.details.empty();
    else if (sel.kind === "node") void this.details.node(sel.id);
    else void this.details.fact(sel.id);
  }

  private setEndpoint(which: "from" | "to", e: Entity): void {
    if (which === "from") {
      this.from = e;
      this.fromBox.show(e);
    } else {
      this.to = e;
      this.toBox.show(e);
    }
    if (this.from && this.to) this.findPaths();
    else byId(which === "from" ? "path-to" : "path-from").focus();
  }

  private findPaths(): void {
    const from = this.from?.id ?? (this.fromBox.input.dataset.entityId || null);
    const to = this.to?.id ?? (this.toBox.input.dataset.entityId || null);
    if (!from || !to) {
      this.pathMessage("Pick both ends from the suggestions.");
      return;
    }
    if (from === to) {
      this.pathMessage("From and to must be different entities.");
      return;
    }
    this.store.state.from = from;
    this.store.state.to = to;
    this.store.state.pathIndex = 0;
    this.store.commit(true);
    void this.store.refresh(false);
  }

  private clearPaths(): void {
    this.store.state.from = null;
    this.store.state.to = null;
    this.store.state.pathIndex = 0;
    this.from = null;
    this.to = null;
    this.fromBox.show(null);
    this.toBox.show(null);
    this.store.commit(true);
    void this.store.refresh(false);
  }

  private step(delta: number): void {
    const n = this.store.model.paths.length;
    if (!n) return;
    this.store.state.pathIndex = (this.store.state.pathIndex + delta + n) % n;
    this.store.commit(false);
    this.decorate();
    this.renderPaths();
    this.graph.focus(pathIds(this.store.model.paths[this.store.state.pathIndex] as Path));
  }

  // -- controls ---------------------------------------------------------------------------

  private wire(): void {
    byId("path-find").addEventListener("click", () => this.findPaths());
    byId("path-clear").addEventListener("click", () => this.clearPaths());
    byId("path-swap").addEventListener("click", () => {
      [this.from, this.to] = [this.to, this.from];
      this.fromBox.show(this.from);
      this.toBox.show(this.to);
      if (this.store.state.from && this.store.state.to) this.findPaths();
    });
    byId("path-prev").addEventListener("click", () => this.step(-1));
    byId("path-next").addEventListener("click", () => this.step(1));

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
    const s = this.store.state;
    const fromE = s.from ? this.store.model.nodes.get(s.from) : null;
    const toE = s.to ? this.store.model.nodes.get(s.to) : null;
    if (fromE && this.fromBox.input.dataset.entityId !== fromE.id) this.fromBox.show(fromE);
    if (toE && this.toBox.input.dataset.entityId !== toE.id) this.toBox.show(toE);
  }

  // -- paths panel ------------------------------------------------------------------------

  private pathMessage(text: string): void {
    const box = byId("path-results");
    clear(box);
    box.append(h("p", { class: "subtle" }, text));
  }

  private renderPaths(): void {
    const s = this.store.state;
    const box = byId("path-results");
    const nav = byId("path-nav");
    clear(box);
    nav.hidden = true;
    if (!s.from || !s.to) {
      box.append(h("p", { class: "subtle" }, "Pick two entities to see how they are connected (at most 4 hops, 5 paths)."));
      return;
    }
    const paths = this.store.model.paths;
    if (this.store.model.pathError) {
      box.append(h("p", { class: "panel-error" }, `Path search failed. ${this.store.model.pathError}`));
      return;
    }
    if (!paths.length) {
      box.append(
        h(
          "p",
          { class: "notice" },
          `No path within 4 hops${s.asOf ? ` valid on ${s.asOf}` : ""}${s.stances.length || s.predicates.length ? " with these filters" : ""} ` +
            `that avoids hubs (entities with more than ${this.store.model.pathMaxDegree ?? 1000} facts, such as a country many firms are based in: ` +
            "a path may start or end at one, never pass through it).",
        ),
      );
      return;
    }
    nav.hidden = false;
    byId("path-count").textContent = `Path ${s.pathIndex + 1} of ${paths.length}`;
    const list = h("ol", { class: "paths", "data-count": paths.length });
    paths.forEach((p, i) => {
      const hops: (HTMLElement | string)[] = [];
      p.nodes.forEach((n, k) => {
        hops.push(h("span", { class: "hop-node", style: `--c:${typeStyle(n.type).color}` }, n.name));
        const e = p.edges[k];
        if (e) {
          const stance = primaryStance(e.stances);
          hops.push(
            h(
              "button",
              {
                type: "button",
                class: `hop-edge stance-${stance}`,
                style: `--c:${STANCE_STYLE[stance]?.color ?? "#475569"}`,
                title: `${e.predicate} (${e.stances.join(", ")}) — show the evidence`,
                onclick: (ev: Event) => {
                  ev.stopPropagation();
                  this.select({ kind: "fact", id: e.fact_id });
                },
              },
              e.direction === "backward" ? `← ${e.predicate}` : `${e.predicate} →`,
            ),
          );
        }
      });
      list.append(
        h(
          "li",
          {
            class: i === s.pathIndex ? "path-item current" : "path-item",
            "aria-current": i === s.pathIndex ? "true" : null,
            onclick: () => {
              this.store.state.pathIndex = i;
              this.step(0);
            },
          },
          h("span", { class: "path-len" }, `${p.length} hop${p.length === 1 ? "" : "s"}`),
          h("span", { class: "hops" }, ...hops),
        ),
      );
    });
    box.append(list);
  }
}

const app = new App();
(window as unknown as { regkg: unknown }).regkg = {
  app,
  get cy() {
    return (app as unknown as { graph: GraphView }).graph.cy;
  },
  timings: [] as Timings[],
  /** true when no request, layout or animation is running (tests and benchmarks wait for it) */
  settled(): boolean {
    const cy = (app as unknown as { graph: GraphView }).graph.cy;
    return document.body.dataset.started === "true" && document.body.dataset.busy === "false" && !document.querySelector("#details [aria-busy]") && !cy.animated() && cy.elements(":animated").empty();
  },
};
void app.start();
