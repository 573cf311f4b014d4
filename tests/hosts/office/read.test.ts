import { describe, expect, it } from "vitest";
import { SheetGrid } from "../../../src/sheets/grid";
import { readWorkbook, readWorkbookGrid } from "../../../src/hosts/office/read";
import { isPegError } from "../../../src/domain/errors";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";
import { markAreas } from "../../../src/hosts/office/mark-areas";
import { benchWorkbook } from "../../../bench/workbooks";
import { asExcel, caps, capsUpTo, fake, schedaSheet, webCaps, workbook } from "./helpers";

describe("readWorkbookGrid", () => {
  it("reads values, formats, fills, formulas, errors and merges like the seed grid", async () => {
    const seed = workbook(1);
    const fx = fake(seed);
    const grid = await readWorkbookGrid(asExcel(fx.context()), { capabilities: caps });
    const s = grid.sheets[0]!;
    const orig = seed.sheets[0]!;
    expect(s.name).toBe("Ob 1");
    for (const [r, c, cell] of orig.cells()) {
      const got = s.get(r, c);
      expect(got, `cell ${r},${c}`).toBeDefined();
      expect(got!.v).toEqual(cell.error ? null : cell.v);
      expect(got!.fmt).toBe(cell.fmt);
      expect(got!.fill ?? null).toBe(cell.fill ?? null);
      expect(got!.formula).toBe(cell.formula);
      expect(got!.error).toBe(cell.error);
    }
    expect(s.cellCount).toBe(orig.cellCount);
    expect(s.merges).toEqual(orig.merges);
    // Fill-only marks are kept as cells with a fill and no value.
    expect(s.get(13, 2)).toEqual({ v: null, fill: "#A9D08E" });
    // Merged label cells resolve through the grid.
    expect(s.visible(2, 4)?.v).toBe("Obiettivo 1");
  });

  it.each([1, 10, 50, 200])("reads %i schede in 2 syncs", async (n) => {
    const fx = fake(workbook(n));
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: caps });
    expect(r.grid.sheets).toHaveLength(n);
    expect(r.syncs).toBe(2);
    expect(fx.state.syncCount).toBe(2);
    expect(r.grid.sheets[n - 1]!.get(2, 0)?.v).toBe(`1.06.${String(n).padStart(2, "0")}`);
  });

  it("keeps visibility and protection, and text that starts with = is not a formula", async () => {
    const g = new SheetGrid("Nascosto", "hidden");
    g.set(0, 0, { v: '=HYPERLINK("http://x")' });
    const fx = fake({ sheets: [schedaSheet("Ob 1"), g] }, { protectedSheets: ["Ob 1"] });
    // Seed the text as typed with an apostrophe (the fake stores text, not a formula).
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: caps });
    expect(r.sheets.map((s) => [s.name, s.visibility, s.protetto])).toEqual([
      ["Ob 1", "visible", true],
      ["Nascosto", "hidden", false],
    ]);
    expect(r.grid.sheets[1]!.visibility).toBe("hidden");
    expect(r.grid.sheets[1]!.get(0, 0)).toEqual({ v: '=HYPERLINK("http://x")' });
  });

  it("clips a stray value at XFD1048576 to the bound and says so", async () => {
    const g = schedaSheet("Ob 1");
    g.set(1_048_575, 16_383, { v: "lontano" });
    const fx = fake({ sheets: [g] });
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: caps });
    expect(r.syncs).toBe(2);
    expect(r.sheets[0]!.tagliato).toBe(true);
    expect(r.avvisi.join(" ")).toMatch(/oltre l'area letta \(A1:AZ1000; area usata A2:XFD1048576\)/);
    expect(r.grid.sheets[0]!.get(1_048_575, 16_383)).toBeUndefined();
    expect(r.grid.sheets[0]!.get(2, 0)?.v).toBe("1.06.01");
    // The request stayed small: the bound, not a billion cells.
    expect(Math.max(...fx.state.payloads.map((p) => p.response))).toBeLessThan(5_000_000);
  });

  it("reads an empty sheet as an empty grid", async () => {
    const fx = fake({ sheets: [new SheetGrid("Vuoto")] });
    const grid = await readWorkbookGrid(asExcel(fx.context()), { capabilities: caps });
    expect(grid.sheets[0]!.cellCount).toBe(0);
  });

  it("without ExcelApi 1.13 reads no merges, warns, and still takes 2 syncs", async () => {
    const fx = fake(workbook(3), { excelApi: "1.12" });
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: capsUpTo("1.12") });
    expect(r.syncs).toBe(2);
    expect(r.grid.sheets[0]!.merges).toEqual([]);
    expect(r.avvisi.join(" ")).toMatch(/celle unite.*ExcelApi 1\.13/);
  });

  it("refuses Excel below ExcelApi 1.9 with an Italian message and no sync", async () => {
    const fx = fake(workbook(1), { excelApi: "1.8" });
    const err = await readWorkbook(asExcel(fx.context()), { capabilities: capsUpTo("1.8") }).catch((e) => e);
    expect(isPegError(err)).toBe(true);
    expect(err.message).toMatch(/ExcelApi 1\.9/);
    expect(fx.state.syncCount).toBe(0);
  });

  it("says to leave cell edit mode", async () => {
    const fx = fake(workbook(1));
    fx.state.cellEditMode = true;
    const err = await readWorkbook(asExcel(fx.context()), { capabilities: caps }).catch((e) => e);
    expect(isPegError(err)).toBe(true);
    expect(err.message).toMatch(/Premere Invio o Esc/);
  });

  it("turns a generic host error into an Italian message with its code", async () => {
    const fx = fake(workbook(1));
    fx.state.injectError("GeneralException");
    const err = await readWorkbook(asExcel(fx.context()), { capabilities: caps }).catch((e) => e);
    expect(isPegError(err)).toBe(true);
    expect(err.message).toMatch(/Excel non ha completato l'operazione \(GeneralException\)/);
  });

  it("falls back to reading in groups when the web's response limit is hit, with the same grid", async () => {
    const seed = workbook(12);
    const full = await readWorkbookGrid(asExcel(fake(seed).context()), { capabilities: caps });
    const fx = fake(seed, { responseLimitBytes: 60_000 });
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: caps, groupBudgetBytes: 50_000 });
    expect(r.syncs).toBeGreaterThan(3);
    expect(r.avvisi.join(" ")).toMatch(/divisa in più passaggi/);
    expect(r.grid.sheets.map((s) => [...s.cells()])).toEqual(full.sheets.map((s) => [...s.cells()]));
  });
});

