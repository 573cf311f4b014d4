/**
 * Recognition as a thin pipeline over the blocks (src/sheets/blocks/): every block locates itself
 * and says how sure it is; a sheet is a scheda when the blocks found add up to enough evidence
 * (docs/LAYOUT.md, "The evidence rule"). No single label is required. The blocks then read their
 * positions into a RecognisedScheda, which verifica and the write plans use.
 */
import * as contesto from "./blocks/contesto";
import * as cronoprogramma from "./blocks/cronoprogramma";
import * as fasi from "./blocks/fasi";
import * as indici from "./blocks/indici";
import * as indicatori from "./blocks/indicatori";
import * as intestazione from "./blocks/intestazione";
import * as personale from "./blocks/personale";
import * as verificaBlock from "./blocks/verifica";
import { YEAR_TEXT, valueOfHeader, type Located } from "./blocks/common";
import { emptyScheda, type RecognisedScheda } from "./blocks/types";
import type { SheetView } from "./sheet-view";

export type { CronoRow, Cronoprogramma, CronoDates, IndicatoreRef, IndiceRef, PersonaRef, Problem, RecognisedScheda } from "./blocks/types";
export { isMarked } from "./blocks/cronoprogramma";

export interface BlocksFound {
  intestazione: Located<intestazione.Intestazione> | null;
  contesto: Located<contesto.Contesto> | null;
  personale: Located<personale.PersonaleHeader> | null;
  fasi: Located<fasi.FasiList> | null;
  cronoprogramma: Located<cronoprogramma.CronoFound> | null;
  indicatori: Located<indicatori.IndicatoriFound> | null;
  verifica: Located<verificaBlock.VerificaFound> | null;
  indici: Located<indici.IndiciHeader | null> | null;
}

export interface Assessment {
  tipo: "obiettivo" | "ente" | null;
  score: number;
  found: BlocksFound;
  /** Blocks found with some evidence (for the near-miss message). */
  blocks: Array<Located<unknown>>;
  /** What is missing for a scheda (when tipo is null). */
  missing: string[];
  /** Why a sheet with enough blocks is still not a scheda (a summary listing many obiettivi). */
  summary: boolean;
}

/** Evidence a sheet needs to be a scheda, and the content blocks one of which it must have. */
export const SCHEDA_THRESHOLD = 5;
// Module-level patterns: a literal inside a function is a new RegExp object per call.
const DIGIT = /\d/;
const OBIETTIVO_WORD = /^(obiettivo|ob|scheda) /;
const ESERCIZIO_YEAR = /\besercizio (\d{4})\b/;

const ENTE_THRESHOLD = 3;

export function locateBlocks(view: SheetView): BlocksFound {
  return {
    intestazione: intestazione.locate(view),
    contesto: contesto.locate(view),
    personale: personale.locate(view),
    fasi: fasi.locate(view),
    cronoprogramma: cronoprogramma.locate(view),
    indicatori: indicatori.locate(view),
    verifica: verificaBlock.locate(view),
    indici: indici.locate(view),
  };
}

/** The evidence rule: which kind of scheda a sheet is, if any. */
export function assess(view: SheetView): Assessment {
  const found = locateBlocks(view);
  const blocks = Object.values(found).filter((b): b is Located<unknown> => b !== null);
  const score = blocks.reduce((s, b) => s + b.score, 0);
  const tables = (found.indicatori?.data.tables.length ?? 0) + (found.indicatori?.data.vertical.length ?? 0);
  const cronoRead = (found.cronoprogramma?.score ?? 0) >= 3;
  const people = (found.personale?.score ?? 0) >= 2;
  const indiciRead = !!found.indici?.data;
  const content = tables > 0 || cronoRead || people || indiciRead;
  const head = found.intestazione?.data;
  const enteSignal =
    !!head?.titoloEnte || !!found.indicatori?.evidence.some((e) => view.is("indicatoriEnte", view.norm(e.at.r, e.at.c))) || indiciRead;
  const numero = !!head?.numero || !!head?.numeroInline;
  const summary = isSummary(view, found);

  let tipo: Assessment["tipo"] = null;
  if (!summary) {
    if (enteSignal && !numero && score >= ENTE_THRESHOLD) tipo = "ente";
    // The ente scheda's own title in a cell of its own wins over an N. OBIETTIVO some comuni add.
    else if (enteSignal && head?.titoloEnte && isOwnTitle(head.titoloEnte.norm) && score >= ENTE_THRESHOLD) tipo = "ente";
    else if (content && score >= SCHEDA_THRESHOLD) tipo = "obiettivo";
    else if (enteSignal && content && score >= ENTE_THRESHOLD) tipo = "ente";
  }
  const missing: string[] = [];
  if (!tipo) {
    if (!content) missing.push("una tabella degli indicatori (Indicatore, Atteso, Realizzato), un cronoprogramma o il personale coinvolto");
    if (!numero) missing.push("il numero dell'obiettivo (N. OBIETTIVO, Codice)");
    for (const b of blocks) for (const m of b.missing) if (!missing.includes(m)) missing.push(m);
  }
  return { tipo, score, found, blocks, missing, summary };
}

const ENTE_TITLE = /^(scheda )?obiettivo di performance organizzativa (di|dell) ente$/;

function isOwnTitle(norm: string): boolean {
  return ENTE_TITLE.test(norm);
}

