// Unit tests of the page's pure parts (node --test; run with `npm test`).
import assert from "node:assert/strict";
import { test } from "node:test";

import { toGraphML, xmlEscape } from "../src/graphml";
import { normalise, quoteWindow, utf16Index } from "../src/quote";
import { decodeState, emptyState, encodeState } from "../src/state";
import { challenge, primaryStance } from "../src/theme";

test("the quote window marks the offsets and keeps text around them", () => {
  const text = "First sentence here. The US banned Kaspersky’s use in 2017 after alleging ties. Last one.";
  const quote = "banned Kaspersky’s use";
  const start = text.indexOf(quote);
  const w = quoteWindow(text, start, start + quote.length, quote, 15);
  assert.ok(w);
  assert.equal(w.quote, quote);
  assert.equal(w.exact, true);
  assert.ok(w.before.endsWith("The US "));
  assert.ok(w.after.startsWith(" in 2017"));
  assert.equal(w.clippedStart, true);
  assert.equal(w.clippedEnd, true);
});

test("offsets count code points, not UTF-16 units", () => {
  const text = "😀😀 alleged ties";
  assert.equal(utf16Index(text, 3), 5);
  const w = quoteWindow(text, 3, 10, "alleged");
  assert.equal(w?.quote, "alleged");
  assert.equal(w?.exact, true);
});

test("a quote with wrong offsets is found by searching, a missing one gives null", () => {
  const text = "The U.S. Commerce Department’s Bureau declined to comment.";
  const w = quoteWindow(text, 0, 3, "Bureau declined");
  assert.equal(w?.quote, "Bureau declined");
  assert.equal(w?.exact, false);
  assert.equal(quoteWindow(text, 0, 3, "not there"), null);
  assert.equal(normalise("Russia’s\u00a0 FSB"), "russia's fsb");
});

test("the view state survives the URL", () => {
  const s = emptyState();
  s.expanded = ["firm:kaspersky-lab", "agency:fsb"];
  s.more = [{ id: "list:x", predicate: "listed-on", direction: "in" }];
  s.selected = { kind: "fact", id: "fact:abc" };
  s.from = "firm:kaspersky-lab";
  s.to = "country:russia";
  s.pathIndex = 1;
  s.asOf = "2016";
  s.stances = ["asserted", "reported"];
  s.outOfTime = "hide";
  const hash = encodeState(s);
  assert.match(hash, /e=firm:kaspersky-lab&e=agency:fsb/);
  assert.match(hash, /stances=asserted,reported/);
  assert.deepEqual(decodeState(`#${hash}`), s);
  assert.deepEqual(decodeState(""), emptyState());
  assert.equal(decodeState("#asof=20x6").asOf, null);
});

test("an established fact draws the edge; a dispute marks it; otherwise the most doubtful stance", () => {
  // an established fact is drawn as established; a party's dispute is a mark on it
  assert.equal(primaryStance(["asserted", "disputed"]), "asserted");
  assert.equal(challenge(["asserted", "disputed"]), "disputed");
  assert.equal(challenge(["reported", "disputed", "denied"]), "denied");
  assert.equal(primaryStance(["reported", "asserted"]), "asserted");
  assert.equal(primaryStance(["alleged", "disputed"]), "disputed");
  assert.equal(challenge(["alleged", "disputed"]), null);
  assert.equal(primaryStance([]), "asserted");
});

test("GraphML is well-formed, typed and escaped", () => {
  const xml = toGraphML(
    [
      { id: "firm:a&b", attrs: { label: 'A "&" <B>', aliases: ["x", "y"], score: 1.5, candidate: false } },
      { id: "country:us", attrs: { label: "US", aliases: [], score: null } },
    ],
    [{ id: "fact:1", source: "firm:a&b", target: "country:us", attrs: { predicate: "banned-by", stances: ["asserted"] } }],
  );
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  assert.match(xml, /<key id="n_score" for="node" attr.name="score" attr.type="double"\/>/);
  assert.match(xml, /<key id="n_candidate" for="node" attr.name="candidate" attr.type="boolean"\/>/);
  assert.match(xml, /<node id="firm:a&amp;b">/);
  assert.match(xml, /A &quot;&amp;&quot; &lt;B&gt;/);
  assert.match(xml, /<data key="n_aliases">x; y<\/data>/);
  assert.match(xml, /<edge id="fact:1" source="firm:a&amp;b" target="country:us">/);
  assert.doesNotMatch(xml, /n_aliases">\s*<\/data>/);
  assert.equal(xmlEscape("a\u0001b"), "ab");
});
