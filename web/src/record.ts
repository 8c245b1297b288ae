// A structured source read as a record: a list's CSV row under its table's own column names, a
// FollowTheMoney entity under its schema's property labels (followthemoney's model, generated into
// ftm_labels.json by web/ftm_labels.py), any other JSON row under its own field names — each field
// whose text a claim quotes marked. Pure: no DOM; details.ts draws it.
import layoutData from "./csv_layouts.json";
import ftmData from "./ftm_labels.json";

interface FtmProperty {
  label: string;
  type: string;
}

interface FtmSchema {
  label: string;
  extends: string[];
  properties: Record<string, FtmProperty>;
}

/** A list loader's table: the columns of its rows, and the id prefix of the row Sources it writes. */
export interface Layout {
  loader: string;
  file: string;
  prefix: string;
  delimiter: string;
  /** the table's marker for an empty cell (OFAC's "-0-") */
  empty: string | null;
  columns: string[];
  /** the file's own headings where they differ from the loader's keys ("Entity Name") */
  labels?: string[];
}

const SCHEMATA: Record<string, FtmSchema> = (ftmData as { schemata: Record<string, FtmSchema> }).schemata;
export const LAYOUTS: Layout[] = (layoutData as { layouts: Layout[] }).layouts;

// -- FtM labels --------------------------------------------------------------------------------

export function ftmSchemaLabel(schema: string): string | null {
  return SCHEMATA[schema]?.label ?? null;
}

/** A property of a schema, its own or inherited (parents walked in order), as the model labels it. */
export function ftmProperty(schema: string, prop: string, seen = new Set<string>()): FtmProperty | null {
  const s = SCHEMATA[schema];
  if (!s || seen.has(schema)) return null;
  seen.add(schema);
  const own = s.properties[prop];
  if (own) return own;
  for (const parent of s.extends) {
    const found = ftmProperty(parent, prop, seen);
    if (found) return found;
  }
  return null;
}

// -- CSV with spans ----------------------------------------------------------------------------

/** One cell: its value (quotes undone) and where its raw content is in the record's text. */
export interface Cell {
  value: string;
  start: number;
  end: number;
}

/** The cells of one CSV record's text (RFC 4180, as loaders/csvfile.py reads it: text after a
 * closing quote is kept), or null when a quoted cell never closes. Offsets are UTF-16 units. */
export function splitRecord(text: string, delimiter: string): Cell[] | null {
  const cells: Cell[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    let d: number;
    if (i < n && text[i] === '"') {
      const parts: string[] = [];
      let j = i + 1;
      let k: number;
      for (;;) {
        k = text.indexOf('"', j);
        if (k === -1) return null;
        parts.push(text.slice(j, k));
        if (k + 1 < n && text[k + 1] === '"') {
          parts.push('"');
          j = k + 2;
          continue;
        }
        break;
      }
      d = text.indexOf(delimiter, k + 1);
      const stop = d === -1 ? n : d;
      const tail = text.slice(k + 1, stop);
      cells.push({ value: parts.join("") + tail, start: i + 1, end: tail ? stop : k });
    } else {
      d = text.indexOf(delimiter, i);
      const stop = d === -1 ? n : d;
      cells.push({ value: text.slice(i, stop), start: i, end: stop });
    }
    if (d === -1) return cells;
    i = d + delimiter.length;
  }
}

// -- JSON with spans ---------------------------------------------------------------------------

export type JsonNode =
  | { kind: "object"; start: number; end: number; entries: { key: string; value: JsonNode }[] }
  | { kind: "array"; start: number; end: number; items: JsonNode[] }
  /** start/end: the string's content, without its quotes; verbatim: written without escapes */
  | { kind: "string"; start: number; end: number; value: string; verbatim: boolean }
  | { kind: "scalar"; start: number; end: number; value: number | boolean | null };

const WS = /[ \t\r\n]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The JSON value that is the whole of `text` (white space aside), with where each part is; null
 * when the text is not one JSON value. */
export function parseJson(text: string): JsonNode | null {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(`JSON: unexpected input at ${i}`);
  };
  const skip = (): void => {
    while (i < text.length && WS.test(text[i] ?? "")) i++;
  };
  const string = (): JsonNode => {
    if (text[i] !== '"') fail();
    const start = ++i;
    let verbatim = true;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        verbatim = false;
        i += text[i + 1] === "u" ? 6 : 2;
      } else {
        i++;
      }
    }
    if (i >= text.length) fail();
    const end = i++;
    const value = JSON.parse(text.slice(start - 1, end + 1)) as string;
    return { kind: "string", start, end, value, verbatim };
  };
  const value = (): JsonNode => {
    skip();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: { key: string; value: JsonNode }[] = [];
      skip();
      if (text[i] === "}") return { kind: "object", start, end: ++i, entries };
      for (;;) {
        skip();
        const key = string() as { value: string };
        skip();
        if (text[i++] !== ":") fail();
        entries.push({ key: key.value, value: value() });
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] !== "}") fail();
        return { kind: "object", start, end: ++i, entries };
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === "]") return { kind: "array", start, end: ++i, items };
      for (;;) {
        items.push(value());
        skip();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] !== "]") fail();
        return { kind: "array", start, end: ++i, items };
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: "scalar", start, end: i, value: v };
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
    return { kind: "scalar", start, end: i, value: Number((m as RegExpExecArray)[0]) };
  };
  try {
    const root = value();
    skip();
    return i === text.length ? root : null;
  } catch {
    return null;
  }
}