/**
 * A sheet listing many obiettivi (a centro di costo's summary with pesi, the Nucleo's prospetto of
 * % di raggiungimento) is not a scheda: its numero column holds several obiettivo codes one under
 * another, or it names several obiettivi by "Obiettivo n.".
 */
function isSummary(view: SheetView, found: BlocksFound): boolean {
  const head = found.intestazione?.data;
  if (head?.numero) {
    const l = head.numero;
    let r = view.mergeEndRow(l.r, l.c);
    const values = new Set<string>();
    for (let k = 0; k < 12; k++) {
      r++;
      const t = view.text(r, l.c);
      if (!t) {
        if (values.size > 0) break;
        continue;
      }
      if (!DIGIT.test(t) || t.length > 20) break;
      values.add(t);
    }
    if (values.size >= 3) return true;
  }
  const inline = view.labels.filter((l) => intestazione.inlineNumero(l.text) !== null && OBIETTIVO_WORD.test(l.norm));
  if (inline.length >= 3) return true;
  // Several indicator tables each under its own obiettivo heading, one per row band: a prospetto.
  const numeri = view.findAll("numero").filter((l) => !view.blank(valueOfHeader(view, l, true).r, l.c));
  return numeri.length >= 3;
}

/** Compatibility: the kind of scheda, or null. */
export function classify(view: SheetView): "obiettivo" | "ente" | null {
  return assess(view).tipo;
}

export function recognise(view: SheetView, tipo: "obiettivo" | "ente", found: BlocksFound = locateBlocks(view)): RecognisedScheda {
  const s = emptyScheda(view, tipo);
  s.blocks = Object.values(found).filter((b): b is Located<unknown> => b !== null);
  if (found.intestazione) intestazione.read(view, found.intestazione.data, s);
  else if (tipo === "ente") intestazione.read(view, emptyHead(), s);
  if (found.contesto) contesto.read(view, found.contesto.data, s);
  // A scheda with no title label names its obiettivo under its strategic heading (Besnate's
  // "OBIETTIVO STRATEGICO", or a description): that is the title the Segretario reads.
  if (!s.titolo && tipo === "obiettivo") s.titolo = s.contesto.obiettivoStrategico;
  if (found.personale) personale.read(view, found.personale.data, s);
  if (tipo === "obiettivo") {
    if (found.fasi) fasi.read(view, found.fasi.data, s);
    if (found.cronoprogramma) cronoprogramma.read(view, found.cronoprogramma.data, s);
    // An activity Gantt carries the descriptions on its own rows.
    for (const row of s.crono?.rows ?? []) if (!s.fasi.has(row.n) && row.descrizione) s.fasi.set(row.n, row.descrizione);
  } else if (found.indici) {
    indici.read(view, found.indici.data, s);
  }
  if (found.indicatori) indicatori.read(view, found.indicatori.data, s);
  if (found.verifica) verificaBlock.read(view, found.verifica.data, s);
  return s;
}

function emptyHead(): intestazione.Intestazione {
  return {
    numero: null,
    numeroInline: null,
    titolo: null,
    pesatura: null,
    responsabile: null,
    settore: null,
    titoloScheda: null,
    titoloEnte: null,
  };
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
/** A title that names the plan's year: "ESERCIZIO 2023", "ANNO 2020", "PEG 2016", "Piano della performance 2024-2026". */
const TITLE_YEAR =
  /\b(?:esercizio|anno|peg|pdo|piao|piano esecutivo di gestione|piano della performance|piano dettagliato degli obiettivi|performance|triennio|bilancio|obiettivi|relazione sulla performance)\b[^0-9]{0,40}((?:19|20)\d{2})\b/;

/**
 * The esercizio written in the workbook (spec §2.3). A title wins over a year inside a block's
 * text: first a title-like cell in the first rows of a sheet (the first sheet first), then the
 * sheet names and the file name, then "ANNO | 2023" on an ente scheda, then "esercizio 2023"
 * anywhere. A range ("2024-2026", "2023/2025") gives its first year.
 */
export function esercizioDa(views: SheetView[], fileName?: string): number | null {
  for (const v of views) {
    if (v.grid.visibility === "veryHidden") continue;
    for (const l of v.labels) {
      if (l.r > 5) break;
      if (l.text.length > 160) continue;
      const m = TITLE_YEAR.exec(l.norm);
      if (m) return Number(m[1]);
    }
  }
  for (const v of views) {
    const m = TITLE_YEAR.exec(v.name.toLowerCase());
    if (m) return Number(m[1]);
  }
  // A file name ("PEG 2016.xlsx", "perosa-2016.xlsx") that names exactly one year.
  const base = fileName?.replace(/^.*[\\/]/, "") ?? "";
  const years = new Set([...base.matchAll(new RegExp(YEAR.source, "g"))].map((m) => Number(m[1])));
  if (years.size === 1) return [...years][0]!;
  for (const v of views) {
    const anno = v.find("anno");
    if (anno) {
      const p = v.rightOf(anno);
      const t = v.text(p.r, p.c);
      if (YEAR_TEXT.test(t)) return Number(t);
    }
  }
  for (const v of views) {
    for (const l of v.labels) {
      const m = ESERCIZIO_YEAR.exec(l.norm);
      if (m) return Number(m[1]);
    }
  }
  return null;
}
