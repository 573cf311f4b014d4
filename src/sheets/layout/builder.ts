/**
 * A tiny accumulator for SheetSpec cells, merges and validations, so that each layout reads as a
 * top-to-bottom description of the sheet. Rows and columns are 0-based, like SheetSpec.
 */
import type { CellStyle, SheetSpec, SpecCell } from "../sheet-spec";

export type Value = SpecCell["v"];

export class SpecBuilder {
  readonly cells: SpecCell[] = [];
  readonly merges: NonNullable<SheetSpec["merges"]> = [];
  readonly validations: NonNullable<SheetSpec["validations"]> = [];
  readonly heights: Record<number, number> = {};

  /** Put a value (or just a style, with v null) at (r, c). */
  put(r: number, c: number, v: Value, style?: CellStyle): void {
    this.cells.push(style ? { r, c, v, style } : { r, c, v });
  }

  /**
   * A value spread over a block of cells: the value goes in the top-left, the style on every
   * cell (so borders and fills cover the whole merged area), and the block is merged.
   */
  span(r: number, c1: number, c2: number, v: Value, style?: CellStyle, rows = 1): void {
    for (let rr = r; rr < r + rows; rr++) for (let c = c1; c <= c2; c++) this.put(rr, c, rr === r && c === c1 ? v : null, style);
    if (c2 > c1 || rows > 1) this.merges.push({ r1: r, c1, r2: r + rows - 1, c2 });
  }

  height(r: number, points: number): void {
    this.heights[r] = points;
  }

  /** Rough row height for wrapped text in a span `chars` characters wide. */
  fitText(r: number, text: string | null | undefined, chars: number, min = 15): void {
    if (!text) return;
    const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 1.1) / chars)), 0);
    const h = Math.max(min, lines * 15);
    if (h > (this.heights[r] ?? 0)) this.heights[r] = h;
  }
}

/** A cell value with an optional number format (e.g. a real date shown "dd-mmm"). */
export type CellInput = Value | { v: Value; fmt?: string };

export function cellValue(x: CellInput | undefined): { v: Value; fmt?: string } {
  if (x === undefined) return { v: null };
  if (x !== null && typeof x === "object" && !(x instanceof Date)) return x;
  return { v: x };
}
