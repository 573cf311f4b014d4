/** The strict fake itself: if it were lenient, the host tests would prove nothing. */
import { describe, expect, it } from "vitest";
import { SheetGrid } from "../../../src/sheets/grid";
import { createFakeExcel, fakeWorkbookFromGrid, jsonSize, WEB_PAYLOAD_LIMIT } from "../../fakes/excel-fake";
import { asExcel } from "./helpers";

function fx() {
  const g = new SheetGrid("Foglio 1");
  g.set(0, 0, { v: "a", fill: "#FF0000" });
  g.set(1, 1, { v: 2, fmt: "0%" });
  return createFakeExcel(fakeWorkbookFromGrid({ sheets: [g] }, { protectedSheets: [] }));
}

describe("strict Excel fake", () => {
  it("throws PropertyNotLoaded for a property read before load + sync", async () => {
    const f = fx();
    const ctx = asExcel(f.context());
    const r = ctx.workbook.worksheets.getItem("Foglio 1").getRange("A1:B2");
    expect(() => r.values).toThrow(/not available.*call the load method/);
    r.load("values");
    expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
    await ctx.sync();
    expect(r.values).toEqual([
      ["a", ""],
      ["", 2],
    ]);
    expect(() => r.numberFormat).toThrow(/not available/);
    const props = r.getCellProperties({ format: { fill: { color: true } } });
    expect(() => props.value).toThrow(/not available/);
    await ctx.sync();
    expect(props.value[0]![0]).toEqual({ format: { fill: { color: "#FF0000" } } });
  });

  it("rejects members it does not model, so the host cannot rely on untested API", () => {
    const ctx = asExcel(fx().context());
    const r = ctx.workbook.worksheets.getItem("Foglio 1").getRange("A1");
    expect(() => (r as unknown as { hyperlink: unknown }).hyperlink).toThrow(/not modelled/);
    expect(() => ((r as unknown as { style: string }).style = "Good")).toThrow(/cannot set/);
  });

  it("queues writes until sync, counts syncs, and a failing batch keeps what ran before", async () => {
    const f = fx();
    const ctx = asExcel(f.context());
    const ws = ctx.workbook.worksheets.getItem("Foglio 1");
    ws.getRange("C1").values = [["x"]];
    expect(f.state.at("Foglio 1", "C1").value).toBe("");
    await ctx.sync();
    expect(f.state.at("Foglio 1", "C1").value).toBe("x");
    expect(f.state.syncCount).toBe(1);
    f.state.injectError("GeneralException", "boom", 1);
    ws.getRange("C2").values = [["y"]];
    ws.getRange("C3").values = [["z"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    expect(f.state.at("Foglio 1", "C2").value).toBe("y");
    expect(f.state.at("Foglio 1", "C3").value).toBe("");
  });

  it("models protection, edit mode, requirement sets and payload limits like Excel", async () => {
    const f = fx();
    f.state.sheet("Foglio 1")!.protected = true;
    const ctx = asExcel(f.context());
    ctx.workbook.worksheets.getItem("Foglio 1").getRange("A1").format.fill.color = "#00FF00";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    f.state.sheet("Foglio 1")!.protected = false;
    f.state.cellEditMode = true;
    ctx.workbook.worksheets.getItem("Foglio 1").getRange("A1").values = [["q"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(f.state.at("Foglio 1", "A1").value).toBe("a");
    f.state.cellEditMode = false;

    const old = createFakeExcel(fakeWorkbookFromGrid({ sheets: [new SheetGrid("S")] }, { excelApi: "1.8" }));
    const octx = asExcel(old.context());
    octx.workbook.worksheets
      .getItem("S")
      .getRange("A1")
      .getCellProperties({ format: { fill: { color: true } } });
    await expect(octx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });

    const small = createFakeExcel(fakeWorkbookFromGrid({ sheets: [new SheetGrid("S")] }, { requestLimitBytes: 500 }));
    const sctx = asExcel(small.context());
    sctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x".repeat(1000)]];
    await expect(sctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(small.state.at("S", "A1").value).toBe("");
  });

  it("parses typed text like Excel unless it has the apostrophe prefix or a Text format", async () => {
    const f = fx();
    const ctx = asExcel(f.context());
    const ws = ctx.workbook.worksheets.getItem("Foglio 1");
    ws.getRange("D1:D4").values = [["=A1"], ["12"], ["'=A1"], ["20%"]];
    ws.getRange("E1").numberFormat = [["@"]];
    ws.getRange("E1").values = [["=A1"]];
    await ctx.sync();
    expect(f.state.at("Foglio 1", "D1").formula).toBe("=A1");
    expect(f.state.at("Foglio 1", "D2").value).toBe(12);
    expect(f.state.at("Foglio 1", "D3")).toMatchObject({ value: "=A1", textPrefix: true });
    expect(f.state.at("Foglio 1", "D4")).toMatchObject({ value: 0.2, numberFormat: "0%" });
    expect(f.state.at("Foglio 1", "E1")).toMatchObject({ value: "=A1" });
    expect(f.state.at("Foglio 1", "E1").formula).toBeUndefined();
  });

  it("refuses a duplicate sheet name like Excel", async () => {
    const f = fx();
    const ctx = asExcel(f.context());
    ctx.workbook.worksheets.add("foglio 1");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});

/** Where the audit (issue 10) found the fake lenient: each point as the Office.js reference says. */
describe("strict Excel fake, honest where the audit found it lenient", () => {
  it("sheet protection: values go into unlocked cells only, formats only when allowed, structure never", async () => {
    const f = fx();
    const ctx = asExcel(f.context());
    const ws = ctx.workbook.worksheets.getItem("Foglio 1");
    ws.getRange("C1:C2").format.protection.locked = false;
    await ctx.sync();
    ws.protection.protect();
    await ctx.sync();
    const locked = ws.getRange("A1:C1").format.protection;
    locked.load("locked");
    const props = ws.getRange("B1:C1").getCellProperties({ format: { protection: true } });
    await ctx.sync();
    expect(locked.locked).toBeNull(); // a mix
    expect(props.value[0]!.map((p) => p.format?.protection?.locked)).toEqual([true, false]);
    ws.getRange("C1").values = [["scritto"]];
    await ctx.sync();
    expect(f.state.at("Foglio 1", "C1").value).toBe("scritto");
    ws.getRange("A1").values = [["no"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("C2").format.fill.color = "#00FF00";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("C1:C2").merge();
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    f.state.sheet("Foglio 1")!.allowFormatCells = true;
    ws.getRange("C2").format.fill.color = "#00FF00";
    await ctx.sync();
    expect(f.state.at("Foglio 1", "A1").value).toBe("a");
    expect(f.state.at("Foglio 1", "C2").fill).toBe("#00FF00");
  });

  it("recalculates dependents of a write, but not while calculation is suspended, until calculate()", async () => {
    const g = new SheetGrid("S");
    g.set(0, 0, { v: 2 });
    g.set(0, 1, { v: 4, formula: "A1*2" });
    g.set(0, 2, { v: 5, formula: "SUM(A1:B1)-1" });
    const f = createFakeExcel(fakeWorkbookFromGrid({ sheets: [g] }));
    const ctx = asExcel(f.context());
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [[10]];
    await ctx.sync();
    expect([f.state.at("S", "B1").value, f.state.at("S", "C1").value]).toEqual([20, 29]);
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    ws.getRange("A1").values = [[1]];
    await ctx.sync();
    expect([f.state.at("S", "B1").value, f.state.at("S", "C1").value]).toEqual([20, 29]);
    expect(f.state.stale.size).toBe(2);
    ctx.workbook.application.calculate("Recalculate");
    await ctx.sync();
    expect([f.state.at("S", "B1").value, f.state.at("S", "C1").value]).toEqual([2, 2]);
    expect(f.state.calculations).toEqual(["Recalculate"]);
  });

  it("getMergedAreasOrNullObject fails above 512 merged areas in one call", async () => {
    const g = new SheetGrid("S");
    for (let r = 0; r < 520; r++) g.addMerge({ r1: r, c1: 0, r2: r, c2: 1 });
    const f = createFakeExcel(fakeWorkbookFromGrid({ sheets: [g] }));
    const ctx = asExcel(f.context());
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1:B520").getMergedAreasOrNullObject().load("address");
    await expect(ctx.sync()).rejects.toThrow(/512/);
    const ok = ws.getRange("A1:B512").getMergedAreasOrNullObject();
    ok.load("areaCount");
    await ctx.sync();
    expect(ok.areaCount).toBe(512);
  });

  it("getSelectedRange throws InvalidSelection on a multi-area selection; getSelectedRanges reads it", async () => {
    const f = createFakeExcel(fakeWorkbookFromGrid({ sheets: [new SheetGrid("Ob 1")] }, { selection: "'Ob 1'!C13,E13:F13" }));
    const ctx = asExcel(f.context());
    ctx.workbook.getSelectedRange().load("address");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidSelection" });
    const areas = ctx.workbook.getSelectedRanges();
    areas.load("address,areaCount");
    await ctx.sync();
    expect(areas.address).toBe("'Ob 1'!C13,'Ob 1'!E13:F13");
    expect(areas.areaCount).toBe(2);
  });

  it("parses typed text in the workbook's Italian locale (decimal comma, day first), en-US on request", async () => {
    const f = fx();
    const ctx = asExcel(f.context());
    const ws = ctx.workbook.worksheets.getItem("Foglio 1");
    ws.getRange("F1:F6").values = [["12,5"], ["1.234,5"], ["03/02/2024"], ["1.06.01"], ["VERO"], ["12.5"]];
    await ctx.sync();
    expect(f.state.at("Foglio 1", "F1").value).toBe(12.5);
    expect(f.state.at("Foglio 1", "F2").value).toBe(1234.5);
    expect(f.state.at("Foglio 1", "F3")).toMatchObject({ value: 45325, numberFormat: "dd/mm/yyyy" }); // 3 febbraio 2024
    expect(f.state.at("Foglio 1", "F4").value).toBe("1.06.01");
    expect(f.state.at("Foglio 1", "F5").value).toBe(true);
    expect(f.state.at("Foglio 1", "F6").value).toBe("12.5"); // not a number in it-IT
    const us = createFakeExcel(fakeWorkbookFromGrid({ sheets: [new SheetGrid("S")] }, { locale: "en-US" }));
    const uctx = asExcel(us.context());
    uctx.workbook.worksheets.getItem("S").getRange("A1:A2").values = [["03/02/2024"], ["12,5"]];
    await uctx.sync();
    expect(us.state.at("S", "A1").value).toBe(45353); // 2 March
    expect(us.state.at("S", "A2").value).toBe("12,5"); // no decimal comma in en-US
  });

  it("measures payloads in UTF-8 bytes of the JSON, with the web's 5 MB limits", async () => {
    expect(jsonSize(["è€"])).toBe(2 + 2 + 2 + 3); // brackets, quotes, then 2 + 3 bytes
    const f = createFakeExcel(fakeWorkbookFromGrid({ sheets: [new SheetGrid("S")] }, { platform: "web" }));
    expect(f.state.options.requestLimitBytes).toBe(WEB_PAYLOAD_LIMIT);
    const ctx = asExcel(f.context());
    // 1.8 million characters, 5.4 million bytes.
    ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["€".repeat(1_800_000)]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(f.state.payloads.at(-1)!.request).toBeGreaterThan(5_400_000);
  });

  it("keeps a fill's pattern and pattern colour, and finds a sheet by its id after a rename", async () => {
    const f = fx();
    const ctx = asExcel(f.context());
    const ws = ctx.workbook.worksheets.getItem("Foglio 1");
    const fill = ws.getRange("A1").format.fill;
    fill.pattern = "LightUp";
    fill.patternColor = "#FF0000";
    ws.load("id");
    await ctx.sync();
    const p = ws.getRange("A1").getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
    await ctx.sync();
    expect(p.value[0]![0]!.format?.fill).toEqual({ color: "#FF0000", pattern: "LightUp", patternColor: "#FF0000" });
    f.state.rename("Foglio 1", "Altro");
    const byId = ctx.workbook.worksheets.getItem(ws.id);
    byId.load("name");
    await ctx.sync();
    expect(byId.name).toBe("Altro");
  });
});
