#!/usr/bin/env node
/**
 * The manifest for a deployment: manifest.xml with every https://localhost:3000/ replaced by
 * ADDIN_BASE_URL. `npm run build` does this itself (vite.config.ts imports this module); run it
 * alone to point an existing dist/ at another server without rebuilding (the pages use relative
 * URLs, so dist/ does not depend on where it is served):
 *
 *   ADDIN_BASE_URL=https://peg.example.org/ node scripts/build-manifest.mjs [dist]
 *
 * It refuses (exit 1, Italian message) when a URL in the result names a file that dist/ lacks.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEV_BASE_URL = "https://localhost:3000/";

/** ADDIN_BASE_URL (or the dev URL) as an absolute URL ending in "/"; throws when malformed. */
export function baseUrl(raw = process.env.ADDIN_BASE_URL) {
  const u = new URL(raw?.trim() || DEV_BASE_URL);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/** The manifest with every dev URL (and the bare dev origin of AppDomain) rewritten to `base`. */
export function rewriteManifest(xml, base) {
  return xml.split(DEV_BASE_URL).join(base).split(DEV_BASE_URL.slice(0, -1)).join(base.slice(0, -1));
}

/** Files under `base` that the manifest names (relative paths). */
export function manifestFiles(xml, base) {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...xml.matchAll(new RegExp(`${escaped}([^"<\\s]+)`, "g"))].map((m) => m[1]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const dist = resolve(process.argv[2] ?? join(root, "dist"));
  let base;
  try {
    base = baseUrl();
  } catch {
    console.error(`ADDIN_BASE_URL non è un indirizzo valido: «${process.env.ADDIN_BASE_URL}». Esempio: https://peg.example.org/`);
    process.exit(1);
  }
  if (!existsSync(dist)) {
    console.error(`La cartella ${dist} non esiste: eseguire prima «npm run build».`);
    process.exit(1);
  }
  const xml = rewriteManifest(readFileSync(join(root, "manifest.xml"), "utf8"), base);
  const missing = manifestFiles(xml, base).filter((f) => !existsSync(join(dist, f)));
  if (missing.length) {
    console.error(`Il manifesto indica file che mancano in ${dist}: ${missing.join(", ")}. Eseguire «npm run build».`);
    process.exit(1);
  }
  writeFileSync(join(dist, "manifest.xml"), xml);
  console.log(`Scritto ${join(dist, "manifest.xml")} per ${base}`);
}
