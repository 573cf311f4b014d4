/** `npm run build` with a production base URL: no localhost left, every page and icon present. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "peg-build-"));
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--outDir", out, "--emptyOutDir", "--logLevel", "error"],
    {
      cwd: ROOT,
      env: { ...process.env, ADDIN_BASE_URL: "https://peg.example.org/" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("production build", () => {
  it("rewrites the manifest to ADDIN_BASE_URL, and every URL in it exists in the build", () => {
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    const urls = [...manifest.matchAll(/https:\/\/peg\.example\.org\/[^"<\s]*/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(existsSync(join(out, url.slice("https://peg.example.org/".length))), url).toBe(true);
  });

  it("builds the pages flat, with scripts that resolve relative to them", () => {
    for (const page of ["taskpane.html", "commands.html", "aiuto.html", "preview.html"]) {
      const html = readFileSync(join(out, page), "utf8");
      for (const [, ref] of html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g))
        expect(existsSync(join(out, ref!)), `${page} → ${ref}`).toBe(true);
    }
    expect(readFileSync(join(out, "taskpane.html"), "utf8")).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});
