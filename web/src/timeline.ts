// The timeline under the graph: every fact of the view (or of the selected entity) with a known
// date as an event on a time axis, one lane per predicate, coloured by stance like the graph's
// edges; facts without any date listed apart as "date unknown". Clicking an event (or Enter on it)
// selects its fact as clicking the edge does; brushing along the axis (or typing the two dates)
// chooses a period: the page's as-of date becomes its end and the URL keeps it (`tl=FROM..TO`,
// see state.ts).
//
// Dates are partial (2017, 2022-03, 2022-03-25): each is placed at its first day and drawn with
// its uncertainty (a faint band over the year or month it may mean). A fact with a start only is
// an open span to today (a dashed tail); one with an end only, an open span from the axis' start.
// The pure helpers (dating, grouping, packing rows, brush → period) are tested in web/test/.
import { axisTop } from "d3-axis";
import { type BrushBehavior, brushX } from "d3-brush";
import { type ScaleTime, scaleUtc } from "d3-scale";
import { select } from "d3-selection";

import { h } from "./dom";
import type { Period, Selection } from "./state";
import { STANCE_STYLE, primaryStance } from "./theme";
import type { Fact } from "./types";
import {
  brushPeriod,
  DAY,
  type DateBound,
  factWords,
  inPeriod,
  isoDay,
  packRows,
  partialDate,
  periodRange,
  scopeFacts,
  type TimelineData,
  type TimelineEvent,
  timeDomain,
  timelineData,
  whenText,
} from "./timeline_model";

export * from "./timeline_model";

// -- the panel ----------------------------------------------------------------------------------

export interface TimelineHooks {
  /** the facts drawn in the graph */
  facts(): Fact[];
  /** an entity's name (its id when it is not loaded) */
  name(id: string): string;
  /** whether an entity is in the graph */
  hasNode(id: string): boolean;
  selected(): Selection | null;
  period(): Period | null;
  /** selects a fact: the graph highlights the edge, the details panel shows its evidence */
  selectFact(id: string): void;
  /** a period chosen on the timeline (null: cleared) */
  setPeriod(p: Period | null): void;
}

export interface TimelineTimings {
  events: number;
  undated: number;
  renderMs: number;
}

const SVG = "http://www.w3.org/2000/svg";
const M = { left: 14, right: 18 };
const AXIS_H = 40;
const LANE_HEAD = 18;
/** above this many events: no labels, thin rows (the labels alone would take a screen each) */
const DENSE = 150;
const UNDATED_SHOWN = 60;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Today's first moment (UTC): open spans run to it (a whole day, so that redraws agree). */
function today(): number {
  return Math.floor(Date.now() / DAY) * DAY;
}

