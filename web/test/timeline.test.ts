// Unit tests of the timeline's pure helpers (node --test; run with `npm test`).
import assert from "node:assert/strict";
import { test } from "node:test";

import { decodePeriod, decodeState, emptyState, encodePeriod, encodeState } from "../src/state";
import {
  brushPeriod,
  factEvent,
  factWords,
  inPeriod,
  isoDay,
  packRows,
  partialDate,
  periodRange,
  scopeFacts,
  timeDomain,
  timelineData,
  whenText,
} from "../src/timeline";
import type { Fact } from "../src/types";

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

function fact(fact_id: string, predicate: string, valid_from: string | null, valid_to: string | null = null, more: Partial<Fact> = {}): Fact {
  return {
    fact_id,
    subject: "firm:kaspersky-lab",
    predicate,
    object: "country:us",
    stances: ["asserted"],
    valid_from,
    valid_to,
    n_claims: 1,
    n_sources: 1,
    quote: null,
    confidence: null,
    asserted_by: [],
    direction: null,
    ...more,
  };
}

test("a partial date is placed at its first day and covers the days it may mean", () => {
  const y = partialDate("2017");
  assert.deepEqual(y, { text: "2017", lo: day("2017-01-01"), hi: day("2018-01-01"), precision: "year" });
  const m = partialDate("2022-02");
  assert.deepEqual(m, { text: "2022-02", lo: day("2022-02-01"), hi: day("2022-03-01"), precision: "month" });
  const d = partialDate("2022-03-25");
  assert.deepEqual(d, { text: "2022-03-25", lo: day("2022-03-25"), hi: day("2022-03-26"), precision: "day" });
  assert.equal(partialDate("2024-12")?.hi, day("2025-01-01"));
  assert.equal(new Date(partialDate("0099")?.lo ?? 0).getUTCFullYear(), 99); // not read as 1999
  for (const bad of [null, "", "soon", "2022-13", "2023-02-30", "17"]) assert.equal(partialDate(bad), null, String(bad));
  assert.equal(isoDay(day("2017-01-01")), "2017-01-01");
});

test("a fact with both dates is a span, one with a start only is open to today, none is undated", () => {
  assert.equal(factEvent(fact("a", "owns", "2015", "2018"))?.kind, "span");
  const since = factEvent(fact("b", "banned-by", "2017"));
  assert.equal(since?.kind, "since");
  assert.equal(since?.at, day("2017-01-01"));
  assert.equal(whenText(since!), "since 2017");
  const until = factEvent(fact("c", "owns", null, "2019-05"));
  assert.equal(until?.kind, "until");
  assert.equal(until?.at, day("2019-05-01"));
  assert.equal(whenText(until!), "until 2019-05");
  assert.equal(whenText(factEvent(fact("d", "owns", "2015", "2018"))!), "2015 – 2018");
  assert.equal(factEvent(fact("e", "owns", null)), null);
  assert.equal(factEvent(fact("f", "owns", "not a date")), null);
  // ends given the wrong way round are put in order
  const swapped = factEvent(fact("g", "owns", "2020", "2010"));
  assert.equal(swapped?.start?.text, "2010");
  // drawn with the graph's stance, the challenge marked
  const disputed = factEvent(fact("h", "banned-by", "2017", null, { stances: ["asserted", "disputed"] }));
  assert.equal(disputed?.stance, "asserted");
  assert.equal(disputed?.challenge, "disputed");
});

test("events are grouped by predicate in date order, the undated set apart", () => {
  const data = timelineData([
    fact("entity-list", "listed-on", "2024-06-20"),
    fact("hq", "headquartered-in", null),
    fact("covered", "listed-on", "2022-03-25"),
    fact("ban", "banned-by", "2017"),
    fact("alleged", "alleged-tie-to", null),
  ]);
  assert.deepEqual(
    data.lanes.map((l) => [l.predicate, l.events.map((e) => e.id)]),
    [
      ["banned-by", ["ban"]],
      ["listed-on", ["covered", "entity-list"]],
    ],
  );
  assert.deepEqual(data.events.map((e) => e.id), ["ban", "covered", "entity-list"]);
  assert.deepEqual(data.undated.map((f) => f.fact_id), ["alleged", "hq"]);
});

