/**
 * Lay out a neutral SheetSpec in a new worksheet: values, formats, styles, merges, widths,
 * heights, frozen panes, filter, list validations, a bar chart, print set-up. Everything is queued
 * on the caller's context; the caller syncs once. Strings are written as text (values.ts).
 */
import { a1, colLetters, rangeA1 } from "../../sheets/grid";
import type { CellStyle, SheetSpec, SpecCell } from "../../sheets/sheet-spec";
import { REQUIREMENTS, type Capabilities } from "./capabilities";
import { DEFAULT_DATE_FORMAT, jsonBytes, textBytes, toExcelValue } from "./values";

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

function applyStyle(range: Excel.Range, s: CellStyle, rect: Rect): void {
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
    const edges: Array<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal"> = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (rect.c2 > rect.c1) edges.push("InsideVertical");
    if (rect.r2 > rect.r1) edges.push("InsideHorizontal");
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
  for (const r of [...byRow.keys()].sort((x, y) => x - y)) {
    const cells = byRow.get(r)!.sort((x, y) => x.c - y.c);
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

interface Rect {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/**
 * Stack row segments with the same columns and key in consecutive rows into rectangles: a table
 * of 1,500 rows becomes a handful of ranges, one action each (the request stays small).
 */
function stack<T extends { r: number; c1: number; c2: number; key: string }>(segments: T[]): Array<Rect & { items: T[] }> {
  const open = new Map<string, Rect & { items: T[] }>();
  const out: Array<Rect & { items: T[] }> = [];
  for (const s of segments) {
    const k = `${s.c1}:${s.c2}:${s.key}`;
    const cur = open.get(k);
    if (cur && cur.r2 === s.r - 1) {
      cur.r2 = s.r;
      cur.items.push(s);
    } else {
      const rect = { r1: s.r, r2: s.r, c1: s.c1, c2: s.c2, items: [s] };
      open.set(k, rect);
      out.push(rect);
    }
  }
  return out;
}

interface Layout {
  values: Array<Rect & { fmts: string[][]; vals: Array<Array<string | number | boolean>> }>;
  styles: Array<Rect & { style: CellStyle }>;
  heights: Array<{ r1: number; r2: number; h: number }>;
  widths: Array<{ c1: number; c2: number; points: number }>;
}

function layout(spec: SheetSpec): Layout {
  const runs = rowRuns(spec);
  const values = stack(runs.map((run) => ({ r: run.r, c1: run.cells[0]!.c, c2: run.cells[run.cells.length - 1]!.c, key: "", run }))).map(
    (rect) => ({
      ...rect,
      fmts: rect.items.map((i) => i.run.cells.map(fmtOf)),
      vals: rect.items.map((i) => i.run.cells.map((c) => toExcelValue(c.v))),
    }),
  );
  const styles = stack(
    runs.flatMap((run) =>
      run.styles.map((st) => ({ r: run.r, c1: run.cells[st.from]!.c, c2: run.cells[st.to]!.c, key: styleKey(st.style), style: st.style })),
    ),
  ).map((rect) => ({ r1: rect.r1, r2: rect.r2, c1: rect.c1, c2: rect.c2, style: rect.items[0]!.style }));
  const heights: Layout["heights"] = [];
  for (const [r, h] of Object.entries(spec.heights ?? {})
    .map(([r, h]) => [Number(r), h] as const)
    .sort((a, b) => a[0] - b[0])) {
    const last = heights[heights.length - 1];
    if (last && last.r2 === r - 1 && last.h === h) last.r2 = r;
    else heights.push({ r1: r, r2: r, h });
  }
  const widths: Layout["widths"] = [];
  spec.widths?.forEach((w, c) => {
    if (!w) return;
    // Characters → points: about 7 px a character plus padding, 0.75 pt a pixel.
    const points = Math.round((w * 7 + 5) * 0.75);
    const last = widths[widths.length - 1];
    if (last && last.c2 === c - 1 && last.points === points) last.c2 = c;
    else widths.push({ c1: c, c2: c, points });
  });
  return { values, styles, heights, widths };
}

/** Style properties one style sets, in actions (a border edge is a getItem path plus a set). */
function styleBytes(s: CellStyle, rect: Rect): number {
  const keys: Array<keyof CellStyle> = ["bold", "italic", "color", "fontSize", "fill", "wrap", "hAlign", "vAlign"];
  const edges = 4 + (rect.c2 > rect.c1 ? 1 : 0) + (rect.r2 > rect.r1 ? 1 : 0);
  return (
    PATH_OVERHEAD + OP_OVERHEAD * keys.filter((k) => s[k] !== undefined).length + (s.border ? edges * (PATH_OVERHEAD + OP_OVERHEAD) : 0)
  );
}

const rectA1 = (r: Rect) => `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;

/** Estimated request bytes of queueNewSheet(spec), computed without queueing anything. */
export function estimateNewSheet(spec: SheetSpec): number {
  const l = layout(spec);
  let bytes = PATH_OVERHEAD + textBytes(spec.name);
  for (const v of l.values) bytes += PATH_OVERHEAD + 2 * OP_OVERHEAD + jsonBytes(v.fmts) + jsonBytes(v.vals);
  for (const st of l.styles) bytes += styleBytes(st.style, st);
  const extras =
    (spec.merges?.length ?? 0) +
    l.widths.length +
    l.heights.length +
    (spec.freeze ? 1 : 0) +
    (spec.filter ? 1 : 0) +
    (spec.validations?.length ?? 0) +
    (spec.chart ? 5 : 0) +
    (spec.print ? 2 : 0);
  return bytes + extras * (PATH_OVERHEAD + OP_OVERHEAD) + (spec.validations ?? []).reduce((n, v) => n + textBytes(v.list.join(",")), 0);
}

/** One request's share of a new sheet: the first creates it, the last adds merges, filter, chart. */
export interface SheetPart {
  spec: SheetSpec;
  create: boolean;
  extras: boolean;
}

/**
 * A new sheet in parts that each fit `maxBytes` (Excel on the web refuses requests above 5 MB):
 * split by rows, whole rows per part. A sheet that fits is one part.
 */
export function splitNewSheet(spec: SheetSpec, maxBytes: number): SheetPart[] {
  if (estimateNewSheet(spec) <= maxBytes) return [{ spec, create: true, extras: true }];
  const extras = estimateNewSheet({ ...spec, cells: [], heights: undefined, widths: undefined });
  const budget = Math.max(maxBytes - extras, maxBytes / 2);
  const byRow = new Map<number, SpecCell[]>();
  for (const c of spec.cells) byRow.set(c.r, [...(byRow.get(c.r) ?? []), c]);
  const groups: SpecCell[][] = [];
  let cur: SpecCell[] = [];
  let bytes = 0;
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const row = byRow.get(r)!;
    // Alone, a row costs at least what it costs stacked with its neighbours: a safe estimate.
    const b = estimateNewSheet({ name: "", cells: row });
    if (cur.length && bytes + b > budget) {
      groups.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(...row);
    bytes += b;
  }
  if (cur.length) groups.push(cur);
  return groups.map((cells, i) => {
    const rows = new Set(cells.map((c) => c.r));
    const last = i === groups.length - 1;
    const heights = spec.heights ? Object.fromEntries(Object.entries(spec.heights).filter(([r]) => rows.has(Number(r)))) : undefined;
    const part: SheetSpec = {
      name: spec.name,
      cells,
      heights,
      widths: i === 0 ? spec.widths : undefined,
      merges: last ? spec.merges : undefined,
      freeze: last ? spec.freeze : undefined,
      filter: last ? spec.filter : undefined,
      validations: last ? spec.validations : undefined,
      chart: last ? spec.chart : undefined,
      print: last ? spec.print : undefined,
    };
    return { spec: part, create: i === 0, extras: last };
  });
}

/**
 * Queue the creation of `name` from `spec` (or, for a later part of a split sheet, the writing of
 * its rows into the sheet already created). Values and formats go in blocks (contiguous cells of
 * consecutive rows with the same columns), styles, heights and widths by rectangles of equal
 * settings. Returns the worksheet (the caller loads its id).
 */
export function queueNewSheet(
  context: Excel.RequestContext,
  spec: SheetSpec,
  name: string,
  caps: Capabilities,
  create = true,
): Excel.Worksheet {
  const sheet = create ? context.workbook.worksheets.add(name) : context.workbook.worksheets.getItem(name);
  const l = layout(spec);
  for (const v of l.values) {
    const range = sheet.getRange(rectA1(v));
    // Format first: a date serial then shows as a date, never as a bare number.
    range.numberFormat = v.fmts;
    range.values = v.vals;
  }
  for (const st of l.styles) applyStyle(sheet.getRange(rectA1(st)), st.style, st);
  for (const m of spec.merges ?? []) sheet.getRange(rangeA1(m)).merge(false);
  for (const w of l.widths) sheet.getRange(`${colLetters(w.c1)}1:${colLetters(w.c2)}1`).format.columnWidth = w.points;
  for (const h of l.heights) sheet.getRange(`A${h.r1 + 1}:A${h.r2 + 1}`).format.rowHeight = h.h;
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    if (spec.freeze.rows > 0 && spec.freeze.cols > 0)
      sheet.freezePanes.freezeAt(sheet.getRange(`A1:${a1(spec.freeze.rows - 1, spec.freeze.cols - 1)}`));
    else if (spec.freeze.rows > 0) sheet.freezePanes.freezeRows(spec.freeze.rows);
    else sheet.freezePanes.freezeColumns(spec.freeze.cols);
  }
  if (spec.filter) sheet.autoFilter.apply(sheet.getRange(rangeA1(spec.filter)));
  for (const v of spec.validations ?? []) {
    // List validations are ExcelApi 1.8, below the core 1.9.
    sheet.getRange(rangeA1(v)).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
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
  return sheet;
}
