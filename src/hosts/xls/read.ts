/**
 * Legacy Excel 97-2003 (.xls, BIFF8) → neutral grids, through SheetJS (@e965/xlsx, Apache-2.0,
 * a maintained republication of SheetJS 0.20). It is about 1 MB: this module is imported only by
 * a dynamic import (src/hosts/formats.ts) when an .xls is opened, so neither the pane's first
 * download nor the command line pays for it otherwise. The grid is the one the .xlsx reader gives:
 * numbers with their format (fractions with "%" for percentages), dates as UTC-midnight Dates,
 * merges, solid fills from the cell's XF, formulas' cached values.
 */
import { PegError } from "../../domain/errors";
import { isDateFormat } from "../../domain/values";
import { MAX_COLS, MAX_ROWS, SheetGrid, type Cell, type CellScalar, type WorkbookGrid } from "../../sheets/grid";
import { fileErrors } from "../../strings/it";
import { formati } from "../../strings/it-documenti";
import { MAX_FILE_BYTES, formatBytes } from "../xlsx/limits";

export interface XlsLoadOptions {
  fileName?: string;
  maxBytes?: number;
}

/** Cells one .xls may fill (a BIFF8 sheet holds at most 65,536 × 256). */
export const MAX_XLS_CELLS = 3_000_000;

interface SjsCell {
  t: "n" | "s" | "b" | "d" | "e" | "z";
  v?: unknown;
  w?: string;
  z?: string | number;
  f?: string;
  s?: { patternType?: string; fgColor?: { rgb?: string }; bgColor?: { rgb?: string } };
}

/** Excel serial (1900 or 1904 system) → the UTC date and time it names. */
function serialToUtc(n: number, date1904: boolean): Date {
  const days = n + (date1904 ? 1462 : 0);
  return new Date(Math.round((days - 25569) * 86_400_000));
}

function fillOf(s: SjsCell["s"]): string | null {
  if (!s?.patternType || s.patternType === "none") return null;
  const rgb = s.fgColor?.rgb ?? s.bgColor?.rgb;
  return rgb && /^[0-9A-Fa-f]{6}$/.test(rgb.slice(-6)) ? `#${rgb.slice(-6).toUpperCase()}` : "#000000";
}

export async function loadXlsGrid(bytes: Uint8Array, opts: XlsLoadOptions = {}): Promise<WorkbookGrid> {
  const f = opts.fileName ?? "Il file";
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > max) throw new PegError(fileErrors.tooBig(f, formatBytes(bytes.length), formatBytes(max)));
  const X = await import("@e965/xlsx");
  let wb;
  try {
    wb = X.read(bytes, { type: "array", cellStyles: true, cellNF: true, cellDates: false, cellFormula: true, dense: false });
  } catch {
    throw new PegError(formati.xlsNonLeggibile(f));
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets: SheetGrid[] = [];
  let cells = 0;
  wb.SheetNames.forEach((name, i) => {
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden;
    const grid = new SheetGrid(name, hidden === 2 ? "veryHidden" : hidden === 1 ? "hidden" : "visible");
    sheets.push(grid);
    const ws = wb.Sheets[name] as Record<string, unknown> | undefined;
    if (!ws) return;
    for (const key of Object.keys(ws)) {
      if (key.charCodeAt(0) === 33) continue; // "!ref", "!merges", …
      const addr = X.utils.decode_cell(key);
      if (addr.r < 0 || addr.c < 0 || addr.r >= MAX_ROWS || addr.c >= MAX_COLS) continue;
      const cell = toCell(ws[key] as SjsCell, date1904);
      if (!cell) continue;
      if (++cells > MAX_XLS_CELLS) throw new PegError(formati.odsTroppeCelle(f, MAX_XLS_CELLS));
      grid.set(addr.r, addr.c, cell);
    }
    for (const m of (ws["!merges"] as Array<{ s: { r: number; c: number }; e: { r: number; c: number } }> | undefined) ?? [])
      grid.addMerge({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c });
  });
  if (sheets.length === 0) throw new PegError(fileErrors.noWorksheets(f));
  return { sheets };
}

function toCell(x: SjsCell, date1904: boolean): Cell | null {
  const fill = fillOf(x.s);
  const fmt = typeof x.z === "string" && x.z !== "General" ? x.z : undefined;
  let v: CellScalar = null;
  let error: string | undefined;
  switch (x.t) {
    case "n":
      v = typeof x.v === "number" && Number.isFinite(x.v) ? x.v : null;
      // As the xlsx reader gives: a date-formatted number is a Date.
      if (typeof v === "number" && isDateFormat(fmt) && v > 0 && v < 2_958_466) v = serialToUtc(v, date1904);
      break;
    case "s":
      v = typeof x.v === "string" ? x.v : null;
      break;
    case "b":
      v = x.v === true;
      break;
    case "d":
      v = x.v instanceof Date ? x.v : null;
      break;
    case "e":
      error = x.w ?? "#VALUE!";
      break;
    default:
      v = null;
  }
  const formula = x.f ? x.f.replace(/^=/, "") : undefined;
  const blank = v === null || (typeof v === "string" && v.trim() === "");
  if (blank && !fill && formula === undefined && error === undefined) return null;
  return {
    v,
    ...(fmt && (typeof v === "number" || v instanceof Date) ? { fmt } : {}),
    ...(fill ? { fill } : {}),
    ...(formula !== undefined ? { formula } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}
