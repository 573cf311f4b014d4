import { describe, expect, it } from "vitest";
import ExcelJS from "../../../src/hosts/xlsx/exceljs";
import { workbookFromSpecs } from "../../../src/hosts/xlsx/render";
import { consolidationSheets, PERCENT_FMT } from "../../../src/sheets/layout-consolidation";
import { EVIL, sample } from "./fixtures";

describe("consolidation sheets written by the xlsx host", () => {
  it("keeps text copied from the settori as text in the file, never a formula", async () => {
    const bytes = await workbookFromSpecs(consolidationSheets(sample()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Riepilogo",
      "Strategico",
      "Fasi in ritardo",
      "Personale",
      "Indicatori",
      "Performance ente",
      "Segnalazioni",
    ]);
    const hostile = new Set([EVIL, "@SUM(A1:A2)", "-1+2", "+Marina Comi", "@Mario Rossi", "-Fase in ritardo"]);
    let found = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && hostile.has(cell.value)) {
            found++;
            expect(cell.type, `${ws.name}!${cell.address}`).toBe(ExcelJS.ValueType.String);
            expect(cell.formula, `${ws.name}!${cell.address}`).toBeFalsy();
          }
          // The only formulas are the host's own in-cell bars on the Riepilogo.
          if (cell.type === ExcelJS.ValueType.Formula) {
            expect(ws.name).toBe("Riepilogo");
            expect(cell.formula).toMatch(/^IF\(AND\(ISNUMBER\(N\d+\)/);
          }
        }),
      );
    // titolo ×4, strategico, missione, two names in variants/detail, fase description
    expect(found).toBeGreaterThanOrEqual(9);
    const riepilogo = wb.getWorksheet("Riepilogo")!;
    expect(riepilogo.getCell("D4").value).toBe(EVIL);
    expect(riepilogo.getCell("N4").numFmt).toBe(PERCENT_FMT);
    expect(riepilogo.getCell("N4").value).toBe(0.5);
    expect(riepilogo.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(riepilogo.autoFilter).toBeTruthy();
  });
});
