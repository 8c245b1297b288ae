// The page's notices: the status line (what the graph shows and what it leaves out), the busy
// indicator, the error banner (with its retry button) and the short-lived toast.
import { byId } from "./dom";
import { NEIGHBOR_LIMIT, type Store } from "./store";

/** The line under the graph and the busy indicator (which also hides the "empty" hint). */
export class StatusLine {
  private pending = 0;

  constructor(private readonly data: Pick<Store, "state" | "model">) {}

  /** Counts the loads in flight: +1 when one starts, -1 when it ends. */
  setBusy(delta: number): void {
    this.pending = Math.max(0, this.pending + delta);
    const busy = this.pending > 0;
    document.body.dataset.busy = busy ? "true" : "false";
    byId("progress").hidden = !busy;
    if (!busy) byId("empty").hidden = this.data.model.nodes.size > 0;
    else byId("empty").hidden = true;
  }

  /** Counts what is shown, what is left out, and the filters in force. */
  update(): void {
    const m = this.data.model;
    const s = this.data.state;
    const nodes = m.nodes.size;
    const facts = m.facts.size;
    const empty = nodes === 0;
    byId("empty").hidden = !empty || this.pending > 0;
    const parts = [`${nodes} entit${nodes === 1 ? "y" : "ies"}`, `${facts} fact${facts === 1 ? "" : "s"}`];
    const hidden = m.more.reduce((n, x) => n + x.hidden, 0);
    if (hidden) parts.push(`${hidden} more not shown (cap ${NEIGHBOR_LIMIT} per predicate)`);
    if (s.asOf) {
      parts.push(`${m.inactive.size} not valid on ${s.asOf} (${s.outOfTime === "hide" ? "hidden" : "greyed"})`);
    }
    if (s.stances.length) parts.push(`stances: ${s.stances.join(", ")}`);
    if (s.predicates.length) parts.push(`predicates: ${s.predicates.join(", ")}`);
    byId("status").textContent = empty ? "" : parts.join(" · ");
  }
}

/** The error banner at the top: a message, a close button and, when it helps, a retry button. */
export class Banner {
  /** why start-up failed: the banner keeps saying so after loads that went through */
  private startupError: string | null = null;

  constructor() {
    byId("banner-close").addEventListener("click", () => this.show(null));
  }

  /** Shows `message` (null hides the banner); `retry` adds a button that hides it and calls back. */
  show(message: string | null, retry?: () => void): void {
    const el = byId("banner");
    if (!message) {
      el.hidden = true;
      return;
    }
    byId("banner-text").textContent = message;
    const btn = byId<HTMLButtonElement>("banner-retry");
    btn.hidden = !retry;
    btn.onclick = retry
      ? () => {
          this.startupError = null;
          this.show(null);
          retry();
        }
      : null;
    el.hidden = false;
  }

  /** Start-up failed (no vocabulary, or the API is not ready): retrying reloads the page. */
  startupFailed(message: string): void {
    this.startupError = message;
    this.show(message, () => location.reload());
  }

  /** A refresh loaded everything: hides the banner unless it says why start-up failed. */
  loaded(): void {
    if (!this.startupError) this.show(null);
  }
}

let toastTimer: number | undefined;

/** Shows `text` briefly at the bottom of the page. */
export function toast(text: string): void {
  const el = byId("toast");
  el.textContent = text;
  el.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => {
    el.hidden = true;
  }, 2500);
}
