// Builds the `peg` command line into dist-cli/ (run by npm's "prepare", so `npm ci` leaves it
// ready): one ES module plus lazily loaded chunks (consolida, the .xls/.ods readers, ExcelJS),
// so `peg verifica` starts with plain node and loads only what it runs. bin/peg.mjs falls back
// to the TypeScript sources (tsx) when the bundle is missing or older than a source it was built
// from; dist-cli/inputs.json lists those sources.
import { build } from "esbuild";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { cliBuildOptions } from "./cli-build-options.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// `--outdir DIR` builds elsewhere (the tests do, so as not to replace the installed bundle).
const at = process.argv.indexOf("--outdir");
const outdir = at > 0 ? process.argv[at + 1] : join(root, "dist-cli");

try {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    ...cliBuildOptions({ entryPoints: { peg: "src/cli/main.ts" }, outdir, minify: !process.argv.includes("--no-minify") }),
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules"));
  await writeFile(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  // Written last: bin/peg.mjs uses the bundle only when this list exists and no source is newer.
  await writeFile(join(outdir, "inputs.json"), JSON.stringify(inputs.map((p) => relative(root, join(root, p)))));
} catch (e) {
  // Never fail the install: without the bundle, bin/peg.mjs runs the sources through tsx.
  await rm(outdir, { recursive: true, force: true }).catch(() => {});
  console.warn(`peg: bundle not built (${e instanceof Error ? e.message.split("\n")[0] : e}); the command will run from the sources.`);
}
