/**
 * Through LibreOffice (headless Calc and Writer, installed by .ci/run): the sample saved as .ods
 * and .xls gives the same facts as the .xlsx; the relazione and the riepilogo convert to PDF with
 * their text and a chart; a PNG of the relazione's first pages is kept in artifacts/ to look at.
 * Skipped, with a message, only where soffice is missing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peg } from "../cli/helpers";

const ROOT = join(import.meta.dirname, "../..");
const SAMPLE = join(ROOT, "assets/esempio-peg-2023.xlsx");
const ARTIFACTS = join(ROOT, "artifacts");
const SOFFICE = process.env.PEG_SOFFICE ?? "/usr/bin/soffice";
const HAVE = existsSync(SOFFICE) && existsSync("/usr/bin/pdftotext") && existsSync("/usr/bin/pdftoppm");
if (!HAVE) console.warn(`LibreOffice o poppler non trovati (${SOFFICE}, pdftotext, pdftoppm): le prove con LibreOffice sono saltate.`);

let dir = "";
function soffice(to: string, file: string): string {
  const r = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", to, "--outdir", dir, file],
    {
      timeout: 120_000,
    },
  );
  const out = join(dir, file.replace(/^.*\//, "").replace(/\.[^.]+$/, `.${to.split(":")[0]}`));
  if (r.status !== 0 || !existsSync(out)) throw new Error(`soffice --convert-to ${to} ${file}: ${String(r.stderr)}`);
  return out;
}
function pdfText(pdf: string): string {
  return String(spawnSync("/usr/bin/pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 }).stdout);
}
/** Pixels of one colour (±8 per channel) on a page rendered as PPM. */
function colourPixels(pdf: string, page: number, rgb: [number, number, number]): number {
  const base = join(dir, `p${page}`);
  spawnSync("/usr/bin/pdftoppm", ["-r", "60", "-f", String(page), "-l", String(page), pdf, base]);
  const file = readdirSync(dir).find((f) => f.startsWith(`p${page}-`) && f.endsWith(".ppm"))!;
  const ppm = readFileSync(join(dir, file));
  // P6 header: magic, width, height, maxval, each followed by white space.
  let o = 0;
  for (let fields = 0; fields < 4; o++) if (ppm[o] === 0x0a || ppm[o] === 0x20) fields++;
  let n = 0;
  for (let i = o; i + 2 < ppm.length; i += 3)
    if (Math.abs(ppm[i]! - rgb[0]) < 9 && Math.abs(ppm[i + 1]! - rgb[1]) < 9 && Math.abs(ppm[i + 2]! - rgb[2]) < 9) n++;
  return n;
}

/** The facts a user compares: schede, esiti, fasi, medie, and segnalazioni by code, sheet and cell. */
function facts(json: string): unknown {
  const r = JSON.parse(json) as {
    schede: unknown[];
    segnalazioni: Array<{ codice: string; foglio: string; cella: string; gravita: string }>;
  };
  return { schede: r.schede, segnalazioni: r.segnalazioni.map((s) => `${s.codice} ${s.foglio}!${s.cella} ${s.gravita}`).sort() };
}

