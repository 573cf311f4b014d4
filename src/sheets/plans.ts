/**
 * Write plans (spec §6): what each action would change in the user's workbook, cell by cell,
 * with what every cell holds now. Only hosts apply plans; nothing here writes.
 */
import { esitoScrittoValido } from "../domain/esiti";
import type { Settings } from "../domain/settings";
import { isPercentFormat, parsePercent } from "../domain/values";
import { avvisiSegni } from "../strings/it";
import { a1, isBlank, parseA1, parseRange, type Cell, type SheetGrid, type WorkbookGrid } from "./grid";
import { layoutSchedaEnte } from "./layout/scheda-ente";
import { layoutSchedaObiettivo } from "./layout/scheda-obiettivo";
import { classify, recognise } from "./recognise";
import { SheetView, type Pos } from "./sheet-view";
import type { Vocabulary } from "./vocabulary/vocabulary";
import type { Analysis, AnalysedScheda } from "./verifica";
import { emptyPlan, freeSheetName, type CellSnapshot, type CellWrite, type WritePlan } from "./write-plan";

export function snapshot(cell: Cell | undefined): CellSnapshot {
  const s: CellSnapshot = { value: cell?.v ?? null, fill: cell?.fill ?? null };
  if (cell?.formula) s.formula = cell.formula;
  if (cell?.fmt) s.fmt = cell.fmt;
  return s;
}

/** A user value that differs from what we would write (formulas always count: we would replace them). */
function userValueDiffers(cell: Cell | undefined): boolean {
  if (!cell) return false;
  return !!cell.formula || !!cell.error || !isBlank(cell.v);
}

function writable(s: AnalysedScheda): boolean {
  return !s.hidden;
}

/** Esiti, the two MEDIA cells of the current verifica column, and the ente's Grado (spec §6). */
export function planEsiti(analysis: Analysis): WritePlan {
  const plan = emptyPlan();
  for (const s of analysis.schede) {
    if (!writable(s)) continue;
    const grid = s.rec.view.grid;
    for (const ind of s.indicatori) {
      const esito = ind.valutato.esito;
      const at = ind.ref.esito;
      if (!esito || !at) continue;
      const cell = grid.get(at.r, at.c);
      if (!cell?.formula && typeof cell?.v === "string" && esitoScrittoValido(cell.v) === esito) continue;
      plan.writes.push({
        foglio: s.foglio,
        cella: a1(at.r, at.c),
        kind: "esito",
        value: esito,
        previous: snapshot(cell),
        conflict: userValueDiffers(cell),
      });
    }
    const target = s.rec.verifica[s.colonna];
    pushPercent(plan, s.foglio, grid, target.valore, s.scheda.mediaValoreRaggiunto, "mediaValore");
    if (s.scheda.tipo === "obiettivo") pushPercent(plan, s.foglio, grid, target.tempi, s.scheda.mediaRispettoTempi, "mediaTempi");
    if (s.scheda.tipo === "ente") pushPercent(plan, s.foglio, grid, s.rec.grado, s.grado, "grado");
  }
  return plan;
}

function pushPercent(
  plan: WritePlan,
  foglio: string,
  grid: SheetGrid,
  at: Pos | null,
  computed: number | null,
  kind: "mediaValore" | "mediaTempi" | "grado",
): void {
  if (!at || computed === null) return;
  const cell = grid.get(at.r, at.c);
  const typed = parsePercent(cell ?? { v: null });
  if (!cell?.formula && typed.ok && typed.value !== null && Math.abs(typed.value - computed) < 0.005) return;
  // Keep the user's convention: a plain number stays a plain number; otherwise a fraction shown as %.
  const plainNumber = typeof cell?.v === "number" && !isPercentFormat(cell.fmt);
  const w: CellWrite = {
    foglio,
    cella: a1(at.r, at.c),
    kind,
    value: plainNumber ? computed : Math.round(computed * 100) / 10000,
    previous: snapshot(cell),
    conflict: userValueDiffers(cell),
  };
  if (!plainNumber && !isPercentFormat(cell?.fmt)) w.fmt = "0%";
  plan.writes.push(w);
}

/** Fills the cells that carry an errore or an avviso; an errore wins over an avviso in the same cell. */
export function planEvidenziazioni(analysis: Analysis, settings: Settings): WritePlan {
  const plan = emptyPlan();
  const bySheet = new Map(analysis.schede.filter(writable).map((s) => [s.foglio, s]));
  const chosen = new Map<string, { foglio: string; cella: string; colour: string }>();
  for (const d of analysis.report.segnalazioni) {
    if (d.gravita === "info" || !bySheet.has(d.foglio)) continue;
    const key = `${d.foglio}!${d.cella}`;
    const colour = d.gravita === "errore" ? settings.colori.errore : settings.colori.avviso;
    const prev = chosen.get(key);
    if (!prev || (d.gravita === "errore" && prev.colour !== settings.colori.errore))
      chosen.set(key, { foglio: d.foglio, cella: d.cella, colour });
  }
  for (const { foglio, cella, colour } of chosen.values()) {
    const grid = bySheet.get(foglio)!.rec.view.grid;
    const { r, c } = parseA1(cella);
    const cell = grid.get(r, c);
    plan.writes.push({
      foglio,
      cella,
      kind: "evidenziazione",
      fill: colour,
      previous: snapshot(cell),
      conflict: false,
    });
  }
  return plan;
}

/** A highlight the add-in applied, with the fill the cell had before (kept by the host). */
export interface HighlightRecord {
  foglio: string;
  cella: string;
  applied: string;
  previousFill: string | null;
}

