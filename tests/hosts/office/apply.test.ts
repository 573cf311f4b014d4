import { describe, expect, it } from "vitest";
import { applyPlan, undo } from "../../../src/hosts/office/apply";
import { readWorkbook } from "../../../src/hosts/office/read";
import { isPegError } from "../../../src/domain/errors";
import type { CellWrite, WritePlan } from "../../../src/sheets/write-plan";
import type { SheetSpec } from "../../../src/sheets/sheet-spec";
import { asExcel, caps, fake, workbook } from "./helpers";
import type { FakeExcel } from "../../fakes/excel-fake";

function w(
  foglio: string,
  cella: string,
  change: Partial<CellWrite>,
  previous: CellWrite["previous"] = { value: null, fill: null },
): CellWrite {
  return { foglio, cella, kind: "esito", previous, conflict: false, ...change };
}

/** Every cell of every sheet, for before/after comparisons. */
function dump(fx: FakeExcel) {
  return fx.state.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()].sort(), merges: s.merges }));
}

describe("applyPlan", () => {
  it("writes values, formats and fills in one sync, suspending calculation and screen updating", async () => {
    const fx = fake(workbook(2));
    const plan: WritePlan = {
      writes: [
        w("Ob 1", "D32", { value: "PARZIALE" }, { value: "OK", fill: null }),
        w("Ob 2", "E40", { value: 0.75, fmt: "0%" }),
        w("Ob 1", "H40", { kind: "evidenziazione", fill: "#FF9999" }),
        w("Ob 1", "C14", { kind: "togliSegno", fill: null, value: null }, { value: null, fill: "#A9D08E" }),
      ],
      newSheets: [],
    };
    const rec = await applyPlan(asExcel(fx.context()), plan, { capabilities: caps });
    expect(fx.state.syncCount).toBe(1);
    expect(rec.syncs).toBe(1);
    expect(fx.state.calculationSuspensions).toBe(1);
    expect(fx.state.screenSuspensions).toBe(1);
    expect(fx.state.at("Ob 1", "D32").value).toBe("PARZIALE");
    expect(fx.state.at("Ob 2", "E40")).toMatchObject({ value: 0.75, numberFormat: "0%" });
    expect(fx.state.at("Ob 1", "H40")).toMatchObject({ value: "", fill: "#FF9999" });
    expect(fx.state.at("Ob 1", "C14").fill).toBeNull();
    expect(rec.cells.map((c) => c.previous)).toEqual([
      { value: "OK", fill: null },
      { value: null, fill: null },
      { value: null, fill: null },
      { value: null, fill: "#A9D08E" },
    ]);
    expect(rec.cambiateDopoLettura).toEqual([]);
  });

  it.each([1, 10, 50, 200])("applies a plan over %i schede in one sync", async (n) => {
    const fx = fake(workbook(n));
    const writes = [];
    for (let i = 1; i <= n; i++)
      writes.push(w(`Ob ${i}`, "D32", { value: "OK" }, { value: "OK", fill: null }), w(`Ob ${i}`, "E32", { value: 100 }));
    const rec = await applyPlan(asExcel(fx.context()), { writes, newSheets: [] }, { capabilities: caps });
    expect(rec.syncs).toBe(1);
    expect(fx.state.syncCount).toBe(1);
    expect(fx.state.at(`Ob ${n}`, "E32").value).toBe(100);
  });

  it("writes strings that look like formulas, numbers or dates as text", async () => {
    const fx = fake(workbook(1));
    const texts = ['=HYPERLINK("http://x","y")', "+39 02 123", "-8 giorni", "@utente", "1.06.01", "20,00", "30/06/2023", "'già apostrofo"];
    const plan: WritePlan = { writes: texts.map((t, i) => w("Ob 1", `H${50 + i}`, { value: t })), newSheets: [] };
    await applyPlan(asExcel(fx.context()), plan, { capabilities: caps });
    texts.forEach((t, i) => {
      const c = fx.state.at("Ob 1", `H${50 + i}`);
      expect(c.value).toBe(t);
      expect(c.formula).toBeUndefined();
    });
    // The fake does parse typed text: the same strings without the prefix would not stay text.
    const r = fx.context();
    asExcel(r).workbook.worksheets.getItem("Ob 1").getRange("J1").values = [['=HYPERLINK("http://x","y")']];
    asExcel(r).workbook.worksheets.getItem("Ob 1").getRange("J2").values = [["30/06/2023"]];
    await r.sync();
    expect(fx.state.at("Ob 1", "J1").formula).toBe('=HYPERLINK("http://x","y")');
    expect(typeof fx.state.at("Ob 1", "J2").value).toBe("number");
  });

  it("creates new sheets with free names, never replacing one, as text, with layout and chart", async () => {
    const fx = fake(workbook(1));
    fx.state.addSheet("Riepilogo");
    fx.state.addSheet("Riepilogo (2)");
    const spec: SheetSpec = {
      name: "Riepilogo",
      cells: [
        { r: 0, c: 0, v: "Titolo", style: { bold: true, fill: "#DDEBF7", border: true } },
        { r: 0, c: 1, v: "Grado", style: { bold: true, fill: "#DDEBF7", border: true } },
        { r: 1, c: 0, v: '=HYPERLINK("http://evil","clic")' },
        { r: 1, c: 1, v: 0.95, style: { fmt: "0%" } },
        { r: 2, c: 0, v: "Secondo" },
        { r: 2, c: 1, v: 0.4, style: { fmt: "0%" } },
        { r: 3, c: 0, v: new Date(Date.UTC(2023, 5, 30)) },
      ],
      merges: [{ r1: 5, c1: 0, r2: 5, c2: 3 }],
      widths: [30, 12],
      freeze: { rows: 1, cols: 0 },
      filter: { r1: 0, c1: 0, r2: 2, c2: 1 },
      validations: [{ r1: 1, c1: 2, r2: 2, c2: 2, list: ["OK", "PARZIALE"] }],
      chart: {
        kind: "bar",
        title: "Grado per obiettivo",
        categoriesCol: 0,
        valuesCol: 1,
        firstRow: 1,
        lastRow: 2,
        anchorRow: 1,
        anchorCol: 4,
      },
      print: { landscape: true, fitToWidth: true },
    };
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [], newSheets: [spec, { ...spec, chart: undefined }] },
      {
        capabilities: caps,
        existingSheetNames: ["Ob 1", "Riepilogo", "Riepilogo (2)"],
      },
    );
    expect(rec.syncs).toBe(1);
    expect(rec.createdSheets).toEqual(["Riepilogo (3)", "Riepilogo (4)"]);
    const s = fx.state.sheet("Riepilogo (3)")!;
    expect(fx.state.sheet("Riepilogo")!.cells.size).toBe(0); // untouched
    expect(fx.state.at("Riepilogo (3)", "A2")).toMatchObject({ value: '=HYPERLINK("http://evil","clic")' });
    expect(fx.state.at("Riepilogo (3)", "A2").formula).toBeUndefined();
    expect(fx.state.at("Riepilogo (3)", "B2")).toMatchObject({ value: 0.95, numberFormat: "0%" });
    expect(fx.state.at("Riepilogo (3)", "A4")).toMatchObject({ value: 45107, numberFormat: "dd/mm/yyyy" });
    expect(fx.state.at("Riepilogo (3)", "A1")).toMatchObject({ value: "Titolo", fill: "#DDEBF7", font: { bold: true }, border: true });
    expect(s.merges).toEqual([{ r1: 5, c1: 0, r2: 5, c2: 3 }]);
    expect(s.columnWidths.get(0)).toBeGreaterThan(s.columnWidths.get(1)!);
    expect(s.freeze).toEqual({ rows: 1, cols: 0 });
    expect(s.autoFilter).toBe("A1:B3");
    expect(s.validations).toEqual([{ address: "C2:C3", list: "OK,PARZIALE" }]);
    expect(s.charts).toEqual([
      {
        type: "BarClustered",
        source: "'Riepilogo (3)'!B2:B3",
        categories: "'Riepilogo (3)'!A2:A3",
        title: "Grado per obiettivo",
        anchor: "E2:L20",
      },
    ]);
    expect(s.orientation).toBe("Landscape");
    expect(s.fitToWidth).toBe(true);
  });

  it("writes a long table as a few stacked blocks, every cell in its place", async () => {
    const fx = fake(workbook(1));
    const cells: SheetSpec["cells"] = [];
    for (let r = 0; r < 1500; r++)
      for (let c = 0; c < 4; c++) cells.push({ r, c, v: c === 0 ? `Voce ${r}` : r * 10 + c, style: { border: true, wrap: c === 3 } });
    const heights = Object.fromEntries(Array.from({ length: 1500 }, (_, r) => [r, 30]));
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [], newSheets: [{ name: "Segnalazioni", cells, heights, widths: [20, 10, 10, 10] }] },
      { capabilities: caps, existingSheetNames: ["Ob 1"] },
    );
    expect(rec.syncs).toBe(1);
    expect(fx.state.at("Segnalazioni", "A1")).toMatchObject({ value: "Voce 0", border: true });
    expect(fx.state.at("Segnalazioni", "D1500")).toMatchObject({ value: 14993, border: true, wrap: true });
    expect(fx.state.at("Segnalazioni", "C750")).toMatchObject({ value: 7492, border: true });
    expect(fx.state.at("Segnalazioni", "C750").wrap).toBe(false);
    expect(fx.state.sheet("Segnalazioni")!.rowHeights.get(1499)).toBe(30);
    // Blocks, not a range per row: the request is about the size of the data.
    expect(fx.state.payloads[0]!.request).toBeLessThan(200_000);
  });

  it("lists the sheets itself (one more sync) when the caller did not pass their names", async () => {
    const fx = fake(workbook(1));
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [], newSheets: [{ name: "Ob 1", cells: [{ r: 0, c: 0, v: "x" }] }] },
      { capabilities: caps },
    );
    expect(rec.createdSheets).toEqual(["Ob 1 (2)"]);
    expect(rec.syncs).toBe(2);
  });

  it("refuses the locked cells of a sheet the read found protected, after one sync that checks them", async () => {
    const fx = fake(workbook(2), { protectedSheets: ["Ob 2"] });
    const before = dump(fx);
    const err = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Ob 1", "D32", { value: "X" }), w("Ob 2", "D32", { value: "X" })], newSheets: [] },
      {
        capabilities: caps,
        protectedSheets: ["Ob 2"],
      },
    ).catch((e) => e);
    expect(isPegError(err)).toBe(true);
    expect(err.message).toMatch(
      /«Ob 2» è protetto e queste celle sono bloccate: D32.*rimuovere la protezione.*Nessuna cella è stata modificata/,
    );
    expect(fx.state.syncCount).toBe(1);
    expect(dump(fx)).toEqual(before);
  });

  it("rolls back when Excel refuses a protected sheet mid-batch: nothing half-written", async () => {
    const fx = fake(workbook(2), { protectedSheets: ["Ob 2"] });
    const read = await readWorkbook(asExcel(fx.context()), { capabilities: caps });
    const before = dump(fx);
    const g1 = read.grid.sheets[0]!;
    const plan: WritePlan = {
      writes: [
        w("Ob 1", "D32", { value: "NON RAGGIUNTO", fill: "#FF9999" }, { value: g1.get(31, 3)!.v, fill: null }),
        w("Ob 1", "C13", { fill: null }, { value: "X", fill: "#9DC3E6" }),
        w("Ob 2", "D32", { value: "NON RAGGIUNTO" }, { value: "OK", fill: null }),
      ],
      newSheets: [{ name: "Nuova", cells: [{ r: 0, c: 0, v: "x" }] }],
    };
    // The caller did not know about the protection (stale read): Excel refuses at sync.
    const err = await applyPlan(asExcel(fx.context()), plan, { capabilities: caps, existingSheetNames: ["Ob 1", "Ob 2"] }).catch((e) => e);
    expect(isPegError(err)).toBe(true);
    expect(err.message).toMatch(/«Ob 2» è protetto/);
    expect(err.message).toMatch(/riportate com'erano/);
    expect(dump(fx)).toEqual(before);
    expect(fx.state.sheet("Nuova")).toBeUndefined();
  });

  it("rolls back after a generic host error in the middle of the batch", async () => {
    const fx = fake(workbook(1));
    const before = dump(fx);
    fx.state.injectError("GeneralException", "An internal error has occurred.", 6);
    const plan: WritePlan = {
      writes: [
        w("Ob 1", "D32", { value: "PARZIALE" }, { value: "OK", fill: null }),
        w("Ob 1", "E32", { value: 50 }),
        w("Ob 1", "F32", { value: 60 }),
      ],
      newSheets: [],
    };
    const err = await applyPlan(asExcel(fx.context()), plan, { capabilities: caps }).catch((e) => e);
    expect(err.message).toMatch(/GeneralException.*riportate com'erano/);
    expect(dump(fx)).toEqual(before);
  });

  it("in cell edit mode writes nothing and says how to get out", async () => {
    const fx = fake(workbook(1));
    const before = dump(fx);
    fx.state.cellEditMode = true;
    const err = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Ob 1", "D32", { value: "X" })], newSheets: [] },
      { capabilities: caps },
    ).catch((e) => e);
    expect(err.message).toMatch(/Premere Invio o Esc.*Nessuna cella è stata modificata/);
    expect(dump(fx)).toEqual(before);
    expect(fx.state.syncCount).toBe(1);
  });

  it("refuses on Excel below the core requirement set", async () => {
    const fx = fake(workbook(1));
    const err = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Ob 1", "D32", { value: "X" })], newSheets: [] },
      {
        capabilities: { supports: (s, v) => !(s === "ExcelApi" && v === "1.9") },
      },
    ).catch((e) => e);
    expect(err.message).toMatch(/ExcelApi 1\.9/);
    expect(fx.state.syncCount).toBe(0);
  });

  it("splits a plan above the payload limit, and rolls back the earlier chunks if a later one fails", async () => {
    const fx = fake(workbook(1), { requestLimitBytes: 20_000 });
    const writes = Array.from({ length: 60 }, (_, i) => w("Ob 1", `K${100 + i}`, { value: `testo ${i}` }));
    const rec = await applyPlan(asExcel(fx.context()), { writes, newSheets: [] }, { capabilities: caps, maxRequestBytes: 15_000 });
    expect(rec.syncs).toBeGreaterThan(1);
    expect(Math.max(...fx.state.payloads.map((p) => p.request))).toBeLessThanOrEqual(20_000);
    expect(fx.state.at("Ob 1", "K159").value).toBe("testo 59");

    // Fail the third chunk: the first two were committed and must be restored.
    const fxFail = fake(workbook(1));
    const beforeFail = dump(fxFail);
    let batches = 0;
    const run = fxFail.state.runBatch.bind(fxFail.state);
    fxFail.state.runBatch = (ops, size) => {
      if (++batches === 3) throw Object.assign(new Error("boom"), { code: "GeneralException" });
      run(ops, size);
    };
    const err = await applyPlan(
      asExcel(fxFail.context()),
      { writes, newSheets: [] },
      { capabilities: caps, maxRequestBytes: 15_000 },
    ).catch((e) => e);
    expect(err.message).toMatch(/riportate com'erano/);
    expect(dump(fxFail)).toEqual(beforeFail);
  });

  it("refuses a write to a sheet that no longer exists", async () => {
    const fx = fake(workbook(1));
    const err = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Sparito", "A1", { value: 1 })], newSheets: [] },
      {
        capabilities: caps,
        existingSheetNames: ["Ob 1"],
      },
    ).catch((e) => e);
    expect(err.message).toMatch(/«Sparito» non esiste più/);
    expect(fx.state.syncCount).toBe(0);
  });
});

