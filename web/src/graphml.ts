// A small GraphML writer for the visible elements (GraphML 1.0, typed <key>s, XML-escaped).

export type Scalar = string | number | boolean | null | undefined;
export type Attrs = Record<string, Scalar | Scalar[]>;

export interface GNode {
  id: string;
  attrs: Attrs;
}

export interface GEdge {
  id: string;
  source: string;
  target: string;
  attrs: Attrs;
}

const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

type KeyType = "string" | "double" | "boolean";

function valueOf(v: Scalar | Scalar[]): string | null {
  if (Array.isArray(v)) {
    const parts = v.filter((x) => x !== null && x !== undefined).map(String);
    return parts.length ? parts.join("; ") : null;
  }
  if (v === null || v === undefined) return null;
  return String(v);
}

function typeOf(v: Scalar | Scalar[]): KeyType {
  if (typeof v === "number") return "double";
  if (typeof v === "boolean") return "boolean";
  return "string";
}

function collectKeys(items: { attrs: Attrs }[]): Map<string, KeyType> {
  const keys = new Map<string, KeyType>();
  for (const item of items) {
    for (const [k, v] of Object.entries(item.attrs)) {
      if (valueOf(v) === null) continue;
      const t = typeOf(v);
      const seen = keys.get(k);
      keys.set(k, seen && seen !== t ? "string" : t);
    }
  }
  return keys;
}

export function toGraphML(nodes: GNode[], edges: GEdge[], graphId = "regkg"): string {
  const nodeKeys = collectKeys(nodes);
  const edgeKeys = collectKeys(edges);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const keyId = (domain: "node" | "edge", name: string) => `${domain[0]}_${name}`;
  for (const [domain, keys] of [
    ["node", nodeKeys],
    ["edge", edgeKeys],
  ] as const) {
    for (const [name, type] of keys) {
      lines.push(
        `  <key id="${xmlEscape(keyId(domain, name))}" for="${domain}" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`,
      );
    }
  }
  lines.push(`  <graph id="${xmlEscape(graphId)}" edgedefault="directed">`);
  const data = (domain: "node" | "edge", attrs: Attrs) => {
    const out: string[] = [];
    for (const [k, v] of Object.entries(attrs)) {
      const value = valueOf(v);
      if (value === null) continue;
      out.push(`      <data key="${xmlEscape(keyId(domain, k))}">${xmlEscape(value)}</data>`);
    }
    return out;
  };
  for (const n of nodes) {
    lines.push(`    <node id="${xmlEscape(n.id)}">`, ...data("node", n.attrs), "    </node>");
  }
  for (const e of edges) {
    lines.push(
      `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`,
      ...data("edge", e.attrs),
      "    </edge>",
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
