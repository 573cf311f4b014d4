/**
 * `peg consolida` and issue 11, end to end over three settori workbooks made here: a person
 * written in two ways who exceeds 100 % only across the files, a period outside the esercizio,
 * the strategic roll-up with pesi as coefficients (1,0 / 1,2 / 1,4) and a prerequisito, a forced
 * esito, and `--confronta` against the riepilogo of 30/06 made by the same test, every row of
 * "Variazioni" checked.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsolida } from "../../src/cli/consolida";
import { ReportSchema } from "../../src/domain/model";
import { peg } from "./helpers";
import type { CliIO } from "../../src/cli/io";
import { ConsolidationSchema, type Consolidation } from "../../src/domain/consolidation";
import ExcelJS from "../../src/hosts/xlsx/exceljs";
import { workbookFromSpecs } from "../../src/hosts/xlsx/render";
import { layoutSchedaObiettivo, type SchedaObiettivoData } from "../../src/sheets/layout/scheda-obiettivo";
import type { SheetSpec } from "../../src/sheets/sheet-spec";

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), today: () => new Date(2024, 2, 1) };
}

const SICUREZZA: SchedaObiettivoData = {
  numero: "1.01",
  titolo: "Controllo del territorio",
  pesatura: 1.0,
  strategico: "1 Città sicura",
  missione: "Missione 3 Programma 1",
  personale: [
    { categoria: "D", nome: "Laura Bianchi", prevista: 60, realizzata: 60 },
    { categoria: "C", nome: "Anna Verdi (gennaio - marzo 2022)", prevista: 40, realizzata: 40 },
  ],
  fasi: [{ descrizione: "Pattugliamenti", previsto: [9], effettivo: [] }],
  indicatori: [
    {
      indicatore: "Controlli eseguiti",
      attesa: 100,
      realizzata: 80,
      esito: "OK",
      note: "forzato: fattori esogeni, approvato dal Nucleo",
    },
  ],
};

const scuole = (realizzata: number, effettivo: number[]): SchedaObiettivoData => ({
  numero: "2.01",
  titolo: "Edilizia scolastica",
  pesatura: 1.2,
  strategico: "1 Città sicura",
  missione: "Missione 4 Programma 2",
  personale: [
    { categoria: "D", nome: "BIANCHI LAURA", prevista: 30, realizzata: 30 },
    { categoria: "C", nome: "Marco Neri", prevista: 70, realizzata: 70 },
  ],
  fasi: [{ descrizione: "Lavori", previsto: [3], effettivo }],
  indicatori: [{ indicatore: "Aule sistemate", attesa: 10, realizzata }],
});

const VERDE: SchedaObiettivoData = {
  numero: "3.01",
  titolo: "Verde pubblico",
  pesatura: 1.4,
  strategico: "2 Città verde",
  missione: "Missione 9 Programma 2",
  personale: [
    { categoria: "D", nome: "Laura Bianchi", prevista: 20, realizzata: 20 },
    { categoria: "C", nome: "Giulia Rosa", prevista: 80, realizzata: 80 },
  ],
  fasi: [{ descrizione: "Piantumazione", previsto: [2], effettivo: [2] }],
  indicatori: [{ indicatore: "Alberi piantati", attesa: 100, realizzata: 100 }],
};

const VECCHIO: SchedaObiettivoData = {
  numero: "3.02",
  titolo: "Regolamento del verde",
  // A precondition: evaluated, never weighed.
  pesatura: "X" as unknown as number,
  strategico: "2 Città verde",
  missione: "Missione 9 Programma 2",
  personale: [
    { categoria: "C", nome: "Giulia Rosa", prevista: 20, realizzata: 20 },
    { categoria: "C", nome: "Paolo Gialli", prevista: 80, realizzata: 80 },
  ],
  fasi: [{ descrizione: "Bozza", previsto: [1], effettivo: [1] }],
  indicatori: [{ indicatore: "Articoli scritti", attesa: 10, realizzata: 5 }],
};

const NUOVO: SchedaObiettivoData = {
  numero: "3.03",
  titolo: "Orti urbani",
  pesatura: 1.0,
  strategico: "2 Città verde",
  personale: [
    { categoria: "C", nome: "Giulia Rosa", prevista: 20, realizzata: 20 },
    { categoria: "C", nome: "Paolo Gialli", prevista: 80, realizzata: 80 },
  ],
  fasi: [{ descrizione: "Bando", previsto: [10], effettivo: [10] }],
  indicatori: [{ indicatore: "Orti assegnati", attesa: 20, realizzata: 20 }],
};

/** The scheda with a "Linea di mandato: …" label carrying its value, right of the header. */
function conMandato(spec: SheetSpec, linea: string): SheetSpec {
  return { ...spec, cells: [...spec.cells, { r: 1, c: 15, v: `Linea di mandato: ${linea}` }] };
}