describe("undo", () => {
  it("restores values, formulas, formats and fills exactly, and deletes only the sheets it created", async () => {
    const fx = fake(workbook(2));
    fx.state.addSheet("Riepilogo");
    const before = dump(fx);
    const plan: WritePlan = {
      writes: [
        w("Ob 1", "D32", { value: "PARZIALE", fill: "#FF9999" }, { value: "OK", fill: null }),
        w("Ob 1", "B33", { value: 0.5, fmt: "0.00" }, { value: 0.8, formula: "AVERAGE(B32:B32)", fmt: "0%", fill: null }),
        w("Ob 1", "C14", { fill: null, value: null }, { value: null, fill: "#A9D08E" }),
        w("Ob 2", "C32", { value: "=1+1" }, { value: 45107, fmt: "dd/mm/yyyy", fill: null }),
        w("Ob 2", "C33", { value: "ok" }),
        // The same cell twice: undo must end with the oldest state.
        w("Ob 2", "D32", { value: "A" }, { value: "OK", fill: null }),
        w("Ob 2", "D32", { value: "B" }, { value: "A", fill: null }),
      ],
      newSheets: [{ name: "Riepilogo", cells: [{ r: 0, c: 0, v: "x" }] }],
    };
    const rec = await applyPlan(asExcel(fx.context()), plan, { capabilities: caps, existingSheetNames: ["Ob 1", "Ob 2", "Riepilogo"] });
    expect(fx.state.at("Ob 1", "B33").formula).toBeUndefined();
    expect(fx.state.sheet("Riepilogo (2)")).toBeDefined();
    const n = fx.state.syncCount;
    const res = await undo(asExcel(fx.context()), rec);
    // The sheets, the cells as they are now, the restore.
    expect(fx.state.syncCount - n).toBe(3);
    expect(res.celle).toBe(7);
    expect(dump(fx)).toEqual(before);
    expect(fx.state.at("Ob 1", "B33")).toMatchObject({ formula: "=AVERAGE(B32:B32)", value: 0.8, numberFormat: "0%" });
  });

  it("keeps for undo a value the user typed between the read and the write", async () => {
    const fx = fake(workbook(1));
    const ctx = fx.context();
    asExcel(ctx).workbook.worksheets.getItem("Ob 1").getRange("D32").values = [["typed meanwhile"]];
    await ctx.sync();
    const before = dump(fx);
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Ob 1", "D32", { value: "OK" }, { value: "OK", fill: null })], newSheets: [] },
      { capabilities: caps },
    );
    expect(rec.cambiateDopoLettura).toEqual(["Ob 1!D32"]);
    await undo(asExcel(fx.context()), rec);
    expect(dump(fx)).toEqual(before);
  });

  it("still restores the rest when the user deleted a sheet it created", async () => {
    const fx = fake(workbook(1));
    const before = dump(fx);
    const rec = await applyPlan(
      asExcel(fx.context()),
      {
        writes: [w("Ob 1", "D32", { value: "X" }, { value: "OK", fill: null })],
        newSheets: [{ name: "Nuova", cells: [{ r: 0, c: 0, v: 1 }] }],
      },
      { capabilities: caps, existingSheetNames: ["Ob 1"] },
    );
    fx.state.sheets.splice(
      fx.state.sheets.findIndex((s) => s.name === "Nuova"),
      1,
    );
    const res = await undo(asExcel(fx.context()), rec);
    expect(res.syncs).toBe(3);
    expect(dump(fx)).toEqual(before);
  });

  it("on a sheet protected after the write, says so and changes nothing", async () => {
    const fx = fake(workbook(1));
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Ob 1", "D32", { value: "X" }, { value: "OK", fill: null })], newSheets: [] },
      { capabilities: caps },
    );
    fx.state.sheet("Ob 1")!.protected = true;
    const after = dump(fx);
    const err = await undo(asExcel(fx.context()), rec).catch((e) => e);
    expect(isPegError(err)).toBe(true);
    expect(err.message).toMatch(/«Ob 1» è protetto/);
    expect(dump(fx)).toEqual(after);
  });
});

