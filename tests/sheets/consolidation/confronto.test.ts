/**
 * The pane's comparison (issue 11) without any host: the riepilogo's own sheets, as a grid, read
 * back and compared with a later consolidation.
 */
import { describe, expect, it } from "vitest";
import { PegError } from "../../../src/domain/errors";
import { SheetGrid, type WorkbookGrid } from "../../../src/sheets/grid";
import { conConfronto } from "../../../src/sheets/consolidation/confronto";
import { consolidationSheets } from "../../../src/sheets/layout-consolidation";
import type { SheetSpec } from "../../../src/sheets/sheet-spec";
import { sample } from "./fixtures";

/** What a host would read back from the written riepilogo: values and number formats. */
function asGrid(specs: SheetSpec[]): WorkbookGrid {
  const sheets = specs.map((spec) => {
    const g = new SheetGrid(spec.name);
    for (const c of spec.cells) if (c.v !== null) g.set(c.r, c.c, c.style?.fmt ? { v: c.v, fmt: c.style.fmt } : { v: c.v });
    return g;
  });
  return { sheets };
}

describe("conConfronto", () => {
  it("adds Variazioni after Strategico, with what changed since the earlier riepilogo", () => {
    const prima = sample();
    const ora = sample();
    const ob1 = ora.obiettivi.find((o) => o.foglio === "Ob 1")!;
    ob1.mediaValoreRaggiunto = 100;
    ora.fasiInRitardo = [];
    const { dati, fogli } = conConfronto(ora, asGrid(consolidationSheets(prima)), "riepilogo-30-06.xlsx");
    expect(fogli.map((f) => f.name).slice(0, 3)).toEqual(["Riepilogo", "Strategico", "Variazioni"]);
    const v = dati.variazioni!;
    expect(v.precedente).toBe("riepilogo-30-06.xlsx");
    expect(v.obiettivi.find((o) => o.foglio === "Ob 1")).toMatchObject({ gradoPrima: 50, gradoOra: 100 });
    expect(v.fasiRecuperate.map((f) => `${f.foglio}|${f.n}`)).toEqual(["Ob 1|2"]);
    expect([v.aggiunti, v.tolti, v.esiti]).toEqual([[], [], []]);
    expect(v.esitiConfrontati).toBe(true);
  });

  it("refuses a workbook that is not one of our riepiloghi", () => {
    const other = asGrid([{ name: "Foglio1", cells: [{ r: 0, c: 0, v: "File" }] }]);
    expect(() => conConfronto(sample(), other, "altro.xlsx")).toThrow(PegError);
    expect(() => conConfronto(sample(), other, "altro.xlsx")).toThrow(/"altro\.xlsx" non è un riepilogo scritto da Monitoraggio PEG/);
  });
});
