// Unit tests of the pure helpers in the page's modules (node --test; run with `npm test`).
import assert from "node:assert/strict";
import { test } from "node:test";

import { fileBase } from "../src/export";
import { pathIds } from "../src/paths";
import { emptyState } from "../src/state";
import type { Entity, Fact } from "../src/types";

test("exported files are named after the first entity expanded and the as-of date", () => {
  const s = emptyState();
  assert.equal(fileBase(s), "regkg-view");
  s.expanded = ["firm:kaspersky-lab", "agency:fsb"];
  assert.equal(fileBase(s), "regkg-firm-kaspersky-lab");
  s.asOf = "2016-05";
  assert.equal(fileBase(s), "regkg-firm-kaspersky-lab-asof-2016-05");
});

test("a path highlights its entities and its facts", () => {
  const entity = (id: string): Entity => ({ id, type: "Firm", name: id, aliases: [], country: null, identifiers: {}, description: null });
  const fact = (fact_id: string, subject: string, object: string): Fact => ({
    fact_id,
    subject,
    predicate: "part-of",
    object,
    stances: ["asserted"],
    valid_from: null,
    valid_to: null,
    n_claims: 1,
    n_sources: 1,
    quote: null,
    confidence: null,
    asserted_by: [],
    direction: "forward",
  });
  const ids = pathIds({ nodes: [entity("a"), entity("b")], edges: [fact("fact:1", "a", "b")], length: 1 });
  assert.deepEqual([...ids].sort(), ["a", "b", "fact:1"]);
});
