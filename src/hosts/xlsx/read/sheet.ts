/**
 * One worksheet part → a SheetGrid, streaming: values, formulas (shared formulas translated),
 * cached results, errors, booleans, dates (numbers under a date format, as Date), fills, number
 * formats and merges. The result is the grid the ExcelJS reader gave, cell for cell, so the
 * engine sees the same workbook (tests/hosts/xlsx/differential.test.ts checks it); and memory
 * stays bounded: caps on cells and merges stop a hostile sheet with an Italian message.
 */
import { PegError } from "../../../domain/errors";
import { SheetGrid, columnBound, type Cell, type CellScalar, type MergeRange, type SheetVisibility } from "../../../sheets/grid";
import { fileErrors } from "../../../strings/it";
import {
  MAX_CELLS_PER_SHEET,
  MAX_CELLS_TOTAL,
  MAX_CELL_ELEMENTS_PER_SHEET,
  MAX_FORMULA_CHARS,
  MAX_FORMULA_WORK_PER_SHEET,
  MAX_MERGES_PER_SHEET,
  MAX_MERGE_STEPS_PER_SHEET,
} from "../limits";
import { formulaSlider } from "./formula";
import { decodeEscapes, MAX_CELL_TEXT, sharedText, type SharedString } from "./shared-strings";
import type { CellStyle } from "./styles";
import type { XmlHandler } from "./xml";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export interface SheetContext {
  fileName: string;
  styles: CellStyle[];
  strings: SharedString[];
  date1904: boolean;
  /** Cells kept so far in the workbook, for the total limit. */
  cellsSoFar: number;
  limits?: { cellsPerSheet?: number; cellsTotal?: number; merges?: number };
}

/** Excel's serial day number → Date (UTC), as ExcelJS converts it; anything not a number gives an invalid Date. */
function serialToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The five XML entities, decoded once more: a "str" result may carry them escaped twice. */
function xmlDecode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** Text past Excel's limit, cut; copied, so that the long original is not kept alive by the slice. */
export function cut(s: string): string {
  return s.length > MAX_CELL_TEXT ? (JSON.parse(JSON.stringify(s.slice(0, MAX_CELL_TEXT))) as string) : s;
}

/** A cell address ("AB12") → [row, col] 0-based, or null. */
function parseRef(a: string): [number, number] | null {
  let i = 0;
  let col = 0;
  const n = a.length;
  while (i < n) {
    const ch = a.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else if (ch !== 36) break;
    i++;
    if (i > 4) return null;
  }
  let row = 0;
  const start = i;
  while (i < n) {
    const ch = a.charCodeAt(i);
    if (ch >= 48 && ch <= 57) row = row * 10 + (ch - 48);
    else if (ch !== 36 || i !== start) return null;
    i++;
    if (i - start > 8) return null;
  }
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return null;
  return [row - 1, col - 1];
}

/** "A1:C3" or "A1" → range, or null. */
function parseRange(ref: string): MergeRange | null {
  const colon = ref.indexOf(":");
  const p = parseRef(colon < 0 ? ref : ref.slice(0, colon));
  const q = colon < 0 ? p : parseRef(ref.slice(colon + 1));
  if (!p || !q) return null;
  return { r1: Math.min(p[0], q[0]), c1: Math.min(p[1], q[1]), r2: Math.max(p[0], q[0]), c2: Math.max(p[1], q[1]) };
}

function isBlankValue(v: CellScalar): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

function scalarOf(x: unknown): CellScalar {
  if (x === null || x === undefined) return null;
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? null : x;
  return null;
}

interface ColStyle {
  from: number;
  to: number;
  style: CellStyle | null;
}

/** Kept cells of one row, in the order they came (normally by column). */
type RowCells = Array<[number, Cell]>;

export class SheetReader implements XmlHandler {
  private readonly grid: SheetGrid;
  private readonly rows = new Map<number, RowCells>();
  private kept = 0;
  private elements = 0;
  private readonly merges: MergeRange[] = [];
  private readonly cols: Array<{ min: number; max: number; styleId: number }> = [];
  private colStyles: ColStyle[] | null = null;
  /** Rows whose own style (s=…) is known, by row; only rows that name one. */
  private readonly rowStyles = new Map<number, CellStyle>();
  /** Cells the XML names but the grid does not keep (a style, no value), where a merge would care. */
  private readonly unkept = new Set<number>();
  private readonly masters = new Map<string, { formula: string; address: string; slide?: (to: string) => string }>();
  private formulaWork = 0;

