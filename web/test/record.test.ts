// Unit tests of the record view's pure parts (record.ts): a structured source read as labelled fields.
import assert from "node:assert/strict";
import { test } from "node:test";

import { locate } from "../src/quote";
import {
  type RecordView,
  type Span,
  ftmProperty,
  ftmSchemaLabel,
  layoutsFor,
  parseJson,
  plainValue,
  readRecord,
  readableProperties,
  reportingChain,
  sourceDate,
  splitRecord,
} from "../src/record";

/** The span of `quote` in `text` (its first occurrence, after `from`). */
function span(text: string, quote: string, from = 0): Span {
  const i = text.indexOf(quote, from);
  assert.ok(i >= 0, `${quote} not in ${text}`);
  return [i, i + quote.length];
}

function row(r: RecordView, label: string): { value: string; marked: string[]; cited: boolean } {
  const f = r.fields.find((x) => x.label === label);
  assert.ok(f, `no field ${label} in ${r.fields.map((x) => x.label).join(", ")}`);
  return {
    value: f.segments.map((s) => s.text).join(""),
    marked: f.segments.filter((s) => s.marked).map((s) => s.text),
    cited: f.marked,
  };
}

function shown(r: RecordView): string {
  return [r.heading, ...r.fields.flatMap((f) => [f.label, ...f.segments.map((s) => s.text)])].join(" ");
}

// tests/fixtures/ftm/identity.ftm.jsonl, line 6, as the loader stores it
const OWNERSHIP =
  '{"id": "id-ownership", "schema": "Ownership", "properties": {"owner": ["id-zakharov"], "asset": ["id-cst"], "percentage": ["49"]}, "datasets": ["regkg_identity_fixture"]}';
// data/samples/fcc_covered_list_2026.csv, line 7
const FCC_2026 =
  '"Information security products, solutions, and services supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors, successors, parents, subsidiaries, or affiliates.","March 25, 2022"';

test("FtM labels come from followthemoney's model, inherited properties too", () => {
  assert.equal(ftmSchemaLabel("Ownership"), "Ownership");
  assert.equal(ftmSchemaLabel("PublicBody"), "Public body");
  assert.equal(ftmProperty("Ownership", "percentage")?.label, "Percentage held");
  assert.equal(ftmProperty("Ownership", "owner")?.type, "entity");
  assert.equal(ftmProperty("Ownership", "startDate")?.label, "Start date"); // from Interval
  assert.equal(ftmProperty("Company", "innCode")?.label, "INN");
  assert.equal(ftmProperty("Company", "nonsense"), null);
  assert.equal(ftmProperty("Spaceship", "name"), null);
});

test("a CSV record splits like the loader's reader, with the span of each cell", () => {
  const text = '"a ""quoted"" cell",plain,"x"tail,';
  const cells = splitRecord(text, ",");
  assert.ok(cells);
  assert.deepEqual(
    cells.map((c) => c.value),
    ['a "quoted" cell', "plain", "xtail", ""],
  );
  assert.equal(text.slice(cells[1]!.start, cells[1]!.end), "plain");
  assert.equal(text.slice(cells[0]!.start, cells[0]!.end), 'a ""quoted"" cell'); // raw: quotes doubled
  assert.equal(splitRecord('"never closed,x', ","), null);
  assert.deepEqual(
    splitRecord("a;b, c;;", ";")?.map((c) => c.value),
    ["a", "b, c", "", ""],
  );
});

test("JSON is parsed with where each value is, and only a whole JSON value is", () => {
  const text = '{"a": ["x\\u00e9", 1, true], "b": {"c": null}}';
  const root = parseJson(text);
  assert.ok(root && root.kind === "object");
  const a = root.entries[0]!.value;
  assert.ok(a.kind === "array");
  const s = a.items[0]!;
  assert.ok(s.kind === "string");
  assert.equal(s.value, "xé");
  assert.equal(s.verbatim, false);
  assert.equal(text.slice(s.start, s.end), "x\\u00e9");
  assert.equal(parseJson('{"a": 1} trailing'), null);
  assert.equal(parseJson("{broken"), null);
  assert.equal(parseJson("not json"), null);
});

