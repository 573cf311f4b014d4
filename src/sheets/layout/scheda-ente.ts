/**
 * The familiar "Obiettivo di performance organizzativa di ente" sheet (seed PEG 2023) as a
 * neutral SheetSpec. Columns: A holds labels and names, B..F the figures (years of the Indici,
 * participation, Atteso/Realizzato/ESITO).
 */
import type { CellStyle, SheetSpec } from "../sheet-spec";
import { SpecBuilder, cellValue, type CellInput } from "./builder";
import { ESITI, LABEL_ENTE as L } from "./labels";

export interface IndiceEnte {
  nome: string;
  /** One value per past year (same order as `anniIndici`); null = not measured. */
  valori: Array<number | null>;
  media: number | null;
  /** The current year's value, "da rilevare a consuntivo". */
  corrente: number | null;
}

export interface PersonaEnte {
  nome: string;
  categoria: string | null;
  /**
   * Percent 0–100, written as a plain number with a "0.00" format (the seed shows "20,00"): a
   * plain number is read as a percent, not as a fraction (spec §3).
   */
  prevista: number | null;
  effettiva: number | null;
}

export interface IndicatoreEnte {
  indicatore: string;
  atteso: CellInput;
  realizzato: CellInput;
  esito?: CellInput;
}

export interface SchedaEnteData {
  peso: number | null;
  /** Lines under the header naming who coordinates (e.g. "SEGRETARIO COMUNALE"). */
  responsabili: string[];
  /** After "Processo: ", e.g. "Missione 1 Programma 2". */
  processo: string | null;
  /** The line under the Processo, e.g. "Segreteria Generale". */
  struttura: string | null;
  finalita: string | null;
  stakeholders: string | null;
  /** Past years of the Indici table; default the three years before `anno`. */
  anniIndici?: number[];
  indici: IndiceEnte[];
  personale: PersonaEnte[];
  risorse: string | null;
  indicatori: IndicatoreEnte[];
  /** Percent 0–100, written as a fraction with a "0%" format. */
  grado?: number | null;
  analisi?: string | null;
}

export interface LayoutEnteOptions {
  nome: string;
  anno: number;
  dati?: SchedaEnteData;
}

export const RIGHE_MODELLO_ENTE = { indici: 5, personale: 8, indicatori: 5 } as const;

const LAST = 5; // column F
const HEADER_FILL = "#D9E1F2";
const SECTION_FILL = "#B4C6E7";
const WIDTHS = [60, 14, 14, 14, 14, 22];
const SPAN_CHARS = WIDTHS.reduce((a, w) => a + w, 0);

const sLabel: CellStyle = { bold: true, border: true, wrap: true, vAlign: "top" };
const sHeader: CellStyle = { bold: true, border: true, fill: HEADER_FILL, hAlign: "center", vAlign: "middle", wrap: true };
const sSection: CellStyle = { bold: true, border: true, fill: SECTION_FILL, vAlign: "middle", wrap: true };
const sText: CellStyle = { border: true, wrap: true, vAlign: "top" };
const sNumber: CellStyle = { border: true, hAlign: "center", vAlign: "top" };

