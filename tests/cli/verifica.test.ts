import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ReportSchema, type Report } from "../../src/domain/model";
import { loadWorkbookGrid } from "../../src/hosts/xlsx";
import { verifica } from "../../src/sheets/verifica";
import { SettingsSchema } from "../../src/domain/settings";
import { peg } from "./helpers";

const SAMPLE = "assets/esempio-peg-2023.xlsx";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "peg-cli-"));
});

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, `wb-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

function obiettivo(ws: ExcelJS.Worksheet): void {
  ws.addRows([
    ["N.OBIETTIVO", "TITOLO", "PESATURA"],
    ["9.01", "Prova", 1],
    ["PERSONALE COINVOLTO"],
    ["Cat.", "Cognome e Nome", "Prevista", "Realizzata"],
    ["PO", "Mario Rossi", 100, 100],
    ["INDICATORI DI PERFORMANCE"],
    ["Indicatore", "Performance attesa", "Performance realizzata", "Esito"],
    ["Pratiche", 10, 10],
  ]);
}

/** Runs peg and checks that the input file is byte-identical afterwards. */
async function pegUnchanged(args: string[], input: string) {
  const before = readFileSync(input);
  const r = await peg(args);
  expect(readFileSync(input).equals(before)).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  return r;
}

describe("peg verifica on the sample (issue 2, Done when)", () => {
  let report: Report;
  let code: number;
  beforeAll(async () => {
    const r = await pegUnchanged(["verifica", SAMPLE, "--json"], SAMPLE);
    code = r.code;
    report = ReportSchema.parse(JSON.parse(r.stdout));
  });
  it("finds 1 ente and 4 obiettivo schede", () => {
    expect(report.schede.map((s) => s.tipo)).toEqual(["ente", "obiettivo", "obiettivo", "obiettivo", "obiettivo"]);
    expect(report.esercizio).toBe(2023);
    expect(report.al).toBe("2023-12-31");
  });
  it("reports the realizzata sums of the first and third schede obiettivo", () => {
    const d = report.segnalazioni.filter((s) => s.codice === "PARTECIPAZIONE_REALIZZATA_SOMMA");
    expect(d.map((s) => s.foglio)).toEqual([report.schede[1]!.foglio, report.schede[3]!.foglio]);
    expect(d[0]!.messaggio).toContain("95");
  });
  it("reports the four duplicated 1.06.01", () => {
    const d = report.segnalazioni.filter((s) => s.codice === "OBIETTIVO_NUMERO_DUPLICATO");
    expect(d).toHaveLength(4);
    expect(new Set(d.map((s) => s.foglio)).size).toBe(4);
  });
  it("reports the three dates in the Esito cells of the fourth scheda", () => {
    const d = report.segnalazioni.filter((s) => s.codice === "ESITO_NON_VALIDO");
    expect(d).toHaveLength(3);
    expect(d.every((s) => s.foglio === report.schede[4]!.foglio && s.gravita === "errore")).toBe(true);
    const esitoCells = report.schede[4]!.indicatori.map((i) => i.cella.replace(/^[A-Z]+/, ""));
    expect(d.map((s) => s.cella.replace(/^[A-Z]+/, ""))).toEqual(esitoCells);
  });
  it("computes OK for every indicator of the ente and of the second to fourth schede", () => {
    const checked = [report.schede[0]!, report.schede[2]!, report.schede[3]!, report.schede[4]!];
    const ind = checked.flatMap((s) => s.indicatori);
    expect(ind.length).toBe(5 + 3 + 4 + 3);
    expect(ind.every((i) => i.esito === "OK")).toBe(true);
    const temp = report.schede[0]!.indicatori.find((i) => /tempestivit/i.test(i.indicatore))!;
    expect(temp).toMatchObject({ atteso: 0, realizzato: -8, direzione: "decrescente", esito: "OK" });
    const gen = report.schede[4]!.indicatori[2]!;
    expect(gen).toMatchObject({ atteso: "2024-01-24", realizzato: "2024-01-24", tipo: "data" });
  });
  it("exits 1 because there are errori", () => {
    expect(code).toBe(1);
  });
});

describe("peg verifica: report, options and copies", () => {
  it("prints a readable Italian report grouped by scheda", async () => {
    const r = await pegUnchanged(["verifica", SAMPLE], SAMPLE);
    expect(r.stdout).toContain("■ Ob 4");
    expect(r.stdout).toMatch(/errore Ob 4!I\d+ +ESITO_NON_VALIDO/);
    expect(r.stdout).toContain("Media rispetto dei tempi: 100 %");
    expect(r.stderr).toContain("Lettura di");
  });
  it("keeps --json quiet on stderr", async () => {
    const r = await peg(["verifica", SAMPLE, "--json"]);
    expect(r.stderr).toBe("");
  });
  it("uses --al and --anno", async () => {
    const r = await peg(["verifica", SAMPLE, "--json", "--al", "2023-06-30", "--anno", "2023"]);
    const rep = ReportSchema.parse(JSON.parse(r.stdout));
    expect(rep.al).toBe("2023-06-30");
    expect(rep.segnalazioni.some((s) => s.codice === "EFFETTIVO_FUTURO")).toBe(true);
  });
  it("refuses bad options with an Italian message and exit 2", async () => {
    expect(await peg(["verifica", SAMPLE, "--al", "31/12/2023"])).toMatchObject({ code: 2, stderr: expect.stringContaining("AAAA-MM-GG") });
    expect(await peg(["verifica", SAMPLE, "--anno", "23"])).toMatchObject({ code: 2 });
    expect(await peg(["verifica", SAMPLE, "--boh"])).toMatchObject({ code: 2, stderr: expect.stringContaining("sconosciuta") });
    expect(await peg(["verifica"])).toMatchObject({ code: 2 });
    expect(await peg(["boh"])).toMatchObject({ code: 2 });
  });
  it("--scrivi writes esiti, medie and highlights into a copy, lists what it did not overwrite", async () => {
    const out = join(dir, "annotato.xlsx");
    const r = await pegUnchanged(["verifica", SAMPLE, "--scrivi", out], SAMPLE);
    expect(r.stderr).toContain("non sono state sovrascritte");
    expect(r.stderr).toMatch(/Ob 4!I\d+: «30\/06\/2023» → «OK»/);
    const { grid } = await loadWorkbookGrid(readFileSync(out));
    const a = verifica(grid, { file: "x", settings: SettingsSchema.parse({}), today: new Date("2026-01-01") });
    // Ob 4's finale MEDIA cells were empty: now they hold 100 %.
    expect(a.report.segnalazioni.filter((s) => s.codice.startsWith("MEDIA_"))).toEqual([]);
    const ob4 = a.schede[4]!;
    const fin = ob4.rec.verifica.finale.valore!;
    expect(grid.sheets[4]!.get(fin.r, fin.c)).toMatchObject({ v: 1 });
    // The dates in Ob 4's Esito column were kept (no --sovrascrivi) and highlighted.
    const e = ob4.indicatori[0]!.ref.esito!;
    expect(grid.sheets[4]!.get(e.r, e.c)!.v).toBeInstanceOf(Date);
    expect(grid.sheets[4]!.get(e.r, e.c)!.fill).toBe("#FF9999");
    // Refuses to overwrite the copy without --sovrascrivi, and never writes onto the input.
    expect(await peg(["verifica", SAMPLE, "--scrivi", out])).toMatchObject({ code: 2, stderr: expect.stringContaining("esiste") });
    expect((await pegUnchanged(["verifica", SAMPLE, "--scrivi", SAMPLE, "--sovrascrivi"], SAMPLE)).code).toBe(2);
  });
  it("--sovrascrivi replaces differing values in the copy", async () => {
    const out = join(dir, "sovrascritto.xlsx");
    await pegUnchanged(["verifica", SAMPLE, "--scrivi", out, "--sovrascrivi"], SAMPLE);
    const r = await peg(["verifica", out, "--json"]);
    const rep = ReportSchema.parse(JSON.parse(r.stdout));
    expect(rep.segnalazioni.filter((s) => s.codice === "ESITO_NON_VALIDO")).toEqual([]);
    expect(rep.schede[4]!.indicatori.map((i) => i.esitoScritto)).toEqual(["OK", "OK", "OK"]);
  });
});

describe("peg verifica: bad input never gives a stack trace nor touches the file", () => {
  it("a file that is not a workbook", async () => {
    const p = join(dir, "testo.xlsx");
    writeFileSync(p, "questo non è un foglio di calcolo");
    const r = await pegUnchanged(["verifica", p, "--json"], p);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
  it("a truncated zip", async () => {
    const p = join(dir, "troncato.xlsx");
    const full = readFileSync(SAMPLE);
    writeFileSync(p, full.subarray(0, Math.floor(full.length / 2)));
    expect((await pegUnchanged(["verifica", p], p)).code).toBe(2);
  });
  it("an encrypted workbook", async () => {
    const p = join(dir, "cifrato.xlsx");
    const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(p, Buffer.concat([head, Buffer.alloc(4096, 7)]));
    const r = await pegUnchanged(["verifica", p], p);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/password|protett|cifrat/i) });
  });
  it("a missing file and a folder", async () => {
    expect(await peg(["verifica", join(dir, "manca.xlsx")])).toMatchObject({ code: 2 });
    expect(await peg(["verifica", dir])).toMatchObject({ code: 2 });
  });
  it("a file above the size limit (25 MB)", async () => {
    const p = join(dir, "enorme.xlsx");
    writeFileSync(p, "");
    truncateSync(p, 26 * 1024 * 1024);
    const r = await pegUnchanged(["verifica", p], p);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining("MB") });
  });
  it("a workbook with no scheda", async () => {
    const p = await xlsx((wb) => wb.addWorksheet("Foglio1").addRow(["Spesa", 100]));
    const r = await pegUnchanged(["verifica", p, "--json"], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nessuna scheda");
  });
  it("hidden sheets, Excel errors, formulas and a stray value at XFD1048576", async () => {
    const p = await xlsx((wb) => {
      const ws = wb.addWorksheet("Ob");
      obiettivo(ws);
      ws.getCell("C5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
      ws.getCell("C8").value = { formula: "B8", result: 10 } as ExcelJS.CellValue;
      ws.getCell("XFD1048576").value = "isolato";
      const h = wb.addWorksheet("Nascosto", { state: "hidden" });
      obiettivo(h);
      h.getCell("B2").value = "9.02";
      const r = wb.addWorksheet("Rotto");
      r.addRows([
        ["N.OBIETTIVO", "TITOLO"],
        ["9.03", "x"],
        ["CRONOPROGRAMMA"],
        ["INDICATORI DI PERFORMANCE"],
        ["Indicatore", "Performance attesa", "Performance realizzata"],
        ["a", { formula: "#REF!", result: { error: "#REF!" } }, 1],
      ]);
    });
    const r = await pegUnchanged(["verifica", p, "--json"], p);
    const rep = ReportSchema.parse(JSON.parse(r.stdout));
    const c = rep.segnalazioni.map((s) => `${s.foglio}!${s.codice}`);
    expect(c).toContain("Ob!VALORE_ERRORE_EXCEL");
    expect(c).toContain("Nascosto!FOGLIO_NASCOSTO");
    expect(c).toContain("Rotto!BLOCCO_NON_RICONOSCIUTO");
    expect(c).toContain("Rotto!VALORE_ERRORE_EXCEL");
    expect(rep.schede.find((s) => s.foglio === "Ob")!.indicatori[0]).toMatchObject({ realizzato: 10, esito: "OK" });
  });
});

describe("the installed bin", () => {
  it("npx peg runs straight from the sources and exits with the documented codes", () => {
    const env = { ...process.env, PEG_FROM_SOURCES: "1" };
    const r = spawnSync(process.execPath, ["bin/peg.mjs", "verifica", SAMPLE, "--json"], { encoding: "utf8", env });
    expect(r.status).toBe(1);
    expect(ReportSchema.parse(JSON.parse(r.stdout)).schede).toHaveLength(5);
    const bad = spawnSync(process.execPath, ["bin/peg.mjs", "verifica", "package.json"], { encoding: "utf8", env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("the bundle built at install gives the same report, and loads neither ExcelJS nor the copy writer for verifica", () => {
    const out = mkdtempSync(join(tmpdir(), "peg-bundle-"));
    const built = spawnSync(process.execPath, ["scripts/build-cli.mjs", "--outdir", out], { encoding: "utf8" });
    expect(built.stderr).toBe("");
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const { main } = await import(${JSON.stringify(join(out, "peg.mjs"))}); process.exitCode = await main(${JSON.stringify(args)});`,
        ],
        {
          encoding: "utf8",
        },
      );
    const r = run(["verifica", SAMPLE, "--json", "--al", "2023-12-31"]);
    expect(r.status).toBe(1);
    const fromSources = spawnSync(process.execPath, ["bin/peg.mjs", "verifica", SAMPLE, "--json", "--al", "2023-12-31"], {
      encoding: "utf8",
      env: { ...process.env, PEG_FROM_SOURCES: "1" },
    });
    expect(r.stdout).toBe(fromSources.stdout);
    expect(run(["verifica", "package.json"]).status).toBe(2);

    // What `peg verifica` loads: the entry and the chunks it imports statically.
    const meta = JSON.parse(readFileSync(join(out, "meta.json"), "utf8")) as {
      outputs: Record<string, { imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown> }>;
    };
    const entry = Object.keys(meta.outputs).find((k) => k.endsWith("/peg.mjs"))!;
    const loaded = new Set<string>();
    const visit = (k: string): void => {
      if (loaded.has(k)) return;
      loaded.add(k);
      for (const i of meta.outputs[k]!.imports) if (i.kind === "import-statement" && meta.outputs[i.path]) visit(i.path);
    };
    visit(entry);
    const inputs = [...loaded].flatMap((k) => Object.keys(meta.outputs[k]!.inputs));
    expect(inputs.some((i) => i.includes("node_modules/exceljs/"))).toBe(false);
    expect(inputs.some((i) => i.includes("node_modules/jszip/"))).toBe(false);
    expect(inputs).not.toContain("src/hosts/xlsx/apply.ts");
    expect(inputs).toContain("src/sheets/verifica.ts");
  });

  it("a reader that goes away early (| head -1) ends the command quietly, with the report's exit code", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["bin/peg.mjs", "verifica", SAMPLE, "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // the pipe is closed before peg writes anything: every write fails with EPIPE
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1); // the sample has errori
    expect(stderr).not.toMatch(/EPIPE|\bat .+:\d+:\d+/);
  });
});

describe("peg modello", () => {
  it("writes a new workbook in the familiar layout, and refuses to overwrite", async () => {
    const out = join(dir, "modello.xlsx");
    expect((await peg(["modello", "-o", out, "--anno", "2025"])).code).toBe(0);
    const r = await peg(["verifica", out, "--json"]);
    const rep = ReportSchema.parse(JSON.parse(r.stdout));
    expect(rep.esercizio).toBe(2025);
    expect(rep.schede.map((s) => s.tipo)).toEqual(["ente", "obiettivo"]);
    expect(rep.schede[1]!.fasi).toHaveLength(7);
    expect((await peg(["modello", "-o", out])).code).toBe(2);
    expect((await peg(["modello"])).code).toBe(2);
  });
});
