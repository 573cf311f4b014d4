/**
 * The built app the e2e tests serve: `vite build` with the project's config into a private
 * temporary folder (so a concurrent `npm run build` into dist/ cannot disturb a run).
 * PEG_E2E_DIST points at an existing build instead (e.g. to rerun one test quickly).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

/** Builds the app (unless PEG_E2E_DIST is set) and returns the folder it is in. */
export function build(): string {
  if (process.env.PEG_E2E_DIST) return resolve(process.env.PEG_E2E_DIST);
  const out = mkdtempSync(join(tmpdir(), "peg-e2e-dist-"));
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error", "--outDir", out, "--emptyOutDir"],
    {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  return out;
}

/** Path (relative to dist, with "/") of the first file called `name`, wherever the config put it. */
export function findPage(dist: string, name: string): string {
  const stack = [dist];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir)) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (entry === name) return "/" + relative(dist, p).split("\\").join("/");
    }
  }
  throw new Error(`${name} non trovato in ${dist}: la build deve produrlo (vite.config.ts).`);
}