export function layoutSchedaEnte(opts: LayoutEnteOptions): SheetSpec {
  const d = opts.dati;
  const b = new SpecBuilder();
  let r = 0;

  // Obiettivo di performance organizzativa di ente | ANNO | 2023, then Peso obiettivo.
  b.put(r, 0, L.titolo, { ...sSection, fontSize: 12 });
  b.put(r, 1, L.anno, sHeader);
  b.put(r, 2, opts.anno, { ...sNumber, bold: true });
  b.height(r, 21);
  r++;
  b.put(r, 1, L.peso, { ...sHeader, fill: undefined });
  b.put(r, 2, d?.peso ?? null, sNumber);
  r += 2;

  for (const line of d?.responsabili ?? []) {
    b.span(r, 0, LAST, line, { bold: true });
    r++;
  }
  if (d && d.responsabili.length > 0) r++;

  // Processo, Finalità, Stakeholders: a label row, then a text row.
  b.span(r, 0, LAST, d?.processo ? `${L.processo} ${d.processo}` : L.processo, sSection);
  r++;
  b.span(r, 0, LAST, d?.struttura ?? null, sText);
  r++;
  b.span(r, 0, LAST, L.finalita, sSection);
  r++;
  b.span(r, 0, LAST, d?.finalita ?? null, sText);
  b.fitText(r, d?.finalita, SPAN_CHARS, 30);
  r++;
  b.span(r, 0, LAST, L.stakeholders, sSection);
  r++;
  b.span(r, 0, LAST, d?.stakeholders ?? null, sText);
  r += 2;

  // Indici: one row per index, past years, media, current year "da rilevare a consuntivo".
  const anni = d?.anniIndici ?? [opts.anno - 3, opts.anno - 2, opts.anno - 1];
  b.span(r, 0, LAST, L.indici, sSection);
  r++;
  b.put(r, 0, null, sHeader);
  anni.forEach((y, i) => b.put(r, 1 + i, y, sHeader));
  b.put(r, 1 + anni.length, L.media, sHeader);
  b.put(r, 2 + anni.length, L.daRilevare(opts.anno), sHeader);
  b.height(r, 30);
  r++;
  const indici: Array<IndiceEnte | null> = d ? d.indici : Array.from({ length: RIGHE_MODELLO_ENTE.indici }, () => null);
  for (const ind of indici) {
    b.put(r, 0, ind?.nome ?? null, sText);
    anni.forEach((_, i) => b.put(r, 1 + i, ind?.valori[i] ?? null, sNumber));
    b.put(r, 1 + anni.length, ind?.media ?? null, sNumber);
    b.put(r, 2 + anni.length, ind?.corrente ?? null, sNumber);
    r++;
  }
  r++;

  // Personale coinvolto nel Processo | Risorse strumentali assegnate (side by side).
  b.span(r, 0, 3, L.personale, sSection);
  b.span(r, 4, LAST, L.risorse, sSection);
  r++;
  b.put(r, 0, L.nome, sHeader);
  b.put(r, 1, L.categoria, sHeader);
  b.put(r, 2, L.prevista, sHeader);
  b.put(r, 3, L.effettiva, sHeader);
  b.span(r, 4, LAST, null, sHeader);
  b.height(r, 30);
  r++;
  const persone: Array<PersonaEnte | null> = d ? d.personale : Array.from({ length: RIGHE_MODELLO_ENTE.personale }, () => null);
  const sPerc: CellStyle = { ...sNumber, fmt: "0.00" };
  const firstPersona = r;
  for (const p of persone) {
    b.put(r, 0, p?.nome ?? null, sText);
    b.put(r, 1, p?.categoria ?? null, sNumber);
    b.put(r, 2, p?.prevista ?? null, sPerc);
    b.put(r, 3, p?.effettiva ?? null, sPerc);
    r++;
  }
  if (persone.length > 0) b.span(firstPersona, 4, LAST, d?.risorse ?? null, sText, persone.length);
  r++;

  // INDICATORI PERFORMANCE ORGANIZZATIVA DI ENTE | Atteso | Realizzato | ESITO, then the Grado row
  // right below the last indicator, as in the seed.
  b.put(r, 0, L.indicatori, sSection);
  b.put(r, 1, L.atteso, sHeader);
  b.put(r, 2, L.realizzato, sHeader);
  b.put(r, 3, L.esito, sHeader);
  r++;
  const indicatori: Array<IndicatoreEnte | null> =
    d && d.indicatori.length > 0 ? d.indicatori : Array.from({ length: RIGHE_MODELLO_ENTE.indicatori }, () => null);
  const firstInd = r;
  for (const ind of indicatori) {
    const att = cellValue(ind?.atteso);
    const rea = cellValue(ind?.realizzato);
    const esi = cellValue(ind?.esito);
    b.put(r, 0, ind?.indicatore ?? null, sText);
    b.put(r, 1, att.v, { ...sNumber, fmt: att.fmt });
    b.put(r, 2, rea.v, { ...sNumber, fmt: rea.fmt });
    b.put(r, 3, esi.v, { ...sNumber, bold: true, fmt: esi.fmt });
    b.fitText(r, ind?.indicatore, WIDTHS[0]!);
    r++;
  }
  b.validations.push({ r1: firstInd, c1: 3, r2: r - 1, c2: 3, list: [...ESITI] });
  b.put(r, 0, L.grado, sLabel);
  const grado = d?.grado;
  b.put(r, 1, grado === null || grado === undefined ? null : grado / 100, { ...sNumber, bold: true, fmt: "0%" });
  r += 2;

  b.span(r, 0, LAST, L.analisi, sSection);
  r++;
  b.span(r, 0, LAST, d?.analisi ?? null, sText);
  b.fitText(r, d?.analisi, SPAN_CHARS, 60);

  return {
    name: opts.nome,
    cells: b.cells,
    merges: b.merges,
    widths: WIDTHS,
    heights: b.heights,
    validations: b.validations,
    print: { landscape: true, fitToWidth: true },
  };
}
