import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadWorkbookGrid, renderSheetSpec, workbookFromSpecs } from "../../../src/hosts/xlsx";
import type { SheetSpec } from "../../../src/sheets/sheet-spec";
import { newWorkbook, reload } from "./build";

const tricky = ['=HYPERLINK("http://x","y")', "+39 02 1234", "-8", "@SOMMA(A1)", "=1+1"];

const spec: SheetSpec = {
  name: "Riepilogo: 2023/24?", // characters Excel forbids in a sheet name
  cells: [
    {
      r: 0,
      c: 0,
      v: "Obiettivo",
      style: {
        bold: true,
        fill: "#1F4E79",
        color: "#FFFFFF",
        border: true,
        hAlign: "center",
        vAlign: "middle",
      },
    },
    {
      r: 0,
      c: 1,
      v: "Grado",
      style: { bold: true, italic: true, fontSize: 12, wrap: true },
    },
    { r: 1, c: 0, v: "1.06.01" },
    { r: 1, c: 1, v: 0.95, style: { fmt: "0%" } },
    { r: 2, c: 0, v: "1.06.02" },
    { r: 2, c: 1, v: 0.5, style: { fmt: "0%" } },
    { r: 3, c: 0, v: "1.06.03" },
    { r: 3, c: 1, v: null },
    { r: 4, c: 0, v: new Date(Date.UTC(2023, 11, 31)) },
    { r: 4, c: 1, v: true },
    ...tricky.map((v, i) => ({ r: 6 + i, c: 0, v })),
  ],
  merges: [{ r1: 12, c1: 0, r2: 12, c2: 2 }],
  widths: [30, 12],
  freeze: { rows: 1, cols: 1 },
  filter: { r1: 0, c1: 0, r2: 3, c2: 1 },
  validations: [{ r1: 1, c1: 2, r2: 3, c2: 2, list: ["OK", "KO", 'parz. "sì", no'] }],
  print: { landscape: true, fitToWidth: true },
  chart: {
    kind: "bar",
    title: "Grado per obiettivo",
    categoriesCol: 0,
    valuesCol: 1,
    firstRow: 1,
    lastRow: 3,
    anchorRow: 0,
    anchorCol: 4,
  },
};

describe("workbookFromSpecs / renderSheetSpec", () => {
  it("lays out values, styles, merges, widths, panes, filter, validations and print set-up", async () => {
    const wb = await reload(await workbookFromSpecs([spec, { name: "riepilogo  2023 24 ", cells: [] }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Riepilogo  2023 24", "riepilogo  2023 24 (2)"]);
    const ws = wb.worksheets[0]!;
    const a1 = ws.getCell("A1");
    expect(a1.value).toBe("Obiettivo");
    expect(a1.font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(a1.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FF1F4E79" },
    });
    expect(a1.border).toMatchObject({
      top: { style: "thin" },
      left: { style: "thin" },
      bottom: { style: "thin" },
      right: { style: "thin" },
    });
    expect(a1.alignment).toMatchObject({
      horizontal: "center",
      vertical: "middle",
    });
    expect(ws.getCell("B1").font).toMatchObject({ italic: true, size: 12 });
    expect(ws.getCell("B1").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("B2").value).toBe(0.95);
    expect(ws.getCell("B2").numFmt).toBe("0%");
    expect(ws.getCell("B4").value).toBeNull();
    expect((ws.getCell("A5").value as Date).toISOString()).toBe("2023-12-31T00:00:00.000Z");
    expect(ws.getCell("A5").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B5").value).toBe(true);
    expect((ws.model as { merges: string[] }).merges).toEqual(["A13:C13"]);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.views[0]).toMatchObject({
      state: "frozen",
      xSplit: 1,
      ySplit: 1,
    });
    expect(ws.autoFilter).toBe("A1:B4");
    expect(ws.getCell("C2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"OK,KO,parz. ""sì""  no"'],
    });
    expect(ws.getCell("C4").dataValidation).toMatchObject({ type: "list" });
    expect(ws.getCell("C5").dataValidation).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  it("writes text that looks like a formula as text, never as a formula", async () => {
    const bytes = await workbookFromSpecs([spec]);
    const ws = (await reload(bytes)).worksheets[0]!;
    tricky.forEach((t, i) => {
      const cell = ws.getCell(7 + i, 1);
      expect(cell.value).toBe(t);
      expect(cell.type).toBe(3); // ExcelJS ValueType.String
      expect(cell.formula).toBeUndefined();
    });
    // The raw sheet XML holds no <f> element for them.
    const grid = (await loadWorkbookGrid(bytes)).grid.sheets[0]!;
    tricky.forEach((t, i) => expect(grid.get(6 + i, 0)).toEqual({ v: t }));
  });

  it("draws the chart as a real DrawingML bar chart beside the table, with its values cached (no in-cell bars)", async () => {
    const bytes = await workbookFromSpecs([spec]);
    const files = unzipSync(bytes);
    const chart = strFromU8(files["xl/charts/chart1.xml"]!);
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain("<a:t>Grado per obiettivo</a:t>");
    expect(chart).toContain("<c:f>'Riepilogo  2023 24'!$A$2:$A$4</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>1.06.01</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="1"><c:v>0.5</c:v></c:pt>');
    expect(strFromU8(files["xl/drawings/drawing1.xml"]!)).toContain("<xdr:col>4</xdr:col>");
    expect(strFromU8(files["xl/worksheets/_rels/sheet1.xml.rels"]!)).toContain("../drawings/drawing1.xml");
    expect(strFromU8(files["xl/worksheets/sheet1.xml"]!)).toMatch(/<drawing r:id="[^"]+"\/><\/worksheet>$/);
    expect(strFromU8(files["[Content_Types].xml"]!)).toContain('PartName="/xl/charts/chart1.xml"');
    const ws = (await reload(bytes)).worksheets[0]!;
    expect(ws.getCell("E1").value).toBeNull();
    expect(ws.getCell("F2").formula).toBeUndefined();
  });

  it("renders into a worksheet of an existing workbook", () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet("S");
    renderSheetSpec(ws, {
      name: "S",
      cells: [{ r: 2, c: 3, v: "=SOMMA(1)", style: { fill: "#00FF00" } }],
    });
    expect(ws.getCell("D3").value).toBe("=SOMMA(1)");
    expect(ws.getCell("D3").fill).toMatchObject({
      fgColor: { argb: "FF00FF00" },
    });
  });
});
