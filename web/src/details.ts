// The details panel: an entity (type, aliases, identifiers, its ownership under the 50 % rule,
// sources) or a fact (every claim: stance, who asserts it, dates, qualifiers, each quote inside its
// source text — or, for a structured source, the record with the quoted fields marked — and the
// reporting chain when it passes through more than one party).
import { ApiError, api } from "./api";
import { clear, h } from "./dom";
import type { MoreNode } from "./graph";
import { ownershipSection } from "./ownership";
import { locate, quoteWindow } from "./quote";
import { type NameOf, type RecordView, type Span, plainValue, readRecord, reportingChain, sourceDate } from "./record";
import { STANCE_STYLE, typeStyle } from "./theme";
import type { Citation, Claim, Entity, Fact, NeighborGroup, SourceDetail } from "./types";

export interface DetailsContext {
  name(id: string): string;
  entityOf(id: string): Entity | undefined;
  isExpanded(id: string): boolean;
  groups(id: string): NeighborGroup[] | undefined;
  moreOf(id: string): MoreNode[];
  asOf(): string | null;
  /** the stance filter (empty: every stance) */
  stances(): string[];
  isInactive(factId: string): boolean;
  isUndated(factId: string): boolean;
  expand(id: string): void;
  selectNode(id: string): void;
  /** selects an entity, loading it into the graph when it is not there yet */
  showNode(id: string): void;
  selectFact(id: string): void;
  pathFrom(e: Entity): void;
  pathTo(e: Entity): void;
  loadMore(m: MoreNode): void;
}

const sources = new Map<string, Promise<SourceDetail>>();

function sourceText(id: string): Promise<SourceDetail> {
  let p = sources.get(id);
  if (!p) {
    p = api.source(id);
    sources.set(id, p);
    p.catch(() => sources.delete(id));
  }
  return p;
}

export function stanceBadge(stance: string): HTMLElement {
  const s = STANCE_STYLE[stance];
  return h(
    "span",
    {
      class: `badge stance stance-${stance}`,
      style: s ? `--c:${s.color}` : null,
      title: s?.meaning ?? stance,
    },
    stance,
  );
}

function typeBadge(type: string): HTMLElement {
  return h("span", { class: "badge type", style: `--c:${typeStyle(type).color}` }, type);
}

function day(ts: string | null): string | null {
  return ts ? ts.slice(0, 10) : null;
}

