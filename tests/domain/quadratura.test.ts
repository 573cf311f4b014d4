import { describe, expect, it } from "vitest";
import { fuoriEsercizio, parsePeriodo, quadratura, testoPeriodo, type VocePersonale } from "../../src/domain/quadratura";

const voce = (
  nome: string,
  foglio: string,
  prevista: number | null,
  realizzata: number | null,
  extra: Partial<VocePersonale> = {},
): VocePersonale => ({
  nome,
  foglio,
  cella: "B14",
  prevista,
  realizzata,
  ...extra,
});

describe("periods of service written with the name", () => {
  it("finds the period in parentheses or after the name", () => {
    expect(testoPeriodo("Marco Maoloni (gennaio - aprile 2023)")).toBe("gennaio - aprile 2023");
    expect(testoPeriodo("Massimiliano Borini da maggio 2023")).toBe("da maggio 2023");
    expect(testoPeriodo("Maria Marzo")).toBeNull();
  });

  it("reads ranges, open starts and ends, dates and bare years", () => {
    expect(parsePeriodo("gennaio - aprile 2023")).toMatchObject({ da: { y: 2023, m: 1 }, a: { y: 2023, m: 4 } });
    expect(parsePeriodo("da maggio 2023")).toMatchObject({ da: { y: 2023, m: 5 }, a: null });
    expect(parsePeriodo("fino al 30/04/2022")).toMatchObject({ da: null, a: { y: 2022, m: 4 } });
    expect(parsePeriodo("dal 1.9.2024")).toMatchObject({ da: { y: 2024, m: 9 }, a: null });
    expect(parsePeriodo("2022")).toMatchObject({ da: { y: 2022, m: 1 }, a: { y: 2022, m: 12 } });
    expect(parsePeriodo("part-time")).toBeNull();
  });

  it("is outside the esercizio only when wholly before or after it", () => {
    const out = (t: string) => fuoriEsercizio(parsePeriodo(t)!, 2023);
    expect(out("gennaio - aprile 2022")).toBe(true);
    expect(out("da maggio 2024")).toBe(true);
    expect(out("fino al 31/12/2022")).toBe(true);
    expect(out("da maggio 2022")).toBe(false); // still in service in 2023
    expect(out("novembre 2022 - febbraio 2023")).toBe(false);
    expect(out("da giugno")).toBe(false); // no year: cannot tell
  });
});

describe("quadratura", () => {
  it("sums a person written in several ways and flags the scheda where the total goes over 100 % + 0,5", () => {
    const [comi] = quadratura(
      [
        voce("Marina Comi", "Ob 1", 50, 50),
        voce("COMI MARINA", "Ob 2", 50.4, 40),
        voce("Marina Comì (da marzo 2023)", "Ob 3", 10, 20, { cella: "B20" }),
      ],
      2023,
    );
    expect([comi!.totalePrevista, comi!.totaleRealizzata]).toEqual([110.4, 110]);
    expect(comi!.eccedenze.map((e) => [e.misura, e.totale, e.voce.foglio, e.voce.cella])).toEqual([
      ["prevista", 110.4, "Ob 3", "B20"],
      ["realizzata", 110, "Ob 3", "B20"],
    ]);
    expect(comi!.periodi).toEqual(["da marzo 2023"]);
    expect(comi!.fuoriEsercizio).toEqual([]);
  });

  it("accepts 100,5 % and nothing over it", () => {
    const [a] = quadratura([voce("Pia Romagnano", "A", 60, 60.6), voce("Pia Romagnano", "B", 40, 40)], 2023);
    expect(a!.eccedenze.map((e) => e.misura)).toEqual(["realizzata"]);
    const [b] = quadratura([voce("Pia Romagnano", "A", 60, 60.5), voce("Pia Romagnano", "B", 40, 40)], 2023);
    expect(b!.eccedenze).toEqual([]);
  });

  it("scales the capienza by a part-time share", () => {
    const [p] = quadratura([voce("Rita Neri", "A", 30, 30, { fte: 0.5 }), voce("Rita Neri", "B", 30, 20)], 2023);
    expect(p!.capacita).toBe(50);
    expect(p!.eccedenze.map((e) => [e.misura, e.totale, e.capacita])).toEqual([["prevista", 60, 50]]);
  });

  it("flags a period wholly outside the esercizio", () => {
    const [p] = quadratura([voce("Anna Verdi (gennaio - marzo 2022)", "A", 10, 10)], 2023);
    expect(p!.fuoriEsercizio.map((f) => f.periodo.testo)).toEqual(["gennaio - marzo 2022"]);
  });
});
