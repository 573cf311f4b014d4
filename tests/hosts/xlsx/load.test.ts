import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadWorkbookGrid, esercizioHint } from "../../../src/hosts/xlsx";
import { newWorkbook, toBytes } from "./build";

async function sample(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Ob 1");
  ws.getCell("A1").value = "OBIETTIVO DI STRUTTURA";
  ws.getCell("A2").value = {
    richText: [{ text: "Marina " }, { text: "Comi", font: { bold: true } }],
  };
  ws.getCell("A3").value = 20;
  ws.getCell("A4").value = 0.2;
  ws.getCell("A4").numFmt = "0%";
  ws.getCell("A5").value = 0.955;
  ws.getCell("A5").numFmt = "0.00%";
  ws.getCell("A6").value = new Date(Date.UTC(2023, 5, 30));
  ws.getCell("A6").numFmt = "dd/mm/yyyy";
  ws.getCell("A7").value = true;
  ws.getCell("A8").value = -8;
  ws.getCell("A9").value = {
    text: "Relazione",
    hyperlink: "https://example.invalid/r",
  };
  ws.getCell("A10").value = "   "; // blank text: not stored
  // Formulas with cached results, a shared formula, errors.
  ws.getCell("B1").value = { formula: "A3*2", result: 40 };
  ws.getCell("B2").value = { formula: "A3/10", result: 2 };
  ws.getCell("B3").value = { sharedFormula: "B2", result: 0.02 };
  ws.getCell("B4").value = {
    formula: "A3/0",
    result: { error: "#DIV/0!" },
  } as never;
  ws.getCell("B5").value = { error: "#REF!" } as never;
  ws.getCell("B6").value = { formula: 'IF(A3>0,"OK","NO")', result: "OK" };
  ws.getCell("B7").value = {
    formula: "A6+1",
    result: new Date(Date.UTC(2023, 6, 1)),
  };
  ws.getCell("B7").numFmt = "dd/mm/yyyy";
  // Fills: ARGB, theme with tint, indexed, pattern none, fill only (no value).
  ws.getCell("C1").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: "FFff0000" },
  };
  ws.getCell("C1").value = "X";
  ws.getCell("C2").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 5 },
  };
  ws.getCell("C3").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 4, tint: 0.3999755851924192 },
  } as never;
  ws.getCell("C4").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { indexed: 13 },
  } as never;
  ws.getCell("C5").fill = { type: "pattern", pattern: "none" };
  ws.getCell("C6").border = { top: { style: "thin" } }; // style without fill or value: not stored
  // Merges.
  ws.getCell("D1").value = "CRONOPROGRAMMA";
  ws.mergeCells("D1:F2");
  const hidden = wb.addWorksheet("Nascosto", { state: "hidden" });
  hidden.getCell("A1").value = "h";
  const very = wb.addWorksheet("Molto nascosto", { state: "veryHidden" });
  very.getCell("B2").value = 1;
  return toBytes(wb);
}

