// Unit tests of the ownership section's pure helpers (node --test; run with `npm test`).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  blockedShareText,
  canBeOwned,
  dates,
  named,
  percent,
  shareText,
  shownStances,
  treeNames,
  unlabelled,
  verdictStatus,
  verdictText,
} from "../src/ownership";
import type { OwnershipNode, OwnershipRule } from "../src/types";

const RULE: OwnershipRule = {
  name: "OFAC 50 % rule",
  key: "ofac",
  threshold: 50,
  inclusive: true,
  control: false,
  cite: "OFAC, Revised Guidance (2014); FAQs 398-402",
  block_kinds: ["sanctions"],
  computed: true,
};

test("a share is a percentage, or says it is not stated (never assumed)", () => {
  assert.equal(shareText(40), "40 %");
  assert.equal(shareText(33.333333), "33.33 %");
  assert.equal(shareText(0), "0 %");
  assert.equal(shareText(null), "share not stated");
  assert.equal(shareText(undefined), "share not stated");
  assert.equal(percent(12.5), "12.5 %");
});

test("the headline says the rule's verdict; unknown gives the reason", () => {
  const base = { rule: RULE, reason: "owned 50 % or more by blocked persons: …" };
  assert.equal(verdictText({ ...base, blocked_by_50_percent_rule: "true" }), "Blocked by the 50 % rule");
  assert.equal(verdictText({ ...base, blocked_by_50_percent_rule: "false" }), "Not blocked by the 50 % rule");
  assert.equal(
    verdictText({ rule: RULE, reason: "a share not stated decides it", blocked_by_50_percent_rule: "unknown" }),
    "Unknown: a share not stated decides it",
  );
  const unknown = "unknown: the share of person:x in firm:e is not stated and would decide it";
  assert.equal(
    verdictText({ rule: RULE, reason: unknown, blocked_by_50_percent_rule: "unknown" }),
    "Unknown: the share of person:x in firm:e is not stated and would decide it",
  );
  assert.equal(unlabelled("Unknown: x", "unknown"), "x");
  assert.equal(unlabelled("listed (…); whether the rule alone would block it is unknown: x", "unknown"), "listed (…); whether the rule alone would block it is unknown: x");
  assert.deepEqual(["true", "false", "unknown"].map((v) => verdictStatus(v as "true")), ["blocked", "not-blocked", "unknown"]);
});

test("the blocked share names its maximum only when shares not stated could raise it", () => {
  assert.equal(blockedShareText({ blocked_share: 50, blocked_share_max: 50 }), "Blocked owners hold 50 %");
  assert.equal(
    blockedShareText({ blocked_share: 0, blocked_share_max: 100 }),
    "Blocked owners hold 0 % (up to 100 % counting shares not stated)",
  );
});

test("countries, lists, laws and agencies have no owners; dates and stances are shown when they say something", () => {
  assert.deepEqual(["Firm", "Person", "Country", "List", "Law", "Agency"].map(canBeOwned), [true, true, false, false, false, false]);
  assert.equal(dates("2015", "2018"), "2015 – 2018");
  assert.equal(dates("2015", null), "since 2015");
  assert.equal(dates(null, "2018"), "until 2018");
  assert.equal(dates(null, null), null);
  assert.deepEqual(shownStances(["asserted"]), []);
  assert.deepEqual(shownStances(["alleged"]), ["alleged"]);
  assert.deepEqual(shownStances(["asserted", "disputed"]), ["asserted", "disputed"]);
});

test("the tree's names are collected down every holding", () => {
  const node = (entity: string, name: string, holdings: OwnershipNode[] = []): OwnershipNode => ({
    entity,
    name,
    holdings: holdings.map((n) => ({
      owner: n.entity,
      share: null,
      fact_id: null,
      quote: null,
      valid_from: null,
      valid_to: null,
      stances: ["asserted"],
      control: false,
      node: n,
    })),
    listings: [],
    cycle: false,
    truncated: false,
  });
  const tree = node("firm:b", "B", [node("firm:a", "A", [node("person:x", "X")]), node("person:x", "X")]);
  assert.deepEqual([...treeNames(tree)].sort(), [["firm:a", "A"], ["firm:b", "B"], ["person:x", "X"]]);
});

test("a reason names entities by their names, the ids it does not know stay", () => {
  const names = new Map([["firm:own-a", "Alpha Holding"], ["person:own-x", "Oleg Example"]]);
  assert.equal(
    named("owned 50 % or more by blocked persons: firm:own-a 40 % (blocked by the rule), person:own-x 10 % (listed: …)", names),
    "owned 50 % or more by blocked persons: Alpha Holding 40 % (blocked by the rule), Oleg Example 10 % (listed: …)",
  );
  assert.equal(named("held by firm:own-a.", names), "held by Alpha Holding.");
  assert.equal(named("firm:own-ab holds 5 %; listed-on X (since 2022-03-11)", names), "firm:own-ab holds 5 %; listed-on X (since 2022-03-11)");
});
