/**
 * `peg consolida` over a folder of 30 settori workbooks (10 schede each) against the sum of
 * ExcelJS's bare loads of the same files, interleaved in one process. Target ratio ≤ 1.5.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { interleavedMedians, round } from "./timing";
import { benchWorkbook } from "./workbooks";

const quiet = { stdout: () => {}, stderr: () => {}, today: () => new Date() };

export async function bench(log: (s: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "peg-bench-conso-"));
  const folder = join(dir, "settori");
  mkdirSync(folder);
  log("Creazione di 30 cartelle di lavoro di settore (10 schede ciascuna)…");
  for (let i = 1; i <= 30; i++) writeFileSync(join(folder, `settore-${String(i).padStart(2, "0")}.xlsx`), await benchWorkbook(10, i));
  const files = readdirSync(folder).map((f) => join(folder, f));
  let run = 0;
  log("Misura di peg consolida e dei caricamenti ExcelJS…");
  const [loadMs, ms] = (await interleavedMedians(5, [
    async () => {
      for (const f of files) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
      }
    },
    async () => {
      const out = join(dir, `riepilogo-${run++}.xlsx`);
      const code = await main(["consolida", folder, "-o", out, "--json", "--al", "2023-12-31"], quiet);
      if (code === 2) throw new Error("peg consolida non ha potuto usare i file del bench");
      rmSync(out);
    },
  ])) as [number, number];
  const ratio = round(ms / loadMs, 3);
  return {
    json: { ms: round(ms), loadMs: round(loadMs), ratio },
    rows: [
      [
        "peg consolida (30 file × 10 schede)",
        `${round(ms)} ms`,
        `caricamenti ExcelJS ${round(loadMs)} ms`,
        `rapporto ${ratio} (obiettivo ≤ 1,5)`,
      ],
    ] as Array<[string, string, string, string]>,
  };
}
