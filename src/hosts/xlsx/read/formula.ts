/**
 * A shared formula's text at another cell: the master's formula with its relative references
 * moved by the offset between the two cells. The same rule as ExcelJS's slideFormula (so the
 * two readers agree), written as one linear scan: a formula of any length costs its length.
 */

const MAX_COL = 16_384;

function isLetter(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}
function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}
/** [a-z_\-0-9], case-insensitive: a sheet name before "!". */
function isSheetChar(ch: number): boolean {
  return isLetter(ch) || isDigit(ch) || ch === 95 || ch === 45;
}
/** [a-z0-9_$], case-insensitive: a reference candidate. */
function isRefChar(ch: number): boolean {
  return isLetter(ch) || isDigit(ch) || ch === 95 || ch === 36;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function colName(n: number): string {
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B7" → { row: 7, col: 2 } (1-based), or null. */
export function decodeAddress(a: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  while (i < a.length && isLetter(a.charCodeAt(i))) col = col * 26 + ((a.charCodeAt(i++) & ~32) - 64);
  if (i === 0 || i > 3) return null;
  let row = 0;
  const start = i;
  while (i < a.length && isDigit(a.charCodeAt(i))) row = row * 10 + (a.charCodeAt(i++) - 48);
  if (i === start || i !== a.length || i - start > 7) return null;
  return { row, col };
}

interface Ref {
  start: number;
  end: number;
  colDollar: boolean;
  col: number;
  rowDollar: boolean;
  row: number;
}

/** A reference candidate ("$B$7", "B7", "SUM") as a cell reference, or null when it is none. */
function parseRefPart(part: string, start: number): Ref | null {
  let i = 0;
  const colDollar = part.charCodeAt(0) === 36;
  if (colDollar) i++;
  const c0 = i;
  while (i < part.length && isLetter(part.charCodeAt(i))) i++;
  if (i === c0) return null;
  const colStr = part.slice(c0, i).toUpperCase();
  const rowDollar = part.charCodeAt(i) === 36;
  if (rowDollar) i++;
  const r0 = i;
  if (i >= part.length || part.charCodeAt(i) < 49 || part.charCodeAt(i) > 57) return null; // [1-9][0-9]*
  while (i < part.length && isDigit(part.charCodeAt(i))) i++;
  if (i !== part.length) return null;
  if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return null; // a name, not a column
  return { start, end: start + part.length, colDollar, col: colNumber(colStr), rowDollar, row: parseInt(part.slice(r0), 10) };
}

/** The cell references of a formula, found once: a master copied to many cells is scanned once. */
function findRefs(formula: string): Ref[] {
  const n = formula.length;
  // Run lengths from each position, computed once from the right: every step below is O(1).
  const sheetRun = new Int32Array(n + 1);
  const refRun = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const ch = formula.charCodeAt(i);
    sheetRun[i] = isSheetChar(ch) ? sheetRun[i + 1]! + 1 : 0;
    refRun[i] = isRefChar(ch) ? refRun[i + 1]! + 1 : 0;
  }
  const refs: Ref[] = [];
  let i = 0;
  while (i < n) {
    // (sheet!)? then a candidate of two or more characters, then an optional "(".
    let sheetEnd = -1;
    const s = sheetRun[i]!;
    if (formula.charCodeAt(i + s) === 33 && refRun[i + s + 1]! >= 2) sheetEnd = i + s + 1;
    const start = sheetEnd >= 0 ? sheetEnd : i;
    const len = refRun[start]!;
    if (len < 2) {
      i++;
      continue;
    }
    const end = start + len;
    const paren = formula.charCodeAt(end) === 40;
    if (!paren) {
      const ref = parseRefPart(formula.slice(start, end), start);
      if (ref) refs.push(ref);
    }
    i = paren ? end + 1 : end;
  }
  return refs;
}

/** A master formula written at `from`, ready to be read at any other cell. */
export function formulaSlider(formula: string, from: string): (to: string) => string {
  const a = decodeAddress(from);
  const refs = a ? findRefs(formula) : [];
  return (to: string): string => {
    const b = decodeAddress(to);
    if (!a || !b || refs.length === 0) return formula;
    const dRow = b.row - a.row;
    const dCol = b.col - a.col;
    let out = "";
    let last = 0;
    for (const r of refs) {
      const col = r.colDollar ? r.col : r.col + dCol;
      const row = r.rowDollar ? r.row : r.row + dRow;
      if (col < 1 || col > MAX_COL) continue;
      out += formula.slice(last, r.start) + (r.colDollar ? "$" : "") + colName(col) + (r.rowDollar ? "$" : "") + String(row);
      last = r.end;
    }
    return out + formula.slice(last);
  };
}

/** `formula` written at `from` ("B2"), as it reads at `to` ("B5"). */
export function slideFormula(formula: string, from: string, to: string): string {
  return formulaSlider(formula, from)(to);
}
