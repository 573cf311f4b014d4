/**
 * `peg verifica` on a 200-scheda workbook against ExcelJS's bare load of the same file, in one
 * process and one run (ratios, not absolute times, are what the targets speak of).
 */
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { benchWorkbook } from "./workbooks";
import { interleavedMedians, round } from "./timing";

const quiet = { stdout: () => {}, stderr: () => {}, today: () => new Date() };

export async function benchCli(
  log: (s: string) => void,
): Promise<{ verificaMs: number; loadMs: number; ratio: number; schede: number; fileKb: number }> {
  const dir = mkdtempSync(join(tmpdir(), "peg-bench-"));
  const file = join(dir, "settore-200.xlsx");
  log("Creazione della cartella di lavoro con 200 schede…");
  writeFileSync(file, await benchWorkbook(200));
  const size = readFileSync(file).length;
  log("Misura del caricamento ExcelJS e di peg verifica…");
  const [loadMs, verificaMs] = (await interleavedMedians(9, [
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    },
    async () => {
      const code = await main(["verifica", file, "--json"], quiet);
      if (code === 2) throw new Error("peg verifica non ha potuto leggere il file del bench");
    },
  ])) as [number, number];
  return {
    verificaMs: round(verificaMs),
    loadMs: round(loadMs),
    ratio: round(verificaMs / loadMs, 3),
    schede: 200,
    fileKb: round(size / 1024),
  };
}
