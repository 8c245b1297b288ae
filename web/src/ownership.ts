// The ownership section of an entity's details: the 50 % rule's finding (computed from the graph,
// citing the rule) and the tree of owners above the entity — each holding with its share, dates,
// stances and quote; owners that are blocked (listed, or by the rule) or unknown are marked.
import { ApiError, api } from "./api";
import { h } from "./dom";
import { readableProperties } from "./record";
import { OWNERSHIP_STYLE } from "./theme";
import type { Ownership, OwnershipHolding, OwnershipNode, OwnershipStatus, Verdict } from "./types";

/** Entity types nothing owns: no section for them. */
export const NOT_OWNED = ["Country", "List", "Law", "Agency"];

/** Nested owners' lists are open down to this depth, collapsed below it. */
const OPEN_DEPTH = 2;

export interface OwnershipLinks {
  /** a link that selects the entity in the graph */
  entity(id: string, label: string): HTMLElement;
  stance(stance: string): HTMLElement;
  /** opens a fact's evidence (its claims, each quote inside its source) */
  fact(factId: string): void;
}

export function canBeOwned(type: string): boolean {
  return !NOT_OWNED.includes(type);
}

/** `50 %`, `33.33 %` (at most two decimals). */
export function percent(n: number): string {
  return `${Math.round(n * 100) / 100} %`;
}

/** A holding's share: `40 %`, or `share not stated` (a share is never assumed). */
export function shareText(share: number | null | undefined): string {
  return share === null || share === undefined ? "share not stated" : percent(share);
}

/** The rule's verdict from the owners as a node status (the badge and the CSS class). */
export function verdictStatus(v: Verdict): OwnershipStatus {
  return v === "true" ? "blocked" : v === "false" ? "not-blocked" : "unknown";
}

/** A reason without the word the page already shows before it (`unknown: the share …`). */
export function unlabelled(reason: string, label: string): string {
  return reason.toLowerCase().startsWith(`${label}:`) ? reason.slice(label.length + 1).trimStart() : reason;
}

/** The headline: `Blocked by the 50 % rule`, `Not blocked by the 50 % rule` or `Unknown: <reason>`. */
export function verdictText(o: Pick<Ownership, "blocked_by_50_percent_rule" | "reason" | "rule">): string {
  const rule = `the ${percent(o.rule.threshold)} rule`;
  if (o.blocked_by_50_percent_rule === "true") return `Blocked by ${rule}`;
  if (o.blocked_by_50_percent_rule === "false") return `Not blocked by ${rule}`;
  return `Unknown: ${unlabelled(o.reason, "unknown")}`;
}

/** `Blocked owners hold 0 % (up to 100 % counting shares not stated)`. */
export function blockedShareText(o: Pick<Ownership, "blocked_share" | "blocked_share_max">): string {
  const known = `Blocked owners hold ${percent(o.blocked_share)}`;
  return Math.abs(o.blocked_share_max - o.blocked_share) > 1e-9
    ? `${known} (up to ${percent(o.blocked_share_max)} counting shares not stated)`
    : known;
}

