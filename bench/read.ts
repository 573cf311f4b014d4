/**
 * The streaming reader (src/hosts/xlsx/read) against ExcelJS's bare load of the 200-scheda
 * workbook, interleaved in one run, medians. Target: ratio ≤ 0.4.
 */
import ExcelJS from "exceljs";
import { loadWorkbookGrid } from "../src/hosts/xlsx/load";
import { interleavedMedians, round } from "./timing";
import { benchWorkbook } from "./workbooks";

export async function bench(log: (s: string) => void) {
  log("Lettura della cartella di lavoro con 200 schede: lettore a flusso contro ExcelJS…");
  const bytes = await benchWorkbook(200);
  const [ms, exceljsMs] = (await interleavedMedians(9, [
    async () => {
      const { grid } = await loadWorkbookGrid(bytes, { fileName: "settore-200.xlsx" });
      if (grid.sheets.length !== 201) throw new Error("il lettore non ha letto tutti i fogli del bench");
    },
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    },
  ])) as [number, number];
  const ratio = round(ms / exceljsMs, 3);
  return {
    json: { ms: round(ms), exceljsMs: round(exceljsMs), ratio },
    rows: [
      ["lettura .xlsx (200 schede)", `${round(ms)} ms`, `ExcelJS ${round(exceljsMs)} ms`, `rapporto ${ratio} (obiettivo ≤ 0,4)`],
    ] as Array<[string, string, string, string]>,
  };
}
