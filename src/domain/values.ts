/**
 * Reading values the way a Responsabile writes them (spec §3): percentages as fractions with a %
 * format or as text, Italian and English separators, Italian dates with or without a year, SI/NO.
 */
import type { CellScalar } from "../sheets/grid";
import { normLabel, numeroIt } from "./text";

export interface DateParts {
  y: number | null;
  m: number;
  d: number;
}

export type Parsed =
  | { tipo: "vuoto" }
  | { tipo: "percentuale"; value: number }
  | { tipo: "numero"; value: number }
  | { tipo: "data"; date: DateParts }
  | { tipo: "si_no"; value: "SI" | "NO" }
  | { tipo: "testo"; text: string };

export interface RawValue {
  v: CellScalar;
  fmt?: string | undefined;
}

export const MESI: ReadonlyArray<readonly string[]> = [
  ["gennaio", "gen", "genn"],
  ["febbraio", "feb", "febbr"],
  ["marzo", "mar"],
  ["aprile", "apr"],
  ["maggio", "mag", "magg"],
  ["giugno", "giu", "giug"],
  ["luglio", "lug", "lugl"],
  ["agosto", "ago", "agos"],
  ["settembre", "set", "sett", "settem", "sep"],
  ["ottobre", "ott", "ottob"],
  ["novembre", "nov", "novem"],
  ["dicembre", "dic", "dicem"],
];

const monthLookup = new Map<string, number>();
MESI.forEach((names, i) => names.forEach((n) => monthLookup.set(n, i + 1)));

// The patterns of this file live at module level: a literal inside a function is a new RegExp
// object on every call, and these run for every cell the engine reads (docs/ARCHITECTURE.md).
const TRAILING_YEAR = /\s*\d{2,4}$/;
const QUOTED = /"[^"]*"/g;
const BRACKETED = /\[[^\]]*\]/g;
const PERCENT_SIGN = /%/;
const DATE_CODE = /[dy]/;
const MONTH_NAME_CODE = /(^|[^h:])m{3,}/;
const DAY_MONTH_YEAR_CODE = /d.*m|m.*y/;

/** "settem." → 9, "Gennaio" → 1, "GEN 2023" → 1; null when the text is not a month name. */
export function monthFromLabel(text: string): number | null {
  const n = normLabel(text).replace(TRAILING_YEAR, "");
  return monthLookup.get(n) ?? null;
}

/** True when the number format displays a percentage. */
export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && PERCENT_SIGN.test(fmt.replace(QUOTED, ""));
}

