/**
 * Lay out a neutral SheetSpec in a new worksheet: values, formats, styles, merges, widths,
 * heights, frozen panes, filter, list validations, a bar chart, print set-up. Everything is queued
 * on the caller's context; the caller syncs once. Strings are written as text (values.ts).
 */
import { a1, colLetters, rangeA1 } from "../../sheets/grid";
import type { CellStyle, SheetSpec, SpecCell } from "../../sheets/sheet-spec";
import { REQUIREMENTS, type Capabilities } from "./capabilities";
import { DEFAULT_DATE_FORMAT, jsonBytes, toExcelValue } from "./values";

/**
 * Bytes of one queued action beyond its data: Office.js sends each property set or method call as
 * a JSON action of about 80–100 bytes (id, type, name, object path id, arguments).
 */
export const OP_OVERHEAD = 100;
/** Bytes of a new object path (getRange, getItem): the path plus its instantiation action. */
export const PATH_OVERHEAD = 160;

const styleKey = (s: CellStyle | undefined) => (s ? JSON.stringify({ ...s, fmt: undefined }) : "");

function fmtOf(c: SpecCell): string {
  if (c.style?.fmt) return c.style.fmt;
  if (c.v instanceof Date) return DEFAULT_DATE_FORMAT;
  return "General";
}

function applyStyle(range: Excel.Range, s: CellStyle, multi: boolean): void {
  const f = range.format;
  const set = (apply: () => void) => apply();
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
}

interface RowRun {
  r: number;
  cells: SpecCell[];
  /** Sub-runs of identically styled cells (indexes into `cells`, inclusive). */
  styles: Array<{ from: number; to: number; style: CellStyle }>;
}

/** The spec's cells as runs of contiguous columns per row, each with its runs of equal style. */
function rowRuns(spec: SheetSpec): RowRun[] {
  const byRow = new Map<number, SpecCell[]>();
  for (const c of spec.cells) {
    const row = byRow.get(c.r) ?? [];
    row.push(c);
    byRow.set(c.r, row);
  }
  const runs: RowRun[] = [];
  for (const [r, cells] of byRow) {
    cells.sort((x, y) => x.c - y.c);
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      if (i < cells.length && cells[i]!.c === cells[i - 1]!.c + 1) continue;
      const run = cells.slice(start, i);
      const styles: RowRun["styles"] = [];
      let s0 = 0;
      for (let k = 1; k <= run.length; k++) {
        if (k < run.length && styleKey(run[k]!.style) === styleKey(run[s0]!.style)) continue;
        const style = run[s0]!.style;
        if (style && styleKey(style) !== styleKey({})) styles.push({ from: s0, to: k - 1, style });
        s0 = k;
      }
      runs.push({ r, cells: run, styles });
      start = i;
    }
  }
  return runs;
}

/** Style properties one style sets (each is one queued action). */
function styleProps(s: CellStyle, multi: boolean): number {
  const keys: Array<keyof CellStyle> = ["bold", "italic", "color", "fontSize", "fill", "wrap", "hAlign", "vAlign"];
  // A border edge is a getItem path plus a set.
  return keys.filter((k) => s[k] !== undefined).length + (s.border ? (multi ? 5 : 4) * ((PATH_OVERHEAD + OP_OVERHEAD) / OP_OVERHEAD) : 0);
}

/** Estimated request bytes of queueNewSheet(spec), computed without queueing anything. */
export function estimateNewSheet(spec: SheetSpec): number {
  let bytes = PATH_OVERHEAD + spec.name.length;
  for (const run of rowRuns(spec)) {
    bytes += PATH_OVERHEAD + 2 * OP_OVERHEAD + jsonBytes([run.cells.map(fmtOf)]) + jsonBytes([run.cells.map((c) => toExcelValue(c.v))]);
    for (const st of run.styles) bytes += PATH_OVERHEAD + OP_OVERHEAD * styleProps(st.style, st.to > st.from);
  }
  const extras =
    (spec.merges?.length ?? 0) +
    (spec.widths?.filter(Boolean).length ?? 0) +
    Object.keys(spec.heights ?? {}).length +
    (spec.freeze ? 1 : 0) +
    (spec.filter ? 1 : 0) +
    (spec.validations?.length ?? 0) +
    (spec.chart ? 5 : 0) +
    (spec.print ? 2 : 0);
  return bytes + extras * (PATH_OVERHEAD + OP_OVERHEAD) + (spec.validations ?? []).reduce((n, v) => n + v.list.join(",").length, 0);
}

