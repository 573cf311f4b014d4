/** A1 addresses for people, 0-based rows and columns for the engine (src/sheets/grid.ts). */
import type { MergeRange } from "./grid";

/** 0-based column index → letters ("A", "Z", "AA", …, "XFD"). */
export function colLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (r, c) → "B7". */
export function a1(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

/** "B7" → 0-based { r, c }; throws on text that is not an A1 address. */
export function parseA1(addr: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(addr.trim());
  if (!m) throw new Error(`Indirizzo di cella non valido: ${addr}`);
  const letters = m[1]!.toUpperCase();
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** "A1:C3" (or a single cell) → 0-based inclusive range. */
export function parseRange(ref: string): MergeRange {
  const [a, b] = ref.split(":");
  const p = parseA1(a!);
  const q = b ? parseA1(b) : p;
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export function rangeA1(m: MergeRange): string {
  const s = a1(m.r1, m.c1);
  const e = a1(m.r2, m.c2);
  return s === e ? s : `${s}:${e}`;
}
