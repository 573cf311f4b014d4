/**
 * The consolidation loop, once for the pane (both hosts) and the command line: read and check
 * every settore's workbook in turn, report each file as it ends, keep the unusable ones with
 * their Italian reason so that the others still consolidate, then consolidate.
 *
 * Sequential on purpose: one grid in memory at a time, and a worker thread was measured slower
 * on a 2-core machine (docs/CONSOLIDAMENTO.md).
 */
import { consolidate, type Consolidation, type ConsolidationInput, type FileNonLetto } from "../domain/consolidation";
import { PegError, isPegError } from "../domain/errors";
import type { Settings } from "../domain/settings";
import type { WorkbookGrid } from "../sheets/grid";
import { rememberTesti } from "../sheets/verifica-testi";
import { inputFromAnalysis } from "../sheets/consolidation/input";
import { verifica } from "../sheets/verifica";
import type { Vocabulary } from "../sheets/vocabulary/vocabulary";

/** One workbook to consolidate: its name and how to get its grid (read lazily, one at a time). */
export interface ConsolidationSource {
  name: string;
  grid: () => Promise<WorkbookGrid>;
}

export type EsitoLettura = { ok: true; input: ConsolidationInput } | { ok: false; motivo: string };

/** The front end's own wording of the two reasons the loop itself gives. */
export interface ConsolidationMessages {
  /** The file was read but holds no scheda. */
  nessunaScheda: (file: string) => string;
  /** Anything that is not a PegError (a bug): said without a stack trace. */
  imprevisto: (file: string, e: unknown) => string;
}

export interface ReadOptions {
  messages: ConsolidationMessages;
  today?: Date;
  /** Called after each file, in input order. */
  onDone?: (i: number, esito: EsitoLettura) => void;
  /** Awaited before each file (the browser lets the pane paint the progress). */
  pause?: () => Promise<void>;
  /** The vocabulary with a profilo di layout (issue 8); default the built-in one. */
  vocab?: Vocabulary;
}

/** One file → its consolidation input, or why it cannot be used. Never throws. */
export async function readSource(src: ConsolidationSource, settings: Settings, opts: ReadOptions): Promise<EsitoLettura> {
  try {
    const analysis = verifica(await src.grid(), { file: src.name, settings, today: opts.today, vocab: opts.vocab });
    if (analysis.schede.length === 0) throw new PegError(opts.messages.nessunaScheda(src.name));
    // The verifica texts, for the pane's «Scarica relazione» (src/sheets/verifica-testi.ts).
    rememberTesti(src.name, analysis);
    // Also carries the cells of N.OBIETTIVO and of each name, so cross-file diagnostics point at a cell.
    return { ok: true, input: inputFromAnalysis(analysis, src.name) };
  } catch (e) {
    return { ok: false, motivo: isPegError(e) ? e.message : opts.messages.imprevisto(src.name, e) };
  }
}

/** Every source in input order, one at a time. */
export async function readSources(sources: ConsolidationSource[], settings: Settings, opts: ReadOptions): Promise<EsitoLettura[]> {
  const esiti: EsitoLettura[] = [];
  for (const [i, src] of sources.entries()) {
    await opts.pause?.();
    const esito = await readSource(src, settings, opts);
    esiti.push(esito);
    opts.onDone?.(i, esito);
  }
  return esiti;
}

export interface Consolidato {
  consolidation: Consolidation;
  inputs: ConsolidationInput[];
  nonLetti: FileNonLetto[];
}

/**
 * Consolidate what was read; `names[i]` names `esiti[i]`. `earlier` lists files refused before
 * reading (an empty folder). Null when no file can be used.
 */
export function consolidateRead(
  names: string[],
  esiti: EsitoLettura[],
  settings: Settings,
  earlier: FileNonLetto[] = [],
): Consolidato | null {
  const inputs: ConsolidationInput[] = [];
  const nonLetti: FileNonLetto[] = [...earlier];
  esiti.forEach((esito, i) => {
    if (esito.ok) inputs.push(esito.input);
    else nonLetti.push({ file: names[i]!, motivo: esito.motivo });
  });
  if (inputs.length === 0) return null;
  return { consolidation: consolidate(inputs, settings, { nonLetti }), inputs, nonLetti };
}
