/**
 * Schede di ente in layouts that differ from the seed's sheet "Ente", read back through the xlsx
 * host and the label-based recogniser: indicators, esiti, the Grado cell, the personale and the
 * indici with a wrong typed media must come out as written.
 */
import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../src/domain/settings";
import { loadWorkbookGrid } from "../../src/hosts/xlsx";
import { a1 } from "../../src/sheets/grid";
import { verifica } from "../../src/sheets/verifica";
import { allEnteLayouts, enteCasuale, type EnteFixture } from "../fixtures/ente";
import { sheet, wb } from "../helpers/grid";

/** The five named layouts, and a dozen whose every choice is drawn from a seed. */
const fixtures = [...(await allEnteLayouts()), ...(await Promise.all(Array.from({ length: 12 }, (_, i) => enteCasuale(500 + 31 * i))))];

async function analyse(fx: EnteFixture) {
  const { grid } = await loadWorkbookGrid(fx.bytes, { fileName: `${fx.name}.xlsx` });
  return verifica(grid, { file: fx.name, settings: SettingsSchema.parse({ dataRiferimento: `${fx.esercizio}-12-31` }) });
}

describe.each(fixtures.map((f) => [f.name, f] as [string, EnteFixture]))("ente layout %s", (_name, fx) => {
  it(`reads the ente scheda as written (${fx.description})`, async () => {
    const a = await analyse(fx);
    expect(a.report.esercizio).toBe(fx.esercizio);
    expect(fx.enti.length).toBeGreaterThan(0);
    for (const e of fx.enti) {
      const s = a.schede.find((x) => x.foglio === e.foglio);
      expect(s, `${fx.name}: scheda ${e.foglio}`).toBeDefined();
      const r = s!.scheda;
      expect(r.tipo).toBe("ente");
      expect(r.titolo).toBe(e.titolo);
      expect(r.personale.map((p) => [p.nome, p.categoria, p.prevista, p.realizzata])).toEqual(
        e.personale.map((p) => [p.nome, p.categoria, p.prevista, p.realizzata]),
      );
      expect(r.indicatori.map((i) => [i.cella, i.indicatore, i.atteso, i.realizzato, i.esito, i.esitoScritto])).toEqual(
        e.indicatori.map((i) => [i.cella, i.indicatore, i.atteso, i.realizzato, i.esito, i.esitoScritto]),
      );
      expect(s!.indicatori.map((i) => (i.ref.esito ? a1(i.ref.esito.r, i.ref.esito.c) : null))).toEqual(
        e.indicatori.map((i) => i.cellaEsito),
      );
      expect(s!.rec.grado && a1(s!.rec.grado.r, s!.rec.grado.c)).toBe(e.cellaGrado);
      expect(r.mediaValoreRaggiunto).toBe(e.mediaValoreRaggiunto);
      expect(s!.grado).toBe(e.mediaValoreRaggiunto);

      const on = (codice: string) => a.report.segnalazioni.filter((d) => d.codice === codice && d.foglio === e.foglio).map((d) => d.cella);
      expect(on("INDICE_MEDIA_DIVERGENTE")).toEqual(e.indiciDivergenti);
      expect(on("ESITO_DIVERGENTE")).toEqual(e.esitiDivergenti);
      expect(on("BLOCCO_NON_RICONOSCIUTO")).toEqual([]);
      expect(on("ESITO_NON_VALIDO")).toEqual([]);
      expect(on("PARTECIPAZIONE_PREVISTA_SOMMA")).toEqual([]);
      expect(on("PARTECIPAZIONE_NON_VALIDA")).toEqual([]);
      // The ente's "Peso obiettivo" does not weigh in a settore's grado (docs/RULES.md).
      expect(on("PESATURA_MANCANTE")).toEqual([]);
    }
    for (const e of fx.obiettivi) {
      const s = a.report.schede.find((x) => x.foglio === e.foglio);
      expect(s?.tipo, e.foglio).toBe("obiettivo");
      expect(s!.numero).toBe(e.numero);
      expect(s!.indicatori.map((i) => i.cella)).toEqual(e.indicatori.map((i) => i.cella));
      expect(s!.personale.map((p) => p.nome)).toEqual(e.personale.map((p) => p.nome));
    }
    expect(a.report.schede).toHaveLength(fx.enti.length + fx.obiettivi.length);
    expect(a.report.segnalazioni.filter((d) => d.codice === "SCHEDA_NON_RICONOSCIUTA")).toEqual([]);
  });
});

