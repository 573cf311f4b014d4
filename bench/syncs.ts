/**
 * context.sync() calls of the ribbon's Verifica and Calcola esiti on 1, 10, 50 and 200 schede,
 * run for real (engine, Office host, commands) against the strict Excel fake. Target: ≤ 3 and the
 * same at every size.
 */
import { loadWorkbookGrid } from "../src/hosts/xlsx";
import { measureSyncs } from "../tests/fakes/measure-syncs";
import { benchWorkbook } from "./workbooks";

export async function bench(log: (s: string) => void) {
  const verifica: Record<string, number> = {};
  const calcolaEsiti: Record<string, number> = {};
  for (const n of [1, 10, 50, 200]) {
    log(`Conteggio delle sincronizzazioni con ${n} schede…`);
    const { grid } = await loadWorkbookGrid(await benchWorkbook(n), { fileName: `bench-${n}.xlsx` });
    const c = await measureSyncs(grid);
    verifica[n] = c.verifica;
    calcolaEsiti[n] = c.calcolaEsiti;
  }
  const line = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([n, v]) => `${n}: ${v}`)
      .join(", ");
  return {
    json: { verifica, calcolaEsiti },
    rows: [
      ["sync di Verifica (schede: sync)", line(verifica), "", "obiettivo ≤ 3, uguali a ogni dimensione"],
      ["sync di Calcola esiti (schede: sync)", line(calcolaEsiti), "", "obiettivo ≤ 3, uguali a ogni dimensione"],
    ] as Array<[string, string, string, string]>,
  };
}
