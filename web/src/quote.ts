// A quote shown inside the text around it: the window [start - radius, end + radius) of the
// source text, cut at word boundaries. Offsets from the API count Unicode code points (Python
// string indices); JavaScript strings count UTF-16 units, so astral characters are mapped.

export interface QuoteWindow {
  before: string;
  quote: string;
  after: string;
  /** text was cut before `before` / after `after` */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** false when the offsets did not point at the quote and it was found by searching instead */
  exact: boolean;
}

/** Normalises white space, non-breaking spaces and curly quotes (as the loader does). */
export function normalise(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\s\u00A0\u2007\u202F]+/g, " ")
    .trim()
    .toLowerCase();
}

/** UTF-16 index of code point index `cp` in `text`. */
export function utf16Index(text: string, cp: number): number {
  let units = 0;
  let points = 0;
  while (points < cp && units < text.length) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
    points += 1;
  }
  return units;
}

/** Where the quote is in `text`, in UTF-16 units: [start, end, exact] — at the API's code-point
 * offsets when they hold it (exact), else found by searching for it; null when it is not there. */
export function locate(text: string, start: number, end: number, quote: string): [number, number, boolean] | null {
  const s = utf16Index(text, start);
  const e = utf16Index(text, end);
  if (e > s && normalise(text.slice(s, e)) === normalise(quote)) return [s, e, true];
  // Offsets did not match: look for the quote itself (exact, then case-insensitive).
  let i = text.indexOf(quote);
  if (i >= 0) return [i, i + quote.length, false];
  i = text.toLowerCase().indexOf(quote.toLowerCase());
  if (i >= 0) return [i, i + quote.length, false];
  return null;
}

export function quoteWindow(text: string, start: number, end: number, quote: string, radius = 280): QuoteWindow | null {
  const found = locate(text, start, end, quote);
  if (!found) return null;
  const [s, e, exact] = found;
  let from = Math.max(0, s - radius);
  let to = Math.min(text.length, e + radius);
  if (from > 0) {
    const space = text.slice(from, s).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(e, to);
    const space = Math.max(tail.lastIndexOf(" "), tail.lastIndexOf("\n"));
    if (space > 0) to = e + space;
  }
  return {
    before: text.slice(from, s),
    quote: text.slice(s, e),
    after: text.slice(e, to),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
    exact,
  };
}