async function save(path: string, schede: Array<[string, SchedaObiettivoData]>, mandato?: string): Promise<void> {
  const specs = schede.map(([nome, dati]) => layoutSchedaObiettivo({ nome, anno: 2023, dati }));
  writeFileSync(path, await workbookFromSpecs(mandato ? [conMandato(specs[0]!, mandato), ...specs.slice(1)] : specs));
}

async function rowsOf(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const list: unknown[][] = [];
  ws.eachRow((row, r) => (list[r - 1] = (row.values as unknown[]).slice(1)));
  return Array.from(list, (r) => r ?? []);
}

let dir: string;
const r1 = () => join(dir, "giugno");
const r2 = () => join(dir, "dicembre");
const riepilogo1 = () => join(dir, "riepilogo-30-06.xlsx");
const riepilogo2 = () => join(dir, "riepilogo-31-12.xlsx");
let giugno: Consolidation;
let dicembre: Consolidation;
let code2: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peg-controlli-"));
  mkdirSync(r1());
  mkdirSync(r2());
  await save(join(r1(), "a.xlsx"), [["Sicurezza", SICUREZZA]], "Sicurezza e legalità");
  await save(join(r1(), "b.xlsx"), [["Scuole", scuole(5, [])]]);
  await save(join(r1(), "c.xlsx"), [
    ["Verde", VERDE],
    ["Vecchio", VECCHIO],
  ]);
  // At year end: the same a.xlsx; b.xlsx with the fase done and the target met; c.xlsx with one
  // obiettivo gone and one added.
  await save(join(r2(), "a.xlsx"), [["Sicurezza", SICUREZZA]], "Sicurezza e legalità");
  await save(join(r2(), "b.xlsx"), [["Scuole", scuole(10, [3])]]);
  await save(join(r2(), "c.xlsx"), [
    ["Verde", VERDE],
    ["Nuovo", NUOVO],
  ]);
  const run1 = io();
  expect(await runConsolida([r1(), "-o", riepilogo1(), "--al", "2023-06-30", "--json"], run1)).toBe(0);
  giugno = ConsolidationSchema.parse(JSON.parse(run1.out.join("")));
  const run2 = io();
  code2 = await runConsolida([r2(), "-o", riepilogo2(), "--al", "2023-12-31", "--confronta", riepilogo1(), "--json"], run2);
  dicembre = ConsolidationSchema.parse(JSON.parse(run2.out.join("")));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("quadratura across workbooks", () => {
  it("flags Laura Bianchi, written two ways, only across the files, at her cell in the file that goes over", () => {
    const ecc = giugno.segnalazioni.filter((s) => s.codice === "PERSONA_PARTECIPAZIONE_ECCEDENTE");
    expect(ecc.map((s) => `${s.file}|${s.foglio}|${s.cella}|${s.gravita}`)).toEqual(["c.xlsx|Verde|B14|avviso", "c.xlsx|Verde|B14|avviso"]);
    expect(ecc[0]!.messaggio).toContain("Laura Bianchi ha in totale 110 % di partecipazione prevista");
    expect(ecc[1]!.messaggio).toContain("110 % di partecipazione realizzata");
    expect(ecc[1]!.messaggio).toContain("a.xlsx › Sicurezza 60 %, b.xlsx › Scuole 30 %, c.xlsx › Verde 20 %");
    // Giulia Rosa: 80 + 20 = 100 %, not flagged.
    expect(ecc.some((s) => s.messaggio.includes("Giulia Rosa"))).toBe(false);
    const laura = giugno.personale.find((p) => p.nome === "Laura Bianchi")!;
    expect(laura.varianti).toEqual(["Laura Bianchi", "BIANCHI LAURA"]);
    expect([laura.totalePrevista, laura.totaleRealizzata, laura.capienza, laura.anomalie]).toEqual([
      110,
      110,
      100,
      ["prevista", "realizzata"],
    ]);
  });

  it("flags a period of service wholly outside the esercizio and shows it in the Personale sheet", async () => {
    const fuori = giugno.segnalazioni.filter((s) => s.codice === "PERSONA_PERIODO_FUORI_ESERCIZIO");
    expect(fuori.map((s) => `${s.file}|${s.foglio}|${s.cella}`)).toEqual(["a.xlsx|Sicurezza|B15"]);
    expect(fuori[0]!.messaggio).toContain("«gennaio - marzo 2022») è fuori dall'esercizio 2023");
    const anna = giugno.personale.find((p) => p.nome === "Anna Verdi")!;
    expect([anna.periodi, anna.anomalie]).toEqual([["gennaio - marzo 2022"], ["periodo"]]);
    const rows = await rowsOf(riepilogo1(), "Personale");
    expect(rows[1]!.slice(6, 9)).toEqual(["Capienza", "Periodo di servizio", "Anomalia"]);
    const laura = rows.find((r) => r[0] === "Laura Bianchi")!;
    expect(laura.slice(4, 9)).toEqual([1.1, 1.1, 1, undefined, "prevista oltre il 100 %; realizzata oltre il 100 %"]);
    const annaRow = rows.find((r) => r[0] === "Anna Verdi")!;
    expect(annaRow.slice(7, 9)).toEqual(["gennaio - marzo 2022", "periodo fuori esercizio"]);
  });
});