/** A second settore: the sample with one indicator not reached and the verifica's words typed in (in Ob 3, Cause is on row 61, Effetti 62, Da attivare 65). */
async function secondSettore(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Ob 3")!;
  ws.getCell("F51").value = "NO";
  ws.getCell("I51").value = null;
  ws.getCell("J61").value = "Mancata approvazione del regolamento { HYPERLINK \"http://evil.example\" } =cmd|' /C calc'!A0";
  ws.getCell("J62").value = "Sezione rinviata al PIAO 2024, vedi http://www.comune.example/atti";
  ws.getCell("J65").value = "Nuovo calendario delle scadenze";
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe.runIf(HAVE)("LibreOffice", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "peg-lo-"));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the sample saved by LibreOffice as .ods and as .xls gives the same facts as the .xlsx", async () => {
    const sample = join(dir, "esempio-peg-2023.xlsx");
    copyFileSync(SAMPLE, sample);
    const expected = await peg(["verifica", sample, "--json", "--al", "2023-12-31"]);
    expect(expected.code).toBe(1);
    for (const to of ["ods", "xls"]) {
      const converted = soffice(to, sample);
      const got = await peg(["verifica", converted, "--json", "--al", "2023-12-31"]);
      expect(got.code, got.stderr).toBe(expected.code);
      expect(facts(got.stdout)).toEqual(facts(expected.stdout));
    }
    const cons = await peg([
      "consolida",
      join(dir, "esempio-peg-2023.ods"),
      join(dir, "esempio-peg-2023.xls"),
      "--json",
      "--al",
      "2023-12-31",
    ]);
    expect(cons.stderr).not.toMatch(/NON LEGGIBILE/);
  });

  it("the annotated copy of an .ods is an .ods LibreOffice opens, with the written cells", async () => {
    const ods = join(dir, "esempio-peg-2023.ods");
    if (!existsSync(ods)) soffice("ods", SAMPLE);
    const copy = join(dir, "copia.ods");
    const r = await peg(["verifica", ods, "--al", "2023-12-31", "--scrivi", copy, "--sovrascrivi"]);
    expect(r.stderr).toContain("Salvata la copia");
    // Every entry but content.xml is the original's, byte for byte.
    const before = unzipSync(readFileSync(ods));
    const after = unzipSync(readFileSync(copy));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) if (name !== "content.xml") expect(after[name], name).toEqual(before[name]);
    // LibreOffice reads the copy; saved back as .xlsx, the esiti written are there.
    const xlsx = soffice("xlsx", copy);
    const again = await peg(["verifica", xlsx, "--json", "--al", "2023-12-31"]);
    const rep = JSON.parse(again.stdout) as {
      schede: Array<{ foglio: string; indicatori: Array<{ cella: string; esitoScritto: string | null }> }>;
    };
    const ob4 = rep.schede.find((x) => x.foglio === "Ob 4")!;
    expect(ob4.indicatori.map((i) => i.esitoScritto)).toEqual(["OK", "OK", "OK"]);
    expect(again.code).toBe(0);
  });

  it("peg relazione writes a document LibreOffice converts, naming both settori, with grado figures, charts and the quoted analysis", async () => {
    const second = join(dir, "settore-tributi-2023.xlsx");
    await secondSettore(second);
    const out = join(dir, "relazione.docx");
    const r = await peg(["relazione", SAMPLE, second, "-o", out, "--al", "2023-12-31"]);
    expect(r.stdout).toContain("Relazione scritta");
    expect(Object.keys(unzipSync(readFileSync(out))).filter((n) => /^word\/media\/.+\.png$/.test(n)).length).toBeGreaterThanOrEqual(3);
    const pdf = soffice("pdf", out);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("Settore: esempio-peg-2023.xlsx");
    expect(text).toContain("Settore: settore-tributi-2023.xlsx");
    expect(text).toMatch(/grado di raggiungimento 100%/);
    expect(text).toContain("75%");
    expect(text).toContain("Analisi degli scostamenti");
    expect(text).toContain('Mancata approvazione del regolamento { HYPERLINK "http://evil.example" } =cmd|');
    expect(text).toContain("Nuovo calendario delle scadenze");
    // The chart images are on the pages: the green of "raggiunto" bars.
    expect(colourPixels(pdf, 2, [0x70, 0xad, 0x47]) + colourPixels(pdf, 3, [0x70, 0xad, 0x47])).toBeGreaterThan(500);
    spawnSync("/usr/bin/pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "4", pdf, join(ARTIFACTS, "relazione-pagina")]);
    copyFileSync(pdf, join(ARTIFACTS, "relazione.pdf"));
    expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith("relazione-pagina")).length).toBeGreaterThanOrEqual(3);
  });

  it("the riepilogo has a real chart part, and LibreOffice draws it", async () => {
    const out = join(dir, "riepilogo.xlsx");
    await peg(["consolida", SAMPLE, "-o", out, "--al", "2023-12-31"]);
    const files = unzipSync(readFileSync(out));
    expect(strFromU8(files["xl/charts/chart1.xml"]!)).toContain("<c:barChart>");
    const pdf = soffice("pdf", out);
    expect(pdfText(pdf)).toContain("Grado di raggiungimento per obiettivo");
    // The bars, in the "raggiunto" green, on the first page.
    expect(colourPixels(pdf, 1, [0x70, 0xad, 0x47])).toBeGreaterThan(200);
    spawnSync("/usr/bin/pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", pdf, join(ARTIFACTS, "riepilogo-pagina")]);
  });
});
