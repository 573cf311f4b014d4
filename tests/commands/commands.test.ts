import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS, createCommands, registerCommands, type CommandEvent } from "../../src/commands/commands";
import { loadWorkbookGrid } from "../../src/hosts/xlsx/load";
import type { WorkbookGrid } from "../../src/sheets/grid";
import type { PaneRequest } from "../../src/app/pane-host";
import { fakeOfficeSession } from "../fakes/office-session";
import { STORE_KEYS } from "../../src/hosts/office/document-store";

let sample: WorkbookGrid;
beforeAll(async () => {
  sample = (await loadWorkbookGrid(readFileSync("assets/esempio-peg-2023.xlsx"), { fileName: "esempio-peg-2023.xlsx" })).grid;
});

function setup(opts: Parameters<typeof fakeOfficeSession>[1] = {}, grid = sample) {
  const f = fakeOfficeSession(grid, opts);
  const requests: PaneRequest[] = [];
  let panes = 0;
  let listening = false;
  const commands = createCommands({
    session: f.session,
    showPane: async () => void panes++,
    paneListening: () => listening,
  });
  f.state.onRequest((r) => requests.push(r));
  let completed = 0;
  const event: CommandEvent = { completed: () => void completed++ };
  return {
    ...f,
    commands,
    requests,
    event,
    completed: () => completed,
    panes: () => panes,
    setListening: (v: boolean) => (listening = v),
    async run(name: keyof typeof commands) {
      await commands[name](event);
    },
  };
}

const cell = (t: ReturnType<typeof setup>, foglio: string, a: string) => t.fx.state.at(foglio, a);

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error("timed out");
}

