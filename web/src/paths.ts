// The path finder: the two ends (entity boxes with suggestions), the paths found between them
// (at most 4 hops, 5 paths), stepping through them, and the graph elements each path highlights.
import { byId, clear, h } from "./dom";
import { EntitySearch } from "./search";
import { statementIds } from "./statements";
import type { Store } from "./store";
import { STANCE_STYLE, primaryStance, typeStyle } from "./theme";
import type { Entity, NoPath, Path } from "./types";

/** The ids of a path's entities and facts: the graph elements it highlights. */
export function pathIds(p: Path): Set<string> {
  return new Set([...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.fact_id)]);
}

/** What the page does for the path finder (changes to the state are already in the URL). */
export interface PathHooks {
  /** a suggestion box's search failed */
  searchFailed(err: unknown): void;
  /** shows a fact's evidence */
  selectFact(id: string): void;
  /** the ends changed: loads and draws the paths */
  reload(): void;
  /** another path is current: redraws the highlights */
  restyle(): void;
  /** centres the view on these elements */
  focus(ids: Set<string>): void;
}

export class PathPanel {
  private readonly fromBox: EntitySearch;
  private readonly toBox: EntitySearch;
  /** the ends picked in the boxes (not yet searched for while the state has no from and to) */
  private from: Entity | null = null;
  private to: Entity | null = null;

  constructor(
    private readonly data: Pick<Store, "state" | "model" | "commit">,
    private readonly hooks: PathHooks,
  ) {
    this.fromBox = new EntitySearch(
      byId<HTMLInputElement>("path-from"),
      (e) => {
        this.from = e;
      },
      hooks.searchFailed,
    );
    this.toBox = new EntitySearch(
      byId<HTMLInputElement>("path-to"),
      (e) => {
        this.to = e;
      },
      hooks.searchFailed,
    );
    byId("path-find").addEventListener("click", () => this.find());
    byId("path-clear").addEventListener("click", () => this.reset());
    byId("path-swap").addEventListener("click", () => {
      [this.from, this.to] = [this.to, this.from];
      this.fromBox.show(this.from);
      this.toBox.show(this.to);
      if (this.data.state.from && this.data.state.to) this.find();
    });
    byId("path-prev").addEventListener("click", () => this.step(-1));
    byId("path-next").addEventListener("click", () => this.step(1));
  }

  /** Makes `e` one end of the path (from the details panel); with both ends, searches. */
  setEndpoint(which: "from" | "to", e: Entity): void {
    if (which === "from") {
      this.from = e;
      this.fromBox.show(e);
    } else {
      this.to = e;
      this.toBox.show(e);
    }
    if (this.from && this.to) this.find();
    else byId(which === "from" ? "path-to" : "path-from").focus();
  }

  /** Takes the ends' entities from a model just loaded. */
  loaded(): void {
    const s = this.data.state;
    const m = this.data.model;
    this.from = s.from ? (m.nodes.get(s.from) ?? this.from) : null;
    this.to = s.to ? (m.nodes.get(s.to) ?? this.to) : null;
  }

  /** Puts the state's ends into the boxes. */
  sync(): void {
    const s = this.data.state;
    const fromE = s.from ? this.data.model.nodes.get(s.from) : null;
    const toE = s.to ? this.data.model.nodes.get(s.to) : null;
    if (fromE && this.fromBox.input.dataset.entityId !== fromE.id) this.fromBox.show(fromE);
    if (toE && this.toBox.input.dataset.entityId !== toE.id) this.toBox.show(toE);
  }

  /** The elements of every path found and of the current one (null: no paths shown). */
  highlight(): { all: Set<string> | null; current: Set<string> | null } {
    const s = this.data.state;
    const paths = this.data.model.paths;
    const current = s.from && s.to ? paths[s.pathIndex] : undefined;
    const statements = this.data.model.statements;
    if (s.from && s.to && !paths.length && s.parties && statements.length) {
      const ids = statementIds(statements, this.data.model.facts);
      return { all: ids, current: ids };
    }
    let all: Set<string> | null = null;
    if (s.from && s.to && paths.length) {
      all = new Set();
      for (const p of paths) for (const id of pathIds(p)) all.add(id);
    }
    return { all, current: current ? pathIds(current) : null };
  }

