/**
 * Figures for `npm run bench` ("pane"): the initial JavaScript of the pages (what the browser
 * must download before the pane works: entry scripts and their modulepreloads, gzipped; lazy
 * chunks and office.js excluded), and the time from opening the preview to seeing the sample's
 * results in headless Chromium.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "./browser";
import { build, findPage } from "./build";
import { serveStatic } from "./serve";

/** Local script and modulepreload URLs of a built page, resolved to files in dist. */
export function initialScripts(dist: string, page: string): string[] {
  const file = join(dist, page);
  const html = readFileSync(file, "utf8");
  const urls = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((m) => m[1]!);
  return [...new Set(urls.filter((u) => !/^(https?:)?\/\//.test(u)).map((u) => normalize(join(dirname(file), u))))];
}

export function initialJsGzipKb(dist: string, page: string): number {
  const bytes = initialScripts(dist, page).reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

export interface PaneFigures {
  /** The larger of the two pages' initial JS (target ≤ 200 KB). */
  initialJsGzipKb: number;
  pages: Record<string, number>;
  /** Median of `runs` cold page loads: navigation start → sample results visible (target ≤ 1500 ms). */
  sampleResultsMs: number;
  runsMs: number[];
}

/** Measures `opts.dist` (a build folder), or builds the app into a temporary one first. */
export async function measurePane(opts: { dist?: string; runs?: number } = {}): Promise<PaneFigures> {
  const dist = opts.dist ?? build();
  try {
    return await measure(dist, opts.runs ?? 3);
  } finally {
    if (!opts.dist && !process.env.PEG_E2E_DIST) rmSync(dist, { recursive: true, force: true });
  }
}

async function measure(dist: string, runs: number): Promise<PaneFigures> {
  const pages: Record<string, number> = {};
  for (const name of ["preview.html", "taskpane.html"]) pages[name] = initialJsGzipKb(dist, findPage(dist, name).slice(1));
  const server = await serveStatic(dist);
  const browser = await launch();
  const runsMs: number[] = [];
  try {
    const url = server.url + findPage(dist, "preview.html");
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ width: 1280, height: 800 });
      await page.goto(url);
      await page.getByTestId("sample").click();
      await page.getByTestId("totals").waitFor();
      // performance.now() counts from the navigation's start.
      runsMs.push(Math.round(await page.evaluate(() => performance.now())));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return {
    initialJsGzipKb: Math.max(...Object.values(pages)),
    pages,
    sampleResultsMs: sorted[Math.floor(sorted.length / 2)]!,
    runsMs,
  };
}
