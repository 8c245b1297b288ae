// Where nodes added to a view go (issue 22, point 4): around the node they hang from (the expanded
// one), on rings of free slots, never on top of a node already there, and without moving any node
// already placed — expanding keeps the picture the investigator was reading. Pure (no Cytoscape):
// the graph view hands in boxes and links, and takes positions back (tested in web/test/).

export interface Point {
  x: number;
  y: number;
}

/** A node's box: its centre and its size (labels included). */
export interface Box extends Point {
  w: number;
  h: number;
}

export interface NewNode {
  id: string;
  w: number;
  h: number;
  /** the nodes it is linked to (placed or new), the preferred anchor first */
  links: string[];
}

/** Free space kept around every box. */
const GAP = 14;

/** A grid of the boxes placed so far, for overlap tests in constant time per box. */
class Occupied {
  private readonly cells = new Map<string, Box[]>();

  constructor(private readonly cell: number) {}

  private keys(b: Box): string[] {
    const c = this.cell;
    const out: string[] = [];
    for (let i = Math.floor((b.x - b.w / 2) / c); i <= Math.floor((b.x + b.w / 2) / c); i++) {
      for (let j = Math.floor((b.y - b.h / 2) / c); j <= Math.floor((b.y + b.h / 2) / c); j++) out.push(`${i},${j}`);
    }
    return out;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  /** Whether `b`, grown by GAP on every side, meets a box already there. */
  hits(b: Box): boolean {
    const grown = { x: b.x, y: b.y, w: b.w + 2 * GAP, h: b.h + 2 * GAP };
    for (const k of this.keys(grown)) {
      for (const o of this.cells.get(k) ?? []) {
        if (Math.abs(o.x - b.x) * 2 < o.w + b.w + 2 * GAP && Math.abs(o.y - b.y) * 2 < o.h + b.h + 2 * GAP) return true;
      }
    }
    return false;
  }
}

function centreOf(boxes: Box[]): Point {
  if (!boxes.length) return { x: 0, y: 0 };
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x - b.w / 2);
    x2 = Math.max(x2, b.x + b.w / 2);
    y1 = Math.min(y1, b.y - b.h / 2);
    y2 = Math.max(y2, b.y + b.h / 2);
  }
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
}

/** Positions for `added` that leave every box in `placed` where it is and overlap none of them
 * (nor each other). Each new node goes on the first free slot of rings around its first placed
 * link, starting on the side facing away from the rest of the view; a node linked to nothing placed
 * goes around the view's centre. Deterministic: the same input gives the same positions. */
export function placeAround(placed: Map<string, Box>, added: NewNode[]): Map<string, Point> {
  const all = [...placed.values()];
  const size = Math.max(40, ...added.map((n) => Math.max(n.w, n.h)), ...all.map((b) => Math.min(200, Math.max(b.w, b.h))));
  const occupied = new Occupied(size);
  for (const b of all) occupied.add(b);
  const centre = centreOf(all);
  const boxes = new Map(placed);
  const out = new Map<string, Point>();
  // breadth first from what is placed: a chain of new nodes grows outwards link by link
  let pending = [...added];
  while (pending.length) {
    const ready = pending.filter((n) => n.links.some((l) => boxes.has(l)));
    const batch = ready.length ? ready : pending.slice(0, 1);
    const taken = new Set(batch.map((n) => n.id));
    pending = pending.filter((n) => !taken.has(n.id));
    // the nodes hanging from one anchor are spread together, from the side away from the centre
    const byAnchor = new Map<string, NewNode[]>();
    for (const n of batch) {
      const anchor = n.links.find((l) => boxes.has(l)) ?? "";
      byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), n]);
    }
    for (const [anchorId, nodes] of byAnchor) {
      const anchor = boxes.get(anchorId) ?? { ...centre, w: 0, h: 0 };
      const away = anchorId && (anchor.x !== centre.x || anchor.y !== centre.y) ? Math.atan2(anchor.y - centre.y, anchor.x - centre.x) : -Math.PI / 2;
      for (const n of nodes) {
        const p = freeSlot(occupied, anchor, n, away, size);
        const box = { x: p.x, y: p.y, w: n.w, h: n.h };
        occupied.add(box);
        boxes.set(n.id, box);
        out.set(n.id, p);
      }
    }
  }
  return out;
}

/** The first free slot on rings around `anchor`: the nearest ring first, and on each ring the
 * slots nearest to the direction `away` first (alternately either side of it). */
function freeSlot(occupied: Occupied, anchor: Box, n: NewNode, away: number, size: number): Point {
  const first = Math.max(anchor.w, anchor.h) / 2 + Math.max(n.w, n.h) / 2 + 2 * GAP + 40;
  const step = size * 0.75;
  for (let ring = 0; ring < 400; ring++) {
    const r = first + ring * step;
    const slots = Math.max(6, Math.floor((2 * Math.PI * r) / (Math.min(n.w, 140) + GAP)));
    for (let k = 0; k < slots; k++) {
      const turn = Math.ceil(k / 2) * (k % 2 ? 1 : -1);
      const a = away + (2 * Math.PI * turn) / slots;
      const p = { x: anchor.x + r * Math.cos(a), y: anchor.y + r * Math.sin(a) };
      if (!occupied.hits({ ...p, w: n.w, h: n.h })) return p;
    }
  }
  return { x: anchor.x, y: anchor.y + first }; // not reached: 400 rings always have room
}