// -- records -----------------------------------------------------------------------------------

export interface Segment {
  text: string;
  marked: boolean;
}

export interface Field {
  /** the property, column or key as the source writes it */
  key: string;
  /** what the page shows: the FtM label, the column's or the key's own name */
  label: string;
  segments: Segment[];
  /** a quote of the claim falls in it */
  marked: boolean;
}

export interface RecordView {
  format: "csv" | "ftm" | "json";
  /** what the record is: "Ownership · FtM record id-ownership", "Row of sdn.csv" */
  heading: string;
  fields: Field[];
  /** empty fields (cells, properties) not shown */
  hidden: number;
}

export interface RecordSource {
  id: string;
  kind: string;
  text: string;
}

/** [start, end) of a quote in the text, in UTF-16 units. */
export type Span = [number, number];

/** Resolves an FtM id an entity property holds to the name of the entity it is here, if known. */
export type NameOf = (ftmId: string) => string | null;

/** One value of a field: its text, where it is in the source's text and whether that raw text
 * reads exactly as the value (then a quote inside it is marked where it is; else wholly). */
interface Piece {
  text: string;
  start: number;
  end: number;
  verbatim: boolean;
}

function marks(p: Piece, spans: Span[]): Segment[] {
  const hits = spans.filter(([s, e]) => s < p.end && e > p.start).map(([s, e]): Span => [Math.max(s, p.start) - p.start, Math.min(e, p.end) - p.start]);
  if (!hits.length) return [{ text: p.text, marked: false }];
  if (!p.verbatim || p.end - p.start !== p.text.length) return [{ text: p.text, marked: true }];
  hits.sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of hits) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) out.push({ text: p.text.slice(at, from), marked: false });
    out.push({ text: p.text.slice(from, e), marked: true });
    at = e;
  }
  if (at < p.text.length) out.push({ text: p.text.slice(at), marked: false });
  return out.filter((x) => x.text !== "");
}

function field(key: string, label: string, pieces: Piece[], spans: Span[], sep = "; "): Field {
  const segments: Segment[] = [];
  pieces.forEach((p, i) => {
    if (i) segments.push({ text: sep, marked: false });
    segments.push(...marks(p, spans));
  });
  return { key, label, segments, marked: segments.some((s) => s.marked) };
}

function isEmpty(f: Field): boolean {
  return !f.marked && f.segments.every((s) => !s.text.trim());
}

function finish(format: RecordView["format"], heading: string, all: Field[]): RecordView {
  const fields = all.filter((f) => !isEmpty(f));
  return { format, heading, fields, hidden: all.length - fields.length };
}

/** A JSON value as pieces of text: strings and scalars as written, arrays item by item, objects
 * (an address) as their values joined. */
function pieces(node: JsonNode, show?: (s: string) => string | null): Piece[] {
  switch (node.kind) {
    case "string": {
      const shown = show?.(node.value) ?? null;
      return [{ text: shown ?? node.value, start: node.start, end: node.end, verbatim: shown === null && node.verbatim }];
    }
    case "scalar":
      return node.value === null ? [] : [{ text: String(node.value), start: node.start, end: node.end, verbatim: true }];
    case "array":
      return node.items.flatMap((item) => pieces(item, show));
    case "object": {
      // a nested FtM entity: its caption, else its id; any other object: its values, joined
      const get = (k: string) => node.entries.find((e) => e.key === k)?.value;
      const caption = get("caption") ?? get("id");
      if (caption?.kind === "string" && get("schema")) {
        return [{ text: caption.value, start: node.start, end: node.end, verbatim: false }];
      }
      const text = node.entries
        .flatMap((e) => pieces(e.value).map((p) => p.text))
        .filter((t) => t.trim())
        .join(", ");
      return text ? [{ text, start: node.start, end: node.end, verbatim: false }] : [];
    }
  }
}

function entry(node: JsonNode, key: string): JsonNode | undefined {
  return node.kind === "object" ? node.entries.find((e) => e.key === key)?.value : undefined;
}

