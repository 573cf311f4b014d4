import JSZip from "jszip"; // ExcelJS's own zip library: builds archives that are not workbooks
import { describe, expect, it } from "vitest";
import { PegError } from "../../../src/domain/errors";
import { applyPlanToCopy, loadWorkbookGrid, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from "../../../src/hosts/xlsx";
import { newWorkbook, tinyWorkbook, toBytes } from "./build";

async function refusal(
  data: Uint8Array,
  opts: { fileName?: string; maxBytes?: number; maxUnzippedBytes?: number } = {},
): Promise<PegError> {
  try {
    await loadWorkbookGrid(data, { fileName: "prova.xlsx", ...opts });
  } catch (e) {
    expect(e).toBeInstanceOf(PegError);
    const pe = e as PegError;
    expect(pe.exitCode).toBe(2);
    expect(pe.message).toContain("prova.xlsx");
    expect(pe.message).not.toMatch(/\bat \w+ \(|Error:|undefined/); // no stack, no raw exception text
    return pe;
  }
  throw new Error("the input was accepted");
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(s: string): number[] {
  return [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array" });
}

describe("unusable input is refused with an Italian PegError (exit 2)", () => {
  it("a text file", async () => {
    const e = await refusal(new TextEncoder().encode("Obiettivo;Esito\n1.06.01;OK\n"));
    expect(e.message).toMatch(/non è una cartella di lavoro Excel/);
    expect(e.message).toMatch(/Salva con nome/);
  });

  it("a PDF", async () => {
    const e = await refusal(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"));
    expect(e.message).toMatch(/è un PDF/);
  });

  it("an empty file", async () => {
    const e = await refusal(new Uint8Array(0));
    expect(e.message).toMatch(/vuoto/);
  });

  it("a truncated zip (a valid workbook cut in half)", async () => {
    const good = await tinyWorkbook();
    const e = await refusal(good.slice(0, Math.floor(good.length / 2)));
    expect(e.message).toMatch(/incompleto o danneggiato/);
  });

  it("a zip whose directory is damaged", async () => {
    const good = await tinyWorkbook();
    const bad = good.slice();
    // Point the end record's central-directory offset past the end of the file.
    let eocd = bad.length - 22;
    while (!(bad[eocd] === 0x50 && bad[eocd + 1] === 0x4b && bad[eocd + 2] === 5 && bad[eocd + 3] === 6)) eocd--;
    new DataView(bad.buffer).setUint32(eocd + 16, bad.length + 1000, true);
    const e = await refusal(bad);
    expect(e.message).toMatch(/incompleto o danneggiato/);
  });

  it("a workbook whose parts are garbage (ExcelJS fails): its exception becomes a PegError", async () => {
    const bytes = await zipOf({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": "<<< questo non è XML",
      "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>99</v></c></row>",
    });
    const e = await refusal(bytes);
    expect(e.message).toMatch(/non si riesce a leggere|non contiene fogli/);
  });

  it("an encrypted workbook (OLE/CFB container with EncryptionInfo)", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
    const bytes = new Uint8Array([...CFB, ...junk.slice(0, 1000), ...utf16("EncryptionInfo"), ...junk]);
    const e = await refusal(bytes);
    expect(e.message).toMatch(/protetto da password/);
    expect(e.message).not.toMatch(/97-2003/);
  });

  it("a damaged old .xls workbook (OLE/CFB container with a Workbook stream but no readable sheet)", async () => {
    // .xls files are read (src/hosts/xls); this one has the stream's name and nothing else.
    const bytes = new Uint8Array([...CFB, ...new Uint8Array(600), ...utf16("Workbook"), ...new Uint8Array(600)]);
    const e = await refusal(bytes);
    expect(e.message).toMatch(/97-2003 \(\.xls\)/);
    expect(e.message).toMatch(/salvarlo come \.xlsx/);
  });

  it("a fake encrypted file: CFB header followed by junk", async () => {
    const junk = new Uint8Array(2048).map((_, i) => (i * 7 + 3) % 256);
    const e = await refusal(new Uint8Array([...CFB, ...junk]));
    expect(e.message).toMatch(/protetto da password oppure nel vecchio formato/);
    expect(e.message).toMatch(/Salva con nome → \.xlsx/);
  });

  it("a zip that is not a workbook", async () => {
    const e = await refusal(await zipOf({ "leggimi.txt": "ciao", "dati/a.csv": "1;2" }));
    expect(e.message).toMatch(/archivio compresso ma non una cartella di lavoro/);
  });

  it("an OpenDocument spreadsheet without sheets and a binary .xlsb", async () => {
    // .ods files are read (src/hosts/ods); this one has no table in its content.
    const ods = await zipOf({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": "<x/>",
    });
    expect((await refusal(ods)).message).toMatch(/non contiene fogli di lavoro/);
    const xlsb = await zipOf({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.bin": "\u0000",
    });
    expect((await refusal(xlsb)).message).toMatch(/\.xlsb/);
  });

  it("a file above the size limit (injected small limit)", async () => {
    const good = await tinyWorkbook();
    const e = await refusal(good, { maxBytes: 1024 });
    expect(e.message).toMatch(/troppo grande/);
    expect(e.message).toMatch(/1 KB/);
  });

  it("a zip whose parts inflate beyond the limit (injected small limit)", async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet("Ob 1");
    for (let r = 1; r <= 2000; r++) ws.getCell(r, 1).value = "testo ripetuto ".repeat(4);
    const bytes = await toBytes(wb);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const e = await refusal(bytes, { maxUnzippedBytes: 64 * 1024 });
    expect(e.message).toMatch(/una volta decompresso è troppo grande \(\d+ KB; il limite è 64 KB\)/);
    expect(MAX_UNZIPPED_BYTES).toBe(400 * 1024 * 1024);
  });

  it("a file above the default limit of 25 MB", async () => {
    expect(MAX_FILE_BYTES).toBe(25 * 1024 * 1024);
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 3, 4]);
    const e = await refusal(big);
    expect(e.message).toMatch(/troppo grande \(25,0 MB; il limite è 25 MB\)/);
  });

  it("applyPlanToCopy refuses the same inputs", async () => {
    await expect(
      applyPlanToCopy(new TextEncoder().encode("ciao"), {
        writes: [],
        newSheets: [],
      }),
    ).rejects.toBeInstanceOf(PegError);
  });
});
