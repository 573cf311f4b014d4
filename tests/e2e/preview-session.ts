/**
 * The built preview served on 127.0.0.1 and a headless Chromium, for one test file: started
 * before its tests, ended after them (by the hooks this registers).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launch, type Browser } from "./browser";
import { findPage } from "./build";
import { distDir } from "./dist";
import { serveStatic, type StaticServer } from "./serve";

export interface PreviewSession {
  /** Address of preview.html. */
  url(): string;
  browser(): Browser;
  /** Opens the preview and loads the sample ("Prova con l'esempio") until its totals show. */
  openSample(page: Page): Promise<void>;
}

export function previewSession(): PreviewSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let url = "";
  beforeAll(async () => {
    const dist = distDir();
    server = await serveStatic(dist);
    url = server.url + findPage(dist, "preview.html");
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: () => url,
    browser: () => browser!,
    openSample: async (page) => {
      await page.goto(url);
      await page.getByTestId("sample").click();
      await page.getByTestId("totals").waitFor();
    },
  };
}
