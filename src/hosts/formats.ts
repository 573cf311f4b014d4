/**
 * Which reader a workbook needs, by its bytes (never by its name): .xlsx (src/hosts/xlsx),
 * OpenDocument .ods (src/hosts/ods, streaming, same bounds), legacy BIFF8 .xls (src/hosts/xls,
 * through SheetJS, loaded only when such a file is opened). Runs in Node and in the browser.
 */
import type { WorkbookGrid } from "../sheets/grid";
import type { WritePlan } from "../sheets/write-plan";
import { PegError } from "../domain/errors";
import { formati } from "../strings/it-documenti";
import { applyPlanToOdsCopy } from "./ods/copy";
import { loadOdsGrid } from "./ods/read";
import { asBytes, centralDirectoryNames } from "./xlsx/sniff";

/** What the readers take (the same as ./xlsx/load's LoadOptions). */
export interface LoadOptions {
  fileName?: string;
  maxBytes?: number;
  maxUnzippedBytes?: number;
}

export type WorkbookFormat = "xlsx" | "ods" | "xls";

/** File names a folder of settori may hold. */
export const WORKBOOK_EXTENSIONS = /\.(xlsx|ods|xls)$/i;
/** The file picker's accept attribute. */
export const WORKBOOK_ACCEPT =
  ".xlsx,.ods,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,application/vnd.ms-excel";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

function utf16Has(b: Uint8Array, text: string): boolean {
  // Directory entry names of a CFB container are UTF-16LE; only the first sectors are searched.
  const end = Math.min(b.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i + text.length * 2 <= end; i++) {
    for (let k = 0; k < text.length; k++) if (b[i + 2 * k] !== text.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * "ods" for an OpenDocument spreadsheet (its first entry is the uncompressed "mimetype"), "xls"
 * for a CFB container with a Workbook stream and no encryption, else "xlsx" (whose reader gives
 * every other file its own message).
 */
export function sniffFormat(data: Uint8Array | ArrayBuffer): WorkbookFormat {
  const b = asBytes(data);
  if (b.length > 38 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) {
    const nameLen = b[26]! | (b[27]! << 8);
    const name = new TextDecoder().decode(b.subarray(30, 30 + nameLen));
    if (name === "mimetype") {
      const extra = b[28]! | (b[29]! << 8);
      const start = 30 + nameLen + extra;
      const mime = new TextDecoder().decode(b.subarray(start, start + ODS_MIME.length));
      if (mime === ODS_MIME) return "ods";
    }
    // A writer that did not put "mimetype" first: the directory tells.
    const names = centralDirectoryNames(b);
    if (names && names.includes("mimetype") && names.includes("content.xml") && !names.includes("xl/workbook.xml")) return "ods";
    return "xlsx";
  }
  if (b.length >= 512 && CFB.every((x, i) => b[i] === x)) {
    if (utf16Has(b, "EncryptionInfo") || utf16Has(b, "EncryptedPackage")) return "xlsx";
    if (utf16Has(b, "Workbook") || utf16Has(b, "Book")) return "xls";
  }
  return "xlsx";
}

/**
 * The grids of an .ods or .xls, or null for anything else (left to the .xlsx reader, which gives
 * every other file its own message). The hook in ./xlsx/load.ts calls it, so every caller of
 * loadWorkbookGrid (verifica, consolida, relazione, the pane) reads the three formats.
 */
export function loadOtherFormat(bytes: Uint8Array, opts: LoadOptions = {}): Promise<WorkbookGrid> | null {
  const format = sniffFormat(bytes);
  if (format === "ods") {
    try {
      return Promise.resolve(loadOdsGrid(bytes, opts));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  if (format === "xls") return import("./xls/read").then(({ loadXlsGrid }) => loadXlsGrid(bytes, opts));
  return null;
}

/**
 * The annotated copy of an .ods (an .ods changed only at the written cells) or of an .xls (an
 * .xlsx rewritten from its grid: see formati.copiaXlsx), or null for an .xlsx. The hook in
 * ./xlsx/apply.ts calls it.
 */
export function applyPlanToOtherFormat(bytes: Uint8Array, plan: WritePlan, opts: LoadOptions = {}): Promise<Uint8Array> | null {
  const format = sniffFormat(bytes);
  if (format === "ods") {
    try {
      return Promise.resolve(applyPlanToOdsCopy(bytes, plan, opts));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  if (format === "xls") return import("./xls/copy").then(({ applyPlanToXlsCopy }) => applyPlanToXlsCopy(bytes, plan, opts));
  return null;
}

/**
 * What to tell the user about the copy's format, or null: an .xls is copied as an .xlsx (said
 * every time); an output name whose extension does not match the copy's format is refused.
 */
export function copyFormatNote(bytes: Uint8Array, fileName: string, output: string): string | null {
  const format = sniffFormat(bytes);
  if (format === "xls") {
    if (!/\.xlsx$/i.test(output)) throw new PegError(formati.uscitaXls(output));
    return formati.copiaXlsx(fileName);
  }
  if (format === "ods" && !/\.ods$/i.test(output)) throw new PegError(formati.uscitaOds(output));
  return null;
}
