/** Seeds for the Office host tests: workbooks shaped like schede, built by code. */
import { MESI } from "../../../src/sheets/layout/labels";
import { SheetGrid, type WorkbookGrid } from "../../../src/sheets/grid";
import { ALL_CAPABILITIES, type Capabilities } from "../../../src/hosts/office/capabilities";
import { createFakeExcel, fakeWorkbookFromGrid, type FakeExcel, type FakeOptions, type FakeRequestContext } from "../../fakes/excel-fake";

/** A sheet that looks like a scheda: labels, a merged header, months with X and fill-only marks. */
export function schedaSheet(name: string, n = 1): SheetGrid {
  const g = new SheetGrid(name);
  g.set(1, 0, { v: "N.OBIETTIVO" });
  g.set(1, 1, { v: "TITOLO" });
  g.set(2, 0, { v: `1.06.${String(n).padStart(2, "0")}` });
  g.set(2, 1, { v: `Obiettivo ${n}` });
  g.addMerge({ r1: 2, c1: 1, r2: 2, c2: 6 });
  g.set(10, 0, { v: "CRONOPROGRAMMA" });
  MESI.forEach((m, i) => g.set(11, 2 + i, { v: m }));
  for (let f = 0; f < 7; f++) {
    g.set(12 + 2 * f, 0, { v: f + 1 });
    g.addMerge({ r1: 12 + 2 * f, c1: 0, r2: 13 + 2 * f, c2: 0 });
    g.set(12 + 2 * f, 1, { v: "previsto" });
    g.set(13 + 2 * f, 1, { v: "effettivo" });
    g.set(12 + 2 * f, 2 + f, { v: "X", fill: "#9DC3E6" });
    g.set(13 + 2 * f, 2 + f, { v: null, fill: "#A9D08E" });
  }
  g.set(30, 0, { v: "Indicatore" });
  g.set(30, 1, { v: "Performance attesa" });
  g.set(30, 2, { v: "Performance realizzata" });
  g.set(30, 3, { v: "Esito" });
  g.set(31, 0, { v: "Raggiungimento target" });
  g.set(31, 1, { v: 0.8, fmt: "0%" });
  g.set(31, 2, { v: 45107, fmt: "dd/mm/yyyy" });
  g.set(31, 3, { v: "OK" });
  g.set(32, 0, { v: "Media" });
  g.set(32, 1, { v: 0.8, fmt: "0%", formula: "AVERAGE(B32:B32)" });
  g.set(32, 2, { v: null, error: "#REF!", formula: "#REF!+1" });
  return g;
}

export function workbook(n: number): WorkbookGrid {
  const sheets = [];
  for (let i = 1; i <= n; i++) sheets.push(schedaSheet(`Ob ${i}`, i));
  return { sheets };
}

export function fake(grid: WorkbookGrid, opts: FakeOptions & { protectedSheets?: string[] } = {}): FakeExcel {
  return createFakeExcel(fakeWorkbookFromGrid(grid, opts));
}

/** The fake context typed as the real one: the host only sees Excel.RequestContext. */
export function asExcel(ctx: FakeRequestContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

export const caps: Capabilities = ALL_CAPABILITIES;
/** Excel on the web: every set, and the 5 MB payload limits. */
export const webCaps: Capabilities = { ...ALL_CAPABILITIES, web: true };
export function capsUpTo(excelApi: string): Capabilities {
  return {
    supports: (set, v) => {
      if (set !== "ExcelApi") return true;
      const [a = 0, b = 0] = excelApi.split(".").map(Number);
      const [c = 0, d = 0] = v.split(".").map(Number);
      return a > c || (a === c && b >= d);
    },
  };
}
