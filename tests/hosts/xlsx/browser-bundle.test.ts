/**
 * The xlsx host in a browser: Vite bundles a tiny page that imports the host with a dynamic
 * import(), and Debian's Chromium (playwright-core) runs it on a workbook built here. Proves that
 * the ExcelJS import shim resolves to the browser build and that ExcelJS stays out of the
 * initial chunk.
 */
import { readdir, readFile, rm, stat, writeFile, mkdtemp } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newWorkbook, toBytes } from "./build";

const CHROMIUM = process.env.PEG_CHROMIUM ?? "/usr/bin/chromium";
const HOST = resolve(fileURLToPath(import.meta.url), "../../../../src/hosts/xlsx/index.ts");

const ENTRY = `
export async function run(bytes) {
  const host = await import(${JSON.stringify(HOST)});
  const { grid, esercizioHint } = await host.loadWorkbookGrid(bytes, { fileName: "PEG 2023.xlsx" });
  const out = await host.applyPlanToCopy(bytes, {
    writes: [{ foglio: "Ob 1", cella: "B2", kind: "esito", value: "OK", fill: "#FF0000", previous: { value: null, fill: null }, conflict: false }],
    newSheets: [{ name: "Ob 1", cells: [{ r: 0, c: 0, v: "=1+1" }] }],
  });
  const again = await host.loadWorkbookGrid(out);
  let refused = "";
  try { await host.loadWorkbookGrid(new TextEncoder().encode("ciao"), { fileName: "note.txt" }); }
  catch (e) { refused = e.name + ": " + e.message; }
  const s = grid.sheets[0];
  return {
    esercizioHint,
    a1: s.get(0, 0), c3: s.get(2, 2), far: s.get(1048575, 16383),
    after: again.grid.sheets.map((g) => [g.name, g.get(0, 0) ?? null, g.get(1, 1) ?? null]),
    refused,
  };
}
globalThis.runPeg = run;
`;

let dir: string;
let jsFiles: Array<{ name: string; size: number }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "peg-xlsx-bundle-"));
  await writeFile(join(dir, "entry.js"), ENTRY);
  await writeFile(join(dir, "index.html"), '<!doctype html><html><body><script type="module" src="./entry.js"></script></body></html>');
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    build: {
      outDir: join(dir, "dist"),
      emptyOutDir: true,
      chunkSizeWarningLimit: 5000,
    },
  });
  const assets = join(dir, "dist", "assets");
  jsFiles = await Promise.all(
    (await readdir(assets))
      .filter((f) => f.endsWith(".js"))
      .map(async (name) => ({
        name,
        size: (await stat(join(assets, name))).size,
      })),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("xlsx host in a browser bundle", () => {
  it("keeps ExcelJS out of the initial chunk", async () => {
    const html = await readFile(join(dir, "dist", "index.html"), "utf8");
    const initial = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(initial).toBeTruthy();
    const sizes = Object.fromEntries(jsFiles.map((f) => [f.name, f.size]));
    expect(sizes[initial!]).toBeLessThan(20_000);
    const lazy = jsFiles.filter((f) => f.name !== initial);
    expect(lazy.some((f) => f.size > 500_000)).toBe(true); // ExcelJS's prebuilt browser bundle
  });

  it("loads, writes and refuses workbooks in Chromium", async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet("Ob 1");
    ws.getCell("A1").value = "OBIETTIVO DI STRUTTURA";
    ws.getCell("C3").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 4 },
    };
    ws.getCell("XFD1048576").value = "lontano";
    const bytes = [...(await toBytes(wb))];

    const root = join(dir, "dist");
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const file = join(root, path === "/" ? "index.html" : path);
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      readFile(file).then(
        (body) =>
          res
            .writeHead(200, {
              "content-type": extname(file) === ".js" ? "text/javascript" : "text/html",
            })
            .end(body),
        () => res.writeHead(404).end(),
      );
    }).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as AddressInfo).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      // Nothing may leave this machine.
      await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => typeof (globalThis as { runPeg?: unknown }).runPeg === "function");
      const result = await page.evaluate(
        async (b) => (globalThis as unknown as { runPeg(x: Uint8Array): Promise<unknown> }).runPeg(new Uint8Array(b)),
        bytes,
      );
      expect(errors).toEqual([]);
      expect(result).toEqual({
        esercizioHint: 2023,
        a1: { v: "OBIETTIVO DI STRUTTURA" },
        c3: { v: null, fill: "#4F81BD" }, // ExcelJS's own theme part (Office 2007 colours)
        far: { v: "lontano" },
        after: [
          ["Ob 1", { v: "OBIETTIVO DI STRUTTURA" }, { v: "OK", fill: "#FF0000" }],
          ["Ob 1 (2)", { v: "=1+1" }, null],
        ],
        refused: expect.stringMatching(/^PegError: "note.txt" non è una cartella di lavoro Excel/),
      });
    } finally {
      await browser.close();
      server.close();
    }
  });
});
