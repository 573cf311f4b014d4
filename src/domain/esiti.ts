/**
 * Indicator raggiungimento and esito (spec §4.1): tipo, direzione, raggiungimento 0–100 and the
 * esito by the OK / PARZIALE thresholds.
 */
import type { Direzione, Esito, Indicatore, TipoValore } from "./model";
import { normLabel } from "./text";
import { comparatore, isoDate, parseValue, roundTiny, type DateParts, type Parsed, type RawValue } from "./values";

export interface IndicatoreInput {
  nome: string;
  atteso: RawValue;
  realizzato: RawValue;
  note: string | null;
}

/** A band of raggiungimento (spec §4.3c): a fixed score, or score × (r − min)/(max − min). */
export interface Fascia {
  min: number;
  max: number;
  punteggio: number;
  proporzionale: boolean;
}

/** What a missing realizzato means at year end (settings): see docs/RULES.md. */
export type RealizzatoMancante = "non calcolato" | "zero" | "non valutabile";
/** The decreasing formula: atteso/realizzato (default) or the linear (2·atteso − realizzato)/atteso. */
export type FormulaDecrescente = "rapporto" | "lineare";

/** The comune's choices beyond the two thresholds; every field absent keeps spec §4.1. */
export interface RegoleValutazione {
  fasce?: readonly Fascia[];
  realizzatoMancante?: RealizzatoMancante;
  formulaDecrescente?: FormulaDecrescente;
  /** True at year end (the data di riferimento closes the esercizio): the missing-data policy applies. */
  finale?: boolean;
}

export interface IndicatoreValutato {
  tipo: TipoValore;
  direzione: Direzione;
  atteso: string | number | null;
  realizzato: string | number | null;
  raggiungimento: number | null;
  esito: Esito | null;
  /** Which of atteso/realizzato was a date without a year (DATA_SENZA_ANNO). */
  senzaAnno: Array<"atteso" | "realizzato">;
  /** True when atteso and realizzato cannot be compared (INDICATORE_NON_VALUTABILE). */
  nonValutabile: boolean;
  /** The raggiungimento before the fasce, when fasce changed it. */
  raggiungimentoCalcolato?: number;
  /** Set when the missing-data policy gave the esito of an empty realizzato at year end. */
  mancante?: "zero" | "non valutabile";
  /** Set when a typed esito was kept because its Note says "forzato" (spec §4.3c). */
  forzato?: { motivo: string; esitoCalcolato: Esito | null; raggiungimentoCalcolato: number | null };
}

const DECRESCENTE_NOME =
  /\b(tempestivita|tempo medio|tempi medi|tempo medi|giorni|giorno|ritard\w*|riduzion\w*|ridurre|reclam\w*|error\w*)\b/;
const DECRESCENTE_ATTESO = /(<=|≤|<|\bmax\b|\bmassimo\b|\bentro\b|\bnon oltre\b)/i;
const CRESCENTE_ATTESO = /(>=|≥|>|\bmin\b|\bminimo\b|\balmeno\b)/i;
const NOTA_DECRESCENTE = /\bdecrescente\b/;
const NOTA_CRESCENTE = /\bcrescente\b/;

/** The direzione: explicit word in the Note wins, then the atteso's operator, then the name. */
export function direzioneDi(nome: string, attesoText: string, note: string | null, tipo: TipoValore): Direzione {
  const n = note ? normLabel(note) : "";
  if (NOTA_DECRESCENTE.test(n)) return "decrescente";
  if (NOTA_CRESCENTE.test(n)) return "crescente";
  if (tipo === "data") return "decrescente";
  const cmp = comparatore(attesoText);
  if (cmp) return cmp.direzione;
  if (DECRESCENTE_ATTESO.test(attesoText)) return "decrescente";
  if (CRESCENTE_ATTESO.test(attesoText)) return "crescente";
  if (DECRESCENTE_NOME.test(normLabel(nome))) return "decrescente";
  return "crescente";
}

function rawText(r: RawValue): string {
  return typeof r.v === "string" ? r.v : "";
}

function dateValue(d: DateParts, year: number): number {
  return Date.UTC(d.y ?? year, d.m - 1, d.d);
}

export function esitoDa(raggiungimento: number, sogliaOk: number, sogliaParziale: number): Esito {
  if (raggiungimento >= sogliaOk) return "OK";
  if (raggiungimento >= sogliaParziale) return "PARZIALE";
  return "NON RAGGIUNTO";
}

