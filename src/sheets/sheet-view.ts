/**
 * A sheet as a person reads it: normalised label text per cell, merges resolved, and the small
 * look-ups the recognisers need ("the value right of this label", "the first row below").
 */
import { cleanText, normLabel } from "../domain/text";
import { columnBound, isBlank, type Cell, type MergeRange, type SheetGrid } from "./grid";
import { ROLE_INDEX, type Role } from "./vocabulary/roles";
import { BUILTIN_VOCABULARY, type Vocabulary } from "./vocabulary/vocabulary";

/** What a label is looked up by: a role of the vocabulary, or (rarely) a pattern of its own. */
export type Matcher = Role | RegExp;

export interface Pos {
  r: number;
  c: number;
}

export interface LabelCell extends Pos {
  norm: string;
  text: string;
}

const memo = new Map<RegExp, Map<string, boolean>>();

/**
 * re.test(norm), remembered: the same few hundred labels recur on every scheda of a workbook, and
 * the recognisers ask the same questions of each. (The patterns are not global: test() has no state.)
 */
export function matches(re: RegExp, norm: string): boolean {
  let m = memo.get(re);
  if (!m) memo.set(re, (m = new Map()));
  let hit = m.get(norm);
  if (hit === undefined) {
    hit = re.test(norm);
    if (m.size > 20_000) m.clear();
    m.set(norm, hit);
  }
  return hit;
}

const NO_LABELS: readonly LabelCell[] = Object.freeze([]);

/** How far from a label its value may sit (columns), and how far a table may run (rows). */
const MAX_VALUE_GAP = 15;

export class SheetView {
  readonly grid: SheetGrid;
  readonly vocab: Vocabulary;
  readonly labels: LabelCell[];
  /** Each row's labels, by row number (an array: a map per sheet cost more than the labels). */
  private readonly byRow: Array<LabelCell[] | undefined> = [];

  private readonly textCache = new Map<number, string>();

