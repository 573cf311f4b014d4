/**
 * The blocks on small grids (issue 8): cronoprogramma variants, several indicator tables, plans,
 * the evidence rule, near misses, the esercizio from titles, and the vocabulary's own checks.
 */
import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../../src/domain/settings";
import { SheetView } from "../../../src/sheets/sheet-view";
import { assess, esercizioDa } from "../../../src/sheets/recognise";
import { verifica } from "../../../src/sheets/verifica";
import { BUILTIN_VOCABULARY, Vocabulary } from "../../../src/sheets/vocabulary/vocabulary";
import { VocabularyTableSchema } from "../../../src/sheets/vocabulary/roles";
import { sheet, wb, type In } from "../../helpers/grid";

const LETTERS = ["G", "F", "M", "A", "M", "G", "L", "A", "S", "O", "N", "D"];
const at = (months: number[], mark: In = "×"): In[] => Array.from({ length: 12 }, (_, i) => (months.includes(i + 1) ? mark : undefined));
const run = (rows: In[][], al = "2023-12-31", name = "Ob") =>
  verifica(wb(sheet(name, rows)), { file: "settore.xlsx", settings: SettingsSchema.parse({ dataRiferimento: al }) });

const HEAD: In[][] = [["PEG 2023"], ["Codice obiettivo", "3.1"], ["Titolo", "Riordino archivio"], []];
const INDICATORS: In[][] = [[], ["Indicatore", "Target", "Consuntivo"], ["Pratiche archiviate", 100, 80]];

describe("cronoprogramma variants (spec §2.1)", () => {
  it("reads single-letter months by position, with × marks, one row per fase: a plan", () => {
    const a = run([
      ...HEAD,
      ["N.", "Descrizione attività", ...LETTERS],
      [1, "Ricognizione", ...at([1, 2])],
      [2, "Scarto", ...at([3, 4, 5])],
      ...INDICATORS,
    ]);
    const s = a.report.schede[0]!;
    expect(s.fasi.map((f) => [f.n, f.descrizione, f.previsto, f.stato])).toEqual([
      [1, "Ricognizione", [1, 2], "non valutabile"],
      [2, "Scarto", [3, 4, 5], "non valutabile"],
    ]);
    expect(s.mediaRispettoTempi).toBeNull();
    expect(a.report.segnalazioni.filter((d) => d.codice === "CRONOPROGRAMMA_SOLO_PREVISTO")).toHaveLength(1);
  });

  it("reads months numbered 1–12 and previsto / effettivo rows", () => {
    const nums = Array.from({ length: 12 }, (_, i) => i + 1);
    const a = run([
      ...HEAD,
      ["Fasi", undefined, ...nums],
      ["1. Ricognizione", "previsto", ...at([1, 2], "X")],
      [undefined, "effettivo", ...at([1, 2, 3], "X")],
      ...INDICATORS,
    ]);
    expect(a.report.schede[0]!.fasi.map((f) => [f.n, f.descrizione, f.previsto, f.effettivo, f.stato])).toEqual([
      [1, "Ricognizione", [1, 2], [1, 2, 3], "in ritardo"],
    ]);
  });

  it("reads quarters as their three months", () => {
    const a = run([
      ...HEAD,
      ["N.", "Fase", "", "I trim.", "II trim.", "III trim.", "IV trim."],
      [1, "Progetto", "previsto", "X"],
      [undefined, undefined, "effettivo", "X", "X"],
      ...INDICATORS,
    ]);
    const f = a.report.schede[0]!.fasi[0]!;
    expect([f.previsto, f.effettivo, f.stato]).toEqual([[1, 2, 3], [1, 2, 3, 4, 5, 6], "in ritardo"]);
  });

  it("reads a cronoprogramma given as dates, weighted by Peso fase, with the sheet's own Stato", () => {
    const d = (m: number, day = 1) => new Date(Date.UTC(2023, m - 1, day));
    const a = run(
      [
        ...HEAD,
        ["N.", "Azione", "Peso fase", "Data inizio", "Data fine", "Data inizio effettiva", "Data fine effettiva", "Stato"],
        [1, "Analisi", 30, d(1), d(3, 31), d(1), d(3, 31), "concluso"],
        [2, "Gara", 70, d(4), d(6, 30), d(5), d(9, 30), "concluso"],
        ...INDICATORS,
      ],
      "2023-12-31",
    );
    const s = a.report.schede[0]!;
    expect(s.fasi.map((f) => [f.n, f.previsto, f.effettivo, f.stato, f.peso, f.statoDichiarato])).toEqual([
      [1, [1, 2, 3], [1, 2, 3], "nei tempi", 30, "concluso"],
      [2, [4, 5, 6], [5, 6, 7, 8, 9], "in ritardo", 70, "concluso"],
    ]);
    // Weighted: (30 × 100 + 70 × 0) / 100.
    expect(s.mediaRispettoTempi).toBe(30);
  });
});

