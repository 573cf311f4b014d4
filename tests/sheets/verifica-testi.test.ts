import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { loadWorkbookGrid } from "../../src/hosts/xlsx/load";
import { rememberTesti, testiLetti, testiVerifica } from "../../src/sheets/verifica-testi";
import { verifica } from "../../src/sheets/verifica";

const SAMPLE = resolve(__dirname, "../../assets/esempio-peg-2023.xlsx");

async function sampleWith(cells: Record<string, string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Ob 3")!;
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("testiVerifica", () => {
  it("reads the verifica block's words of the finale column as written, and the indicators not reached", async () => {
    const bytes = await sampleWith({
      F51: "NO",
      // The intermedia column's words must not be taken for the finale's.
      B61: "causa intermedia",
      J61: "Regolamento non approvato\nin consiglio",
      J62: "=cmd|' /C calc'!A0",
      J64: "Sollecito ai responsabili",
      J65: "Nuovo calendario",
    });
    const { grid } = await loadWorkbookGrid(bytes);
    const a = verifica(grid, { file: "s.xlsx", settings: { ...DEFAULT_SETTINGS, dataRiferimento: "2023-12-31" } });
    const t = testiVerifica(a)["Ob 3"]!;
    expect(t.colonna).toBe("finale");
    expect(t.relazione).toMatch(/^Non sono stati registrati elementi di criticità/);
    expect(t.cause).toBe("Regolamento non approvato\nin consiglio");
    expect(t.effetti).toBe("=cmd|' /C calc'!A0");
    expect(t.intrapresi).toBe("Sollecito ai responsabili");
    expect(t.daAttivare).toBe("Nuovo calendario");
    expect(t.analisi).toBeNull();
    expect(t.indicatoriCritici.map((i) => [i.esito, i.realizzato])).toEqual([["NON RAGGIUNTO", "NO"]]);
    // Schede with nothing written have nothing to quote.
    expect(testiVerifica(a)["Ob 1"]!.cause).toBeNull();

    rememberTesti("s.xlsx", a);
    expect(Object.keys(testiLetti(["s.xlsx", "altro.xlsx"]))).toEqual(["s.xlsx"]);
  });
});
