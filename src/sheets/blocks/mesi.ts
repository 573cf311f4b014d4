/**
 * The month header of a cronoprogramma (spec §2.1): month names or abbreviations, real dates,
 * numbers 1–12, single letters G F M A M G L A S O N D read by position, quarters and half-years
 * (a column that covers its months).
 */
import { isDateFormat, serialToDate } from "../../domain/values";
import { normLabel } from "../../domain/text";
import type { Cell } from "../grid";
import type { SheetView } from "../sheet-view";

export interface MonthHeader {
  r: number;
  /** Column of each month, index 0 = gennaio. */
  cols: number[];
  style: "nomi" | "lettere" | "numeri" | "trimestri" | "semestri";
}

const LETTERS = "gfmamglasond";

function monthOfCell(view: SheetView, cell: Cell): number | null {
  const v = cell.v;
  if (typeof v === "string") return view.vocab.month(v);
  if (v instanceof Date) return v.getUTCMonth() + 1;
  if (typeof v === "number" && isDateFormat(cell.fmt) && v > 0 && v < 2_958_466) return serialToDate(v).m;
  return null;
}

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  primo: 1,
  secondo: 2,
  terzo: 3,
  quarto: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

/** Every quarter or half-year label has one of these (a cheap test before the full reading). */
const PERIOD_WORD = /tri|sem|quad/i;

// Module-level patterns: a literal inside a function is a new RegExp object per call.
const YEAR_WORD = /\b(19|20)\d{2}\b/;
const TRIMESTRE = /^(i{1,3}|iv|[1-4]|primo|secondo|terzo|quarto)\s*(?:o\s*)?(trim|trimestre|quadrim)$/;
const TRIMESTRE_AFTER = /^(?:trim|trimestre)\s*(i{1,3}|iv|[1-4])$/;
const SEMESTRE = /^(i{1,2}|[12]|primo|secondo)\s*(?:o\s*)?(sem|semestre)$/;
const SEMESTRE_AFTER = /^(?:sem|semestre)\s*(i{1,2}|[12])$/;
const LETTER = /[a-z]/;
const ONE_OR_TWO_DIGITS = /^\d{1,2}$/;

/** "I trim.", "1° trimestre", "primo trimestre", "trim. 2", "III trimestre 2023" → 1..4; semesters likewise. */
export function periodOf(text: string): { kind: "trimestri" | "semestri"; n: number } | null {
  const n = normLabel(text).replace(YEAR_WORD, "").trim();
  let m = TRIMESTRE.exec(n) ?? TRIMESTRE_AFTER.exec(n);
  if (m && !n.includes("quadrim")) return { kind: "trimestri", n: ROMAN[m[1]!]! };
  m = SEMESTRE.exec(n) ?? SEMESTRE_AFTER.exec(n);
  if (m) return { kind: "semestri", n: ROMAN[m[1]!]! };
  return null;
}

/** Months missing from the header (a typo, a merged cell) take the column between their neighbours. */
function fillMonthCols(months: number[]): number[] {
  const out = [...months];
  for (let i = 0; i < 12; i++) {
    if (out[i] !== -1) continue;
    const prev = i > 0 ? out[i - 1]! : -1;
    out[i] = prev >= 0 ? prev + 1 : (out[i + 1] ?? 1) - 1;
  }
  return out;
}

const headerMemo = new WeakMap<SheetView, Map<number, MonthHeader | null>>();

/**
 * The month header in row r, if the row is one. The blocks ask it of the same rows (the
 * cronoprogramma looks for it, the indicator tables stop at it): each row is looked at once.
 */
export function monthHeaderAt(view: SheetView, r: number, allowPeriods: boolean): MonthHeader | null {
  let memo = headerMemo.get(view);
  if (!memo) headerMemo.set(view, (memo = new Map()));
  const key = allowPeriods ? -1 - r : r;
  let hit = memo.get(key);
  if (hit === undefined) memo.set(key, (hit = findMonthHeader(view, r, allowPeriods)));
  return hit;
}

function findMonthHeader(view: SheetView, r: number, allowPeriods: boolean): MonthHeader | null {
  const cells = view.grid.rowCells(r);
  // Ten months need ten cells; quarters four and half-years two (only where periods are allowed).
  if (cells.length < (allowPeriods ? 2 : 10)) return null;
  // Names and dates.
  const months = new Array<number>(12).fill(-1);
  let count = 0;
  for (const [c, cell] of cells) {
    const m = monthOfCell(view, cell);
    if (m && months[m - 1] === -1) {
      months[m - 1] = c;
      count++;
    }
  }
  if (count >= 10) return { r, cols: fillMonthCols(months), style: "nomi" };

  // Letters and numbers, by position: twelve of them in order, left to right.
  const letters: Array<[number, string]> = [];
  const numbers: Array<[number, number]> = [];
  const periods: Array<[number, { kind: "trimestri" | "semestri"; n: number }]> = [];
  for (const [c, cell] of cells) {
    if (typeof cell.v === "string") {
      const t = cell.v.trim().toLowerCase();
      if (t.length === 1 && LETTER.test(t)) letters.push([c, t]);
      else if (ONE_OR_TWO_DIGITS.test(t)) numbers.push([c, Number(t)]);
      const p = allowPeriods && PERIOD_WORD.test(cell.v) ? periodOf(cell.v) : null;
      if (p) periods.push([c, p]);
    } else if (typeof cell.v === "number" && Number.isInteger(cell.v) && !isDateFormat(cell.fmt)) numbers.push([c, cell.v]);
  }
  const run = findRun(
    letters.map(([c, t]) => [c, LETTERS.indexOf(t) === -1 ? "?" : t]),
    (i, t) => t === LETTERS[i],
  );
  if (run) return { r, cols: run, style: "lettere" };
  const nums = findRun(numbers, (i, n) => n === i + 1);
  if (nums) return { r, cols: nums, style: "numeri" };
  if (allowPeriods) {
    const q = periods.filter(([, p]) => p.kind === "trimestri");
    if (q.length >= 4 && q.slice(0, 4).every(([, p], i) => p.n === i + 1)) {
      const cols = q.slice(0, 4).flatMap(([c]) => [c, c, c]);
      return { r, cols, style: "trimestri" };
    }
    const s = periods.filter(([, p]) => p.kind === "semestri");
    if (s.length >= 2 && s[0]![1].n === 1 && s[1]![1].n === 2) {
      const cols = s.slice(0, 2).flatMap(([c]) => [c, c, c, c, c, c]);
      return { r, cols, style: "semestri" };
    }
  }
  return null;
}

/** Twelve consecutive items (in column order) for which ok(position, value) holds. */
function findRun<T>(items: Array<[number, T]>, ok: (i: number, v: T) => boolean): number[] | null {
  for (let start = 0; start + 12 <= items.length; start++) {
    let good = true;
    for (let i = 0; i < 12 && good; i++) good = ok(i, items[start + i]![1]);
    if (good) return items.slice(start, start + 12).map(([c]) => c);
  }
  return null;
}