/**
 * Queue the creation of `name` from `spec`. Cells of a row that are contiguous are written with
 * one `values` and one `numberFormat` call; styles with one call per run of identically styled
 * cells. Returns the estimated request bytes (as estimateNewSheet).
 */
export function queueNewSheet(context: Excel.RequestContext, spec: SheetSpec, name: string, caps: Capabilities): number {
  const sheet = context.workbook.worksheets.add(name);
  for (const run of rowRuns(spec)) {
    const { r, cells } = run;
    const range = sheet.getRange(`${a1(r, cells[0]!.c)}:${a1(r, cells[cells.length - 1]!.c)}`);
    // Format first: a date serial then shows as a date, never as a bare number.
    range.numberFormat = [cells.map(fmtOf)];
    range.values = [cells.map((c) => toExcelValue(c.v))];
    for (const st of run.styles)
      applyStyle(sheet.getRange(`${a1(r, cells[st.from]!.c)}:${a1(r, cells[st.to]!.c)}`), st.style, st.to > st.from);
  }
  for (const m of spec.merges ?? []) {
    sheet.getRange(rangeA1(m)).merge(false);
  }
  spec.widths?.forEach((w, c) => {
    if (!w) return;
    // Characters → points: about 7 px a character plus padding, 0.75 pt a pixel.
    sheet.getRange(`${colLetters(c)}1`).format.columnWidth = Math.round((w * 7 + 5) * 0.75);
  });
  for (const [r, h] of Object.entries(spec.heights ?? {})) {
    sheet.getRange(`A${Number(r) + 1}`).format.rowHeight = h;
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    if (spec.freeze.rows > 0 && spec.freeze.cols > 0)
      sheet.freezePanes.freezeAt(sheet.getRange(`A1:${a1(spec.freeze.rows - 1, spec.freeze.cols - 1)}`));
    else if (spec.freeze.rows > 0) sheet.freezePanes.freezeRows(spec.freeze.rows);
    else sheet.freezePanes.freezeColumns(spec.freeze.cols);
  }
  if (spec.filter) {
    sheet.autoFilter.apply(sheet.getRange(rangeA1(spec.filter)));
  }
  for (const v of spec.validations ?? []) {
    // List validations are ExcelApi 1.8, below the core 1.9.
    const source = v.list.join(",");
    sheet.getRange(rangeA1(v)).dataValidation.rule = { list: { inCellDropDown: true, source } };
  }
  if (spec.chart && caps.supports("ExcelApi", "1.7")) {
    const ch = spec.chart;
    const values = sheet.getRange(`${a1(ch.firstRow, ch.valuesCol)}:${a1(ch.lastRow, ch.valuesCol)}`);
    const chart = sheet.charts.add("BarClustered", values, "Columns");
    chart.title.text = ch.title;
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(`${a1(ch.firstRow, ch.categoriesCol)}:${a1(ch.lastRow, ch.categoriesCol)}`));
    chart.setPosition(a1(ch.anchorRow, ch.anchorCol), a1(ch.anchorRow + 18, ch.anchorCol + 7));
  }
  if (spec.print && caps.supports(REQUIREMENTS.core.set, REQUIREMENTS.core.version)) {
    if (spec.print.landscape) sheet.pageLayout.orientation = "Landscape";
    if (spec.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
  return estimateNewSheet({ ...spec, name });
}
