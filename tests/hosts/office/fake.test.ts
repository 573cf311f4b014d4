/** The strict fake itself: if it were lenient, the host tests would prove nothing. */
import { describe, expect, it } from "vitest";
import { SheetGrid } from "../../../src/sheets/grid";
import { createFakeExcel, fakeWorkbookFromGrid } from "../../fakes/excel-fake";
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
