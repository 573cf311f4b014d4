import JSZip from "jszip"; // ExcelJS's own zip library: adds a chart part to a workbook built here
import { describe, expect, it } from "vitest";
import { applyPlanToCopy, copyLossWarning, loadWorkbookGrid, partsLostOnCopy } from "../../../src/hosts/xlsx";
import { newWorkbook, reload, toBytes } from "./build";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** A workbook with a picture and a bar chart on the same drawing, as Excel lays them out. */
async function withChart(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Ob 1");
  ws.getCell("A1").value = "Grado";
  ws.getCell("B1").value = 0.9;
  ws.addImage(wb.addImage({ buffer: PNG as never, extension: "png" }), "D2:E4");
  const zip = await JSZip.loadAsync(await toBytes(wb));
  const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
  const rels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string");
  const frame =
    "<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
    "<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Grafico 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdC1"/>' +
    "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>";
  zip.file("xl/drawings/drawing1.xml", drawing.replace("</xdr:wsDr>", `${frame}</xdr:wsDr>`));
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    ),
  );
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/></c:barChart></c:plotArea></c:chart></c:chartSpace>',
  );
  return zip.generateAsync({ type: "uint8array" });
}

describe("parts ExcelJS cannot carry into a copy", () => {
  it("a workbook with a chart still loads and its copy is written, without the chart", async () => {
    const bytes = await withChart();
    expect(partsLostOnCopy(bytes)).toEqual(["grafici"]);
    expect(copyLossWarning(bytes)).toMatch(/la copia scritta fuori da Excel non conterrà grafici .*originale resta intatto/);
    expect((await loadWorkbookGrid(bytes)).grid.sheets[0]!.get(0, 1)?.v).toBe(0.9);
    const out = await applyPlanToCopy(bytes, { writes: [], newSheets: [] });
    const names = Object.keys((await JSZip.loadAsync(out)).files);
    expect(names.some((n) => n.startsWith("xl/charts/"))).toBe(false);
    expect(names).toContain("xl/media/image1.png");
    expect((await reload(out)).worksheets[0]!.getImages()).toHaveLength(1);
  });

  it("names nothing for a workbook ExcelJS carries whole", async () => {
    const wb = newWorkbook();
    wb.addWorksheet("Ob 1").getCell("A1").value = "x";
    const bytes = await toBytes(wb);
    expect(partsLostOnCopy(bytes)).toEqual([]);
    expect(copyLossWarning(bytes)).toBeNull();
  });

  it("recognises macros, pivot tables and links to other workbooks by their parts", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/vbaProject.bin", "\u0000");
    zip.file("xl/pivotTables/pivotTable1.xml", "<x/>");
    zip.file("xl/externalLinks/externalLink1.xml", "<x/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(partsLostOnCopy(bytes)).toEqual(["tabelle pivot", "macro (VBA)", "collegamenti ad altre cartelle di lavoro"]);
  });
});
