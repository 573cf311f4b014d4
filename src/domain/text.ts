/** Text normalisation shared by label matching and name comparison. */

const normCache = new Map<string, string>();
let normCacheChars = 0;

/** Lower case, accents removed, punctuation to spaces, spaces collapsed. "% Partecipaz.Prev." → "partecipaz prev". */
export function normLabel(s: string): string {
  // The same texts repeat on every scheda, long fase descriptions too: remember them, within a
  // bound on the characters kept (2 M), so distinct long texts cannot grow it forever.
  let out = normCache.get(s);
  if (out === undefined) {
    out = normalise(s);
    if ((normCacheChars += s.length) > 2_000_000) {
      normCache.clear();
      normCacheChars = s.length;
    }
    normCache.set(s, out);
  }
  return out;
}

const NON_ASCII = /[^ -~]/;

function normalise(s: string): string {
  // Plain ASCII labels (most of them) need no Unicode decomposition: it is the slow step.
  const base = NON_ASCII.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  return base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** White space a person does not see as such: runs, line breaks, tabs, non-breaking spaces, ends. */
const UNCLEAN = /[\s\u00a0]{2}|[^\S ]|^[\s\u00a0]|[\s\u00a0]$/;

/** Collapse white space (including non-breaking spaces and line breaks) and trim. */
export function cleanText(s: string): string {
  // A clean text (nearly every cell) is returned as it is, without a copy.
  return UNCLEAN.test(s) ? s.replace(/[\s\u00a0]+/g, " ").trim() : s;
}

const formatters = new Map<number, Intl.NumberFormat>();

/** A number the Italian way ("1.234,5"), with at most `decimals` decimals. Formatters are reused: creating one is slow. */
export function numeroIt(n: number, decimals = 2): string {
  // Whole numbers under 1000 (most percentages) read the same in every locale: Intl is slow.
  if (Number.isInteger(n) && n > -1000 && n < 1000 && !Object.is(n, -0)) return String(n);
  let f = formatters.get(decimals);
  if (!f) formatters.set(decimals, (f = new Intl.NumberFormat("it-IT", { maximumFractionDigits: decimals })));
  return f.format(n);
}
