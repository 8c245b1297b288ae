// Any screen (issue 22, point 4): the panels that become sheets over the graph on narrow screens
// (screens.css: the path finder and filters below 1100 px, the details too below 600 px), the tabs
// that open them, Escape that closes them, and the legend folded by default below 1100 px.
import { byId } from "./dom";

export type Sheet = "" | "side" | "details";

/** Below this width the path finder and filters are a sheet; the legend starts folded. */
export const MEDIUM = "(max-width: 1100px)";
/** Below this width the details are a sheet too and the graph takes the whole width. */
export const NARROW = "(max-width: 600px)";

function matches(query: string): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

/** Whether `sheet` is a sheet (not a column) at the window's width now. */
export function isSheet(sheet: Sheet): boolean {
  return sheet === "side" ? matches(MEDIUM) : sheet === "details" ? matches(NARROW) : false;
}

export class Sheets {
  private readonly tabs: HTMLButtonElement[];
  /** what had the focus when a sheet was opened from the keyboard (Escape gives it back) */
  private opener: HTMLElement | null = null;

  constructor(private readonly hooks: { graph(): HTMLElement }) {
    this.tabs = [...byId("panel-tabs").querySelectorAll<HTMLButtonElement>("button[data-sheet]")];
    for (const tab of this.tabs) {
      tab.addEventListener("click", () => {
        const sheet = (tab.dataset.sheet ?? "") as Sheet;
        this.opener = tab;
        this.show(this.current === sheet ? "" : sheet);
        if (this.current) this.panel(this.current).focus({ preventScroll: true });
      });
    }
    for (const sheet of ["side", "details"] as const) {
      this.panel(sheet).addEventListener("keydown", (e) => {
        if (e.key !== "Escape" || e.defaultPrevented) return;
        // Escape in the details returns to the graph; a sheet closes first
        if (sheet === "details" || isSheet(sheet)) {
          e.preventDefault();
          const back = sheet === "details" ? this.hooks.graph() : (this.opener ?? byId("tab-side"));
          if (this.current === sheet) this.show("");
          back.focus();
        }
      });
    }
    this.panel("side").tabIndex = -1;
    if (matches(MEDIUM)) byId<HTMLDetailsElement>("legend").open = false;
    this.show("");
  }

  get current(): Sheet {
    return (document.body.dataset.sheet ?? "") as Sheet;
  }

  /** Opens a sheet ("" shows the graph alone); on a wide screen it only marks the tab. */
  show(sheet: Sheet): void {
    document.body.dataset.sheet = sheet;
    for (const tab of this.tabs) tab.setAttribute("aria-pressed", String((tab.dataset.sheet ?? "") === sheet));
  }

  /** Opens `sheet` when it is a sheet at this width (a panel that is a column is already shown). */
  reveal(sheet: Exclude<Sheet, "">): void {
    if (isSheet(sheet)) this.show(sheet);
  }

  /** Shows the graph: closes a sheet that covers it. */
  graph(): void {
    if (this.current && isSheet(this.current)) this.show("");
  }

  private panel(sheet: Exclude<Sheet, "">): HTMLElement {
    return byId(sheet === "side" ? "sidebar" : "details");
  }
}