describe("indicatori", () => {
  it("reads several tables in order, and a target-only table as a plan", () => {
    const a = run([
      ...HEAD,
      ["Indicatori di qualità", "Performance attesa", "Performance realizzata"],
      ["Reclami gestiti", "≥ 90%", "95%"],
      [],
      ["Indicatori di efficacia", "Performance attesa", "Performance realizzata"],
      ["Incontri", "superiore a 2", 2],
      [],
      ["Indicatore", "Valore programmato 2024"],
      ["Nuovo regolamento", "SI"],
    ]);
    const s = a.report.schede[0]!;
    expect(s.indicatori.map((i) => [i.indicatore, i.atteso, i.realizzato, i.esito])).toEqual([
      ["Reclami gestiti", 90, 95, "OK"],
      ["Incontri", 2, 2, "PARZIALE"],
      ["Nuovo regolamento", "SI", null, null],
    ]);
  });
});

describe("the evidence rule", () => {
  it("a sheet with an indicator table and a numero is a scheda, whatever its wording", () => {
    expect(assess(new SheetView(sheet("x", [...HEAD, ...INDICATORS]))).tipo).toBe("obiettivo");
  });

  it("a list of obiettivi with their pesi is a summary, never a scheda", () => {
    const a = run([
      ["Centro di costo: Servizio amministrativo"],
      ["Codice obiettivo", "Obiettivo", "Peso"],
      ["1.1", "Archivio", 20],
      ["1.2", "Protocollo", 30],
      ["1.3", "Albo", 50],
      [],
      ["Indicatore", "Target", "Consuntivo"],
      ["Media", 100, 90],
    ]);
    expect(a.report.schede).toEqual([]);
    expect(a.nonSchede).toEqual(["Ob"]);
  });

  it("a near miss says which blocks were found, where, and what is missing", () => {
    const a = run([
      ["Indicatore", "Target", "Consuntivo"],
      ["Pratiche", 10, 8],
    ]);
    const d = a.report.segnalazioni.find((x) => x.codice === "SCHEDA_NON_RICONOSCIUTA")!;
    expect(d.cella).toBe("A1");
    expect(d.messaggio).toContain("Indicatori (A1)");
    expect(d.messaggio).toContain("numero dell'obiettivo");
    expect(a.quasiSchede).toEqual([{ foglio: "Ob", blocchi: [{ blocco: "Indicatori", cella: "A1" }], mancano: expect.any(Array) }]);
  });
});

describe("esercizio (spec §2.3)", () => {
  const views = (...rows: In[][][]) => rows.map((r, i) => new SheetView(sheet(`S${i}`, r)));
  it("takes it from a title, a range's first year, and a title over a year in a block's text", () => {
    expect(esercizioDa(views([["Piano della performance 2024-2026"]]))).toBe(2024);
    expect(esercizioDa(views([["PEG 2016"], [], [], [], [], [], [], ["Descrizione", "esercizio finanziario 2015"]]))).toBe(2016);
    expect(esercizioDa(views([["ANNO 2020"]]))).toBe(2020);
    expect(esercizioDa(views([["Scheda"]]), "Settore tecnico 2019.xlsx")).toBe(2019);
    expect(esercizioDa(views([["Scheda"]]), "Settore.xlsx")).toBeNull();
  });
});

describe("the vocabulary", () => {
  it("is valid data, and a taught word or month row adds to it", () => {
    expect(() => VocabularyTableSchema.parse({ numero: ["N. Obiettivo"] })).toThrow();
    expect(BUILTIN_VOCABULARY.is("numero", "rif obiettivo")).toBe(false);
    const v = new Vocabulary({ roles: { numero: ["Rif. obiettivo"] }, months: ["M1", "M2"] });
    expect(v.is("numero", "rif obiettivo")).toBe(true);
    expect(v.month("m2")).toBe(2);
    expect(v.is("numero", "n obiettivo")).toBe(true);
  });
  it("matches patterns with words in between and ignores a section number", () => {
    expect(BUILTIN_VOCABULARY.is("numero", "obiettivo operativo n")).toBe(true);
    expect(BUILTIN_VOCABULARY.is("indicatori", "b indicatori di efficacia")).toBe(true);
    expect(BUILTIN_VOCABULARY.is("numero", "obiettivo")).toBe(false);
  });
});
