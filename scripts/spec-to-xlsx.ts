/**
 * A small SheetSpec → ExcelJS renderer for the sample script, used until the xlsx host's
 * `workbookFromSpecs` exists. It writes strings as text (never formulas), solid fills, thin
 * borders, number formats, merges, widths, heights, list validations and the print set-up.
 * With `fixedDate` the output is byte-for-byte reproducible (document dates and zip entry dates).
 */
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import type { CellStyle, SheetSpec } from "../src/sheets/sheet-spec";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color) font.color = { argb: argb(s.color) };
  if (s.fontSize) font.size = s.fontSize;
  if (Object.keys(font).length > 0) cell.font = font;
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.fmt) cell.numFmt = s.fmt;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.wrap) alignment.wrapText = true;
  if (s.hAlign) alignment.horizontal = s.hAlign;
  if (s.vAlign) alignment.vertical = s.vAlign;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: spec.print
      ? {
          orientation: spec.print.landscape ? "landscape" : "portrait",
          fitToPage: spec.print.fitToWidth,
          fitToWidth: 1,
          fitToHeight: 0,
          paperSize: 9, // A4
        }
      : { paperSize: 9 },
  });
  spec.widths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [r, h] of Object.entries(spec.heights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const c of spec.cells) {
    const cell = ws.getCell(c.r + 1, c.c + 1);
    // A plain string is stored as text by ExcelJS: "=…" stays text, it never becomes a formula.
    if (c.v !== null) cell.value = c.v;
    if (c.style) applyStyle(cell, c.style);
  }
  for (const m of spec.merges ?? []) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  for (const v of spec.validations ?? []) {
    for (let r = v.r1; r <= v.r2; r++)
      for (let c = v.c1; c <= v.c2; c++)
        ws.getCell(r + 1, c + 1).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${v.list.join(",")}"`],
          showErrorMessage: true,
        };
  }
  if (spec.freeze) ws.views = [{ state: "frozen", xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }];
  if (spec.filter)
    ws.autoFilter = {
      from: { row: spec.filter.r1 + 1, column: spec.filter.c1 + 1 },
      to: { row: spec.filter.r2 + 1, column: spec.filter.c2 + 1 },
    };
}

/** ExcelJS zips with JSZip, which stamps every entry with "now" unless a default date is set. */
function withZipDate<T>(date: Date | undefined, run: () => Promise<T>): Promise<T> {
  if (!date) return run();
  const req = createRequire(createRequire(import.meta.url).resolve("exceljs"));
  const defaults = req("jszip/lib/defaults") as { date: Date | null };
  const before = defaults.date;
  defaults.date = date;
  return run().finally(() => {
    defaults.date = before;
  });
}

export async function renderSpecs(specs: SheetSpec[], opts: { fixedDate?: Date } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Monitoraggio PEG";
  wb.lastModifiedBy = "Monitoraggio PEG";
  if (opts.fixedDate) {
    wb.created = opts.fixedDate;
    wb.modified = opts.fixedDate;
  }
  for (const s of specs) addSheet(wb, s);
  const buf = await withZipDate(opts.fixedDate, () => wb.xlsx.writeBuffer());
  return new Uint8Array(buf as ArrayBuffer);
}
