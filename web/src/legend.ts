// The legend under the graph: entity types (shape and colour), stances (line style) and the
// decorations (path, out of date, "+N more"), drawn once from the theme's tables.
import { byId, h } from "./dom";
import { STANCE_STYLE, TYPE_STYLE, shapeGlyph } from "./theme";

export function renderLegend(): void {
  const types = byId("legend-types");
  for (const [type, s] of Object.entries(TYPE_STYLE)) {
    const svg = `<svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true"><path d="${shapeGlyph(s.shape)}" fill="${s.color}"/></svg>`;
    const glyph = h("span", { class: "glyph" });
    glyph.innerHTML = svg; // static markup from our own tables
    types.append(h("li", { title: `${type}: ${s.meaning}` }, glyph, h("span", {}, type)));
  }
  const stances = byId("legend-stances");
  for (const [stance, s] of Object.entries(STANCE_STYLE)) {
    const dash = s.dash.length ? ` stroke-dasharray="${s.dash.join(" ")}"` : "";
    const svg = `<svg viewBox="0 0 34 10" width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="33" y2="5" stroke="${s.color}" stroke-width="2.4"${dash}/></svg>`;
    const glyph = h("span", { class: "glyph line" });
    glyph.innerHTML = svg;
    stances.append(h("li", { title: s.meaning }, glyph, h("span", {}, stance), h("span", { class: "subtle" }, `(${s.short})`)));
  }
  const extras = byId("legend-extra");
  extras.append(
    h("li", {}, h("span", { class: "glyph" }, h("span", { class: "swatch-path" })), h("span", {}, "path"), h("span", { class: "subtle" }, "(found; current one brighter)")),
    h("li", {}, h("span", { class: "glyph" }, h("span", { class: "swatch-inactive" })), h("span", {}, "out of date"), h("span", { class: "subtle" }, "(not valid on the chosen date)")),
    h("li", {}, h("span", { class: "glyph" }, h("span", { class: "swatch-undated" })), h("span", {}, "date unknown"), h("span", { class: "subtle" }, "(start not known: maybe not yet valid then)")),
    h("li", {}, h("span", { class: "glyph" }, h("span", { class: "swatch-more" }, "+N")), h("span", {}, "more"), h("span", { class: "subtle" }, "(facts past the cap; click to load)")),
    h("li", {}, h("span", { class: "glyph" }, h("span", { class: "swatch-statement" })), h("span", {}, "states"), h("span", { class: "subtle" }, "(a party stating a fact about an entity: not a path)")),
  );
}
