/**
 * Quadratura per persona (spec §4.3b): a person's participation summed over every scheda (ente
 * schede included) and, in a consolidation, over every workbook, after merging name variants
 * with personKey. A total above 100 % (+ 0,5) is flagged at the person's cell on the scheda
 * where the running total first goes over; a period of service written with the name that lies
 * wholly outside the esercizio is flagged too. Pure: the callers give the cells.
 */
import { segnalazione } from "./diagnostics";
import type { Segnalazione } from "./model";
import { displayName, personKey, withoutPeriod } from "./persone";
import { MESI } from "./values";
import { controlli } from "../strings/it";

const msg = controlli.segnalazioni;

/** One person's line on one scheda, as the caller read it. */
export interface VocePersonale {
  /** The name exactly as written (period included). */
  nome: string;
  /** The workbook, in a consolidation; undefined inside one workbook. */
  file?: string;
  foglio: string;
  /** A1 address of the name cell. */
  cella: string;
  prevista: number | null;
  realizzata: number | null;
  /**
   * Part-time / FTE as a fraction 0–1 when the scheda gives one ("Part-time 50 %", "FTE 0,5"):
   * the person's capacity is then fte × 100 % instead of 100 % (docs/RULES.md, Quadratura).
   */
  fte?: number | null;
}

export interface Periodo {
  /** The period as written, without parentheses. */
  testo: string;
  /** First and last year-month covered; null where the text leaves it open. */
  da: { y: number | null; m: number } | null;
  a: { y: number | null; m: number } | null;
}

export type Misura = "prevista" | "realizzata";

export interface Eccedenza {
  misura: Misura;
  totale: number;
  capacita: number;
  /** Where the running total first went over: the cell that gets the diagnostic. */
  voce: VocePersonale;
  /** Every scheda that counts, with its share, in reading order. */
  quote: Array<{ file?: string; foglio: string; valore: number }>;
}

export interface FuoriEsercizio {
  voce: VocePersonale;
  periodo: Periodo;
}

export interface TotalePersona {
  key: string;
  voci: VocePersonale[];
  totalePrevista: number | null;
  totaleRealizzata: number | null;
  /** 100 × the smallest FTE written for the person (100 when none). */
  capacita: number;
  fte: number | null;
  /** Distinct periods written with the name, in order of appearance. */
  periodi: string[];
  eccedenze: Eccedenza[];
  fuoriEsercizio: FuoriEsercizio[];
}

/** Tolerance of the 100 % check, as for the per-scheda sums (spec §5). */
export const TOLLERANZA = 0.5;

const round2 = (x: number): number => Math.round(x * 100) / 100;

const MONTH = new Map<string, number>();
MESI.forEach((names, i) => names.forEach((n) => MONTH.set(n, i + 1)));

// Module-level patterns: a literal inside a function is a new RegExp object per call (every name).
const IN_BRACKETS = /\(([^)]*)\)|\[([^\]]*)\]/;
const BLANKS = /\s+/g;
const LEADING_PUNCTUATION = /^[\s,;:–—-]+/;

/** The period text written with a name: inside parentheses, or the trailing phrase personKey drops. */
export function testoPeriodo(nome: string): string | null {
  const par = IN_BRACKETS.exec(nome);
  if (par) {
    const t = (par[1] ?? par[2] ?? "").trim();
    return t || null;
  }
  const clean = withoutPeriod(nome);
  const spaced = nome.replace(BLANKS, " ").trim();
  if (clean && spaced.length > clean.length && spaced.startsWith(clean)) {
    const rest = spaced.slice(clean.length).replace(LEADING_PUNCTUATION, "").trim();
    return rest || null;
  }
  return null;
}

type Punto = { y: number | null; m: number | null };

function punti(text: string): Punto[] {
  const out: Punto[] = [];
  // Dates (30/04/2023, 1.5.23), month names with an optional year, bare years.
  const re = /(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2,4}))?|([a-z]+)\.?(?:\s+(\d{4}))?|(\d{4})/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) {
      const month = Number(m[2]);
      if (month < 1 || month > 12) continue;
      const y = m[3] === undefined ? null : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      out.push({ y, m: month });
    } else if (m[4] !== undefined) {
      const month = MONTH.get(m[4]);
      if (month !== undefined) out.push({ y: m[5] === undefined ? null : Number(m[5]), m: month });
    } else if (m[6] !== undefined) out.push({ y: Number(m[6]), m: null });
  }
  return out;
}

const periodoMemo = new Map<string, Periodo | null>();

/**
 * "da maggio 2023", "gennaio - aprile 2023", "fino al 30/04/2023", "2022": first and last month.
 * The same few periods recur on every scheda a person is on: each text is read once (the result
 * is shared, and nobody changes it).
 */
export function parsePeriodo(testo: string): Periodo | null {
  let hit = periodoMemo.get(testo);
  if (hit === undefined) {
    hit = readPeriodo(testo);
    if (periodoMemo.size > 5_000) periodoMemo.clear();
    periodoMemo.set(testo, hit);
  }
  return hit;
}