function colour(stance: string): string {
  return STANCE_STYLE[stance]?.color ?? "#475569";
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export class TimelinePanel {
  /** the entity whose facts are shown (null: the whole view) */
  private scope: string | null = null;
  /** the user asked for the whole view while an entity is selected */
  private wholeView = false;
  private lastSelectedNode: string | null = null;
  private renderedKey = "";
  private x: ScaleTime<number, number> | null = null;
  private brush: BrushBehavior<unknown> | null = null;
  /** the page is moving the brush (not the user) */
  private brushing = false;
  /** the user is dragging the brush: the page leaves it alone meanwhile */
  private dragging = false;
  private events: TimelineEvent[] = [];
  private showAllUndated = false;
  timings: TimelineTimings | null = null;

  private readonly info: HTMLElement;
  private readonly scopeBtn: HTMLButtonElement;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly axisSvg: SVGSVGElement;
  private readonly scroll: HTMLElement;
  private readonly lanesSvg: SVGSVGElement;
  private readonly undatedBox: HTMLElement;
  private readonly body: HTMLElement;
  private readonly empty: HTMLElement;

  constructor(
    private readonly root: HTMLDetailsElement,
    private readonly hooks: TimelineHooks,
  ) {
    this.info = root.querySelector(".tl-info") ?? h("span");
    this.scopeBtn = h("button", { type: "button", class: "small", id: "tl-scope" });
    this.scopeBtn.addEventListener("click", () => {
      this.wholeView = !this.wholeView;
      this.update();
    });
    const dateInput = (id: string, label: string) =>
      h("input", { id, type: "text", inputmode: "numeric", size: 10, placeholder: "YYYY-MM-DD", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", "aria-label": label, autocomplete: "off" });
    this.fromInput = dateInput("tl-from", "Period from (YYYY, YYYY-MM or YYYY-MM-DD)");
    this.toInput = dateInput("tl-to", "Period to (YYYY, YYYY-MM or YYYY-MM-DD)");
    const form = h(
      "form",
      { class: "tl-period", "aria-label": "Period" },
      h("span", { class: "tl-period-label" }, "Period"),
      this.fromInput,
      h("span", { "aria-hidden": "true" }, "–"),
      this.toInput,
      h("button", { type: "submit", class: "small", id: "tl-apply" }, "Set"),
      h("button", { type: "button", class: "small ghost", id: "tl-clear", onclick: () => this.hooks.setPeriod(null) }, "Clear"),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.typedPeriod();
    });
    this.axisSvg = svg("svg", { class: "tl-axis", height: AXIS_H, role: "group", "aria-label": "Time axis: drag along it to choose a period" });
    this.lanesSvg = svg("svg", { class: "tl-lanes", role: "group", "aria-label": "Dated facts (arrow keys move, Enter opens)" });
    this.lanesSvg.addEventListener("click", (e) => this.eventFrom(e.target, (id) => this.hooks.selectFact(id)));
    this.lanesSvg.addEventListener("keydown", (e) => this.key(e));
    this.undatedBox = h("section", { class: "tl-undated", "aria-label": "Facts with no date" });
    this.scroll = h("div", { class: "tl-scroll" }, this.lanesSvg, this.undatedBox);
    this.empty = h("p", { class: "tl-empty subtle" });
    this.body = h(
      "div",
      { class: "tl-body" },
      h("div", { class: "tl-toolbar" }, this.scopeBtn, form, h("span", { class: "tl-hint subtle" }, "Drag along the dates to choose a period")),
      this.empty,
      this.axisSvg,
      this.scroll,
    );
    root.append(this.body);
    root.addEventListener("toggle", () => this.update());
    let width = 0;
    new ResizeObserver(() => {
      const w = this.body.clientWidth;
      if (w && w !== width) {
        width = w;
        this.update();
      }
    }).observe(this.body);
  }

  /** Brings the panel up to date with the page (after a load, a selection, a new period). */
  update(): void {
    this.rescope();
    const period = this.hooks.period();
    const facts = scopeFacts(this.hooks.facts(), this.scope);
    const data = timelineData(facts);
    this.summary(data, period);
    this.syncInputs(period);
    if (!this.root.open) return;
    const width = this.innerWidth();
    if (width <= 0) return;
    const domain = timeDomain(data, today(), period);
    const key = [width, this.scope, domain.join("-"), ...facts.map((f) => `${f.fact_id}:${f.valid_from}:${f.valid_to}:${f.stances.join("+")}`)].join("|");
    if (key !== this.renderedKey) {
      const t0 = performance.now();
      this.render(data, domain, width);
      this.renderedKey = key;
      this.timings = { events: data.events.length, undated: data.undated.length, renderMs: performance.now() - t0 };
    }
    this.decorate(period);
  }

  /** The width the drawings may take: the body's, less its padding. */
  private innerWidth(): number {
    const style = getComputedStyle(this.body);
    return Math.floor(this.body.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  }

  /** The selected entity's facts; a selected fact keeps the entity it belongs to. */
  private rescope(): void {
    const sel = this.hooks.selected();
    if (sel?.kind === "node" && this.hooks.hasNode(sel.id)) {
      if (sel.id !== this.lastSelectedNode) this.wholeView = false;
      this.lastSelectedNode = sel.id;
    } else if (sel?.kind === "fact") {
      const f = this.hooks.facts().find((x) => x.fact_id === sel.id);
      if (!f || (f.subject !== this.lastSelectedNode && f.object !== this.lastSelectedNode)) this.lastSelectedNode = null;
    } else this.lastSelectedNode = null;
    if (this.lastSelectedNode && !this.hooks.hasNode(this.lastSelectedNode)) this.lastSelectedNode = null;
    this.scope = this.wholeView ? null : this.lastSelectedNode;
    const entity = this.lastSelectedNode;
    this.scopeBtn.hidden = !entity;
    if (entity) {
      this.scopeBtn.textContent = this.wholeView ? `Only ${truncate(this.hooks.name(entity), 28)}` : "Whole view";
      this.scopeBtn.title = this.wholeView ? "Show only the selected entity's facts" : "Show every fact in the view";
    }
  }

  private summary(data: TimelineData, period: Period | null): void {
    const who = this.scope ? truncate(this.hooks.name(this.scope), 40) : "whole view";
    const parts = [who, `${data.events.length} dated`, `${data.undated.length} date unknown`];
    if (period) parts.push(`period ${period.from} – ${period.to}`);
    this.info.textContent = parts.join(" · ");
    this.info.title = this.scope ? this.hooks.name(this.scope) : ""; // the name in full
  }

  private syncInputs(period: Period | null): void {
    if (document.activeElement !== this.fromInput) this.fromInput.value = period?.from ?? "";
    if (document.activeElement !== this.toInput) this.toInput.value = period?.to ?? "";
    this.fromInput.removeAttribute("aria-invalid");
    this.toInput.removeAttribute("aria-invalid");
  }

  private typedPeriod(): void {
    const from = this.fromInput.value.trim();
    const to = this.toInput.value.trim();
    if (!from && !to) {
      this.hooks.setPeriod(null);
      return;
    }
    const a = partialDate(from);
    const b = partialDate(to || from);
    const ok = (v: string, d: DateBound | null) => d !== null && d.text === v;
    this.fromInput.toggleAttribute("aria-invalid", !ok(from, a));
    this.toInput.toggleAttribute("aria-invalid", !!to && !ok(to, b));
    if (!a || !b || !ok(from, a) || (to && !ok(to, b))) return;
    if (b.hi <= a.lo) {
      this.toInput.setAttribute("aria-invalid", "true");
      return;
    }
    this.hooks.setPeriod({ from: a.text, to: b.text });
  }

  // -- drawing ------------------------------------------------------------------------------------

  private render(data: TimelineData, domain: [number, number], width: number): void {
    const x = scaleUtc().domain(domain).range([M.left, width - M.right]);
    this.x = x;
    this.dragging = false; // a drag on the brush drawn before ends there
    this.events = data.events;
    const now = today();
    this.empty.hidden = data.events.length + data.undated.length > 0;
    this.empty.textContent = this.scope ? "No facts of this entity are loaded." : "No facts in the view yet: search an entity and open it.";
    this.axisSvg.style.display = data.events.length ? "" : "none";

    // the axis, and the brush along it
    const axis = select(this.axisSvg).attr("width", width);
    axis.selectAll("*").remove();
    axis
      .append("rect")
      .attr("class", "tl-brush-bg")
      .attr("x", M.left)
      .attr("y", 2)
      .attr("width", Math.max(0, width - M.left - M.right))
      .attr("height", AXIS_H - 4)
      .attr("rx", 4);
    axis
      .append("g")
      .attr("class", "tl-axis-g")
      .attr("transform", `translate(0,${AXIS_H - 8})`)
      .call(axisTop(x).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
    const brush = brushX<unknown>()
      .extent([
        [M.left, 2],
        [width - M.right, AXIS_H - 2],
      ])
      .on("start", (ev: { sourceEvent: Event | null }) => {
        if (ev.sourceEvent && !this.brushing) this.dragging = true;
      })
      .on("end", (ev: { selection: [number, number] | null; sourceEvent: Event | null }) => {
        if (!ev.sourceEvent || this.brushing) return; // moved by the page, not the user
        this.dragging = false;
        if (!ev.selection) {
          this.hooks.setPeriod(null);
          return;
        }
        const p = brushPeriod(x.invert(ev.selection[0]), x.invert(ev.selection[1]));
        const cur = this.hooks.period();
        if (!cur || cur.from !== p.from || cur.to !== p.to) this.hooks.setPeriod(p);
      });
    this.brush = brush;
    axis.append("g").attr("class", "tl-brush").call(brush);

    // the lanes
    const dense = data.events.length > DENSE;
    const rowH = dense ? 10 : 28;
    const maxRows = dense ? 8 : 12;
    const labelPx = 6.3; // ~px per character at 11px
    const frag = document.createDocumentFragment();
    const grid = svg("g", { class: "tl-grid" });
    frag.append(grid);
    const shade = svg("rect", { class: "tl-period-shade", y: 0, height: 0, x: 0, width: 0 });
    frag.append(shade);
    let y = 4;
    let tab = true;
    for (const lane of data.lanes) {
      const head = svg("text", { class: "tl-lane-label", x: M.left, y: y + 12 }, `${lane.predicate} (${lane.events.length})`);
      frag.append(head);
      y += LANE_HEAD;
      const words = lane.events.map((e) => `${whenText(e)} · ${factWords(e.fact, this.scope, this.hooks.name)}${e.challenge ? ` ⚑ ${e.challenge}` : ""}`);
      // a label starts at its event, or ends at the right edge when it would run past it
      const labelAt = lane.events.map((e, i) => {
        const len = (words[i] as string).length * labelPx;
        return Math.max(M.left, Math.min(x(e.kind === "until" ? domain[0] : e.at) - 4, width - M.right - len));
      });
      const extents = lane.events.map((e, i): [number, number] => {
        const at = x(e.kind === "until" ? domain[0] : e.at) - 6;
        const barEnd = e.kind === "since" ? x(now) : x((e.end ?? (e.start as DateBound)).hi);
        if (dense) return [at, barEnd + 4];
        const l0 = labelAt[i] as number;
        return [Math.min(at, l0), Math.max(barEnd, l0 + (words[i] as string).length * labelPx) + 4];
      });
      const rows = packRows(extents, maxRows, 6);
      const used = Math.max(...rows) + 1;
      lane.events.forEach((e, i) => {
        const g = this.drawEvent(e, x, y + (rows[i] as number) * rowH, dense, words[i] as string, labelAt[i] as number, extents[i] as [number, number], domain, now);
        if (tab) {
          g.setAttribute("tabindex", "0");
          tab = false;
        }
        frag.append(g);
      });
      y += used * rowH + 6;
    }
    const height = Math.max(y, 8);
    for (const t of x.ticks(Math.max(2, Math.floor(width / 90)))) {
      grid.append(svg("line", { x1: x(t), x2: x(t), y1: 0, y2: height }));
    }
    if (data.events.some((e) => e.kind === "since")) {
      const tx = x(now);
      frag.append(svg("line", { class: "tl-today", x1: tx, x2: tx, y1: 0, y2: height }), svg("text", { class: "tl-today-label", x: tx - 3, y: 11, "text-anchor": "end" }, "today"));
    }
    shade.setAttribute("height", String(height));
    this.lanesSvg.replaceChildren(frag);
    this.lanesSvg.setAttribute("width", String(width));
    this.lanesSvg.setAttribute("height", String(data.events.length ? height : 0));
    this.renderUndated(data.undated);
  }

  private drawEvent(
    e: TimelineEvent,
    x: ScaleTime<number, number>,
    top: number,
    dense: boolean,
    words: string,
    labelX: number,
    extent: [number, number],
    domain: [number, number],
    now: number,
  ): SVGGElement {
    const style = STANCE_STYLE[e.stance];
    const c = colour(e.stance);
    const mid = top + (dense ? 5 : 8);
    const barH = dense ? 4 : 6;
    const g = svg("g", {
      class: `tl-event tl-${e.kind} stance-${e.stance}${style?.doubtful ? " doubtful" : ""}`,
      "data-fact-id": e.id,
      "data-at": isoDay(e.at),
      "data-predicate": e.predicate,
      role: "button",
      tabindex: "-1",
      style: `--c:${c}`,
      "aria-label": `${e.predicate} ${words}, ${e.stance}`,
    });
    g.append(svg("title", {}, `${e.predicate}: ${factWords(e.fact, null, this.hooks.name)}\n${whenText(e)} · ${e.fact.stances.join(", ")}`));
    g.append(svg("rect", { class: "tl-hit", x: extent[0], y: top, width: Math.max(0, extent[1] - extent[0]), height: dense ? 10 : 26, rx: 3 }));
    const band = (d: DateBound) => {
      if (d.precision === "day") return;
      const x0 = x(d.lo);
      g.append(svg("rect", { class: "tl-uncertain", x: x0, y: mid - barH, width: Math.max(1, x(d.hi) - x0), height: barH * 2, rx: 2 }));
    };
    if (e.start) band(e.start);
    if (e.end && e.end.text !== e.start?.text) band(e.end);
    const dash = style?.dash.length ? style.dash.join(" ") : null;
    const bar = (x0: number, x1: number, cls: string) => {
      if (x1 - x0 < 0.5) return;
      const attrs: Record<string, string | number> = { class: cls, x1: x0, x2: x1, y1: mid, y2: mid };
      if (dash && cls === "tl-bar") attrs["stroke-dasharray"] = dash;
      g.append(svg("line", attrs));
    };
    if (e.kind === "span") bar(x((e.start as DateBound).hi), x((e.end as DateBound).lo), "tl-bar");
    else if (e.kind === "since") bar(x((e.start as DateBound).hi), x(now), "tl-open");
    else bar(x(domain[0]), x((e.end as DateBound).lo), "tl-open");
    if (e.kind === "span") g.append(svg("line", { class: "tl-end", x1: x((e.end as DateBound).hi), x2: x((e.end as DateBound).hi), y1: mid - barH, y2: mid + barH }));
    g.append(svg("circle", { class: "tl-mark", cx: x(e.at), cy: mid, r: dense ? 3 : 5 }));
    if (!dense) g.append(svg("text", { class: "tl-label", x: labelX, y: top + 24 }, words));
    return g;
  }

  private renderUndated(facts: Fact[]): void {
    const box = this.undatedBox;
    box.replaceChildren();
    if (!facts.length) return;
    const shown = this.showAllUndated ? facts : facts.slice(0, UNDATED_SHOWN);
    box.append(
      h("h3", { class: "tl-undated-head" }, `Date unknown (${facts.length})`),
      h(
        "ul",
        { class: "tl-undated-list" },
        ...shown.map((f) => {
          const stance = primaryStance(f.stances);
          return h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: "tl-undated-item",
                "data-fact-id": f.fact_id,
                style: `--c:${colour(stance)}`,
                title: `${f.predicate}: ${factWords(f, null, this.hooks.name)} · ${f.stances.join(", ")} · no date stated`,
                onclick: () => this.hooks.selectFact(f.fact_id),
              },
              h("span", { class: "stance-dot", "aria-hidden": "true" }),
              h("span", { class: "tl-undated-pred" }, f.predicate),
              " ",
              factWords(f, this.scope, this.hooks.name),
            ),
          );
        }),
      ),
    );
    if (shown.length < facts.length) {
      box.append(
        h("button", { type: "button", class: "link tl-more", onclick: () => {
          this.showAllUndated = true;
          this.renderUndated(facts);
        } }, `Show all ${facts.length}`),
      );
    }
  }

  /** What changes without redrawing: the selected event, the period's shade and brush, dimming. */
  private decorate(period: Period | null): void {
    const sel = this.hooks.selected();
    const selected = sel?.kind === "fact" ? sel.id : null;
    for (const el of this.root.querySelectorAll<SVGElement | HTMLElement>("[data-fact-id]")) {
      const on = el.dataset.factId === selected;
      el.classList.toggle("selected", on);
      if (on) el.setAttribute("aria-current", "true");
      else el.removeAttribute("aria-current");
    }
    const range = period ? periodRange(period) : null;
    const byId = new Map(this.events.map((e) => [e.id, e]));
    for (const g of this.lanesSvg.querySelectorAll<SVGGElement>(".tl-event")) {
      const e = byId.get(g.dataset.factId ?? "");
      g.classList.toggle("out", !!e && !!range && !inPeriod(e, period));
    }
    const shade = this.lanesSvg.querySelector(".tl-period-shade");
    const x = this.x;
    if (shade && x) {
      if (range) {
        shade.setAttribute("x", String(x(range[0])));
        shade.setAttribute("width", String(Math.max(1, x(range[1]) - x(range[0]))));
      } else shade.setAttribute("width", "0");
    }
    const g = this.axisSvg.querySelector<SVGGElement>(".tl-brush");
    if (g && this.brush && x && !this.dragging) {
      this.brushing = true;
      try {
        select(g).call(this.brush.move, range ? [x(range[0]), x(range[1])] : null);
      } finally {
        this.brushing = false;
      }
    }
  }

  // -- keyboard -------------------------------------------------------------------------------

  private eventFrom(target: EventTarget | null, act: (id: string) => void): void {
    const g = (target as Element | null)?.closest?.(".tl-event") as SVGGElement | null;
    const id = g?.dataset.factId;
    if (g && id) {
      this.roving(g);
      act(id);
    }
  }

  private roving(g: SVGGElement): void {
    for (const other of this.lanesSvg.querySelectorAll('.tl-event[tabindex="0"]')) other.setAttribute("tabindex", "-1");
    g.setAttribute("tabindex", "0");
  }

  /** Enter or Space opens the event; arrows move through the events in date order. */
  private key(e: KeyboardEvent): void {
    const g = (e.target as Element).closest(".tl-event") as SVGGElement | null;
    if (!g) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.eventFrom(g, (id) => this.hooks.selectFact(id));
      return;
    }
    const order = this.events.map((x) => x.id);
    const i = order.indexOf(g.dataset.factId ?? "");
    const next =
      e.key === "ArrowRight" || e.key === "ArrowDown" ? i + 1
      : e.key === "ArrowLeft" || e.key === "ArrowUp" ? i - 1
      : e.key === "Home" ? 0
      : e.key === "End" ? order.length - 1
      : null;
    if (next === null) return;
    e.preventDefault();
    const id = order[Math.max(0, Math.min(order.length - 1, next))];
    const target = id ? this.lanesSvg.querySelector<SVGGElement>(`.tl-event[data-fact-id="${CSS.escape(id)}"]`) : null;
    if (target) {
      this.roving(target);
      target.focus();
    }
  }
}
