#!/usr/bin/env node
/**
 * npm run stop — ends what npm start started: on Windows / macOS office-addin-debugging stop
 * (unregisters the sideloaded add-in and stops its dev server); everywhere, the dev server whose
 * PID scripts/dev-server.mjs wrote in .cache/dev-server.pid (that process only).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PID_FILE = process.env.PEG_PID_FILE || join(ROOT, ".cache", "dev-server.pid");
let status = 0;

if (process.platform === "win32" || process.platform === "darwin") {
  const bin = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  status = spawnSync(bin, ["stop", "manifest.xml"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" }).status ?? 1;
}

if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, "utf8").trim());
  try {
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGTERM");
    console.log(`Server di sviluppo fermato (PID ${pid}).`);
  } catch {
    console.log("Il server di sviluppo non era più in esecuzione.");
  }
  rmSync(PID_FILE, { force: true });
} else if (status === 0) console.log("Nessun server di sviluppo avviato da «npm start» o «npm run dev-server».");

process.exit(status);
