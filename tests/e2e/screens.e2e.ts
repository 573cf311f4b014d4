/**
 * The main screens, light and dark, at desktop width and at task-pane widths (360 and 450 px):
 * screenshots under artifacts/screenshots/ (git-ignored) for a person to look at, and axe-core
 * on each, with no serious or critical violation allowed.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, SHOTS } from "./axe";
import { previewSession } from "./preview-session";

/** How far the pane's content runs past its width (0 when nothing overflows sideways). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]')!;
    const main = pane.querySelector("main")!;
    return Math.max(
      pane.scrollWidth - pane.clientWidth,
      main.scrollWidth - main.clientWidth,
      document.documentElement.scrollWidth - window.innerWidth,
    );
  });
}

const session = previewSession();
beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));

async function sample(page: Page) {
  await session.openSample(page);
  await page.waitForTimeout(300); // let the accordion finish opening
}

describe("schermate e accessibilità", () => {
  for (const dark of [false, true]) {
    const tag = dark ? "dark" : "light";

    it(`preview at desktop width, ${tag}`, async () => {
      const page = await session.browser().newPage({ width: 1280, height: 800, dark });
      await page.goto(session.url());
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `preview-empty-${tag}.png`) });
      await sample(page);
      await page.locator("button[data-codice]").first().click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(SHOTS, `preview-results-${tag}.png`) });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    for (const width of [360, 450]) {
      it(`pane at ${width} px, ${tag}: results, settings, consolidation, confirmation`, async () => {
        const page = await session.browser().newPage({ width, height: 900, dark });
        await sample(page);
        const pane = page.getByTestId("pane");
        // Nothing may overflow the pane sideways.
        const overflow = await sideways(page);
        expect(overflow).toBeLessThanOrEqual(0);
        await pane.screenshot({ path: join(SHOTS, `pane-results-${width}-${tag}.png`) });
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole("tab", { name: "Impostazioni" }).click();
        await page.getByTestId("settings").waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await pane.screenshot({ path: join(SHOTS, `pane-settings-${width}-${tag}.png`) });
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole("tab", { name: "Consolida" }).click();
        await page.getByRole("button", { name: "Consolida", exact: true }).click();
        await page.getByTestId("consolidation-write").waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await pane.screenshot({ path: join(SHOTS, `pane-consolidation-${width}-${tag}.png`) });
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole("tab", { name: "Risultati" }).click();
        await page.getByRole("button", { name: "Calcola esiti", exact: true }).click();
        await page.getByRole("alertdialog").waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SHOTS, `pane-confirm-${width}-${tag}.png`) });
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole("button", { name: "Annulla", exact: true }).last().click();
        await page.close();
      });
    }
  }

  it("works from the keyboard: sample, a segnalazione, the dialog, the settings", async () => {
    const page = await session.browser().newPage({ width: 1280, height: 800 });
    await sample(page);
    // Tab to the first segnalazione and press Enter: the grid goes to its cell.
    const first = page.locator("button[data-codice]").first();
    const target = (await first.getAttribute("data-cella"))!.split("!")[1]!;
    // The arrow keys move along the list; Tab leaves it.
    await first.focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-cella"))).toBe(
      await page.locator("button[data-codice]").nth(1).getAttribute("data-cella"),
    );
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid="sheet-grid"] [data-cella="${target}"][data-focus="true"]`).waitFor();
    // The confirmation dialog takes the focus and Escape closes it.
    await page.getByRole("button", { name: "Calcola esiti", exact: true }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="alertdialog"]'))).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    // Settings: type an invalid threshold, submit with Enter, read the message.
    await page.getByRole("tab", { name: "Impostazioni" }).focus();
    await page.keyboard.press("Enter");
    const ok = page.getByLabel("Soglia esito OK (%)");
    await ok.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("150");
    await page.keyboard.press("Enter");
    await page.getByText("Inserire un valore tra 0 e 100.").waitFor();
    await page.close();
  });
});