it("every ente fixture has a wrong typed media and a divergent esito to find", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(4);
  for (const f of fixtures)
    for (const e of f.enti) {
      expect(e.indiciDivergenti.length, f.name).toBe(1);
      expect(e.esitiDivergenti.length, f.name).toBe(1);
    }
});

it("recognises an ente scheda titled «… dell'ente» whose indicator block says only «Indicatori di performance»", () => {
  const g = sheet("Ente", [
    ["Obiettivo di performance organizzativa dell'ente", "ANNO", 2023],
    [],
    ["Indicatori di performance", "Atteso", "Realizzato", "Esito"],
    ["Rispetto equilibri di bilancio", { v: 1, fmt: "0%" }, { v: 0.9, fmt: "0%" }],
    ["Grado di raggiungimento dell'obiettivo"],
  ]);
  const a = verifica(wb(g), { file: "x", settings: SettingsSchema.parse({ dataRiferimento: "2023-12-31" }) });
  expect(a.report.schede.map((s) => [s.tipo, s.indicatori.map((i) => i.esito)])).toEqual([["ente", ["PARZIALE"]]]);
  expect(a.schede[0]!.rec.grado).toEqual({ r: 4, c: 1 });
});

it("reads indici whose media header says «Media 2020-2022» and reports the wrong typed media", () => {
  const g = sheet("Ente", [
    ["Obiettivo di performance organizzativa di ente", "ANNO", 2023],
    ["Indici"],
    [undefined, 2020, 2021, 2022, "Media 2020-2022", "2023 da rilevare a consuntivo"],
    ["N. dipendenti al 31.12", 24, 25, 25, 25, 22],
    ["Assunzioni", undefined, 3, 5, 3, 2],
    [],
    ["INDICATORI PERFORMANCE ORGANIZZATIVA DI ENTE", "Atteso", "Realizzato", "ESITO"],
    ["Rispetto equilibri di bilancio", "100%", "100%"],
    ["Grado di raggiungimento dell'obiettivo"],
  ]);
  const a = verifica(wb(g), { file: "x", settings: SettingsSchema.parse({ dataRiferimento: "2023-12-31" }) });
  expect(a.report.segnalazioni.filter((d) => d.codice === "INDICE_MEDIA_DIVERGENTE").map((d) => d.cella)).toEqual(["E5"]);
});

it("keeps an ente scheda that also carries an N. OBIETTIVO label an ente scheda", () => {
  const g = sheet("Ente", [
    ["Obiettivo di performance organizzativa di ente", "ANNO", 2023],
    ["N. obiettivo", "E.01"],
    ["Indici"],
    [undefined, 2020, 2021, 2022, "media"],
    ["Assunzioni", 1, 3, 5, 2],
    [],
    ["Personale coinvolto nel Processo"],
    ["Nome e cognome", "Categoria", "% partecipaz.prev.", "% partecipaz.eff."],
    ["Pia Romagnano", "PO", "100,00", "100,00"],
    [],
    ["INDICATORI PERFORMANCE ORGANIZZATIVA DI ENTE", "Atteso", "Realizzato", "ESITO"],
    ["Rispetto equilibri di bilancio", "100%", "100%"],
    ["Grado di raggiungimento dell'obiettivo"],
  ]);
  const a = verifica(wb(g), { file: "x", settings: SettingsSchema.parse({ dataRiferimento: "2023-12-31" }) });
  expect(a.report.schede.map((s) => s.tipo)).toEqual(["ente"]);
  expect(a.schede[0]!.rec.grado).toEqual({ r: 12, c: 1 });
  const codici = a.report.segnalazioni.map((d) => `${d.codice}@${d.cella}`);
  expect(codici).toContain("INDICE_MEDIA_DIVERGENTE@E5");
  expect(codici.filter((c) => c.startsWith("PESATURA"))).toEqual([]);
});
