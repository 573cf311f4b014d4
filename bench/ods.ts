/**
 * Reading the sample saved by LibreOffice as .ods costs at most 2× reading its .xlsx, same run
 * (issue 12). The .ods is made once with soffice and kept in .cache/ (git-ignored).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadWorkbookGrid } from "../src/hosts/xlsx/load";
import { interleavedMedians, round } from "./timing";

const ROOT = join(import.meta.dirname, "..");
const SAMPLE = join(ROOT, "assets/esempio-peg-2023.xlsx");
const SOFFICE = process.env.PEG_SOFFICE ?? "/usr/bin/soffice";

function odsOfSample(log: (s: string) => void): string | null {
  const dir = join(ROOT, ".cache/bench-ods");
  const ods = join(dir, "esempio-peg-2023.ods");
  if (existsSync(ods) && statSync(ods).mtimeMs > statSync(SAMPLE).mtimeMs) return ods;
  if (!existsSync(SOFFICE)) {
    log(`LibreOffice non trovato (${SOFFICE}): la misura .ods è saltata.`);
    return null;
  }
  mkdirSync(dir, { recursive: true });
  copyFileSync(SAMPLE, join(dir, "esempio-peg-2023.xlsx"));
  log("Conversione del campione in .ods con LibreOffice…");
  spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "ods",
      "--outdir",
      dir,
      join(dir, "esempio-peg-2023.xlsx"),
    ],
    {
      timeout: 180_000,
    },
  );
  return existsSync(ods) ? ods : null;
}

export async function bench(log: (s: string) => void): Promise<{ json: unknown; rows: Array<[string, string, string, string]> }> {
  const ods = odsOfSample(log);
  if (!ods) return { json: null, rows: [] };
  const xlsxBytes = new Uint8Array(readFileSync(SAMPLE));
  const odsBytes = new Uint8Array(readFileSync(ods));
  const [odsMs, xlsxMs] = await interleavedMedians(30, [
    () => loadWorkbookGrid(odsBytes, { fileName: "esempio-peg-2023.ods" }),
    () => loadWorkbookGrid(xlsxBytes, { fileName: "esempio-peg-2023.xlsx" }),
  ]);
  const ratio = round(odsMs! / xlsxMs!, 2);
  return {
    json: { ms: round(odsMs!, 1), xlsxMs: round(xlsxMs!, 1), ratio },
    rows: [
      ["lettura .ods del campione", `${round(odsMs!, 1)} ms`, `lettura .xlsx ${round(xlsxMs!, 1)} ms`, `rapporto ${ratio} (obiettivo ≤ 2)`],
    ],
  };
}