  constructor(grid: SheetGrid, vocab: Vocabulary = BUILTIN_VOCABULARY) {
    this.grid = grid;
    this.vocab = vocab;
    // Indexed loops and exact-size lists: this runs over every cell of every sheet (bench "cli"),
    // and a list grown by push reserves room for 17 entries where a role or a row has one or two.
    const rows = grid.rowIndexes();
    const labels: LabelCell[] = new Array<LabelCell>(countTexts(grid, rows));
    const roleLists: Array<readonly number[]> = new Array<readonly number[]>(labels.length);
    const perRole: number[] = new Array<number>(ROLE_INDEX.size).fill(0);
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const start = n;
      const cells = grid.rowCells(r);
      for (let k = 0; k < cells.length; k++) {
        const entry = cells[k]!;
        const v = entry[1].v;
        if (typeof v !== "string") continue;
        const info = vocab.labelInfo(v);
        if (!info.norm) continue;
        labels[n] = { r, c: entry[0], norm: info.norm, text: v };
        roleLists[n++] = info.roles;
        for (let j = 0; j < info.roles.length; j++) perRole[info.roles[j]!]!++;
      }
      // A row's labels are contiguous in reading order.
      if (n > start) this.byRow[r] = labels.slice(start, n);
    }
    labels.length = n;
    this.labels = labels;
    // The labels of each role, in reading order: the blocks ask for dozens of roles.
    const byRole = this.byRole;
    const filled: number[] = new Array<number>(perRole.length).fill(0);
    for (let i = 0; i < n; i++) {
      const roles = roleLists[i]!;
      for (let j = 0; j < roles.length; j++) {
        const role = roles[j]!;
        (byRole[role] ??= new Array<LabelCell>(perRole[role]!))[filled[role]!++] = labels[i]!;
      }
    }
  }

  get name(): string {
    return this.grid.name;
  }

  /** True when a normalised label plays the role (or matches the pattern). */
  is(m: Matcher, norm: string): boolean {
    return typeof m === "string" ? this.vocab.is(m, norm) : matches(m, norm);
  }

  /** The labels of each role, by the role's position in ROLES. */
  private readonly byRole: Array<LabelCell[] | undefined> = [];

  private ofRole(role: Role): readonly LabelCell[] {
    return this.byRole[ROLE_INDEX.get(role)!] ?? NO_LABELS;
  }

  find(m: Matcher, from?: Pos, to?: Pos): LabelCell | undefined {
    const pool = typeof m === "string" ? this.ofRole(m) : this.labels;
    return pool.find(
      (l) =>
        (!from || l.r > from.r || (l.r === from.r && l.c >= from.c)) &&
        (!to || l.r <= to.r) &&
        (typeof m === "string" || matches(m, l.norm)),
    );
  }

  /** Every label of a role, in reading order (a shared list: callers must not change it). */
  findAll(m: Matcher): readonly LabelCell[] {
    return typeof m === "string" ? this.ofRole(m) : this.labels.filter((l) => matches(m, l.norm));
  }

  rowLabels(r: number): readonly LabelCell[] {
    return this.byRow[r] ?? NO_LABELS;
  }

  /** The cell a person sees at (r, c), merges resolved. */
  cell(r: number, c: number): Cell | undefined {
    return this.grid.visible(r, c);
  }

  /** The merge containing (r, c), if any. */
  mergeAt(r: number, c: number): MergeRange | undefined {
    return this.grid.mergeAt(r, c);
  }

  /** The cell stored at (r, c), without resolving merges (for writes and snapshots). */
  own(r: number, c: number): Cell | undefined {
    return this.grid.get(r, c);
  }

  blank(r: number, c: number): boolean {
    const cell = this.cell(r, c);
    return !cell || (isBlank(cell.v) && !cell.error);
  }

  /**
   * The text a person reads at (r, c), white space collapsed. Text cells need no cache (a clean
   * text is returned as it is); numbers and dates are turned into text once per cell.
   */
  text(r: number, c: number): string {
    const v = this.cell(r, c)?.v;
    if (typeof v === "string") return cleanText(v);
    if (v === null || v === undefined) return "";
    const key = r * 16_384 + c;
    let t = this.textCache.get(key);
    if (t === undefined) {
      t = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      this.textCache.set(key, t);
    }
    return t;
  }

  norm(r: number, c: number): string {
    return normLabel(this.text(r, c));
  }

  /** Last column covered by the merge that starts at or contains (r, c). */
  mergeEndCol(r: number, c: number): number {
    const m = this.mergeAt(r, c);
    return m ? m.c2 : c;
  }

  mergeEndRow(r: number, c: number): number {
    const m = this.mergeAt(r, c);
    return m ? m.r2 : r;
  }

  /** Top-left of the merge containing (r, c), or (r, c) itself. */
  anchor(r: number, c: number): Pos {
    const m = this.mergeAt(r, c);
    return m ? { r: m.r1, c: m.c1 } : { r, c };
  }

  /**
   * The first non-blank cell right of a label (skipping the label's own merge); when every cell
   * is blank, the cell just right of the label, where a value belongs.
   */
  rightOf(p: Pos): Pos {
    const start = this.mergeEndCol(p.r, p.c) + 1;
    // The row's stored cells, from the first at or after start.
    const cells = this.grid.rowCells(p.r);
    for (let k = columnBound(cells, start); k < cells.length; k++) {
      const [c, own] = cells[k]!;
      if (c > start + MAX_VALUE_GAP) break;
      if (!isBlank(own.v) || own.error) return { r: p.r, c };
    }
    return { r: p.r, c: start };
  }

  /** Rows that hold something, ascending. */
  rows(): number[] {
    return this.grid.rowIndexes();
  }

  /** Stored rows below r, ascending (the tables read down from their header). */
  *rowsAfter(r: number): Generator<number> {
    const rows = this.rows();
    for (let i = firstAfter(rows, r); i < rows.length; i++) yield rows[i]!;
  }
}

/** How many text cells the sheet holds: the most labels it can have. */
function countTexts(grid: SheetGrid, rows: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const cells = grid.rowCells(rows[i]!);
    for (let k = 0; k < cells.length; k++) if (typeof cells[k]![1].v === "string") n++;
  }
  return n;
}

/** Index of the first element > r in an ascending list (binary search: sheets have hundreds of rows). */
function firstAfter(rows: readonly number[], r: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]! <= r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
