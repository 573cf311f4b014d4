/**
 * The words of a scheda's verifica block — Relazione intermedia/finale, Analisi degli scostamenti,
 * Cause, Effetti, Provvedimenti correttivi (Intrapresi, Da attivare) — exactly as written, for the
 * Relazione sulla performance. The recogniser records only the block's figures, so this small
 * reader looks at the labels of the analysed scheda's view; it is kept apart on purpose, to move
 * into the verifica block reader when src/sheets/blocks/ gives one.
 */
import type { TestiScheda } from "../domain/relazione/model";
import { isBlank } from "./grid";
import type { LabelCell, SheetView } from "./sheet-view";
import type { AnalysedScheda, Analysis } from "./verifica";

const LABEL = {
  relazione: /^relazione (intermedia|finale)/,
  analisi: /^analisi (del risultato|degli scostamenti)/,
  cause: /^cause$/,
  effetti: /^effetti$/,
  intrapresi: /^(provvedimenti )?(correttivi )?intrapres[io]$/,
  daAttivare: /^(provvedimenti )?(correttivi )?da (attivare|intraprendere)$/,
  intermedia: /^verifica intermedia/,
  finale: /^verifica finale/,
} as const;

type Campo = "relazione" | "analisi" | "cause" | "effetti" | "intrapresi" | "daAttivare";
const CAMPI: Campo[] = ["relazione", "analisi", "cause", "effetti", "intrapresi", "daAttivare"];

/** Any label of the verifica block or of the scheda's other blocks: never a user's text. */
const ANY_LABEL =
  /^(relazione (intermedia|finale)|analisi (del risultato|degli scostamenti)|cause|effetti|provvedimenti correttivi|(provvedimenti )?(correttivi )?(intrapres[io]|da (attivare|intraprendere))|verifica (intermedia|finale)|media (valore raggiunto|rispetto)|grado di raggiungimento|indicatori|risorse strumentali|personale)/;

/** How far right or down a text may sit from its label. */
const MAX_GAP = 15;

interface Area {
  c1: number;
  c2: number;
  r1: number;
  r2: number;
}

/** The part of the sheet that belongs to one verifica column: side by side, or stacked. */
function areaOf(view: SheetView, colonna: "intermedia" | "finale"): Area {
  const all: Area = { c1: 0, c2: Number.MAX_SAFE_INTEGER, r1: 0, r2: Number.MAX_SAFE_INTEGER };
  const inter = view.labels.find((l) => LABEL.intermedia.test(l.norm));
  const fin = view.labels.find((l) => LABEL.finale.test(l.norm));
  if (!inter || !fin) return all;
  if (inter.r === fin.r) {
    // Side by side: the finale column starts at its header.
    return colonna === "finale"
      ? { ...all, c1: fin.c, r1: fin.r }
      : { ...all, c1: Math.min(inter.c, fin.c), c2: fin.c > inter.c ? fin.c - 1 : all.c2, r1: inter.r };
  }
  // Stacked: the finale block starts at its header's row.
  return colonna === "finale" ? { ...all, r1: fin.r } : { ...all, r1: inter.r, r2: fin.r > inter.r ? fin.r - 1 : all.r2 };
}

function inArea(a: Area, r: number, c: number): boolean {
  return r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2;
}

/** The text as typed: line breaks kept, only the outer white space trimmed; null when blank. */
function written(view: SheetView, r: number, c: number): string | null {
  const cell = view.grid.get(r, c);
  if (!cell || cell.error || isBlank(cell.v)) return null;
  const v = cell.v;
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.trim() || null;
}

function isLabelAt(labels: Map<number, LabelCell>, r: number, c: number): boolean {
  const l = labels.get(r * 16_384 + c);
  return !!l && ANY_LABEL.test(l.norm);
}

/** The text that belongs to a label: right of it on its row, else just below it. */
function textOf(view: SheetView, l: LabelCell, area: Area, labels: Map<number, LabelCell>): string | null {
  const right = view.mergeEndCol(l.r, l.c) + 1;
  for (let c = right; c <= right + MAX_GAP && inArea(area, l.r, c); c++) {
    if (isLabelAt(labels, l.r, c)) break;
    const t = written(view, l.r, c);
    if (t) return t;
  }
  const below = view.mergeEndRow(l.r, l.c) + 1;
  if (inArea(area, below, l.c) && !isLabelAt(labels, below, l.c)) return written(view, below, l.c);
  return null;
}

export function testiScheda(s: AnalysedScheda): TestiScheda {
  const view = s.rec.view;
  const area = areaOf(view, s.colonna);
  const labels = new Map<number, LabelCell>();
  for (const l of view.labels) labels.set(l.r * 16_384 + l.c, l);
  const out: TestiScheda = {
    colonna: s.colonna,
    relazione: null,
    analisi: null,
    cause: null,
    effetti: null,
    intrapresi: null,
    daAttivare: null,
    indicatoriCritici: s.scheda.indicatori
      .filter((i) => i.esito === "PARZIALE" || i.esito === "NON RAGGIUNTO")
      .map((i) => ({
        indicatore: i.indicatore,
        atteso: i.atteso,
        realizzato: i.realizzato,
        raggiungimento: i.raggiungimento,
        esito: i.esito!,
      })),
  };
  for (const campo of CAMPI) {
    const re = LABEL[campo];
    for (const l of view.labels) {
      if (!re.test(l.norm) || !inArea(area, l.r, l.c)) continue;
      const t = textOf(view, l, area, labels);
      if (t) {
        out[campo] = t;
        break;
      }
    }
  }
  return out;
}

/** Every scheda's texts, by foglio. */
export function testiVerifica(a: Analysis): Record<string, TestiScheda> {
  const out = Object.create(null) as Record<string, TestiScheda>;
  for (const s of a.schede) out[s.foglio] = testiScheda(s);
  return out;
}

/**
 * The texts of the workbooks the pane read most recently, by file name: the pane's consolidation
 * keeps only the figures, and its «Scarica relazione» quotes these. Bounded; the last read wins.
 */
const lastRead = new Map<string, Record<string, TestiScheda>>();
const MAX_REMEMBERED = 500;

export function rememberTesti(file: string, a: Analysis): void {
  lastRead.delete(file);
  lastRead.set(file, testiVerifica(a));
  if (lastRead.size > MAX_REMEMBERED) lastRead.delete(lastRead.keys().next().value!);
}

/** The remembered texts of these files (those not read are left out). */
export function testiLetti(files: string[]): Record<string, Record<string, TestiScheda>> {
  const out = Object.create(null) as Record<string, Record<string, TestiScheda>>;
  for (const f of files) {
    const t = lastRead.get(f);
    if (t) out[f] = t;
  }
  return out;
}
