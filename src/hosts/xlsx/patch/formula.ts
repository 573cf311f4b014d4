/**
 * Moves a formula by (dr, dc), as Excel does when it fills a shared formula from its master cell
 * into the other cells of the group: relative references move, $-anchored parts stay. Strings,
 * quoted sheet names and bracketed parts (tables, external books) are left alone.
 */
import { MAX_COLS, MAX_ROWS } from "../../../sheets/grid";

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c; // 1-based
}

function colName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const BEFORE_OK = /[^\w.$\]]/; // what may stand before a reference (or nothing)
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)(\d{1,7}):(\$?)(\d{1,7})/y;

export function shiftFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  let out = "";
  let i = 0;
  const n = f.length;
  const moveRow = (abs: string, r: number): string | null => {
    const v = abs ? r : r + dr;
    return v < 1 || v > MAX_ROWS ? null : `${abs}${v}`;
  };
  const moveCol = (abs: string, c: number): string | null => {
    const v = abs ? c : c + dc;
    return v < 1 || v > MAX_COLS ? null : `${abs}${colName(v)}`;
  };
  while (i < n) {
    const ch = f[i]!;
    if (ch === '"' || ch === "'") {
      // A string or a quoted sheet name: copied as it is, doubled quotes included.
      let j = i + 1;
      while (j < n) {
        if (f[j] === ch) {
          if (f[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (f[j] === "[") depth++;
        else if (f[j] === "]" && --depth === 0) break;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? f[i - 1]! : " ";
    if (BEFORE_OK.test(prev) || i === 0) {
      const hit = matchRef(f, i, moveRow, moveCol);
      if (hit) {
        out += hit.text;
        i = hit.end;
        continue;
      }
    }
    // Copy a whole name (function, defined name, number) so a reference is never found inside it.
    if (/[\w.]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(f[j]!)) j++;
      out += f.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function matchRef(
  f: string,
  i: number,
  moveRow: (abs: string, r: number) => string | null,
  moveCol: (abs: string, c: number) => string | null,
): { text: string; end: number } | null {
  const after = (end: number): boolean => end >= f.length || !/[\w.(!$:]/.test(f[end]!);
  COLS.lastIndex = i;
  let m = COLS.exec(f);
  if (m && after(COLS.lastIndex)) {
    const a = moveCol(m[1]!, colNumber(m[2]!));
    const b = moveCol(m[3]!, colNumber(m[4]!));
    if (colNumber(m[2]!) <= MAX_COLS && colNumber(m[4]!) <= MAX_COLS) return { text: a && b ? `${a}:${b}` : "#REF!", end: COLS.lastIndex };
  }
  ROWS.lastIndex = i;
  m = ROWS.exec(f);
  if (m && after(ROWS.lastIndex)) {
    const a = moveRow(m[1]!, Number(m[2]));
    const b = moveRow(m[3]!, Number(m[4]));
    return { text: a && b ? `${a}:${b}` : "#REF!", end: ROWS.lastIndex };
  }
  CELL.lastIndex = i;
  m = CELL.exec(f);
  // A cell may be followed by ":" (the start of a range), never by "(" (a function) or "!" (a sheet).
  if (m && (CELL.lastIndex >= f.length || !/[\w.(!$]/.test(f[CELL.lastIndex]!))) {
    const c = colNumber(m[2]!);
    const r = Number(m[4]);
    if (c > MAX_COLS || r < 1 || r > MAX_ROWS) return null;
    const col = moveCol(m[1]!, c);
    const row = moveRow(m[3]!, r);
    return { text: col && row ? `${col}${row}` : "#REF!", end: CELL.lastIndex };
  }
  return null;
}
