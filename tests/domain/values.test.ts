import { describe, expect, it } from "vitest";
import { valutaIndicatore } from "../../src/domain/esiti";
import { comparatore, monthFromLabel, parseDateText, parseNumberText, parsePercent, parseValue } from "../../src/domain/values";

describe("percentuali (spec §3)", () => {
  it("reads a fraction with a % format as a percent", () => {
    expect(parsePercent({ v: 0.2, fmt: "0%" })).toEqual({ ok: true, value: 20 });
    expect(parsePercent({ v: 0.8, fmt: "0.00%" })).toEqual({ ok: true, value: 80 });
  });
  it("reads text and plain numbers as percents", () => {
    for (const t of ["20%", "20,00", "20,00 %", "20"]) expect(parsePercent({ v: t })).toEqual({ ok: true, value: 20 });
    expect(parsePercent({ v: "20.5" })).toEqual({ ok: true, value: 20.5 });
    expect(parsePercent({ v: 20 })).toEqual({ ok: true, value: 20 });
  });
  it("refuses text that is not a number", () => {
    expect(parsePercent({ v: "venti" })).toEqual({ ok: false });
  });
  it("treats an empty cell as not filled", () => {
    expect(parsePercent({ v: null })).toEqual({ ok: true, value: null });
    expect(parsePercent({ v: "  " })).toEqual({ ok: true, value: null });
  });
});

describe("numeri", () => {
  it("understands Italian and English separators", () => {
    expect(parseNumberText("1.234,5")).toBe(1234.5);
    expect(parseNumberText("1,234.5")).toBe(1234.5);
    expect(parseNumberText("1.234")).toBe(1234);
    expect(parseNumberText("0.125")).toBe(0.125);
    expect(parseNumberText("20,5")).toBe(20.5);
    expect(parseNumberText("-8")).toBe(-8);
    expect(parseNumberText("\u22128")).toBe(-8);
    expect(parseNumberText("abc")).toBeNull();
  });
  it("reads a number inside words", () => {
    expect(parseValue({ v: "circa 80 pratiche" })).toEqual({ tipo: "numero", value: 80 });
    expect(parseValue({ v: "<= 30 giorni" })).toEqual({ tipo: "numero", value: 30 });
  });
});

describe("date", () => {
  it("reads real dates and serials with a date format", () => {
    expect(parseValue({ v: new Date(Date.UTC(2023, 5, 30)) })).toEqual({ tipo: "data", date: { y: 2023, m: 6, d: 30 } });
    expect(parseValue({ v: 45107, fmt: "dd/mm/yyyy" })).toEqual({ tipo: "data", date: { y: 2023, m: 6, d: 30 } });
  });
  it("reads Italian text dates with and without a year", () => {
    expect(parseDateText("30/06/2023")).toEqual({ y: 2023, m: 6, d: 30 });
    expect(parseDateText("30/06")).toEqual({ y: null, m: 6, d: 30 });
    expect(parseDateText("30-giu")).toEqual({ y: null, m: 6, d: 30 });
    expect(parseDateText("1-dic")).toEqual({ y: null, m: 12, d: 1 });
    expect(parseDateText("30 giugno 2023")).toEqual({ y: 2023, m: 6, d: 30 });
    expect(parseDateText("15 settem. 2023")).toEqual({ y: 2023, m: 9, d: 15 });
    expect(parseDateText("2023-06-30")).toEqual({ y: 2023, m: 6, d: 30 });
    expect(parseDateText("31/02/2023")).toBeNull();
  });
  it("finds the date in text mixed with words", () => {
    expect(parseValue({ v: "24/01/2024 recepito nella relazione al PIAO" })).toEqual({
      tipo: "data",
      date: { y: 2024, m: 1, d: 24 },
    });
  });
  it("knows full and abbreviated month names", () => {
    expect(monthFromLabel("settem.")).toBe(9);
    expect(monthFromLabel("novem.")).toBe(11);
    expect(monthFromLabel("Gennaio")).toBe(1);
    expect(monthFromLabel("GEN")).toBe(1);
    expect(monthFromLabel("previsto")).toBeNull();
  });
});

describe("SI/NO", () => {
  it("reads every spelling, and SI/NO as target SI", () => {
    for (const t of ["SI", "Sì", "SÌ", "si"]) expect(parseValue({ v: t })).toEqual({ tipo: "si_no", value: "SI" });
    for (const t of ["NO", "no"]) expect(parseValue({ v: t })).toEqual({ tipo: "si_no", value: "NO" });
    expect(parseValue({ v: "SI/NO" })).toEqual({ tipo: "si_no", value: "SI" });
  });
  it("leaves other text as text", () => {
    expect(parseValue({ v: "relazione approvata" })).toEqual({ tipo: "testo", text: "relazione approvata" });
  });
});

describe("dotted dates and comparison words (issue 8)", () => {
  it("reads a dotted day.month[.year] as a date, never as a number with thousands dots", () => {
    expect(parseValue({ v: "31.12.2020" })).toEqual({ tipo: "data", date: { y: 2020, m: 12, d: 31 } });
    expect(parseValue({ v: "30.09" })).toEqual({ tipo: "data", date: { y: null, m: 9, d: 30 } });
    expect(parseValue({ v: "entro il 30.09.2016" })).toEqual({ tipo: "data", date: { y: 2016, m: 9, d: 30 } });
    expect(parseValue({ v: "20.5" })).toEqual({ tipo: "numero", value: 20.5 });
    expect(parseValue({ v: "1.06" })).toEqual({ tipo: "numero", value: 1.06 });
    expect(parseValue({ v: "40.000" })).toEqual({ tipo: "numero", value: 40000 });
  });
  it("never reads a participation percentage as a date", () => {
    expect(parsePercent({ v: "12.10" })).toEqual({ ok: true, value: 12.1 });
  });
  it("tells at least, strictly more, at most and strictly less apart", () => {
    expect(comparatore("≥ 80%")).toEqual({ direzione: "crescente", stretto: false });
    expect(comparatore("almeno 4")).toEqual({ direzione: "crescente", stretto: false });
    expect(comparatore("non inferiore al 90%")).toEqual({ direzione: "crescente", stretto: false });
    expect(comparatore("superiore ad 1")).toEqual({ direzione: "crescente", stretto: true });
    expect(comparatore("> 1")).toEqual({ direzione: "crescente", stretto: true });
    expect(comparatore("≤ 30 min")).toEqual({ direzione: "decrescente", stretto: false });
    expect(comparatore("non superiore a 30 giorni")).toEqual({ direzione: "decrescente", stretto: false });
    expect(comparatore("inferiore a 5")).toEqual({ direzione: "decrescente", stretto: true });
    expect(comparatore("80%")).toBeNull();
  });
  it("a strict bound is not met at equality", () => {
    const v = (atteso: string, realizzato: number) =>
      valutaIndicatore({ nome: "Incontri", atteso: { v: atteso }, realizzato: { v: realizzato }, note: null }, 2023, 100, 50);
    expect(v("superiore a 1", 2)).toMatchObject({ raggiungimento: 100, esito: "OK" });
    expect(v("superiore a 1", 1)).toMatchObject({ raggiungimento: 99.99, esito: "PARZIALE" });
    expect(v("superiore a 10", 7)).toMatchObject({ raggiungimento: 70, esito: "PARZIALE" });
    expect(v("almeno 1", 1)).toMatchObject({ raggiungimento: 100, esito: "OK" });
    expect(v("inferiore a 5", 5)).toMatchObject({ esito: "PARZIALE" });
  });
});
