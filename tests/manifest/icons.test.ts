/** The committed icons are exactly what scripts/make-icons.ts draws, and each button has its own. */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drawGlyph, encodePng, iconFiles } from "../../scripts/make-icons";

describe("icons", () => {
  it("match the generator (run `npx tsx scripts/make-icons.ts` after changing it)", () => {
    const files = iconFiles();
    expect(files.length).toBe(4 + 9 * 3);
    for (const { file, size, glyph } of files)
      expect(readFileSync(file).equals(encodePng(size, size, drawGlyph(glyph, size))), file).toBe(true);
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
