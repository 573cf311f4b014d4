// The esbuild options of the `peg` bundle, shared by scripts/build-cli.mjs (what `npm ci` builds
// and bin/peg.mjs runs) and by the bench, which measures the command as it is shipped.
/** @param {{ entryPoints: Record<string, string>, outdir: string, minify: boolean, splitting?: boolean }} o */
export function cliBuildOptions({ entryPoints, outdir, minify, splitting = true }) {
  return {
    entryPoints,
    bundle: true,
    splitting,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    minify,
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
    // Bundled CommonJS packages may require Node's own modules.
    banner: { js: 'import { createRequire as __pegRequire } from "node:module"; const require = __pegRequire(import.meta.url);' },
  };
}