test("the selected entity's facts, or the whole view's", () => {
  const facts = [fact("a", "owns", null), fact("b", "owns", null, null, { subject: "x", object: "y" })];
  assert.deepEqual(scopeFacts(facts, "country:us").map((f) => f.fact_id), ["a"]);
  assert.deepEqual(scopeFacts(facts, null).map((f) => f.fact_id), ["a", "b"]);
  const name = (id: string) => ({ "firm:kaspersky-lab": "Kaspersky Lab", "country:us": "United States" })[id] ?? id;
  const f = facts[0] as Fact;
  assert.equal(factWords(f, "firm:kaspersky-lab", name), "→ United States");
  assert.equal(factWords(f, "country:us", name), "← Kaspersky Lab");
  assert.equal(factWords(f, null, name), "Kaspersky Lab → United States");
});

test("a brushed stretch becomes a period of whole days, kept in the URL as tl=FROM..TO", () => {
  const p = brushPeriod(new Date("2022-12-31T18:00:00Z"), new Date("2017-01-01T07:30:00Z"));
  assert.deepEqual(p, { from: "2017-01-01", to: "2022-12-31" });
  assert.equal(encodePeriod(p), "2017-01-01..2022-12-31");
  assert.deepEqual(decodePeriod("2017..2022-03"), { from: "2017", to: "2022-03" });
  for (const bad of [null, "", "2017", "2022..2017", "2017..soon", "2017..2018..2019"]) assert.equal(decodePeriod(bad), null, String(bad));
  const s = emptyState();
  s.expanded = ["firm:kaspersky-lab"];
  s.asOf = p.to;
  s.period = p;
  const hash = encodeState(s);
  assert.match(hash, /asof=2022-12-31&tl=2017-01-01\.\.2022-12-31/);
  assert.deepEqual(decodeState(`#${hash}`), s);
  assert.equal(decodeState("#tl=2022..2017").period, null);
});

test("a period keeps the events that may fall in it; open ends reach it", () => {
  const p = { from: "2018", to: "2022-03" };
  assert.deepEqual(periodRange(p), [day("2018-01-01"), day("2022-04-01")]);
  const inside = (f: Fact) => inPeriod(factEvent(f)!, p);
  assert.equal(inside(fact("ban", "banned-by", "2017")), true); // still in force
  assert.equal(inside(fact("old", "owns", "2010", "2016")), false);
  assert.equal(inside(fact("late", "listed-on", "2024-06-20")), false);
  assert.equal(inside(fact("edge", "listed-on", "2022-03-31")), true);
  assert.equal(inside(fact("until", "owns", null, "2019")), true);
  assert.equal(inPeriod(factEvent(fact("any", "owns", "1990"))!, null), true);
});

test("the axis covers every event, today for open spans, and the period", () => {
  const now = day("2026-06-01");
  const [lo, hi] = timeDomain(timelineData([fact("ban", "banned-by", "2017"), fact("x", "owns", "2019", "2020")]), now);
  assert.ok(lo < day("2017-01-01") && hi > now);
  const [lo2, hi2] = timeDomain(timelineData([fact("x", "owns", "2019", "2020")]), now, { from: "2010", to: "2011" });
  assert.ok(lo2 < day("2010-01-01") && hi2 > day("2021-01-01") && hi2 < now);
  const [lo3, hi3] = timeDomain(timelineData([]), now);
  assert.ok(lo3 < hi3);
});

test("overlapping events go in separate rows, up to a cap", () => {
  assert.deepEqual(packRows([[0, 10], [5, 20], [12, 30], [21, 25]], 5), [0, 1, 0, 1]);
  assert.deepEqual(packRows([[0, 10], [11, 20]], 5, 4), [0, 1]); // the gap counts
  assert.deepEqual(packRows([[0, 10], [0, 20], [0, 30]], 2), [0, 1, 0]); // past the cap: the row freed first
});
