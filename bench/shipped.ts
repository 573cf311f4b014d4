/**
 * What the cli bench measures, as it is shipped: `peg` runs an esbuild bundle (scripts/build-cli.mjs,
 * built by `npm ci`), and the same code run through tsx is some 20% slower (per-module loading and
 * its kept function names). Both sides of the comparison, the command and the reader alone, come
 * from one bundle built here with the command's own options.
 */
export { main } from "../src/cli/main";
export { loadWorkbookGrid } from "../src/hosts/xlsx/load";
