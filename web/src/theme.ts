// How entity types and stances look: one table each, used by the graph's stylesheet and the legend.
import type { StylesheetJson } from "cytoscape";

export interface TypeStyle {
  color: string;
  shape: string;
  /** a few words for the legend */
  meaning: string;
}

export const TYPE_STYLE: Record<string, TypeStyle> = {
  Firm: { color: "#2563eb", shape: "round-rectangle", meaning: "company" },
  Agency: { color: "#7c3aed", shape: "hexagon", meaning: "government body" },
  Country: { color: "#15803d", shape: "ellipse", meaning: "state or jurisdiction" },
  Law: { color: "#b45309", shape: "tag", meaning: "act, bill, order or rule" },
  List: { color: "#b91c1c", shape: "barrel", meaning: "sanctions / restrictions list" },
  Product: { color: "#0e7490", shape: "diamond", meaning: "software or equipment" },
  Person: { color: "#db2777", shape: "ellipse", meaning: "natural person" },
  Organization: { color: "#475569", shape: "round-octagon", meaning: "legislature, publisher…" },
  Asset: { color: "#65a30d", shape: "triangle", meaning: "vessel or aircraft" },
  Record: { color: "#a8a29e", shape: "rectangle", meaning: "a user's screened record" },
};

export const FALLBACK_TYPE: TypeStyle = { color: "#64748b", shape: "ellipse", meaning: "entity" };

export function typeStyle(type: string): TypeStyle {
  return TYPE_STYLE[type] ?? FALLBACK_TYPE;
}

export interface StanceStyle {
  color: string;
  line: "solid" | "dashed" | "dotted";
  dash: number[];
  meaning: string;
  /** a few words for the legend */
  short: string;
  /** stances that do not establish a fact */
  doubtful: boolean;
}

export const STANCE_STYLE: Record<string, StanceStyle> = {
  asserted: {
    color: "#475569",
    line: "solid",
    dash: [],
    meaning: "stated as fact by the asserting party or the source",
    short: "stated as fact",
    doubtful: false,
  },
  reported: {
    color: "#0f766e",
    line: "solid",
    dash: [],
    meaning: "relayed from another party's report",
    short: "relayed from a report",
    doubtful: false,
  },
  alleged: {
    color: "#ea580c",
    line: "dashed",
    dash: [8, 4],
    meaning: "an accusation, not established",
    short: "accusation, not established",
    doubtful: true,
  },
  proposed: {
    color: "#4f46e5",
    line: "dashed",
    dash: [2, 4],
    meaning: "a measure proposed, not in force",
    short: "proposed, not in force",
    doubtful: true,
  },
  disputed: {
    color: "#dc2626",
    line: "dashed",
    dash: [10, 3, 2, 3],
    meaning: "contested by a party",
    short: "contested by a party",
    doubtful: true,
  },
  denied: {
    color: "#9f1239",
    line: "dashed",
    dash: [3, 3],
    meaning: "said to be false by a party",
    short: "said to be false",
    doubtful: true,
  },
  retracted: {
    color: "#94a3b8",
    line: "dotted",
    dash: [1, 4],
    meaning: "withdrawn by the party that asserted it",
    short: "withdrawn",
    doubtful: true,
  },
};

/** How the ownership section marks an owner the 50 % rule's finding blocks or cannot decide
 * (an owner not blocked is left unmarked). */
export interface OwnershipStyle {
  color: string;
  /** the badge's word */
  label: string;
  meaning: string;
}

export const OWNERSHIP_STYLE: Record<"blocked" | "unknown" | "not-blocked", OwnershipStyle> = {
  blocked: { color: "#b91c1c", label: "blocked", meaning: "blocked: listed in its own right, or owned enough by blocked persons" },
  unknown: { color: "#b45309", label: "unknown", meaning: "a share that is not stated could make it blocked" },
  "not-blocked": { color: "#15803d", label: "not blocked", meaning: "neither listed nor owned enough by blocked persons" },
};

