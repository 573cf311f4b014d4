/**
 * `peg verifica` on a 200-scheda workbook against the bare read of the same file, in one process
 * and one run, interleaved (ratios, not absolute times, are what the targets speak of): against
 * ExcelJS's load, and against the product's own reader (issue 8: verifica ≤ 1.3× the new reader,
 * i.e. recognising and checking cost at most 30% on top of reading).
 */
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadShipped } from "./build-shipped";
import { benchWorkbook } from "./workbooks";
import { interleavedMedians, round } from "./timing";

const quiet = { stdout: () => {}, stderr: () => {}, today: () => new Date() };

export async function benchCli(log: (s: string) => void): Promise<{
  verificaMs: number;
  loadMs: number;
  ratio: number;
  readerMs: number;
  verificaBesideReaderMs: number;
  readerRatio: number;
  schede: number;
  fileKb: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), "peg-bench-"));
  const file = join(dir, "settore-200.xlsx");
  log("Creazione della cartella di lavoro con 200 schede…");
  writeFileSync(file, await benchWorkbook(200));
  const size = readFileSync(file).length;
  log("Costruzione del comando come viene distribuito (bundle esbuild)…");
  const { main, loadWorkbookGrid } = await loadShipped();
  const verifica = async (): Promise<void> => {
    const code = await main(["verifica", file, "--json"], quiet);
    if (code === 2) throw new Error("peg verifica non ha potuto leggere il file del bench");
  };
  // The reader and verifica side by side, before ExcelJS runs at all: its garbage (hundreds of MB)
  // is collected inside whichever run follows it, and the two figures compared here would carry it.
  log("Misura della lettura e di peg verifica…");
  const [readerMs, verificaBesideReaderMs] = (await interleavedMedians(25, [
    async () => {
      const { grid } = await loadWorkbookGrid(readFileSync(file), { fileName: "settore-200.xlsx" });
      if (grid.sheets.length !== 201) throw new Error("il lettore non ha letto tutti i fogli del bench");
    },
    verifica,
  ])) as [number, number];
  log("Misura del caricamento ExcelJS e di peg verifica…");
  const [loadMs, verificaMs] = (await interleavedMedians(9, [
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    },
    verifica,
  ])) as [number, number];
  return {
    verificaMs: round(verificaMs),
    loadMs: round(loadMs),
    ratio: round(verificaMs / loadMs, 3),
    readerMs: round(readerMs),
    verificaBesideReaderMs: round(verificaBesideReaderMs),
    readerRatio: round(verificaBesideReaderMs / readerMs, 3),
    schede: 200,
    fileKb: round(size / 1024),
  };
}
