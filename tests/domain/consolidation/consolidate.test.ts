import { describe, expect, it } from "vitest";
import { consolidate, gradoPesato } from "../../../src/domain/consolidation";
import { ConsolidationSchema, type ConsolidationInput } from "../../../src/domain/consolidation/model";
import { DEFAULT_SETTINGS, SettingsSchema } from "../../../src/domain/settings";
import { fase, indicatore, persona, report, scheda, segnalazione } from "./fixtures";

function settore1(): ConsolidationInput {
  return {
    file: "settore-1.xlsx",
    report: report(
      "settore-1.xlsx",
      [
        scheda("Ente", {
          tipo: "ente",
          titolo: "Obiettivo di performance organizzativa di ente",
          personale: [persona("Marina Comi", 20, 20)],
          indicatori: [indicatore("OK", 100, "Rispetto equilibri di bilancio"), indicatore("PARZIALE", 60, "Parametri")],
          mediaValoreRaggiunto: 80,
        }),
        scheda("Ob 1", {
          numero: "1.06.01",
          titolo: "Piano anticorruzione",
          pesatura: 30,
          personale: [persona("Marina Comi", 20, 25), persona("Marco Maoloni (gennaio - aprile 2023)", 80, 75)],
          fasi: [fase(1, "nei tempi", [1, 2], [1, 2]), fase(2, "in ritardo", [3], [3, 4]), fase(3, null, [], [])],
          indicatori: [indicatore("OK", 100), indicatore("OK", 100), indicatore(null, null)],
          mediaValoreRaggiunto: 100,
          mediaRispettoTempi: 50,
        }),
        scheda("Ob 2", {
          numero: "1.06.02",
          titolo: "PIAO",
          pesatura: 10,
          personale: [persona("COMI MARINA", 100, 100)],
          indicatori: [indicatore("PARZIALE", 60), indicatore("NON RAGGIUNTO", 20), indicatore("DA VERIFICARE", null)],
          mediaValoreRaggiunto: 40,
          mediaRispettoTempi: 100,
        }),
      ],
      [
        segnalazione("Ob 1", "PARTECIPAZIONE_REALIZZATA_SOMMA", "avviso", "D20"),
        segnalazione("Ob 1", "EFFETTIVO_FUTURO", "errore", "F30"),
        segnalazione("Ob 2", "ESITO_NON_VALIDO", "errore", "E41"),
        segnalazione("Foglio3", "SCHEDA_NON_RICONOSCIUTA", "info", "A1"),
      ],
    ),
    extra: {
      schede: {
        "Ob 1": {
          obiettivoStrategico: "1.01 Anticorruzione",
          missioneProgramma: "Missione 1 Programma 2",
          cellaNumero: "A5",
          cellePersonale: ["B12", "B13"],
        },
        "Ob 2": { cellaNumero: "A5", cellePersonale: ["B12"] },
      },
    },
  };
}

function settore2(): ConsolidationInput {
  return {
    file: "settore-2.xlsx",
    report: report("settore-2.xlsx", [
      scheda("Obiettivo A", {
        numero: "1.06.01",
        titolo: "Altro obiettivo con lo stesso numero",
        pesatura: null,
        personale: [persona("Comi Marina", 10, 10), persona("Marina  Comì", 5, null), persona("Mario Comi", 85, 90, "C")],
        fasi: [fase(4, "in ritardo", [5, 6], [])],
        indicatori: [indicatore("OK", 96)],
        mediaValoreRaggiunto: 96,
        mediaRispettoTempi: 0,
      }),
      scheda("Obiettivo B", {
        numero: "2.01.01",
        titolo: "Manutenzioni",
        pesatura: 50,
        personale: [persona("Marco Maoloni", 100, 100)],
        indicatori: [indicatore("PARZIALE", 70)],
        mediaValoreRaggiunto: 70,
        mediaRispettoTempi: null,
      }),
      scheda("Obiettivo C", {
        numero: "2.01.02",
        titolo: "Da misurare",
        pesatura: 20,
        indicatori: [indicatore(null, null)],
      }),
    ]),
  };
}

