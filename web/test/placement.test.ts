// Unit tests of where new nodes go (placement.ts) and of the asserting parties' statements (statements.ts).
import assert from "node:assert/strict";
import { test } from "node:test";

import { type Box, placeAround } from "../src/placement";
import { statementIds, statementsOf } from "../src/statements";
import type { Fact } from "../src/types";

function overlaps(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
}

test("new nodes go around their anchor, apart from every node there and from each other", () => {
  const placed = new Map<string, Box>([
    ["hub", { x: 0, y: 0, w: 60, h: 60 }],
    ["left", { x: -200, y: 0, w: 120, h: 50 }],
    ["top", { x: 0, y: -180, w: 120, h: 50 }],
  ]);
  const added = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, w: 110, h: 50, links: ["hub"] }));
  const at = placeAround(placed, added);
  assert.equal(at.size, 30);
  const boxes: Box[] = [...placed.values()];
  for (const n of added) {
    const p = at.get(n.id);
    assert.ok(p);
    const b = { ...p, w: n.w, h: n.h };
    for (const o of boxes) assert.ok(!overlaps(b, o), `${n.id} overlaps a box at ${o.x},${o.y}`);
    boxes.push(b);
    assert.ok(Math.hypot(p.x, p.y) < 900, `${n.id} is far from its anchor`);
  }
  // the first one faces away from the rest of the view (the others are left and above the hub)
  const first = at.get("n0") as { x: number; y: number };
  assert.ok(first.x > 0 && first.y > 0, JSON.stringify(first));
  assert.deepEqual(placeAround(placed, added), at, "the same input gives the same positions");
});

test("a chain of new nodes grows outwards link by link; a node linked to nothing goes by the view", () => {
  const placed = new Map<string, Box>([["a", { x: 0, y: 0, w: 40, h: 40 }]]);
  const at = placeAround(placed, [
    { id: "c", w: 40, h: 40, links: ["b"] },
    { id: "b", w: 40, h: 40, links: ["a", "c"] },
    { id: "lone", w: 40, h: 40, links: [] },
  ]);
  const b = at.get("b") as { x: number; y: number };
  const c = at.get("c") as { x: number; y: number };
  assert.ok(Math.hypot(b.x, b.y) < 200, "b hangs from a");
  assert.ok(Math.hypot(c.x - b.x, c.y - b.y) < 200, "c hangs from b, once b is placed");
  assert.ok(at.has("lone"));
});

test("statements: one per fact and party, the party's stance, the filters applied", () => {
  const fact: Fact = {
    fact_id: "fact:1",
    subject: "firm:kaspersky-lab",
    predicate: "alleged-tie-to",
    object: "agency:kremlin",
    stances: ["alleged"],
    valid_from: null,
    valid_to: null,
    n_claims: 1,
    n_sources: 1,
    quote: null,
    confidence: null,
    asserted_by: [],
    alleged_by: ["country:de"],
    direction: null,
  };
  const a = { fact_id: "fact:1", party: "country:de", party_name: "Germany", about: "firm:kaspersky-lab", predicate: "alleged-tie-to" };
  const facts = new Map([["fact:1", fact]]);
  const sts = statementsOf([a, a], facts, () => true);
  assert.deepEqual(sts, [
    { id: "stated:fact:1:country:de", party: "country:de", about: "firm:kaspersky-lab", fact_id: "fact:1", predicate: "alleged-tie-to", verb: "alleges", stance: "alleged" },
  ]);
  assert.deepEqual([...statementIds(sts, facts)].sort(), ["agency:kremlin", "country:de", "fact:1", "firm:kaspersky-lab", "stated:fact:1:country:de"]);
  assert.deepEqual(statementsOf([a], facts, (f) => f.stances.includes("asserted")), []);
  assert.deepEqual(statementsOf([a], new Map(), () => true), [], "a fact not loaded is not drawn");
});
