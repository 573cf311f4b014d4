/**
 * Whole workbooks, built by test code in layouts that differ from the seed's (spec §2), read back
 * through the xlsx host and the label-based recogniser: every fact must come out as written.
 */
import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../src/domain/settings";
import { loadWorkbookGrid } from "../../src/hosts/xlsx";
import { verifica } from "../../src/sheets/verifica";
import { allLayouts, type WorkbookFixture } from "../fixtures/workbooks";

const fixtures = await allLayouts();

describe.each(fixtures.map((f) => [f.name, f] as [string, WorkbookFixture]))("layout %s", (_name, fx) => {
  it(`reads every scheda as written (${fx.description})`, async () => {
    const { grid } = await loadWorkbookGrid(fx.bytes, { fileName: `${fx.name}.xlsx` });
    const a = verifica(grid, { file: fx.name, settings: SettingsSchema.parse({ dataRiferimento: "2023-12-31" }) });
    if (fx.esercizio !== null) expect(a.report.esercizio).toBe(fx.esercizio);
    expect(fx.schede.length).toBeGreaterThan(0);
    for (const e of fx.schede) {
      const s = a.report.schede.find((x) => x.foglio === e.foglio);
      expect(s, `${fx.name}: scheda ${e.foglio}`).toBeDefined();
      expect(s!.numero).toBe(e.numero);
      expect(s!.titolo).toBe(e.titolo);
      expect(s!.pesatura).toBe(e.pesatura);
      expect(s!.personale.map((p) => [p.nome, p.categoria, p.prevista, p.realizzata])).toEqual(
        e.personale.map((p) => [p.nome, p.categoria, p.prevista, p.realizzata]),
      );
      const fasi = s!.fasi.map((f) => ({ n: f.n, descrizione: f.descrizione, previsto: f.previsto, effettivo: f.effettivo }));
      expect(fasi).toEqual(e.fasi.map((f) => ({ n: f.n, descrizione: f.descrizione, previsto: f.previsto, effettivo: f.effettivo })));
      expect(s!.indicatori.map((i) => [i.cella, i.indicatore, i.atteso, i.realizzato, i.esitoScritto])).toEqual(
        e.indicatori.map((i) => [i.cella, i.indicatore, i.atteso, i.realizzato, i.esitoScritto]),
      );
    }
    const unrecognised = a.report.segnalazioni.filter((d) => d.codice === "SCHEDA_NON_RICONOSCIUTA").map((d) => d.foglio);
    for (const n of fx.nonSchede) if (!fx.nascosti.includes(n)) expect(unrecognised).toContain(n);
    expect(a.report.segnalazioni.filter((d) => d.codice === "BLOCCO_NON_RICONOSCIUTO")).toEqual([]);
  });
});

it("covers at least five layouts", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(5);
});
