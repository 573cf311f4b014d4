import JSZip from "jszip"; // ExcelJS's own zip library: adds a row element as Excel writes it
import { describe, expect, it } from "vitest";
import { PegError } from "../../../src/domain/errors";
import { applyPlanToCopy, loadWorkbookGrid } from "../../../src/hosts/xlsx";
import type { CellWrite, WritePlan } from "../../../src/sheets/write-plan";
import { newWorkbook, reload, toBytes } from "./build";

// A 1×1 PNG, for the image that must survive.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** A scheda-like workbook carrying everything a user may have put in it. */
async function richWorkbook(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Ob 1", {
    views: [{ state: "frozen", xSplit: 1, ySplit: 2 }],
  });
  ws.getColumn(1).width = 42;
  ws.getColumn(2).width = 13.5;
  ws.getRow(3).height = 30;
  ws.getCell("A1").value = "OBIETTIVO DI STRUTTURA";
  ws.getCell("A1").font = { bold: true, size: 14, color: { argb: "FF1F4E79" } };
  ws.getCell("A1").alignment = { horizontal: "center", wrapText: true };
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = "Indicatore";
  ws.getCell("B2").value = "Esito";
  const yellow = {
    type: "pattern" as const,
    pattern: "solid" as const,
    fgColor: { argb: "FFFFFF00" },
  };
  const thin = { style: "thin" as const };
  for (let r = 3; r <= 6; r++) {
    ws.getCell(r, 1).value = `Indicatore ${r - 2}`;
    // Same look for every Esito cell: ExcelJS shares one style object among them after load.
    ws.getCell(r, 2).fill = yellow;
    ws.getCell(r, 2).border = {
      top: thin,
      left: thin,
      bottom: thin,
      right: thin,
    };
  }
  // A shared formula down the Esito column (master C3, clones C4:C6).
  ws.getCell("C3").value = {
    formula: 'A3&"!"',
    result: "Indicatore 1!",
    shareType: "shared",
    ref: "C3:C6",
  } as never;
  for (let r = 4; r <= 6; r++)
    ws.getCell(r, 3).value = {
      sharedFormula: "C3",
      result: `Indicatore ${r - 2}!`,
    } as never;
  ws.getCell("B3").note = "Nota del Responsabile";
  (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("B3:B6", {
    type: "list",
    allowBlank: true,
    formulae: ['"OK,KO"'],
  });
  ws.addConditionalFormatting({
    ref: "D3:D6",
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: [0.5],
        priority: 1,
        style: { font: { color: { argb: "FFFF0000" } } },
      },
    ],
  });
  ws.getCell("D3").value = 0.4;
  ws.getCell("D3").numFmt = "0%";
  ws.getCell("A8").value = {
    text: "Documento",
    hyperlink: "https://example.invalid/doc",
  };
  ws.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  const img = wb.addImage({ buffer: PNG as never, extension: "png" });
  ws.addImage(img, "F2:G4");
  wb.definedNames.add("'Ob 1'!$B$3:$B$6", "Esiti");
  const other = wb.addWorksheet("Note", { state: "hidden" });
  other.getCell("A1").value = "foglio nascosto";
  other.getCell("A1").font = { italic: true };
  const riep = wb.addWorksheet("Riepilogo");
  riep.getCell("A1").value = "altro foglio";
  riep.addTable({
    name: "Persone",
    ref: "A3",
    headerRow: true,
    columns: [{ name: "Nome" }, { name: "Cat." }],
    rows: [["Marina Comi", "PO"]],
  });
  await riep.protect("", { selectLockedCells: true });
  return toBytes(wb);
}

function write(w: Partial<CellWrite> & Pick<CellWrite, "foglio" | "cella">): CellWrite {
  return {
    kind: "esito",
    previous: { value: null, fill: null },
    conflict: false,
    ...w,
  };
}