describe("ribbon commands against the strict fake", () => {
  it("Verifica opens the pane on the results (asking it to check when it is already open)", async () => {
    const t = setup();
    // Not mounted yet: opening the pane checks by itself, so no second check is asked for.
    await t.run(COMMANDS.verifica);
    expect(t.requests.at(-1)).toEqual({ view: "risultati", verifica: false });
    t.setListening(true);
    await t.run(COMMANDS.verifica);
    expect(t.requests.at(-1)).toEqual({ view: "risultati", verifica: true });
    expect(t.panes()).toBe(2);
    expect(t.completed()).toBe(2);
    // The check itself (what the pane runs) takes the 2 read syncs.
    const before = t.fx.state.syncCount;
    const { report } = await t.session.verifica(await t.session.loadSettings());
    expect(t.fx.state.syncCount - before).toBe(2);
    expect(report.schede).toHaveLength(5);
    expect(report.segnalazioni.some((s) => s.codice === "ESITO_NON_VALIDO" && s.foglio === "Ob 4")).toBe(true);
  });

  it("Calcola esiti writes in 3 syncs (read + write) when nothing would be overwritten", async () => {
    const grid: WorkbookGrid = { sheets: sample.sheets.filter((s) => s.name !== "Ob 4") };
    const t = setup({}, grid);
    expect(cell(t, "Ente", "D37").value).toBe("");
    await t.run(COMMANDS.calcolaEsiti);
    expect(t.fx.state.syncCount).toBe(3);
    expect(cell(t, "Ente", "D37").value).toBe("OK");
    const last = t.requests.at(-1)!;
    expect(last.messaggio?.intent).toBe("success");
    expect(last.messaggio?.text).toMatch(/^Scritt/);
    expect(t.session.canUndo()).toBe(true);
    expect(t.completed()).toBe(1);
    // Undo from the pane restores the sheet.
    await t.session.undo();
    expect(cell(t, "Ente", "D37").value).toBe("");
  });

  it("Calcola esiti asks the pane to confirm before overwriting user values, and writes nothing until answered", async () => {
    const t = setup();
    const before = t.fx.state.sheets.map((s) => [...s.cells.entries()]);
    const running = t.run(COMMANDS.calcolaEsiti);
    await until(() => t.requests.some((r) => r.conferma));
    const ask = t.requests.at(-1)!;
    expect(ask.conferma?.conflitti.length).toBe(3);
    expect(ask.conferma?.conflitti.every((c) => c.foglio === "Ob 4")).toBe(true);
    expect(ask.messaggio?.text).toMatch(/confermare nel riquadro/);
    expect(t.fx.state.sheets.map((s) => [...s.cells.entries()])).toEqual(before);
    expect(t.fx.state.syncCount).toBe(2);
    // The event completes once the question is with the pane: Office is not kept waiting.
    expect(t.completed()).toBe(1);
    // The pane's "Sovrascrivi": the command's own flow writes the same preparation in one more sync.
    ask.rispondi!("sovrascrivi");
    await running;
    expect(t.fx.state.syncCount).toBe(3);
    const c = ask.conferma!.conflitti[0]!;
    expect(cell(t, c.foglio, c.cella).value).toBe(c.nuovo);
    expect(t.requests.at(-1)!.messaggio).toMatchObject({ intent: "success" });
    expect(t.completed()).toBe(1);
  });

  it("Calcola esiti answered «Annulla» in the pane writes nothing and says nothing more", async () => {
    const t = setup();
    const before = t.fx.state.sheets.map((s) => [...s.cells.entries()]);
    const running = t.run(COMMANDS.calcolaEsiti);
    await until(() => t.requests.some((r) => r.conferma));
    const n = t.requests.length;
    t.requests.at(-1)!.rispondi!("annulla");
    await running;
    expect(t.requests).toHaveLength(n);
    expect(t.fx.state.sheets.map((s) => [...s.cells.entries()])).toEqual(before);
    expect(t.session.canUndo()).toBe(false);
  });

  it("Segna previsto marks the selected months with X and the previsto colour", async () => {
    const t = setup({ selection: "'Ob 1'!H33:I33" });
    await t.run(COMMANDS.segnaPrevisto);
    expect(t.requests.at(-1)!.messaggio).toEqual({ intent: "success", text: "Scritte 2 celle." });
    expect(cell(t, "Ob 1", "H33")).toMatchObject({ value: "X", fill: "#9DC3E6" });
    expect(cell(t, "Ob 1", "I33")).toMatchObject({ value: "X", fill: "#9DC3E6" });
    expect(t.fx.state.syncCount).toBe(3);
  });

  it("Segna effettivo and Togli segno act on the effettivo row", async () => {
    const t = setup({ selection: "'Ob 1'!L34" });
    await t.run(COMMANDS.segnaEffettivo);
    expect(cell(t, "Ob 1", "L34")).toMatchObject({ value: "X", fill: "#A9D08E" });
    await t.run(COMMANDS.togliSegno);
    expect(cell(t, "Ob 1", "L34").value).toBe("");
    expect(cell(t, "Ob 1", "L34").fill ?? null).toBeNull();
  });

  it.each([
    [COMMANDS.segnaPrevisto, "'Ob 1'!A1"],
    [COMMANDS.segnaEffettivo, "'Ob 1'!H33"],
    [COMMANDS.togliSegno, "Ente!B5"],
  ])("%s refuses a selection outside the cronoprogramma with a message, writing nothing", async (name, selection) => {
    const t = setup({ selection });
    const before = t.fx.state.sheets.map((s) => [...s.cells.entries()]);
    await t.commands[name as keyof typeof t.commands](t.event);
    const last = t.requests.at(-1)!;
    expect(last.messaggio?.intent).toBe("error");
    expect(last.messaggio?.text.length).toBeGreaterThan(20);
    expect(t.fx.state.sheets.map((s) => [...s.cells.entries()])).toEqual(before);
    expect(t.completed()).toBe(1);
  });

  it("Pulisci evidenziazioni removes the highlights applied earlier, even after the pane was closed", async () => {
    const t = setup();
    const settings = await t.session.loadSettings();
    const p = await t.session.prepare({ tipo: "evidenziazioni" }, settings);
    await t.session.apply(p, { sovrascrivi: false });
    const highlighted = (t.store.saved.get(STORE_KEYS.evidenziazioni) as Array<{ foglio: string; cella: string; applied: string }>) ?? [];
    expect(highlighted.length).toBeGreaterThan(0);
    const h = highlighted[0]!;
    expect(cell(t, h.foglio, h.cella).fill).toBe(h.applied);
    // A new session (pane closed, document reopened) reads the saved list from the document.
    const reopened = fakeOfficeSession(sample);
    reopened.fx.state.sheets = t.fx.state.sheets;
    for (const [k, v] of t.store.saved) reopened.store.set(k, v);
    const cmds = createCommands({ session: reopened.session, showPane: async () => undefined });
    const req: PaneRequest[] = [];
    reopened.state.onRequest((r) => req.push(r));
    await cmds[COMMANDS.pulisciEvidenziazioni]({ completed: () => undefined });
    expect(req.at(-1)!.messaggio?.text).toMatch(/Rimoss/);
    expect(cell(t, h.foglio, h.cella).fill ?? null).toBeNull();
    expect(reopened.store.saved.get(STORE_KEYS.evidenziazioni)).toEqual([]);
    // Nothing left to clean.
    await cmds[COMMANDS.pulisciEvidenziazioni]({ completed: () => undefined });
    expect(req.at(-1)!.messaggio?.text).toBe("Non ci sono evidenziazioni da togliere.");
  });

  it("Nuova scheda adds a blank scheda on a free name and selects it", async () => {
    const t = setup();
    await t.run(COMMANDS.nuovaScheda);
    const names = t.fx.state.sheets.map((s) => s.name);
    expect(names).toHaveLength(6);
    const added = names[5]!;
    expect(sample.sheets.map((s) => s.name)).not.toContain(added);
    expect(t.requests.at(-1)!.messaggio?.text).toBe(`Aggiunto il foglio «${added}».`);
    expect(t.fx.state.selection).toBe(`'${added}'!A1`);
    // The new sheet is a scheda the engine recognises.
    const { report } = await t.session.verifica(await t.session.loadSettings());
    expect(report.schede.map((s) => s.foglio)).toContain(added);
  });

  it("Consolida opens the pane on the consolidation view", async () => {
    const t = setup();
    await t.run(COMMANDS.consolida);
    expect(t.requests.at(-1)).toEqual({ view: "consolida" });
    expect(t.panes()).toBe(1);
    expect(t.fx.state.syncCount).toBe(0);
  });

  it("a protected scheda gives the Italian message and changes nothing", async () => {
    const grid: WorkbookGrid = { sheets: sample.sheets.filter((s) => s.name !== "Ob 4") };
    const t = setup({ protectedSheets: ["Ente"] }, grid);
    const before = t.fx.state.sheets.map((s) => [...s.cells.entries()]);
    await t.run(COMMANDS.calcolaEsiti);
    expect(t.requests.at(-1)!.messaggio?.text).toMatch(/«Ente» è protetto/);
    expect(t.fx.state.sheets.map((s) => [...s.cells.entries()])).toEqual(before);
  });

  it("cell edit mode and host errors become messages, and the event always completes", async () => {
    const t = setup();
    t.fx.state.cellEditMode = true;
    await t.run(COMMANDS.calcolaEsiti);
    expect(t.requests.at(-1)!.messaggio?.text).toMatch(/Premere Invio o Esc/);
    t.fx.state.cellEditMode = false;
    t.fx.state.injectError("GeneralException");
    await t.run(COMMANDS.segnaPrevisto);
    expect(t.requests.at(-1)!.messaggio?.text).toMatch(/GeneralException/);
    expect(t.completed()).toBe(2);
  });

  it("registers every manifest function with Office.actions.associate", () => {
    const t = setup();
    const associated = new Map<string, unknown>();
    const names = registerCommands(
      { actions: { associate: (n: string, fn: unknown) => associated.set(n, fn) }, addin: { showAsTaskpane: async () => undefined } },
      t.session,
    );
    expect(names.sort()).toEqual(Object.values(COMMANDS).sort());
    expect([...associated.keys()].sort()).toEqual(Object.values(COMMANDS).sort());
    expect(registerCommands({}, t.session)).toEqual([]);
  });
});
