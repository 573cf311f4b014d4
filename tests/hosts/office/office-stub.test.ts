/** The real wiring (registerCommands, officeSession, createOfficePaneHost) on the Office stub. */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";
import { fakeWorkbookFromGrid } from "../../fakes/excel-fake";
import { installOfficeStub } from "../../fakes/office-stub";

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
  vi.resetModules();
});

describe("Office stub + real Office wiring", () => {
  it("registers the ribbon functions and runs Calcola esiti through Office.actions and Excel.run", async () => {
    const { grid } = await loadWorkbookGrid(readFileSync("assets/esempio-peg-2023.xlsx"), { fileName: "esempio-peg-2023.xlsx" });
    const stub = installOfficeStub(globalThis, fakeWorkbookFromGrid({ sheets: grid.sheets.filter((s) => s.name !== "Ob 4") }));
    const { registerCommands } = await import("../../../src/commands/commands");
    const { officeSession } = await import("../../../src/hosts/office/session");
    const { createOfficePaneHost } = await import("../../../src/hosts/office/pane-host");
    const session = officeSession();
    expect(registerCommands(stub.Office, session)).toHaveLength(8);
    expect(session.workbookName()).toBe("esempio-peg-2023.xlsx");

    const host = createOfficePaneHost({ session });
    const requests: unknown[] = [];
    host.onRequest!((r) => requests.push(r));
    await stub.invoke("pegCalcolaEsiti");
    expect(stub.shown).toBe(1);
    expect(stub.state.at("Ente", "D37").value).toBe("OK");
    expect(requests.at(-1)).toMatchObject({ view: "risultati", messaggio: { intent: "success" } });
    // Settings go to the document settings and survive a reopen once saved.
    const s = await host.loadSettings();
    await host.saveSettings({ ...s, sogliaOk: 95 });
    stub.settings.reopen();
    expect((await host.loadSettings()).sogliaOk).toBe(95);
    // Live checking: an edit in Excel reaches the pane.
    const changes: string[] = [];
    const off = host.onWorkbookChanged!((c) => changes.push(c));
    await new Promise((r) => setTimeout(r, 0));
    stub.state.userEdit("Ob 1", "B5", "nuovo testo");
    expect(changes).toEqual(["edit"]);
    expect(stub.state.changeHandlers.size).toBe(1);
    off();
    await new Promise((r) => setTimeout(r, 0));
    stub.state.userEdit("Ob 1", "B5", "ancora");
    expect(changes).toEqual(["edit"]);
    // Removed in Excel too, inside a request context (Excel.run(handler.context, …)).
    expect(stub.state.changeHandlers.size).toBe(0);
  });

  it("follows the Office theme when the user switches it (OfficeThemeChanged)", async () => {
    const stub = installOfficeStub(globalThis, fakeWorkbookFromGrid({ sheets: [] }));
    const { createOfficePaneHost } = await import("../../../src/hosts/office/pane-host");
    const host = createOfficePaneHost();
    expect(host.theme!()).toBe("light");
    let calls = 0;
    const off = host.onThemeChanged!(() => calls++);
    stub.setTheme("#1F1F1F");
    expect(calls).toBe(1);
    expect(host.theme!()).toBe("dark");
    off();
    await new Promise((r) => setTimeout(r, 0));
    stub.setTheme("#FFFFFF");
    expect(calls).toBe(1);
    expect(stub.handlers.get("officeThemeChanged")?.size ?? 0).toBe(0);
  });
});