function reportValue(p: Parsed, year: number): string | number | null {
  switch (p.tipo) {
    case "vuoto":
      return null;
    case "percentuale":
    case "numero":
      return p.value;
    case "data":
      return isoDate(p.date, year);
    case "si_no":
      return p.value;
    case "testo":
      return p.text;
  }
}

export function raggiungimentoNumerico(
  atteso: number,
  realizzato: number,
  direzione: Direzione,
  formula: FormulaDecrescente = "rapporto",
): number {
  if (direzione === "crescente") {
    if (realizzato >= atteso) return 100;
    if (atteso > 0 && realizzato <= 0) return 0;
    if (atteso <= 0) return 0;
    return roundTiny((100 * realizzato) / atteso);
  }
  if (realizzato <= atteso) return 100;
  if (atteso <= 0) return 0;
  // Linear: each unit over the target costs as much as a unit under it would in crescente; floor 0.
  if (formula === "lineare") return roundTiny(Math.max(0, (100 * (2 * atteso - realizzato)) / atteso));
  return roundTiny((100 * atteso) / realizzato);
}

/**
 * The score of a raggiungimento by the fasce: the band whose [min, max] holds it (the higher band
 * on a shared bound), fixed or proportional; 0 outside every band. No fasce: unchanged.
 */
export function punteggioFasce(r: number, fasce: readonly Fascia[] | undefined): number {
  if (!fasce || fasce.length === 0) return r;
  let band: Fascia | undefined;
  for (const f of fasce) if (r >= f.min && r <= f.max && (!band || f.min >= band.min)) band = f;
  if (!band) return 0;
  if (!band.proporzionale) return band.punteggio;
  return roundTiny((band.punteggio * (r - band.min)) / (band.max - band.min));
}

const FORZATO = /^\s*forzat[oa]\b[\s:;,.–—-]*(.*)$/is;

/** The reason of a forced esito: the Note after "forzato" ("forzato: fattori esogeni" → "fattori esogeni"); null when not forced. */
export function motivoForzatura(note: string | null): string | null {
  if (!note) return null;
  const m = FORZATO.exec(note);
  return m ? m[1]!.trim() : null;
}

/**
 * A typed esito kept against the computed one (spec §4.3c). It counts in the medie with the
 * raggiungimento its esito stands for: the computed one when already in that esito's band, else
 * the band's lower bound (OK → soglia OK, PARZIALE → soglia parziale, NON RAGGIUNTO → 0);
 * DA VERIFICARE is not counted.
 */
export function forzaEsito(
  v: IndicatoreValutato,
  scritto: Esito,
  motivo: string,
  sogliaOk: number,
  sogliaParziale: number,
): IndicatoreValutato {
  const r = v.raggiungimento;
  let conta: number | null;
  if (scritto === "DA VERIFICARE") conta = null;
  else if (r !== null && esitoDa(r, sogliaOk, sogliaParziale) === scritto) conta = r;
  else conta = scritto === "OK" ? sogliaOk : scritto === "PARZIALE" ? sogliaParziale : 0;
  return {
    ...v,
    esito: scritto,
    raggiungimento: conta,
    nonValutabile: false,
    forzato: { motivo, esitoCalcolato: v.esito, raggiungimentoCalcolato: r },
  };
}