/** `2015 – 2018`, `since 2015`, `until 2018`; null without dates. */
export function dates(from: string | null, to: string | null): string | null {
  if (from && to) return `${from} – ${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return null;
}

/** Stances worth showing: none when the fact is only asserted. */
export function shownStances(stances: string[]): string[] {
  return stances.length === 1 && stances[0] === "asserted" ? [] : stances;
}

/** Each entity's name in the tree (for the holdings `missing` names by id). */
export function treeNames(node: OwnershipNode, into = new Map<string, string>()): Map<string, string> {
  if (node.name) into.set(node.entity, node.name);
  for (const hd of node.holdings) treeNames(hd.node, into);
  return into;
}

/** The API's reasons name entities by id: `firm:a 40 % (blocked by the rule)` reads `A 40 % (…)`. */
export function named(text: string, names: Map<string, string>): string {
  return text.replace(/\b[a-z][a-z-]*:[A-Za-z0-9](?:[\w.-]*[\w-])?/g, (id) => names.get(id) ?? id);
}

/** Marked nodes: blocked or unknown (an owner not blocked, or a cycle's repeat, is not marked). */
function mark(node: OwnershipNode): "blocked" | "unknown" | null {
  if (node.cycle) return null;
  return node.status === "blocked" || node.status === "unknown" ? node.status : null;
}

function badge(status: OwnershipStatus): HTMLElement {
  const s = OWNERSHIP_STYLE[status];
  return h("span", { class: "badge own-badge", style: `--c:${s.color}`, title: s.meaning }, s.label);
}

function quote(text: string | null, factId: string | null, links: OwnershipLinks): HTMLElement | null {
  if (!text) return null;
  return h(
    "blockquote",
    { class: "quote own-quote" },
    h("mark", {}, readableProperties(text, "Ownership") ?? text), // an FtM record's properties: labelled, never JSON
    factId
      ? h("button", { type: "button", class: "link own-evidence", title: `Open the evidence (${factId})`, onclick: () => links.fact(factId) }, "evidence")
      : null,
  );
}

/** Why a marked node is marked: its listings (with their quotes), or the rule's reason. */
function why(node: OwnershipNode, links: OwnershipLinks, names: Map<string, string>): HTMLElement[] {
  const m = mark(node);
  if (m === "blocked" && node.listed) {
    return [
      h(
        "div",
        { class: "own-why" },
        h("span", { class: "own-why-label" }, "listed: "),
        node.listed,
        node.by_rule === "true" ? " (and by the rule)" : "",
      ),
      ...node.listings.map(
        (l) =>
          h(
            "div",
            { class: "own-listing" },
            ...shownStances(l.stances).map((s) => links.stance(s)),
            quote(l.quote, l.fact_id, links),
          ),
      ),
    ];
  }
  if (m === null) return [];
  const reason = node.reason ?? "";
  return [
    h(
      "div",
      { class: "own-why", title: reason },
      h("span", { class: "own-why-label" }, m === "blocked" ? "blocked by the rule: " : "unknown: "),
      named(m === "unknown" ? unlabelled(reason, "unknown") : reason, names),
    ),
  ];
}

function holdingsList(node: OwnershipNode, links: OwnershipLinks, names: Map<string, string>, depth: number): HTMLElement {
  return h(
    "ul",
    { class: "own-tree" },
    ...node.holdings.map((hd) => holdingItem(hd, links, names, depth)),
    node.truncated ? h("li", { class: "subtle own-truncated" }, "(more owners not shown)") : null,
  );
}

function holdingItem(hd: OwnershipHolding, links: OwnershipLinks, names: Map<string, string>, depth: number): HTMLElement {
  const n = hd.node;
  const m = mark(n);
  const name = n.name ?? hd.owner;
  const when = dates(hd.valid_from, hd.valid_to);
  const li = h(
    "li",
    { class: `own-holding${m ? ` own-${m}` : ""}`, style: m ? `--c:${OWNERSHIP_STYLE[m].color}` : null, "data-owner": hd.owner },
    h(
      "div",
      { class: "own-row" },
      links.entity(hd.owner, name),
      h("span", { class: `own-share${hd.share === null ? " own-share-missing" : ""}` }, shareText(hd.share)),
      hd.control ? h("span", { class: "badge", title: "the owner controls it (counts under the EU rule)" }, "control") : null,
      m ? badge(m) : null,
      ...shownStances(hd.stances).map((s) => links.stance(s)),
      when ? h("span", { class: "subtle own-dates" }, when) : null,
    ),
    quote(hd.quote, hd.fact_id, links),
    n.cycle ? h("div", { class: "subtle own-cycle" }, "(cycle: already above)") : why(n, links, names),
  );
  if (n.cycle) return li;
  if (n.holdings.length) {
    li.append(
      h(
        "details",
        { class: "own-owners", open: depth < OPEN_DEPTH },
        h("summary", {}, `Owners of ${name} (${n.holdings.length})`),
        holdingsList(n, links, names, depth + 1),
      ),
    );
  } else if (n.truncated) {
    li.append(h("div", { class: "subtle own-truncated" }, "(more owners not shown)"));
  }
  return li;
}

function headline(o: Ownership, names: Map<string, string>): HTMLElement {
  const status = verdictStatus(o.blocked_by_50_percent_rule);
  const unknown = o.blocked_by_50_percent_rule === "unknown";
  return h(
    "div",
    { class: `own-verdict own-${status}`, style: `--c:${OWNERSHIP_STYLE[status].color}` },
    h(
      "div",
      { class: "own-headline", title: unknown ? o.reason : null },
      badge(status),
      h("strong", {}, named(verdictText(o), names)),
    ),
    unknown ? null : h("div", { class: "own-reason", title: o.reason }, named(o.reason, names)),
    h("div", { class: "own-share-line" }, blockedShareText(o)),
    h(
      "div",
      { class: "own-rule", title: o.rule.cite },
      h("span", { class: "badge", title: "computed from the graph's ownership facts: no source states it" }, "computed"),
      ` ${o.rule.name}`,
      h("small", { class: "subtle own-cite" }, o.rule.cite),
    ),
  );
}

/** The entity itself listed: the reason and the listing facts' quotes. */
function listedSelf(tree: OwnershipNode, links: OwnershipLinks, names: Map<string, string>): HTMLElement | null {
  if (!tree.listed) return null;
  return h(
    "div",
    { class: "own-self own-blocked", style: `--c:${OWNERSHIP_STYLE.blocked.color}` },
    h("div", { class: "own-headline" }, badge("blocked"), h("strong", {}, "Listed in its own right")),
    ...why(tree, links, names),
  );
}

/** The section's content for an answer (`filtered`: asked with a date or a stance filter). */
export function renderOwnership(o: Ownership, links: OwnershipLinks, filtered = false): HTMLElement[] {
  const tree = o.tree;
  const names = treeNames(tree);
  if (!tree.holdings.length) {
    return [
      h("p", { class: "subtle own-none" }, filtered ? "No owners recorded (with the current filters and date)." : "No owners recorded."),
      tree.truncated ? h("p", { class: "subtle own-truncated" }, "(more owners not shown)") : null,
      listedSelf(tree, links, names),
    ].filter((x): x is HTMLElement => x !== null);
  }
  const out: (HTMLElement | null)[] = [headline(o, names), listedSelf(tree, links, names)];
  if (o.missing.length) {
    out.push(
      h("div", { class: "label" }, "Shares not stated"),
      h(
        "ul",
        { class: "own-missing" },
        ...o.missing.map((m) =>
          h(
            "li",
            { "data-owner": m.owner },
            h(
              "div",
              { class: "own-row" },
              links.entity(m.owner, m.owner_name ?? names.get(m.owner) ?? m.owner),
              h("span", { class: "own-share own-share-missing" }, shareText(m.share)),
              m.owned !== tree.entity ? h("span", { class: "subtle" }, "in ", links.entity(m.owned, names.get(m.owned) ?? m.owned)) : null,
            ),
            quote(m.quote, m.fact_id, links),
          ),
        ),
      ),
    );
  }
  out.push(
    h(
      "details",
      { class: "own-tree-box", open: true },
      h("summary", {}, `Owners of ${tree.name ?? o.entity.name} (${tree.holdings.length})`),
      holdingsList(tree, links, names, 0),
    ),
  );
  return out.filter((x): x is HTMLElement => x !== null);
}

const answers = new Map<string, Promise<Ownership>>();

function load(id: string, asOf: string | null, stances: string[]): Promise<Ownership> {
  const key = JSON.stringify([id, asOf, stances]);
  let p = answers.get(key);
  if (!p) {
    p = api.ownership(id, asOf, stances);
    answers.set(key, p);
    p.catch(() => answers.delete(key));
  }
  return p;
}

/** The section for an entity (null for a type nothing owns), loaded with one request; `done`
 * resolves once it is filled (`current` false: a newer selection replaced the panel meanwhile). */
export function ownershipSection(
  entity: { id: string; type: string },
  filters: { asOf: string | null; stances: string[] },
  links: OwnershipLinks,
  current: () => boolean,
): { el: HTMLElement; done: Promise<void> } | null {
  if (!canBeOwned(entity.type)) return null;
  const content = h("div", { class: "panel-loading" }, "Loading ownership…");
  const el = h(
    "section",
    { class: "ownership", "aria-labelledby": "own-title", "aria-busy": "true" },
    h("h3", { id: "own-title" }, "Ownership (50 % rule)"),
    content,
  );
  const done = load(entity.id, filters.asOf, filters.stances)
    .then((o) => {
      const filtered = filters.asOf !== null || filters.stances.length > 0;
      if (current()) content.replaceWith(...renderOwnership(o, links, filtered));
    })
    .catch((err: unknown) => {
      if (!current()) return;
      const text = err instanceof ApiError ? err.explain() : String(err);
      content.replaceWith(h("div", { class: "panel-error own-error", role: "alert" }, `Ownership unavailable. ${text}`));
    })
    .finally(() => el.removeAttribute("aria-busy"));
  return { el, done };
}
