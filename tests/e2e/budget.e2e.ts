/**
 * The pages' first download (issue 5: ≤ 200 KB gzipped, office.js not counted) and what they
 * load: the preview needs no office.js, and ExcelJS is never in the initial scripts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPage } from "./build";
import { distDir } from "./dist";
import { initialJsGzipKb, initialScripts } from "./measure";

describe("peso iniziale delle pagine", () => {
  const dist = distDir();
  for (const page of ["preview.html", "taskpane.html"]) {
    it(`${page}: initial JS ≤ 200 KB gzipped, without ExcelJS`, () => {
      const rel = findPage(dist, page).slice(1);
      expect(initialJsGzipKb(dist, rel)).toBeLessThanOrEqual(200);
      for (const f of initialScripts(dist, rel)) expect(readFileSync(f, "utf8")).not.toContain("exceljs");
    });
  }

  it("the preview loads nothing from outside and no office.js", () => {
    const html = readFileSync(join(dist, findPage(dist, "preview.html")), "utf8");
    expect(html).not.toMatch(/office\.js/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
