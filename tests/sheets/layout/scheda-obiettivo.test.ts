import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { a1 } from "../../../src/sheets/grid";
import { ESITI, MESI } from "../../../src/sheets/layout/labels";
import { layoutSchedaObiettivo, type SchedaObiettivoData } from "../../../src/sheets/layout/scheda-obiettivo";
import { find, inOrder, overlappingMerges, specToGrid, texts } from "./spec-grid";

const vuota = () => layoutSchedaObiettivo({ nome: "Nuova scheda", anno: 2025 });

const dati = (over: Partial<SchedaObiettivoData> = {}): SchedaObiettivoData => ({
  numero: "2.01.03",
  titolo: "Sportello digitale",
  pesatura: 40,
  personale: [
    { categoria: "D", nome: "Mario Rossi", prevista: 60, realizzata: 55 },
    { categoria: "C", nome: "Anna Bianchi", prevista: 40, realizzata: null },
  ],
  fasi: [
    { descrizione: "Analisi", previsto: [1, 2], effettivo: [2] },
    { descrizione: "Avvio", previsto: [12], effettivo: [] },
  ],
  indicatori: [{ indicatore: "Pratiche online", attesa: "80%", realizzata: { v: 0.9, fmt: "0%" }, esito: "OK" }],
  intermedia: { mediaValore: 100, mediaTempi: 50 },
  ...over,
});

