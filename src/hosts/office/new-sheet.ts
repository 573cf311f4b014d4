/**
 * Lay out a neutral SheetSpec in a new worksheet: values, formats, styles, merges, widths,
 * heights, frozen panes, filter, list validations, a bar chart, print set-up. Everything is queued
 * on the caller's context; the caller syncs once. Strings are written as text (values.ts).
 */
import { a1, colLetters, rangeA1 } from "../../sheets/grid";
import type { CellStyle, SheetSpec, SpecCell } from "../../sheets/sheet-spec";
import { REQUIREMENTS, type Capabilities } from "./capabilities";
import { DEFAULT_DATE_FORMAT, jsonBytes, toExcelValue } from "./values";

/** Bytes of one queued action beyond its data (ids, method names, JSON framing). */
export const OP_OVERHEAD = 160;

/** Count of style properties set (for the payload estimate). */
const ops = { n: 0 };

const styleKey = (s: CellStyle | undefined) => (s ? JSON.stringify({ ...s, fmt: undefined }) : "");

function fmtOf(c: SpecCell): string {
  if (c.style?.fmt) return c.style.fmt;
  if (c.v instanceof Date) return DEFAULT_DATE_FORMAT;
  return "General";
}

function applyStyle(range: Excel.Range, s: CellStyle, multi: boolean): number {
  const f = range.format;
  const before = ops.n;
  const set = (apply: () => void) => {
    apply();
    ops.n++;
  };
  if (s.bold !== undefined) set(() => (f.font.bold = s.bold!));
  if (s.italic !== undefined) set(() => (f.font.italic = s.italic!));
  if (s.color) set(() => (f.font.color = s.color!));
  if (s.fontSize) set(() => (f.font.size = s.fontSize!));
  if (s.fill) set(() => (f.fill.color = s.fill!));
  if (s.wrap !== undefined) set(() => (f.wrapText = s.wrap!));
  if (s.hAlign) set(() => (f.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : "Right"));
  if (s.vAlign) set(() => (f.verticalAlignment = s.vAlign === "top" ? "Top" : s.vAlign === "middle" ? "Center" : "Bottom"));
  if (s.border) {
    const edges: Array<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical"> = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (multi) edges.push("InsideVertical");
    for (const e of edges) set(() => (f.borders.getItem(e).style = "Continuous"));
  }
  return ops.n - before;
}

/**
 * Queue the creation of `name` from `spec`. Returns the estimated request bytes. Cells of a row
 * that are contiguous are written with one `values` and one `numberFormat` call; styles with one
 * call per run of identically styled cells.
 */
export function queueNewSheet(context: Excel.RequestContext, spec: SheetSpec, name: string, caps: Capabilities): number {
  const sheet = context.workbook.worksheets.add(name);
  let bytes = OP_OVERHEAD + name.length;
  const byRow = new Map<number, SpecCell[]>();
  for (const c of spec.cells) {
    const row = byRow.get(c.r) ?? [];
    row.push(c);
    byRow.set(c.r, row);
  }
  for (const [r, cells] of byRow) {
    cells.sort((x, y) => x.c - y.c);
    // Runs of contiguous columns.
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      if (i < cells.length && cells[i]!.c === cells[i - 1]!.c + 1) continue;
      const run = cells.slice(start, i);
      const first = run[0]!;
      const range = sheet.getRange(`${a1(r, first.c)}:${a1(r, run[run.length - 1]!.c)}`);
      const fmts = [run.map(fmtOf)];
      const vals = [run.map((c) => toExcelValue(c.v))];
      // Format first: a date serial then shows as a date, never as a bare number.
      range.numberFormat = fmts;
      range.values = vals;
      bytes += 2 * OP_OVERHEAD + jsonBytes(fmts) + jsonBytes(vals);
      // Styles by run of identical style.
      let s0 = 0;
      for (let k = 1; k <= run.length; k++) {
        if (k < run.length && styleKey(run[k]!.style) === styleKey(run[s0]!.style)) continue;
        const style = run[s0]!.style;
        if (style && styleKey(style) !== styleKey({})) {
          const sub = sheet.getRange(`${a1(r, run[s0]!.c)}:${a1(r, run[k - 1]!.c)}`);
          bytes += OP_OVERHEAD * (1 + applyStyle(sub, style, k - 1 > s0));
        }
        s0 = k;
      }
      start = i;
    }
  }
  for (const m of spec.merges ?? []) {
    sheet.getRange(rangeA1(m)).merge(false);
    bytes += OP_OVERHEAD;
  }
  spec.widths?.forEach((w, c) => {
    if (!w) return;
    // Characters → points: about 7 px a character plus padding, 0.75 pt a pixel.
    sheet.getRange(`${colLetters(c)}1`).format.columnWidth = Math.round((w * 7 + 5) * 0.75);
    bytes += OP_OVERHEAD;
  });
  for (const [r, h] of Object.entries(spec.heights ?? {})) {
    sheet.getRange(`A${Number(r) + 1}`).format.rowHeight = h;
    bytes += OP_OVERHEAD;
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    if (spec.freeze.rows > 0 && spec.freeze.cols > 0)
      sheet.freezePanes.freezeAt(sheet.getRange(`A1:${a1(spec.freeze.rows - 1, spec.freeze.cols - 1)}`));
    else if (spec.freeze.rows > 0) sheet.freezePanes.freezeRows(spec.freeze.rows);
    else sheet.freezePanes.freezeColumns(spec.freeze.cols);
    bytes += OP_OVERHEAD;
  }
  if (spec.filter) {
    sheet.autoFilter.apply(sheet.getRange(rangeA1(spec.filter)));
    bytes += OP_OVERHEAD;
  }
  for (const v of spec.validations ?? []) {
    // List validations are ExcelApi 1.8, below the core 1.9.
    const source = v.list.join(",");
    sheet.getRange(rangeA1(v)).dataValidation.rule = { list: { inCellDropDown: true, source } };
    bytes += OP_OVERHEAD + source.length;
  }
  if (spec.chart && caps.supports("ExcelApi", "1.7")) {
    const ch = spec.chart;
    const values = sheet.getRange(`${a1(ch.firstRow, ch.valuesCol)}:${a1(ch.lastRow, ch.valuesCol)}`);
    const chart = sheet.charts.add("BarClustered", values, "Columns");
    chart.title.text = ch.title;
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(`${a1(ch.firstRow, ch.categoriesCol)}:${a1(ch.lastRow, ch.categoriesCol)}`));
    chart.setPosition(a1(ch.anchorRow, ch.anchorCol), a1(ch.anchorRow + 18, ch.anchorCol + 7));
    bytes += 5 * OP_OVERHEAD + ch.title.length;
  }
  if (spec.print && caps.supports(REQUIREMENTS.core.set, REQUIREMENTS.core.version)) {
    if (spec.print.landscape) sheet.pageLayout.orientation = "Landscape";
    if (spec.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
    bytes += 2 * OP_OVERHEAD;
  }
  return bytes;
}
