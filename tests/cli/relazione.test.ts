/** `peg relazione` in-process: the sample and a folder to a .docx; wrong command lines and outputs refused. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peg } from "./helpers";

const SAMPLE = resolve(__dirname, "../../assets/esempio-peg-2023.xlsx");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "peg-relazione-"));
  mkdirSync(join(dir, "settori"));
  copyFileSync(SAMPLE, join(dir, "settori", "Segreteria 2023.xlsx"));
  writeFileSync(join(dir, "settori", "rotto.ods"), "non è un foglio di calcolo");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("peg relazione", () => {
  it("writes a Word document from a folder, naming the settore, with charts; an unreadable file is listed, not fatal", async () => {
    const out = join(dir, "relazione.docx");
    const r = await peg(["relazione", join(dir, "settori"), "-o", out, "--al", "2023-12-31"]);
    expect(r.code).toBe(1); // the sample's errori, and one file not read
    expect(r.stdout).toContain("Relazione scritta");
    expect(r.stderr).toContain("rotto.ods");
    const files = unzipSync(readFileSync(out));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain("Settore: Segreteria 2023.xlsx");
    expect(xml).toContain("Relazione sulla performance 2023");
    expect(xml).toContain("ESITO_NON_VALIDO");
    expect(Object.keys(files).filter((n) => n.startsWith("word/media/")).length).toBeGreaterThanOrEqual(2);
  });

  it("refuses an output that is not .docx, a missing -o, and an existing file without --sovrascrivi", async () => {
    expect((await peg(["relazione", SAMPLE, "-o", join(dir, "r.xlsx")])).stderr).toContain(".docx");
    expect((await peg(["relazione", SAMPLE])).code).toBe(2);
    const existing = join(dir, "esiste.docx");
    writeFileSync(existing, "x");
    const r = await peg(["relazione", SAMPLE, "-o", existing]);
    expect(r.code).toBe(2);
    expect(readFileSync(existing, "utf8")).toBe("x");
    expect(existsSync(join(dir, "r.xlsx"))).toBe(false);
  });
});
