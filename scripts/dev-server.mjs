#!/usr/bin/env node
/**
 * npm run dev-server — Vite on https://localhost:3000 for the add-in and the browser preview.
 *
 * Certificates: the office-addin-dev-certs ones in ~/.office-addin-dev-certs. On Windows and
 * macOS they are made and their CA trusted (the system asks once). Elsewhere they are only made
 * (trusting a CA there needs administrator rights: see docs/SETUP.md). If they cannot be made,
 * the server falls back to plain HTTP and says so: the browser preview works, sideloading into
 * Excel does not (Office requires HTTPS).
 *
 * The server's PID is written to .cache/dev-server.pid so that `npm run stop` ends exactly it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// PEG_PORT / PEG_PID_FILE: for the tooling test only (the manifest points at port 3000).
export const PID_FILE = process.env.PEG_PID_FILE || join(ROOT, ".cache", "dev-server.pid");
export const PORT = Number(process.env.PEG_PORT) || 3000;
const require = createRequire(import.meta.url);

const CERT_DIR = join(homedir(), ".office-addin-dev-certs");
const paths = { ca: join(CERT_DIR, "ca.crt"), cert: join(CERT_DIR, "localhost.crt"), key: join(CERT_DIR, "localhost.key") };

/** Certificate paths, or null with the reason. */
export async function devCerts() {
  if (process.env.PEG_HTTP === "1") return { certs: null, reason: "PEG_HTTP=1" };
  try {
    if (process.platform === "win32" || process.platform === "darwin") {
      // Makes the certificates if needed and trusts their CA (the system asks for confirmation).
      const { ensureCertificatesAreInstalled } = require("office-addin-dev-certs");
      await ensureCertificatesAreInstalled();
    } else if (!existsSync(paths.cert) || !existsSync(paths.key)) {
      const { generateCertificates } = require("office-addin-dev-certs/lib/generate.js");
      await generateCertificates(paths.ca, paths.cert, paths.key, 30);
    }
    if (existsSync(paths.cert) && existsSync(paths.key)) return { certs: paths, reason: null };
    return { certs: null, reason: "certificati non trovati dopo la generazione" };
  } catch (e) {
    return { certs: null, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
}

/** Start Vite; resolves with the child and the URL once it listens, rejects if it exits first. */
export async function startDevServer({ quiet = false } = {}) {
  const { certs, reason } = await devCerts();
  const protocol = certs ? "https" : "http";
  if (!certs && !quiet)
    console.warn(
      `Attenzione: non è stato possibile preparare i certificati HTTPS (${reason}). ` +
        "Il server parte in HTTP: l'anteprima nel browser funziona, ma Excel accetta il componente aggiuntivo solo in HTTPS. " +
        "Vedere docs/SETUP.md.",
    );
  const env = { ...process.env };
  if (certs) {
    env.PEG_DEV_CERT = certs.cert;
    env.PEG_DEV_KEY = certs.key;
  } else {
    delete env.PEG_DEV_CERT;
    delete env.PEG_DEV_KEY;
  }
  const child = spawn(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "--port", String(PORT), "--strictPort"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `${protocol}://localhost:${PORT}/`;
  await new Promise((resolveReady, reject) => {
    let out = "";
    const onData = (d) => {
      out += d.toString();
      if (!quiet) process.stdout.write(d);
      if (/ready in|Local:/i.test(out)) {
        // Only a server that is listening is recorded for `npm run stop`.
        mkdirSync(dirname(PID_FILE), { recursive: true });
        writeFileSync(PID_FILE, String(child.pid));
        resolveReady(undefined);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => {
      out += d.toString();
      if (!quiet) process.stderr.write(d);
    });
    child.once("exit", (code) => {
      reject(
        new Error(
          /already in use|EADDRINUSE/i.test(out)
            ? `la porta ${PORT} è già occupata (un altro server è avviato? usare «npm run stop»)`
            : `il server si è fermato (codice ${code})`,
        ),
      );
    });
  });
  return { child, url, https: Boolean(certs) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    const { child, url } = await startDevServer();
    console.log(
      `\nServer di sviluppo avviato su ${url} (pannello: ${url}taskpane.html, anteprima: ${url}preview.html). Ctrl+C per fermarlo.`,
    );
    const stop = () => child.kill("SIGTERM");
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    child.on("exit", (code, signal) => {
      rmSync(PID_FILE, { force: true });
      // Stopped on purpose (Ctrl+C, npm run stop: Vite exits 130/143) is a normal end.
      process.exit(signal || code === 130 || code === 143 ? 0 : (code ?? 0));
    });
  } catch (e) {
    console.error(`Impossibile avviare il server di sviluppo: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