test("an FtM ownership is a record of labelled fields, the quoted ones marked, never JSON", () => {
  // the claim quotes the record's properties object (loaders/ftm_lines.quote_value)
  const start = OWNERSHIP.indexOf('{"owner"');
  const end = OWNERSHIP.indexOf("}", start) + 1;
  const names: Record<string, string> = { "id-zakharov": "Alexander Zakharov", "id-cst": "LLC CST" };
  const r = readRecord({ id: "source:ftm:id-ownership-x", kind: "dataset", text: OWNERSHIP }, [[start, end]], (id) => names[id] ?? null);
  assert.ok(r);
  assert.equal(r.format, "ftm");
  assert.equal(r.heading, "Ownership · FtM record id-ownership");
  assert.deepEqual(
    r.fields.map((f) => f.label),
    ["Owner", "Asset", "Percentage held", "datasets"],
  );
  assert.deepEqual(row(r, "Percentage held"), { value: "49", marked: ["49"], cited: true });
  assert.equal(row(r, "Owner").value, "Alexander Zakharov (id-zakharov)");
  assert.equal(row(r, "Owner").cited, true);
  assert.equal(row(r, "datasets").cited, false); // outside the quote
  assert.ok(!/[{}[\]"]/.test(shown(r)), shown(r));
});

test("an FtM sanction marks the one value its claim quotes; multi-values are joined", () => {
  const text =
    '{"id": "s1", "schema": "Sanction", "properties": {"entity": ["acme"], "authority": ["Office of Foreign Assets Control"], "program": ["A", "B"], "startDate": ["2022-04-06"]}}';
  const r = readRecord({ id: "source:ftm:s1-x", kind: "dataset", text }, [span(text, "Office of Foreign Assets Control")]);
  assert.ok(r);
  assert.deepEqual(
    r.fields.filter((f) => f.marked).map((f) => f.label),
    ["Authority"],
  );
  assert.equal(row(r, "Program").value, "A; B");
  assert.equal(row(r, "Entity").value, "acme"); // no name known: the FtM id as written
  assert.equal(row(r, "Start date").value, "2022-04-06");
});

test("a delta's line is read as its entity", () => {
  const text = '{"op": "MOD", "entity": {"id": "o1", "schema": "Ownership", "properties": {"percentage": ["51"]}}}';
  const r = readRecord({ id: "source:ftm:o1-x", kind: "dataset", text }, [span(text, "51")]);
  assert.equal(r?.heading, "Ownership · FtM record o1 · delta MOD");
  assert.deepEqual(row(r!, "Percentage held"), { value: "51", marked: ["51"], cited: true });
});

test("an FCC row shows the table's column names; the name is marked inside its cell, the date wholly", () => {
  const spans = [span(FCC_2026, "AO Kaspersky Lab"), span(FCC_2026, "March 25, 2022")];
  const r = readRecord({ id: "source:fcc:cd2f100aa7757173", kind: "list-entry", text: FCC_2026 }, spans);
  assert.ok(r);
  assert.equal(r.format, "csv");
  assert.equal(r.heading, "Row of the FCC Covered List table (comma layout)");
  assert.deepEqual(
    r.fields.map((f) => f.label),
    ["covered_equipment_or_services", "date_of_inclusion_on_covered_list"],
  );
  assert.deepEqual(row(r, "date_of_inclusion_on_covered_list"), { value: "March 25, 2022", marked: ["March 25, 2022"], cited: true });
  const described = row(r, "covered_equipment_or_services");
  assert.deepEqual(described.marked, ["AO Kaspersky Lab"]);
  assert.ok(described.value.startsWith("Information security products"));
  // the 2024 layout: semicolons, four columns, an empty subsidiaries cell left out
  const old = "Information security products by AO Kaspersky Lab.;March 25, 2022;AO Kaspersky Lab;";
  const r2 = readRecord({ id: "source:fcc:bdb42f21b1babb56", kind: "list-entry", text: old }, [span(old, "March 25, 2022")]);
  assert.deepEqual(
    r2?.fields.map((f) => f.label),
    ["Covered Equipment or Services", "Date of Inclusion on Covered List", "Entity Name"],  // the file's own headings
  );
  assert.equal(r2?.hidden, 1);
});

test("an OFAC row: its field names, '-0-' is empty; a comments row has its own layout", () => {
  const text =
    '45928,"A LEVEL AEROSYSTEMS CST LLC",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Tax ID No. 1841015504 (Russia)."';
  const r = readRecord({ id: "source:ofac:sdn-45928-5629fd186108", kind: "list-entry", text }, [span(text, "A LEVEL AEROSYSTEMS CST LLC")]);
  assert.ok(r);
  assert.deepEqual(
    r.fields.map((f) => f.label),
    ["ent_num", "SDN_Name", "Program", "Remarks"],
  );
  assert.equal(r.hidden, 8);
  assert.equal(row(r, "SDN_Name").cited, true);
  assert.equal(layoutsFor("source:ofac:sdn-comments-31212-abc")[0]?.file, "sdn_comments.csv");
  const comment = '31212," Currency Address - BCH; Linked To: FEDERAL SECURITY SERVICE."';
  const c = readRecord({ id: "source:ofac:sdn-comments-31212-abc", kind: "list-entry", text: comment }, [span(comment, "Linked To: FEDERAL SECURITY SERVICE")]);
  assert.deepEqual(c?.fields.map((f) => f.label), ["ent_num", "Remarks_Extended"]);
  assert.deepEqual(row(c!, "Remarks_Extended").marked, ["Linked To: FEDERAL SECURITY SERVICE"]);
});

test("a CSL row of either layout, and a CSL JSON row under its own keys", () => {
  const cells = ["Entity List (EL) - Bureau of Industry and Security", "", "", "", "Acme", ...Array(23).fill("")];
  const text = cells.map((c) => `"${c}"`).join(",");
  const r = readRecord({ id: "source:csl:abc", kind: "list-entry", text }, [span(text, "Acme")]);
  assert.equal(r?.heading, "Row of the Consolidated Screening List (2019 columns)");
  assert.deepEqual(r?.fields.map((f) => f.label), ["source", "name"]);
  const withId = readRecord({ id: "source:csl:abc", kind: "list-entry", text: `"0123",${text}` }, []);
  assert.equal(withId?.heading, "Row of the Consolidated Screening List (current columns)");
  const json = '{"addresses":[{"address":"1 Road","city":"Xian","country":"CN"}],"alt_names":["A","B"],"name":"Acme"}';
  const j = readRecord({ id: "source:csl:abc", kind: "list-entry", text: json }, [span(json, "Acme")]);
  assert.equal(j?.format, "json");
  assert.equal(row(j!, "addresses").value, "1 Road, Xian, CN");
  assert.equal(row(j!, "alt_names").value, "A; B");
  assert.equal(row(j!, "name").cited, true);
});

test("prose, an unknown table or a row that does not fit its layout stays text", () => {
  assert.equal(readRecord({ id: "source:article", kind: "article", text: "The US banned it." }, [[4, 10]]), null);
  assert.equal(readRecord({ id: "source:other:1", kind: "list-entry", text: "a,b" }, []), null);
  assert.equal(readRecord({ id: "source:fcc:1", kind: "list-entry", text: '"a","b","c"' }, []), null);
});

test("offsets in code points locate the quote in a record with astral characters", () => {
  const text = '{"id": "x", "schema": "Person", "properties": {"name": ["😀 Ivan"], "nationality": ["ru"]}}';
  const cp = Array.from(text);
  const start = cp.findIndex((_, i) => cp.slice(i, i + 2).join("") === "ru");
  const found = locate(text, start, start + 2, "ru");
  assert.ok(found && found[2]);
  const r = readRecord({ id: "source:ftm:x", kind: "dataset", text }, [[found[0], found[1]]]);
  assert.deepEqual(row(r!, "Nationality"), { value: "ru", marked: ["ru"], cited: true });
  assert.equal(row(r!, "Name").value, "😀 Ivan");
});

test("the reporting chain names each party once and only when there are two", () => {
  const fcc = { publisher: "Federal Communications Commission" };
  assert.equal(
    reportingChain([
      { ...fcc, title: "FCC Covered List: AO Kaspersky Lab", kind: "list-entry" },
      { ...fcc, title: "FCC Covered List table (x.csv)", kind: "file" },
    ]).length,
    1,
  );
  assert.deepEqual(
    reportingChain([
      { title: "US Considers Action", publisher: "SafetyDetectives", kind: "article" },
      { title: "The WSJ's report", publisher: "The Wall Street Journal", kind: "article" },
    ]).map((s) => s.label),
    ["SafetyDetectives", "The Wall Street Journal"],
  );
  const ita = "International Trade Administration, U.S. Department of Commerce";
  assert.deepEqual(
    reportingChain([
      { title: "Entity List (CSL): Acme", publisher: ita, kind: "list-entry" },
      { title: "Entity List (in the CSL)", publisher: "Bureau of Industry and Security", kind: "dataset" },
      { title: "Consolidated Screening List (x.csv)", publisher: ita, kind: "file" },
    ]).map((s) => s.label),
    [ita, "Bureau of Industry and Security"],
  );
  // an FtM record, its dataset and its file, none with a publisher: no one to name
  assert.deepEqual(
    reportingChain([
      { title: "ru_egrul (FtM) Ownership: A owns 51 % of B", publisher: null, kind: "dataset" },
      { title: "FtM dataset ru_egrul", publisher: null, kind: "dataset" },
      { title: "FollowTheMoney entities (x.json)", publisher: null, kind: "file" },
    ]),
    [],
  );
  // a document without a publisher is named by its title
  assert.deepEqual(
    reportingChain([
      { title: "A blog post", publisher: "Blog", kind: "article" },
      { title: "A Reuters report", publisher: null, kind: "article" },
    ]).map((s) => s.label),
    ["Blog", "A Reuters report"],
  );
});

test("qualifiers, dates and an ownership's quoted properties read as text", () => {
  assert.equal(plainValue(["2026-01-07", "2026-02-01"]), "2026-01-07; 2026-02-01");
  assert.equal(plainValue(true), "yes");
  assert.equal(plainValue({ a_b: 1, c: ["x"] }), "a b: 1; c: x");
  assert.equal(plainValue("text"), "text");
  assert.equal(sourceDate({ published_at: "2022-03-25" }), "2022-03-25");
  assert.equal(sourceDate({ published_at: null, first_seen: "2024-01-02T03:04:05" }), "first seen 2024-01-02");
  assert.equal(sourceDate({ published_at: null }), "date not stated");
  assert.equal(
    readableProperties('{"owner": ["id-zakharov"], "asset": ["id-cst"], "percentage": ["49"]}', "Ownership"),
    "Owner: id-zakharov; Asset: id-cst; Percentage held: 49",
  );
  assert.equal(readableProperties("Alpha Holding holds 40 percent", "Ownership"), null);
});
