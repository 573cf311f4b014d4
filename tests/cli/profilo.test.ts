/** `peg verifica|consolida … --profilo FILE.json` (issue 8): the profilo di layout on the command line. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/domain/model";
import { profiloJson, profiloVuoto, type Profilo } from "../../src/sheets/vocabulary/profilo";
import { unknownLabelFamilies } from "../fixtures/real/unknown-labels";
import { buildWorkbook } from "../fixtures/workbooks";
import { peg } from "./helpers";

const u = unknownLabelFamilies.find((x) => x.base.id === "b-capaccio-2014")!;
const dir = mkdtempSync(join(tmpdir(), "peg-profilo-"));
const xlsx = join(dir, "capaccio.xlsx");
const original = join(dir, "capaccio-originale.xlsx");
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const taught: Profilo = {
  ...profiloVuoto("Capaccio"),
  voci: [
    { ruolo: "numero", testo: "Rif. obiettivo" },
    { ruolo: "titolo", testo: "Denominazione" },
    { ruolo: "indicatore", testo: "Parametro di misura" },
    { ruolo: "atteso", testo: "Traguardo" },
    { ruolo: "realizzato", testo: "Misura finale" },
  ],
};

beforeAll(async () => {
  writeFileSync(xlsx, await buildWorkbook(u.sheets));
  writeFileSync(original, await buildWorkbook(u.base.sheets));
});

describe("peg verifica --profilo", () => {
  it("without the profile the renamed sheets are not read (exit 2)", async () => {
    const r = await peg(["verifica", xlsx, "--json", "--al", u.base.al]);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as Report).schede).toEqual([]);
  });

  it("with the profile they are read as the original layout is", async () => {
    const p = write("capaccio.json", profiloJson(taught));
    const r = await peg(["verifica", xlsx, "--json", "--al", u.base.al, "--profilo", p]);
    const o = await peg(["verifica", original, "--json", "--al", u.base.al]);
    const got = JSON.parse(r.stdout) as Report;
    const want = JSON.parse(o.stdout) as Report;
    expect(got.schede.length).toBeGreaterThan(0);
    expect(r.code).toBe(o.code);
    expect({ ...got, file: "" }).toEqual({ ...want, file: "" });
  });

  it.each([
    ["missing", () => join(dir, "non-esiste.json"), /Il file di profilo ".*non-esiste\.json" non esiste/],
    ["not JSON", () => write("rotto.json", "{ voci: "), /non è un file JSON valido/],
    ["not a profile", () => write("impostazioni.json", JSON.stringify({ dataRiferimento: "2024-06-30" })), /non è un profilo di layout/],
    [
      "a wrong field",
      () => write("ruolo.json", profiloJson({ ...taught, voci: [{ ruolo: "capo" as never, testo: "Boss" }] })),
      /non è valido: voci\[0\]\.ruolo: ruolo sconosciuto/,
    ],
  ])("a %s profile file: a clear Italian message and exit 2, nothing read", async (_what, file, message) => {
    const r = await peg(["verifica", xlsx, "--profilo", file()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(r.stdout).toBe("");
  });

  it("--profilo needs a file name", async () => {
    const r = await peg(["verifica", xlsx, "--profilo"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Manca il valore dell'opzione --profilo/);
  });
});

describe("peg consolida --profilo", () => {
  it("reads the settore's renamed schede with the profile, and refuses a bad one", async () => {
    const p = write("capaccio-c.json", profiloJson(taught));
    const without = await peg(["consolida", xlsx, "--json", "--al", u.base.al]);
    expect(without.code).toBe(2);
    const withP = await peg(["consolida", xlsx, "--json", "--al", u.base.al, "--profilo", p]);
    expect(withP.code).not.toBe(2);
    const c = JSON.parse(withP.stdout) as { fileNonLetti: unknown[]; obiettivi: Array<{ numero: string; nIndicatori: number }> };
    expect(c.fileNonLetti).toEqual([]);
    expect(c.obiettivi.map((o) => [o.numero, o.nIndicatori])).toEqual([["1.1", 5]]);
    const bad = await peg(["consolida", xlsx, "--json", "--profilo", write("x.json", "[]")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/profilo di layout .* non è valido/);
  });
});
