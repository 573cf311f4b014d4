// @vitest-environment jsdom
/**
 * The one confirm flow (runOperation) through both front ends on one session: the pane's button
 * and the ribbon's command each plan, ask only when user values would be overwritten, and write
 * what the user chose; a ribbon question is answered in the pane's dialog.
 */
import { readFileSync } from "node:fs";
import { act } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PaneHost, PaneRequest, Preparazione, Scelta } from "../../src/app/pane-host";
import { operationMessage, runOperation } from "../../src/app/run-operation";
import { Session } from "../../src/app/session";
import { sessionPaneHost } from "../../src/app/session-host";
import { COMMANDS, createCommands } from "../../src/commands/commands";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { SharedState } from "../../src/hosts/office/shared-state";
import { loadWorkbookGrid } from "../../src/hosts/xlsx/load";
import { App } from "../../src/ui/App";
import { byText, click, mount, until, type Mounted } from "../ui/dom";
import { fakeBackend, type FakeToken } from "./fake-backend";

let bytes: Uint8Array;
beforeAll(() => {
  bytes = new Uint8Array(readFileSync("assets/esempio-peg-2023.xlsx"));
});

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

/** The sample has 3 esiti on «Ob 4» that differ from what Calcola esiti computes. */
async function setup() {
  const { grid } = await loadWorkbookGrid(bytes, { fileName: "esempio-peg-2023.xlsx" });
  const backend = fakeBackend(grid);
  const state = new SharedState();
  const session = Object.assign(
    new Session<FakeToken>({ backend, engine: () => import("../../src/app/engine"), today: () => new Date("2024-01-15T12:00:00Z") }),
    { state },
  );
  const host: PaneHost = { ...sessionPaneHost(session), onRequest: (cb) => state.onRequest(cb) };
  const requests: PaneRequest[] = [];
  let completed = 0;
  const commands = createCommands({ session, showPane: async () => undefined, paneListening: () => state.listening() });
  const ribbon = (name: keyof typeof commands) => commands[name]({ completed: () => void completed++ });
  return { backend, session, state, host, requests, ribbon, completed: () => completed };
}

const conflictCells = (p: Preparazione) => p.conflitti.map((c) => `${c.foglio}!${c.cella}`);

describe("runOperation", () => {
  it("asks only when user values would be overwritten, and writes what the answer allows", async () => {
    for (const [scelta, overwritten] of [
      ["soloLibere", false],
      ["sovrascrivi", true],
    ] as const) {
      const t = await setup();
      const asked: Preparazione[] = [];
      const esito = await runOperation(t.session, { tipo: "esiti" }, DEFAULT_SETTINGS, async (p) => {
        asked.push(p);
        return scelta as Scelta;
      });
      expect(asked).toHaveLength(1);
      expect(esito.tipo).toBe("scritta");
      const c = asked[0]!.conflitti[0]!;
      expect(t.backend.value(c.foglio, c.cella)).toBe(overwritten ? c.nuovo : c.attuale);
      if (esito.tipo === "scritta") expect(esito.saltate).toBe(overwritten ? 0 : 3);
    }
  });

  it("writes nothing when the answer is «Annulla», and never asks when nothing conflicts", async () => {
    const t = await setup();
    const esito = await runOperation(t.session, { tipo: "esiti" }, DEFAULT_SETTINGS, async () => "annulla");
    expect(esito.tipo).toBe("rinunciata");
    expect(operationMessage(esito)).toBeNull();
    expect(t.backend.log.some((l) => l.startsWith("apply"))).toBe(false);
    t.backend.selection = { foglio: "Ob 1", range: "H33" };
    const segno = await runOperation(t.session, { tipo: "segno", segno: "previsto" }, DEFAULT_SETTINGS, async () => {
      throw new Error("asked");
    });
    expect(segno.tipo).toBe("scritta");
    expect(operationMessage(segno)).toEqual({ intent: "success", text: "Scritta 1 cella." });
  });

  it("through the pane: the dialog lists the conflicts and «Scrivi solo le altre celle» keeps them", async () => {
    const t = await setup();
    const planned = await t.session.prepare({ tipo: "esiti" }, DEFAULT_SETTINGS);
    expect(planned.conflitti).toHaveLength(3);
    m = await mount(<App host={t.host} />);
    const c = m.container;
    await until(() => c.querySelector('[data-testid="totals"]'), "risultati");
    await click(byText(c, "button", "Calcola esiti"));
    const dialog = await until(() => document.querySelector('[role="alertdialog"]'), "dialogo");
    expect(dialog.querySelectorAll('[data-testid="conflitti"] li')).toHaveLength(3);
    await click(byText(dialog, "button", "Scrivi solo le altre celle"));
    const msg = await until(() => byText(c, '[data-testid="message"]', /Scritt/), "messaggio");
    expect(msg.textContent).toMatch(/3 celle già compilate sono state lasciate com'erano\.$/);
    for (const k of planned.conflitti) expect(t.backend.value(k.foglio, k.cella)).toEqual(k.attuale);
    expect(t.session.canUndo()).toBe(true);
  });

  it("through the ribbon: the question goes to the pane's dialog, the answer there makes the command write", async () => {
    const t = await setup();
    m = await mount(<App host={t.host} />);
    const c = m.container;
    await until(() => c.querySelector('[data-testid="totals"]'), "risultati");
    let running!: Promise<void>;
    await act(async () => {
      running = t.ribbon(COMMANDS.calcolaEsiti);
    });
    const dialog = await until(() => document.querySelector('[role="alertdialog"]'), "dialogo");
    // Office got its event completed while the user decides.
    expect(t.completed()).toBe(1);
    expect(t.backend.log.some((l) => l.startsWith("apply"))).toBe(false);
    await click(byText(dialog, "button", "Sovrascrivi"));
    await act(async () => running);
    const p = await t.session.prepare({ tipo: "esiti" }, DEFAULT_SETTINGS);
    expect(conflictCells(p)).toEqual([]); // every esito now matches what the engine computes
    const msg = await until(() => byText(c, '[data-testid="message"]', /Scritt/), "messaggio");
    expect(msg.textContent).toMatch(/^Scritte \d+ celle\.$/);
    expect(t.completed()).toBe(1);
  });
});