function ftmRecord(root: JsonNode, spans: Span[], nameOf?: NameOf): RecordView | null {
  let entity = root;
  const op = entry(root, "op");
  const wrapped = entry(root, "entity");
  if (op?.kind === "string" && wrapped?.kind === "object") entity = wrapped; // a delta's line
  const schema = entry(entity, "schema");
  const props = entry(entity, "properties");
  if (schema?.kind !== "string" || props?.kind !== "object" || entity.kind !== "object") return null;
  const name = schema.value;
  const id = entry(entity, "id");
  const all: Field[] = [];
  for (const p of props.entries) {
    const prop = ftmProperty(name, p.key);
    const show =
      prop?.type === "entity" && nameOf
        ? (fid: string) => {
            const known = nameOf(fid);
            return known && known !== fid ? `${known} (${fid})` : null;
          }
        : undefined;
    all.push(field(p.key, prop?.label ?? p.key, pieces(p.value, show), spans));
  }
  for (const e of entity.entries) {
    if (["id", "schema", "properties", "caption"].includes(e.key)) continue;
    all.push(field(e.key, e.key, pieces(e.value), spans)); // datasets, first_seen, last_seen…: as written
  }
  const heading = [
    ftmSchemaLabel(name) ?? name,
    `FtM record ${id?.kind === "string" ? id.value : ""}`.trim(),
    op?.kind === "string" ? `delta ${op.value}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return finish("ftm", heading, all);
}

function jsonRecord(root: JsonNode, spans: Span[]): RecordView | null {
  if (root.kind !== "object") return null;
  const all = root.entries.map((e) => field(e.key, e.key, pieces(e.value), spans));
  return finish("json", "Record (JSON fields)", all);
}

/** The layouts a Source's id may be a row of: longer prefixes first, then more columns first. */
export function layoutsFor(sourceId: string): Layout[] {
  return LAYOUTS.filter((l) => sourceId.startsWith(l.prefix)).sort(
    (a, b) => b.prefix.length - a.prefix.length || b.columns.length - a.columns.length,
  );
}

function csvRecord(src: RecordSource, spans: Span[]): RecordView | null {
  for (const layout of layoutsFor(src.id)) {
    const cells = splitRecord(src.text, layout.delimiter);
    if (!cells || cells.length !== layout.columns.length) continue;
    const all = cells.map((c, i) => {
      const text = layout.empty !== null && c.value.trim() === layout.empty ? "" : c.value;
      const verbatim = src.text.slice(c.start, c.end) === c.value;
      const label = layout.labels?.[i] ?? layout.columns[i] ?? `column ${i + 1}`;
      return field(layout.columns[i] ?? `column ${i + 1}`, label, [{ text, start: c.start, end: c.end, verbatim: verbatim && text === c.value }], spans);
    });
    return finish("csv", `Row of ${layout.file}`, all);
  }
  return null;
}

/** The record a structured source's text holds — an FtM entity, a JSON row, a list's CSV row — with
 * the fields the quotes (`spans`) fall in marked; null for prose (shown as text around the quote). */
export function readRecord(src: RecordSource, spans: Span[], nameOf?: NameOf): RecordView | null {
  const text = src.text;
  if (!text) return null;
  if (text.trimStart().startsWith("{")) {
    const root = parseJson(text);
    if (root?.kind === "object") return ftmRecord(root, spans, nameOf) ?? jsonRecord(root, spans);
  }
  if (src.kind === "list-entry") return csvRecord(src, spans);
  return null;
}

/** An FtM `properties` object quoted on its own (the ownership panel shows a holding's quote) as
 * "Owner: …; Asset: …; Percentage held: 49" under `schema`'s labels; null when it is not one. */
export function readableProperties(quote: string, schema: string): string | null {
  if (!quote.trimStart().startsWith("{")) return null;
  const root = parseJson(quote);
  if (root?.kind !== "object" || !root.entries.length) return null;
  if (!root.entries.every((e) => e.value.kind === "array")) return null;
  return root.entries
    .map((e) => `${ftmProperty(schema, e.key)?.label ?? e.key}: ${pieces(e.value).map((p) => p.text).join(", ")}`)
    .join("; ");
}

// -- sources -----------------------------------------------------------------------------------

/** A qualifier's value as text: lists joined, yes/no, objects as "key: value" — never JSON. */
export function plainValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(plainValue).filter(Boolean).join("; ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k.replace(/_/g, " ")}: ${plainValue(x)}`)
      .join("; ");
  }
  return String(v);
}

export interface ChainSource {
  title: string;
  publisher: string | null;
  kind: string;
}

/** Kinds that are containers of records: without a publisher they name no one who reported. */
const CONTAINERS = new Set(["file", "dataset", "list-entry"]);

/** The reporting chain of a source as the parties it passes through (a publisher, else the title of a
 * document), each once: SafetyDetectives → The Wall Street Journal. A file a loader read states
 * nothing, and a row of a list and the list's table are one party: the FCC's row from the FCC's
 * table is no chain. Worth showing only with two parties or more. */
export function reportingChain(sources: ChainSource[]): { label: string; title: string }[] {
  const out: { label: string; title: string }[] = [];
  for (const s of sources) {
    if (s.kind === "file") continue;
    const label = s.publisher ?? (CONTAINERS.has(s.kind) ? null : s.title);
    if (!label || out.some((x) => x.label === label)) continue;
    out.push({ label, title: s.title });
  }
  return out;
}

/** The date shown for a source: when it was published, else when a list export first held it. */
export function sourceDate(s: { published_at: string | null; first_seen?: string | null }): string {
  if (s.published_at) return s.published_at;
  if (s.first_seen) return `first seen ${s.first_seen.slice(0, 10)}`;
  return "date not stated";
}
