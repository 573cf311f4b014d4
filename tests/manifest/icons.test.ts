/** The committed icons are exactly what scripts/make-icons.ts draws, and each button has its own. */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ICON_SIZES, drawGlyph, iconFiles } from "../../scripts/make-icons";

/** The RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 on every row, as encodePng writes). */
function pixels(file: string): { size: number; rgba: Buffer } {
  const b = readFileSync(file);
  const size = b.readUInt32BE(16);
  const idat: Buffer[] = [];
  for (let i = 8; i < b.length;) {
    const len = b.readUInt32BE(i);
    if (b.toString("ascii", i + 4, i + 8) === "IDAT") idat.push(b.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    expect(raw[y * (size * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  }
  return { size, rgba };
}

describe("icons", () => {
  it("match the generator (run `npx tsx scripts/make-icons.ts` after changing it)", () => {
    const files = iconFiles();
    expect([...ICON_SIZES]).toEqual([16, 20, 24, 32, 40, 48, 64, 80, 96]);
    expect(files.length).toBe(10 * 9);
    for (const { file, size, glyph } of files) {
      const p = pixels(file);
      expect(p.size, file).toBe(size);
      // Pixels, not bytes: zlib's output may differ between Node versions, the image may not.
      expect(p.rgba.equals(Buffer.from(drawGlyph(glyph, size))), file).toBe(true);
    }
  });

  it("differ from one button to another", () => {
    const hashes = new Set(
      iconFiles()
        .filter((f) => f.size === 32)
        .map((f) => createHash("sha1").update(readFileSync(f.file)).digest("hex")),
    );
    expect(hashes.size).toBe(10);
  });

  it("are Monoline: a transparent background, and an outline one stroke wide at 16 px", () => {
    for (const { file, size } of iconFiles().filter((f) => f.size === 16 || f.size === 32)) {
      const { rgba } = pixels(file);
      // The corners are background: nothing is painted there (no coloured tile).
      for (const [x, y] of [
        [0, 0],
        [size - 1, 0],
        [0, size - 1],
        [size - 1, size - 1],
      ])
        expect(rgba[(y! * size + x!) * 4 + 3], `${file} (${x},${y})`).toBe(0);
      // Most of the icon is background too: a line drawing, not a filled tile.
      let clear = 0;
      for (let i = 3; i < rgba.length; i += 4) if (rgba[i] === 0) clear++;
      expect(clear / (size * size), file).toBeGreaterThan(0.25);
    }
  });

  it("draw Segna previsto and Segna effettivo as different glyphs, not the same shape in two colours", () => {
    const mask = (name: string) => pixels(`assets/icon-${name}-32.png`).rgba.filter((_, i) => i % 4 === 3);
    const a = mask("segnaPrevisto");
    const b = mask("segnaEffettivo");
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i]! > 127 !== b[i]! > 127) differ++;
    expect(differ / a.length).toBeGreaterThan(0.2);
  });
});
