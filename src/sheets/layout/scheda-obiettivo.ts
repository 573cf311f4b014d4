/**
 * The familiar "OBIETTIVO DI STRUTTURA" sheet (seed PEG 2023), as a neutral SheetSpec: used for
 * `peg modello`, the ribbon's "Nuova scheda" and the sample workbook. Columns: A holds the labels,
 * B..M the twelve months of the cronoprogramma; every other block is laid over the same 13
 * columns so that the sheet prints on one landscape page width.
 */
import { DEFAULT_SETTINGS } from "../../domain/settings";
import type { CellStyle, SheetSpec } from "../sheet-spec";
import { SpecBuilder, cellValue, type CellInput } from "./builder";

export type { CellInput };
import { ESITI, LABEL_OBIETTIVO as L, MESI } from "./labels";

export interface PersonaObiettivo {
  categoria: string | null;
  nome: string;
  /** Percent 0–100 (written as a fraction with a "0%" format). */
  prevista: number | null;
  realizzata: number | null;
}

export interface FaseObiettivo {
  descrizione: string | null;
  /** Months 1–12 marked in the "previsto" row. */
  previsto?: number[];
  /** Months 1–12 marked in the "effettivo" row. */
  effettivo?: number[];
}

export interface IndicatoreObiettivo {
  indicatore: string;
  attesa: CellInput;
  realizzata: CellInput;
  esito?: CellInput;
  note?: string | null;
}

export interface VerificaObiettivo {
  relazione?: string | null;
  /** Percent 0–100 (written as a fraction with a "0%" format). */
  mediaValore?: number | null;
  mediaTempi?: number | null;
  cause?: string | null;
  effetti?: string | null;
  intrapresi?: string | null;
  daAttivare?: string | null;
}

export interface SchedaObiettivoData {
  numero: string | null;
  titolo: string | null;
  pesatura: number | null;
  strategico?: string | null;
  missione?: string | null;
  stakeholder?: string | null;
  descrizione?: string | null;
  personale: PersonaObiettivo[];
  fasi: FaseObiettivo[];
  /**
   * How previsto/effettivo are labelled: "righe" = a "1 previsto" row and a "1 effettivo" row;
   * "combinato" = one label "1 previsto effettivo" merged over two sub-rows (top previsto,
   * bottom effettivo), as on the seed's second scheda.
   */
  cronoprogramma?: "righe" | "combinato";
  indicatori: IndicatoreObiettivo[];
  intermedia?: VerificaObiettivo;
  finale?: VerificaObiettivo;
}

export interface LayoutObiettivoOptions {
  nome: string;
  anno: number;
  dati?: SchedaObiettivoData;
  /** Mark fills; default: the palette of DEFAULT_SETTINGS. */
  colori?: { previsto: string; effettivo: string };
}

/** Rows of an empty template. */
export const RIGHE_MODELLO = { personale: 8, fasi: 7, indicatori: 5 } as const;

const LAST = 12; // column M
const HEADER_FILL = "#D9E1F2";
const SECTION_FILL = "#B4C6E7";

const sLabel: CellStyle = { bold: true, border: true, wrap: true, vAlign: "top" };
const sHeader: CellStyle = { bold: true, border: true, fill: HEADER_FILL, hAlign: "center", vAlign: "middle", wrap: true };
const sSection: CellStyle = { bold: true, border: true, fill: SECTION_FILL, vAlign: "middle" };
const sText: CellStyle = { border: true, wrap: true, vAlign: "top" };
const sPercent: CellStyle = { border: true, fmt: "0%", hAlign: "center", vAlign: "top" };
const sMonth: CellStyle = { border: true, hAlign: "center", vAlign: "middle" };

/** Character widths: A for labels, B..M for months (one page wide in landscape). */
const WIDTHS = [34, ...Array.from({ length: 12 }, () => 10.5)];
const SPAN_CHARS = 12 * 10.5;

const fraction = (p: number | null | undefined): number | null => (p === null || p === undefined ? null : Math.round(p * 1e6) / 1e8);

