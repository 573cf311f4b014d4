/**
 * Text from a user's file never becomes a formula in any workbook written outside Excel, even
 * after F2 + Enter: the copy and the new workbooks (riepilogo, modello) write it as a text cell
 * whose format carries quotePrefix, and cut it at Excel's 32,767 characters with a note.
 * A whole-column list validation survives the copy untouched.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { applyPlanToCopy, cutTextNotes, loadWorkbookGrid, MAX_CELL_CHARS, workbookFromSpecs } from "../../../src/hosts/xlsx";
import type { SheetSpec } from "../../../src/sheets/sheet-spec";
import type { CellWrite, WritePlan } from "../../../src/sheets/write-plan";
import { newWorkbook, toBytes } from "./build";

const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid","clic")',
  "+39 333 1234567",
  "-5",
  "@SUM(A1:A3)",
  "0012",
  "31/12/2023",
];
const PLAIN = ["RAGGIUNTO", "Obiettivo 1 - Protocollo"];

function write(cella: string, value: string): CellWrite {
  return { foglio: "Ob 1", cella, kind: "esito", value, previous: { value: null, fill: null }, conflict: false };
}

/** The cell's XML element and whether its format has quotePrefix, read from the package itself. */
function cellInfo(bytes: Uint8Array, sheetPart: string, ref: string): { xml: string; quotePrefix: boolean; fontId: string } {
  const z = unzipSync(bytes);
  const sheet = strFromU8(z[sheetPart]!);
  const m = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`, "s").exec(sheet);
  if (!m) throw new Error(`no cell ${ref} in ${sheetPart}`);
  const s = Number(/\ss="(\d+)"/.exec(m[0].slice(0, m[0].indexOf(">") + 1))?.[1] ?? 0);
  const styles = strFromU8(z["xl/styles.xml"]!);
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1]!;
  const xf = [...xfs.matchAll(/<xf\b[^>]*?(\/>|>.*?<\/xf>)/gs)][s]![0];
  const tag = xf.slice(0, xf.indexOf(">"));
  return { xml: m[0], quotePrefix: /quotePrefix="1"/.test(tag), fontId: /fontId="(\d+)"/.exec(tag)?.[1] ?? "0" };
}

async function scheda(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Ob 1");
  ws.getCell("A1").value = "OBIETTIVO DI STRUTTURA";
  ws.getCell("B3").value = "vecchio";
  ws.getCell("B3").font = { bold: true };
  return toBytes(wb);
}

describe("text written by the copy", () => {
  it("is a text cell, with quotePrefix where retyping would make it a formula, number or date", async () => {
    const all = [...HOSTILE, ...PLAIN];
    const plan: WritePlan = {
      writes: all.map((t, i) => write(`C${i + 2}`, t)).concat(write("B3", "=1+1")),
      newSheets: [{ name: "Riepilogo", cells: all.map((t, i) => ({ r: i, c: 0, v: t })) }],
    };
    const out = await applyPlanToCopy(await scheda(), plan);
    all.forEach((t, i) => {
      const c = cellInfo(out, "xl/worksheets/sheet1.xml", `C${i + 2}`);
      expect(c.xml, t).toContain('t="inlineStr"');
      expect(c.xml).not.toContain("<f>");
      expect(c.quotePrefix, t).toBe(HOSTILE.includes(t));
      const n = cellInfo(out, "xl/worksheets/sheet2.xml", `A${i + 1}`);
      expect(n.xml).not.toContain("<f>");
      expect(n.quotePrefix, `Riepilogo: ${t}`).toBe(HOSTILE.includes(t));
    });
    // An existing cell keeps its look (its bold font) and gains the prefix.
    const b3 = cellInfo(out, "xl/worksheets/sheet1.xml", "B3");
    expect(b3.quotePrefix).toBe(true);
    expect(b3.fontId).toBe(cellInfo(await scheda(), "xl/worksheets/sheet1.xml", "B3").fontId);
    expect(b3.fontId).not.toBe("0");
    const grid = (await loadWorkbookGrid(out)).grid;
    expect(grid.sheets[0]!.get(1, 2)?.v).toBe(HOSTILE[0]);
    expect(grid.sheets[0]!.get(1, 2)?.formula).toBeUndefined();
    expect(grid.sheets[0]!.get(2, 1)).toMatchObject({ v: "=1+1" });
    expect(grid.sheets[1]!.get(1, 0)?.v).toBe(HOSTILE[1]);
  });

  it("is cut at 32,767 characters, with a note naming the cell", async () => {
    const long = "x".repeat(40_000);
    const plan: WritePlan = { writes: [write("D2", long)], newSheets: [{ name: "Note", cells: [{ r: 0, c: 1, v: long }] }] };
    expect(cutTextNotes(plan)).toEqual([
      "Nota: il testo per Ob 1!D2 ha 40.000 caratteri, più dei 32.767 che una cella di Excel può contenere: è stato scritto troncato.",
      "Nota: il testo per Note!B1 ha 40.000 caratteri, più dei 32.767 che una cella di Excel può contenere: è stato scritto troncato.",
    ]);
    expect(cutTextNotes({ writes: [write("D2", "breve")], newSheets: [] })).toEqual([]);
    const grid = (await loadWorkbookGrid(await applyPlanToCopy(await scheda(), plan))).grid;
    expect((grid.sheets[0]!.get(1, 3)?.v as string).length).toBe(MAX_CELL_CHARS);
    expect((grid.sheets[1]!.get(0, 1)?.v as string).length).toBe(MAX_CELL_CHARS);
  });

  it("keeps a whole-column list validation (A1:M1048576) exactly as it was", async () => {
    const z = unzipSync(await scheda());
    const dv =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:M1048576"><formula1>"SI,NO"</formula1></dataValidation></dataValidations>';
    const sheet = strFromU8(z["xl/worksheets/sheet1.xml"]!);
    z["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace(/(<\/sheetData>(?:<mergeCells.*?<\/mergeCells>)?)/s, `$1${dv}`));
    const out = await applyPlanToCopy(zipSync(z as Zippable), { writes: [write("B2", "SI"), write("A1048576", "NO")], newSheets: [] });
    const xml = strFromU8(unzipSync(out)["xl/worksheets/sheet1.xml"]!);
    expect(xml).toContain(dv);
    expect(xml).toMatch(/<row r="1048576"><c r="A1048576" t="inlineStr">/);
  });
});

describe("text written into new workbooks (riepilogo, modello)", () => {
  it("carries quotePrefix where retyping would change it, and is cut at 32,767 characters", async () => {
    const spec: SheetSpec = {
      name: "Riepilogo",
      cells: [...HOSTILE, ...PLAIN, "y".repeat(MAX_CELL_CHARS + 10)].map((t, i) => ({
        r: i,
        c: 0,
        v: t,
        style: i === 0 ? { bold: true } : undefined,
      })),
    };
    const out = await workbookFromSpecs([spec]);
    [...HOSTILE, ...PLAIN].forEach((t, i) => {
      const c = cellInfo(out, "xl/worksheets/sheet1.xml", `A${i + 1}`);
      expect(c.xml).not.toContain("<f>");
      expect(c.quotePrefix, t).toBe(HOSTILE.includes(t));
    });
    const grid = (await loadWorkbookGrid(out)).grid.sheets[0]!;
    expect(grid.get(0, 0)).toMatchObject({ v: HOSTILE[0] });
    expect(cellInfo(out, "xl/worksheets/sheet1.xml", "A1").fontId).not.toBe("0"); // bold kept with the prefix
    expect((grid.get(HOSTILE.length + PLAIN.length, 0)?.v as string).length).toBe(MAX_CELL_CHARS);
  });
});

describe("the copy's reading is bounded", () => {
  it("stops inflating at the limit even when the zip's directory lies about the sizes", async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet("Ob 1");
    for (let r = 1; r <= 3000; r++) ws.getCell(r, 1).value = `riga ${r} `.repeat(8);
    const bytes = Buffer.from(await toBytes(wb));
    // Every central directory record claims 100 bytes uncompressed (offset 24), so the checks on
    // the directory pass; only a running count of what is really inflated can stop the copy.
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
    let p = bytes.readUInt32LE(eocd + 16);
    for (let i = 0; i < bytes.readUInt16LE(eocd + 10); i++) {
      bytes.writeUInt32LE(100, p + 24);
      p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    }
    const plan: WritePlan = { writes: [write("B2", "OK")], newSheets: [] };
    const err = await applyPlanToCopy(new Uint8Array(bytes), plan, { fileName: "bomba.xlsx", maxUnzippedBytes: 64 * 1024 }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe("PegError");
    expect((err as Error).message).toMatch(/"bomba\.xlsx" .*troppo grande .*il limite è 64 KB/);
  });
});
