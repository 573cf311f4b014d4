/**
 * Values crossing into Office.js. Writing `values` behaves like typing, so text is always written
 * with Excel's own text prefix (a leading apostrophe): "=HYPERLINK(…)" stays text, "1.06.01" does
 * not become a date, "20,00" does not become a number. The apostrophe is not part of the value
 * Excel stores or returns; it only marks the cell as text. See docs/OFFICE-HOST.md.
 */
import type { CellScalar } from "../../sheets/grid";
import type { CellSnapshot } from "../../sheets/write-plan";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A Date (its calendar day, read in UTC as the xlsx host gives it) → Excel serial number. */
export function dateToSerial(d: Date): number {
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - EXCEL_EPOCH) / 86_400_000);
}

export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

/** The value to put in `range.values` so that Excel stores exactly `v`. */
export function toExcelValue(v: CellScalar): string | number | boolean {
  if (v === null) return "";
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  return v;
}

/**
 * A cell as Office.js holds it, enough to restore it exactly: a fill that is not solid keeps its
 * pattern and the pattern's colour (a hatched cell must not come back solid).
 */
export interface OfficeSnapshot extends CellSnapshot {
  /** Excel.FillPattern when not "Solid" ("LightUp", "Gray50"…). */
  pattern?: string;
  patternColor?: string;
}

/** A cell as loaded (values, formulas, numberFormat, fill props) → snapshot for undo. */
export function snapshotOf(
  value: unknown,
  formula: unknown,
  numberFormat: unknown,
  fill: { color?: string; pattern?: string; patternColor?: string } | undefined,
): OfficeSnapshot {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  const snap: OfficeSnapshot = {
    value: value === "" || value === undefined || value === null ? null : (value as CellScalar),
    fill: fill && fill.pattern !== "None" && fill.color ? fill.color.toUpperCase() : null,
  };
  if (isFormula) snap.formula = (formula as string).slice(1);
  if (typeof numberFormat === "string" && numberFormat !== "General") snap.fmt = numberFormat;
  if (snap.fill && fill?.pattern && fill.pattern !== "Solid") {
    snap.pattern = fill.pattern;
    if (fill.patternColor) snap.patternColor = fill.patternColor.toUpperCase();
  }
  return snap;
}

/** A value as Excel stores it, for comparing what a cell holds with what was written. */
function stored(v: unknown): unknown {
  if (v instanceof Date) return dateToSerial(v);
  if (v === "" || v === undefined) return null;
  return v;
}

/**
 * True when `now` still shows what a write left (`after`): same value or formula, format and
 * fill. Only the aspects listed are compared (a rollback knows only what it meant to write).
 */
export function holds(
  now: OfficeSnapshot,
  after: OfficeSnapshot,
  aspects: ReadonlyArray<"value" | "fmt" | "fill"> = ["value", "fmt", "fill"],
): boolean {
  for (const a of aspects) {
    if (a === "value" && (stored(now.value) !== stored(after.value) || (now.formula ?? null) !== (after.formula ?? null))) return false;
    if (a === "fmt" && (now.fmt ?? "General") !== (after.fmt ?? "General")) return false;
    if (a === "fill" && ((now.fill ?? null) !== (after.fill ?? null) || (now.pattern ?? null) !== (after.pattern ?? null))) return false;
  }
  return true;
}

const utf8 = new TextEncoder();

/** JSON bytes of a value in a request, in UTF-8 as it travels ("è" is 2 bytes, "€" 3). */
export function jsonBytes(x: unknown): number {
  const json = JSON.stringify(x) ?? "";
  // Plain ASCII (most cells) is one byte a character: no need to encode.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7F]*$/.test(json) ? json.length : utf8.encode(json).length;
}

/** UTF-8 bytes of a string (a sheet name, a list of choices). */
export function textBytes(s: string): number {
  return jsonBytes(s) - 2;
}