/** The audit's defects in the read path (issue 10): each test failed before the fix. */
describe("readWorkbook as Excel really behaves", () => {
  it("reads a sheet with more than 512 merged areas (in chunks under the limit)", async () => {
    const g = schedaSheet("Ob 1");
    for (let r = 40; r < 640; r++) g.addMerge({ r1: r, c1: 8, r2: r, c2: 9 });
    const fx = fake({ sheets: [g] });
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: caps });
    expect(r.grid.sheets[0]!.merges).toEqual(g.merges);
    // The single call fails; the read is then planned from the sizes (1 more sync) in bands.
    expect(r.syncs).toBe(4);
    expect(fx.state.syncCount).toBe(4);
  });

  it("reads a multi-area selection (Ctrl+click months) through getSelectedRanges", async () => {
    const fx = fake(workbook(1), { selection: "'Ob 1'!C13,E13:F13" });
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: caps, withSelection: true });
    expect(r.selezione).toEqual({ foglio: "Ob 1", range: "C13,E13:F13" });
    expect(r.syncs).toBe(2);
  });

  it.each([1, 10, 50, 200])("on Excel on the web reads %i schede in at most 3 syncs under the 5 MB response limit", async (n) => {
    const { grid } = await loadWorkbookGrid(await benchWorkbook(n), { fileName: `bench-${n}.xlsx` });
    const fx = fake(grid, { platform: "web" });
    const r = await readWorkbook(asExcel(fx.context()), { capabilities: webCaps, markAreas });
    expect(r.syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...fx.state.payloads.map((p) => p.response))).toBeLessThanOrEqual(5_000_000);
    // The marks are read: every cronoprogramma fill of the source is in the grid.
    const src = grid.sheets[1]!;
    const got = r.grid.sheets[1]!;
    for (const [row, col, cell] of src.cells())
      if (cell.fill && markAreas(src).some((a) => row >= a.r1 && row <= a.r2 && col >= a.c1 && col <= a.c2))
        expect(got.get(row, col)?.fill).toBe(cell.fill);
  });
});

describe("readWorkbook on Excel on the web, fills", () => {
  it("reads the fills of the highlight cells it is given beside the cronoprogramma's, and no others", async () => {
    const seed = workbook(2);
    seed.sheets[0]!.set(39, 7, { v: null, fill: "#FF9999" });
    seed.sheets[0]!.set(45, 7, { v: null, fill: "#00FF00" });
    const fx = fake(seed, { platform: "web" });
    const r = await readWorkbook(asExcel(fx.context()), {
      capabilities: webCaps,
      markAreas,
      fillCells: [
        { foglio: "Ob 1", cella: "H40" },
        { foglio: "Ob 1", cella: "non è una cella" },
      ],
    });
    expect(r.syncs).toBe(3);
    expect(r.grid.sheets[0]!.get(39, 7)?.fill).toBe("#FF9999");
    expect(r.grid.sheets[0]!.get(45, 7)).toBeUndefined();
    expect(r.grid.sheets[0]!.get(12, 2)?.fill).toBe("#9DC3E6"); // a mark
  });
});