  private inSheetData = false;
  private inMergeCells = false;
  private inCols = false;
  private row = -1;
  private lastCol = -1;
  private rowStyle: CellStyle | null = null;
  // The cell being read.
  private inCell = false;
  private r = 0;
  private c = 0;
  private address = "";
  private t: string | undefined;
  private styleId = 0;
  private node: "" | "f" | "v" | "t" = "";
  private value: string | undefined;
  private runs: string[] | null = null;
  private inRun = false;
  private inRunText = false;
  private runText: string | undefined;
  private formula: string | undefined;
  private shareType: string | undefined;
  private si: string | undefined;
  private ref: string | undefined;

  constructor(
    name: string,
    visibility: SheetVisibility,
    private readonly ctx: SheetContext,
  ) {
    this.grid = new SheetGrid(name, visibility);
  }

  private style(id: number): CellStyle | null {
    return id ? (this.ctx.styles[id] ?? null) : null;
  }

  open(name: string, attrs: Record<string, string>): void {
    if (this.inCell) return this.openInCell(name, attrs);
    if (this.inSheetData) {
      if (name === "row") {
        const r = attrs.r ? parseInt(attrs.r, 10) - 1 : this.row + 1;
        this.row = r;
        this.lastCol = -1;
        this.rowStyle = attrs.s ? this.style(parseInt(attrs.s, 10)) : null;
        if (this.rowStyle) this.rowStyles.set(r, this.rowStyle);
      } else if (name === "c") this.openCell(attrs);
      return;
    }
    if (this.inMergeCells) {
      if (name === "mergeCell") {
        const m = parseRange(attrs.ref ?? "");
        if (!m) return;
        if (this.merges.length >= (this.ctx.limits?.merges ?? MAX_MERGES_PER_SHEET)) this.refuseMerges();
        this.merges.push(m);
      }
      return;
    }
    if (this.inCols) {
      if (name === "col")
        this.cols.push({
          min: parseInt(attrs.min || "0", 10),
          max: parseInt(attrs.max || "0", 10),
          styleId: attrs.style ? parseInt(attrs.style, 10) : 0,
        });
      return;
    }
    if (name === "sheetData") this.inSheetData = true;
    else if (name === "mergeCells") this.inMergeCells = true;
    else if (name === "cols") this.inCols = true;
  }

  private openCell(attrs: Record<string, string>): void {
    if (++this.elements > MAX_CELL_ELEMENTS_PER_SHEET) this.refuseCells(MAX_CELL_ELEMENTS_PER_SHEET);
    this.inCell = true;
    const a = attrs.r;
    const p = a ? parseRef(a) : null;
    if (p) {
      this.r = p[0];
      this.c = p[1];
      this.address = a!;
    } else {
      // No address: the cell after the previous one in the row.
      this.r = this.row;
      this.c = this.lastCol + 1;
      this.address = a ?? "";
    }
    this.lastCol = this.c;
    this.t = attrs.t;
    this.styleId = attrs.s ? parseInt(attrs.s, 10) : 0;
    this.node = "";
    this.value = undefined;
    this.runs = null;
    this.inRun = false;
    this.formula = undefined;
    this.shareType = undefined;
    this.si = undefined;
    this.ref = undefined;
  }

  private openInCell(name: string, attrs: Record<string, string>): void {
    if (this.inRun) {
      if (name === "t") {
        this.inRunText = true;
        this.runText = "";
      }
      return;
    }
    switch (name) {
      case "f":
        this.node = "f";
        this.si = attrs.si;
        this.shareType = attrs.t;
        this.ref = attrs.ref;
        return;
      case "v":
        this.node = "v";
        return;
      case "t":
        this.node = "t";
        return;
      case "r":
        this.inRun = true;
        this.runText = undefined;
        return;
    }
  }

