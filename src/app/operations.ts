/**
 * What each operation plans, the same for Excel and for the browser: the host gives the grid
 * (and the selection), this module asks the engine for the write plan. Part of the lazy engine
 * chunk (src/app/engine.ts), so the engine is not in the pane's first download.
 */
import { PegError } from "../domain/errors";
import type { Settings } from "../domain/settings";
import type { WorkbookGrid } from "../sheets/grid";
import {
  highlightRecords,
  planEsiti,
  planEvidenziazioni,
  planNuovaScheda,
  planPulisciEvidenziazioni,
  planSegni,
  type HighlightRecord,
} from "../sheets/plans";
import { verifica, type Analysis } from "../sheets/verifica";
import type { Vocabulary } from "../sheets/vocabulary/vocabulary";
import { freeSheetName, type WritePlan } from "../sheets/write-plan";
import { pane } from "../strings/it";
import type { Selezione } from "./backend";
import type { Conflitto, Operazione, Preparazione } from "./pane-host";

export { highlightRecords, type HighlightRecord };

export interface PlanContext {
  grid: WorkbookGrid;
  file: string;
  settings: Settings;
  /** Needed by the cronoprogramma marks only. */
  selezione: Selezione | null;
  /** Highlights the add-in applied earlier (what "Pulisci evidenziazioni" removes). */
  evidenziazioni: HighlightRecord[];
  /** The day "today" is for the check (tests fix it); default the clock. */
  today?: Date;
  /** The vocabulary with the document's profilo di layout (issue 8). */
  vocab?: Vocabulary;
}

export function analyse(grid: WorkbookGrid, file: string, settings: Settings, today?: Date, vocab?: Vocabulary): Analysis {
  return verifica(grid, { file, settings, today, vocab });
}

/** The engine's plan for an operation; a refusal (e.g. selection outside a cronoprogramma) is a PegError. */
export function planFor(op: Operazione, ctx: PlanContext): WritePlan {
  switch (op.tipo) {
    case "esiti":
      return planEsiti(analyse(ctx.grid, ctx.file, ctx.settings, ctx.today, ctx.vocab));
    case "evidenziazioni":
      return planEvidenziazioni(analyse(ctx.grid, ctx.file, ctx.settings, ctx.today, ctx.vocab), ctx.settings);
    case "pulisciEvidenziazioni":
      return planPulisciEvidenziazioni(ctx.grid, ctx.evidenziazioni);
    case "nuovaScheda": {
      const a = analyse(ctx.grid, ctx.file, ctx.settings, ctx.today, ctx.vocab);
      return planNuovaScheda(
        ctx.grid.sheets.map((s) => s.name),
        a.report.esercizio,
      );
    }
    case "segno": {
      if (!ctx.selezione) throw new PegError(pane.errors.nessunaSelezione);
      const r = planSegni(ctx.grid, ctx.selezione.foglio, ctx.selezione.range, op.segno, ctx.settings, ctx.vocab);
      if ("errore" in r) throw new PegError(r.errore);
      return r;
    }
  }
}

/** The names new sheets will get, as the hosts pick them (never replacing a sheet). */
export function newSheetNames(plan: WritePlan, existing: string[]): string[] {
  const taken = [...existing];
  const names: string[] = [];
  for (const spec of plan.newSheets) {
    const n = freeSheetName(spec.name, taken);
    taken.push(n);
    names.push(n);
  }
  return names;
}

export function toPreparazione(op: Operazione, plan: WritePlan, existing: string[]): Preparazione {
  const conflitti: Conflitto[] = plan.writes
    .filter((w) => w.conflict)
    .map((w) => ({ foglio: w.foglio, cella: w.cella, attuale: w.previous.value, nuovo: w.value }));
  return { operazione: op, celle: plan.writes.length, conflitti, nuoviFogli: newSheetNames(plan, existing), dati: plan };
}

/**
 * The highlights still on the sheet after a write: an "Evidenzia" adds its records (replacing
 * older ones on the same cells), a "Pulisci" drops the ones it restored.
 */
export function nextHighlights(before: HighlightRecord[], op: Operazione, applied: WritePlan): HighlightRecord[] {
  const key = (r: { foglio: string; cella: string }) => `${r.foglio}!${r.cella}`;
  if (op.tipo === "evidenziazioni") {
    const added = highlightRecords(applied);
    const fresh = new Set(added.map(key));
    // A cell highlighted twice keeps the fill it had before the first highlight.
    const old = new Map(before.map((r) => [key(r), r]));
    return [
      ...before.filter((r) => !fresh.has(key(r))),
      ...added.map((r) => ({ ...r, previousFill: old.get(key(r))?.previousFill ?? r.previousFill })),
    ];
  }
  if (op.tipo === "pulisciEvidenziazioni") {
    const cleared = new Set(applied.writes.map(key));
    return before.filter((r) => !cleared.has(key(r)));
  }
  return before;
}
