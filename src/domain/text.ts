/** Text normalisation shared by label matching and name comparison. */

const normCache = new Map<string, string>();

/** Lower case, accents removed, punctuation to spaces, spaces collapsed. "% Partecipaz.Prev." → "partecipaz prev". */
export function normLabel(s: string): string {
  // The same labels repeat on every scheda: remember them (bounded, so long texts cannot grow it forever).
  const hit = normCache.get(s);
  if (hit !== undefined) return hit;
  const out = normalise(s);
  if (s.length <= 120) {
    if (normCache.size > 50_000) normCache.clear();
    normCache.set(s, out);
  }
  return out;
}

function normalise(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Collapse white space (including non-breaking spaces and line breaks) and trim. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0]+/g, " ").trim();
}

const formatters = new Map<number, Intl.NumberFormat>();

/** A number the Italian way ("1.234,5"), with at most `decimals` decimals. Formatters are reused: creating one is slow. */
export function numeroIt(n: number, decimals = 2): string {
  let f = formatters.get(decimals);
  if (!f) formatters.set(decimals, (f = new Intl.NumberFormat("it-IT", { maximumFractionDigits: decimals })));
  return f.format(n);
}
