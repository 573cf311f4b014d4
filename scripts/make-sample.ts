/**
 * Builds assets/esempio-peg-2023.xlsx from the seed's data (scripts/seed-data.ts).
 * Run: `npm run make-sample`. Deterministic: the same bytes on every run (fixed document and zip
 * dates), and the file is rewritten only when its bytes would change.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { esempioSpecs } from "./seed-data";
import { renderSpecs } from "./spec-to-xlsx";

export const ESEMPIO_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../assets/esempio-peg-2023.xlsx");

/** A fixed timestamp so that every run gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 31, 12, 0, 0));

export function buildEsempio(): Promise<Uint8Array> {
  return renderSpecs(esempioSpecs(), FIXED_DATE);
}

async function main(): Promise<void> {
  const bytes = await buildEsempio();
  if (existsSync(ESEMPIO_PATH) && Buffer.from(readFileSync(ESEMPIO_PATH)).equals(Buffer.from(bytes))) {
    console.log(`${ESEMPIO_PATH}: già aggiornato.`);
    return;
  }
  writeFileSync(ESEMPIO_PATH, bytes);
  console.log(`${ESEMPIO_PATH}: scritto (${bytes.length} byte).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