describe("strategic roll-up and forced esito", () => {
  it("keeps the forced esito, counts it as OK and says why", () => {
    const forzati = giugno.segnalazioni.filter((s) => s.codice === "ESITO_FORZATO");
    expect(forzati.map((s) => `${s.file}|${s.foglio}|${s.gravita}`)).toEqual(["a.xlsx|Sicurezza|info"]);
    expect(forzati[0]!.messaggio).toContain("fattori esogeni, approvato dal Nucleo");
    expect(forzati[0]!.messaggio).toContain("calcolato: «PARZIALE»");
    expect(giugno.segnalazioni.some((s) => s.codice === "ESITO_DIVERGENTE")).toBe(false);
    const sic = giugno.obiettivi.find((o) => o.foglio === "Sicurezza")!;
    expect([sic.mediaValoreRaggiunto, sic.esitiForzati, sic.esiti.OK, sic.lineaMandato]).toEqual([100, 1, 1, "Sicurezza e legalità"]);
    const ind = giugno.indicatori.find((i) => i.indicatore === "Controlli eseguiti")!;
    expect([ind.esito, ind.forzato]).toEqual(["OK", "fattori esogeni, approvato dal Nucleo"]);
  });

  it("weighs obiettivi strategici by coefficients 1,0 / 1,2 / 1,4 and leaves the prerequisito out", () => {
    expect(giugno.segnalazioni.filter((s) => s.codice === "OBIETTIVO_PREREQUISITO").map((s) => s.foglio)).toEqual(["Vecchio"]);
    const strat = giugno.strategico.map((v) => [
      v.livello,
      v.voce,
      v.nObiettivi,
      v.prerequisiti,
      v.grado,
      v.mediaRispettoTempi,
      v.pesiUniformi,
    ]);
    expect(strat).toEqual([
      // (1,0 × 100 + 1,2 × 50) / 2,2; tempi: only Scuole's fase is due (in ritardo).
      ["strategico", "1 Città sicura", 2, 0, 72.73, 0, false],
      // Verde only: Vecchio is a prerequisito.
      ["strategico", "2 Città verde", 2, 1, 100, 100, false],
      ["mandato", "Sicurezza e legalità", 1, 0, 100, null, false],
    ]);
    expect(giugno.missioni.map((v) => [v.voce, v.grado])).toEqual([
      ["Missione 3 Programma 1", 100],
      ["Missione 4 Programma 2", 50],
      ["Missione 9 Programma 2", 100],
    ]);
    expect(dicembre.strategico[0]).toMatchObject({ voce: "1 Città sicura", grado: 100, mediaRispettoTempi: 54.55 });
  });

  it("writes the Strategico sheet with its chart and the forced esito in Indicatori", async () => {
    const rows = await rowsOf(riepilogo1(), "Strategico");
    expect(rows[1]!.slice(0, 3)).toEqual(["Livello", "Voce", "N. obiettivi"]);
    expect(rows[2]![5]).toBeCloseTo(0.7273, 6);
    expect(rows.slice(3, 8).map((r) => [r[0], r[1], r[5]])).toEqual([
      ["Obiettivo strategico", "2 Città verde", 1],
      ["Missione / Programma", "Missione 3 Programma 1", 1],
      ["Missione / Programma", "Missione 4 Programma 2", 0.5],
      ["Missione / Programma", "Missione 9 Programma 2", 1],
      ["Linea di mandato", "Sicurezza e legalità", 1],
    ]);
    const ind = await rowsOf(riepilogo1(), "Indicatori");
    const controlli = ind.find((r) => r[5] === "Controlli eseguiti")!;
    expect([controlli[9], controlli[11]]).toEqual(["OK", "fattori esogeni, approvato dal Nucleo"]);
  });
});

