/**
 * The neutral grid: what any host (ExcelJS, Office.js, a test) fills so that the engine can read
 * a sheet the way a person does. Rows and columns are 0-based here; A1 addresses are for people.
 * Storage is sparse, so a stray value at XFD1048576 costs one entry, not a billion.
 */

// A1 addresses are their own module: the pane needs them at start, the grid only once it reads.
export { a1, colLetters, parseA1, parseRange, rangeA1 } from "./a1";

/** A cell value as the engine sees it. Formulas are represented by their cached result. */
export type CellScalar = string | number | boolean | Date | null;

export interface Cell {
  /** The value (for a formula: its last computed result; for an Excel error: null). */
  v: CellScalar;
  /** Number format, e.g. "0%", "dd/mm/yyyy", "General". */
  fmt?: string;
  /** Solid fill colour as "#RRGGBB" (upper case), or null/undefined when the cell has no fill. */
  fill?: string | null;
  /** Formula text without the leading "=", when the cell holds a formula. */
  formula?: string;
  /** Excel error literal ("#REF!", "#DIV/0!", …) when the cell holds an error. */
  error?: string;
}

export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export class SheetGrid {
  readonly name: string;
  visibility: SheetVisibility;
  readonly merges: MergeRange[] = [];
  /**
   * The sheet's whole used range when the host read only part of it (cells beyond its read
   * bound were left out); verifica reports it as CELLE_FUORI_AREA. Null when read whole.
   */
  clipped: MergeRange | null = null;
  /**
   * Each row's cells as [column, cell] pairs, ascending by column, one per column: the form a
   * reader produces and the engine walks, so neither builds another (a map per row made reading
   * 15% slower, rebuilding the pairs cost the engine as much). Lookups are a binary search.
   */
  private readonly rowsMap = new Map<number, Array<[number, Cell]>>();
  /** Rows written out of column order (or twice in a column): sorted on their next read. */
  private readonly unsorted = new Set<number>();
  private sortedRows: number[] | null = null;
  /**
   * The merges of each row, by row number: an array, not a map (indexing 20 000 merges took twice
   * as long with a map). Rows far apart make it sparse, which V8 then keeps as a dictionary.
   */
  private mergeIndex: Array<MergeRange[] | undefined> | null = null;
  private tallMerges: MergeRange[] = [];

  constructor(name: string, visibility: SheetVisibility = "visible") {
    this.name = name;
    this.visibility = visibility;
  }

  set(r: number, c: number, cell: Cell): void {
    const row = this.rowsMap.get(r);
    if (!row) {
      this.rowsMap.set(r, [[c, cell]]);
      this.sortedRows = null;
      return;
    }
    if (c <= row[row.length - 1]![0]) this.unsorted.add(r);
    row.push([c, cell]);
  }

  /**
   * A whole row at once, as [column, cell] pairs (a reader that holds them so, usually in column
   * order): the row keeps the given list, so nothing is copied.
   */
  setRow(r: number, cells: Array<[number, Cell]>): void {
    if (cells.length === 0) return; // a row is a row of cells
    if (this.rowsMap.has(r)) for (const [c, cell] of cells) this.set(r, c, cell);
    else {
      this.rowsMap.set(r, cells);
      this.sortedRows = null;
      for (let i = 1; i < cells.length; i++) if (cells[i - 1]![0] >= cells[i]![0]) this.unsorted.add(r);
    }
  }

  /** The row's pairs in column order, one per column (the last written wins). */
  private row(r: number): Array<[number, Cell]> | undefined {
    const row = this.rowsMap.get(r);
    if (row && this.unsorted.size > 0 && this.unsorted.delete(r)) {
      // A stable sort keeps same-column writes in order; then the last of each column stays.
      row.sort((a, b) => a[0] - b[0]);
      let n = 0;
      for (const e of row)
        if (n > 0 && row[n - 1]![0] === e[0]) row[n - 1] = e;
        else row[n++] = e;
      row.length = n;
    }
    return row;
  }

  get(r: number, c: number): Cell | undefined {
    const row = this.row(r);
    if (!row) return undefined;
    // An exact-match search of its own: this is the engine's most frequent call.
    let lo = 0;
    let hi = row.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = row[mid]![0];
      if (x < c) lo = mid + 1;
      else if (x > c) hi = mid - 1;
      else return row[mid]![1];
    }
    return undefined;
  }

  /** The cell a person sees at (r, c): inside a merged range, the value of its top-left cell. */
  visible(r: number, c: number): Cell | undefined {
    const own = this.get(r, c);
    if (own && !isBlank(own.v)) return own;
    const m = this.mergeAt(r, c);
    if (m && (m.r1 !== r || m.c1 !== c)) return this.get(m.r1, m.c1) ?? own;
    return own;
  }

  addMerge(m: MergeRange): void {
    this.merges.push(m);
    this.mergeIndex = null;
  }

  /** The merged range that contains (r, c), if any. */
  mergeAt(r: number, c: number): MergeRange | undefined {
    if (this.merges.length === 0) return undefined;
    if (!this.mergeIndex) this.indexMerges();
    const list = this.mergeIndex![r];
    if (list) for (let i = 0; i < list.length; i++) if (c >= list[i]!.c1 && c <= list[i]!.c2) return list[i];
    // The rare merge too tall for the index (kept apart, so a miss costs nothing on ordinary sheets).
    if (this.tallMerges.length === 0) return undefined;
    return this.tallMerges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }

  /** Merges indexed by row; a huge merge (a whole column) is kept apart, never one entry per row. */
  private indexMerges(): void {
    const index: Array<MergeRange[] | undefined> = [];
    this.tallMerges = [];
    for (const m of this.merges) {
      if (m.r2 - m.r1 > 10_000) this.tallMerges.push(m);
      else
        for (let row = m.r1; row <= m.r2; row++) {
          const list = index[row];
          if (list) list.push(m);
          else index[row] = [m];
        }
    }
    this.mergeIndex = index;
  }

  /** Row indexes that hold at least one cell, ascending. */
  rowIndexes(): number[] {
    if (!this.sortedRows) this.sortedRows = [...this.rowsMap.keys()].sort((a, b) => a - b);
    return this.sortedRows;
  }

  /** Cells of a row, ascending by column (a shared list: callers must not change it). */
  rowCells(r: number): Array<[number, Cell]> {
    return this.row(r) ?? [];
  }

  /** Every non-blank cell, row by row. */
  *cells(): Generator<[number, number, Cell]> {
    for (const r of this.rowIndexes()) for (const [c, cell] of this.rowCells(r)) yield [r, c, cell];
  }

  get cellCount(): number {
    let n = 0;
    for (const r of this.rowsMap.keys()) n += this.row(r)!.length;
    return n;
  }
}

/** The first index of a row's [column, cell] pairs, in column order, whose column is ≥ c (a binary search). */
export function columnBound(cells: ReadonlyArray<readonly [number, Cell]>, c: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid]![0] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

// Patterns asked in hot paths live at module level: a literal inside a function is a new RegExp
// object on every call, garbage the engine's scavenges then pay for (docs/ARCHITECTURE.md, "Speed").
const LEADING_SPACE = /^\s/;

export function isBlank(v: CellScalar | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  // Text that starts with something visible is not blank: no trimmed copy for nearly every cell.
  return v.length === 0 || (LEADING_SPACE.test(v) && v.trim() === "");
}
