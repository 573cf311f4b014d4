/** Node side of the e2e tests: the sample, variants of it made in code, and the engine to re-read downloads. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import ExcelJS from "../../src/hosts/xlsx/exceljs";
import { loadWorkbookGrid } from "../../src/hosts/xlsx/load";
import { verifica, type Analysis } from "../../src/sheets/verifica";
import { ROOT } from "./build";

export const XSS = "<img src=x onerror=alert(1)>";

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, "assets/esempio-peg-2023.xlsx")));
}

export async function analyseBytes(bytes: Uint8Array, file: string): Promise<Analysis> {
  const { grid } = await loadWorkbookGrid(bytes, { fileName: file });
  return verifica(grid, { file, settings: DEFAULT_SETTINGS });
}

async function editSample(edit: (wb: InstanceType<typeof ExcelJS.Workbook>) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(sampleBytes()) as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sample with a scheda title and an extra sheet's name and cell set to markup. */
export function xssWorkbook(): Promise<Buffer> {
  return editSample((wb) => {
    const ws = wb.getWorksheet("Ob 1")!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith("Legalità e trasparenza: elaborazione")) cell.value = XSS;
      }),
    );
    wb.addWorksheet(XSS).getCell("B2").value = XSS;
  });
}

/** A second settore: the sample with other obiettivo numbers, so that consolidation has two files. */
export function secondSettore(): Promise<Buffer> {
  return editSample((wb) => {
    let n = 1;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === "1.06.01") cell.value = `2.01.0${n++}`;
        }),
      );
  });
}
