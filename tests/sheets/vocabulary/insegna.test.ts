/**
 * Teaching a layout: the selected cell's text becomes a word of the profile for a role, and the
 * three renamed real families (tests/fixtures/real/unknown-labels.ts) go from unread to read as
 * the original families read.
 */
import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../../src/domain/settings";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx";
import { a1, type WorkbookGrid } from "../../../src/sheets/grid";
import { verifica } from "../../../src/sheets/verifica";
import { insegna, togliVoce } from "../../../src/sheets/vocabulary/insegna";
import { profiloVuoto, vocabolarioDa, type Profilo } from "../../../src/sheets/vocabulary/profilo";
import { sheet, wb } from "../../helpers/grid";
import { unknownLabelFamilies, type UnknownLabelsFamily } from "../../fixtures/real/unknown-labels";
import { buildWorkbook } from "../../fixtures/workbooks";

const g = wb(
  sheet("S", [
    ["Rif. obiettivo", "A.7", 12, ""],
    ["Traguardo", null, new Date(Date.UTC(2024, 0, 1)), "-"],
    ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12"],
    ["M1", "M2", "M3"],
  ]),
);
g.sheets[0]!.set(4, 0, { v: null, error: "#REF!" });

function ok(r: ReturnType<typeof insegna>): Profilo {
  if (!r.ok) throw new Error(r.errore);
  return r.profilo;
}

describe("insegna", () => {
  it("records the cell's text for the role, without changing the profile it was given", () => {
    const p0 = profiloVuoto();
    const r = insegna(g, { foglio: "S", range: "A1" }, "numero", p0);
    expect(r).toMatchObject({ ok: true, cambiato: true, messaggio: "«Rif. obiettivo» (A1) ora si legge come N. obiettivo." });
    expect(ok(r).voci).toEqual([{ ruolo: "numero", testo: "Rif. obiettivo", foglio: "S", cella: "A1" }]);
    expect(p0.voci).toEqual([]);
    // Taught twice: kept once.
    const again = insegna(g, { foglio: "S", range: "A1" }, "numero", ok(r));
    expect(again).toMatchObject({ ok: true, cambiato: false });
    expect(ok(again).voci).toHaveLength(1);
    expect(togliVoce(ok(r), 0).voci).toEqual([]);
  });

  it("refuses an empty cell, a number, a date, an Excel error and a missing selection", () => {
    const err = (range: string | null) => {
      const r = insegna(g, range ? { foglio: "S", range } : null, "titolo", profiloVuoto());
      return r.ok ? "accepted" : r.errore;
    };
    expect(err("D1")).toMatch(/La cella D1 è vuota/);
    expect(err("Z40")).toMatch(/La cella Z40 è vuota/);
    expect(err("C1")).toMatch(/La cella C1 contiene un numero/);
    expect(err("C2")).toMatch(/La cella C2 contiene un numero o una data/);
    expect(err("D2")).toMatch(/D2 è vuota/);
    expect(err("A5")).toMatch(/errore di Excel/);
    expect(err(null)).toMatch(/Selezionare prima/);
    const r = insegna(g, { foglio: "Altro", range: "A1" }, "titolo", profiloVuoto());
    expect(r.ok ? "" : r.errore).toMatch(/Il foglio "Altro" non c'è più/);
  });

  it("the month row: the twelve labels from the first month cell, or the selected row", () => {
    const p = ok(insegna(g, { foglio: "S", range: "A3" }, "mesi", profiloVuoto()));
    expect(p.mesi).toEqual(["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12"]);
    expect(ok(insegna(g, { foglio: "S", range: "A3:L3" }, "mesi", profiloVuoto())).mesi).toHaveLength(12);
    const short = insegna(g, { foglio: "S", range: "A4" }, "mesi", profiloVuoto());
    expect(short.ok ? "" : short.errore).toMatch(/ci sono 3 etichette di mese, ne servono 12/);
  });
});

function cellaDi(grid: WorkbookGrid, foglio: string, testo: string): string {
  const s = grid.sheets.find((x) => x.name === foglio)!;
  for (const r of s.rowIndexes()) for (const [c, cell] of s.rowCells(r)) if (cell.v === testo) return a1(r, c);
  throw new Error(`${testo} not on ${foglio}`);
}

describe.each(unknownLabelFamilies.map((u) => [u.id, u] as [string, UnknownLabelsFamily]))("%s", (_id, u) => {
  it("is not read with the built-in vocabulary, and reads as the original once taught", async () => {
    const settings = SettingsSchema.parse({ dataRiferimento: u.base.al });
    const file = `${u.base.id}.xlsx`;
    const load = async (sheets: typeof u.sheets) => (await loadWorkbookGrid(await buildWorkbook(sheets), { fileName: file })).grid;
    const original = verifica(await load(u.base.sheets), { file, settings }).report;
    const grid = await load(u.sheets);
    const before = verifica(grid, { file, settings });
    expect(before.report.schede).toEqual([]);
    // The pane's near-miss list has the renamed sheets, with what was found and what is missing.
    expect(before.quasiSchede.map((q) => q.foglio)).toContain(u.lezioni[0]!.foglio);
    expect(before.quasiSchede[0]!.mancano.length).toBeGreaterThan(0);

    let p = profiloVuoto();
    for (const l of u.lezioni) p = ok(insegna(grid, { foglio: l.foglio, range: cellaDi(grid, l.foglio, l.testo) }, l.ruolo, p));
    const after = verifica(grid, { file, settings, vocab: vocabolarioDa(p) }).report;
    expect(after.schede.length).toBeGreaterThan(0);
    expect(after).toEqual(original);
  });
});