describe("--confronta with the riepilogo of 30/06", () => {
  it("lists every change in --json", () => {
    expect(code2).toBe(0);
    const v = dicembre.variazioni!;
    expect(v.precedente).toBe("riepilogo-30-06.xlsx");
    expect(v.alPrecedente).toBe("2023-06-30");
    expect(v.obiettivi.map((o) => [o.foglio, o.gradoPrima, o.gradoOra, o.tempiPrima, o.tempiOra])).toEqual([
      ["Sicurezza", 100, 100, null, 0],
      ["Scuole", 50, 100, 0, 100],
      ["Verde", 100, 100, 100, 100],
    ]);
    expect(v.fasiInRitardo.map((f) => [f.foglio, f.n, f.descrizione])).toEqual([["Sicurezza", 1, "Pattugliamenti"]]);
    expect(v.fasiRecuperate.map((f) => [f.foglio, f.n, f.descrizione])).toEqual([["Scuole", 1, "Lavori"]]);
    expect(v.esiti.map((e) => [e.foglio, e.indicatore, e.prima, e.ora])).toEqual([["Scuole", "Aule sistemate", "PARZIALE", "OK"]]);
    expect(v.esitiConfrontati).toBe(true);
    expect(v.aggiunti.map((o) => `${o.file}|${o.foglio}|${o.numero}`)).toEqual(["c.xlsx|Nuovo|3.03"]);
    expect(v.tolti.map((o) => `${o.file}|${o.foglio}|${o.numero}`)).toEqual(["c.xlsx|Vecchio|3.02"]);
  });

  it("writes every row of the Variazioni sheet", async () => {
    const rows = await rowsOf(riepilogo2(), "Variazioni");
    expect(rows[0]![0]).toBe("Variazioni rispetto alla rilevazione precedente (dati al 2023-06-30), ora dati al 2023-12-31");
    expect(rows[1]![0]).toBe("Rilevazione precedente: riepilogo-30-06.xlsx");
    expect(rows[2]).toEqual(["Variazione", "File", "Foglio", "N. obiettivo", "Titolo", "Obiettivo / fase / indicatore", "Prima", "Ora"]);
    const u = undefined;
    expect(rows.slice(3)).toEqual([
      ["grado di raggiungimento", "a.xlsx", "Sicurezza", "1.01", "Controllo del territorio", u, 1, 1],
      ["rispetto dei tempi", "a.xlsx", "Sicurezza", "1.01", "Controllo del territorio", u, u, 0],
      ["grado di raggiungimento", "b.xlsx", "Scuole", "2.01", "Edilizia scolastica", u, 0.5, 1],
      ["rispetto dei tempi", "b.xlsx", "Scuole", "2.01", "Edilizia scolastica", u, 0, 1],
      ["grado di raggiungimento", "c.xlsx", "Verde", "3.01", "Verde pubblico", u, 1, 1],
      ["rispetto dei tempi", "c.xlsx", "Verde", "3.01", "Verde pubblico", u, 1, 1],
      ["fase diventata in ritardo", "a.xlsx", "Sicurezza", "1.01", "Controllo del territorio", "Fase 1: Pattugliamenti"],
      ["fase recuperata", "b.xlsx", "Scuole", "2.01", "Edilizia scolastica", "Fase 1: Lavori"],
      ["esito cambiato", "b.xlsx", "Scuole", "2.01", "Edilizia scolastica", "Aule sistemate", "PARZIALE", "OK"],
      ["obiettivo aggiunto", "c.xlsx", "Nuovo", "3.03", "Orti urbani"],
      ["obiettivo non più presente", "c.xlsx", "Vecchio", "3.02", "Regolamento del verde"],
    ]);
  });

  it("refuses a file that is not one of our riepiloghi, before reading the settori", async () => {
    const run = io();
    const code = await runConsolida([r2(), "--json", "--confronta", join(r1(), "a.xlsx")], run);
    expect(code).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err.join("\n")).toContain('"a.xlsx" non è un riepilogo scritto da Monitoraggio PEG');
    const missing = io();
    expect(await runConsolida([r2(), "--json", "--confronta", join(dir, "manca.xlsx")], missing)).toBe(2);
    expect(missing.err.join("\n")).toContain("manca.xlsx");
  });
});

