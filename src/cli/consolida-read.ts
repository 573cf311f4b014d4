/**
 * Reading one settore's workbook for `peg consolida`: file → grid → verifica → consolidation
 * input. Never throws: a file that cannot be used comes back with its Italian reason, so that
 * the others still consolidate. Shared by the main thread and the reading worker.
 */
import type { ConsolidationInput } from "../domain/consolidation";
import { PegError, isPegError } from "../domain/errors";
import type { Settings } from "../domain/settings";
import { loadWorkbookGrid } from "../hosts/xlsx/load";
import { readInputFile } from "../hosts/xlsx/node-files";
import { inputFromAnalysis } from "../sheets/consolidation/input";
import { verifica } from "../sheets/verifica";
import { consolidamento } from "../strings/it";

const t = consolidamento.cli;

export interface Lettura {
  /** Absolute path. */
  abs: string;
  /** The name shown in the tables. */
  name: string;
}

export type EsitoLettura = { ok: true; input: ConsolidationInput } | { ok: false; motivo: string };

export async function leggiSettore(job: Lettura, settings: Settings, today: Date): Promise<EsitoLettura> {
  try {
    const bytes = await readInputFile(job.abs);
    const { grid } = await loadWorkbookGrid(bytes, { fileName: job.name });
    const analysis = verifica(grid, { file: job.name, settings, today });
    if (analysis.schede.length === 0) throw new PegError(t.nessunaScheda(job.name));
    return { ok: true, input: inputFromAnalysis(analysis) };
  } catch (e) {
    return {
      ok: false,
      motivo: isPegError(e) ? e.message : t.erroreImprevistoFile(job.name),
    };
  }
}
