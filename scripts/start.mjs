#!/usr/bin/env node
/**
 * npm start — as in the Office add-in templates.
 * Windows / macOS: office-addin-debugging starts the dev server (npm run dev-server) and
 * sideloads manifest.xml into Excel desktop.
 * Elsewhere (Linux): starts the dev server and prints, in Italian, how to sideload into Excel on
 * the web and where the browser preview is. The exit status is the dev server's: 1 if it could
 * not start.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PID_FILE, startDevServer } from "./dev-server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

if (process.platform === "win32" || process.platform === "darwin") {
  const bin = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const child = spawn(bin, ["start", "manifest.xml", "desktop"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  let server;
  try {
    server = await startDevServer({ quiet: true });
  } catch (e) {
    console.error(`Impossibile avviare il server di sviluppo: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  const { child, url, https } = server;
  const lines = [
    "",
    `Monitoraggio PEG è in esecuzione su ${url}`,
    "",
    "Anteprima nel browser (senza Excel): aprire",
    `  ${url}preview.html`,
    "  e fare clic su «Prova con l'esempio», oppure aprire un file .xlsx dal disco.",
    "",
    "Per provarlo in Excel per il Web:",
    "  1. aprire una cartella di lavoro su https://www.office.com (OneDrive o SharePoint);",
    "  2. Home › Componenti aggiuntivi › Altri componenti aggiuntivi (oppure Inserisci › Componenti aggiuntivi di Office);",
    "  3. scheda «I miei componenti aggiuntivi» › «Carica il componente aggiuntivo» e scegliere il file",
    `     ${join(ROOT, "manifest.xml")}`,
    "  4. compare la scheda «PEG» nella barra multifunzione.",
  ];
  if (https)
    lines.push(
      "",
      "Il certificato di sviluppo non è considerato attendibile su questo sistema: aprire prima",
      `  ${url}taskpane.html nel browser e accettarlo, oppure importare ~/.office-addin-dev-certs/ca.crt tra le autorità attendibili (docs/SETUP.md).`,
    );
  else
    lines.push("", "Attenzione: il server è in HTTP, quindi Excel non caricherà il componente aggiuntivo; l'anteprima funziona lo stesso.");
  lines.push("", "Per fermarlo: Ctrl+C oppure «npm run stop».", "");
  console.log(lines.join("\n"));
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code, signal) => {
    rmSync(PID_FILE, { force: true });
    // Stopped on purpose (Ctrl+C, npm run stop: Vite exits 130/143) is a normal end.
    process.exit(signal || code === 130 || code === 143 ? 0 : (code ?? 0));
  });
}