  /** Lists the paths found (or says why there are none) under the boxes. */
  render(): void {
    const s = this.data.state;
    const box = byId("path-results");
    const nav = byId("path-nav");
    clear(box);
    nav.hidden = true;
    if (!s.from || !s.to) {
      box.append(h("p", { class: "subtle" }, "Pick two entities to see how they are connected (at most 4 hops, 5 paths)."));
      return;
    }
    const paths = this.data.model.paths;
    if (this.data.model.pathError) {
      box.append(h("p", { class: "panel-error" }, `Path search failed. ${this.data.model.pathError}`));
      return;
    }
    if (!paths.length) {
      const why = this.data.model.pathWhy;
      const filtered = `${s.asOf ? ` valid on ${s.asOf}` : ""}${s.stances.length || s.predicates.length ? " with these filters" : ""}`;
      // the API says why in this graph: one end only states facts about the other, hubs between, or nothing
      const text = why ? why.message.replace(/^No connection within (\d+ hops?)/, `No connection within $1${filtered}`) : `No path within 4 hops${filtered}.`;
      box.append(h("p", { class: "notice", "data-reason": why?.reason ?? "" }, text));
      if (why?.asserting.length) box.append(this.statements(why));
      return;
    }
    nav.hidden = false;
    byId("path-count").textContent = `Path ${s.pathIndex + 1} of ${paths.length}`;
    const list = h("ol", { class: "paths", "data-count": paths.length });
    paths.forEach((p, i) => {
      const hops: (HTMLElement | string)[] = [];
      p.nodes.forEach((n, k) => {
        hops.push(h("span", { class: "hop-node", style: `--c:${typeStyle(n.type).color}`, title: n.name }, n.name));
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
                  this.hooks.selectFact(e.fact_id);
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
              this.data.state.pathIndex = i;
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

  /** The offer to include asserting parties, or (included) the facts they state, each opening its
   * evidence — said to be statements, not paths. */
  private statements(why: NoPath): HTMLElement {
    const m = this.data.model;
    const toggle = (on: boolean) =>
      h(
        "button",
        {
          type: "button",
          id: "path-parties",
          class: "small",
          "aria-pressed": String(on),
          title: on ? "Draw only paths" : "Draw the facts one end states about the other, with who states them",
          onclick: () => {
            this.data.state.parties = !on;
            this.data.commit(true);
            this.hooks.reload();
          },
        },
        on ? "Leave out asserting parties" : "Include asserting parties",
      );
    if (!this.data.state.parties) return h("div", { class: "statements" }, toggle(false));
    const name = (id: string, fallback?: string | null) => m.nodes.get(id)?.name ?? fallback ?? id;
    const items = m.statements.map((st) => {
      const f = m.facts.get(st.fact_id);
      const a = why.asserting.find((x) => x.fact_id === st.fact_id && x.party === st.party);
      const party = name(st.party, a?.party_name);
      const fact = f ? `${name(f.subject)} ${f.predicate} ${name(f.object)}` : st.predicate;
      return h(
        "li",
        { class: "statement", "data-fact-id": st.fact_id, "data-party": st.party },
        h("span", { class: "hop-node", style: `--c:${typeStyle(m.nodes.get(st.party)?.type ?? "").color}`, title: party }, party),
        " ",
        h("span", { class: `stated stance-${st.stance}`, style: `--c:${STANCE_STYLE[st.stance]?.color ?? "#475569"}` }, st.verb),
        " ",
        h(
          "button",
          {
            type: "button",
            class: "link stated-fact",
            title: `${fact} — show the evidence`,
            onclick: () => this.hooks.selectFact(st.fact_id),
          },
          fact,
        ),
      );
    });
    return h(
      "div",
      { class: "statements" },
      h("p", { class: "subtle" }, "Not a path: who states what about the other end. Each is drawn as a dashed edge from the party; open the fact for its evidence."),
      items.length ? h("ul", { class: "statements-list" }, ...items) : h("p", { class: "subtle" }, "The facts they state are hidden by the filters."),
      toggle(true),
    );
  }

  private message(text: string): void {
    const box = byId("path-results");
    clear(box);
    box.append(h("p", { class: "subtle" }, text));
  }

  private find(): void {
    const from = this.from?.id ?? (this.fromBox.input.dataset.entityId || null);
    const to = this.to?.id ?? (this.toBox.input.dataset.entityId || null);
    if (!from || !to) {
      this.message("Pick both ends from the suggestions.");
      return;
    }
    if (from === to) {
      this.message("From and to must be different entities.");
      return;
    }
    this.data.state.from = from;
    this.data.state.to = to;
    this.data.state.pathIndex = 0;
    this.data.state.parties = false; // offered again for the new ends, when it applies
    this.data.commit(true);
    this.hooks.reload();
  }

  private reset(): void {
    this.data.state.from = null;
    this.data.state.to = null;
    this.data.state.pathIndex = 0;
    this.data.state.parties = false;
    this.from = null;
    this.to = null;
    this.fromBox.show(null);
    this.toBox.show(null);
    this.data.commit(true);
    this.hooks.reload();
  }

  private step(delta: number): void {
    const n = this.data.model.paths.length;
    if (!n) return;
    this.data.state.pathIndex = (this.data.state.pathIndex + delta + n) % n;
    this.data.commit(false);
    this.hooks.restyle();
    this.render();
    this.hooks.focus(pathIds(this.data.model.paths[this.data.state.pathIndex] as Path));
  }
}
