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

/** A cell as loaded (values, formulas, numberFormat, fill props) → snapshot for undo. */
export function snapshotOf(
  value: unknown,
  formula: unknown,
  numberFormat: unknown,
  fill: { color?: string; pattern?: string } | undefined,
): CellSnapshot {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  const snap: CellSnapshot = {
    value: value === "" || value === undefined || value === null ? null : (value as CellScalar),
    fill: fill && fill.pattern !== "None" && fill.color ? fill.color.toUpperCase() : null,
  };
  if (isFormula) snap.formula = (formula as string).slice(1);
  if (typeof numberFormat === "string" && numberFormat !== "General") snap.fmt = numberFormat;
  return snap;
}

/** Rough JSON bytes of a value in a request (for the 5 MB payload estimate). */
export function jsonBytes(x: unknown): number {
  return (JSON.stringify(x) ?? "").length;
}
