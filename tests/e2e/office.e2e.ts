/**
 * The task pane in Office mode: taskpane.html from the build, with office.js routed to a stub
 * built on the strict Excel fake holding the sample. Runs ribbon functions and the pane's own
 * actions, then reads the fake workbook's cells.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { a1 } from "../../src/sheets/grid";
import { planEsiti } from "../../src/sheets/plans";
import { launch, type Browser } from "./browser";
import { findPage } from "./build";
import { distDir } from "./dist";
import { buildOfficeStub } from "./office-stub/build";
import { axeViolations, SHOTS } from "./axe";
import { serveStatic, type StaticServer } from "./serve";
import { analyseBytes, sampleBytes } from "./workbooks";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let server: StaticServer;
let browser: Browser;
let paneUrl: string;
let stub: string;

interface PegStub {
  ready(): Promise<boolean>;
  commands(): string[];
  run(name: string): Promise<void>;
  cell(foglio: string, cella: string): Promise<{ value: unknown; fill: string | null } | null>;
  setSelection(address: string): Promise<void>;
  type(foglio: string, cella: string, value: string): Promise<void>;
  syncs(): Promise<number>;
  selection(): Promise<string>;
  savedSettings(): Record<string, unknown>;
}
declare const __peg: PegStub;

beforeAll(async () => {
  stub = await buildOfficeStub();
  const dist = distDir();
  server = await serveStatic(dist, {
    "/__e2e__/workbook.xlsx": { type: "application/octet-stream", body: Buffer.from(sampleBytes()) },
  });
  paneUrl = server.url + findPage(dist, "taskpane.html");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(opts: { width?: number; dark?: boolean } = {}): Promise<{ page: Page; officeJs: string[] }> {
  const page = await browser.newPage({ width: opts.width ?? 400, height: 900, dark: opts.dark });
  const officeJs: string[] = [];
  // The CDN's office.js becomes the stub; everything else off the machine stays blocked.
  await page.route(OFFICE_JS, (route) => {
    officeJs.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
  });
  await page.addInitScript((o) => ((window as unknown as { __PEG_STUB__: unknown }).__PEG_STUB__ = o), { dark: !!opts.dark });
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(paneUrl);
  await page.getByTestId("totals").waitFor();
  return { page, officeJs };
}

describe("riquadro in Excel (office.js simulato sul fake)", () => {
  it("the pane checks the workbook through the Office host; Verifica reads it again in two syncs", async () => {
    const expected = (await analyseBytes(sampleBytes(), "esempio-peg-2023.xlsx")).report;
    const { page, officeJs } = await openPane();
    expect(officeJs).toEqual([OFFICE_JS]);
    expect(await page.getByTestId("workbook-name").textContent()).toContain("esempio-peg-2023.xlsx");
    const errori = expected.segnalazioni.filter((s) => s.gravita === "errore").length;
    await expect.poll(() => page.locator('[data-testid="totals"] [data-gravita="errore"]').textContent()).toBe(`${errori} errori`);
    const before = await page.evaluate(() => __peg.syncs());
    await page.getByRole("button", { name: "Verifica", exact: true }).click();
    await expect.poll(() => page.evaluate(() => __peg.syncs())).toBeGreaterThan(before);
    await page.getByText(/Verificata alle/).waitFor();
    expect((await page.evaluate(() => __peg.syncs())) - before).toBeLessThanOrEqual(2);
    expect(browser.blocked).toEqual([]);
    await page.close();
  });

  it("ribbon Calcola esiti asks in the pane, then writes the esiti into the workbook", async () => {
    const analysis = await analyseBytes(sampleBytes(), "esempio-peg-2023.xlsx");
    const plan = planEsiti(analysis);
    const { page } = await openPane();
    expect(await page.evaluate(() => __peg.commands())).toContain("pegCalcolaEsiti");
    await page.evaluate(() => __peg.run("pegCalcolaEsiti"));
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.getByTestId("conflitti").locator("li").count()).toBe(plan.writes.filter((w) => w.conflict).length);
    await dialog.getByRole("button", { name: "Sovrascrivi", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Scritt" }).waitFor();
    for (const w of plan.writes.filter((x) => x.kind === "esito")) {
      const cell = await page.evaluate(([f, c]) => __peg.cell(f!, c!), [w.foglio, w.cella]);
      expect(cell?.value, `${w.foglio}!${w.cella}`).toBe(w.value);
    }
    // Annulla in the pane restores what the ribbon's write changed.
    const w0 = plan.writes.find((x) => x.kind === "esito" && x.conflict)!;
    await page.getByRole("button", { name: "Annulla", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Annullat" }).waitFor();
    const restored = await page.evaluate(([f, c]) => __peg.cell(f!, c!), [w0.foglio, w0.cella]);
    expect(restored?.value).not.toBe(w0.value);
    await page.close();
  });

  it("undo after the user retyped a written cell keeps their value and says so in the pane", async () => {
    const plan = planEsiti(await analyseBytes(sampleBytes(), "esempio-peg-2023.xlsx"));
    const { page } = await openPane();
    await page.getByRole("button", { name: "Calcola esiti", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Scrivi solo le altre celle", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Scritt" }).waitFor();
    const [w, other] = plan.writes.filter((x) => x.kind === "esito" && !x.conflict);
    await page.evaluate(([f, c]) => __peg.type(f!, c!, "PARZIALMENTE RAGGIUNTO"), [w!.foglio, w!.cella]);
    await page.getByRole("button", { name: "Annulla", exact: true }).click();
    const msg = page.getByTestId("message").filter({ hasText: "Annullat" });
    await msg.waitFor();
    expect(await msg.textContent()).toContain(`${w!.foglio}!${w!.cella}: modificata dopo la scrittura: non ripristinata.`);
    expect((await page.evaluate(([f, c]) => __peg.cell(f!, c!), [w!.foglio, w!.cella]))?.value).toBe("PARZIALMENTE RAGGIUNTO");
    // The cells nobody touched are back as they were.
    expect((await page.evaluate(([f, c]) => __peg.cell(f!, c!), [other!.foglio, other!.cella]))?.value ?? "").toBe(
      other!.previous.value ?? "",
    );
    await page.close();
  });

  it("ribbon Segna previsto marks the selected cronoprogramma cell; a wrong selection gets a message", async () => {
    const analysis = await analyseBytes(sampleBytes(), "x.xlsx");
    const scheda = analysis.schede.find((s) => s.rec.crono)!;
    const crono = scheda.rec.crono!;
    const row = crono.rows.find((r) => r.previstoRow !== null)!.previstoRow!;
    const col = crono.monthCols[11]!;
    const addr = a1(row, col);
    const { page } = await openPane();
    await page.evaluate((s) => __peg.setSelection(s), `'${scheda.foglio}'!${addr}`);
    await page.evaluate(() => __peg.run("pegSegnaPrevisto"));
    await page.getByTestId("message").waitFor();
    const cell = await page.evaluate(([f, c]) => __peg.cell(f!, c!), [scheda.foglio, addr]);
    expect(cell).toEqual({ value: "X", fill: DEFAULT_SETTINGS.colori.previsto.toUpperCase() });

    await page.evaluate((s) => __peg.setSelection(s), `'${scheda.foglio}'!A1`);
    await page.evaluate(() => __peg.run("pegSegnaEffettivo"));
    await page
      .getByTestId("message")
      .filter({ hasText: /cronoprogramma|selezion/i })
      .waitFor();
    await page.close();
  });

  it("clicking a segnalazione selects its cell in Excel; settings are saved in the document", async () => {
    const { page } = await openPane();
    const button = page.locator('button[data-codice="ESITO_NON_VALIDO"]').first();
    const [foglio, cella] = (await button.getAttribute("data-cella"))!.split("!") as [string, string];
    await button.click();
    await expect.poll(() => page.evaluate(() => __peg.selection())).toMatch(new RegExp(`${foglio}'?!${cella}$`));

    await page.getByRole("tab", { name: "Impostazioni" }).click();
    await page.getByLabel("Soglia esito OK (%)").fill("90");
    await page.getByRole("button", { name: "Salva impostazioni", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Impostazioni salvate." }).waitFor();
    const saved = await page.evaluate(() => __peg.savedSettings());
    expect((saved["peg.impostazioni"] as { sogliaOk: number }).sogliaOk).toBe(90);
    await page.close();
  });

  for (const dark of [false, true])
    for (const width of dark ? [360, 450] : [320, 360, 450])
      it(`looks like an Office pane at ${width} px, ${dark ? "dark" : "light"} (screenshot, axe)`, async () => {
        const { page } = await openPane({ width, dark });
        expect(await page.getByTestId("pane").getAttribute("class")).toBeTruthy();
        expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe(dark ? "dark" : "light");
        await page.waitForTimeout(300);
        // Nothing runs past the pane's width, even at Excel's narrowest pane.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        const main = page.locator('[data-testid="pane"] main');
        expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `office-pane-${width}-${dark ? "dark" : "light"}.png`) });
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
});