describe("loadWorkbookGrid", () => {
  it("reads values of every kind", async () => {
    const { grid } = await loadWorkbookGrid(await sample());
    const s = grid.sheets[0]!;
    expect(s.name).toBe("Ob 1");
    expect(s.get(0, 0)).toEqual({ v: "OBIETTIVO DI STRUTTURA" });
    expect(s.get(1, 0)?.v).toBe("Marina Comi");
    expect(s.get(2, 0)?.v).toBe(20);
    expect(s.get(3, 0)).toMatchObject({ v: 0.2, fmt: "0%" });
    expect(s.get(4, 0)).toMatchObject({ v: 0.955, fmt: "0.00%" });
    const d = s.get(5, 0)!;
    expect(d.v).toBeInstanceOf(Date);
    expect((d.v as Date).toISOString()).toBe("2023-06-30T00:00:00.000Z");
    expect(d.fmt).toBe("dd/mm/yyyy");
    expect(s.get(6, 0)?.v).toBe(true);
    expect(s.get(7, 0)?.v).toBe(-8);
    expect(s.get(8, 0)?.v).toBe("Relazione");
    expect(s.get(9, 0)).toBeUndefined();
  });

  it("reads formulas as cached result plus formula text, shared formulas and errors", async () => {
    const s = (await loadWorkbookGrid(await sample())).grid.sheets[0]!;
    expect(s.get(0, 1)).toMatchObject({ v: 40, formula: "A3*2" });
    expect(s.get(1, 1)).toMatchObject({ v: 2, formula: "A3/10" });
    expect(s.get(2, 1)).toMatchObject({ v: 0.02, formula: "A4/10" });
    expect(s.get(3, 1)).toMatchObject({
      v: null,
      formula: "A3/0",
      error: "#DIV/0!",
    });
    expect(s.get(4, 1)).toMatchObject({ v: null, error: "#REF!" });
    expect(s.get(4, 1)?.formula).toBeUndefined();
    expect(s.get(5, 1)).toMatchObject({
      v: "OK",
      formula: 'IF(A3>0,"OK","NO")',
    });
    expect((s.get(6, 1)?.v as Date).toISOString()).toBe("2023-07-01T00:00:00.000Z");
  });

  it("reads fills as #RRGGBB from ARGB, theme and indexed colours, and keeps fill-only cells", async () => {
    const s = (await loadWorkbookGrid(await sample())).grid.sheets[0]!;
    expect(s.get(0, 2)).toMatchObject({ v: "X", fill: "#FF0000" });
    // ExcelJS writes its own (Office 2007) theme part; the loader reads the workbook's theme.
    expect(s.get(1, 2)).toMatchObject({ v: null, fill: "#C0504D" });
    expect(s.get(2, 2)?.fill).toBe("#95B3D7");
    expect(s.get(3, 2)?.fill).toBe("#FFFF00");
    expect(s.get(4, 2)).toBeUndefined();
    expect(s.get(5, 2)).toBeUndefined();
  });

  it("reads merges and resolves a merged label through the grid", async () => {
    const s = (await loadWorkbookGrid(await sample())).grid.sheets[0]!;
    expect(s.merges).toEqual([{ r1: 0, c1: 3, r2: 1, c2: 5 }]);
    expect(s.visible(1, 4)?.v).toBe("CRONOPROGRAMMA");
  });

  it("reads sheet visibility", async () => {
    const { grid } = await loadWorkbookGrid(await sample());
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Ob 1", "visible"],
      ["Nascosto", "hidden"],
      ["Molto nascosto", "veryHidden"],
    ]);
    expect(grid.sheets[2]!.get(1, 1)?.v).toBe(1);
  });

  it("keeps a stray value at XFD1048576 as one sparse cell", async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet("Ob 1");
    ws.getCell("A1").value = "inizio";
    ws.getCell("XFD1048576").value = "lontano";
    ws.getCell("XFD1048576").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FF00FF00" },
    };
    const { grid } = await loadWorkbookGrid(await toBytes(wb));
    const s = grid.sheets[0]!;
    expect(s.cellCount).toBe(2);
    expect(s.rowIndexes()).toEqual([0, 1_048_575]);
    expect(s.get(1_048_575, 16_383)).toMatchObject({
      v: "lontano",
      fill: "#00FF00",
    });
  });

  it("reads a theme fill with the Office 2013+ colours when the workbook has no theme part", async () => {
    const wb = newWorkbook();
    wb.addWorksheet("T").getCell("A1").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 4 },
    };
    const zip = await JSZip.loadAsync(await toBytes(wb));
    zip.remove("xl/theme/theme1.xml");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const { grid } = await loadWorkbookGrid(bytes);
    expect(grid.sheets[0]!.get(0, 0)?.fill).toBe("#4472C4");
  });

  it("never changes the input bytes", async () => {
    const bytes = await sample();
    const copy = bytes.slice();
    await loadWorkbookGrid(bytes);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(copy))).toBe(0);
  });

  it("reads a Uint8Array that is a view into a larger buffer", async () => {
    const bytes = await sample();
    const big = new Uint8Array(bytes.length + 100).fill(7);
    big.set(bytes, 50);
    const { grid } = await loadWorkbookGrid(big.subarray(50, 50 + bytes.length));
    expect(grid.sheets[0]!.get(0, 0)?.v).toBe("OBIETTIVO DI STRUTTURA");
  });

  it("takes an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = await sample();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { grid } = await loadWorkbookGrid(ab);
    expect(grid.sheets).toHaveLength(3);
  });
});

describe("esercizioHint", () => {
  it("takes a single year from the file name or the workbook title", async () => {
    expect(esercizioHint("PEG 2023 - Settore 1.xlsx")).toBe(2023);
    expect(esercizioHint("/home/u/2022/PEG_2024.xlsx")).toBe(2024);
    expect(esercizioHint("confronto 2022 2023.xlsx")).toBeNull();
    expect(esercizioHint("peg.xlsx")).toBeNull();
    expect(esercizioHint("codice 120235.xlsx")).toBeNull();
    const wb = newWorkbook();
    wb.title = "Piano della Performance 2025";
    wb.addWorksheet("Ob 1").getCell("A1").value = "x";
    expect(esercizioHint("peg.xlsx", wb)).toBe(2025);
    const { esercizioHint: hint } = await loadWorkbookGrid(await toBytes(wb), {
      fileName: "PEG 2021.xlsx",
    });
    expect(hint).toBe(2021);
  });
});
