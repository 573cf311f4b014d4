/** Bundles the office.js stub as one classic script (IIFE) with Vite, into a temporary folder. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

export async function buildOfficeStub(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "peg-office-stub-"));
  try {
    await build({
      configFile: false,
      logLevel: "error",
      build: {
        outDir: out,
        emptyOutDir: true,
        minify: false,
        lib: { entry: join(import.meta.dirname, "office-stub.ts"), formats: ["iife"], name: "PegOfficeStub", fileName: () => "office.js" },
      },
    });
    return readFileSync(join(out, "office.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
