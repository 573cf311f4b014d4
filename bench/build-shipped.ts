/** Builds bench/shipped.ts with the `peg` bundle's options into a temporary folder, and loads it. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { cliBuildOptions } from "../scripts/cli-build-options.mjs";

export type Shipped = typeof import("./shipped");

export async function loadShipped(): Promise<Shipped> {
  const outdir = mkdtempSync(join(tmpdir(), "peg-bench-bundle-"));
  await build({
    absWorkingDir: join(import.meta.dirname, ".."),
    ...cliBuildOptions({ entryPoints: { shipped: "bench/shipped.ts" }, outdir, minify: true }),
  });
  return (await import(pathToFileURL(join(outdir, "shipped.mjs")).href)) as Shipped;
}
