/**
 * Person identity across schede and workbooks: the same person is written "Marina Comi",
 * "COMI MARINA", "Marina  Comì" or "Marco Maoloni (gennaio - aprile 2023)". personKey folds
 * those into one key; it is deliberately conservative (no initials, no fuzzy matching), because
 * merging two different people is worse than listing one person twice.
 */

const MESI =
  "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|" +
  "gen|feb|mar|apr|mag|giu|lug|ago|set|sett|ott|nov|dic";

const QUANDO = String.raw`(?:\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|(?:\d{1,2}\s+)?(?:${MESI})\.?(?:\s+\d{4})?|\d{4})`;
const QUANDO_CON_ANNO = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:\d{1,2}\s+)?(?:${MESI})\.?\s+\d{4})`;
const FINO = String.raw`(?:\s*(?:[-–—]|al|a|fino\s+al?)\s*${QUANDO})?`;
/**
 * A period written after the name without parentheses. Month names are also surnames ("Maria
 * Marzo"), so a bare month counts only with a preposition ("da maggio"), a year ("maggio 2023")
 * or a range ending in a year ("gennaio - aprile 2023").
 */
const PERIODI_FINALI = [
  new RegExp(String.raw`\s*[-–—,;:]?\s*${QUANDO}\s*(?:[-–—]|al|a)\s*${QUANDO_CON_ANNO}\s*$`, "i"),
  new RegExp(String.raw`\s*[-–—,;:]?\s*(?:dal|dall'|da|fino\s+al?|sino\s+al?|a\s+partire\s+dal?)\s+${QUANDO}${FINO}\s*$`, "i"),
  new RegExp(String.raw`\s*[-–—,;:]?\s*${QUANDO_CON_ANNO}${FINO}\s*$`, "i"),
];

/** Courtesy and professional titles that do not change who the person is. */
const TITOLI = new Set([
  "dott",
  "dottssa",
  "dottor",
  "dottore",
  "dottoressa",
  "arch",
  "ing",
  "geom",
  "rag",
  "avv",
  "sig",
  "sigra",
  "signor",
  "signora",
  "prof",
  "profssa",
]);

/** The name without a period of service: parentheses anywhere, or a trailing date/month phrase. */
const periodMemo = new Map<string, string>();

export function withoutPeriod(name: string): string {
  // The same people recur on every scheda of every settore: remember their names.
  const hit = periodMemo.get(name);
  if (hit !== undefined) return hit;
  const out = stripPeriod(name);
  if (periodMemo.size > 20_000) periodMemo.clear();
  periodMemo.set(name, out);
  return out;
}

/**
 * The longest trailing period phrase, once blanks are collapsed ("a partire dal 12 settembre 2023
 * fino al 31 dicembre 2023" is 58): the patterns only ever look at this many final characters,
 * so a long cell costs its length, not its length cubed.
 */
const CODA_PERIODO = 120;

// Module-level patterns: a literal inside a function is a new RegExp object per call (every name).
const BLANKS = /\s+/g;
const NON_ASCII = /[\u0080-\uFFFF]/;

function stripPeriod(name: string): string {
  // Blanks collapsed first: the patterns read any run of blanks as one, so nothing changes but the cost.
  let s = dropSpans(dropSpans(name, "(", ")"), "[", "]").replace(BLANKS, " ");
  // A trailing phrase only counts as a period when it names a month or a date.
  for (const re of PERIODI_FINALI) {
    const from = Math.max(0, s.length - CODA_PERIODO);
    const m = re.exec(s.slice(from));
    if (m && from + m.index > 0) s = s.slice(0, from + m.index);
  }
  return s.replace(BLANKS, " ").trim();
}

/** Each `open…close` span replaced by a blank, left to right, as /\([^)]*\)/g would: in one linear pass. */
function dropSpans(s: string, open: string, close: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const a = s.indexOf(open, i);
    if (a < 0) break;
    const b = s.indexOf(close, a + 1);
    if (b < 0) break; // no closing mark after it: no later opening can close either
    out += s.slice(i, a) + " ";
    i = b + 1;
  }
  return i === 0 ? s : out + s.slice(i);
}

function tokens(name: string): string[] {
  const folded = withoutPeriod(name)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // Apostrophes join ("D'Amico" = "DAmico"); other punctuation separates ("Rossi-Bianchi").
    .replace(/['’`´]/g, "")
    .replace(/[^\p{L}\p{N}.]+/gu, " ");
  const out: string[] = [];
  for (const raw of folded.split(" ")) {
    const t = raw.replace(/\./g, "");
    if (!t) continue;
    // A leading title ("Dott.", "Dott.ssa", "Arch.") is dropped only before the name starts.
    if (out.length === 0 && TITOLI.has(t)) continue;
    out.push(t);
  }
  return out;
}

/**
 * The identity of a person: the words of the name without period, title, case, accents and
 * punctuation, in alphabetical order (so "Comi Marina" = "Marina Comi"). Empty for no name.
 */
const keyMemo = new Map<string, string>();

export function personKey(name: string): string {
  let key = keyMemo.get(name);
  if (key === undefined) {
    key = tokens(name).sort().join(" ");
    if (keyMemo.size > 20_000) keyMemo.clear();
    keyMemo.set(name, key);
  }
  return key;
}

function isAllUpperOrLower(s: string): boolean {
  return s === s.toUpperCase() || s === s.toLowerCase();
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * The name to show for one person written in several ways: the most frequent way (period and
 * extra spaces removed); on a tie, one with mixed case and accents, then the first seen. A name
 * written only in capitals or only in lower case is shown with initial capitals.
 */
export function displayName(variants: readonly string[]): string {
  const counts = new Map<string, { n: number; first: number }>();
  variants.forEach((v, i) => {
    const clean = withoutPeriod(v);
    if (!clean) return;
    const seen = counts.get(clean);
    if (seen) seen.n++;
    else counts.set(clean, { n: 1, first: i });
  });
  if (counts.size === 0) return (variants[0] ?? "").trim();
  const score = (s: string) => (isAllUpperOrLower(s) ? 0 : 1) + (NON_ASCII.test(s) ? 0.5 : 0);
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || score(b[0]) - score(a[0]) || a[1].first - b[1].first)[0]![0];
  return isAllUpperOrLower(best) ? titleCase(best) : best;
}
