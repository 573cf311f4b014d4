// @vitest-environment jsdom
/**
 * "Insegna il layout" against the strict Excel fake, through the real Office pane host and
 * session (issue 8): for three real families with renamed labels, the sheets are not read; the
 * user selects each label's cell in Excel and gives it a role in the pane; the sheets are then
 * read, the profile is in the document's settings, and `peg verifica --profilo` with that profile
 * gives the same report.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { SettingsSchema } from "../../src/domain/settings";
import type { Report } from "../../src/domain/model";
import { createOfficePaneHost } from "../../src/hosts/office/pane-host";
import { loadWorkbookGrid } from "../../src/hosts/xlsx";
import { a1, type WorkbookGrid } from "../../src/sheets/grid";
import { profiloJson, type Profilo } from "../../src/sheets/vocabulary/profilo";
import { App } from "../../src/ui/App";
import { peg } from "../cli/helpers";
import { fakeOfficeSession } from "../fakes/office-session";
import { unknownLabelFamilies, type UnknownLabelsFamily } from "../fixtures/real/unknown-labels";
import { buildWorkbook } from "../fixtures/workbooks";
import { click, mount, settle, type Mounted } from "./dom";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

const TODAY = new Date("2026-11-24T10:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "peg-pannello-"));

function cellaDi(grid: WorkbookGrid, foglio: string, testo: string): string {
  const s = grid.sheets.find((x) => x.name === foglio)!;
  for (const r of s.rowIndexes()) for (const [c, cell] of s.rowCells(r)) if (cell.v === testo) return a1(r, c);
  throw new Error(`${testo} not on ${foglio}`);
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, value);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/** Wait for the pane (the engine chunk loads lazily and the first check reads the whole workbook). */
async function until<T>(fn: () => T | null | undefined | false, what: string): Promise<T> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const v = fn();
    if (v) return v;
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  }
  throw new Error(`Timeout: ${what}`);
}

const q = (c: HTMLElement, id: string) => c.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe.each(unknownLabelFamilies.map((u) => [u.id, u] as [string, UnknownLabelsFamily]))("%s in Excel", (_id, u) => {
  it("unread, then read after teaching its labels in the pane; the saved profile gives the CLI the same report", async () => {
    const file = `${u.base.id}.xlsx`;
    const bytes = await buildWorkbook(u.sheets);
    const { grid } = await loadWorkbookGrid(bytes, { fileName: file });
    const t = fakeOfficeSession(grid, { name: file, today: TODAY });
    const settings = SettingsSchema.parse({ dataRiferimento: u.base.al });
    t.store.set("peg.impostazioni", settings);
    const host = createOfficePaneHost({ session: t.session });
    m = await mount(<App host={host} />);
    const c = m.container;

    // Risultati: nothing read; the pane offers the teaching panel.
    await click(await until(() => q(c, "vai-insegna"), "Insegna il layout"));
    const first = u.lezioni[0]!.foglio;
    const near = await until(() => c.querySelector<HTMLElement>(`[data-testid="profilo-foglio"][data-foglio="${first}"]`), "quasi scheda");
    expect(near.dataset.stato).toBe("quasi");
    expect(near.textContent).toMatch(/Manca:/);
    expect((await t.session.verifica(settings)).report.schede).toEqual([]);

    for (const l of u.lezioni) {
      t.fx.state.selection = `'${l.foglio}'!${cellaDi(grid, l.foglio, l.testo)}`;
      await choose(q(c, "profilo-ruolo") as HTMLSelectElement, l.ruolo);
      const before = q(c, "profilo-message")?.textContent ?? "";
      await click(q(c, "profilo-insegna"));
      const msg = await until(() => {
        const el = q(c, "profilo-message");
        return el && el.textContent !== before && el.textContent;
      }, `insegna ${l.testo}`);
      expect(msg).toMatch(/ora si legge come/);
    }
    await settle();
    expect(c.querySelector(`[data-testid="profilo-foglio"][data-foglio="${first}"][data-stato="quasi"]`)).toBeNull();

    // The profile is in the document's settings, saved with it.
    const saved = t.store.saved.get("peg.profilo") as Profilo;
    expect(saved.voci.length + (saved.mesi ? 1 : 0)).toBe(u.lezioni.length);
    const report = (await t.session.verifica(settings)).report;
    expect(report.schede.map((s) => s.foglio).sort()).toEqual(u.base.schede.map((s) => s.foglio).sort());

    // The same profile, exported, read by the command line: the same report.
    const xlsx = join(dir, file);
    writeFileSync(xlsx, bytes);
    const prof = join(dir, `${u.id}.json`);
    writeFileSync(prof, profiloJson(saved));
    const r = await peg(["verifica", xlsx, "--json", "--al", u.base.al, "--profilo", prof], TODAY);
    expect(JSON.parse(r.stdout) as Report).toEqual(report);
  });
});

describe("refusals", () => {
  it("an empty cell or a number selected gets a clear message and changes nothing", async () => {
    const u = unknownLabelFamilies[0]!;
    const { grid } = await loadWorkbookGrid(await buildWorkbook(u.sheets), { fileName: "a.xlsx" });
    const t = fakeOfficeSession(grid, { name: "a.xlsx", today: TODAY });
    m = await mount(<App host={createOfficePaneHost({ session: t.session })} initialView="layout" />);
    const c = m.container;
    await until(() => q(c, "profilo-foglio"), "pannello");
    t.fx.state.selection = "'Ob 1'!Z99";
    await click(q(c, "profilo-insegna"));
    expect((await until(() => q(c, "profilo-message"), "messaggio")).textContent).toMatch(/La cella Z99 è vuota/);
    expect(t.store.get("peg.profilo")).toBeNull();
  });
});
