/**
 * Quadratura per persona in `peg verifica` (spec §4.3b), on the seed sample: Marina Comi and
 * Antonia Tarantino total 110 % realizzata across the five schede (ente included), Pia Romagnano
 * exactly 100 %.
 */
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ReportSchema, type Report } from "../../../src/domain/model";
import { fteDa } from "../../../src/sheets/consolidation/quadratura";
import { peg } from "../../cli/helpers";

const SAMPLE = resolve(__dirname, "../../../assets/esempio-peg-2023.xlsx");

describe("peg verifica --json on the seed sample: quadratura", () => {
  let report: Report;
  beforeAll(async () => {
    const run = await peg(["verifica", SAMPLE, "--json", "--al", "2023-12-31"]);
    report = ReportSchema.parse(JSON.parse(run.stdout));
  }, 60_000);

  it("flags Marina Comi and Antonia Tarantino at their cell on the scheda that goes over 100 %", () => {
    const ecc = report.segnalazioni.filter((s) => s.codice === "PERSONA_PARTECIPAZIONE_ECCEDENTE");
    expect(ecc.map((s) => `${s.foglio}!${s.cella} ${s.gravita}`)).toEqual(["Ob 4!B14 avviso", "Ob 4!B20 avviso"]);
    const [comi, tarantino] = ecc;
    expect(comi!.messaggio).toContain("Marina Comi ha in totale 110 % di partecipazione realizzata");
    expect(comi!.messaggio).toContain("Ente 20 %, Ob 1 25 %, Ob 2 20 %, Ob 3 25 %, Ob 4 20 %");
    expect(tarantino!.messaggio).toContain("Antonia Tarantino ha in totale 110 % di partecipazione realizzata");
    // The cells are the names on Ob 4.
    const ob4 = report.schede.find((s) => s.foglio === "Ob 4")!;
    expect(ob4.personale.map((p) => p.nome)).toContain("Marina Comi");
  });

  it("does not flag Pia Romagnano (exactly 100 %) nor any prevista (all 100 %)", () => {
    const ecc = report.segnalazioni.filter((s) => s.codice === "PERSONA_PARTECIPAZIONE_ECCEDENTE");
    expect(ecc.some((s) => s.messaggio.includes("Pia Romagnano"))).toBe(false);
    expect(ecc.some((s) => s.messaggio.includes("prevista"))).toBe(false);
    // The sample's periods are all within 2023.
    expect(report.segnalazioni.some((s) => s.codice === "PERSONA_PERIODO_FUORI_ESERCIZIO")).toBe(false);
  });
});

describe("part-time / FTE values", () => {
  it("reads percentages, fractions, hours and words as a share of full time", () => {
    expect(fteDa(50)).toBe(0.5);
    expect(fteDa(0.5)).toBe(0.5);
    expect(fteDa("50%")).toBe(0.5);
    expect(fteDa("18/36")).toBe(0.5);
    expect(fteDa("tempo pieno")).toBe(1);
    expect(fteDa("boh")).toBeNull();
    expect(fteDa(150)).toBeNull();
  });
});
