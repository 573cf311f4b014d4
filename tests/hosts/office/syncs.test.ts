/** The target: Verifica and Calcola esiti take the same, small number of syncs at any size. */
import { describe, expect, it } from "vitest";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";
import { benchWorkbook } from "../../../bench/workbooks";
import { measureSyncs, measureWebVerifica } from "../../fakes/measure-syncs";

describe("sync counts on bench workbooks (engine + Office host + commands on the strict fake)", () => {
  it("are the same for 1, 10, 50 and 200 schede, and at most 3", async () => {
    const counts: Record<number, { verifica: number; calcolaEsiti: number }> = {};
    for (const n of [1, 10, 50, 200]) {
      const { grid } = await loadWorkbookGrid(await benchWorkbook(n), { fileName: `bench-${n}.xlsx` });
      const c = await measureSyncs(grid);
      expect(c.celleScritte, `${n} schede`).toBeGreaterThan(n);
      counts[n] = { verifica: c.verifica, calcolaEsiti: c.calcolaEsiti };
    }
    expect(counts[1]).toEqual({ verifica: 2, calcolaEsiti: 3 });
    for (const n of [10, 50, 200]) expect(counts[n]).toEqual(counts[1]);
  });
});

describe("sync counts of Verifica on Excel on the web (5 MB request and response limits)", () => {
  it("are at most 3 for 1, 10, 50 and 200 schede, no response above 5 MB", async () => {
    for (const n of [1, 10, 50, 200]) {
      const { grid } = await loadWorkbookGrid(await benchWorkbook(n), { fileName: `bench-${n}.xlsx` });
      const c = await measureWebVerifica(grid);
      expect(c.verifica, `${n} schede`).toBeLessThanOrEqual(3);
      expect(c.maxResponse, `${n} schede`).toBeLessThanOrEqual(5_000_000);
    }
  });
});