function span(from: string | null, to: string | null): string {
  if (from && to) return `${from} – ${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return "no dates stated";
}

function dl(rows: [string, Node | string | null | undefined][]): HTMLElement {
  const el = h("dl", { class: "kv" });
  for (const [k, v] of rows) {
    if (v === null || v === undefined || v === "") continue;
    el.append(h("dt", {}, k), h("dd", {}, v));
  }
  return el;
}

type PartyKey = "asserted_by" | "alleged_by" | "proposed_by" | "disputed_by" | "denied_by" | "retracted_by";

/** A fact's parties by the stance of their claims: who establishes it apart from who contests it. */
const PARTY_ROLES: [PartyKey, string][] = [
  ["asserted_by", "Asserted by"],
  ["alleged_by", "Alleged by"],
  ["proposed_by", "Proposed by"],
  ["disputed_by", "Disputed by"],
  ["denied_by", "Denied by"],
  ["retracted_by", "Retracted by"],
];

function partyLinks(ctx: DetailsContext, ids: string[]): (HTMLElement | string)[] {
  return ids.flatMap((id, i) => (i ? [", ", entityLink(ctx, id)] : [entityLink(ctx, id)]));
}

function entityLink(ctx: DetailsContext, id: string, label?: string): HTMLElement {
  const inGraph = ctx.entityOf(id) !== undefined;
  return inGraph
    ? h("button", { class: "link", type: "button", onclick: () => ctx.selectNode(id), title: id }, label ?? ctx.name(id))
    : h("span", { title: id }, label ?? ctx.name(id));
}

function problem(err: unknown): HTMLElement {
  const text = err instanceof ApiError ? err.explain() : String(err);
  return h("div", { class: "panel-error", role: "alert" }, text);
}

export class DetailsPanel {
  private generation = 0;
  /** the fact whose evidence is shown (its ends name the FtM ids in its records) */
  private shownFact: Fact | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: DetailsContext,
  ) {}

  empty(): void {
    this.generation++;
    clear(this.root);
    this.root.append(
      h(
        "div",
        { class: "panel-empty" },
        h("h2", {}, "Details"),
        h("p", {}, "Click a node to see the entity: its type, aliases, identifiers and sources."),
        h("p", {}, "Click an edge to read the evidence: every claim, who asserts it, and the quote in its source."),
        h("p", { class: "hint" }, "Double-click a node to expand its neighbours."),
      ),
    );
  }

  /** The answer of ``load`` for the panel opened as generation ``gen`` — undefined when a newer
   * selection replaced it or the call failed (then the panel shows the problem); ``body`` is
   * cleared either way. */
  private async fetched<T>(gen: number, body: HTMLElement, load: () => Promise<T>): Promise<T | undefined> {
    try {
      const answer = await load();
      if (gen !== this.generation) return undefined;
      clear(body);
      return answer;
    } catch (err) {
      if (gen !== this.generation) return undefined;
      clear(body);
      body.append(problem(err));
      body.removeAttribute("aria-busy");
      return undefined;
    }
  }

  private begin(title: string): [number, HTMLElement] {
    const gen = ++this.generation;
    clear(this.root);
    const body = h("div", { class: "panel-body", "aria-busy": "true" }, h("div", { class: "panel-loading" }, title));
    this.root.append(body);
    return [gen, body];
  }

  async node(id: string): Promise<void> {
    const [gen, body] = this.begin("Loading entity…");
    const e = await this.fetched(gen, body, () => api.entity(id));
    if (e === undefined) return;
    body.removeAttribute("aria-busy");
    const ctx = this.ctx;
    const expanded = ctx.isExpanded(id);
    body.append(
      h("div", { class: "panel-kicker" }, typeBadge(e.type), e.candidate ? h("span", { class: "badge" }, "candidate") : null),
      h("h2", { class: "entity-name", "data-entity-id": e.id }, e.name),
      h("div", { class: "mono subtle" }, e.id),
      ...(e.description ? [h("p", { class: "description" }, e.description)] : []),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          { type: "button", class: "primary", id: "expand-btn", onclick: () => ctx.expand(id) },
          expanded ? "Reload neighbours" : "Expand neighbours",
        ),
        h("button", { type: "button", onclick: () => ctx.pathFrom(e) }, "Path from here"),
        h("button", { type: "button", onclick: () => ctx.pathTo(e) }, "Path to here"),
      ),
      dl([
        ["Type", `${e.type} — ${typeStyle(e.type).meaning}`],
        ["Country", e.country],
        [
          "Aliases",
          e.aliases.length ? h("span", { class: "chips" }, ...e.aliases.map((a) => h("span", { class: "chip" }, a))) : "—",
        ],
      ]),
    );
    const members = e.members ?? [];
    if (members.length) {
      // one entity answering for several records: the ids a same-as decision joined to it
      body.append(
        h("h3", {}, "Same entity as"),
        h(
          "ul",
          { class: "members" },
          ...members.map((m) => h("li", {}, h("span", { class: "mono" }, m.id), ` ${m.name}`)),
        ),
      );
    }
    const idents = Object.entries(e.identifiers);
    body.append(h("h3", {}, "Identifiers"));
    const identifiers: HTMLElement = idents.length
      ? dl(idents.map(([k, v]) => [k, h("span", { class: "mono" }, v)]))
      : h("p", { class: "subtle" }, "None recorded.");
    body.append(identifiers);
    const ownership = ownershipSection(
      e,
      { asOf: ctx.asOf(), stances: ctx.stances() },
      {
        entity: (oid, label) =>
          h("button", { class: "link", type: "button", onclick: () => ctx.showNode(oid), title: oid }, label),
        stance: stanceBadge,
        fact: (fid) => ctx.selectFact(fid),
      },
      () => gen === this.generation,
    );
    if (ownership) body.append(ownership.el);
    const groups = ctx.groups(id);
    if (groups) {
      body.append(h("h3", {}, "Neighbours loaded"));
      const more = ctx.moreOf(id);
      const table = h(
        "table",
        { class: "groups" },
        h("thead", {}, h("tr", {}, h("th", {}, "predicate"), h("th", {}, "dir"), h("th", {}, "shown"), h("th", {}, h("span", { class: "sr-only" }, "more")))),
      );
      const tbody = h("tbody");
      for (const g of groups) {
        const m = more.find((x) => x.predicate === g.predicate && x.direction === g.direction);
        tbody.append(
          h(
            "tr",
            {},
            h("td", {}, g.predicate),
            h("td", {}, g.direction === "out" ? "→" : "←"),
            h("td", {}, `${g.shown} of ${g.total}`),
            h(
              "td",
              {},
              m ? h("button", { type: "button", class: "link", onclick: () => ctx.loadMore(m) }, `+${m.hidden} more`) : null,
            ),
          ),
        );
      }
      table.append(tbody);
      body.append(groups.length ? table : h("p", { class: "subtle" }, "No facts (with the current filters and date)."));
    }
    body.append(h("h3", {}, `Sources (${e.sources.length})`));
    const list = h("ul", { class: "sources" });
    for (const s of e.sources) {
      list.append(
        h(
          "li",
          {},
          h("div", { class: "source-title" }, s.title ?? s.id),
          h(
            "div",
            { class: "subtle" },
            [s.publisher, s.kind].filter(Boolean).join(" · "),
            s.url ? [" · ", h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, "open ↗")] : null,
          ),
        ),
      );
    }
    body.append(e.sources.length ? list : h("p", { class: "subtle" }, "No source cites this entity."));
    await ownership?.done;
  }

  async fact(factId: string): Promise<void> {
    const [gen, body] = this.begin("Loading evidence…");
    const prov = await this.fetched(gen, body, () => api.provenance(factId));
    if (prov === undefined) return;
    const ctx = this.ctx;
    const f: Fact = prov.fact;
    this.shownFact = f;
    body.append(
      h("div", { class: "panel-kicker" }, h("span", { class: "badge" }, "fact"), ...f.stances.map(stanceBadge)),
      h(
        "h2",
        { class: "fact-title", "data-fact-id": f.fact_id },
        entityLink(ctx, f.subject),
        h("span", { class: "predicate" }, ` ${f.predicate} `),
        h("span", { class: "arrow" }, "→ "),
        entityLink(ctx, f.object),
      ),
      dl([
        ["Valid", span(f.valid_from, f.valid_to)],
        ["Evidence", `${f.n_claims} claim${f.n_claims === 1 ? "" : "s"} · ${f.n_sources} source${f.n_sources === 1 ? "" : "s"} · ${prov.n_independent_sources} independent`],
        ...PARTY_ROLES.filter(([key]) => (f[key] ?? []).length).map(
          ([key, label]): [string, Node | string] => [label, h("span", {}, ...partyLinks(ctx, f[key] ?? []))],
        ),
        ["Fact id", h("span", { class: "mono" }, f.fact_id)],
      ]),
    );
    const asOf = ctx.asOf();
    if (asOf && ctx.isInactive(f.fact_id)) {
      body.append(h("div", { class: "notice" }, `Not valid on ${asOf} (${span(f.valid_from, f.valid_to)}).`));
    } else if (asOf && ctx.isUndated(f.fact_id)) {
      body.append(h("div", { class: "notice" }, `Date unknown: no source says when this began, so it may not have held on ${asOf}.`));
    }
    body.append(h("h3", {}, `Claims (${prov.claims.length})`));
    const waits: Promise<void>[] = [];
    for (const claim of prov.claims) {
      const [card, pending] = this.claim(claim, gen);
      body.append(card);
      waits.push(...pending);
    }
    await Promise.all(waits);
    if (gen === this.generation) body.removeAttribute("aria-busy");
  }

  private claim(c: Claim, gen: number): [HTMLElement, Promise<void>[]] {
    const ctx = this.ctx;
    const pending: Promise<void>[] = [];
    const card = h(
      "article",
      { class: `claim stance-${c.stance}`, style: `--c:${STANCE_STYLE[c.stance]?.color ?? "#475569"}`, "data-claim-id": c.id },
      h(
        "header",
        {},
        stanceBadge(c.stance),
        h(
          "span",
          { class: "asserted-by" },
          c.asserted_by
            ? [`${c.stance} by `, entityLink(ctx, c.asserted_by.id, c.asserted_by.name)]
            : "stated by the source",
        ),
      ),
      h("div", { class: "subtle meaning" }, STANCE_STYLE[c.stance]?.meaning ?? ""),
      dl([
        ["Valid", span(c.valid_from, c.valid_to)],
        ["Confidence", `${c.confidence} · ${c.method}`],
        ["First seen", day(c.first_seen)],
      ]),
    );
    const quals = Object.entries(c.qualifiers);
    if (quals.length) {
      card.append(
        h("div", { class: "label" }, "Qualifiers"),
        dl(quals.map(([k, v]) => [k.replace(/_/g, " "), plainValue(v)])),
      );
    }
    // one section per source: a record's quoted fields are marked in one table
    const bySource = new Map<string, Citation[]>();
    for (const cit of c.citations) bySource.set(cit.source.id, [...(bySource.get(cit.source.id) ?? []), cit]);
    for (const cits of bySource.values()) {
      const [el, p] = this.citation(cits, gen, this.ftmNames(c));
      card.append(el);
      pending.push(p);
    }
    if (c.load_runs.length) {
      const runs = c.load_runs
        .map((r) => `${r.loader ?? "load"} ${r.status ?? ""} ${day(r.finished_at ?? r.started_at) ?? ""}`.trim())
        .join("; ");
      card.append(h("div", { class: "subtle runs", title: c.load_runs.map((r) => r.id).join(", ") }, `Loaded by: ${runs}`));
    }
    return [card, pending];
  }

  /** The name of the entity an FtM id in a record stands for: the claim's ends are
   * ``<type>:ftm-<FtM id>``, shown by the fact's entities' names. */
  private ftmNames(c: Claim): NameOf {
    const ctx = this.ctx;
    const f = this.shownFact;
    const ends: [string | undefined, string | undefined][] = [
      [c.subject, f?.subject],
      [c.object, f?.object],
    ];
    return (fid) => {
      for (const [own, shown] of ends) {
        if (!own || !shown || !own.endsWith(`:ftm-${fid}`)) continue;
        return ctx.entityOf(shown)?.name ?? ctx.entityOf(own)?.name ?? null;
      }
      return null;
    };
  }

  /** The citations of one claim from one source: the source's record with every quoted field
   * marked, or (prose) each quote inside the text around it; the source's title, publisher, date
   * and link; its reporting chain when that adds a party. */
  private citation(cits: Citation[], gen: number, names: NameOf): [HTMLElement, Promise<void>] {
    const src = (cits[0] as Citation).source;
    const box = h(
      "div",
      { class: "evidence" },
      // until the source's text is here: each quote alone (a record's raw JSON is never shown)
      ...cits.map((cit) =>
        h(
          "blockquote",
          { class: "quote loading", "data-source-id": src.id },
          cit.quote.trimStart().startsWith("{") ? h("span", { class: "subtle" }, "Loading the record…") : h("mark", {}, cit.quote),
        ),
      ),
    );
    const chain = reportingChain([src, ...src.derived_from]);
    const el = h(
      "section",
      { class: "citation" },
      box,
      h(
        "div",
        { class: "source-meta" },
        h("div", { class: "source-title" }, src.title),
        h(
          "div",
          { class: "subtle" },
          [src.publisher, src.author, sourceDate(src), src.kind].filter(Boolean).join(" · "),
          src.url ? [" · ", h("a", { href: src.url, target: "_blank", rel: "noopener noreferrer" }, "open source ↗")] : null,
        ),
      ),
      chain.length > 1
        ? h(
            "div",
            { class: "chain", "aria-label": "reporting chain" },
            h("span", { class: "label" }, "Reporting chain"),
            ...chain.flatMap((s, i) => [
              i ? h("span", { class: "chain-arrow", "aria-hidden": "true" }, "→") : null,
              h("span", { class: "chain-item", title: s.title }, s.label),
            ]),
          )
        : null,
    );
    const p = sourceText(src.id)
      .then((detail) => {
        if (gen !== this.generation) return;
        clear(box);
        const text = detail.text ?? "";
        const spans = cits
          .map((cit) => (text ? locate(text, cit.start, cit.end, cit.quote) : null))
          .filter((x): x is [number, number, boolean] => x !== null)
          .map(([s, e]): Span => [s, e]);
        const record = text ? readRecord({ id: src.id, kind: src.kind, text }, spans, names) : null;
        if (record) {
          box.append(recordTable(record, src.id));
          if (spans.length < cits.length) {
            box.append(h("div", { class: "subtle note" }, "A quote was not found in the record."));
          }
          return;
        }
        for (const cit of cits) box.append(this.quoteBox(cit, text || null));
      })
      .catch((err: unknown) => {
        if (gen !== this.generation) return;
        for (const q of box.querySelectorAll(".quote.loading")) q.classList.remove("loading");
        box.append(h("div", { class: "subtle note" }, `Source text unavailable: ${err instanceof ApiError ? err.explain() : String(err)}`));
      });
    return [el, p];
  }

  /** A quote inside the prose around it (a window of the source's text). */
  private quoteBox(cit: Citation, text: string | null): HTMLElement {
    const quoteBox = h("blockquote", { class: "quote", "data-source-id": cit.source.id });
    const w = text ? quoteWindow(text, cit.start, cit.end, cit.quote) : null;
    if (!w) {
      quoteBox.append(
        h("mark", {}, cit.quote),
        h("div", { class: "subtle note" }, text ? "The quote was not found in the stored text." : "The source's text is not stored."),
      );
      return quoteBox;
    }
    quoteBox.append(
      w.clippedStart ? "… " : "",
      w.before,
      h("mark", { title: `characters ${cit.start}–${cit.end}` }, w.quote),
      w.after,
      w.clippedEnd ? " …" : "",
    );
    if (!w.exact) quoteBox.append(h("div", { class: "subtle note" }, "Offsets did not match; located by search."));
    return quoteBox;
  }
}

/** A column name that may break after its underscores ("date_of_inclusion_on_covered_list"). */
function breakable(label: string): (string | HTMLElement)[] {
  return label.split(/(?<=_)/).flatMap((part, i) => (i ? [h("wbr"), part] : [part]));
}

/** A record as a two-column table: each field's label and value, the quoted fields marked. */
function recordTable(r: RecordView, sourceId: string): HTMLElement {
  const quoted = r.fields.filter((f) => f.marked).length;
  return h(
    "figure",
    { class: `record record-${r.format}`, "data-source-id": sourceId },
    h("figcaption", {}, r.heading),
    h(
      "table",
      { class: "record-fields" },
      h(
        "tbody",
        {},
        ...r.fields.map((f) =>
          h(
            "tr",
            { class: f.marked ? "cited" : null, "data-key": f.key },
            h("th", { scope: "row", title: f.key === f.label ? null : f.key }, ...breakable(f.label)),
            h(
              "td",
              {},
              ...f.segments.map((seg) => (seg.marked ? h("mark", {}, seg.text) : seg.text)),
            ),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "subtle note" },
      `${quoted} quoted field${quoted === 1 ? "" : "s"} marked` + (r.hidden ? ` · ${r.hidden} empty field${r.hidden === 1 ? "" : "s"} not shown` : ""),
    ),
  );
}
