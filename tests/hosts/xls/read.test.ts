import { readFileSync } from "node:fs";
import * as X from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { sniffFormat } from "../../../src/hosts/formats";
import { loadXlsGrid } from "../../../src/hosts/xls/read";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";

function biff8(): Uint8Array {
  const ws = X.utils.aoa_to_sheet([
    ["N.OBIETTIVO", null, 3],
    [0.25, new Date(Date.UTC(2023, 5, 30)), true],
  ]);
  ws["A2"]!.z = "0%";
  ws["B2"] = { t: "n", v: 45107, z: "dd/mm/yyyy" };
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
  const hidden = X.utils.aoa_to_sheet([["nascosto"]]);
  const wb = X.utils.book_new();
  X.utils.book_append_sheet(wb, ws, "Ob 1");
  X.utils.book_append_sheet(wb, hidden, "Vecchio");
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  return new Uint8Array(X.write(wb, { type: "array", bookType: "biff8" }) as ArrayBuffer);
}

describe("loadXlsGrid", async () => {
  const bytes = biff8();
  const grid = await loadXlsGrid(bytes, { fileName: "vecchio.xls" });
  const s = grid.sheets[0]!;

  it("is told apart by its bytes and read through loadWorkbookGrid", async () => {
    expect(sniffFormat(bytes)).toBe("xls");
    const { grid: g } = await loadWorkbookGrid(bytes, { fileName: "vecchio.xls" });
    expect(g.sheets.map((x) => [x.name, x.visibility])).toEqual([
      ["Ob 1", "visible"],
      ["Vecchio", "hidden"],
    ]);
  });

  it("gives values and formats as the xlsx reader does: percent fractions, dates as UTC days, merges", () => {
    expect(s.get(0, 0)).toEqual({ v: "N.OBIETTIVO" });
    expect(s.get(0, 2)).toEqual({ v: 3 });
    expect(s.get(1, 0)).toEqual({ v: 0.25, fmt: "0%" });
    expect(s.get(1, 1)).toEqual({ v: new Date(Date.UTC(2023, 5, 30)), fmt: "dd/mm/yyyy" });
    expect(s.get(1, 2)).toEqual({ v: true });
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 1 }]);
  });

  it("refuses a damaged .xls with an Italian message", async () => {
    const bad = bytes.slice(0, 1024);
    await expect(loadXlsGrid(bad, { fileName: "rotto.xls" })).rejects.toThrow(/rotto\.xls/);
  });

  it("is loaded only when an .xls is opened (no static import of SheetJS)", () => {
    const src = ["src/hosts/formats.ts", "src/hosts/xlsx/load.ts"].map((f) => readFileSync(f, "utf8")).join("\n");
    expect(src).not.toMatch(/^import[^\n]*(@e965\/xlsx|xls\/read)/m);
    expect(src).toContain('import("./xls/read")');
  });
});
