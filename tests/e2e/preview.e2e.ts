/**
 * The browser preview, end to end: the built app served on 127.0.0.1, driven in headless
 * Chromium with every non-local request blocked.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import ExcelJS from "../../src/hosts/xlsx/exceljs";
import { loadWorkbookGrid } from "../../src/hosts/xlsx/load";
import { a1, type CellScalar } from "../../src/sheets/grid";
import { planEsiti } from "../../src/sheets/plans";
import { previewSession } from "./preview-session";
import { analyseBytes, sampleBytes, secondSettore, XSS, xssWorkbook } from "./workbooks";

const session = previewSession();
const openSample = (page: Page): Promise<void> => session.openSample(page);

function sameScalar(a: CellScalar | undefined, b: CellScalar | undefined): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

describe("anteprima nel browser", () => {
  it("opens the sample: results grouped by scheda with the engine's counts", async () => {
    const expected = (await analyseBytes(sampleBytes(), "esempio-peg-2023.xlsx")).report;
    const page = await session.browser().newPage();
    await openSample(page);
    const count = (g: string) => expected.segnalazioni.filter((s) => s.gravita === g).length;
    const totals = page.getByTestId("totals");
    await expect.poll(() => totals.locator('[data-gravita="errore"]').textContent()).toBe(`${count("errore")} errori`);
    expect(await totals.locator('[data-gravita="avviso"]').textContent()).toBe(`${count("avviso")} avvisi`);
    expect(await totals.locator('[data-gravita="info"]').textContent()).toBe(`${count("info")} info`);
    for (const s of expected.schede) await expect.poll(() => page.locator(`[data-foglio="${s.foglio}"]`).count()).toBe(1);
    // The four schede obiettivo share 1.06.01 (spec §5, seed expectations).
    expect(await page.locator('button[data-codice="OBIETTIVO_NUMERO_DUPLICATO"]').count()).toBeGreaterThanOrEqual(1);
    expect(session.browser().blocked).toEqual([]);
    await page.close();
  });

  it("clicking a segnalazione shows its cell in the grid, outlined and in view", async () => {
    const page = await session.browser().newPage();
    await openSample(page);
    const report = (await analyseBytes(sampleBytes(), "x.xlsx")).report;
    // The lowest cell of a scheda: the grid has to scroll to reach it.
    const target = report.segnalazioni
      .filter((s) => s.foglio !== report.schede[0]!.foglio && /^[A-Z]+\d+$/.test(s.cella))
      .sort((a, b) => Number(b.cella.replace(/\D/g, "")) - Number(a.cella.replace(/\D/g, "")))[0]!;
    const button = page.locator(`button[data-cella="${target.foglio}!${target.cella}"]`).first();
    if (!(await button.isVisible())) await page.locator(`[data-foglio="${target.foglio}"] button`).first().click();
    await button.click();
    const cell = page.locator(`[data-testid="sheet-grid"] [data-cella="${target.cella}"][data-focus="true"]`);
    await cell.waitFor();
    await expect.poll(() => page.getByRole("tab", { selected: true, name: target.foglio }).count()).toBe(1);
    const inView = await cell.evaluate((el) => {
      const grid = el.closest('[data-testid="sheet-grid"]')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= grid.top && r.bottom <= grid.bottom && r.left >= grid.left && r.right <= grid.right;
    });
    expect(inView).toBe(true);
    expect(await page.getByTestId("selection").textContent()).toContain(target.cella);
    await page.close();
  });

  it("computes esiti, downloads the copy, and the copy holds the esiti and nothing else changed", async () => {
    const original = sampleBytes();
    const analysis = await analyseBytes(original, "esempio-peg-2023.xlsx");
    const plan = planEsiti(analysis);
    expect(plan.writes.length).toBeGreaterThan(0);

    const page = await session.browser().newPage();
    await openSample(page);
    await page.getByRole("button", { name: "Calcola esiti", exact: true }).click();
    // The sample has typed esiti that differ (dates in an Esito column): the pane asks first.
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.getByTestId("conflitti").locator("li").count()).toBe(plan.writes.filter((w) => w.conflict).length);
    await dialog.getByRole("button", { name: "Sovrascrivi", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Scritt" }).waitFor();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Scarica copia annotata", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("esempio-peg-2023 (annotato).xlsx");
    const copy = new Uint8Array(readFileSync((await file.path())!));

    const after = await analyseBytes(copy, "copia.xlsx");
    for (const s of after.report.schede)
      for (const ind of s.indicatori) if (ind.esito) expect(ind.esitoScritto, `${s.foglio}!${ind.cella}`).toBe(ind.esito);

    const written = new Set(plan.writes.map((w) => `${w.foglio}!${w.cella}`));
    const before = (await loadWorkbookGrid(original)).grid;
    const now = (await loadWorkbookGrid(copy)).grid;
    expect(now.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    for (const sb of before.sheets) {
      const sa = now.sheets.find((s) => s.name === sb.name)!;
      expect(sa.merges).toEqual(sb.merges);
      const keys = new Set<string>();
      for (const [r, c] of sb.cells()) keys.add(`${r},${c}`);
      for (const [r, c] of sa.cells()) keys.add(`${r},${c}`);
      for (const k of keys) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        const addr = `${sb.name}!${a1(r, c)}`;
        if (written.has(addr)) continue;
        const x = sb.get(r, c);
        const y = sa.get(r, c);
        expect(sameScalar(x?.v, y?.v), `${addr} valore`).toBe(true);
        expect(y?.fill ?? null, `${addr} riempimento`).toBe(x?.fill ?? null);
        expect(y?.formula, `${addr} formula`).toBe(x?.formula);
        expect(y?.fmt, `${addr} formato`).toBe(x?.fmt);
      }
    }
    await page.close();
  });

  it("marks the cronoprogramma on the cells selected in the grid, and undoes it", async () => {
    const analysis = await analyseBytes(sampleBytes(), "x.xlsx");
    const scheda = analysis.schede.find((s) => s.rec.crono && s.scheda.tipo === "obiettivo")!;
    const crono = scheda.rec.crono!;
    const row = crono.rows.find((r) => r.previstoRow !== null)!.previstoRow!;
    const sheet = analysis.grid.sheets.find((s) => s.name === scheda.foglio)!;
    const col = crono.monthCols.find((c) => !sheet.get(row, c)?.v && !sheet.get(row, c)?.fill)!;
    const addr = a1(row, col);

    const page = await session.browser().newPage();
    await openSample(page);
    await page.getByRole("tab", { name: scheda.foglio, exact: true }).click();
    await page.getByTestId("sheet-grid").evaluate((el, y) => (el.scrollTop = y), Math.max(0, (row - 5) * 24));
    const cell = page.locator(`[data-testid="sheet-grid"] [data-cella="${addr}"]`);
    await cell.click();
    expect(await page.getByTestId("selection").textContent()).toContain(addr);
    await page.getByRole("button", { name: "Segna previsto", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Scritta 1 cella" }).waitFor();
    await expect.poll(() => cell.textContent()).toBe("X");
    await page.getByRole("button", { name: "Annulla", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Annullata" }).waitFor();
    await expect.poll(() => cell.textContent()).toBe("");
    // A cell outside the cronoprogramma is refused with a message.
    await page.getByTestId("sheet-grid").evaluate((el) => (el.scrollTop = 0));
    await page.locator('[data-testid="sheet-grid"] [data-cella="A1"]').click();
    await page.getByRole("button", { name: "Segna previsto", exact: true }).click();
    await expect.poll(async () => (await page.getByTestId("message").getAttribute("class")) ?? "").toBeTruthy();
    expect(await page.getByTestId("message").textContent()).toMatch(/cronoprogramma|mesi|selez/i);
    await page.close();
  });

  it("asks before the tab closes while the annotated copy is not downloaded", async () => {
    const page = await session.browser().newPage();
    await openSample(page);
    await page.getByRole("button", { name: "Calcola esiti", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sovrascrivi", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "Scritt" }).waitFor();
    const asked: string[] = [];
    page.on("dialog", (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(["beforeunload"]);
    expect(page.isClosed()).toBe(false);
    // Once the copy is downloaded, the tab closes without asking.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Scarica copia annotata", exact: true }).click();
    await download;
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toEqual(["beforeunload"]);
  });

  it("Nuova scheda adds a sheet in the familiar layout and shows it", async () => {
    const page = await session.browser().newPage();
    await openSample(page);
    await page.getByRole("button", { name: "Altre azioni", exact: true }).click();
    await page.getByRole("menuitem", { name: "Nuova scheda" }).click();
    // The same words as the ribbon's Nuova scheda: «Aggiunto il foglio «…».»
    const msg = page.getByTestId("message").filter({ hasText: "Aggiunto il foglio" });
    await msg.waitFor();
    const name = /«(.+)»/.exec((await msg.textContent())!)![1]!;
    await expect.poll(() => page.getByRole("tab", { selected: true, name }).count()).toBe(1);
    // The new sheet reads as a scheda: it is in the results, not "non riconosciuta".
    await page.locator(`[data-foglio="${name}"]`).waitFor();
    expect(await page.locator(`button[data-cella="${name}!A1"][data-codice="SCHEDA_NON_RICONOSCIUTA"]`).count()).toBe(0);
    await page.close();
  });

  it("renders cell text such as <img onerror> as text and runs nothing", async () => {
    const page = await session.browser().newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(session.url());
    await page.getByTestId("open-files").setInputFiles({
      name: "settore-xss.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await xssWorkbook(),
    });
    await page.getByTestId("totals").waitFor();
    // In the pane (scheda title, unrecognised sheet) and in the sheet tabs and grid.
    await page.getByText(XSS, { exact: false }).first().waitFor();
    await page.getByRole("tab", { name: XSS }).click();
    await page.locator('[data-testid="sheet-grid"] [data-cella="B2"]', { hasText: XSS }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => /\/x$/.test(u))).toEqual([]);
    await page.close();
  });

  it("a file that is not a workbook gets a clear message, and the page still works", async () => {
    const page = await session.browser().newPage();
    await page.goto(session.url());
    await page
      .getByTestId("open-files")
      .setInputFiles({ name: "appunti.xlsx", mimeType: "text/plain", buffer: Buffer.from("non sono un foglio") });
    const msg = page.getByTestId("open-error");
    await msg.waitFor();
    expect(await msg.textContent()).toMatch(/^appunti\.xlsx: /);
    expect(await msg.textContent()).not.toMatch(/Error|undefined|stack/);
    await page.getByTestId("sample").click();
    await page.getByTestId("totals").waitFor();
    await page.close();
  });

  it("consolidates two files and downloads the riepilogo", async () => {
    const page = await session.browser().newPage();
    await page.goto(session.url());
    await page.getByRole("tab", { name: "Consolida" }).click();
    await page.getByRole("radio", { name: "File dal disco" }).check();
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    await page.getByTestId("consolidation-files").setInputFiles([
      { name: "settore-1.xlsx", mimeType: xlsx, buffer: Buffer.from(sampleBytes()) },
      { name: "settore-2.xlsx", mimeType: xlsx, buffer: await secondSettore() },
      { name: "rotto.xlsx", mimeType: xlsx, buffer: Buffer.from("zip? no") },
    ]);
    await page.getByRole("button", { name: "Consolida", exact: true }).click();
    const write = page.getByTestId("consolidation-write");
    await write.waitFor();
    const progress = page.getByTestId("consolidation-progress");
    expect(await progress.locator('[data-stato="letto"]').count()).toBe(2);
    expect(await progress.locator('[data-stato="errore"]').textContent()).toContain("rotto.xlsx");
    const download = page.waitForEvent("download");
    await write.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("riepilogo-peg.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toMatch(/Riepilogo/);
    let text = "";
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => (text += ` ${String(c.value)}`)));
    expect(text).toContain("settore-1.xlsx");
    expect(text).toContain("settore-2.xlsx");
    await page.close();
  });
});
