/** The committed icons are exactly what scripts/make-icons.ts draws, and each button has its own. */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { drawGlyph, iconFiles } from "../../scripts/make-icons";

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
    expect(files.length).toBe(4 + 9 * 3);
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
});
