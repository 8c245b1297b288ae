// The filters: the as-of slider (a year, or any time), how facts out of date are shown, and the
// stance and predicate checkboxes (built from the API's vocabulary).
import { byId, clear, h } from "./dom";
import type { Store } from "./store";
import { ESTABLISHED, STANCE_STYLE, TYPE_STYLE } from "./theme";
import type { Vocabulary } from "./types";

const FIRST_YEAR = 2000;
const LAST_YEAR = Math.max(2026, new Date().getFullYear());
const ANY_TIME = LAST_YEAR + 1; // the slider's right-most stop

/** Without the API's vocabulary (start-up failed): the stances the page knows, no predicates. */
const KNOWN: Vocabulary = { predicates: [], stances: Object.keys(STANCE_STYLE), types: Object.keys(TYPE_STYLE) };

/** What the page does when a filter changes (the new state is already in the URL). */
export interface FilterHooks {
  /** puts the state into every control (the filters' and the path finder's) */
  sync(): void;
  /** loads and draws what the state now describes */
  reload(): void;
  /** facts out of date are shown differently: restyles the graph and the status line */
  restyle(): void;
}

export class FilterPanel {
  private stances: string[] = KNOWN.stances;

  constructor(
    private readonly data: Pick<Store, "state" | "commit">,
    private readonly hooks: FilterHooks,
  ) {
    const slider = byId<HTMLInputElement>("asof");
    slider.min = String(FIRST_YEAR);
    slider.max = String(ANY_TIME);
    let timer: number | undefined;
    const apply = () => {
      const v = Number(slider.value);
      const next = v >= ANY_TIME ? null : String(v);
      if (next === this.data.state.asOf) return;
      this.data.state.asOf = next;
      this.data.state.period = null; // a period brushed on the timeline ends on asOf: no longer
      this.data.commit(true);
      this.hooks.reload();
    };
    slider.addEventListener("input", () => {
      this.asOfLabel(Number(slider.value));
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, 250);
    });
    slider.addEventListener("change", () => {
      window.clearTimeout(timer);
      apply();
    });
    byId("asof-any").addEventListener("click", () => {
      slider.value = String(ANY_TIME);
      this.asOfLabel(ANY_TIME);
      apply();
    });
    byId<HTMLInputElement>("oot-hide").addEventListener("change", (e) => {
      this.data.state.outOfTime = (e.target as HTMLInputElement).checked ? "hide" : "grey";
      this.data.commit(true);
      this.hooks.restyle();
    });
    byId<HTMLInputElement>("hide-allegations").addEventListener("change", (e) => {
      this.data.state.stances = (e.target as HTMLInputElement).checked ? [...ESTABLISHED] : [];
      this.changed();
    });
  }

  /** Builds the stance and predicate checkboxes from the API's vocabulary (null: it is unknown). */
  build(vocab: Vocabulary | null): void {
    const v = vocab ?? KNOWN;
    this.stances = v.stances;
    const stances = byId("stance-filters");
    clear(stances);
    for (const st of v.stances) {
      const style = STANCE_STYLE[st];
      const box = h("input", { type: "checkbox", value: st, "data-stance": st });
      box.addEventListener("change", () => {
        const checked = [...stances.querySelectorAll<HTMLInputElement>("input:checked")].map((x) => x.value);
        this.data.state.stances = checked.length === this.stances.length ? [] : checked;
        this.changed();
      });
      stances.append(
        h("label", { class: "check", title: style?.meaning ?? st }, box, h("span", { class: "stance-dot", style: `--c:${style?.color ?? "#475569"}` }), st),
      );
    }
    const preds = byId("predicate-filters");
    clear(preds);
    for (const p of v.predicates) {
      const box = h("input", { type: "checkbox", value: p });
      box.addEventListener("change", () => {
        this.data.state.predicates = [...preds.querySelectorAll<HTMLInputElement>("input:checked")].map((x) => x.value);
        this.changed();
      });
      preds.append(h("label", { class: "check" }, box, p));
    }
  }

  /** Puts the state into the filter controls (after a load from the URL, a filter change...). */
  sync(): void {
    const s = this.data.state;
    const slider = byId<HTMLInputElement>("asof");
    const year = s.asOf ? Number(s.asOf.slice(0, 4)) : ANY_TIME;
    slider.value = String(year);
    this.asOfLabel(year);
    byId<HTMLInputElement>("oot-hide").checked = s.outOfTime === "hide";
    const established = s.stances.length === ESTABLISHED.length && ESTABLISHED.every((x) => s.stances.includes(x));
    byId<HTMLInputElement>("hide-allegations").checked = established;
    byId("stance-filters")
      .querySelectorAll<HTMLInputElement>("input")
      .forEach((box) => {
        box.checked = !s.stances.length || s.stances.includes(box.value);
      });
    byId("predicate-filters")
      .querySelectorAll<HTMLInputElement>("input")
      .forEach((box) => {
        box.checked = s.predicates.includes(box.value);
      });
    byId("predicate-summary").textContent = s.predicates.length
      ? `${s.predicates.length} predicate${s.predicates.length > 1 ? "s" : ""}`
      : "All predicates";
  }

  private changed(): void {
    this.data.commit(true);
    this.hooks.sync();
    this.hooks.reload();
  }

  private asOfLabel(v: number): void {
    byId("asof-label").textContent = v >= ANY_TIME ? "any time" : `on ${v}`;
  }
}
