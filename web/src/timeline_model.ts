// The timeline's pure part (web/src/timeline.ts draws it): partial dates placed and dated,
// facts as events, lanes by predicate, periods, row packing, the words of an event. Tested in
// web/test/timeline.test.ts.

import type { Period } from "./state";
import { challenge, primaryStance } from "./theme";
import type { Fact } from "./types";

export const DAY = 86_400_000;

// -- pure helpers -------------------------------------------------------------------------------

export type Precision = "year" | "month" | "day";

/** A partial date as the days it may mean: [lo, hi) in ms since the epoch (UTC). */
export interface DateBound {
  text: string;
  lo: number;
  hi: number;
  precision: Precision;
}

function utc(year: number, month = 0, day = 1): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day); // not Date.UTC: it reads years 0–99 as 1900–1999
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

/** "2017" → the year 2017 (first day to the next year's), "2022-03" → March 2022, "2022-03-25" →
 * that day; null for no date or one that cannot be read. */
export function partialDate(value: string | null | undefined): DateBound | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { text: m[1] as string, lo: utc(year), hi: utc(year + 1), precision: "year" };
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  if (m[3] === undefined) {
    return { text: `${m[1]}-${m[2]}`, lo: utc(year, month), hi: utc(year, month + 1), precision: "month" };
  }
  const day = Number(m[3]);
  const lo = utc(year, month, day);
  if (day < 1 || new Date(lo).getUTCMonth() !== month) return null;
  return { text: `${m[1]}-${m[2]}-${m[3]}`, lo, hi: lo + DAY, precision: "day" };
}

