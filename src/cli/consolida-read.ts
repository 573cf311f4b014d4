/**
 * Reading one settore's workbook for `peg consolida`: file → grid → verifica → consolidation
 * input, through the loop the pane uses too (src/app/consolidation.ts). Never throws: a file that
 * cannot be used comes back with its Italian reason, so that the others still consolidate.
 */
import { readSource, type ConsolidationMessages, type ConsolidationSource, type EsitoLettura } from "../app/consolidation";
import type { Settings } from "../domain/settings";
import { loadWorkbookGrid } from "../hosts/xlsx/load";
import { readInputFile } from "../hosts/xlsx/node-files";
import { consolidamento } from "../strings/it";

const t = consolidamento.cli;

export type { EsitoLettura };

export interface Lettura {
  /** Absolute path. */
  abs: string;
  /** The name shown in the tables. */
  name: string;
}

/** The command line's wording of the reasons the shared loop gives. */
export const CLI_MESSAGES: ConsolidationMessages = {
  nessunaScheda: t.nessunaScheda,
  imprevisto: (file) => t.erroreImprevistoFile(file),
};

/** A file on disk as a source of the consolidation loop (src/app/consolidation.ts). */
export function settoreSource(job: Lettura): ConsolidationSource {
  return { name: job.name, grid: async () => (await loadWorkbookGrid(await readInputFile(job.abs), { fileName: job.name })).grid };
}

export async function leggiSettore(job: Lettura, settings: Settings, today: Date): Promise<EsitoLettura> {
  return readSource(settoreSource(job), settings, { today, messages: CLI_MESSAGES });
}
