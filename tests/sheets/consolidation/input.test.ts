import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";
import { parseA1, SheetGrid } from "../../../src/sheets/grid";
import { consolidate } from "../../../src/domain/consolidation";
import { inputFromAnalysis } from "../../../src/sheets/consolidation/input";
import { verifica } from "../../../src/sheets/verifica";

describe("inputFromAnalysis", () => {
  it("carries the report and, per foglio, context and the cells of numero and names", async () => {
    const bytes = new Uint8Array(readFileSync(resolve(__dirname, "../../../assets/esempio-peg-2023.xlsx")));
    const { grid } = await loadWorkbookGrid(bytes, { fileName: "esempio.xlsx" });
    const analysis = verifica(grid, { file: "esempio.xlsx", settings: DEFAULT_SETTINGS, today: new Date(2024, 0, 31) });
    const input = inputFromAnalysis(analysis);
    expect(input.file).toBe("esempio.xlsx");
    expect(input.report).toBe(analysis.report);
    const ob2 = input.extra!.schede!["Ob 2"]!;
    expect(ob2.obiettivoStrategico).toMatch(/^1\.01 Monitoraggio misure/);
    expect(ob2.missioneProgramma).toMatch(/^Missione 1/);
    const sheet = grid.sheets.find((s) => s.name === "Ob 2")!;
    const at = (a1: string) => {
      const { r, c } = parseA1(a1);
      return sheet.visible(r, c)?.v;
    };
    expect(at(ob2.cellaNumero!)).toBe("1.06.01");
    const scheda = input.report.schede.find((s) => s.foglio === "Ob 2")!;
    expect(ob2.cellePersonale).toHaveLength(scheda.personale.length);
    ob2.cellePersonale!.forEach((cella, i) => expect(at(cella!)).toBe(scheda.personale[i]!.nome));
  });

  it("renames the file when asked", async () => {
    const bytes = new Uint8Array(readFileSync(resolve(__dirname, "../../../assets/esempio-peg-2023.xlsx")));
    const { grid } = await loadWorkbookGrid(bytes, { fileName: "x.xlsx" });
    const analysis = verifica(grid, { file: "x.xlsx", settings: DEFAULT_SETTINGS, today: new Date(2024, 0, 31) });
    const input = inputFromAnalysis(analysis, "settore-1.xlsx");
    expect(input.file).toBe("settore-1.xlsx");
    expect(input.report.file).toBe("settore-1.xlsx");
    expect(analysis.report.file).toBe("x.xlsx");
  });
});

describe("inputFromAnalysis with a sheet called __proto__", () => {
  it("keeps its context as an own entry", async () => {
    const bytes = new Uint8Array(readFileSync(resolve(__dirname, "../../../assets/esempio-peg-2023.xlsx")));
    const { grid } = await loadWorkbookGrid(bytes, { fileName: "x.xlsx" });
    const ob2 = grid.sheets.find((s) => s.name === "Ob 2")!;
    const renamed = new SheetGrid("__proto__");
    for (const [r, c, cell] of ob2.cells()) renamed.set(r, c, cell);
    for (const m of ob2.merges) renamed.addMerge(m);
    const analysis = verifica({ sheets: [renamed] }, { file: "x.xlsx", settings: DEFAULT_SETTINGS, today: new Date(2024, 0, 31) });
    const input = inputFromAnalysis(analysis);
    const schede = input.extra!.schede!;
    expect(Object.prototype.hasOwnProperty.call(schede, "__proto__")).toBe(true);
    expect(schede["__proto__"]!.obiettivoStrategico).toMatch(/^1\.01 Monitoraggio misure/);
    const c = consolidate([input], DEFAULT_SETTINGS);
    expect(c.obiettivi[0]!.obiettivoStrategico).toMatch(/^1\.01 Monitoraggio misure/);
  });
});