/** A time as YYYY-MM-DD (its UTC day). */
export function isoDay(t: number): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${y < 0 ? "-" : ""}${pad(Math.abs(y), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** span: start and end known; since: a start only (valid until today, as far as anyone says);
 * until: an end only. */
export type EventKind = "span" | "since" | "until";

export interface TimelineEvent {
  id: string;
  fact: Fact;
  predicate: string;
  /** the stance the graph draws it with, and the challenge it marks (theme.ts) */
  stance: string;
  challenge: string | null;
  kind: EventKind;
  start: DateBound | null;
  end: DateBound | null;
  /** where it is placed: its start's first day (its end's, without a start) */
  at: number;
}

/** The event a fact is on the axis; null when neither date is known. */
export function factEvent(f: Fact): TimelineEvent | null {
  let start = partialDate(f.valid_from);
  let end = partialDate(f.valid_to);
  if (!start && !end) return null;
  if (start && end && end.hi < start.lo) [start, end] = [end, start];
  return {
    id: f.fact_id,
    fact: f,
    predicate: f.predicate,
    stance: primaryStance(f.stances),
    challenge: challenge(f.stances),
    kind: start && end ? "span" : start ? "since" : "until",
    start,
    end,
    at: (start ?? (end as DateBound)).lo,
  };
}

/** The days an event may cover: [lo, hi) (open ends are infinite). */
export function eventExtent(e: TimelineEvent): [number, number] {
  return [e.start ? e.start.lo : Number.NEGATIVE_INFINITY, e.end ? e.end.hi : Number.POSITIVE_INFINITY];
}

export interface TimelineLane {
  predicate: string;
  events: TimelineEvent[];
}

export interface TimelineData {
  /** one lane per predicate, the lane with the earliest event first */
  lanes: TimelineLane[];
  /** facts with no date at all */
  undated: Fact[];
  /** every dated event, in date order */
  events: TimelineEvent[];
}

function byDate(a: TimelineEvent, b: TimelineEvent): number {
  return a.at - b.at || eventExtent(a)[1] - eventExtent(b)[1] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Dates the facts, groups the dated ones by predicate and sets the undated apart. */
export function timelineData(facts: Iterable<Fact>): TimelineData {
  const lanes = new Map<string, TimelineEvent[]>();
  const undated: Fact[] = [];
  const events: TimelineEvent[] = [];
  for (const f of facts) {
    const e = factEvent(f);
    if (!e) {
      undated.push(f);
      continue;
    }
    events.push(e);
    const lane = lanes.get(e.predicate);
    if (lane) lane.push(e);
    else lanes.set(e.predicate, [e]);
  }
  events.sort(byDate);
  const sorted = [...lanes].map(([predicate, evs]) => ({ predicate, events: evs.sort(byDate) }));
  sorted.sort((a, b) => byDate(a.events[0] as TimelineEvent, b.events[0] as TimelineEvent) || (a.predicate < b.predicate ? -1 : 1));
  undated.sort((a, b) => (a.predicate < b.predicate ? -1 : a.predicate > b.predicate ? 1 : a.fact_id < b.fact_id ? -1 : 1));
  return { lanes: sorted, undated, events };
}

/** The facts of one entity (it is their subject or object); all of them for null. */
export function scopeFacts(facts: Iterable<Fact>, entity: string | null): Fact[] {
  const all = [...facts];
  return entity ? all.filter((f) => f.subject === entity || f.object === entity) : all;
}

/** The period's days: [first day of `from`, day after `to`). */
export function periodRange(p: Period): [number, number] | null {
  const from = partialDate(p.from);
  const to = partialDate(p.to);
  return from && to ? [from.lo, to.hi] : null;
}

/** Whether an event may fall in the period (an open end reaches it). */
export function inPeriod(e: TimelineEvent, p: Period | null): boolean {
  const r = p ? periodRange(p) : null;
  if (!r) return true;
  const [lo, hi] = eventExtent(e);
  return lo < r[1] && hi > r[0];
}

/** The axis' domain: every event, today when a span is open to it, and the period; padded. */
export function timeDomain(data: TimelineData, now: number, period: Period | null = null): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const e of data.events) {
    lo = Math.min(lo, e.at);
    hi = Math.max(hi, e.end ? e.end.hi : (e.start as DateBound).hi);
    if (e.kind === "since") hi = Math.max(hi, now);
  }
  const r = period ? periodRange(period) : null;
  if (r) {
    lo = Math.min(lo, r[0]);
    hi = Math.max(hi, r[1]);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [utc(new Date(now).getUTCFullYear() - 10), now];
  const pad = Math.max((hi - lo) * 0.04, 180 * DAY);
  return [lo - pad, hi + pad];
}

/** A brushed stretch of the axis as a period of whole days (the ends in either order). */
export function brushPeriod(a: Date | number, b: Date | number): Period {
  const [x, y] = [+a, +b].sort((p, q) => p - q) as [number, number];
  return { from: isoDay(x), to: isoDay(y) };
}

/** Greedy rows for horizontal extents [x0, x1] (in their order): each goes in the first row free
 * `gap` before it; past `maxRows`, in the row that frees first (they overlap there). */
export function packRows(extents: [number, number][], maxRows: number, gap = 0): number[] {
  const ends: number[] = [];
  return extents.map(([x0, x1]) => {
    let row = ends.findIndex((end) => end + gap <= x0);
    if (row < 0) {
      if (ends.length < maxRows) row = ends.push(x1) - 1;
      else row = ends.indexOf(Math.min(...ends));
    }
    ends[row] = Math.max(ends[row] ?? x1, x1);
    return row;
  });
}

/** "2017", "2015 – 2018", "since 2022-03-25", "until 2019-05". */
export function whenText(e: TimelineEvent): string {
  if (e.start && e.end) return e.start.text === e.end.text ? e.start.text : `${e.start.text} – ${e.end.text}`;
  if (e.start) return `since ${e.start.text}`;
  return `until ${(e.end as DateBound).text}`;
}

/** The event's words: the other end seen from `scope` ("→ United States"), both ends otherwise. */
export function factWords(f: Fact, scope: string | null, name: (id: string) => string): string {
  if (scope === f.subject) return `→ ${name(f.object)}`;
  if (scope === f.object) return `← ${name(f.subject)}`;
  return `${name(f.subject)} → ${name(f.object)}`;
}
