/**
 * context.sync() calls of the pane's Verifica on Excel on the web, on 1, 10, 50 and 200 schede,
 * run for real (engine, Office host, session) against the strict fake with the web's 5 MB request
 * and response limits. Target: ≤ 3 at every size (docs/OFFICE-HOST.md).
 */
import { loadWorkbookGrid } from "../src/hosts/xlsx";
import { measureWebVerifica } from "../tests/fakes/measure-syncs";
import { benchWorkbook } from "./workbooks";

export async function bench(log: (s: string) => void) {
  const verifica: Record<string, number> = {};
  let maxResponse = 0;
  for (const n of [1, 10, 50, 200]) {
    log(`Sincronizzazioni di Verifica su Excel per il Web con ${n} schede…`);
    const { grid } = await loadWorkbookGrid(await benchWorkbook(n), { fileName: `bench-${n}.xlsx` });
    const c = await measureWebVerifica(grid);
    verifica[n] = c.verifica;
    maxResponse = Math.max(maxResponse, c.maxResponse);
  }
  const line = Object.entries(verifica)
    .map(([n, v]) => `${n}: ${v}`)
    .join(", ");
  return {
    json: { verifica },
    rows: [
      [
        "sync di Verifica sul Web (schede: sync)",
        line,
        `risposta massima ${(maxResponse / 1_000_000).toFixed(2)} MB (limite 5 MB)`,
        "obiettivo ≤ 3 a ogni dimensione",
      ],
    ] as Array<[string, string, string, string]>,
  };
}
