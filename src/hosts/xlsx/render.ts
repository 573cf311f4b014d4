/**
 * SheetSpec → ExcelJS worksheet: the neutral description of a new sheet (src/sheets/sheet-spec.ts)
 * laid out with values, styles, merges, widths, panes, filter, validations and print set-up.
 * Strings are always written as text: nothing a spec carries ever becomes a formula (spec §6).
 */
import { PegError } from "../../domain/errors";
import { rangeA1 } from "../../sheets/grid";
import type { CellStyle, SheetSpec, SpecCell } from "../../sheets/sheet-spec";
import { fileErrors } from "../../strings/it";
import type { FillPattern, Style, Worksheet } from "./exceljs";
import { CHART_BAR_WIDTH, CHART_HEADING } from "./in-cell-chart";
import { writeSpecsWorkbook } from "./spec-writer";

export { CHART_BAR_WIDTH, CHART_HEADING };

export function renderSheetSpec(ws: Worksheet, spec: SheetSpec): void {
  for (const sc of spec.cells) writeSpecCell(ws, sc);
  for (const m of spec.merges ?? []) {
    if (m.r1 === m.r2 && m.c1 === m.c2) continue;
    ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  }
  spec.widths?.forEach((w, c) => {
    if (typeof w === "number" && w > 0) ws.getColumn(c + 1).width = w;
  });
  for (const [r, h] of Object.entries(spec.heights ?? {})) if (h > 0) ws.getRow(Number(r) + 1).height = h;
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    ws.views = [{ state: "frozen", xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }];
  }
  if (spec.filter) {
    const f = spec.filter;
    ws.autoFilter = {
      from: { row: f.r1 + 1, column: f.c1 + 1 },
      to: { row: f.r2 + 1, column: f.c2 + 1 },
    };
  }
  for (const v of spec.validations ?? []) {
    if (v.list.length === 0) continue;
    const dv = (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations;
    dv.add(rangeA1(v), {
      type: "list",
      allowBlank: true,
      showErrorMessage: true,
      formulae: [listFormula(v.list)],
    });
  }
  if (spec.print) {
    ws.pageSetup.orientation = spec.print.landscape ? "landscape" : "portrait";
    if (spec.print.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
  }
  if (spec.chart) renderChart(ws, spec);
}

/**
 * A new workbook holding one sheet per spec (names made unique and valid), written directly as
 * SpreadsheetML (spec-writer.ts): the same layout as renderSheetSpec, in a fraction of the time.
 */
export async function workbookFromSpecs(specs: SheetSpec[]): Promise<Uint8Array> {
  try {
    return await writeSpecsWorkbook(specs);
  } catch {
    throw new PegError(fileErrors.writeFailed);
  }
}

function writeSpecCell(ws: Worksheet, sc: SpecCell): void {
  const cell = ws.getCell(sc.r + 1, sc.c + 1);
  const v = sc.v;
  // A plain JS string is a text cell in ExcelJS: only { formula } objects become formulas.
  if (v !== null && v !== undefined) cell.value = typeof v === "string" ? String(v) : v;
  const style = specStyle(sc.style, v instanceof Date);
  if (style) cell.style = style;
}

/** A fresh style object per cell: ExcelJS shares style objects, so never mutate one in place. */
export function specStyle(s: CellStyle | undefined, isDate = false): Partial<Style> | null {
  if (!s && !isDate) return null;
  const out: Partial<Style> = {};
  const fmt = s?.fmt ?? (isDate ? "dd/mm/yyyy" : undefined);
  if (fmt) out.numFmt = fmt;
  if (s?.bold || s?.italic || s?.color || s?.fontSize) {
    out.font = {};
    if (s.bold) out.font.bold = true;
    if (s.italic) out.font.italic = true;
    if (s.color) out.font.color = { argb: argb(s.color) };
    if (s.fontSize) out.font.size = s.fontSize;
  }
  if (s?.fill) out.fill = solidFill(s.fill);
  if (s?.wrap || s?.hAlign || s?.vAlign) {
    out.alignment = {};
    if (s.wrap) out.alignment.wrapText = true;
    if (s.hAlign) out.alignment.horizontal = s.hAlign;
    if (s.vAlign) out.alignment.vertical = s.vAlign;
  }
  if (s?.border) {
    const thin = { style: "thin" as const, color: { argb: "FF000000" } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return out;
}

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB". */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? `FF${h}` : "FF000000";
}

export function solidFill(hex: string): FillPattern {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

/** An inline list validation: "\"SI,NO\"". Items lose commas (the separator) and double their quotes. */
function listFormula(items: string[]): string {
  const clean = items.map((i) => String(i).replace(/,/g, " ").replace(/"/g, '""'));
  return `"${clean.join(",")}"`;
}

/**
 * ExcelJS 4 cannot write charts. The chart becomes an in-cell bar chart at its anchor: a heading,
 * then per data row the category (as text) and a REPT("█") formula proportional to the value,
 * with its result cached so every reader sees the bar; Excel keeps it up to date.
 */
function renderChart(ws: Worksheet, spec: SheetSpec): void {
  const ch = spec.chart!;
  const at = new Map<string, SpecCell>();
  for (const sc of spec.cells) at.set(`${sc.r},${sc.c}`, sc);
  const valueOf = (r: number): number => {
    const v = at.get(`${r},${ch.valuesCol}`)?.v;
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  let max = 0;
  for (let r = ch.firstRow; r <= ch.lastRow; r++) max = Math.max(max, valueOf(r));
  const head = ws.getCell(ch.anchorRow + 1, ch.anchorCol + 1);
  head.value = `${CHART_HEADING}: ${ch.title}`;
  head.style = { font: { bold: true } };
  const valueColLetter = ws.getColumn(ch.valuesCol + 1).letter;
  const maxRef = `$${valueColLetter}$${ch.firstRow + 1}:$${valueColLetter}$${ch.lastRow + 1}`;
  for (let r = ch.firstRow, i = 1; r <= ch.lastRow; r++, i++) {
    const cat = at.get(`${r},${ch.categoriesCol}`)?.v;
    const label = ws.getCell(ch.anchorRow + 1 + i, ch.anchorCol + 1);
    label.value = cat === null || cat === undefined ? "" : cat instanceof Date ? cat.toISOString().slice(0, 10) : String(cat);
    const n = max > 0 ? Math.max(0, Math.round((valueOf(r) / max) * CHART_BAR_WIDTH)) : 0;
    const ref = `${valueColLetter}${r + 1}`;
    const bar = ws.getCell(ch.anchorRow + 1 + i, ch.anchorCol + 2);
    bar.value = {
      formula: `IF(AND(ISNUMBER(${ref}),MAX(${maxRef})>0),REPT("█",MAX(0,ROUND(${ref}/MAX(${maxRef})*${CHART_BAR_WIDTH},0))),"")`,
      result: "█".repeat(n),
    };
    bar.style = { font: { color: { argb: "FF4472C4" } } };
  }
  const barCol = ws.getColumn(ch.anchorCol + 2);
  if (!barCol.width || barCol.width < CHART_BAR_WIDTH + 2) barCol.width = CHART_BAR_WIDTH + 2;
}
