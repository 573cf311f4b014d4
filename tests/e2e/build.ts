/**
 * The built app the e2e tests serve: `vite build` with the project's config, once per run
 * (globalSetup). PEG_E2E_DIST points at an existing build instead (e.g. to rerun one test).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

export function distDir(): string {
  return resolve(process.env.PEG_E2E_DIST ?? join(ROOT, "dist"));
}

export function build(): string {
  const dist = distDir();
  if (process.env.PEG_E2E_DIST) return dist;
  execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  return dist;
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

export function hasBuild(dist = distDir()): boolean {
  return existsSync(dist);
}
