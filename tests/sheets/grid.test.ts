/**
 * The grid's fast paths give the same answers as the plain ones: rows handed over whole, merges
 * indexed densely or sparsely, blank tests without copies.
 */
import { describe, expect, it } from "vitest";
import { SheetGrid, isBlank, type Cell } from "../../src/sheets/grid";
import { SheetView } from "../../src/sheets/sheet-view";
import { cleanText, normLabel } from "../../src/domain/text";

const cell = (v: Cell["v"]): Cell => ({ v });

describe("SheetGrid.setRow", () => {
  it("keeps a sorted row as given and answers get, rowCells and visible like set", () => {
    const a = new SheetGrid("a");
    const b = new SheetGrid("b");
    const row: Array<[number, Cell]> = [
      [0, cell("N.")],
      [2, cell(3)],
      [7, cell("Titolo")],
    ];
    a.setRow(4, row);
    for (const [c, x] of row) b.set(4, c, x);
    for (const c of [0, 1, 2, 7, 8]) expect(a.get(4, c)).toBe(b.get(4, c));
    expect(a.rowCells(4)).toEqual(b.rowCells(4));
    expect(a.rowIndexes()).toEqual([4]);
  });

  it("sorts a row given out of order, and the last of two cells in one column wins", () => {
    const g = new SheetGrid("g");
    g.setRow(0, [
      [5, cell("e")],
      [1, cell("a")],
      [5, cell("E")],
    ]);
    expect(g.rowCells(0).map(([c, x]) => [c, x.v])).toEqual([
      [1, "a"],
      [5, "E"],
    ]);
  });

  it("cells set one by one in any order read back in column order, the last write of a cell winning", () => {
    const g = new SheetGrid("g");
    for (const c of [9, 2, 5, 2, 0]) g.set(1, c, cell(`v${c}-${g.get(1, c) ? "2" : "1"}`));
    expect(g.rowCells(1).map(([c, x]) => [c, x.v])).toEqual([
      [0, "v0-1"],
      [2, "v2-2"],
      [5, "v5-1"],
      [9, "v9-1"],
    ]);
    expect(g.get(1, 2)?.v).toBe("v2-2");
    expect(g.cellCount).toBe(4);
  });

  it("adds to a row that already has cells", () => {
    const g = new SheetGrid("g");
    g.set(2, 3, cell("x"));
    g.setRow(2, [[1, cell("y")]]);
    expect(g.rowCells(2).map(([c]) => c)).toEqual([1, 3]);
  });
});

describe("SheetGrid.mergeAt", () => {
  it("finds merges near the top (dense rows), far below (sparse) and whole columns (tall)", () => {
    const g = new SheetGrid("g");
    g.addMerge({ r1: 1, c1: 1, r2: 2, c2: 3 });
    g.addMerge({ r1: 200_000, c1: 0, r2: 200_001, c2: 1 });
    g.addMerge({ r1: 0, c1: 10, r2: 1_048_575, c2: 10 });
    expect(g.mergeAt(2, 3)).toEqual({ r1: 1, c1: 1, r2: 2, c2: 3 });
    expect(g.mergeAt(2, 4)).toBeUndefined();
    expect(g.mergeAt(200_001, 1)?.r1).toBe(200_000);
    expect(g.mergeAt(500_000, 10)?.c1).toBe(10);
    expect(g.mergeAt(3, 1)).toBeUndefined();
  });

  it("uses a dense index when the merges end high up, and still finds every cell", () => {
    const g = new SheetGrid("g");
    for (let r = 0; r < 300; r += 3) g.addMerge({ r1: r, c1: 0, r2: r + 1, c2: 2 });
    for (let r = 0; r < 300; r++) for (let c = 0; c < 4; c++) expect(!!g.mergeAt(r, c)).toBe(r % 3 !== 2 && c <= 2);
  });
});

describe("blank and clean text without copies", () => {
  it("isBlank: only empty or white-space text, null and undefined are blank", () => {
    for (const v of ["", " ", "\u00a0", "\n\t "]) expect(isBlank(v)).toBe(true);
    for (const v of ["a", " a", "a ", 0, false, new Date(0)]) expect(isBlank(v)).toBe(false);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
  });

  it("cleanText and normLabel read as before on any mix of spaces, accents and punctuation", () => {
    const slowClean = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
    const slowNorm = (s: string) =>
      s
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, " ")
        .trim();
    const chars = ["a", "Z", "9", " ", "  ", "\t", "\n", "\u00a0", ".", "%", "è", "À", "/", "ß"];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 3000; i++) {
      let s = "";
      for (let k = next() % 10; k > 0; k--) s += chars[next() % chars.length];
      expect(cleanText(s)).toBe(slowClean(s));
      expect(normLabel(s)).toBe(slowNorm(s));
    }
  });

  it("a long text that recurs is normalised the same every time", () => {
    const long = `Ricognizione dei procedimenti ${"e delle attività ".repeat(20)}in corso`;
    expect(normLabel(long)).toBe(normLabel(`${long}`));
    expect(normLabel(long).startsWith("ricognizione dei procedimenti e delle attivita")).toBe(true);
  });
});

describe("SheetView on a grid filled by rows", () => {
  it("indexes labels by role and by row, and finds the value right of a label across empty cells", () => {
    const g = new SheetGrid("s");
    g.setRow(0, [
      [0, cell("N. OBIETTIVO")],
      [6, cell("3")],
    ]);
    g.setRow(1, [
      [0, cell("Titolo obiettivo")],
      [1, cell("  ")],
      [2, cell("Digitalizzare")],
    ]);
    const v = new SheetView(g);
    expect(v.find("numero")).toMatchObject({ r: 0, c: 0 });
    expect(v.findAll("titolo").map((l) => [l.r, l.c])).toEqual([[1, 0]]);
    expect(v.rowLabels(1).map((l) => l.c)).toEqual([0, 2]);
    expect(v.rightOf({ r: 0, c: 0 })).toEqual({ r: 0, c: 6 });
    expect(v.rightOf({ r: 1, c: 0 })).toEqual({ r: 1, c: 2 });
    expect(v.text(0, 6)).toBe("3");
  });
});

describe("SheetView merges", () => {
  it("resolves merges as the grid does, near the top (dense rows) and far below (the grid's index)", () => {
    for (const base of [0, 70_000]) {
      const g = new SheetGrid("m");
      g.set(base + 1, 1, cell("Titolo"));
      g.addMerge({ r1: base + 1, c1: 1, r2: base + 2, c2: 3 });
      g.set(base + 5, 0, cell("N."));
      g.addMerge({ r1: base + 5, c1: 0, r2: base + 5, c2: 1 });
      const v = new SheetView(g);
      for (let r = base; r < base + 7; r++)
        for (let c = 0; c < 5; c++) {
          expect(v.cell(r, c)).toBe(g.visible(r, c));
          expect(v.mergeAt(r, c)).toBe(g.mergeAt(r, c));
        }
      expect(v.text(base + 2, 3)).toBe("Titolo");
    }
  });
});
