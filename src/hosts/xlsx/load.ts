/**
 * Workbook bytes → neutral grids (src/sheets/grid.ts), through the streaming reader in ./read.
 * Runs in Node and in the browser. Unusable input is refused with a PegError in Italian, before
 * reading (./sniff.ts) or while reading (limits on inflated bytes, cells and merges).
 */
import { PegError, isPegError } from "../../domain/errors";
import type { WorkbookGrid } from "../../sheets/grid";
import { fileErrors } from "../../strings/it";
import type { Workbook } from "./exceljs";
import { readXlsx } from "./read";
import { asBytes, checkWorkbookBytes } from "./sniff";
import { loadOtherFormat } from "../formats";

export interface LoadOptions {
  /** The name the user knows the file by, for messages and the esercizio hint. */
  fileName?: string;
  /** Size limit in bytes (default MAX_FILE_BYTES). */
  maxBytes?: number;
  /** Limit on the total uncompressed size of the parts (default MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes?: number;
}

export interface LoadedWorkbook {
  grid: WorkbookGrid;
  /** A year (2000–2099) named by the file name or the workbook's title, when exactly one is; else null. */
  esercizioHint?: number | null;
}

/** Loads `data` (never modified) and converts every worksheet into a SheetGrid. */
export function loadWorkbookGrid(data: Uint8Array | ArrayBuffer, opts: LoadOptions = {}): Promise<LoadedWorkbook> {
  try {
    const bytes = asBytes(data);
    // .ods and .xls have their own readers (src/hosts/formats.ts).
    const other = loadOtherFormat(bytes, opts);
    if (other) return other.then((grid) => ({ grid, esercizioHint: esercizioHint(opts.fileName) }));
    checkWorkbookBytes(bytes, opts);
    const { grid, title } = readXlsx(bytes, opts);
    return Promise.resolve({ grid, esercizioHint: esercizioHint(opts.fileName, { title }) });
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * Checks the bytes, then loads them with ExcelJS, for the code that still writes through it.
 * ExcelJS is imported only here, on demand: reading a workbook never loads it.
 */
export async function loadExcelJs(data: Uint8Array | ArrayBuffer, opts: LoadOptions = {}): Promise<Workbook> {
  const f = opts.fileName ?? "Il file";
  const bytes = asBytes(data);
  checkWorkbookBytes(bytes, opts);
  const ExcelJS = (await import("./exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS (JSZip) reads a Uint8Array without copying it and never writes into it.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    if (isPegError(e)) throw e;
    throw new PegError(fileErrors.unreadableWorkbook(f));
  }
  if (workbook.worksheets.length === 0) throw new PegError(fileErrors.noWorksheets(f));
  return workbook;
}

/** The year a file name ("PEG 2023.xlsx") or the workbook title names, when it names exactly one. */
export function esercizioHint(fileName: string | undefined, workbook?: { title?: string }): number | null {
  for (const text of [fileName?.replace(/^.*[\\/]/, ""), workbook?.title]) {
    if (!text) continue;
    const years = new Set([...text.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1])));
    if (years.size === 1) return [...years][0]!;
  }
  return null;
}
