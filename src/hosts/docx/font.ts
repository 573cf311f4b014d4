/**
 * A 5×7 bitmap font for the few characters the chart images print: figures, "%", ",", ".", "-"
 * and the "S" of the settori's keys. Names are never drawn in the image: they are in the legend
 * under it, as document text a reader can search, copy and correct.
 */
import type { Raster } from "./png";

const GLYPHS: Record<string, string> = {
  "0": "01110 10001 10011 10101 11001 10001 01110",
  "1": "00100 01100 00100 00100 00100 00100 01110",
  "2": "01110 10001 00001 00010 00100 01000 11111",
  "3": "11111 00010 00100 00010 00001 10001 01110",
  "4": "00010 00110 01010 10010 11111 00010 00010",
  "5": "11111 10000 11110 00001 00001 10001 01110",
  "6": "00110 01000 10000 11110 10001 10001 01110",
  "7": "11111 00001 00010 00100 01000 01000 01000",
  "8": "01110 10001 10001 01110 10001 10001 01110",
  "9": "01110 10001 10001 01111 00001 00010 01100",
  "%": "11000 11001 00010 00100 01000 10011 00011",
  ",": "00000 00000 00000 00000 01100 00100 01000",
  ".": "00000 00000 00000 00000 00000 01100 01100",
  "-": "00000 00000 00000 11111 00000 00000 00000",
  S: "01111 10000 10000 01110 00001 00001 11110",
  " ": "00000 00000 00000 00000 00000 00000 00000",
};

const ROWS = new Map(Object.entries(GLYPHS).map(([ch, rows]) => [ch, rows.split(" ")]));

/** Width in pixels of `text` at `scale` (one column of spacing between glyphs). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * 6 - 1) * scale;
}

/** True when every character of `text` has a glyph. */
export function drawable(text: string): boolean {
  return [...text].every((ch) => ROWS.has(ch));
}

/** Draws `text` with its top-left corner at (x, y); characters without a glyph are left blank. */
export function drawText(img: Raster, text: string, x: number, y: number, scale: number, rgb: number): void {
  let cx = x;
  for (const ch of text) {
    const rows = ROWS.get(ch);
    if (rows)
      rows.forEach((row, ry) => {
        for (let rx = 0; rx < 5; rx++) if (row[rx] === "1") img.rect(cx + rx * scale, y + ry * scale, scale, scale, rgb);
      });
    cx += 6 * scale;
  }
}
