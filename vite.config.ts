/**
 * One build for the add-in and the browser preview.
 *
 * Pages (flat in dist/, as the manifest names them): taskpane.html (the pane and the shared
 * runtime of the ribbon), commands.html (function file without the shared runtime), aiuto.html
 * (SupportUrl / LearnMoreUrl), preview.html (the browser preview, when its source exists).
 * dist/manifest.xml is manifest.xml with https://localhost:3000/ replaced by ADDIN_BASE_URL, and the
 * icons it names are copied to dist/assets/ under their own names.
 *
 * Dev server: HTTPS on localhost:3000 with the office-addin-dev-certs certificate when
 * scripts/dev-server.mjs found one (PEG_DEV_CERT / PEG_DEV_KEY), plain HTTP otherwise.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { baseUrl, DEV_BASE_URL, rewriteManifest } from "./scripts/build-manifest.mjs";

export { DEV_BASE_URL };

const ROOT = import.meta.dirname;

/** ADDIN_BASE_URL for the manifest; a malformed one stops the build with its Italian message, no stack. */
function checkedBaseUrl(): string {
  try {
    return baseUrl();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}

/** Page name in dist → source html. */
export const PAGES: Record<string, string> = {
  "taskpane.html": "src/taskpane/index.html",
  "commands.html": "src/commands/commands.html",
  "aiuto.html": "src/commands/aiuto.html",
  "preview.html": "src/web/preview.html",
};

/** The icons the manifest names (made by scripts/make-icons.ts), copied to dist/ under their own names. */
export const ICONS = readdirSync(resolve(ROOT, "assets"))
  .filter((f) => /^icon-[\w-]+\.png$/.test(f))
  .map((f) => `assets/${f}`);

const existingPages = () => Object.fromEntries(Object.entries(PAGES).filter(([, src]) => existsSync(resolve(ROOT, src))));

/** Flat page names in dist/, manifest and icons copied; the same URLs on the dev server. */
function addinPages(): Plugin {
  const bySource = new Map(Object.entries(existingPages()).map(([name, src]) => [src, name]));
  return {
    name: "peg-addin-pages",
    // After Vite's html plugin has emitted the pages.
    enforce: "post",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? "").split("?")[0]!;
        const src = PAGES[path.slice(1)];
        if (src && existsSync(resolve(ROOT, src))) req.url = `/${src}`;
        else if (path === "/") req.url = `/${PAGES["preview.html"]}`;
        next();
      });
    },
    generateBundle(_opts, bundle) {
      for (const chunk of Object.values(bundle)) {
        const name = bySource.get(chunk.fileName);
        if (chunk.type !== "asset" || !name) continue;
        // With base "./" the page's URLs are relative to its source folder; make them relative
        // to dist/, where the page now lives.
        const up = "../".repeat(chunk.fileName.split("/").length - 1);
        if (up) chunk.source = String(chunk.source).split(`"${up}`).join('"./');
        chunk.fileName = name;
      }
      this.emitFile({
        type: "asset",
        fileName: "manifest.xml",
        source: rewriteManifest(readFileSync(resolve(ROOT, "manifest.xml"), "utf8"), checkedBaseUrl()),
      });
      for (const icon of ICONS) this.emitFile({ type: "asset", fileName: icon, source: readFileSync(resolve(ROOT, icon)) });
    },
  };
}

function https(): { key: Buffer; cert: Buffer } | undefined {
  const cert = process.env.PEG_DEV_CERT;
  const key = process.env.PEG_DEV_KEY;
  if (!cert || !key || !existsSync(cert) || !existsSync(key)) return undefined;
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

export default defineConfig({
  root: ROOT,
  // Relative URLs: the same dist/ works under any ADDIN_BASE_URL path.
  base: "./",
  plugins: [addinPages()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // ExcelJS (about 1 MB) is its own lazy chunk, fetched only when a workbook file is opened.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Fluent UI's "use client" directives mean nothing outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      input: Object.fromEntries(Object.entries(existingPages()).map(([name, src]) => [name.replace(/\.html$/, ""), resolve(ROOT, src)])),
    },
  },
  server: {
    port: 3000,
    strictPort: true,
    host: "localhost",
    https: https(),
  },
  preview: {
    port: 3000,
    strictPort: true,
    host: "localhost",
  },
});
