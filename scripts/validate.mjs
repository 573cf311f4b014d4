#!/usr/bin/env node
/**
 * npm run validate — office-addin-manifest validate manifest.xml (Microsoft's validation service).
 * The service is online: without a network it fails, and this says so in one clear Italian line
 * instead of a FetchError. The exit status stays non-zero then (nothing was validated). The
 * offline checks (well-formed XML, resources, sizes, URLs) are in tests/manifest/.
 */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
const r = spawnSync(process.execPath, [cli, "validate", process.argv[2] ?? "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
if (r.status !== 0 && /Unable to contact the manifest validation service|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/i.test(out)) {
  console.error(
    "Validazione non eseguita: il servizio di validazione di Microsoft non è raggiungibile (serve la connessione a Internet). " +
      "Riprovare con la rete; intanto «npx vitest run tests/manifest» controlla il manifesto senza rete.",
  );
  process.exit(2);
}
process.stdout.write(r.stdout ?? "");
process.stderr.write(r.stderr ?? "");
process.exit(r.status ?? 1);