describe("--impostazioni", () => {
  it("reads the settings file and explains a bad one in Italian (exit 2)", async () => {
    const good = join(dir, "impostazioni.json");
    writeFileSync(good, JSON.stringify({ sogliaOk: 50 }));
    const run = io();
    expect(await runConsolida([r1(), "--json", "--al", "2023-06-30", "--impostazioni", good], run)).toBe(0);
    const c = ConsolidationSchema.parse(JSON.parse(run.out.join("")));
    // With soglia OK at 50, Scuole's 50 % is OK.
    expect(c.indicatori.find((i) => i.indicatore === "Aule sistemate")!.esito).toBe("OK");

    const cases: Array<[string, RegExp]> = [
      ["{ sogliaOk: 50", /non è un JSON valido/],
      [JSON.stringify({ sogliaOK: 50 }), /sogliaOK: campo sconosciuto/],
      [
        JSON.stringify({ realizzatoMancante: "boh" }),
        /realizzatoMancante: valore non ammesso: usare "non calcolato" oppure "zero" oppure "non valutabile"/,
      ],
      [
        JSON.stringify({ fasce: [{ min: 60, max: 50, punteggio: 10 }] }),
        /fasce\.0\.max: In ogni fascia «max» deve essere maggiore di «min»/,
      ],
    ];
    for (const [text, re] of cases) {
      const f = join(dir, "cattive.json");
      writeFileSync(f, text);
      const bad = io();
      expect(await runConsolida([r1(), "--json", "--impostazioni", f], bad), text).toBe(2);
      expect(bad.err.join("\n"), text).toMatch(re);
      expect(bad.out).toEqual([]);
    }
  }, 60_000);
});

describe("peg verifica --impostazioni", () => {
  it("applies the missing-data policy at year end and refuses a bad file with exit 2", async () => {
    const file = join(dir, "mancante.xlsx");
    await save(file, [["Verde", { ...VERDE, indicatori: [{ indicatore: "Alberi piantati", attesa: 100, realizzata: null }] }]]);
    const esito = async (...extra: string[]) => {
      const run = await peg(["verifica", file, "--json", "--al", "2023-12-31", ...extra]);
      return ReportSchema.parse(JSON.parse(run.stdout));
    };
    expect((await esito()).schede[0]!.indicatori[0]!.esito).toBeNull();
    const zero = join(dir, "zero.json");
    writeFileSync(zero, JSON.stringify({ realizzatoMancante: "zero" }));
    const r = await esito("--impostazioni", zero);
    expect([r.schede[0]!.indicatori[0]!.esito, r.schede[0]!.mediaValoreRaggiunto]).toEqual(["NON RAGGIUNTO", 0]);
    expect(r.segnalazioni.find((s) => s.codice === "INDICATORE_NON_VALUTABILE")!.messaggio).toContain("conta come 0");
    const bad = join(dir, "rotte.json");
    writeFileSync(bad, "[1, 2");
    const run = await peg(["verifica", file, "--json", "--impostazioni", bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("non è un JSON valido");
    expect(run.stdout).toBe("");
  }, 60_000);
});
