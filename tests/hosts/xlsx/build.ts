/** Test workbooks built with ExcelJS in code (no hand-made binaries). */
import ExcelJS from "exceljs";

export type Wb = ExcelJS.Workbook;

export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** One sheet with one value: a small valid workbook. */
export async function tinyWorkbook(): Promise<Uint8Array> {
  const wb = newWorkbook();
  wb.addWorksheet("Ob 1").getCell("A1").value = "OBIETTIVO DI STRUTTURA";
  return toBytes(wb);
}
