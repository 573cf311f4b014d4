/**
 * The annotated copy of a legacy .xls is an .xlsx: BIFF8 cannot be patched in place, so the
 * workbook is rewritten from its grid (values, number formats, merges, fills) with the plan's
 * writes, through the SpreadsheetML writer; text stays text. Formulas (their values are kept),
 * charts, macros and column widths are not carried over: the user is told (formati.copiaXlsx).
 */
import { a1, isBlank, type SheetGrid } from "../../sheets/grid";
import type { SheetSpec, SpecCell } from "../../sheets/sheet-spec";
import type { CellWrite, WritePlan } from "../../sheets/write-plan";
import { writeSpecsWorkbook } from "../xlsx/spec-writer";
import { loadXlsGrid, type XlsLoadOptions } from "./read";

function specOf(sheet: SheetGrid, writes: Map<string, CellWrite>): SheetSpec {
  const cells: SpecCell[] = [];
  const seen = new Set<string>();
  const put = (r: number, c: number, v: SpecCell["v"], fmt: string | undefined, fill: string | null | undefined) => {
    const style = fmt || fill ? { ...(fmt ? { fmt } : {}), ...(fill ? { fill } : {}) } : undefined;
    cells.push({ r, c, v, ...(style ? { style } : {}) });
  };
  for (const [r, c, cell] of sheet.cells()) {
    const key = a1(r, c);
    seen.add(key);
    const w = writes.get(key);
    const v = w && w.value !== undefined ? w.value : cell.error ? cell.error : cell.v;
    put(
      r,
      c,
      isBlank(v) && !(typeof v === "string" && v !== "") ? null : v,
      w?.fmt ?? cell.fmt,
      w && w.fill !== undefined ? w.fill : cell.fill,
    );
  }
  for (const [key, w] of writes) {
    if (seen.has(key)) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(key)!;
    let c = 0;
    for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
    put(Number(m[2]) - 1, c - 1, w.value ?? null, w.fmt, w.fill);
  }
  return { name: sheet.name, cells, merges: sheet.merges.map((m) => ({ ...m })) };
}

export async function applyPlanToXlsCopy(bytes: Uint8Array, plan: WritePlan, opts: XlsLoadOptions = {}): Promise<Uint8Array> {
  const grid = await loadXlsGrid(bytes, opts);
  const bySheet = new Map<string, Map<string, CellWrite>>();
  for (const w of plan.writes) {
    let m = bySheet.get(w.foglio);
    if (!m) bySheet.set(w.foglio, (m = new Map()));
    m.set(w.cella.replace(/\$/g, "").toUpperCase(), w);
  }
  const specs = grid.sheets.map((s) => specOf(s, bySheet.get(s.name) ?? new Map()));
  return writeSpecsWorkbook([...specs, ...plan.newSheets]);
}
