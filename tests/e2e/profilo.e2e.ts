/**
 * "Insegna il layout" in the browser preview, end to end (issue 8): for three real families with
 * renamed labels, the sheets are not read; the user clicks each label's cell in the grid, picks
 * its role in the pane and confirms; the schede are then read. The profile exported from the pane
 * and given to `peg verifica --profilo` yields the same report as the pane shows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/domain/model";
import { loadWorkbookGrid } from "../../src/hosts/xlsx/load";
import { a1, type WorkbookGrid } from "../../src/sheets/grid";
import { leggiProfilo } from "../../src/sheets/vocabulary/profilo";
import { peg } from "../cli/helpers";
import { unknownLabelFamilies, type UnknownLabelsFamily } from "../fixtures/real/unknown-labels";
import { buildWorkbook } from "../fixtures/workbooks";
import { previewSession } from "./preview-session";

const session = previewSession();
const ROW_H = 24;
const dir = mkdtempSync(join(tmpdir(), "peg-e2e-profilo-"));

function cellaDi(grid: WorkbookGrid, foglio: string, testo: string): { cella: string; r: number } {
  const s = grid.sheets.find((x) => x.name === foglio)!;
  for (const r of s.rowIndexes()) for (const [c, cell] of s.rowCells(r)) if (cell.v === testo) return { cella: a1(r, c), r };
  throw new Error(`${testo} not on ${foglio}`);
}

/** Click a cell of the virtualised grid, scrolling it into the rendered rows first. */
async function clickCell(page: Page, cella: string, r: number): Promise<void> {
  await page.getByTestId("sheet-grid").evaluate((el, y) => {
    el.scrollTop = Math.max(0, y - 100);
    el.dispatchEvent(new Event("scroll"));
  }, r * ROW_H);
  const cell = page.locator(`[data-testid="sheet-grid"] [data-cella="${cella}"]`);
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  await expect.poll(() => page.getByTestId("selection").textContent()).toContain(cella);
}

const totals = async (page: Page) =>
  Promise.all(["errore", "avviso", "info"].map((g) => page.getByTestId("totals").locator(`[data-gravita="${g}"]`).textContent()));

describe.each(unknownLabelFamilies.map((u) => [u.id, u] as [string, UnknownLabelsFamily]))("anteprima: %s", (_id, u) => {
  it("unread, then read after clicking its labels in the grid and giving them a role; the exported profile gives the CLI the same report", async () => {
    const file = `${u.base.id}.xlsx`;
    const bytes = await buildWorkbook(u.sheets);
    const { grid } = await loadWorkbookGrid(bytes, { fileName: file });
    const page = await session.browser().newPage({ width: 1400, height: 900 });
    await page.goto(session.url());
    await page.getByTestId("open-files").setInputFiles({
      name: file,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    await page.getByTestId("vai-insegna").click();
    const first = u.lezioni[0]!.foglio;
    const near = page.locator(`[data-testid="profilo-foglio"][data-foglio="${first}"]`);
    await near.waitFor();
    expect(await near.getAttribute("data-stato")).toBe("quasi");
    expect(await near.textContent()).toContain("Manca:");

    for (const l of u.lezioni) {
      await page.getByRole("tab", { name: l.foglio, exact: true }).click();
      const { cella, r } = cellaDi(grid, l.foglio, l.testo);
      await clickCell(page, cella, r);
      await page.getByTestId("profilo-ruolo").selectOption(l.ruolo);
      await page.getByTestId("profilo-insegna").click();
      const said = l.ruolo === "mesi" ? `«${l.testo}» …` : `«${l.testo}» (${cella}) ora si legge come`;
      await page.getByTestId("profilo-message").filter({ hasText: said }).waitFor();
    }
    await expect.poll(() => page.locator(`[data-testid="profilo-foglio"][data-foglio="${first}"][data-stato="quasi"]`).count()).toBe(0);

    // Export the profile as the user would, and give it to the command line.
    const download = page.waitForEvent("download");
    await page.getByTestId("profilo-esporta").click();
    const saved = await download;
    const text = readFileSync((await saved.path())!, "utf8");
    const parsed = leggiProfilo(text, "profilo-layout.json");
    expect(parsed.ok).toBe(true);
    const prof = join(dir, `${u.id}.json`);
    const xlsx = join(dir, file);
    writeFileSync(prof, text);
    writeFileSync(xlsx, bytes);
    const cli = JSON.parse((await peg(["verifica", xlsx, "--json", "--profilo", prof], new Date())).stdout) as Report;
    expect(cli.schede.map((s) => s.foglio).sort()).toEqual(u.base.schede.map((s) => s.foglio).sort());

    // The pane shows that very report: the same schede and the same counts per gravità.
    await page.getByRole("tab", { name: "Risultati" }).click();
    for (const s of cli.schede) await expect.poll(() => page.locator(`[data-foglio="${s.foglio}"]`).count()).toBeGreaterThan(0);
    const count = (g: string) => cli.segnalazioni.filter((s) => s.gravita === g).length;
    expect(await totals(page)).toEqual([`${count("errore")} errori`, `${count("avviso")} avvisi`, `${count("info")} info`]);
    expect(session.browser().blocked).toEqual([]);
    await page.close();
  });
});
