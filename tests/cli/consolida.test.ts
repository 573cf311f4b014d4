/**
 * `peg consolida` end to end: the seed sample plus two settori workbooks made here in the
 * familiar layout, a broken file and an Excel lock file, consolidated from a folder.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsolida } from "../../src/cli/consolida";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { ConsolidationSchema, type Consolidation } from "../../src/domain/consolidation";
import ExcelJS, { type Cell } from "../../src/hosts/xlsx/exceljs";
import { workbookFromSpecs } from "../../src/hosts/xlsx/render";
import { layoutSchedaObiettivo, type SchedaObiettivoData } from "../../src/sheets/layout/scheda-obiettivo";

const SAMPLE = resolve(__dirname, "../../assets/esempio-peg-2023.xlsx");
const EVIL = '=HYPERLINK("http://evil","x")';

const LAVORI_1: SchedaObiettivoData = {
  numero: "1.06.01", // also the sample's number: a duplicate across files
  titolo: EVIL,
  pesatura: 60,
  strategico: "2.01 Manutenzione del patrimonio",
  missione: "Missione 10 Programma 5",
  personale: [
    { categoria: "PO", nome: "COMI MARINA", prevista: 50, realizzata: 50 },
    { categoria: "C", nome: "Rossi Mario", prevista: 50, realizzata: 50 },
  ],
  fasi: [
    { descrizione: "Progettazione", previsto: [1, 2], effettivo: [1, 2] },
    { descrizione: "-Gara d'appalto", previsto: [3], effettivo: [5] },
  ],
  indicatori: [
    { indicatore: "Interventi eseguiti", attesa: 10, realizzata: 5 },
    { indicatore: "Relazione al Consiglio", attesa: "SI/NO", realizzata: "SI" },
  ],
};

const LAVORI_2: SchedaObiettivoData = {
  numero: "2.01.02",
  titolo: "+Segnaletica",
  pesatura: 40,
  strategico: "@Sicurezza stradale",
  missione: "Missione 10 Programma 5",
  personale: [
    {
      categoria: "C",
      nome: "Mario Rossi (da maggio 2023)",
      prevista: 100,
      realizzata: 100,
    },
  ],
  fasi: [{ descrizione: "Posa", previsto: [6], effettivo: [6] }],
  indicatori: [{ indicatore: "Segnali posati", attesa: 100, realizzata: 100 }],
};

const SOCIALE: SchedaObiettivoData = {
  numero: "3.01.01",
  titolo: "Assistenza domiciliare",
  pesatura: null,
  personale: [{ categoria: "PO", nome: "Marina  Comì", prevista: 100, realizzata: 100 }],
  fasi: [{ descrizione: "Avvio del servizio", previsto: [2], effettivo: [] }],
  indicatori: [{ indicatore: "Domande evase", attesa: 100, realizzata: 30 }],
};

let dir: string;
let settori: string;

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    today: () => new Date(2024, 2, 1),
  };
}

function hashes(folder: string): Record<string, string> {
  const h: Record<string, string> = {};
  for (const f of readdirSync(folder))
    h[f] = createHash("sha256")
      .update(readFileSync(join(folder, f)))
      .digest("hex");
  return h;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peg-consolida-"));
  settori = join(dir, "settori");
  mkdirSync(settori);
  copyFileSync(SAMPLE, join(settori, "esempio-peg-2023.xlsx"));
  const lavori = await workbookFromSpecs([
    layoutSchedaObiettivo({ nome: "Lavori 1", anno: 2023, dati: LAVORI_1 }),
    layoutSchedaObiettivo({ nome: "Lavori 2", anno: 2023, dati: LAVORI_2 }),
  ]);
  writeFileSync(join(settori, "settore-lavori.xlsx"), lavori);
  writeFileSync(
    join(settori, "settore-sociale.xlsx"),
    await workbookFromSpecs([layoutSchedaObiettivo({ nome: "Sociale", anno: 2023, dati: SOCIALE })]),
  );
  writeFileSync(join(settori, "rotto.xlsx"), "questo non è un file Excel");
  writeFileSync(join(settori, "~$settore-lavori.xlsx"), "lock file di Excel");
  writeFileSync(join(settori, "note.txt"), "da ignorare");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("peg consolida over a folder", () => {
  let c: Consolidation;
  let code: number;
  let run: ReturnType<typeof io>;
  let before: Record<string, string>;
  const out = () => join(dir, "riepilogo.xlsx");

  beforeAll(async () => {
    before = hashes(settori);
    run = io();
    code = await runConsolida([settori, "-o", out(), "--al", "2023-12-31", "--json"], run);
    c = ConsolidationSchema.parse(JSON.parse(run.out.join("")));
  }, 60_000);

  it("exits 1 (errori in the sample, one unreadable file) and never touches the inputs", () => {
    expect(code).toBe(1);
    expect(hashes(settori)).toEqual(before);
  });

  it("takes every .xlsx of the folder except lock files, and lists the unreadable one", () => {
    expect(c.file).toEqual(["esempio-peg-2023.xlsx", "settore-lavori.xlsx", "settore-sociale.xlsx"]);
    expect(c.fileNonLetti).toHaveLength(1);
    expect(c.fileNonLetti[0]!.file).toBe("rotto.xlsx");
    expect(c.fileNonLetti[0]!.motivo).toMatch(/non è una cartella di lavoro/);
    // --json is quiet: only the unreadable file is mentioned on stderr.
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain("rotto.xlsx");
  });

  it("has one obiettivi row per scheda obiettivo with grado, class and diagnostics", () => {
    expect(c.obiettivi.map((o) => `${o.file}|${o.foglio}`)).toEqual([
      "esempio-peg-2023.xlsx|Ob 1",
      "esempio-peg-2023.xlsx|Ob 2",
      "esempio-peg-2023.xlsx|Ob 3",
      "esempio-peg-2023.xlsx|Ob 4",
      "settore-lavori.xlsx|Lavori 1",
      "settore-lavori.xlsx|Lavori 2",
      "settore-sociale.xlsx|Sociale",
    ]);
    const [ob1, ob2, , ob4, l1, l2, soc] = c.obiettivi;
    expect(ob1).toMatchObject({
      numero: "1.06.01",
      nIndicatori: 0,
      mediaValoreRaggiunto: null,
      classe: null,
    });
    expect(ob2).toMatchObject({
      nIndicatori: 3,
      esiti: { OK: 3 },
      mediaValoreRaggiunto: 100,
      mediaRispettoTempi: 100,
      classe: "raggiunto",
    });
    expect(ob2!.obiettivoStrategico).toMatch(/^1\.01 Monitoraggio misure/);
    expect(ob4!.errori).toBe(3); // the three dates in the Esito column
    expect(l1).toMatchObject({
      titolo: EVIL,
      obiettivoStrategico: "2.01 Manutenzione del patrimonio",
      missioneProgramma: "Missione 10 Programma 5",
      pesatura: 60,
      nIndicatori: 2,
      esiti: {
        OK: 1,
        PARZIALE: 1,
        "NON RAGGIUNTO": 0,
        "DA VERIFICARE": 0,
        nonMisurati: 0,
      },
      mediaValoreRaggiunto: 75,
      mediaRispettoTempi: 50,
      classe: "parzialmente raggiunto",
    });
    expect(l2).toMatchObject({
      titolo: "+Segnaletica",
      obiettivoStrategico: "@Sicurezza stradale",
      mediaValoreRaggiunto: 100,
      classe: "raggiunto",
    });
    expect(soc).toMatchObject({
      pesatura: null,
      esiti: { "NON RAGGIUNTO": 1 },
      mediaValoreRaggiunto: 30,
      mediaRispettoTempi: 0,
      classe: "non raggiunto",
    });
  });

  it("computes the settori and ente lines", () => {
    const [sample, lavori, sociale] = c.settori;
    expect(sample).toMatchObject({
      nObiettivi: 4,
      grado: 100,
      pesiUniformi: true,
      mediaRispettoTempi: 100,
    });
    expect(sample!.nota).toMatch(/pesi uguali/);
    // (60 × 75 + 40 × 100) / 100
    expect(lavori).toMatchObject({
      nObiettivi: 2,
      grado: 85,
      pesiUniformi: false,
      nota: null,
      mediaRispettoTempi: 75,
      fasiInRitardo: 1,
    });
    expect(sociale).toMatchObject({
      grado: 30,
      classe: "non raggiunto",
      fasiInRitardo: 1,
    });
    // Pesature are missing in the sample: equal weights over the six obiettivi with a grado.
    expect(c.ente).toMatchObject({
      nFile: 3,
      nObiettivi: 7,
      grado: 84.17,
      pesiUniformi: true,
      fasiInRitardo: 2,
    });
    expect(c.ente.classi).toEqual({
      raggiunto: 4,
      "parzialmente raggiunto": 1,
      "non raggiunto": 1,
      nonValutabili: 1,
    });
  });

  it("lists the fasi in ritardo", () => {
    expect(c.fasiInRitardo).toEqual([
      {
        file: "settore-lavori.xlsx",
        foglio: "Lavori 1",
        numero: "1.06.01",
        titolo: EVIL,
        n: 2,
        descrizione: "-Gara d'appalto",
        previsto: [3],
        effettivo: [5],
      },
      {
        file: "settore-sociale.xlsx",
        foglio: "Sociale",
        numero: "3.01.01",
        titolo: "Assistenza domiciliare",
        n: 1,
        descrizione: "Avvio del servizio",
        previsto: [2],
        effettivo: [],
      },
    ]);
  });

  it("merges the people written in different ways across files", () => {
    const comi = c.personale.find((p) => p.nome === "Marina Comi")!;
    expect(comi.varianti).toEqual(["Marina Comi", "COMI MARINA", "Marina Comì"]);
    expect(comi.partecipazioni.map((p) => `${p.file}|${p.foglio}`)).toEqual([
      "esempio-peg-2023.xlsx|Ente",
      "esempio-peg-2023.xlsx|Ob 1",
      "esempio-peg-2023.xlsx|Ob 2",
      "esempio-peg-2023.xlsx|Ob 3",
      "esempio-peg-2023.xlsx|Ob 4",
      "settore-lavori.xlsx|Lavori 1",
      "settore-sociale.xlsx|Sociale",
    ]);
    expect(comi.totalePrevista).toBe(20 * 5 + 50 + 100);
    expect(comi.totaleRealizzata).toBe(20 + 25 + 20 + 25 + 20 + 50 + 100);
    const rossi = c.personale.find((p) => p.nome === "Rossi Mario" || p.nome === "Mario Rossi")!;
    expect(rossi.varianti).toEqual(["Rossi Mario", "Mario Rossi (da maggio 2023)"]);
    expect(rossi.totalePrevista).toBe(150);
    const maoloni = c.personale.find((p) => p.nome === "Marco Maoloni")!;
    expect(maoloni.varianti).toEqual(["Marco Maoloni (gennaio - aprile 2023)"]);
    expect(maoloni.partecipazioni).toHaveLength(5);
    expect(c.personale).toHaveLength(8); // the sample's seven plus Mario Rossi
    const varianti = c.segnalazioni.filter((s) => s.codice === "PERSONA_NOME_VARIANTE");
    // One per cell: "Mario Rossi" vs "Rossi Mario" inside one file is the engine's, not repeated.
    expect(varianti.map((s) => `${s.file}|${s.foglio}|${s.cella}`).sort()).toEqual([
      "settore-lavori.xlsx|Lavori 1|B14",
      "settore-lavori.xlsx|Lavori 2|B14",
      "settore-sociale.xlsx|Sociale|B14",
    ]);
    // A period of service alone is not a variant: the sample's names are not flagged.
    expect(varianti.some((s) => s.file === "esempio-peg-2023.xlsx")).toBe(false);
  });

  it("raises OBIETTIVO_NUMERO_DUPLICATO across files, at the number's cell", () => {
    const dup = c.segnalazioni.filter((s) => s.codice === "OBIETTIVO_NUMERO_DUPLICATO" && s.messaggio.includes("altre cartelle"));
    expect(dup.map((s) => `${s.file}|${s.foglio}`)).toEqual([
      "esempio-peg-2023.xlsx|Ob 1",
      "esempio-peg-2023.xlsx|Ob 2",
      "esempio-peg-2023.xlsx|Ob 3",
      "esempio-peg-2023.xlsx|Ob 4",
      "settore-lavori.xlsx|Lavori 1",
    ]);
    expect(dup.every((s) => /^[A-Z]+\d+$/.test(s.cella))).toBe(true);
    expect(dup[4]!.messaggio).toContain("esempio-peg-2023.xlsx › Ob 1");
  });

  it("shows the ente scheda's indicators and grado", () => {
    expect(c.performanceEnte).toHaveLength(1);
    const e = c.performanceEnte[0]!;
    expect(e.file).toBe("esempio-peg-2023.xlsx");
    expect(e.grado).toBe(100);
    expect(e.indicatori).toHaveLength(5);
    expect(e.indicatori.every((i) => i.esito === "OK")).toBe(true);
  });

  it("carries every file's segnalazioni with the file", () => {
    const esitiNonValidi = c.segnalazioni.filter((s) => s.codice === "ESITO_NON_VALIDO");
    expect(esitiNonValidi.map((s) => `${s.file}|${s.foglio}`)).toEqual(Array(3).fill("esempio-peg-2023.xlsx|Ob 4"));
    expect(c.segnalazioni.some((s) => s.codice === "PESATURA_MANCANTE" && s.file === "settore-sociale.xlsx")).toBe(true);
  });

  it("writes the riepilogo's sheets, with copied text as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Riepilogo",
      "Strategico",
      "Fasi in ritardo",
      "Personale",
      "Indicatori",
      "Performance ente",
      "Segnalazioni",
    ]);
    const r = wb.getWorksheet("Riepilogo")!;
    const titoli = new Map<string, Cell>();
    r.getColumn(4).eachCell((cell) => titoli.set(String(cell.value), cell));
    for (const text of [EVIL, "+Segnaletica"]) {
      const cell = titoli.get(text)!;
      expect(cell, text).toBeDefined();
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
    }
    const fasi = wb.getWorksheet("Fasi in ritardo")!;
    expect(fasi.getCell("F3").value).toBe("-Gara d'appalto");
    expect(fasi.getCell("F3").type).toBe(ExcelJS.ValueType.String);
    const seg = wb.getWorksheet("Segnalazioni")!;
    expect(seg.getCell("A3").value).toBe("rotto.xlsx");
  });

  it("writes every table's figures into the sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out()) as unknown as ArrayBuffer);
    const rows = (name: string): unknown[][] => {
      const ws = wb.getWorksheet(name)!;
      const list: unknown[][] = [];
      ws.eachRow((row, r) => (list[r - 1] = (row.values as unknown[]).slice(1)));
      return Array.from(list, (r) => r ?? []);
    };
    const riepilogo = rows("Riepilogo");
    // Obiettivi: header on row 3, seven rows; grado as a fraction.
    expect(riepilogo[2]!.slice(0, 4)).toEqual(["File", "Foglio", "N. obiettivo", "Titolo"]);
    expect(riepilogo.slice(3, 10).map((r) => [r[1], r[13]])).toEqual([
      ["Ob 1", undefined],
      ["Ob 2", 1],
      ["Ob 3", 1],
      ["Ob 4", 1],
      ["Lavori 1", 0.75],
      ["Lavori 2", 1],
      ["Sociale", 0.3],
    ]);
    const ente = riepilogo.find((r) => r[0] === "ENTE")!;
    // tempi: (4 × 100 + 50 + 100 + 0) / 7
    expect([ente[1], ...ente.slice(13, 16)]).toEqual([7, 0.8417, 0.7857, "parzialmente raggiunto"]);
    const lavori = riepilogo.find((r) => r[0] === "settore-lavori.xlsx" && r[1] === 2)!;
    expect(lavori.slice(13, 16)).toEqual([0.85, 0.75, "parzialmente raggiunto"]);
    expect(riepilogo.find((r) => r[0] === "esempio-peg-2023.xlsx" && r[1] === 4)![3]).toMatch(/pesi uguali/);

    const fasi = rows("Fasi in ritardo").slice(2);
    expect(fasi.map((r) => [r[1], r[4], r[6], r[7]])).toEqual([
      ["Lavori 1", 2, "mar", "mag"],
      ["Sociale", 1, "feb", "nessuno"],
    ]);

    const personale = rows("Personale");
    const comi = personale.find((r) => r[0] === "Marina Comi")!;
    expect(comi.slice(1, 6)).toEqual(["COMI MARINA; Marina Comì", "PO", 7, 2.5, 2.6]);
    expect(personale.filter((r) => r[0] === "Marina Comi")).toHaveLength(1 + 7); // summary + detail rows

    const perf = rows("Performance ente").slice(2);
    expect(perf).toHaveLength(5);
    expect(perf.every((r) => r[8] === "OK" && r[10] === 1)).toBe(true);

    const seg = rows("Segnalazioni").slice(2);
    expect(seg).toHaveLength(c.segnalazioni.length + c.fileNonLetti.length);
  });
});

describe("peg consolida, files and mistakes", () => {
  const lavori = () => join(settori, "settore-lavori.xlsx");
  const sociale = () => join(settori, "settore-sociale.xlsx");

  it("prints progress per file on stderr and a summary on stdout", async () => {
    const run = io();
    const o = join(dir, "due.xlsx");
    const code = await runConsolida([lavori(), sociale(), "-o", o, "--al", "2023-12-31"], run);
    expect(code).toBe(0);
    expect(run.err.filter((l) => l.startsWith("[")).map((l) => l.slice(0, 6))).toEqual(["[1/2] ", "[2/2] "]);
    const text = run.out.join("\n");
    expect(text).toContain("Consolidamento di 2 file, esercizio 2023, dati al 2023-12-31");
    expect(text).toMatch(/Ente: 3 obiettivi, grado 68,3%/);
    expect(text).toContain("Riepilogo scritto in");
    expect(existsSync(o)).toBe(true);
  }, 30_000);

  it("refuses to write onto an input, before reading anything", async () => {
    const b = hashes(settori);
    const run = io();
    expect(await runConsolida([lavori(), sociale(), "-o", lavori()], run)).toBe(2);
    expect(run.err.join("\n")).toMatch(/settore-lavori\.xlsx/);
    expect(run.err.some((l) => l.startsWith("[1/"))).toBe(false);
    expect(hashes(settori)).toEqual(b);
  });

  it("does not replace an existing output unless --sovrascrivi", async () => {
    const o = join(dir, "esistente.xlsx");
    writeFileSync(o, "vecchio");
    const run = io();
    expect(await runConsolida([sociale(), "-o", o], run)).toBe(2);
    expect(readFileSync(o, "utf8")).toBe("vecchio");
    expect(await runConsolida([sociale(), "-o", o, "--sovrascrivi"], io())).toBe(0);
    expect(readFileSync(o).subarray(0, 2).toString()).toBe("PK");
  }, 30_000);

  it("exits 2 and writes nothing when no input can be used", async () => {
    const run = io();
    const o = join(dir, "niente.xlsx");
    expect(await runConsolida([join(settori, "rotto.xlsx"), join(dir, "manca.xlsx"), "-o", o], run)).toBe(2);
    expect(existsSync(o)).toBe(false);
    const err = run.err.join("\n");
    expect(err).toContain("rotto.xlsx");
    expect(err).toContain("manca.xlsx");
    expect(err).toMatch(/Nessun file si può consolidare/);
  });

  it("exits 2 on an empty folder", async () => {
    const empty = join(dir, "vuota");
    mkdirSync(empty, { recursive: true });
    const run = io();
    expect(await runConsolida([empty, "--json"], run)).toBe(2);
    expect(run.err.join("\n")).toMatch(/non contiene file \.xlsx/);
  });

  it("does not read the output file when it lies in the folder being consolidated", async () => {
    const folder = join(dir, "con-uscita");
    mkdirSync(folder, { recursive: true });
    copyFileSync(sociale(), join(folder, "sociale.xlsx"));
    const run = io();
    expect(await runConsolida([folder, "-o", join(folder, "riepilogo.xlsx")], run)).toBe(0);
    const again = io();
    expect(await runConsolida([folder, "-o", join(folder, "riepilogo.xlsx"), "--sovrascrivi", "--json"], again)).toBe(0);
    expect(JSON.parse(again.out.join("")).file).toEqual(["sociale.xlsx"]);
  }, 30_000);

  it("explains a wrong command line with exit 2", async () => {
    for (const argv of [
      [],
      [sociale()],
      [sociale(), "-o", "x.csv"],
      [sociale(), "--json", "--al", "2023-02-30"],
      [sociale(), "--json", "--boh"],
    ]) {
      const run = io();
      expect(await runConsolida(argv, run), argv.join(" ")).toBe(2);
      expect(run.err.join("\n")).toMatch(/Uso: peg consolida/);
      expect(run.out).toEqual([]);
    }
  });

  it("reads a file named twice only once", async () => {
    const run = io();
    const code = await runConsolida([sociale(), settori, join(settori, "..", "settori", "settore-sociale.xlsx"), "--json"], run);
    expect(code).toBe(1); // the sample's errori and rotto.xlsx
    const c = JSON.parse(run.out.join(""));
    expect(c.file).toEqual(["settore-sociale.xlsx", "esempio-peg-2023.xlsx", "settore-lavori.xlsx"]);
  }, 30_000);

  it("prints its usage with --help, through the peg entry point too", async () => {
    const run = io();
    expect(await runConsolida(["--help"], run)).toBe(0);
    expect(run.out.join("\n")).toMatch(/^Uso: peg consolida/);
    const viaMain = io();
    expect(await main(["consolida", "-h"], viaMain)).toBe(0);
    expect(viaMain.out.join("\n")).toMatch(/^Uso: peg consolida/);
  });

  it("accepts --anno and tells the year in the JSON", async () => {
    const run = io();
    expect(await runConsolida([sociale(), "--json", "--anno", "2023"], run)).toBe(0);
    expect(JSON.parse(run.out.join("")).esercizio).toBe(2023);
  });
});