/** A fact some claim establishes (asserted, reported) is drawn as such — a dispute or denial by
 * another party is a mark on it (see challenge) — otherwise with its most doubtful stance. */
export const STANCE_PRECEDENCE = ["asserted", "reported", "retracted", "denied", "disputed", "alleged", "proposed"];

export function primaryStance(stances: string[]): string {
  for (const s of STANCE_PRECEDENCE) if (stances.includes(s)) return s;
  return stances[0] ?? "asserted";
}

/** On an established fact, the strongest challenge a party makes to it ("disputed", "denied"), if any. */
export function challenge(stances: string[]): string | null {
  if (!stances.some((s) => ESTABLISHED.includes(s))) return null;
  return ["denied", "disputed"].find((s) => stances.includes(s)) ?? null;
}

/** The stances a "hide allegations" toggle keeps. */
export const ESTABLISHED = ["asserted", "reported"];

const INK = "#0f172a";

/** A colour darkened (mixed with black) until text in it reads on white at WCAG AA (4.5:1): the
 * stance colours are for lines; labels in them use this shade. */
export function textShade(hex: string, min = 4.6): string {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const lum = (c: number[]) => {
    const [r, g, b] = c.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  for (let k = 1; k > 0.2; k -= 0.04) {
    const c = rgb.map((v) => Math.round(v * k));
    if (1.05 / (lum(c) + 0.05) >= min) return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
  }
  return INK;
}
const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif';

export function stylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: "node",
      style: {
        "background-color": FALLBACK_TYPE.color,
        shape: "ellipse",
        width: 30,
        height: 30,
        label: "data(label)",
        color: INK,
        "font-family": FONT,
        "font-size": 11,
        "font-weight": 500,
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 5,
        // long names on one line, cut with an ellipsis (the full name on hover and in the details)
        "text-wrap": "ellipsis",
        "text-max-width": "130px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "2px",
        "text-background-shape": "roundrectangle",
        "min-zoomed-font-size": 7,
        "border-width": 2,
        "border-color": "#ffffff",
        "transition-property": "opacity, background-color, line-color",
        "transition-duration": 150,
      },
    },
  ];
  for (const [type, s] of Object.entries(TYPE_STYLE)) {
    sheet.push({
      selector: `node[type = "${type}"]`,
      style: { "background-color": s.color, shape: s.shape as never },
    });
  }
  sheet.push(
    {
      selector: "node.expanded",
      style: { width: 40, height: 40, "border-width": 3, "border-color": INK, "font-weight": 700, "font-size": 12 },
    },
    {
      selector: "node.more",
      style: {
        shape: "round-rectangle",
        "background-color": "#f8fafc",
        "border-width": 1.5,
        "border-style": "dashed",
        "border-color": "#94a3b8",
        width: "data(w)",
        height: 20,
        "text-valign": "center",
        "text-margin-y": 0,
        "font-size": 10,
        "font-weight": 600,
        color: "#334155",
        "text-background-opacity": 0,
      },
    },
    {
      selector: "edge",
      style: {
        width: 1.8,
        "curve-style": "bezier",
        "control-point-step-size": 36,
        "line-color": STANCE_STYLE.asserted.color,
        "target-arrow-color": STANCE_STYLE.asserted.color,
        "mid-target-arrow-color": STANCE_STYLE.asserted.color,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        label: "data(label)",
        "font-family": FONT,
        "font-size": 9,
        color: "#334155",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.9,
        "text-background-padding": "2px",
        "text-background-shape": "roundrectangle",
        "min-zoomed-font-size": 8,
        "transition-property": "opacity, line-color",
        "transition-duration": 150,
      },
    },
  );
  for (const [stance, s] of Object.entries(STANCE_STYLE)) {
    sheet.push({
      selector: `edge[stance = "${stance}"]`,
      style: {
        "line-color": s.color,
        "target-arrow-color": s.color,
        "mid-target-arrow-color": s.color,
        "line-style": s.line,
        ...(s.dash.length ? { "line-dash-pattern": s.dash } : {}),
        ...(s.doubtful ? { color: textShade(s.color), width: 2.2 } : {}),
      },
    });
  }
  sheet.push(
    {
      selector: "edge.more-edge",
      style: {
        "line-style": "dotted",
        "line-color": "#cbd5e1",
        "target-arrow-shape": "none",
        label: "",
        width: 1.2,
      },
    },
    {
      // a party stating a fact about an entity (statements.ts): not a fact edge, drawn apart
      selector: "edge.statement",
      style: {
        "line-style": "dashed",
        "line-dash-pattern": [3, 3],
        "line-color": "#7c3aed",
        "target-arrow-color": "#7c3aed",
        "target-arrow-shape": "vee",
        color: textShade("#7c3aed"),
        "font-style": "italic",
        width: 2,
      },
    },
    {
      selector: ".path",
      style: { "underlay-color": "#fde047", "underlay-opacity": 0.45, "underlay-padding": 5 },
    },
    {
      selector: "edge.path",
      style: { width: 3.5 },
    },
    {
      selector: ".path-current",
      style: { "underlay-color": "#facc15", "underlay-opacity": 0.9, "underlay-padding": 8, "z-index": 20 },
    },
    {
      selector: "edge.path-current",
      style: { width: 4.5, "font-weight": 700 },
    },
    {
      selector: ".dimmed",
      style: { opacity: 0.3 },
    },
    {
      selector: "edge.undated",
      style: {
        "line-style": "dotted",
        "line-dash-pattern": [1, 3],
        "text-background-color": "#fef3c7",
        "text-background-opacity": 0.9,
      },
    },
    {
      selector: "node.inactive",
      style: { "background-color": "#cbd5e1", "border-color": "#e2e8f0", color: "#64748b", opacity: 0.6 },
    },
    {
      selector: "edge.inactive",
      style: {
        "line-color": "#cbd5e1",
        "target-arrow-color": "#cbd5e1",
        color: "#64748b",
        "line-style": "dashed",
        "line-dash-pattern": [2, 2],
        opacity: 0.55,
      },
    },
    {
      selector: "node.lite",
      style: {
        "text-wrap": "none",
        "text-background-opacity": 0,
        "text-outline-color": "#ffffff",
        "text-outline-width": 1.5,
        "min-zoomed-font-size": 10,
        "transition-property": "none",
        "border-width": 0,
      },
    },
    {
      selector: "edge.lite",
      style: {
        "curve-style": "haystack",
        "haystack-radius": 0.6,
        label: "",
        "target-arrow-shape": "none",
        "mid-target-arrow-shape": "triangle",
        "arrow-scale": 0.6,
        width: 1.2,
        "transition-property": "none",
      },
    },
    {
      selector: ".oot-hidden",
      style: { display: "none" },
    },
    {
      selector: ":selected",
      style: { "overlay-color": "#0284c7", "overlay-opacity": 0.18, "overlay-padding": 7 },
    },
    {
      selector: "node:selected",
      style: { "border-color": "#0284c7", "border-width": 4 },
    },
    {
      selector: "edge:selected",
      style: { width: 4 },
    },
  );
  return sheet;
}

/** SVG path of a small legend glyph for a node shape (20×20 box). */
export function shapeGlyph(shape: string): string {
  switch (shape) {
    case "round-rectangle":
      return "M5 3h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";
    case "hexagon":
      return "M6 2h8l5 8-5 8H6l-5-8z";
    case "tag":
      return "M2 4h11l5 6-5 6H2z";
    case "barrel":
      return "M4 3h12q3 7 0 14H4q-3-7 0-14z";
    case "diamond":
      return "M10 1l9 9-9 9-9-9z";
    case "round-octagon":
      return "M7 2h6l5 5v6l-5 5H7l-5-5V7z";
    case "triangle":
      return "M10 2l8 16H2z";
    default:
      return "M10 2a8 8 0 1 0 0.001 0z";
  }
}
