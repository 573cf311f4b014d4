/**
 * A sheet as a person reads it: normalised label text per cell, merges resolved, and the small
 * look-ups the recognisers need ("the value right of this label", "the first row below").
 */
import { cleanText, normLabel } from "../domain/text";
import { a1, isBlank, type Cell, type MergeRange, type SheetGrid } from "./grid";
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
  readonly labels: LabelCell[] = [];
  private readonly byRow = new Map<number, LabelCell[]>();

  private readonly textCache = new Map<number, string>();

  constructor(grid: SheetGrid, vocab: Vocabulary = BUILTIN_VOCABULARY) {
    this.grid = grid;
    this.vocab = vocab;
    // Indexed loops: this runs over every cell of every sheet (bench "cli").
    const rows = grid.rowIndexes();
    const byRole = this.byRole;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const start = this.labels.length;
      const cells = grid.rowCells(r);
      for (let k = 0; k < cells.length; k++) {
        const entry = cells[k]!;
        const v = entry[1].v;
        if (typeof v !== "string") continue;
        const info = vocab.labelInfo(v);
        if (!info.norm) continue;
        const l: LabelCell = { r, c: entry[0], norm: info.norm, text: v };
        this.labels.push(l);
        // The labels of each role, in reading order: the blocks ask for dozens of roles.
        for (let j = 0; j < info.roles.length; j++) {
          const list = byRole[info.roles[j]!];
          if (list) list.push(l);
          else byRole[info.roles[j]!] = [l];
        }
      }
      // A row's labels are contiguous in reading order: one exact-size copy (pushing into a fresh
      // array per row reserved room for 17 labels where rows hold two or three).
      if (this.labels.length > start) this.byRow.set(r, this.labels.slice(start));
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

  rowLabels(r: number): LabelCell[] {
    return this.byRow.get(r) ?? [];
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
    // The row's stored cells, from the first at or after start (sorted: a binary search).
    const cells = this.grid.rowCells(p.r);
    let lo = 0;
    let hi = cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cells[mid]![0] < start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < cells.length; k++) {
      const [c, own] = cells[k]!;
      if (c > start + MAX_VALUE_GAP) break;
      if (!isBlank(own.v) || own.error) return { r: p.r, c };
    }
    return { r: p.r, c: start };
  }

  /** True when (r, c) holds a value (not blank) right of a label. */
  hasValueRightOf(p: Pos): boolean {
    const v = this.rightOf(p);
    return !this.blank(v.r, v.c);
  }

  /** Rows that hold something, ascending. */
  rows(): number[] {
    return this.grid.rowIndexes();
  }

  addr(p: Pos): string {
    return a1(p.r, p.c);
  }

  /** True when row r contains a label that starts another block. */
  rowStartsBlock(r: number, test: (norm: string) => boolean): boolean {
    return this.rowLabels(r).some((l) => test(l.norm));
  }

  /** Index of the first stored row > r, or undefined when none. */
  nextRow(r: number): number | undefined {
    const rows = this.rows();
    return rows[firstAfter(rows, r)];
  }

  /** Stored rows below r, ascending (the tables read down from their header). */
  *rowsAfter(r: number): Generator<number> {
    const rows = this.rows();
    for (let i = firstAfter(rows, r); i < rows.length; i++) yield rows[i]!;
  }
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
