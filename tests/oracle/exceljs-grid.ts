/**
 * The ORACLE for the streaming reader (src/hosts/xlsx/read): the ExcelJS → grid conversion the
 * product used before it, kept as it was, for tests only (tests/hosts/xlsx/differential.test.ts
 * requires both to give the same grid). Its theme pattern is the old one, on purpose: it reads
 * only workbooks the tests build.
 */
import { PegError, isPegError } from "../../src/domain/errors";
import { SheetGrid, type Cell as GridCell, type CellScalar, type SheetVisibility, type WorkbookGrid } from "../../src/sheets/grid";
import { fileErrors } from "../../src/strings/it";
import ExcelJS, { type Workbook, type Worksheet } from "../../src/hosts/xlsx/exceljs";
import { colorToHex, OFFICE_THEME, type ExcelColor, type ThemePalette } from "../../src/hosts/xlsx/colors";
import { asBytes, checkWorkbookBytes } from "../../src/hosts/xlsx/sniff";

export interface LoadOptions {
  /** The name the user knows the file by, for messages and the esercizio hint. */
  fileName?: string;
  /** Size limit in bytes (default MAX_FILE_BYTES). */
  maxBytes?: number;
  /** Limit on the total uncompressed size of the parts (default MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes?: number;
}

/** The grid ExcelJS gives for the bytes, as the product read workbooks before the streaming reader. */
export async function oracleGrid(data: Uint8Array, opts: LoadOptions = {}): Promise<WorkbookGrid> {
  return workbookToGrid(await loadExcelJs(data, { ...opts, gridOnly: true }));
}

/**
 * Worksheet parts the grid never reads. Skipping them saves parsing time and, above all, avoids
 * ExcelJS expanding a validation on a whole column into a million per-cell entries (seconds and
 * hundreds of MB for "A1:A1048576"); skipping drawings also spares odd drawing parts.
 */
export const GRID_IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "hyperlinks",
  "drawing",
  "picture",
  "tableParts",
  "autoFilter",
  "pageSetup",
  "pageMargins",
  "printOptions",
  "headerFooter",
  "rowBreaks",
  "sheetProtection",
];

/** Checks the bytes, then loads them with ExcelJS; any failure is a PegError in Italian. */
export async function loadExcelJs(data: Uint8Array | ArrayBuffer, opts: LoadOptions & { gridOnly?: boolean } = {}): Promise<Workbook> {
  const f = opts.fileName ?? "Il file";
  const bytes = asBytes(data);
  checkWorkbookBytes(bytes, opts);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS (JSZip) reads a Uint8Array without copying it and never writes into it.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, opts.gridOnly ? { ignoreNodes: GRID_IGNORED_NODES } : {});
  } catch (e) {
    if (isPegError(e)) throw e;
    throw new PegError(fileErrors.unreadableWorkbook(f));
  }
  if (workbook.worksheets.length === 0) throw new PegError(fileErrors.noWorksheets(f));
  return workbook;
}

// ExcelJS keeps rows and cells in sparse arrays; its public iterators either skip cells that
// hold only a style (a fill-only cronoprogramma mark) or walk every index densely (a stray
// value at XFD1048576 would cost a million rows). So the conversion reads these internals.
interface XCell {
  /** The value holder; its model is the raw value, read without the getters' copies. */
  _value: {
    model: {
      type: number;
      value?: unknown;
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
      text?: unknown;
    };
  };
  style?: { numFmt?: string; fill?: XFill };
  formula?: string;
}
interface XRow {
  _cells: Array<XCell | undefined>;
}
interface XFill {
  type?: string;
  pattern?: string;
  fgColor?: ExcelColor;
  bgColor?: ExcelColor;
  stops?: Array<{ color?: ExcelColor }>;
}
interface XWorksheet {
  _rows: Array<XRow | undefined>;
  _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
}

// ExcelJS cell value types (lib/doc/enums.js).
const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
};

/** Every worksheet of a loaded ExcelJS workbook as a SheetGrid, in workbook order. */
export function workbookToGrid(workbook: Workbook): WorkbookGrid {
  const themes = (workbook as unknown as { _themes?: Record<string, string> })._themes;
  const palette = themePalette(themes?.theme1);
  const fillCache = new WeakMap<object, string | null>();
  return {
    sheets: workbook.worksheets.map((ws) => worksheetToGrid(ws, palette, fillCache)),
  };
}

