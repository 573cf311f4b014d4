#!/usr/bin/env node
// The `peg` command: runs the TypeScript sources through tsx, so no build step is needed after npm ci.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/cli/main.ts", import.meta.url);
const code = await main(process.argv.slice(2));
process.exitCode = code;