/** The audit's defects in the write path (issue 10): each test failed before the fix. */
describe("applyPlan and undo as Excel really behaves", () => {
  it("recalculates after writing: a formula that depends on a written cell shows the new result", async () => {
    const g = workbook(1).sheets[0]!;
    g.set(40, 4, { v: 2, formula: 'IF(E40="OK",1,2)' });
    const fx = fake({ sheets: [g] });
    await applyPlan(asExcel(fx.context()), { writes: [w("Ob 1", "E40", { value: "OK" })], newSheets: [] }, { capabilities: caps });
    expect(fx.state.calculations).toEqual(["Recalculate"]);
    expect(fx.state.at("Ob 1", "E41").value).toBe(1);
    expect(fx.state.stale.size).toBe(0);
  });

  it("writes into the unlocked cells of a protected sheet, in the usual number of syncs", async () => {
    const fx = fake(workbook(2), { protectedSheets: ["Ob 2"] });
    for (const a of ["D32", "D33"])
      fx.state.sheet("Ob 2")!.cells.set(`${a === "D32" ? 31 : 32},3`, { ...fx.state.at("Ob 2", a), locked: false });
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Ob 2", "D32", { value: "PARZIALE" }, { value: "OK", fill: null }), w("Ob 2", "D33", { value: "OK" })], newSheets: [] },
      { capabilities: caps, protectedSheets: ["Ob 2"], existingSheetNames: ["Ob 1", "Ob 2"] },
    );
    expect(fx.state.at("Ob 2", "D32").value).toBe("PARZIALE");
    expect(fx.state.at("Ob 2", "D33").value).toBe("OK");
    expect(rec.syncs).toBe(2); // the locked check, then the write
  });

  it("refuses the locked cells of a protected sheet by name, writing nothing", async () => {
    const fx = fake(workbook(2), { protectedSheets: ["Ob 2"] });
    fx.state.sheet("Ob 2")!.cells.set("31,3", { ...fx.state.at("Ob 2", "D32"), locked: false });
    const before = dump(fx);
    const err = await applyPlan(
      asExcel(fx.context()),
      {
        writes: [
          w("Ob 1", "D32", { value: "X" }),
          w("Ob 2", "D32", { value: "PARZIALE" }, { value: "OK", fill: null }),
          w("Ob 2", "E32", { value: 1 }),
          w("Ob 2", "F32", { value: 2 }),
        ],
        newSheets: [],
      },
      { capabilities: caps, protectedSheets: ["Ob 2"], existingSheetNames: ["Ob 1", "Ob 2"] },
    ).catch((e) => e);
    expect(isPegError(err)).toBe(true);
    expect(err.message).toMatch(/«Ob 2».*bloccate.*E32, F32.*Nessuna cella è stata modificata/);
    expect(err.message).not.toMatch(/D32/);
    expect(dump(fx)).toEqual(before);
  });

  it("refuses fills on a protected sheet that does not allow formatting cells, and writes them when it does", async () => {
    const fx = fake(workbook(1), { protectedSheets: ["Ob 1"] });
    fx.state.sheet("Ob 1")!.cells.set("12,3", { ...fx.state.at("Ob 1", "D13"), locked: false });
    const plan: WritePlan = { writes: [w("Ob 1", "D13", { kind: "segno", value: "X", fill: "#9DC3E6" })], newSheets: [] };
    const opts = { capabilities: caps, protectedSheets: ["Ob 1"], existingSheetNames: ["Ob 1"] };
    const err = await applyPlan(asExcel(fx.context()), plan, opts).catch((e) => e);
    expect(err.message).toMatch(/«Ob 1».*formattare.*Nessuna cella è stata modificata/);
    expect(fx.state.at("Ob 1", "D13").value).toBe("");
    fx.state.sheet("Ob 1")!.allowFormatCells = true;
    await applyPlan(asExcel(fx.context()), plan, opts);
    expect(fx.state.at("Ob 1", "D13")).toMatchObject({ value: "X", fill: "#9DC3E6" });
  });

  it("estimates the request in UTF-8 bytes: accented text that fits in characters but not in bytes is split", async () => {
    const fx = fake(workbook(1), { platform: "web" });
    // 40 cells of 45,000 "è€" pairs: 3.6 million characters, 9 million bytes.
    const writes = Array.from({ length: 40 }, (_, i) => w("Ob 1", `K${100 + i}`, { value: "è€".repeat(45_000) }));
    const rec = await applyPlan(asExcel(fx.context()), { writes, newSheets: [] }, { capabilities: caps });
    expect(rec.syncs).toBeGreaterThan(1);
    expect(Math.max(...fx.state.payloads.map((p) => p.request))).toBeLessThanOrEqual(5_000_000);
    expect(fx.state.at("Ob 1", "K139").value).toBe("è€".repeat(45_000));
  });

  it("splits a single new sheet above the request limit by rows", async () => {
    const fx = fake(workbook(1), { platform: "web" });
    const cells: SheetSpec["cells"] = [];
    for (let r = 0; r < 3000; r++) cells.push({ r, c: 0, v: `riga ${r} ${"à".repeat(1000)}` }, { r, c: 1, v: r });
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [], newSheets: [{ name: "Grande", cells, merges: [{ r1: 0, c1: 2, r2: 0, c2: 3 }], freeze: { rows: 1, cols: 0 } }] },
      { capabilities: caps, existingSheetNames: ["Ob 1"] },
    );
    expect(rec.syncs).toBeGreaterThan(1);
    expect(rec.createdSheets).toEqual(["Grande"]);
    expect(fx.state.at("Grande", "A3000").value).toBe(`riga 2999 ${"à".repeat(1000)}`);
    expect(fx.state.at("Grande", "B1").value).toBe(0);
    expect(fx.state.sheet("Grande")!.merges).toEqual([{ r1: 0, c1: 2, r2: 0, c2: 3 }]);
    expect(fx.state.sheet("Grande")!.freeze).toEqual({ rows: 1, cols: 0 });
  });

  it("undo leaves a cell the user retyped after the write, and lists it", async () => {
    const fx = fake(workbook(1));
    const rec = await applyPlan(
      asExcel(fx.context()),
      {
        writes: [w("Ob 1", "D32", { value: "PARZIALE" }, { value: "OK", fill: null }), w("Ob 1", "E32", { value: 50 })],
        newSheets: [],
      },
      { capabilities: caps },
    );
    fx.state.userEdit("Ob 1", "D32", "il mio valore");
    const res = await undo(asExcel(fx.context()), rec);
    expect(fx.state.at("Ob 1", "D32").value).toBe("il mio valore");
    expect(fx.state.at("Ob 1", "E32").value).toBe("");
    expect(res.celle).toBe(1);
    expect(res.nonRipristinate).toEqual(["Ob 1!D32"]);
  });

  it("undo follows a renamed sheet (by id), and never deletes a user's sheet that took a created sheet's name", async () => {
    const fx = fake(workbook(1));
    const rec = await applyPlan(
      asExcel(fx.context()),
      {
        writes: [w("Ob 1", "D32", { value: "X" }, { value: "OK", fill: null })],
        newSheets: [{ name: "Riepilogo", cells: [{ r: 0, c: 0, v: 1 }] }],
      },
      { capabilities: caps, existingSheetNames: ["Ob 1"] },
    );
    fx.state.rename("Ob 1", "Obiettivo uno");
    fx.state.rename("Riepilogo", "Riepilogo vecchio");
    fx.state.addSheet("Riepilogo").cells.set("0,0", { value: "mio", numberFormat: "General", fill: null });
    const res = await undo(asExcel(fx.context()), rec);
    expect(fx.state.at("Obiettivo uno", "D32").value).toBe("OK");
    expect(fx.state.at("Riepilogo", "A1").value).toBe("mio");
    expect(fx.state.sheet("Riepilogo vecchio")).toBeUndefined();
    expect(res.nonRipristinate).toEqual([]);
  });

  it("rolling back a failed batch restores only the cells it wrote, not one the user typed meanwhile", async () => {
    const fx = fake(workbook(1));
    // The plan was made on a read where F32 was empty; the user typed into it since.
    fx.state.userEdit("Ob 1", "F32", "digitato dopo");
    const plan: WritePlan = {
      writes: [w("Ob 1", "E32", { value: 50 }), w("Ob 1", "F32", { value: 60 })],
      newSheets: [],
    };
    // Fail the batch right after the first write (before F32 is written).
    const run = fx.state.runBatch.bind(fx.state);
    let first = true;
    fx.state.runBatch = (ops, size) => {
      if (!first) return run(ops, size);
      first = false;
      const at = ops.findIndex(
        (op) =>
          op.writes &&
          typeof op.writes === "function" &&
          JSON.stringify((op.writes() as { rect?: unknown })?.rect) === JSON.stringify({ r1: 31, c1: 5, r2: 31, c2: 5 }),
      );
      run(ops.slice(0, at), () => 0);
      throw Object.assign(new Error("boom"), { code: "GeneralException" });
    };
    const err = await applyPlan(asExcel(fx.context()), plan, { capabilities: caps }).catch((e) => e);
    expect(err.message).toMatch(/riportate com'erano/);
    expect(fx.state.at("Ob 1", "E32").value).toBe("");
    expect(fx.state.at("Ob 1", "F32").value).toBe("digitato dopo");
  });

  it("undo restores a patterned fill exactly (pattern and both colours)", async () => {
    const fx = fake(workbook(1));
    fx.state
      .sheet("Ob 1")!
      .cells.set("39,7", { value: "", numberFormat: "General", fill: "#FFFF00", pattern: "LightUp", patternColor: "#FF0000" });
    const before = dump(fx);
    const rec = await applyPlan(
      asExcel(fx.context()),
      { writes: [w("Ob 1", "H40", { kind: "evidenziazione", fill: "#FF9999" }, { value: null, fill: "#FFFF00" })], newSheets: [] },
      { capabilities: caps },
    );
    expect(fx.state.at("Ob 1", "H40").pattern).toBeUndefined();
    await undo(asExcel(fx.context()), rec);
    expect(dump(fx)).toEqual(before);
  });
});
