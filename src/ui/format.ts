/** How the pane prints values: Italian numbers and dates, and an explicit mark for empty cells. */
import type { CellScalar } from "../sheets/grid";

const num = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 });

export function formatPercent(v: number | null): string | null {
  return v === null ? null : `${num.format(v)} %`;
}

/** A cell value as a short text: dates as dd/mm/yyyy, numbers the Italian way. */
export function formatScalar(v: CellScalar | undefined, empty: string): string {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return empty;
  if (v instanceof Date) return formatDate(v);
  if (typeof v === "number") return num.format(v);
  if (typeof v === "boolean") return v ? "VERO" : "FALSO";
  return v;
}

export function formatDate(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** A report value (number, ISO date, SI/NO, text). */
export function formatValore(v: number | string | null): string {
  if (v === null) return "—";
  if (typeof v === "number") return num.format(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  return v;
}

export function formatTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
