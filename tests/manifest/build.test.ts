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

  it("re-targets an existing build with scripts/build-manifest.mjs, and refuses a bad URL or a missing file", () => {
    const run = (env: Record<string, string>, dir = out) => {
      try {
        execFileSync(process.execPath, [join(ROOT, "scripts/build-manifest.mjs"), dir], {
          cwd: ROOT,
          env: { ...process.env, ...env },
          stdio: "pipe",
        });
        return { code: 0, err: "" };
      } catch (e) {
        const x = e as { status: number; stderr: Buffer };
        return { code: x.status, err: x.stderr.toString() };
      }
    };
    expect(run({ ADDIN_BASE_URL: "https://altro.example.it/peg/" }).code).toBe(0);
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain("https://altro.example.it/peg/taskpane.html");
    expect(manifest).not.toMatch(/localhost|peg\.example\.org/);
    const bad = run({ ADDIN_BASE_URL: "non un url" });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/non è un indirizzo valido/);
    rmSync(join(out, "aiuto.html"));
    const missing = run({ ADDIN_BASE_URL: "https://peg.example.org/" });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/aiuto\.html/);
  });
});
