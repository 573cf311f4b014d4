/**
 * Renders the sample's SheetSpecs with the xlsx host's `renderSheetSpec`, in a workbook whose
 * document dates and zip entry dates are fixed, so that `npm run make-sample` gives the same
 * bytes on every run (the host's `workbookFromSpecs` stamps "now", which is right for users).
 */
import { createRequire } from "node:module";
import ExcelJS from "../src/hosts/xlsx/exceljs";
import { renderSheetSpec } from "../src/hosts/xlsx/render";
import type { SheetSpec } from "../src/sheets/sheet-spec";

/** ExcelJS zips with JSZip, which stamps every entry with "now" unless a default date is set. */
async function withZipDate<T>(date: Date, run: () => Promise<T>): Promise<T> {
  const req = createRequire(createRequire(import.meta.url).resolve("exceljs"));
  const defaults = req("jszip/lib/defaults") as { date: Date | null };
  const before = defaults.date;
  defaults.date = date;
  try {
    return await run();
  } finally {
    defaults.date = before;
  }
}

export async function renderSpecs(specs: SheetSpec[], fixedDate: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Monitoraggio PEG";
  wb.lastModifiedBy = "Monitoraggio PEG";
  wb.created = fixedDate;
  wb.modified = fixedDate;
  for (const spec of specs) {
    const ws = wb.addWorksheet(spec.name);
    renderSheetSpec(ws, spec);
    ws.pageSetup.paperSize = 9; // A4
  }
  const buf = await withZipDate(fixedDate, () => wb.xlsx.writeBuffer());
  return new Uint8Array(buf as ArrayBuffer);
}
