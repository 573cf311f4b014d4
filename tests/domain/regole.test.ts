/** Fasce, missing realizzato at year end, decreasing formula and forced esiti (spec §4.3c, issue 11). */
import { describe, expect, it } from "vitest";
import { forzaEsito, motivoForzatura, punteggioFasce, valutaIndicatore, type RegoleValutazione } from "../../src/domain/esiti";
import { leggiPesatura } from "../../src/domain/pesi";
import { DEFAULT_SETTINGS, SettingsSchema, loadSettings } from "../../src/domain/settings";

const val = (atteso: unknown, realizzato: unknown, regole: RegoleValutazione = {}, nome = "Pratiche evase") =>
  valutaIndicatore({ nome, atteso: { v: atteso as string }, realizzato: { v: realizzato as string }, note: null }, 2023, 100, 50, regole);

describe("fasce", () => {
  it("fixed bands give their score", () => {
    const fasce = [
      { min: 0, max: 60, punteggio: 0, proporzionale: false },
      { min: 60, max: 90, punteggio: 70, proporzionale: false },
      { min: 90, max: 100, punteggio: 100, proporzionale: false },
    ];
    expect(punteggioFasce(59, fasce)).toBe(0);
    expect(punteggioFasce(60, fasce)).toBe(70); // a shared bound belongs to the higher band
    expect(punteggioFasce(95, fasce)).toBe(100);
    const v = val(100, 80, { fasce });
    expect([v.raggiungimento, v.raggiungimentoCalcolato, v.esito]).toEqual([70, 80, "PARZIALE"]);
  });

  it("proportional bands give score × (r − min)/(max − min)", () => {
    const fasce = [{ min: 60, max: 100, punteggio: 100, proporzionale: true }];
    expect(punteggioFasce(80, fasce)).toBe(50);
    expect(punteggioFasce(100, fasce)).toBe(100);
    expect(punteggioFasce(40, fasce)).toBe(0); // outside every band
    const v = val(100, 90, { fasce });
    expect([v.raggiungimento, v.esito]).toEqual([75, "PARZIALE"]);
  });

  it("no fasce: the raggiungimento is the score, as before", () => {
    const v = val(100, 80);
    expect([v.raggiungimento, v.esito, v.raggiungimentoCalcolato]).toEqual([80, "PARZIALE", undefined]);
  });
});

describe("missing realizzato at year end", () => {
  it("not computed (default): no esito, not counted", () => {
    const v = val(100, null, { finale: true });
    expect([v.raggiungimento, v.esito, v.mancante]).toEqual([null, null, undefined]);
  });
  it("zero: counted as 0, NON RAGGIUNTO", () => {
    const v = val(100, null, { finale: true, realizzatoMancante: "zero" });
    expect([v.raggiungimento, v.esito, v.mancante]).toEqual([0, "NON RAGGIUNTO", "zero"]);
    // Mid-year an empty realizzato is simply not measured yet.
    expect(val(100, null, { finale: false, realizzatoMancante: "zero" }).esito).toBeNull();
  });
  it("non valutabile: DA VERIFICARE, weighing 0 in the media", () => {
    const v = val(100, null, { finale: true, realizzatoMancante: "non valutabile" });
    expect([v.raggiungimento, v.esito, v.mancante, v.nonValutabile]).toEqual([null, "DA VERIFICARE", "non valutabile", false]);
  });
});

describe("decreasing formula", () => {
  it("rapporto (default): 100 × atteso / realizzato", () => {
    expect(val(20, 25, {}, "Tempo medio di risposta (giorni)").raggiungimento).toBe(80);
  });
  it("lineare: 100 × (2·atteso − realizzato) / atteso, never below 0", () => {
    expect(val(20, 25, { formulaDecrescente: "lineare" }, "Tempo medio di risposta (giorni)").raggiungimento).toBe(75);
    expect(val(20, 45, { formulaDecrescente: "lineare" }, "Tempo medio di risposta (giorni)").raggiungimento).toBe(0);
    expect(val(20, 15, { formulaDecrescente: "lineare" }, "Tempo medio di risposta (giorni)").raggiungimento).toBe(100);
  });
});

describe("forced esiti", () => {
  it("reads the reason after 'forzato'", () => {
    expect(motivoForzatura("forzato: fattori esogeni, approvato dal Nucleo")).toBe("fattori esogeni, approvato dal Nucleo");
    expect(motivoForzatura("Forzato - calamità")).toBe("calamità");
    expect(motivoForzatura("esito forzato")).toBeNull(); // must start with it
    expect(motivoForzatura(null)).toBeNull();
  });
  it("keeps the typed esito and counts the raggiungimento it stands for", () => {
    const v = val(100, 80);
    expect(forzaEsito(v, "OK", "m", 100, 50)).toMatchObject({
      esito: "OK",
      raggiungimento: 100,
      forzato: { esitoCalcolato: "PARZIALE", raggiungimentoCalcolato: 80 },
    });
    expect(forzaEsito(v, "PARZIALE", "m", 100, 50).raggiungimento).toBe(80); // already in the band
    expect(forzaEsito(v, "NON RAGGIUNTO", "m", 100, 50).raggiungimento).toBe(0);
    expect(forzaEsito(v, "DA VERIFICARE", "m", 100, 50).raggiungimento).toBeNull();
  });
});

describe("pesatura", () => {
  it("reads percentages, points, coefficients and fractions; X / prerequisito / - are preconditions", () => {
    expect(leggiPesatura({ v: "30%" }).peso).toBe(30);
    expect(leggiPesatura({ v: 1.2 }).peso).toBe(1.2);
    expect(leggiPesatura({ v: "1,4" }).peso).toBe(1.4);
    expect(leggiPesatura({ v: "50/100" }).peso).toBe(50);
    for (const x of ["X", "x", "prerequisito", "Prerequisito", "-"])
      expect(leggiPesatura({ v: x }), x).toEqual({ peso: null, prerequisito: x });
    expect(leggiPesatura({ v: null })).toEqual({ peso: null, prerequisito: null });
  });
});

describe("settings", () => {
  it("defaults keep spec §4.1 and invalid stored values fall back", () => {
    expect([DEFAULT_SETTINGS.fasce, DEFAULT_SETTINGS.realizzatoMancante, DEFAULT_SETTINGS.formulaDecrescente]).toEqual([
      [],
      "non calcolato",
      "rapporto",
    ]);
    expect(SettingsSchema.safeParse({ fasce: [{ min: 50, max: 40, punteggio: 10 }] }).success).toBe(false);
    expect(loadSettings({ fasce: "boh", formulaDecrescente: "lineare" })).toMatchObject({ fasce: [], formulaDecrescente: "lineare" });
  });
});
