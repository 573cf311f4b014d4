#!/usr/bin/env node
// The `peg` command. Runs the bundle that `npm ci` builds (scripts/build-cli.mjs, npm's
// "prepare") with plain node; runs the TypeScript sources through tsx instead when the bundle is
// missing or older than one of the sources it was built from (a developer editing src/), or when
// PEG_FROM_SOURCES=1. Either way no separate build step is needed.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function bundleIsFresh() {
  if (process.env.PEG_FROM_SOURCES) return false;
  try {
    const built = statSync(`${root}dist-cli/peg.mjs`).mtimeMs;
    const inputs = JSON.parse(readFileSync(`${root}dist-cli/inputs.json`, "utf8"));
    return inputs.every((p) => statSync(root + p, { throwIfNoEntry: false })?.mtimeMs <= built);
  } catch {
    return false;
  }
}

const { main } = bundleIsFresh()
  ? await import("../dist-cli/peg.mjs")
  : await (await import("tsx/esm/api")).tsImport("../src/cli/main.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