  text(s: string): void {
    if (!this.inCell) return;
    if (this.inRun) {
      if (this.inRunText && this.runText!.length <= MAX_CELL_TEXT) this.runText += s;
      return;
    }
    switch (this.node) {
      case "f":
        if (this.formula === undefined) this.formula = s;
        else if (this.formula.length <= MAX_FORMULA_CHARS) this.formula += s;
        return;
      case "v":
      case "t":
        // Once the cell holds rich text, a stray <t> outside the runs adds nothing.
        if (this.runs) return;
        if (this.value === undefined) this.value = s;
        else if (this.value.length <= MAX_CELL_TEXT) this.value += s;
        return;
    }
  }

  close(name: string): void {
    if (this.inCell) {
      if (this.inRun) {
        if (name === "t" && this.inRunText) this.inRunText = false;
        else if (name === "r") {
          this.inRun = false;
          (this.runs ??= []).push(this.runText === undefined ? "" : decodeEscapes(this.runText));
        }
        return;
      }
      if (name === "c") {
        this.inCell = false;
        this.endCell();
      } else if (name === "f" || name === "v" || name === "t") this.node = "";
      return;
    }
    if (name === "sheetData") this.inSheetData = false;
    else if (name === "mergeCells") this.inMergeCells = false;
    else if (name === "cols") {
      this.inCols = false;
      this.colStyles = null;
    }
  }

  private endCell(): void {
    const style = this.style(this.styleId);
    let v: CellScalar = null;
    let formula: string | undefined;
    let error: string | undefined;
    const raw = this.runs ? null : this.value;
    if (this.formula || this.shareType) {
      let result: unknown;
      if (raw) {
        if (this.t === "str") result = xmlDecode(raw);
        else if (this.t === "b") result = parseInt(raw, 10) !== 0;
        else if (this.t === "e") result = { error: raw };
        else result = parseFloat(raw);
      } else if (this.runs) result = this.runs.join("");
      if (result !== undefined && style?.isDate) result = serialToDate(result, this.ctx.date1904);
      if (this.formula !== undefined && this.formula.length > MAX_FORMULA_CHARS) this.formula = this.formula.slice(0, MAX_FORMULA_CHARS);
      formula = this.formula;
      if (this.shareType === "shared" && this.si !== undefined) {
        if (this.ref) {
          if (this.formula !== undefined) this.masters.set(this.si, { formula: this.formula, address: this.address });
        } else if (formula === undefined) {
          const m = this.masters.get(this.si);
          if (m) {
            this.formulaWork += m.formula.length;
            if (this.formulaWork > MAX_FORMULA_WORK_PER_SHEET)
              throw new PegError(fileErrors.formulasTooLong(this.ctx.fileName, this.grid.name));
            m.slide ??= formulaSlider(m.formula, m.address);
            formula = m.slide(this.address);
          }
        }
      }
      if (typeof result === "object" && result !== null && !(result instanceof Date)) error = (result as { error: string }).error;
      else v = scalarOf(result);
    } else if (raw !== undefined || this.runs) {
      switch (this.t) {
        case "s":
          v = sharedText(this.ctx.strings[parseInt(raw ?? "", 10)]);
          break;
        case "str":
          v = cut(xmlDecode(raw!));
          break;
        case "inlineStr":
          v = this.runs ? cut(this.runs.join("")) : cut(raw!);
          break;
        case "b":
          v = parseInt(raw!, 10) !== 0;
          break;
        case "e":
          error = raw ?? undefined;
          break;
        default: {
          const n = parseFloat(raw ?? "");
          v = style?.isDate ? scalarOf(serialToDate(n, this.ctx.date1904)) : n;
        }
      }
    } else if (!this.styleId) {
      return; // neither value nor style: not a cell at all
    }
    const fill = style?.fill ?? null;
    if (isBlankValue(v) && !fill && formula === undefined && error === undefined) {
      if (this.mergeCould(this.r, this.c)) this.unkept.add(this.r * MAX_COL + this.c);
      return;
    }
    this.keep(this.r, this.c, makeCell(v, style?.numFmt || undefined, fill || undefined, formula, error));
  }