export function valutaIndicatore(
  input: IndicatoreInput,
  esercizio: number,
  sogliaOk: number,
  sogliaParziale: number,
  regole: RegoleValutazione = {},
): IndicatoreValutato {
  let a = parseValue(input.atteso);
  let r = parseValue(input.realizzato);
  // A percentage next to a plain number: "80%" vs "80" means 80 % on both sides.
  if (a.tipo === "percentuale" && r.tipo === "numero") r = { tipo: "percentuale", value: r.value };
  if (r.tipo === "percentuale" && a.tipo === "numero") a = { tipo: "percentuale", value: a.value };

  const senzaAnno: Array<"atteso" | "realizzato"> = [];
  let yearA = esercizio;
  let yearR = esercizio;
  if (a.tipo === "data" && r.tipo === "data") {
    // A date without a year takes the year of the other value in the row, else the esercizio.
    if (a.date.y === null) yearA = r.date.y ?? esercizio;
    if (r.date.y === null) yearR = a.date.y ?? esercizio;
  }
  if (a.tipo === "data" && a.date.y === null) senzaAnno.push("atteso");
  if (r.tipo === "data" && r.date.y === null) senzaAnno.push("realizzato");

  const tipo: TipoValore = a.tipo === "vuoto" ? (r.tipo === "vuoto" ? "testo" : (r.tipo as TipoValore)) : (a.tipo as TipoValore);
  const direzione = direzioneDi(input.nome, rawText(input.atteso), input.note, tipo);
  const base = {
    tipo,
    direzione,
    atteso: reportValue(a, yearA),
    realizzato: reportValue(r, yearR),
    senzaAnno,
  };

  // Not yet measured: nothing to say, unless the year is over and the comune decided what it means.
  if (r.tipo === "vuoto") {
    const policy = regole.finale && a.tipo !== "vuoto" ? (regole.realizzatoMancante ?? "non calcolato") : "non calcolato";
    if (policy === "zero") {
      const ragg = punteggioFasce(0, regole.fasce);
      return { ...base, raggiungimento: ragg, esito: esitoDa(ragg, sogliaOk, sogliaParziale), nonValutabile: false, mancante: "zero" };
    }
    if (policy === "non valutabile")
      return { ...base, raggiungimento: null, esito: "DA VERIFICARE", nonValutabile: false, mancante: "non valutabile" };
    return { ...base, raggiungimento: null, esito: null, nonValutabile: false };
  }

  let ragg: number | null = null;
  if (a.tipo === r.tipo) {
    if (a.tipo === "numero" || a.tipo === "percentuale") {
      // "superiore a 1": a strict bound is met only past the atteso. Short of it the raggiungimento is
      // the usual ratio, and at the atteso itself it stays just below 100 (the target is not met).
      const cmp = comparatore(rawText(input.atteso));
      const rv = (r as { value: number }).value;
      const strict = !!cmp?.stretto && cmp.direzione === direzione && rv === a.value;
      if (strict) ragg = 99.99;
      else ragg = raggiungimentoNumerico(a.value, rv, direzione, regole.formulaDecrescente);
    } else if (a.tipo === "data" && r.tipo === "data") {
      ragg = dateValue(r.date, yearR) <= dateValue(a.date, yearA) ? 100 : 0;
    } else if (a.tipo === "si_no" && r.tipo === "si_no") {
      ragg = a.value === r.value ? 100 : 0;
    }
  }
  if (ragg === null) return { ...base, raggiungimento: null, esito: "DA VERIFICARE", nonValutabile: true };
  const punteggio = punteggioFasce(ragg, regole.fasce);
  const out: IndicatoreValutato = {
    ...base,
    raggiungimento: punteggio,
    esito: esitoDa(punteggio, sogliaOk, sogliaParziale),
    nonValutabile: false,
  };
  if (punteggio !== ragg) out.raggiungimentoCalcolato = ragg;
  return out;
}

/** Valid values of an Esito cell, normalised; null for anything else (ESITO_NON_VALIDO). */
export function esitoScrittoValido(text: string): Esito | null {
  const n = normLabel(text);
  if (n === "ok") return "OK";
  if (n === "parziale") return "PARZIALE";
  if (n === "non raggiunto") return "NON RAGGIUNTO";
  if (n === "da verificare") return "DA VERIFICARE";
  return null;
}

/** Mean, weighted when weights are given for every item; null for no items. */
export function media(values: number[], weights?: Array<number | null>): number | null {
  if (values.length === 0) return null;
  if (weights && weights.length === values.length && weights.every((w) => w !== null && w >= 0)) {
    const tot = (weights as number[]).reduce((s, w) => s + w, 0);
    if (tot > 0) return roundTiny(values.reduce((s, v, i) => s + v * (weights[i] as number), 0) / tot);
  }
  return roundTiny(values.reduce((s, v) => s + v, 0) / values.length);
}

/** The report fields a forced esito or the fasce add to an indicator (absent otherwise, so reports stay as they were). */
export function extraIndicatore(v: IndicatoreValutato): Pick<Indicatore, "forzato" | "raggiungimentoCalcolato"> {
  const out: Pick<Indicatore, "forzato" | "raggiungimentoCalcolato"> = {};
  if (v.raggiungimentoCalcolato !== undefined) out.raggiungimentoCalcolato = Math.round(v.raggiungimentoCalcolato * 100) / 100;
  if (v.forzato) out.forzato = { ...v.forzato };
  return out;
}