describe("consolidate", () => {
  const c = consolidate([settore1(), settore2()], DEFAULT_SETTINGS);

  it("produces a valid consolidation", () => {
    expect(ConsolidationSchema.safeParse(c).success).toBe(true);
    expect(c.file).toEqual(["settore-1.xlsx", "settore-2.xlsx"]);
    expect(c.esercizio).toBe(2023);
    expect(c.al).toBe("2023-12-31");
  });

  it("has one obiettivi row per scheda obiettivo with counts, class and diagnostics", () => {
    expect(c.obiettivi.map((o) => `${o.file}|${o.foglio}`)).toEqual([
      "settore-1.xlsx|Ob 1",
      "settore-1.xlsx|Ob 2",
      "settore-2.xlsx|Obiettivo A",
      "settore-2.xlsx|Obiettivo B",
      "settore-2.xlsx|Obiettivo C",
    ]);
    const [ob1, ob2, a, b, cc] = c.obiettivi;
    expect(ob1).toMatchObject({
      numero: "1.06.01",
      titolo: "Piano anticorruzione",
      obiettivoStrategico: "1.01 Anticorruzione",
      missioneProgramma: "Missione 1 Programma 2",
      pesatura: 30,
      nIndicatori: 3,
      esiti: {
        OK: 2,
        PARZIALE: 0,
        "NON RAGGIUNTO": 0,
        "DA VERIFICARE": 0,
        nonMisurati: 1,
      },
      mediaValoreRaggiunto: 100,
      mediaRispettoTempi: 50,
      classe: "raggiunto",
      errori: 1,
      // realizzata sum + duplicate number across files
      avvisi: 2,
    });
    expect(ob2).toMatchObject({
      obiettivoStrategico: null,
      esiti: {
        OK: 0,
        PARZIALE: 1,
        "NON RAGGIUNTO": 1,
        "DA VERIFICARE": 1,
        nonMisurati: 0,
      },
      classe: "non raggiunto",
      errori: 1,
      // "COMI MARINA" variant, and Marina Comi's 140 % prevista and 145 % realizzata reached on this scheda
      avvisi: 3,
    });
    expect(a!.classe).toBe("raggiunto"); // 96 ≥ 95
    expect(b!.classe).toBe("parzialmente raggiunto"); // 70 ≥ 60
    expect(cc!.classe).toBeNull();
    expect(cc!.mediaValoreRaggiunto).toBeNull();
  });

  it("applies the class thresholds from the settings", () => {
    const strict = SettingsSchema.parse({
      classeRaggiunto: 98,
      classeParziale: 75,
    });
    const s = consolidate([settore1(), settore2()], strict);
    expect(s.obiettivi.map((o) => o.classe)).toEqual(["raggiunto", "non raggiunto", "parzialmente raggiunto", "non raggiunto", null]);
    // exactly on the threshold counts as reached
    const edge = SettingsSchema.parse({
      classeRaggiunto: 96,
      classeParziale: 70,
    });
    const e = consolidate([settore2()], edge);
    expect(e.obiettivi.map((o) => o.classe)).toEqual(["raggiunto", "parzialmente raggiunto", null]);
  });

  it("weights the settore grado by pesatura", () => {
    const s1 = c.settori[0]!;
    // (30×100 + 10×40) / 40 = 85
    expect(s1).toMatchObject({
      file: "settore-1.xlsx",
      nObiettivi: 2,
      grado: 85,
      pesiUniformi: false,
      nota: null,
    });
    expect(s1.classe).toBe("parzialmente raggiunto");
    expect(s1.mediaRispettoTempi).toBe(75);
    expect(s1.classi).toEqual({
      raggiunto: 1,
      "parzialmente raggiunto": 0,
      "non raggiunto": 1,
      nonValutabili: 0,
    });
    expect(s1.fasiInRitardo).toBe(1);
    expect(s1.errori).toBe(2);
  });

  it("uses equal weights when a pesatura is missing, and says so", () => {
    const s2 = c.settori[1]!;
    // Obiettivo A has no pesatura: (96 + 70) / 2 = 83; Obiettivo C has no grado and does not count.
    expect(s2.grado).toBe(83);
    expect(s2.pesiUniformi).toBe(true);
    expect(s2.nota).toContain("pesi uguali");
    expect(s2.nota).toContain("in 1 obiettivo su 2");
    expect(s2.mediaRispettoTempi).toBe(0);
    expect(s2.classi.nonValutabili).toBe(1);
  });

  it("computes the ente line over every obiettivo of every file", () => {
    // one pesatura missing → equal weights over the four with a grado: (100+40+96+70)/4 = 76.5
    expect(c.ente).toMatchObject({
      nFile: 2,
      nObiettivi: 5,
      grado: 76.5,
      pesiUniformi: true,
      fasiInRitardo: 2,
    });
    expect(c.ente.classe).toBe("parzialmente raggiunto");
    expect(c.ente.mediaRispettoTempi).toBe(50);
    expect(c.ente.errori).toBe(2);
    expect(c.ente.nota).toContain("pesi uguali");
  });

  it("lists the fasi in ritardo with months planned and done", () => {
    expect(c.fasiInRitardo).toEqual([
      {
        file: "settore-1.xlsx",
        foglio: "Ob 1",
        numero: "1.06.01",
        titolo: "Piano anticorruzione",
        n: 2,
        descrizione: "Fase 2",
        previsto: [3],
        effettivo: [3, 4],
      },
      {
        file: "settore-2.xlsx",
        foglio: "Obiettivo A",
        numero: "1.06.01",
        titolo: "Altro obiettivo con lo stesso numero",
        n: 4,
        descrizione: "Fase 4",
        previsto: [5, 6],
        effettivo: [],
      },
    ]);
  });

  it("merges people written in different ways and keeps different people apart", () => {
    const nomi = c.personale.map((p) => p.nome);
    expect(nomi).toEqual(["Marco Maoloni", "Marina Comi", "Mario Comi"]);
    const comi = c.personale.find((p) => p.nome === "Marina Comi")!;
    expect(comi.varianti).toEqual(["Marina Comi", "COMI MARINA", "Comi Marina", "Marina  Comì"]);
    expect(comi.partecipazioni.map((p) => `${p.file}|${p.foglio}|${p.prevista}|${p.realizzata}`)).toEqual([
      "settore-1.xlsx|Ente|20|20",
      "settore-1.xlsx|Ob 1|20|25",
      "settore-1.xlsx|Ob 2|100|100",
      "settore-2.xlsx|Obiettivo A|10|10",
      "settore-2.xlsx|Obiettivo A|5|null",
    ]);
    expect(comi.totalePrevista).toBe(155);
    expect(comi.totaleRealizzata).toBe(155);
    expect(comi.categoria).toBe("PO");
    const maoloni = c.personale.find((p) => p.nome === "Marco Maoloni")!;
    expect(maoloni.varianti).toEqual(["Marco Maoloni (gennaio - aprile 2023)", "Marco Maoloni"]);
    expect(maoloni.totalePrevista).toBe(180);
    const mario = c.personale.find((p) => p.nome === "Mario Comi")!;
    expect(mario.varianti).toEqual(["Mario Comi"]);
    expect(mario.categoria).toBe("C");
  });

  it("reports PERSONA_NOME_VARIANTE at each other spelling, pointing at the cell when known", () => {
    const varianti = c.segnalazioni.filter((s) => s.codice === "PERSONA_NOME_VARIANTE");
    expect(varianti.map((s) => `${s.file}|${s.foglio}|${s.cella}`)).toEqual([
      // Marina Comi: the reference is the most used spelling
      "settore-1.xlsx|Ob 2|B12",
      "settore-2.xlsx|Obiettivo A|",
      "settore-2.xlsx|Obiettivo A|",
      // Marco Maoloni differs only by a period of service: listed as a variant, not flagged
    ]);
    expect(varianti.every((s) => s.gravita === "avviso")).toBe(true);
    expect(varianti[0]!.messaggio).toContain('"COMI MARINA"');
    expect(varianti[0]!.messaggio).toContain('"Marina Comi"');
    expect(varianti.some((s) => s.messaggio.includes("Maoloni"))).toBe(false);
  });

  it("raises OBIETTIVO_NUMERO_DUPLICATO across files", () => {
    const dup = c.segnalazioni.filter((s) => s.codice === "OBIETTIVO_NUMERO_DUPLICATO");
    expect(dup.map((s) => `${s.file}|${s.foglio}|${s.cella}`)).toEqual(["settore-1.xlsx|Ob 1|A5", "settore-2.xlsx|Obiettivo A|"]);
    expect(dup[0]!.messaggio).toContain("settore-2.xlsx › Obiettivo A");
    expect(dup[1]!.messaggio).toContain("settore-1.xlsx › Ob 1");
  });

  it("does not flag a number repeated only inside one workbook (the engine does that)", () => {
    const one = settore1();
    one.report.schede[2]!.numero = "1.06.01";
    const s = consolidate([one], DEFAULT_SETTINGS);
    expect(s.segnalazioni.filter((x) => x.codice === "OBIETTIVO_NUMERO_DUPLICATO")).toEqual([]);
  });

  it("keeps every diagnostic of the files, with the file", () => {
    const fromFiles = c.segnalazioni.filter((s) => s.messaggio.startsWith("messaggio "));
    expect(fromFiles.map((s) => `${s.file}|${s.codice}`)).toEqual([
      "settore-1.xlsx|PARTECIPAZIONE_REALIZZATA_SOMMA",
      "settore-1.xlsx|EFFETTIVO_FUTURO",
      "settore-1.xlsx|ESITO_NON_VALIDO",
      "settore-1.xlsx|SCHEDA_NON_RICONOSCIUTA",
    ]);
  });

  it("does not repeat a name variant the engine already flagged at the same cell", () => {
    const one = settore1();
    one.report.segnalazioni.push(segnalazione("Ob 2", "PERSONA_NOME_VARIANTE", "avviso", "B12"));
    const s = consolidate([one], DEFAULT_SETTINGS);
    expect(s.segnalazioni.filter((x) => x.codice === "PERSONA_NOME_VARIANTE" && x.cella === "B12")).toHaveLength(1);
  });

  it("shows the ente schede with their indicators and grado", () => {
    expect(c.performanceEnte).toHaveLength(1);
    const e = c.performanceEnte[0]!;
    expect(e).toMatchObject({
      file: "settore-1.xlsx",
      foglio: "Ente",
      grado: 80,
      classe: "parzialmente raggiunto",
    });
    expect(e.indicatori.map((i) => [i.indicatore, i.esito])).toEqual([
      ["Rispetto equilibri di bilancio", "OK"],
      ["Parametri", "PARZIALE"],
    ]);
  });

  it("lists the files that could not be read", () => {
    const s = consolidate([settore2()], DEFAULT_SETTINGS, {
      nonLetti: [{ file: "rotto.xlsx", motivo: "Il file non è una cartella di lavoro." }],
    });
    expect(s.fileNonLetti).toEqual([{ file: "rotto.xlsx", motivo: "Il file non è una cartella di lavoro." }]);
  });

  it("copes with no obiettivo at all", () => {
    const s = consolidate([{ file: "vuoto.xlsx", report: report("vuoto.xlsx", []) }], DEFAULT_SETTINGS);
    expect(s.ente).toMatchObject({
      nObiettivi: 0,
      grado: null,
      classe: null,
      nota: null,
      pesiUniformi: false,
    });
    expect(s.personale).toEqual([]);
  });

  it("says when no obiettivo has a grado yet", () => {
    const s = consolidate(
      [
        {
          file: "a.xlsx",
          report: report("a.xlsx", [scheda("X", { numero: "1", pesatura: 10 })]),
        },
      ],
      DEFAULT_SETTINGS,
    );
    expect(s.settori[0]!.grado).toBeNull();
    expect(s.settori[0]!.nota).toContain("Nessun obiettivo");
  });
});

