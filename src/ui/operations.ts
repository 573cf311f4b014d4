/**
 * What each pane operation plans, the same for Excel and for the browser: the host gives the
 * grid (and the selection), this module asks the engine for the write plan. Loaded lazily by
 * both hosts, so the engine is not in the pane's first download.
 */
import type { Consolidation, ConsolidationInput } from "../domain/consolidation";
import { consolidate } from "../domain/consolidation";
import { PegError } from "../domain/errors";
import type { Settings } from "../domain/settings";
import type { WorkbookGrid } from "../sheets/grid";
import { inputFromAnalysis } from "../sheets/consolidation/input";
import { consolidationSheets } from "../sheets/layout-consolidation";
import {
  highlightRecords,
  planEsiti,
  planEvidenziazioni,
  planNuovaScheda,
  planPulisciEvidenziazioni,
  planSegni,
  type HighlightRecord,
} from "../sheets/plans";
import type { SheetSpec } from "../sheets/sheet-spec";
import { verifica, type Analysis } from "../sheets/verifica";
import { freeSheetName, type WritePlan } from "../sheets/write-plan";
import { pane } from "../strings/it";
import { userMessage } from "./errors";
import type { AnteprimaConsolidamento, Conflitto, FileConsolidamento, Operazione, Preparazione } from "./pane-host";

export { verifica, highlightRecords, type HighlightRecord };
// Settings parsing needs zod: it travels with the lazy engine chunk, not the pane's first download.
export { loadSettings, DEFAULT_SETTINGS } from "../domain/settings";

export interface Selezione {
  foglio: string;
  /** "C40" or "C40:F41". */
  range: string;
}

export interface PlanContext {
  grid: WorkbookGrid;
  file: string;
  settings: Settings;
  /** Needed by the cronoprogramma marks only. */
  selezione: Selezione | null;
  /** Highlights the add-in applied earlier (what "Pulisci evidenziazioni" removes). */
  evidenziazioni: HighlightRecord[];
}

export function analyse(grid: WorkbookGrid, file: string, settings: Settings): Analysis {
  return verifica(grid, { file, settings });
}

/** The engine's plan for an operation; a refusal (e.g. selection outside a cronoprogramma) is a PegError. */
export function planFor(op: Operazione, ctx: PlanContext): WritePlan {
  switch (op.tipo) {
    case "esiti":
      return planEsiti(analyse(ctx.grid, ctx.file, ctx.settings));
    case "evidenziazioni":
      return planEvidenziazioni(analyse(ctx.grid, ctx.file, ctx.settings), ctx.settings);
    case "pulisciEvidenziazioni":
      return planPulisciEvidenziazioni(ctx.grid, ctx.evidenziazioni);
    case "nuovaScheda": {
      const a = analyse(ctx.grid, ctx.file, ctx.settings);
      return planNuovaScheda(
        ctx.grid.sheets.map((s) => s.name),
        a.report.esercizio,
      );
    }
    case "segno": {
      if (!ctx.selezione) throw new PegError(pane.errors.nessunaSelezione);
      const r = planSegni(ctx.grid, ctx.selezione.foglio, ctx.selezione.range, op.segno, ctx.settings);
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

/** What consolidation needs from one workbook: its report and the context the report leaves out. */
export function consolidationInput(file: string, a: Analysis): ConsolidationInput {
  // Also carries the cells of N.OBIETTIVO and of each name, so cross-file diagnostics point at a cell.
  return inputFromAnalysis(a, file);
}

export function consolidateAll(
  inputs: ConsolidationInput[],
  nonLetti: Array<{ file: string; motivo: string }>,
  settings: Settings,
): { consolidation: Consolidation; fogli: SheetSpec[] } {
  const consolidation = consolidate(inputs, settings, { nonLetti });
  return { consolidation, fogli: consolidationSheets(consolidation) };
}

/** One workbook to consolidate: its name and how to get its grid (read lazily, one at a time). */
export interface ConsolidationSource {
  name: string;
  grid: () => Promise<WorkbookGrid>;
}

/**
 * Reads and checks every source in turn, reporting each file as it ends; a file that cannot be
 * used is listed with its reason and the others still consolidate. Shared by both pane hosts.
 */
export async function consolidateSources(
  sources: ConsolidationSource[],
  settings: Settings,
  onFile?: (f: FileConsolidamento) => void,
  beforeEach?: () => Promise<void>,
): Promise<AnteprimaConsolidamento> {
  const inputs: ConsolidationInput[] = [];
  const nonLetti: Array<{ file: string; motivo: string }> = [];
  const files: FileConsolidamento[] = [];
  const report = (f: FileConsolidamento): void => {
    files.push(f);
    onFile?.(f);
  };
  for (const src of sources) {
    await beforeEach?.();
    try {
      const a = analyse(await src.grid(), src.name, settings);
      if (a.report.schede.length === 0) throw new PegError(pane.consolida.nessunaScheda);
      inputs.push(consolidationInput(src.name, a));
      report({ file: src.name, stato: "letto", schede: a.report.schede.length });
    } catch (err) {
      const motivo = userMessage(err);
      nonLetti.push({ file: src.name, motivo });
      report({ file: src.name, stato: "errore", motivo });
    }
  }
  if (inputs.length === 0) throw new PegError(pane.consolida.nessunoUtilizzabile);
  const { consolidation, fogli } = consolidateAll(inputs, nonLetti, settings);
  return { files, fogli, dati: consolidation };
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
