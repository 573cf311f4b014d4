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

/**
 * ADDIN_BASE_URL (or the dev URL) checked: an https address (Office loads add-ins only over
 * HTTPS) that ends with "/" (the pages are found under it), with no query or fragment. A path is
 * allowed (https://example.org/peg/). Throws an Error with an Italian message saying what to fix.
 */
export function baseUrl(raw = process.env.ADDIN_BASE_URL) {
  const text = raw?.trim() || DEV_BASE_URL;
  const example = "Esempio: ADDIN_BASE_URL=https://peg.example.org/";
  let u;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`ADDIN_BASE_URL non è un indirizzo valido: «${text}». ${example}`);
  }
  if (u.protocol !== "https:")
    throw new Error(
      `ADDIN_BASE_URL deve iniziare con https:// (Office carica i componenti aggiuntivi solo in HTTPS): «${text}». ${example}`,
    );
  if (u.search || u.hash || u.username || u.password)
    throw new Error(`ADDIN_BASE_URL non deve contenere parametri, frammenti o credenziali: «${text}». ${example}`);
  if (!text.endsWith("/"))
    throw new Error(`ADDIN_BASE_URL deve terminare con «/» (le pagine stanno sotto quell'indirizzo): «${text}». Forse: «${text}/»`);
  return u.href;
}

/** The manifest with every dev URL rewritten to `base`, and the bare dev origin (AppDomain) to its origin. */
export function rewriteManifest(xml, base) {
  return xml.split(DEV_BASE_URL).join(base).split(DEV_BASE_URL.slice(0, -1)).join(new URL(base).origin);
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
  } catch (e) {
    console.error(e.message);
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