describe("gradoPesato", () => {
  it("weights by pesatura, ignores obiettivi without grado", () => {
    expect(
      gradoPesato([
        { pesatura: 1, grado: 100 },
        { pesatura: 3, grado: 0 },
        { pesatura: null, grado: null },
      ]),
    ).toEqual({
      grado: 25,
      pesiUniformi: false,
      senzaPeso: 0,
      conGrado: 2,
    });
  });
  it("falls back to equal weights when the pesature add up to zero", () => {
    expect(
      gradoPesato([
        { pesatura: 0, grado: 100 },
        { pesatura: 0, grado: 50 },
      ]),
    ).toMatchObject({ grado: 75, pesiUniformi: true });
  });
  it("rounds to two decimals", () => {
    expect(
      gradoPesato([
        { pesatura: 1, grado: 100 },
        { pesatura: 2, grado: 0 },
      ]).grado,
    ).toBe(33.33);
  });
});

describe("consolidate with unusual sheet names", () => {
  it("reads the extra of a foglio called __proto__ or constructor as its own", () => {
    const input: ConsolidationInput = {
      file: "a.xlsx",
      report: report("a.xlsx", [
        scheda("__proto__", { numero: "1", personale: [persona("Anna Neri", 100, 100)] }),
        scheda("constructor", { numero: "2" }),
        scheda("toString", { numero: "3" }),
      ]),
      extra: { schede: Object.assign(Object.create(null) as Record<string, never>, { ["__proto__"]: { obiettivoStrategico: "S1" } }) },
    };
    const c = consolidate([input], DEFAULT_SETTINGS);
    expect(c.obiettivi.map((o) => [o.foglio, o.obiettivoStrategico])).toEqual([
      ["__proto__", "S1"],
      ["constructor", null],
      ["toString", null],
    ]);
    expect(c.personale[0]!.partecipazioni[0]!.foglio).toBe("__proto__");
  });
});