const plan: WritePlan = {
  writes: [
    write({ foglio: "Ob 1", cella: "B3", value: "OK" }),
    write({
      foglio: "Ob 1",
      cella: "B4",
      kind: "evidenziazione",
      fill: "#FF9999",
    }),
    write({
      foglio: "Ob 1",
      cella: "B5",
      kind: "pulisciEvidenziazione",
      fill: null,
    }),
    write({
      foglio: "Ob 1",
      cella: "D4",
      kind: "mediaValore",
      value: 0.75,
      fmt: "0%",
    }),
    write({ foglio: "Ob 1", cella: "C3", value: "KO" }), // replaces the master of the shared formula
    write({ foglio: "ob 1", cella: "E3", value: '=HYPERLINK("http://x","y")' }), // text, never a formula
    write({
      foglio: "Ob 1",
      cella: "E4",
      kind: "grado",
      value: new Date(Date.UTC(2023, 11, 31)),
    }),
  ],
  newSheets: [
    {
      name: "Riepilogo",
      cells: [{ r: 0, c: 0, v: "nuovo", style: { bold: true } }],
    },
    { name: "Consolidato", cells: [{ r: 0, c: 0, v: 1 }] },
  ],
};

describe("applyPlanToCopy", () => {
  it("applies the writes and new sheets and keeps everything else", async () => {
    const input = await richWorkbook();
    const out = await applyPlanToCopy(input, plan);
    const wb = await reload(out);
    const ws = wb.getWorksheet("Ob 1")!;

    // The writes.
    expect(ws.getCell("B3").value).toBe("OK");
    expect(ws.getCell("B4").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFF9999" },
    });
    expect(ws.getCell("B5").fill).not.toMatchObject({ pattern: "solid" });
    expect(ws.getCell("D4").value).toBe(0.75);
    expect(ws.getCell("D4").numFmt).toBe("0%");
    expect(ws.getCell("C3").value).toBe("KO");
    expect(ws.getCell("E3").value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell("E3").type).toBe(3); // String, not Formula
    expect((ws.getCell("E4").value as Date).toISOString()).toBe("2023-12-31T00:00:00.000Z");
    expect(ws.getCell("E4").numFmt).toBe("dd/mm/yyyy");

    // Cells that shared the written cells' style are untouched (ExcelJS shares style objects).
    for (const a of ["B3", "B6"])
      expect(ws.getCell(a).fill).toMatchObject({
        pattern: "solid",
        fgColor: { argb: "FFFFFF00" },
      });
    for (const a of ["B3", "B4", "B5", "B6"]) expect(ws.getCell(a).border?.top?.style).toBe("thin");
    expect(ws.getCell("D3").numFmt).toBe("0%");
    expect(ws.getCell("D3").value).toBe(0.4);

    // The shared formula's other cells keep their formula and cached result.
    for (let r = 4; r <= 6; r++) {
      expect(ws.getCell(r, 3).formula).toBe(`A${r}&"!"`);
      expect(ws.getCell(r, 3).result).toBe(`Indicatore ${r - 2}!`);
    }

    // Styles, merges, widths, heights, panes, notes, validations, conditional formats, links,
    // print set-up, images, defined names, other sheets and their visibility.
    expect(ws.getCell("A1").font).toMatchObject({
      bold: true,
      size: 14,
      color: { argb: "FF1F4E79" },
    });
    expect(ws.getCell("A1").alignment).toMatchObject({
      horizontal: "center",
      wrapText: true,
    });
    expect((ws.model as { merges: string[] }).merges).toEqual(["A1:D1"]);
    expect(ws.getColumn(1).width).toBe(42);
    expect(ws.getColumn(2).width).toBe(13.5);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.views[0]).toMatchObject({
      state: "frozen",
      xSplit: 1,
      ySplit: 2,
    });
    expect(ws.getCell("B3").note).toBe("Nota del Responsabile");
    for (const a of ["B3", "B6"])
      expect(ws.getCell(a).dataValidation).toMatchObject({
        type: "list",
        formulae: ['"OK,KO"'],
      });
    const cfs = (ws as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
    expect(cfs).toHaveLength(1);
    expect(cfs[0]).toMatchObject({ ref: "D3:D6" });
    expect(ws.getCell("A8").value).toMatchObject({
      text: "Documento",
      hyperlink: "https://example.invalid/doc",
    });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.getImages()).toHaveLength(1);
    expect(wb.definedNames.getRanges("Esiti").ranges).toEqual(["'Ob 1'!$B$3:$B$6"]);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Ob 1", "visible"],
      ["Note", "hidden"],
      ["Riepilogo", "visible"],
      ["Riepilogo (2)", "visible"],
      ["Consolidato", "visible"],
    ]);
    expect(wb.getWorksheet("Note")!.getCell("A1").font).toMatchObject({
      italic: true,
    });
    const riep = wb.getWorksheet("Riepilogo")!;
    expect(riep.getCell("A1").value).toBe("altro foglio");
    expect(Object.keys((riep as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["Persone"]);
    expect(riep.getCell("A4").value).toBe("Marina Comi");
    expect((riep as unknown as { sheetProtection: { sheet?: boolean } }).sheetProtection).toMatchObject({ sheet: true });
    expect(wb.getWorksheet("Riepilogo (2)")!.getCell("A1").value).toBe("nuovo");
    expect(wb.getWorksheet("Riepilogo (2)")!.getCell("A1").font).toMatchObject({
      bold: true,
    });
  });

  it("writes the plan's values so that the grid reads them back", async () => {
    const out = await applyPlanToCopy(await richWorkbook(), plan);
    const s = (await loadWorkbookGrid(out)).grid.sheets[0]!;
    expect(s.get(2, 1)).toMatchObject({ v: "OK", fill: "#FFFF00" });
    expect(s.get(3, 1)).toMatchObject({ fill: "#FF9999" });
    expect(s.get(4, 1)).toBeUndefined(); // fill removed, no value: a blank cell again
    expect(s.get(2, 4)?.formula).toBeUndefined();
  });

  it("never changes the input bytes", async () => {
    const input = await richWorkbook();
    const before = Buffer.from(input);
    await applyPlanToCopy(input, plan);
    expect(Buffer.compare(Buffer.from(input), before)).toBe(0);
  });

  it("refuses a write to a sheet that does not exist, writing nothing", async () => {
    const input = await richWorkbook();
    const bad: WritePlan = {
      writes: [write({ foglio: "Ob 1", cella: "B3", value: "OK" }), write({ foglio: "Ob 9", cella: "B3", value: "OK" })],
      newSheets: [],
    };
    const err = await applyPlanToCopy(input, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PegError);
    expect((err as PegError).message).toMatch(/Il foglio "Ob 9" non c'è più .*non è stato scritto nulla/);
  });

  it("refuses a write to a cell address that is not valid", async () => {
    const err = await applyPlanToCopy(await richWorkbook(), {
      writes: [write({ foglio: "Ob 1", cella: "B0" })],
      newSheets: [],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PegError);
    expect((err as PegError).message).toMatch(/"B0" non è un indirizzo di cella valido/);
  });

  it("writes into a merged cell through its top-left cell", async () => {
    const out = await applyPlanToCopy(await richWorkbook(), {
      writes: [write({ foglio: "Ob 1", cella: "C1", value: "Titolo nuovo" })],
      newSheets: [],
    });
    const ws = (await reload(out)).getWorksheet("Ob 1")!;
    expect(ws.getCell("A1").value).toBe("Titolo nuovo");
    expect((ws.model as { merges: string[] }).merges).toEqual(["A1:D1"]);
  });
});

describe("applyPlanToCopy keeps empty hidden and grouped rows", () => {
  it("an empty row hidden in Excel stays hidden in the copy", async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet("Ob 1");
    ws.getCell("A1").value = 1;
    ws.getCell("A9").value = 9;
    // Excel writes a hidden empty row as <row r="5" hidden="1"/>; ExcelJS never writes one itself.
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet1.xml",
      xml.replace('<row r="9"', '<row r="5" hidden="1"/><row r="6" outlineLevel="1" hidden="1"/><row r="9"'),
    );
    const input = await zip.generateAsync({ type: "uint8array" });
    const out = await applyPlanToCopy(input, { writes: [write({ foglio: "Ob 1", cella: "B1", value: "OK" })], newSheets: [] });
    const copy = (await reload(out)).getWorksheet("Ob 1")!;
    expect(copy.getRow(5).hidden).toBe(true);
    expect(copy.getRow(6).hidden).toBe(true);
    expect(copy.getRow(6).outlineLevel).toBe(1);
    expect(copy.getRow(7).hidden).toBe(false);
    expect(copy.getCell("B1").value).toBe("OK");
  });
});