describe("layoutSchedaObiettivo — empty template", () => {
  it("writes the seed's labels in the seed's order", () => {
    const seq = texts(specToGrid(vuota()));
    expect(
      inOrder(seq, [
        "OBIETTIVO DI STRUTTURA",
        "ESERCIZIO 2025",
        "N.OBIETTIVO",
        "TITOLO",
        "PESATURA",
        "Obiettivo strategico di riferimento",
        "Missione Programma",
        "Stakeholder",
        "Descrizione Obiettivo",
        "PERSONALE COINVOLTO",
        "Cat.",
        "Cognome e Nome",
        "% Partecipazione",
        "Prevista",
        "Realizzata",
        "Descrizione delle fasi di attuazione",
        "CRONOPROGRAMMA",
        "FASI E TEMPI",
        ...MESI,
        "1 previsto",
        "1 effettivo",
        "7 previsto",
        "7 effettivo",
        "INDICATORI DI PERFORMANCE",
        "Indicatore",
        "Performance attesa",
        "Performance realizzata",
        "Esito",
        "Note",
        "VERIFICA INTERMEDIA AL 30/06 - 31/10 - 01/12",
        "VERIFICA FINALE",
        "RELAZIONE INTERMEDIA",
        "RELAZIONE FINALE",
        "MEDIA VALORE RAGGIUNTO %",
        "MEDIA VALORE RAGGIUNTO %",
        "MEDIA RISPETTO DEI TEMPI %",
        "MEDIA RISPETTO DEI TEMPI %",
        "Analisi degli scostamenti",
        "Cause",
        "Effetti",
        "Provvedimenti correttivi",
        "Intrapresi",
        "Da attivare",
      ]),
    ).toBe(true);
  });

  it("has the twelve full month names in one row, right of FASI E TEMPI", () => {
    const g = specToGrid(vuota());
    const h = find(g, "FASI E TEMPI");
    expect(MESI).toHaveLength(12);
    MESI.forEach((m, i) => expect(g.get(h.r, h.c + 1 + i)?.v).toBe(m));
    expect(g.get(h.r, h.c + 13)).toBeUndefined();
  });

  it("numbers seven fasi and gives each a previsto and an effettivo row", () => {
    const g = specToGrid(vuota());
    const f = find(g, "Descrizione delle fasi di attuazione");
    for (let n = 1; n <= 7; n++) expect(g.get(f.r + n, 0)?.v).toBe(n);
    expect(g.get(f.r + 8, 0)).toBeUndefined();
    const h = find(g, "FASI E TEMPI");
    for (let n = 1; n <= 7; n++) {
      expect(g.get(h.r + 2 * n - 1, 0)?.v).toBe(`${n} previsto`);
      expect(g.get(h.r + 2 * n, 0)?.v).toBe(`${n} effettivo`);
    }
  });

  it("leaves the month grid without fills or values (a fill would read as a mark)", () => {
    const spec = vuota();
    const g = specToGrid(spec);
    const h = find(g, "FASI E TEMPI");
    const grid = spec.cells.filter((c) => c.r > h.r && c.r <= h.r + 14 && c.c >= 1);
    expect(grid).toHaveLength(14 * 12);
    for (const c of grid) {
      expect(c.v).toBeNull();
      expect(c.style?.fill).toBeUndefined();
    }
  });

  it("has 8 personale rows and 5 indicator rows with a list validation on Esito", () => {
    const spec = vuota();
    const g = specToGrid(spec);
    const sub = find(g, "Prevista");
    const fasi = find(g, "Descrizione delle fasi di attuazione");
    expect(fasi.r - sub.r - 1).toBe(8 + 1); // 8 rows and one blank row
    const esito = find(g, "Esito");
    expect(spec.validations).toEqual([{ r1: esito.r + 1, c1: esito.c, r2: esito.r + 5, c2: esito.c, list: [...ESITI] }]);
    expect(ESITI).toEqual(["OK", "PARZIALE", "NON RAGGIUNTO", "DA VERIFICARE"]);
  });

  it("formats participation and MEDIA cells as percentages", () => {
    const spec = vuota();
    const g = specToGrid(spec);
    const prev = find(g, "Prevista");
    const real = find(g, "Realizzata");
    for (let i = 1; i <= 8; i++) {
      expect(g.get(prev.r + i, prev.c)?.fmt).toBe("0%");
      expect(g.get(real.r + i, real.c)?.fmt).toBe("0%");
    }
    const medie = spec.cells.filter((c) => c.v === "MEDIA VALORE RAGGIUNTO %" || c.v === "MEDIA RISPETTO DEI TEMPI %");
    expect(medie).toHaveLength(4);
    // The value is the first cell right of the label (after its merge, if any).
    for (const m of medie) {
      const merge = spec.merges?.find((x) => x.r1 === m.r && x.c1 === m.c);
      const vc = (merge ? merge.c2 : m.c) + 1;
      expect(g.get(m.r, vc)?.fmt, a1(m.r, vc)).toBe("0%");
    }
  });

  it("is print-friendly and well-formed: landscape, 13 columns, no overlapping merges, one write per cell", () => {
    const spec = vuota();
    expect(spec.print).toEqual({ landscape: true, fitToWidth: true });
    expect(spec.widths).toHaveLength(13);
    expect(spec.cells.every((c) => c.c >= 0 && c.c <= 12)).toBe(true);
    expect(overlappingMerges(spec)).toEqual([]);
    const keys = spec.cells.map((c) => `${c.r}:${c.c}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(spec.name).toBe("Nuova scheda");
  });
});

describe("layoutSchedaObiettivo — with data", () => {
  it("writes values, percents as fractions, and marks as X with the palette's fills", () => {
    const spec = layoutSchedaObiettivo({ nome: "Ob", anno: 2024, dati: dati() });
    const g = specToGrid(spec);
    expect(texts(g)).toContain("ESERCIZIO 2024");
    const num = find(g, "N.OBIETTIVO");
    expect(g.visible(num.r + 1, num.c)?.v).toBe("2.01.03");
    expect(g.visible(num.r + 1, num.c + 1)?.v).toBe("Sportello digitale");
    const pes = find(g, "PESATURA");
    expect(g.visible(pes.r + 1, pes.c)?.v).toBe(40);

    const prev = find(g, "Prevista");
    const real = find(g, "Realizzata");
    expect(g.get(prev.r + 1, prev.c)?.v).toBe(0.6);
    expect(g.get(real.r + 1, real.c)?.v).toBe(0.55);
    expect(g.get(real.r + 2, real.c)?.v ?? null).toBeNull();
    expect(g.get(real.r + 3, 0)?.v).toBeUndefined(); // exactly the data's rows, then a blank row

    const h = find(g, "FASI E TEMPI");
    const { previsto, effettivo } = DEFAULT_SETTINGS.colori;
    const row = (r: number) => Array.from({ length: 12 }, (_, m) => g.get(r, 1 + m));
    const marked = (r: number) => row(r).flatMap((c, m) => (c?.v === "X" ? [m + 1] : []));
    expect(marked(h.r + 1)).toEqual([1, 2]);
    expect(marked(h.r + 2)).toEqual([2]);
    expect(marked(h.r + 3)).toEqual([12]);
    expect(marked(h.r + 4)).toEqual([]);
    expect(row(h.r + 1).map((c) => c?.fill ?? null)).toEqual([previsto, previsto, ...Array(10).fill(null)]);
    expect(row(h.r + 2)[1]?.fill).toBe(effettivo);
    expect(g.get(h.r + 5, 0)).toBeUndefined(); // only the data's two fasi

    const esito = find(g, "Esito");
    expect(g.visible(esito.r + 1, esito.c)?.v).toBe("OK");
    const attesa = find(g, "Performance attesa");
    expect(g.visible(esito.r + 1, attesa.c)?.v).toBe("80%");
    const rea = find(g, "Performance realizzata");
    expect(g.visible(esito.r + 1, rea.c)).toMatchObject({ v: 0.9, fmt: "0%" });
    expect(spec.validations?.[0]).toMatchObject({ r1: esito.r + 1, r2: esito.r + 1 });

    const mv = find(g, "MEDIA VALORE RAGGIUNTO %");
    expect(g.get(mv.r, mv.c + 1)).toMatchObject({ v: 1, fmt: "0%" });
    expect(g.get(mv.r + 1, mv.c + 1)).toMatchObject({ v: 0.5, fmt: "0%" });
  });

  it("uses the palette given in the options", () => {
    const spec = layoutSchedaObiettivo({
      nome: "Ob",
      anno: 2024,
      dati: dati(),
      colori: { previsto: "#112233", effettivo: "#445566" },
    });
    const fills = new Set(spec.cells.filter((c) => c.v === "X").map((c) => c.style?.fill));
    expect(fills).toEqual(new Set(["#112233", "#445566"]));
  });

  it("keeps five empty indicator rows when the data has none", () => {
    const spec = layoutSchedaObiettivo({ nome: "Ob", anno: 2024, dati: dati({ indicatori: [] }) });
    const esito = find(specToGrid(spec), "Esito");
    expect(spec.validations?.[0]).toMatchObject({ r1: esito.r + 1, r2: esito.r + 5 });
  });

  it("lays the 'combinato' cronoprogramma as one label merged over the previsto and effettivo sub-rows", () => {
    const spec = layoutSchedaObiettivo({ nome: "Ob", anno: 2024, dati: dati({ cronoprogramma: "combinato" }) });
    const g = specToGrid(spec);
    const h = find(g, "FASI E TEMPI");
    expect(g.get(h.r + 1, 0)?.v).toBe("1 previsto effettivo");
    expect(g.mergeAt(h.r + 2, 0)).toEqual({ r1: h.r + 1, c1: 0, r2: h.r + 2, c2: 0 });
    expect(g.get(h.r + 2, 1)?.v ?? null).toBeNull(); // effettivo row: February only
    expect(g.get(h.r + 2, 2)).toMatchObject({ v: "X", fill: DEFAULT_SETTINGS.colori.effettivo });
    expect(g.get(h.r + 3, 0)?.v).toBe("2 previsto effettivo");
    expect(texts(g).some((t) => /^\d effettivo$/.test(t))).toBe(false);
    expect(overlappingMerges(spec)).toEqual([]);
  });
});