  private keep(r: number, c: number, cell: Cell): void {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = []));
    row.push([c, cell]);
    const perSheet = this.ctx.limits?.cellsPerSheet ?? MAX_CELLS_PER_SHEET;
    const total = this.ctx.limits?.cellsTotal ?? MAX_CELLS_TOTAL;
    if (++this.kept > perSheet) this.refuseCells(perSheet);
    if (++this.ctx.cellsSoFar > total) throw new PegError(fileErrors.tooManyCellsTotal(this.ctx.fileName, total.toLocaleString("it-IT")));
  }

  private refuseCells(limit: number): never {
    throw new PegError(fileErrors.tooManyCells(this.ctx.fileName, this.grid.name, limit.toLocaleString("it-IT")));
  }

  private refuseMerges(): never {
    const limit = this.ctx.limits?.merges ?? MAX_MERGES_PER_SHEET;
    throw new PegError(fileErrors.tooManyMerges(this.ctx.fileName, this.grid.name, limit.toLocaleString("it-IT")));
  }

  /** Column styles as ExcelJS lays them: sorted by start, the earlier range winning where two overlap. */
  private columnStyles(): ColStyle[] {
    if (this.colStyles) return this.colStyles;
    const sorted = this.cols.map((c, i) => ({ ...c, i })).sort((a, b) => a.min - b.min || a.i - b.i);
    const out: ColStyle[] = [];
    let next = 1;
    for (const c of sorted) {
      const from = Math.max(next, c.min);
      const to = Math.min(c.max, MAX_COL);
      if (to < from) continue;
      out.push({ from: from - 1, to: to - 1, style: this.style(c.styleId) });
      next = to + 1;
    }
    return (this.colStyles = out);
  }

  private colStyle(c: number): CellStyle | null {
    const cols = this.columnStyles();
    let lo = 0;
    let hi = cols.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = cols[mid]!;
      if (c < x.from) hi = mid - 1;
      else if (c > x.to) lo = mid + 1;
      else return x.style;
    }
    return null;
  }

  /** The fill and format a cell created by a merge takes: its row's style, else its column's. */
  private rowColStyle(r: number, c: number): { fill: string | null; numFmt?: string } {
    const rs = this.rowStyles.get(r) ?? null;
    const cs = this.colStyle(c);
    const fill = rs?.hasFill ? rs.fill : cs?.hasFill ? cs.fill : null;
    const numFmt = rs?.numFmt || cs?.numFmt;
    return numFmt ? { fill, numFmt } : { fill };
  }

  /** Whether a merge laid over (r, c) could give it a fill of its row or column. */
  private mergeCould(r: number, c: number): boolean {
    return this.rowColStyle(r, c).fill !== null;
  }

  /** The grid, once the part has been read: merges laid over the cells, as Excel shows them. */
  finish(): SheetGrid {
    if (this.merges.length) this.layMerges();
    const grid = this.grid;
    for (const [r, cells] of this.rows) grid.setRow(r, cells);
    for (const m of this.merges) grid.addMerge(m);
    return grid;
  }

  /**
   * Inside a merged range only the top-left cell keeps its value; the others keep their own
   * fill, and a cell the XML does not name takes its row's or column's. Steps are counted:
   * overlapping or sheet-sized ranges cannot make this quadratic.
   */
  private layMerges(): void {
    const rowIndex = [...this.rows.keys()].sort((a, b) => a - b);
    // Rows sorted by column on first use (hosts write them so; a stable sort keeps duplicates in order).
    const sorted = new Set<number>();
    const rowCells = (r: number): RowCells => {
      const cells = this.rows.get(r)!;
      if (!sorted.has(r)) {
        for (let i = 1; i < cells.length; i++)
          if (cells[i - 1]![0] > cells[i]![0]) {
            cells.sort((x, y) => x[0] - y[0]);
            break;
          }
        sorted.add(r);
      }
      return cells;
    };
    let steps = 0;
    const step = (n: number): void => {
      steps += n;
      if (steps > MAX_MERGE_STEPS_PER_SHEET) this.refuseMerges();
    };
    // Cells the XML holds: all but the top-left lose their value.
    for (const m of this.merges) {
      for (let i = lowerBound(rowIndex, m.r1); i < rowIndex.length && rowIndex[i]! <= m.r2; i++) {
        const r = rowIndex[i]!;
        const cells = rowCells(r);
        let k = columnBound(cells, m.c1);
        step(1);
        for (; k < cells.length && cells[k]![0] <= m.c2; k++) {
          step(1);
          if (r !== m.r1 || cells[k]![0] !== m.c1) cells[k]![1] = mergedAway(cells[k]![1]);
        }
      }
    }
    const created = this.mergedFills(rowCells, step);
    // Cells whose value was merged away and that have no fill are no longer cells of the grid.
    for (const [r, cells] of this.rows) {
      const keep = cells.filter((e) => e[1] !== DROPPED);
      if (keep.length !== cells.length) this.rows.set(r, keep);
    }
    for (const [r, c, cell] of created) {
      let row = this.rows.get(r);
      if (!row) this.rows.set(r, (row = []));
      row.push([c, cell]);
      this.kept++;
      this.ctx.cellsSoFar++;
    }
  }

  /** Cells the XML does not name inside merged ranges, where a row or column style gives them a fill. */
  private mergedFills(rowCells: (r: number) => RowCells, step: (n: number) => void): Array<[number, number, Cell]> {
    const created: Array<[number, number, Cell]> = [];
    const colsFilled = this.columnStyles().some((x) => x.style?.hasFill && x.style.fill);
    const styledRows = [...this.rowStyles.keys()].sort((a, b) => a - b);
    if (!colsFilled && !styledRows.some((r) => this.rowStyles.get(r)!.fill)) return created; // the usual case
    // Columns with a fill of their own, as prefix counts: "any in c1..c2" is then one subtraction.
    const filled = new Int32Array(MAX_COL + 1);
    for (const x of this.columnStyles()) if (x.style?.hasFill && x.style.fill) for (let c = x.from; c <= x.to; c++) filled[c + 1] = 1;
    for (let c = 1; c <= MAX_COL; c++) filled[c] = filled[c]! + filled[c - 1]!;
    const limit = this.ctx.limits?.cellsPerSheet ?? MAX_CELLS_PER_SHEET;
    for (const m of this.merges) {
      const anyColFill = filled[m.c2 + 1]! - filled[m.c1]! > 0;
      const rowsToVisit: Iterable<number> = anyColFill ? range(m.r1, m.r2) : styledRowsIn(styledRows, m.r1, m.r2);
      for (const r of rowsToVisit) {
        step(1);
        const rs = this.rowStyles.get(r);
        if (rs?.hasFill && !rs.fill) continue; // the row's own "no fill" wins over any column's
        if (!rs?.hasFill && !anyColFill) continue;
        const cells = this.rows.has(r) ? rowCells(r) : null;
        for (let c = m.c1; c <= m.c2; c++) {
          step(1);
          if (cells) {
            const k = columnBound(cells, c);
            if (k < cells.length && cells[k]![0] === c) continue;
          }
          if (this.unkept.has(r * MAX_COL + c)) continue;
          const st = this.rowColStyle(r, c);
          if (!st.fill) continue;
          created.push([r, c, makeCell(null, st.numFmt || undefined, st.fill)]);
          if (created.length + this.kept > limit) this.refuseCells(limit);
        }
      }
    }
    return created;
  }
}

/**
 * A cell with only the fields it has (the reader makes hundreds of thousands: a full shape for
 * every cell measured slower reading, for no gain the bench could see in the engine).
 */
function makeCell(v: CellScalar, fmt?: string, fill?: string | null, formula?: string, error?: string): Cell {
  const out: Cell = { v };
  if (fmt !== undefined) out.fmt = fmt;
  if (fill !== undefined && fill !== null) out.fill = fill;
  if (formula !== undefined) out.formula = formula;
  if (error !== undefined) out.error = error;
  return out;
}

const DROPPED: Cell = makeCell(null);

/** A cell inside a merged range, not its top-left: no value of its own, only its fill and format. */
function mergedAway(cell: Cell): Cell {
  if (cell === DROPPED || !cell.fill) return DROPPED;
  return makeCell(null, cell.fmt || undefined, cell.fill);
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function* range(a: number, b: number): Generator<number> {
  for (let i = a; i <= b; i++) yield i;
}

function* styledRowsIn(sorted: number[], a: number, b: number): Generator<number> {
  for (let i = lowerBound(sorted, a); i < sorted.length && sorted[i]! <= b; i++) yield sorted[i]!;
}