/** True when the number format displays a date (d, m, y codes outside quotes and brackets). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(QUOTED, "").replace(BRACKETED, "").toLowerCase();
  if (f === "general" || f === "@") return false;
  return DATE_CODE.test(f) || MONTH_NAME_CODE.test(f) || DAY_MONTH_YEAR_CODE.test(f);
}

/** Excel serial (1900 system) → date parts, in UTC to avoid time-zone drift. */
export function serialToDate(serial: number): DateParts {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

const ANY_SPACE = /[\s\u00a0]/g;
const SPACE_RUN = /[\s\u00a0]+/g;
const MINUS_SIGN = /\u2212/g;
const NUMBER_LIKE = /^[+-]?(\d|[.,]\d)[\d.,]*$/;
const LEADING_SIGN = /^[+-]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A number written the Italian or the English way: "1.234,5", "20,00", "20.5", "-8", "−8".
 * A single dot followed by exactly three digits is an Italian thousands separator ("1.234").
 */
export function parseNumberText(raw: string): number | null {
  let s = raw.replace(ANY_SPACE, "").replace(MINUS_SIGN, "-");
  if (!NUMBER_LIKE.test(s)) return null;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? "." : ",";
    const thou = dec === "." ? "," : ".";
    s = s.split(thou).join("");
    if (dec === ",") s = s.replace(",", ".");
  } else if (lastComma >= 0) {
    const parts = s.split(",");
    if (parts.length > 2) s = parts.join("");
    else s = s.replace(",", ".");
  } else if (lastDot >= 0) {
    const parts = s.split(".");
    const intPart = parts[0]!.replace(LEADING_SIGN, "");
    if (parts.length > 2 || (parts[1]!.length === 3 && intPart !== "0" && intPart !== "")) s = parts.join("");
  }
  if (!PLAIN_NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const DATE_NUMERIC = /(^|[^\d])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?(?![\d/])/;
const DATE_ISO = /(^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const DATE_MONTH_NAME = /(^|[^\p{L}\d])(\d{1,2})[\s.-]*([\p{L}]{3,9})\.?(?:[\s.-]*(\d{2,4}))?(?![\p{L}\d])/u;

function fullYear(y: string | undefined): number | null {
  if (!y) return null;
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function validDate(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const max = new Date(Date.UTC(y ?? 2024, m, 0)).getUTCDate();
  return d <= max;
}

/** Finds a date in text: "30/06/2023", "30/06", "30-giu", "1-dic", "30 giugno 2023", "2023-06-30". */
export function parseDateText(text: string): DateParts | null {
  const iso = DATE_ISO.exec(text);
  if (iso) {
    const y = Number(iso[2]);
    const m = Number(iso[3]);
    const d = Number(iso[4]);
    if (validDate(y, m, d)) return { y, m, d };
  }
  const num = DATE_NUMERIC.exec(text);
  if (num) {
    const d = Number(num[2]);
    const m = Number(num[3]);
    const y = fullYear(num[4]);
    if (validDate(y, m, d)) return { y, m, d };
  }
  const named = DATE_MONTH_NAME.exec(text);
  if (named) {
    const m = monthFromLabel(named[3]!);
    const d = Number(named[2]);
    const y = fullYear(named[4]);
    if (m && validDate(y, m, d)) return { y, m, d };
  }
  return null;
}

export function parseSiNo(text: string): "SI" | "NO" | null {
  const n = normLabel(text);
  if (n === "si") return "SI";
  if (n === "no") return "NO";
  return null;
}

const SI_NO_TEXT = /^s[iì]\s*\/\s*no$/i;
const PERCENT_TEXT = /^([+-]?[\d.,\s\u2212]+)\s*%$/;
const NUMBER_IN_WORDS = /(^|[^\d\p{L}])([+\-\u2212]?\d[\d.,]*)\s*(%?)/u;
const TRAILING_SEPARATOR = /[.,]$/;

/** Reads a cell value into one of the tipi of spec §3. */
export function parseValue(raw: RawValue): Parsed {
  const { v, fmt } = raw;
  if (v === null || v === undefined) return { tipo: "vuoto" };
  if (v instanceof Date) {
    return { tipo: "data", date: { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate() } };
  }
  if (typeof v === "boolean") return { tipo: "si_no", value: v ? "SI" : "NO" };
  if (typeof v === "number") {
    if (isPercentFormat(fmt)) return { tipo: "percentuale", value: roundTiny(v * 100) };
    if (isDateFormat(fmt) && v > 0 && v < 2_958_466) return { tipo: "data", date: serialToDate(v) };
    return { tipo: "numero", value: v };
  }
  const text = v.replace(SPACE_RUN, " ").trim();
  if (text === "") return { tipo: "vuoto" };
  const sn = parseSiNo(text);
  if (sn) return { tipo: "si_no", value: sn };
  if (SI_NO_TEXT.test(text)) return { tipo: "si_no", value: "SI" };
  const pct = PERCENT_TEXT.exec(text);
  if (pct) {
    const n = parseNumberText(pct[1]!);
    if (n !== null) return { tipo: "percentuale", value: n };
  }
  // "31.12.2020", "30.09", "15.11.2012": a dotted day.month[.year] is a date, never a number with
  // thousands dots (spec §3). "20.5" or "1.06" stay numbers: a date needs a two-digit month and
  // either a year or a two-digit day.
  const dotted = dottedDate(text);
  if (dotted) return { tipo: "data", date: dotted };
  const n = parseNumberText(text);
  if (n !== null) return { tipo: "numero", value: n };
  const date = parseDateText(text);
  if (date) return { tipo: "data", date };
  // Text mixing a number with words ("circa 80 pratiche", "<= 30 giorni") yields the number.
  const inner = NUMBER_IN_WORDS.exec(text);
  if (inner) {
    const n2 = parseNumberText(inner[2]!.replace(TRAILING_SEPARATOR, ""));
    if (n2 !== null) return inner[3] ? { tipo: "percentuale", value: n2 } : { tipo: "numero", value: n2 };
  }
  return { tipo: "testo", text };
}

const DOTTED = /^(\d{1,2})\.(\d{2})(?:\.(\d{2}|\d{4}))?$/;

/** A whole text that is a dotted date ("31.12.2020", "30.09"), or null. */
export function dottedDate(text: string): DateParts | null {
  const m = DOTTED.exec(text.trim());
  if (!m) return null;
  if (!m[3] && m[1]!.length < 2) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = fullYear(m[3]);
  return validDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Reads a participation percentage: a fraction with a % format, "20%", "20,00", or a plain 20. */
export function parsePercent(raw: RawValue): { ok: true; value: number } | { ok: false } | { ok: true; value: null } {
  // A percentage is never a date: "12.10" typed in a % column is 12,1 %.
  if (typeof raw.v === "string" && dottedDate(raw.v)) {
    const n = parseNumberText(raw.v.trim());
    if (n !== null) return { ok: true, value: n };
  }
  const p = parseValue(raw);
  if (p.tipo === "vuoto") return { ok: true, value: null };
  if (p.tipo === "percentuale" || p.tipo === "numero") return { ok: true, value: p.value };
  return { ok: false };
}

/** Removes binary noise such as 0.2*100 = 20.000000000000004. */
export function roundTiny(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export function isoDate(d: DateParts, fallbackYear: number): string {
  const y = d.y ?? fallbackYear;
  return `${y}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
}

/** Text shown for a raw cell value in messages: dates as dd/mm/yyyy, numbers Italian. */
export function displayValue(v: CellScalar): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date)
    return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
  if (typeof v === "number") return numeroIt(v, 4);
  if (typeof v === "boolean") return v ? "VERO" : "FALSO";
  return v;
}

export interface Comparatore {
  /** crescente: the realizzato must reach the atteso; decrescente: stay within it. */
  direzione: "crescente" | "decrescente";
  /** "superiore a 1" / "> 1": the atteso itself does not satisfy the target. */
  stretto: boolean;
}

/**
 * The comparison words of an atteso (spec §3): "≥ 80%", "almeno", "non inferiore a" → at least;
 * "> 1", "superiore a", "oltre", "più di" → strictly more; "≤", "max", "entro", "non superiore
 * a" → at most; "<", "inferiore a", "meno di" → strictly less. null when the atteso says none.
 */
export function comparatore(text: string): Comparatore | null {
  const t = text.toLowerCase().replace(SPACE_RUN, " ");
  // Symbols first ("≤ 30 min" is at most, whatever the words say), then words.
  for (const [re, c] of COMPARATORI) if (re.test(t)) return c;
  return null;
}

// Shared answers, frozen: callers only read them.
const COMPARATORI: ReadonlyArray<readonly [RegExp, Readonly<Comparatore>]> = (
  [
    [/>=|≥|=>/, { direzione: "crescente", stretto: false }],
    [/<=|≤|=</, { direzione: "decrescente", stretto: false }],
    [/>/, { direzione: "crescente", stretto: true }],
    [/</, { direzione: "decrescente", stretto: true }],
    [/\b(almeno|non inferiore|pari o superiore|minimo)\b/, { direzione: "crescente", stretto: false }],
    [/\b(non superiore|pari o inferiore|max|massimo|entro|non oltre)\b/, { direzione: "decrescente", stretto: false }],
    [/\b(superiore|maggiore|oltre)\b|\bpi[uù] di\b/, { direzione: "crescente", stretto: true }],
    [/\b(inferiore|minore)\b|\bmeno di\b/, { direzione: "decrescente", stretto: true }],
  ] as const
).map(([re, c]) => [re, Object.freeze(c)] as const);
