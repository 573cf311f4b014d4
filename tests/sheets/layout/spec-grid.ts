/** Test helper: a SheetSpec seen as the neutral grid, so layout tests read sheets the way the engine does. */
import { SheetGrid } from "../../../src/sheets/grid";
import type { SheetSpec } from "../../../src/sheets/sheet-spec";

export function specToGrid(spec: SheetSpec): SheetGrid {
  const g = new SheetGrid(spec.name);
  for (const c of spec.cells) {
    const v = c.v;
    if (v === null && !c.style?.fmt && !c.style?.fill) continue;
    g.set(c.r, c.c, { v, fmt: c.style?.fmt, fill: c.style?.fill ?? null });
  }
  for (const m of spec.merges ?? []) g.addMerge(m);
  return g;
}

/** Every non-blank string of the sheet, row by row, left to right. */
export function texts(g: SheetGrid): string[] {
  const out: string[] = [];
  for (const [, , cell] of g.cells()) if (typeof cell.v === "string" && cell.v.trim() !== "") out.push(cell.v);
  return out;
}

/** The (first) position of a cell whose text is exactly `label`. */
export function find(g: SheetGrid, label: string): { r: number; c: number } {
  for (const [r, c, cell] of g.cells()) if (cell.v === label) return { r, c };
  throw new Error(`etichetta non trovata: ${label}`);
}

/** True when `wanted` appears in `seq` in this order (not necessarily adjacent). */
export function inOrder(seq: string[], wanted: string[]): boolean {
  let i = 0;
  for (const s of seq) if (i < wanted.length && s === wanted[i]) i++;
  return i === wanted.length;
}

/** Pairs of merges that overlap (Excel refuses such a file). */
export function overlappingMerges(spec: SheetSpec): string[] {
  const ms = spec.merges ?? [];
  const out: string[] = [];
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++) {
      const a = ms[i]!;
      const b = ms[j]!;
      if (a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2) out.push(`${JSON.stringify(a)} ∩ ${JSON.stringify(b)}`);
    }
  return out;
}
