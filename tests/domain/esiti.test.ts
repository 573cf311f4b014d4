import { describe, expect, it } from "vitest";
import { direzioneDi, esitoDa, esitoScrittoValido, media, valutaIndicatore } from "../../src/domain/esiti";

const v = (nome: string, atteso: unknown, realizzato: unknown, note: string | null = null, fmtA?: string, fmtR?: string) =>
  valutaIndicatore(
    { nome, atteso: { v: atteso as never, fmt: fmtA }, realizzato: { v: realizzato as never, fmt: fmtR }, note },
    2023,
    100,
    50,
  );

describe("raggiungimento ed esito (spec §4.1)", () => {
  it("passes the seed checks", () => {
    expect(v("Attuazione misure", 0.8, 0.8, null, "0.00%", "0%")).toMatchObject({ tipo: "percentuale", raggiungimento: 100, esito: "OK" });
    expect(v("Tempestività pagamenti", 0, -8)).toMatchObject({ direzione: "decrescente", raggiungimento: 100, esito: "OK" });
    expect(v("monitoraggio finale", "15-dic", "01-dic")).toMatchObject({
      tipo: "data",
      raggiungimento: 100,
      esito: "OK",
      atteso: "2023-12-15",
    });
    expect(v("Struttura del PIAO", "SI/NO", "SI")).toMatchObject({ tipo: "si_no", raggiungimento: 100, esito: "OK" });
  });
  it("crescente: proportional below the target, 0 when nothing was done", () => {
    expect(v("Pratiche evase", 100, 80)).toMatchObject({ raggiungimento: 80, esito: "PARZIALE" });
    expect(v("Pratiche evase", 100, 40)).toMatchObject({ raggiungimento: 40, esito: "NON RAGGIUNTO" });
    expect(v("Pratiche evase", 100, 0)).toMatchObject({ raggiungimento: 0 });
    expect(v("Pratiche evase", 100, 120)).toMatchObject({ raggiungimento: 100 });
  });
  it("decrescente: atteso / realizzato above the target, 0 when atteso ≤ 0", () => {
    expect(v("Tempo medio di risposta", 30, 40)).toMatchObject({ direzione: "decrescente", raggiungimento: 75, esito: "PARZIALE" });
    expect(v("Tempestività pagamenti", 0, 5)).toMatchObject({ raggiungimento: 0, esito: "NON RAGGIUNTO" });
  });
  it("dates are deadlines", () => {
    expect(v("Approvazione", "30/06/2023", "15/07/2023")).toMatchObject({
      direzione: "decrescente",
      raggiungimento: 0,
      esito: "NON RAGGIUNTO",
    });
  });
  it("a date without a year takes the other value's year", () => {
    const r = v("monitoraggio finale", "24-gen", "24/01/2024 recepito nella relazione");
    expect(r).toMatchObject({ atteso: "2024-01-24", realizzato: "2024-01-24", esito: "OK" });
    expect(r.senzaAnno).toEqual(["atteso"]);
  });
  it("SI/NO different from the target is 0", () => {
    expect(v("Adozione", "SI", "NO")).toMatchObject({ raggiungimento: 0, esito: "NON RAGGIUNTO" });
  });
  it("cannot compare text or different tipi: DA VERIFICARE", () => {
    expect(v("Relazione", "relazione", "fatta")).toMatchObject({ raggiungimento: null, esito: "DA VERIFICARE", nonValutabile: true });
    expect(v("Scadenza", "30/06/2023", "SI")).toMatchObject({ esito: "DA VERIFICARE", nonValutabile: true });
    expect(v("Pratiche", null, 10)).toMatchObject({ esito: "DA VERIFICARE", nonValutabile: true });
  });
  it("an empty realizzato is simply not yet measured", () => {
    expect(v("Pratiche", 100, null)).toMatchObject({ esito: null, raggiungimento: null, nonValutabile: false });
  });
  it("a percentage beside a plain number compares as percentages", () => {
    expect(v("Copertura", "80%", 80)).toMatchObject({ tipo: "percentuale", esito: "OK" });
  });
});

describe("direzione", () => {
  it("the Note wins, then the atteso's operator, then the name", () => {
    expect(direzioneDi("Tempestività", "0", "crescente", "numero")).toBe("crescente");
    expect(direzioneDi("Pratiche", "<= 30", null, "numero")).toBe("decrescente");
    expect(direzioneDi("Pratiche", "entro 30", null, "numero")).toBe("decrescente");
    expect(direzioneDi("Pratiche", "max 5", null, "numero")).toBe("decrescente");
    for (const n of [
      "Tempestività pagamenti",
      "Tempi medi di rilascio",
      "Giorni di attesa",
      "Ritardo medio",
      "Riduzione dei costi",
      "Reclami ricevuti",
      "Errori di protocollo",
    ])
      expect(direzioneDi(n, "10", null, "numero")).toBe("decrescente");
    expect(direzioneDi("Pratiche evase", "10", null, "numero")).toBe("crescente");
    expect(direzioneDi("Qualsiasi", "30/06", "crescente", "data")).toBe("crescente");
    expect(direzioneDi("Qualsiasi", "30/06", null, "data")).toBe("decrescente");
  });
});

describe("soglie, esiti scritti e medie", () => {
  it("uses the thresholds", () => {
    expect(esitoDa(100, 100, 50)).toBe("OK");
    expect(esitoDa(90, 90, 50)).toBe("OK");
    expect(esitoDa(50, 100, 50)).toBe("PARZIALE");
    expect(esitoDa(49.9, 100, 50)).toBe("NON RAGGIUNTO");
  });
  it("recognises valid written esiti only", () => {
    expect(esitoScrittoValido(" ok ")).toBe("OK");
    expect(esitoScrittoValido("Non raggiunto")).toBe("NON RAGGIUNTO");
    expect(esitoScrittoValido("da verificare")).toBe("DA VERIFICARE");
    expect(esitoScrittoValido("30-giu")).toBeNull();
  });
  it("weights the mean when every indicator has a weight", () => {
    expect(media([100, 50])).toBe(75);
    expect(media([100, 50], [3, 1])).toBe(87.5);
    expect(media([100, 50], [3, null])).toBe(75);
    expect(media([])).toBeNull();
  });
});
