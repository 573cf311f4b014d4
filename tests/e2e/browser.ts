/**
 * Debian's Chromium driven by playwright-core: headless, a fresh profile, and every request
 * that is not to this machine aborted, so no test can depend on the network.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.PEG_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Browser {
  context: BrowserContext;
  /** Requests that were blocked because they left the machine. */
  blocked: string[];
  newPage(opts?: { width?: number; height?: number; dark?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

export function isLocal(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
    return u.hostname === "127.0.0.1" || u.hostname === "localhost" || u.hostname === "[::1]";
  } catch {
    return false;
  }
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium non trovato in ${CHROMIUM}: installarlo con "apt-get update && apt-get install -y chromium" (oppure indicare PEG_CHROMIUM).`,
    );
  const profile = mkdtempSync(join(tmpdir(), "peg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // Italian UI language: date inputs read gg/mm/aaaa, as for the users.
    args: [...CHROMIUM_ARGS, "--lang=it-IT"],
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: "it-IT",
  });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return {
    context,
    blocked,
    async newPage(opts = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width: opts.width ?? 1280, height: opts.height ?? 800 });
      await page.emulateMedia({ colorScheme: opts.dark ? "dark" : "light" });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