function readPeriodo(testo: string): Periodo | null {
  // Lower case without accents, punctuation kept: "30/04/2023" must stay a date.
  const n = testo
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  const ps = punti(n);
  if (ps.length === 0) return null;
  const first = ps[0]!;
  const last = ps.length > 1 ? ps[ps.length - 1]! : null;
  // A missing year is the other end's year ("gennaio - aprile 2023").
  const y = (p: Punto, other: Punto | null): number | null => p.y ?? other?.y ?? null;
  const start = (p: Punto, other: Punto | null) => ({ y: y(p, other), m: p.m ?? 1 });
  const end = (p: Punto, other: Punto | null) => ({ y: y(p, other), m: p.m ?? 12 });
  if (/^(fino|sino)\b/.test(n)) return { testo, da: null, a: end(first, null) };
  if (/^(dal|dall'?|da|a partire)\b/.test(n)) return { testo, da: start(first, last), a: last ? end(last, first) : null };
  if (last) return { testo, da: start(first, last), a: end(last, first) };
  return { testo, da: start(first, null), a: end(first, null) };
}

/** True when the period ends before the esercizio starts or starts after it ends. */
export function fuoriEsercizio(p: Periodo, esercizio: number): boolean {
  if (p.a?.y != null && p.a.y < esercizio) return true;
  if (p.da?.y != null && p.da.y > esercizio) return true;
  return false;
}

function somma(xs: Array<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? round2(v.reduce((a, b) => a + b, 0)) : null;
}

function eccedenza(voci: VocePersonale[], misura: Misura, capacita: number): Eccedenza | null {
  let running = 0;
  let at: VocePersonale | null = null;
  const quote: Eccedenza["quote"] = [];
  for (const v of voci) {
    const x = v[misura];
    if (x === null) continue;
    running += x;
    if (x !== 0) quote.push(v.file === undefined ? { foglio: v.foglio, valore: x } : { file: v.file, foglio: v.foglio, valore: x });
    if (at === null && running > capacita + TOLLERANZA) at = v;
  }
  return at ? { misura, totale: round2(running), capacita, voce: at, quote } : null;
}

/**
 * The totals per person, in order of first appearance. `voci` must be in reading order (files,
 * then sheets, then rows): that order decides which cell gets the diagnostic.
 */
export function quadratura(voci: readonly VocePersonale[], esercizio: number): TotalePersona[] {
  const groups = new Map<string, VocePersonale[]>();
  for (const v of voci) {
    const key = personKey(v.nome);
    if (!key) continue;
    const g = groups.get(key);
    if (g) g.push(v);
    else groups.set(key, [v]);
  }
  const out: TotalePersona[] = [];
  for (const [key, g] of groups) {
    const ftes = g.map((v) => v.fte).filter((f): f is number => typeof f === "number" && f > 0 && f <= 1);
    const fte = ftes.length ? Math.min(...ftes) : null;
    const capacita = fte === null ? 100 : round2(100 * fte);
    const periodi: string[] = [];
    const fuori: FuoriEsercizio[] = [];
    for (const v of g) {
      const t = testoPeriodo(v.nome);
      if (!t) continue;
      if (!periodi.includes(t)) periodi.push(t);
      const p = parsePeriodo(t);
      if (p && fuoriEsercizio(p, esercizio)) fuori.push({ voce: v, periodo: p });
    }
    const eccedenze = (["prevista", "realizzata"] as const).map((m) => eccedenza(g, m, capacita)).filter((e): e is Eccedenza => e !== null);
    out.push({
      key,
      voci: g,
      totalePrevista: somma(g.map((v) => v.prevista)),
      totaleRealizzata: somma(g.map((v) => v.realizzata)),
      capacita,
      fte,
      periodi,
      eccedenze,
      fuoriEsercizio: fuori,
    });
  }
  return out;
}

const dove = (q: { file?: string; foglio: string }): string => (q.file ? `${q.file} › ${q.foglio}` : q.foglio);

/** The diagnostics of a quadratura: file, when given, goes with each (consolidation). */
export function segnalazioniQuadratura(totali: readonly TotalePersona[], esercizio: number): Array<Segnalazione & { file?: string }> {
  const out: Array<Segnalazione & { file?: string }> = [];
  for (const t of totali) {
    const nome = displayName(t.voci.map((v) => v.nome));
    for (const e of t.eccedenze) {
      const s = segnalazione(
        "PERSONA_PARTECIPAZIONE_ECCEDENTE",
        e.voce.foglio,
        e.voce.cella,
        msg.PERSONA_PARTECIPAZIONE_ECCEDENTE(
          nome,
          e.misura,
          e.totale,
          e.capacita,
          e.quote.map((q) => ({ dove: dove(q), valore: q.valore })),
        ),
      );
      out.push(e.voce.file === undefined ? s : { ...s, file: e.voce.file });
    }
    for (const f of t.fuoriEsercizio) {
      const s = segnalazione(
        "PERSONA_PERIODO_FUORI_ESERCIZIO",
        f.voce.foglio,
        f.voce.cella,
        msg.PERSONA_PERIODO_FUORI_ESERCIZIO(nome, f.periodo.testo, esercizio),
      );
      out.push(f.voce.file === undefined ? s : { ...s, file: f.voce.file });
    }
  }
  return out;
}