export function layoutSchedaObiettivo(opts: LayoutObiettivoOptions): SheetSpec {
  const d = opts.dati;
  const colori = opts.colori ?? DEFAULT_SETTINGS.colori;
  const b = new SpecBuilder();
  let r = 0;

  // Title and the esercizio marker the recogniser reads the year from.
  b.span(r, 0, 8, L.titolo, { bold: true, fontSize: 14 });
  b.span(r, 10, LAST, L.esercizio(opts.anno), { bold: true, fontSize: 12, hAlign: "right" });
  b.height(r, 21);
  r += 2;

  // Header: N.OBIETTIVO | TITOLO | PESATURA, then the values row.
  b.put(r, 0, L.numero, sHeader);
  b.span(r, 1, 10, L.titoloObiettivo, sHeader);
  b.span(r, 11, LAST, L.pesatura, sHeader);
  r++;
  b.put(r, 0, d?.numero ?? null, { ...sText, bold: true, hAlign: "center" });
  b.span(r, 1, 10, d?.titolo ?? null, { ...sText, bold: true });
  b.span(r, 11, LAST, d?.pesatura ?? null, { ...sText, hAlign: "center" });
  b.fitText(r, d?.titolo, 10 * 10.5, 30);
  r += 2;

  // Context: label in A, text merged across B..M.
  const contesto: Array<[string, string | null | undefined]> = [
    [L.strategico, d?.strategico],
    [L.missione, d?.missione],
    [L.stakeholder, d?.stakeholder],
    [L.descrizione, d?.descrizione],
  ];
  for (const [label, text] of contesto) {
    b.put(r, 0, label, sLabel);
    b.span(r, 1, LAST, text ?? null, sText);
    b.fitText(r, text, SPAN_CHARS, label === L.descrizione ? 60 : 15);
    r++;
  }
  r++;

  // PERSONALE COINVOLTO: Cat. | Cognome e Nome | % Partecipazione (Prevista, Realizzata).
  b.span(r, 0, LAST, L.personale, sSection);
  r++;
  b.span(r, 0, 0, L.categoria, sHeader, 2);
  b.span(r, 1, 8, L.nome, sHeader, 2);
  b.span(r, 9, LAST, L.partecipazione, sHeader);
  b.span(r + 1, 9, 10, L.prevista, sHeader);
  b.span(r + 1, 11, LAST, L.realizzata, sHeader);
  r += 2;
  const persone = d ? d.personale : Array.from({ length: RIGHE_MODELLO.personale }, () => null);
  for (const p of persone) {
    b.put(r, 0, p?.categoria ?? null, { ...sText, hAlign: "center" });
    b.span(r, 1, 8, p?.nome ?? null, sText);
    b.span(r, 9, 10, fraction(p?.prevista), sPercent);
    b.span(r, 11, LAST, fraction(p?.realizzata), sPercent);
    r++;
  }
  r++;

  // Descrizione delle fasi di attuazione: number | description.
  const fasi: FaseObiettivo[] = d ? d.fasi : Array.from({ length: RIGHE_MODELLO.fasi }, () => ({ descrizione: null }));
  b.span(r, 0, LAST, L.fasi, sSection);
  r++;
  fasi.forEach((f, i) => {
    b.put(r, 0, i + 1, { ...sText, bold: true, hAlign: "center" });
    b.span(r, 1, LAST, f.descrizione ?? null, sText);
    b.fitText(r, f.descrizione, SPAN_CHARS);
    r++;
  });
  r++;

  // CRONOPROGRAMMA: FASI E TEMPI | gennaio … dicembre, then previsto/effettivo per fase.
  b.span(r, 0, LAST, L.cronoprogramma, sSection);
  r++;
  b.put(r, 0, L.fasiETempi, sHeader);
  MESI.forEach((m, i) => b.put(r, 1 + i, m, sHeader));
  r++;
  const combinato = d?.cronoprogramma === "combinato";
  fasi.forEach((f, i) => {
    const n = i + 1;
    if (combinato) b.span(r, 0, 0, L.previstoEffettivo(n), { ...sLabel, vAlign: "middle" }, 2);
    else {
      b.put(r, 0, L.previsto(n), sLabel);
      b.put(r + 1, 0, L.effettivo(n), sLabel);
    }
    const rows: Array<[number[] | undefined, string]> = [
      [f.previsto, colori.previsto],
      [f.effettivo, colori.effettivo],
    ];
    rows.forEach(([mesi, fill], k) => {
      const marked = new Set(mesi ?? []);
      for (let m = 1; m <= 12; m++) {
        // A mark is the letter X plus a fill, so a black-and-white print still shows it (spec §2.1).
        if (marked.has(m)) b.put(r + k, m, "X", { ...sMonth, bold: true, fill });
        else b.put(r + k, m, null, sMonth);
      }
    });
    r += 2;
  });
  r++;

  // INDICATORI DI PERFORMANCE: Indicatore | attesa | realizzata | Esito | Note.
  b.span(r, 0, LAST, L.indicatori, sSection);
  r++;
  b.span(r, 0, 2, L.indicatore, sHeader);
  b.span(r, 3, 4, L.attesa, sHeader);
  b.span(r, 5, 7, L.realizzataInd, sHeader);
  b.span(r, 8, 9, L.esito, sHeader);
  b.span(r, 10, LAST, L.note, sHeader);
  r++;
  const indicatori: Array<IndicatoreObiettivo | null> =
    d && d.indicatori.length > 0 ? d.indicatori : Array.from({ length: RIGHE_MODELLO.indicatori }, () => null);
  const firstInd = r;
  for (const ind of indicatori) {
    const att = cellValue(ind?.attesa);
    const rea = cellValue(ind?.realizzata);
    const esi = cellValue(ind?.esito);
    b.span(r, 0, 2, ind?.indicatore ?? null, sText);
    b.span(r, 3, 4, att.v, { ...sText, hAlign: "center", fmt: att.fmt });
    b.span(r, 5, 7, rea.v, { ...sText, hAlign: "center", fmt: rea.fmt });
    b.span(r, 8, 9, esi.v, { ...sText, bold: true, hAlign: "center", fmt: esi.fmt });
    b.span(r, 10, LAST, ind?.note ?? null, sText);
    b.fitText(r, ind?.indicatore, 34 + 21, 15);
    b.fitText(r, typeof rea.v === "string" ? rea.v : null, 31.5);
    b.fitText(r, ind?.note ?? null, 31.5);
    r++;
  }
  b.validations.push({ r1: firstInd, c1: 8, r2: r - 1, c2: 8, list: [...ESITI] });
  r++;

  // Verifica: intermediate on the left (A..F), final on the right (G..M).
  const left = d?.intermedia ?? {};
  const right = d?.finale ?? {};
  b.span(r, 0, 5, L.verificaIntermedia, sHeader);
  b.span(r, 6, LAST, L.verificaFinale, sHeader);
  r++;
  b.span(r, 0, 5, L.relazioneIntermedia, { ...sLabel, hAlign: "center" });
  b.span(r, 6, LAST, L.relazioneFinale, { ...sLabel, hAlign: "center" });
  r++;
  b.span(r, 0, 5, left.relazione ?? null, sText);
  b.span(r, 6, LAST, right.relazione ?? null, sText);
  b.fitText(r, left.relazione, 34 + 5 * 10.5, 45);
  b.fitText(r, right.relazione, 7 * 10.5, 45);
  r++;
  const medie: Array<[string, number | null | undefined, number | null | undefined]> = [
    [L.mediaValore, left.mediaValore, right.mediaValore],
    [L.mediaTempi, left.mediaTempi, right.mediaTempi],
  ];
  for (const [label, l, rr] of medie) {
    b.put(r, 0, label, sLabel);
    b.put(r, 1, fraction(l), { ...sPercent, bold: true });
    b.span(r, 2, 5, null, sText);
    b.span(r, 6, 8, label, sLabel);
    b.put(r, 9, fraction(rr), { ...sPercent, bold: true });
    b.span(r, 10, LAST, null, sText);
    r++;
  }
  const analisi: Array<[string, keyof VerificaObiettivo | null]> = [
    [L.scostamenti, null],
    [L.cause, "cause"],
    [L.effetti, "effetti"],
    [L.provvedimenti, null],
    [L.intrapresi, "intrapresi"],
    [L.daAttivare, "daAttivare"],
  ];
  for (const [label, key] of analisi) {
    if (key === null) {
      b.span(r, 0, 5, label, { ...sLabel, fill: HEADER_FILL });
      b.span(r, 6, LAST, label, { ...sLabel, fill: HEADER_FILL });
    } else {
      const lt = left[key] as string | null | undefined;
      const rt = right[key] as string | null | undefined;
      b.put(r, 0, label, sLabel);
      b.span(r, 1, 5, lt ?? null, sText);
      b.span(r, 6, 8, label, sLabel);
      b.span(r, 9, LAST, rt ?? null, sText);
      b.fitText(r, lt, 5 * 10.5, 30);
      b.fitText(r, rt, 4 * 10.5, 30);
      if (!lt && !rt) b.height(r, 30);
    }
    r++;
  }

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
