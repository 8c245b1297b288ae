// The graph from the keyboard (issue 22, point 5). The canvas is one tab stop (#cy). With it
// focused, the arrow keys move the selection among the neighbours of an anchor — the entity
// selected when you started — in clockwise order around it (Right/Down: next, Left/Up: previous);
// Enter opens the selected entity: it becomes the anchor and the focus moves to its details;
// Escape goes back: to the anchor, then to the anchor before it. Each step is announced.
import type { Core, NodeSingular } from "cytoscape";

export interface GraphKeyHooks {
  /** selects an entity (the details panel shows it) */
  select(id: string): void;
  /** moves the focus to the details panel */
  openDetails(): void;
  /** brings a node into view */
  reveal(id: string): void;
  /** says what the keyboard did, for screen readers */
  announce(text: string): void;
}

function label(n: NodeSingular): string {
  return `${String(n.data("label"))} (${String(n.data("type"))})`;
}

/** The neighbours of `anchor` one arrow key steps through: entities shown (no "+N more"), clockwise
 * from twelve o'clock on the screen. */
export function ring(anchor: NodeSingular): NodeSingular[] {
  const a = anchor.position();
  const angle = (n: NodeSingular) => {
    const p = n.position();
    return (Math.atan2(p.y - a.y, p.x - a.x) + 2.5 * Math.PI) % (2 * Math.PI);
  };
  return anchor
    .neighborhood("node")
    .filter((n) => !n.hasClass("more") && n.visible())
    .toArray()
    .map((n) => n as NodeSingular)
    .sort((x, y) => angle(x) - angle(y) || (x.id() < y.id() ? -1 : 1));
}

export class GraphKeys {
  private anchor: string | null = null;
  /** the anchors before this one (Escape walks back through them) */
  private trail: string[] = [];

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
    private readonly hooks: GraphKeyHooks,
  ) {
    container.addEventListener("keydown", (e) => this.key(e));
  }

  private key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case "ArrowRight":
      case "ArrowDown":
        this.step(1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        this.step(-1);
        break;
      case "Enter":
      case " ":
        this.open();
        break;
      case "Escape":
        this.back();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  private node(id: string | null): NodeSingular | null {
    if (!id) return null;
    const n = this.cy.getElementById(id);
    return n.nonempty() && n.isNode() && !n.hasClass("more") ? (n as NodeSingular) : null;
  }

  private selected(): NodeSingular | null {
    const n = this.cy.nodes(":selected").not(".more");
    return n.nonempty() ? (n[0] as NodeSingular) : null;
  }

  /** Where the keyboard starts without a selection: the entity expanded last, else the best connected. */
  private start(): NodeSingular | null {
    const expanded = this.cy.nodes(".expanded");
    if (expanded.nonempty()) return expanded[expanded.length - 1] as NodeSingular;
    const nodes = this.cy.nodes().not(".more").toArray() as NodeSingular[];
    nodes.sort((a, b) => b.degree(false) - a.degree(false));
    return nodes[0] ?? null;
  }

  private go(n: NodeSingular, text: string): void {
    this.hooks.select(n.id());
    this.hooks.reveal(n.id());
    this.hooks.announce(text);
  }

  private step(delta: number): void {
    const sel = this.selected();
    if (!sel) {
      const first = this.start();
      if (!first) return this.hooks.announce("The graph is empty: search an entity first.");
      this.anchor = first.id();
      this.trail = [];
      return this.go(first, `${label(first)} selected. Arrow keys move to its neighbours.`);
    }
    let anchor = this.node(this.anchor);
    // the selection moved elsewhere (a click, a search): it is the new anchor
    if (!anchor || (sel.id() !== anchor.id() && !anchor.neighborhood("node").contains(sel))) {
      if (anchor && sel.id() !== anchor.id()) this.trail.push(anchor.id());
      anchor = sel;
      this.anchor = sel.id();
    }
    const around = ring(anchor);
    if (!around.length) return this.hooks.announce(`${label(anchor)} has no neighbours in the view.`);
    const i = around.findIndex((n) => n.id() === sel.id());
    const next = i < 0 ? (delta > 0 ? 0 : around.length - 1) : (i + delta + around.length) % around.length;
    const n = around[next] as NodeSingular;
    this.go(n, `${label(n)}: neighbour ${next + 1} of ${around.length} of ${String(anchor.data("label"))}.`);
  }

  private open(): void {
    const sel = this.selected() ?? this.start();
    if (!sel) return;
    if (this.anchor && this.anchor !== sel.id()) this.trail.push(this.anchor);
    this.anchor = sel.id();
    if (!sel.selected()) this.hooks.select(sel.id());
    this.hooks.openDetails();
  }

  private back(): void {
    const sel = this.selected();
    const anchor = this.node(this.anchor);
    if (anchor && sel && sel.id() !== anchor.id()) return this.go(anchor, `Back to ${label(anchor)}.`);
    let previous = this.node(this.trail.pop() ?? null);
    while (!previous && this.trail.length) previous = this.node(this.trail.pop() ?? null);
    if (!previous) return this.hooks.announce(anchor ? `${label(anchor)}: the first entity you opened.` : "Nothing selected.");
    this.anchor = previous.id();
    this.go(previous, `Back to ${label(previous)}.`);
  }
}
