import { describe, expect, it } from "vitest";
import { consolidationSheets, PERCENT_FMT, planConsolidamento } from "../../../src/sheets/layout-consolidation";
import type { SheetSpec, SpecCell } from "../../../src/sheets/sheet-spec";
import { EVIL, sample } from "./fixtures";

const sheets = consolidationSheets(sample());
const byName = (n: string): SheetSpec => sheets.find((s) => s.name === n)!;
const at = (s: SheetSpec, r: number, c: number): SpecCell | undefined => s.cells.find((x) => x.r === r && x.c === c);
const rowOf = (s: SheetSpec, text: string): number => s.cells.find((x) => x.v === text)!.r;
const rowValues = (s: SheetSpec, r: number): unknown[] =>
  s.cells
    .filter((x) => x.r === r)
    .sort((a, b) => a.c - b.c)
    .map((x) => x.v);

describe("consolidationSheets", () => {
  it("makes the sheets in reading order", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "Riepilogo",
      "Strategico",
      "Fasi in ritardo",
      "Personale",
      "Indicatori",
      "Performance ente",
      "Segnalazioni",
    ]);
  });

  it("gives every sheet a bold filled header, frozen panes, a filter over the header and widths", () => {
    for (const s of sheets) {
      const headerRow = s.filter!.r1;
      const header = s.cells.filter((x) => x.r === headerRow);
      expect(header.length, s.name).toBeGreaterThan(3);
      for (const h of header) {
        expect(h.style?.bold, `${s.name} ${h.c}`).toBe(true);
        expect(h.style?.fill, `${s.name} ${h.c}`).toMatch(/^#[0-9A-F]{6}$/);
      }
      expect(s.freeze!.rows).toBe(headerRow + 1);
      expect(s.filter!.c2).toBe(Math.max(...header.map((h) => h.c)));
      expect(s.widths!.length).toBeGreaterThanOrEqual(header.length);
      expect(s.widths!.every((w) => w >= 8 && w <= 90)).toBe(true);
      expect(s.print).toEqual({ landscape: true, fitToWidth: true });
    }
  });

  it("writes one Riepilogo row per obiettivo with percentages as fractions", () => {
    const s = byName("Riepilogo");
    expect(rowValues(s, 3)).toEqual([
      "settore-1.xlsx",
      "Ob 1",
      "1.06.01",
      EVIL,
      "@SUM(A1:A2)",
      "-1+2",
      40,
      2,
      1,
      0,
      1,
      0,
      0,
      0.5,
      0,
      "non raggiunto",
      1,
      1,
    ]);
    expect(rowValues(s, 4).slice(0, 4)).toEqual(["settore-2.xlsx", "Ob A", "2.01.01", "Manutenzioni"]);
    expect(at(s, 3, 13)!.style!.fmt).toBe(PERCENT_FMT);
    expect(at(s, 4, 13)!.v).toBe(1);
    expect(s.filter).toEqual({ r1: 2, c1: 0, r2: 4, c2: 18 }); // up to "Esiti forzati"
  });

  it("colours classes and esiti", () => {
    const s = byName("Riepilogo");
    expect(at(s, 3, 15)!.style!.fill).toBe("#FFC7CE");
    expect(at(s, 4, 15)!.style!.fill).toBe("#C6EFCE");
    expect(at(s, 2, 8)).toMatchObject({ v: "OK", style: { fill: "#C6EFCE" } });
    expect(at(s, 2, 9)).toMatchObject({
      v: "PARZIALE",
      style: { fill: "#FFEB9C" },
    });
    expect(at(s, 2, 10)).toMatchObject({
      v: "NON RAGGIUNTO",
      style: { fill: "#FFC7CE" },
    });
    expect(at(s, 2, 11)).toMatchObject({
      v: "DA VERIFICARE",
      style: { fill: "#D9D9D9" },
    });
    const e = byName("Performance ente");
    const esiti = e.cells.filter((x) => x.c === 8 && x.r >= 2);
    expect(esiti.map((x) => [x.v, x.style?.fill])).toEqual([
      ["OK", "#C6EFCE"],
      ["OK", "#C6EFCE"],
      ["PARZIALE", "#FFEB9C"],
    ]);
  });

  it("adds the settori lines and the ente line, weighted, below the table, in the table's columns", () => {
    const s = byName("Riepilogo");
    const header = rowOf(s, "Settore (file)");
    expect(header).toBeGreaterThan(4);
    // Grado, tempi, classe, errori and avvisi sit under the same headers as in the obiettivi table.
    for (const c of [13, 14, 15, 16, 17]) expect(at(s, header, c)!.v).toBe(at(s, 2, c)!.v);
    const line = (r: number) => [13, 14, 15, 16, 17].map((c) => at(s, r, c)?.v);
    expect(at(s, header + 1, 0)!.v).toBe("settore-1.xlsx");
    expect(line(header + 1)).toEqual([0.5, 0, "non raggiunto", 1, 1]);
    const ente = rowOf(s, "ENTE");
    expect(ente).toBe(header + 3);
    // (40 × 50 + 60 × 100) / 100 = 80; tempi (0 + 100) / 2
    expect(line(ente)).toEqual([0.8, 0.5, "parzialmente raggiunto", 1, expect.any(Number)]);
    expect(at(s, ente, 1)!.v).toBe(2);
    expect(at(s, ente, 0)!.style!.bold).toBe(true);
    expect(at(s, ente, 15)!.style!.fill).toBe("#FFEB9C");
    // counts per classe under the classes' own coloured headers
    expect([8, 9, 10, 11, 12].map((c) => at(s, header, c)!.v)).toEqual([
      "raggiunto",
      "parzialmente raggiunto",
      "non raggiunto",
      "non valutabili",
      "Fasi in ritardo",
    ]);
    expect([8, 9, 10, 11, 12].map((c) => at(s, ente, c)!.v)).toEqual([1, 0, 1, 0, 1]);
    expect(s.heights![2]).toBe(30);
  });

  it("says in the Nota when equal weights were used", () => {
    const c = sample();
    c.settori[0]!.nota = "Pesatura mancante in 1 obiettivo su 1: il grado è calcolato con pesi uguali.";
    const s = consolidationSheets(c)[0]!;
    const r = rowOf(s, "Settore (file)") + 1;
    expect(at(s, r, 3)).toMatchObject({ v: c.settori[0]!.nota, style: { wrap: true } });
    expect(s.heights![r]).toBe(30);
  });

  it("asks for a bar chart of grado per obiettivo", () => {
    const s = byName("Riepilogo");
    expect(s.chart).toMatchObject({
      kind: "bar",
      categoriesCol: 2,
      valuesCol: 13,
      firstRow: 3,
      lastRow: 4,
    });
    expect(s.chart!.anchorCol).toBeGreaterThan(17);
    expect(at(s, 2, s.chart!.valuesCol)!.v).toBe("Grado di raggiungimento");
  });

  it("lists the fasi in ritardo with month names", () => {
    const s = byName("Fasi in ritardo");
    expect(rowValues(s, 2)).toEqual(["settore-1.xlsx", "Ob 1", "1.06.01", EVIL, 2, "-Fase in ritardo", "mar, apr", "apr, mag"]);
  });

  it("shows one row per person, the variants, and the detail in the same columns", () => {
    const s = byName("Personale");
    // "@Mario Rossi" is written one way only: shown as written, no variants.
    // Then the capienza (100 %): no period, no anomaly.
    expect(rowValues(s, 2)).toEqual(["@Mario Rossi", "PO", 1, 0.5, 0.5, 1]);
    // 170 % and 160 % against 100 %: both totals flagged, in the "non raggiunto" colours.
    expect(rowValues(s, 3)).toEqual([
      "Marina Comi",
      "+Marina Comi; COMI MARINA",
      "PO",
      3,
      1.7,
      1.6,
      1,
      "prevista oltre il 100 %; realizzata oltre il 100 %",
    ]);
    expect(at(s, 3, 4)!.style!.fill).toBe("#FFC7CE");
    expect(at(s, 3, 5)!.style!.fill).toBe("#FFC7CE");
    expect(at(s, 2, 5)!.style!.fill).toBeUndefined();
    expect(s.filter!.r2).toBe(3);
    const detailHeader = rowOf(s, "Nome come scritto nella scheda");
    expect(rowValues(s, detailHeader)).toEqual([
      "Cognome e nome",
      "Nome come scritto nella scheda",
      "Cat.",
      "N. obiettivo",
      "% prevista",
      "% realizzata",
      "File",
      "Foglio",
      "Titolo",
    ]);
    expect(rowValues(s, detailHeader + 2)).toEqual([
      "Marina Comi",
      "Marina Comi",
      "PO",
      0.2,
      0.2,
      "settore-1.xlsx",
      "Ente",
      "Performance di ente",
    ]);
    expect(rowValues(s, detailHeader + 3)).toEqual([
      "Marina Comi",
      "+Marina Comi",
      "PO",
      "1.06.01",
      0.5,
      0.5,
      "settore-1.xlsx",
      "Ob 1",
      EVIL,
    ]);
    expect(at(s, detailHeader + 3, 4)!.style!.fmt).toBe(PERCENT_FMT);
  });

  it("shows the ente indicators with typed values", () => {
    const s = byName("Performance ente");
    expect(rowValues(s, 2).slice(0, 8)).toEqual([
      "settore-1.xlsx",
      "Ente",
      "Performance di ente",
      "Tempestività pagamenti",
      0,
      -8,
      1,
      "OK",
    ]);
    const date = at(s, 3, 5)!;
    expect(date.v).toEqual(new Date(Date.UTC(2023, 11, 15)));
    expect(date.style!.fmt).toBe("dd/mm/yyyy");
    expect(at(s, 4, 5)).toMatchObject({ v: 1, style: { fmt: PERCENT_FMT } });
    expect(at(s, 2, 10)!.v).toBeCloseTo(0.8667, 4);
  });

  it("lists unreadable files and every segnalazione with its file", () => {
    const s = byName("Segnalazioni");
    // long messages wrap in a wide column, with room for their lines
    expect(s.widths![5]).toBe(90);
    for (const cell of s.cells.filter((x) => x.c === 5 && x.r > 1 && typeof x.v === "string" && x.v.length > 95))
      expect(s.heights![cell.r]).toBeGreaterThanOrEqual(30);
    expect(rowValues(s, 2)).toEqual(["rotto.xlsx", "errore", "FILE NON LEGGIBILE", "Il file non è una cartella di lavoro di Excel."]);
    const codes = s.cells.filter((x) => x.c === 4 && x.r > 2).map((x) => x.v);
    expect(codes).toContain("EFFETTIVO_FUTURO");
    expect(codes).toContain("PERSONA_NOME_VARIANTE");
    const gravita = s.cells.find((x) => x.c === 3 && x.v === "errore" && x.r > 2)!;
    expect(gravita.style!.fill).toBe("#FFC7CE");
  });

  it("never writes two values into one cell", () => {
    for (const s of sheets) {
      const seen = new Set(s.cells.map((c) => `${c.r},${c.c}`));
      expect(seen.size, s.name).toBe(s.cells.length);
    }
  });

  it("keeps copied text as plain strings, never anything a host could take for a formula", () => {
    for (const s of sheets)
      for (const c of s.cells) {
        const v = c.v;
        const ok = v === null || ["string", "number", "boolean"].includes(typeof v) || v instanceof Date;
        expect(ok, `${s.name} ${c.r},${c.c}`).toBe(true);
      }
    // Riepilogo, Fasi in ritardo, two Personale detail rows and two Indicatori rows carry the titolo, unchanged.
    const evil = sheets.flatMap((s) => s.cells.filter((c) => c.v === EVIL).map(() => s.name));
    expect(evil).toEqual(["Riepilogo", "Fasi in ritardo", "Personale", "Personale", "Indicatori", "Indicatori"]);
  });

  it("writes a note instead of an empty table", () => {
    const c = sample();
    c.fasiInRitardo = [];
    c.performanceEnte = [];
    const [, , fasi, , , ente] = consolidationSheets(c);
    expect(fasi!.cells.some((x) => x.v === "Nessuna fase in ritardo.")).toBe(true);
    expect(ente!.cells.some((x) => x.v === "Nessuna scheda di ente nei file consolidati.")).toBe(true);
  });
});

describe("planConsolidamento", () => {
  it("adds the riepilogo's sheets and changes no cell", () => {
    const plan = planConsolidamento(sample());
    expect(plan.writes).toEqual([]);
    expect(plan.newSheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  });
});