export function worksheetToGrid(ws: Worksheet, palette: ThemePalette, fillCache = new WeakMap<object, string | null>()): SheetGrid {
  const state = ws.state as string;
  const visibility: SheetVisibility = state === "hidden" || state === "veryHidden" ? state : "visible";
  const grid = new SheetGrid(ws.name, visibility);
  const x = ws as unknown as XWorksheet;
  // forEach skips the holes of a sparse array.
  x._rows.forEach((row, ri) => {
    if (!row) return;
    row._cells.forEach((cell, ci) => {
      if (cell) convertCell(cell, ri, ci, grid, palette, fillCache);
    });
  });
  for (const m of Object.values(x._merges)) {
    const { top, left, bottom, right } = m.model;
    grid.addMerge({ r1: top - 1, c1: left - 1, r2: bottom - 1, c2: right - 1 });
  }
  return grid;
}

function convertCell(
  cell: XCell,
  r: number,
  c: number,
  grid: SheetGrid,
  palette: ThemePalette,
  cache: WeakMap<object, string | null>,
): void {
  const style = cell.style;
  let fill: string | null = null;
  const f = style?.fill;
  if (f) {
    const hit = cache.get(f);
    if (hit !== undefined) fill = hit;
    else {
      fill = fillToHex(f, palette);
      cache.set(f, fill);
    }
  }
  let v: CellScalar = null;
  let formula: string | undefined;
  let error: string | undefined;
  const m = cell._value.model;
  switch (m.type) {
    case T.Null:
    case T.Merge: // the top-left cell of the merge holds the value; grid.visible() finds it
      break;
    case T.String:
    case T.Number:
    case T.Boolean:
    case T.Date:
      v = scalar(m.value);
      break;
    case T.Formula: {
      // A shared formula's other cells hold only the master's address: the getter translates it.
      formula = m.formula ?? cell.formula;
      const res = m.result;
      if (isErrorValue(res)) error = res.error;
      else v = scalar(res);
      break;
    }
    case T.Error:
      error = (m.value as { error: string }).error;
      break;
    case T.Hyperlink:
      v = scalar(m.text);
      break;
    default:
      v = scalar(m.value);
  }
  const blank = v === null || (typeof v === "string" && v.trim() === "");
  if (blank && !fill && formula === undefined && error === undefined) return;
  const out: GridCell = { v };
  const fmt = style?.numFmt;
  if (fmt) out.fmt = fmt;
  if (fill) out.fill = fill;
  if (formula !== undefined) out.formula = formula;
  if (error !== undefined) out.error = error;
  grid.set(r, c, out);
}

function isErrorValue(x: unknown): x is { error: string } {
  return typeof x === "object" && x !== null && typeof (x as { error?: unknown }).error === "string";
}

/** Any ExcelJS value → the grid's scalar: rich text and hyperlinks become their plain text. */
function scalar(x: unknown): CellScalar {
  if (x === null || x === undefined) return null;
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? null : x;
  if (typeof x === "object") {
    const o = x as {
      richText?: Array<{ text?: string }>;
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(o.richText)) return o.richText.map((p) => p.text ?? "").join("");
    if ("text" in o) return scalar(o.text); // hyperlink; its text may itself be rich text
    if ("result" in o) return scalar(o.result);
  }
  return null;
}

/** The colour a person sees in a fill, or null for no fill. */
export function fillToHex(f: XFill, palette: ThemePalette): string | null {
  if (f.type === "pattern") {
    if (!f.pattern || f.pattern === "none") return null;
    // Solid and patterned fills show fgColor; "automatic" (no colour given) is black in Excel.
    return colorToHex(f.fgColor, palette) ?? colorToHex(f.bgColor, palette) ?? "#000000";
  }
  if (f.type === "gradient") return colorToHex(f.stops?.[0]?.color, palette);
  return null;
}

/** The theme palette as the old reader took it: a regex over the part (fine for the tests' own files). */
export function themePalette(themeXml: string | undefined): ThemePalette {
  if (!themeXml) return OFFICE_THEME;
  const scheme = /<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/.exec(themeXml)?.[0];
  if (!scheme) return OFFICE_THEME;
  const slot = (name: string): string | undefined => {
    const m = new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`).exec(scheme);
    if (!m) return undefined;
    const srgb = /<a:srgbClr\s+val="([0-9A-Fa-f]{6})"/.exec(m[1]!);
    if (srgb) return srgb[1]!.toUpperCase();
    const sys = /<a:sysClr\b[^>]*lastClr="([0-9A-Fa-f]{6})"/.exec(m[1]!);
    return sys ? sys[1]!.toUpperCase() : undefined;
  };
  const order = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];
  return order.map((n, i) => slot(n) ?? OFFICE_THEME[i]!);
}
