/**
 * How text is written into any workbook this project produces (the annotated copy and the new
 * riepilogo / modello workbooks): always as a text cell, never as a formula; with Excel's text
 * prefix (the style's quotePrefix, the apostrophe of the formula bar) when retyping it, F2 then
 * Enter, would turn it into something else; and cut to Excel's limit of 32,767 characters.
 */
import { a1 } from "../../../sheets/grid";
import type { SheetSpec } from "../../../sheets/sheet-spec";
import type { WritePlan } from "../../../sheets/write-plan";
import { fileErrors } from "../../../strings/it";

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

// Excel starts a formula at "=", "+", "-" or "@" (their full-width forms too, under East Asian
// input); a tab or line break in front is kept by Excel, so the check is on the first character.
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
// Text that Excel would read back as a number, a percentage or a date when retyped.
const NUMBER_LIKE = /^\s*[+-]?(\d[\d.,]*|[.,]\d+)(e[+-]?\d+)?\s*%?\s*$/i;
const DATE_LIKE = /^\s*\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\s*$/;

/** True when text must carry the text prefix to stay the same text after F2 + Enter in Excel. */
export function needsTextPrefix(s: string): boolean {
  // Numbers and dates are short: a length cap keeps the tests linear on any text.
  return FORMULA_START.test(s) || (s.length <= 40 && (NUMBER_LIKE.test(s) || DATE_LIKE.test(s)));
}

/** The text as a cell can hold it: at most 32,767 characters (a surrogate pair is never split). */
export function cellText(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  let end = MAX_CELL_CHARS;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end);
}

/** One Italian note per text of the plan (writes and new sheets) that will be cut. */
export function cutTextNotes(plan: WritePlan): string[] {
  const notes: string[] = [];
  for (const w of plan.writes) {
    if (typeof w.value === "string" && w.value.length > MAX_CELL_CHARS) notes.push(fileErrors.textCut(w.foglio, w.cella, w.value.length));
  }
  for (const spec of plan.newSheets) notes.push(...specCutNotes(spec));
  return notes;
}

/** Notes for the texts of a new sheet that will be cut. */
export function specCutNotes(spec: SheetSpec): string[] {
  const notes: string[] = [];
  for (const sc of spec.cells) {
    if (typeof sc.v === "string" && sc.v.length > MAX_CELL_CHARS) notes.push(fileErrors.textCut(spec.name, a1(sc.r, sc.c), sc.v.length));
  }
  return notes;
}