/**
 * Removes highlights, restoring each cell's own fill. A cell whose fill the user changed since
 * the highlight is left alone: removing highlights must never undo the user's own work.
 */
export function planPulisciEvidenziazioni(grid: WorkbookGrid, records: HighlightRecord[]): WritePlan {
  const plan = emptyPlan();
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  for (const rec of records) {
    const sheet = sheets.get(rec.foglio);
    if (!sheet) continue;
    const { r1: r, c1: c } = parseRange(rec.cella);
    const cell = sheet.get(r, c);
    if ((cell?.fill ?? null) !== rec.applied.toUpperCase()) continue;
    plan.writes.push({
      foglio: rec.foglio,
      cella: rec.cella,
      kind: "pulisciEvidenziazione",
      fill: rec.previousFill,
      previous: snapshot(cell),
      conflict: false,
    });
  }
  return plan;
}

/** Highlight records of a plan that was applied (for a later "Pulisci evidenziazioni"). */
export function highlightRecords(plan: WritePlan): HighlightRecord[] {
  return plan.writes
    .filter((w) => w.kind === "evidenziazione" && w.fill)
    .map((w) => ({ foglio: w.foglio, cella: w.cella, applied: w.fill!.toUpperCase(), previousFill: w.previous.fill }));
}

export type SegnoKind = "previsto" | "effettivo" | "togli";

/**
 * Marks (or unmarks) the selected cronoprogramma cells. Refuses, with an Italian message, a
 * selection that is not entirely made of month cells of the right rows of one scheda.
 */
export function planSegni(
  grid: WorkbookGrid,
  foglio: string,
  rangeA1: string,
  kind: SegnoKind,
  settings: Settings,
  /** The vocabulary verifica read the sheet with (a profilo di layout), so the same cells are a cronoprogramma. */
  vocab?: Vocabulary,
): WritePlan | { errore: string } {
  const sheet = grid.sheets.find((s) => s.name === foglio);
  if (!sheet) return { errore: avvisiSegni.segnoFoglioNonScheda(foglio) };
  const view = new SheetView(sheet, vocab);
  const tipo = classify(view);
  if (tipo !== "obiettivo") return { errore: avvisiSegni.segnoFoglioNonScheda(foglio) };
  if (sheet.visibility !== "visible") return { errore: avvisiSegni.segnoFoglioNascosto(foglio) };
  const rec = recognise(view, tipo);
  const crono = rec.crono;
  if (!crono) return { errore: avvisiSegni.segnoSenzaCronoprogramma };
  // One range, or several areas of a Ctrl+click selection ("D17,F17:G17").
  let ranges;
  try {
    ranges = rangeA1
      .replace(/^.*!/, "")
      .split(",")
      .map((a) => parseRange(a.trim()));
  } catch {
    return { errore: avvisiSegni.segnoFuoriCronoprogramma };
  }
  if (ranges.reduce((n, range) => n + (range.r2 - range.r1 + 1) * (range.c2 - range.c1 + 1), 0) > 12 * 200)
    return { errore: avvisiSegni.segnoFuoriCronoprogramma };
  const monthCols = new Set(crono.monthCols);
  const allowedRows = new Set<number>();
  for (const row of crono.rows) {
    if (kind !== "effettivo" && row.previstoRow !== null) allowedRows.add(row.previstoRow);
    if (kind !== "previsto" && row.effettivoRow !== null) allowedRows.add(row.effettivoRow);
  }
  const plan = emptyPlan();
  const seen = new Set<string>();
  for (const range of ranges)
    for (let r = range.r1; r <= range.r2; r++) {
      for (let c = range.c1; c <= range.c2; c++) {
        if (seen.has(`${r},${c}`)) continue; // overlapping areas
        seen.add(`${r},${c}`);
        if (!monthCols.has(c) || !allowedRows.has(r)) {
          return {
            errore:
              kind === "togli"
                ? avvisiSegni.segnoFuoriCronoprogramma
                : avvisiSegni.segnoRigaSbagliata(kind === "previsto" ? "previsto" : "effettivo"),
          };
        }
        const cell = sheet.get(r, c);
        const write: CellWrite = {
          foglio,
          cella: a1(r, c),
          kind: kind === "togli" ? "togliSegno" : "segno",
          value: kind === "togli" ? null : "X",
          fill: kind === "togli" ? crono.backgroundFill : settings.colori[kind],
          previous: snapshot(cell),
          conflict: false,
        };
        plan.writes.push(write);
      }
    }
  return plan;
}

/** A blank scheda obiettivo in the familiar layout, on a sheet name that is free. */
export function planNuovaScheda(existingNames: string[], anno: number): WritePlan {
  const plan = emptyPlan();
  const numeri = existingNames
    .map((n) => /^obiettivo (\d+)$/i.exec(n)?.[1])
    .filter((x): x is string => !!x)
    .map(Number);
  const next = numeri.length ? Math.max(...numeri) + 1 : 1;
  const nome = freeSheetName(`Obiettivo ${next}`, existingNames);
  plan.newSheets.push(layoutSchedaObiettivo({ nome, anno }));
  return plan;
}

/** The `peg modello` workbook: one empty scheda obiettivo and one ente scheda. */
export function planModello(anno: number): WritePlan {
  const plan = emptyPlan();
  plan.newSheets.push(layoutSchedaEnte({ nome: "Ente", anno }));
  plan.newSheets.push(layoutSchedaObiettivo({ nome: "Obiettivo 1", anno }));
  return plan;
}
