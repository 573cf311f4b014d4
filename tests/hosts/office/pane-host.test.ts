/** The pane's actions inside Excel: the Office PaneHost over the session, on the strict fake. */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createOfficePaneHost } from "../../../src/hosts/office/pane-host";
import { STORE_KEYS } from "../../../src/hosts/office/document-store";
import { isPegError } from "../../../src/domain/errors";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";
import { benchWorkbook } from "../../../bench/workbooks";
import type { WorkbookGrid } from "../../../src/sheets/grid";
import type { PaneRequest } from "../../../src/app/pane-host";
import { fakeOfficeSession } from "../../fakes/office-session";

let sample: WorkbookGrid;
beforeAll(async () => {
  sample = (await loadWorkbookGrid(readFileSync("assets/esempio-peg-2023.xlsx"), { fileName: "esempio-peg-2023.xlsx" })).grid;
});

function setup(opts: Parameters<typeof fakeOfficeSession>[1] = {}, grid = sample) {
  const f = fakeOfficeSession(grid, opts);
  const host = createOfficePaneHost({ session: f.session, office: { context: { officeTheme: { bodyBackgroundColor: "#1F1F1F" } } } });
  return { ...f, host };
}

const dump = (t: ReturnType<typeof setup>) => t.fx.state.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()].sort() }));

describe("Office PaneHost", () => {
  it("verifica returns the §7 report of the open workbook in 2 syncs", async () => {
    const t = setup();
    const s = await t.host.loadSettings();
    const r = await t.host.verifica(s);
    expect(t.fx.state.syncCount).toBe(2);
    expect(r.file).toBe("esempio-peg-2023.xlsx");
    expect(r.schede.map((x) => x.tipo)).toEqual(["ente", "obiettivo", "obiettivo", "obiettivo", "obiettivo"]);
    expect(r.segnalazioni.filter((x) => x.codice === "PARTECIPAZIONE_REALIZZATA_SOMMA").map((x) => x.foglio)).toEqual(["Ob 1", "Ob 3"]);
    expect(t.host.kind).toBe("office");
    expect(t.host.theme!()).toBe("dark");
  });

  it("reports cells beyond the area read (a stray value at XFD1048576) as CELLE_FUORI_AREA", async () => {
    const grid: WorkbookGrid = { sheets: sample.sheets.map((sh) => sh) };
    const t = setup({}, grid);
    t.fx.state.sheet("Ob 2")!.cells.set("1048575,16383", { value: "x", numberFormat: "General", fill: null });
    const r = await t.host.verifica(await t.host.loadSettings());
    const d = r.segnalazioni.find((x) => x.codice === "CELLE_FUORI_AREA");
    expect(d).toMatchObject({ foglio: "Ob 2", cella: "XFD1048576", gravita: "info" });
    expect(d!.messaggio).toMatch(/oltre l'area letta/);
    expect(t.fx.state.syncCount).toBe(2);
  });

  it("prepares esiti with the conflicts listed, applies without them, and undo restores everything", async () => {
    const t = setup();
    const before = dump(t);
    const s = await t.host.loadSettings();
    const p = await t.host.prepare({ tipo: "esiti" }, s);
    expect(p.conflitti).toHaveLength(3);
    expect(dump(t)).toEqual(before); // nothing written by prepare
    const r = await t.host.apply(p, { sovrascrivi: false });
    expect(r.celle).toBe(p.celle - 3);
    for (const c of p.conflitti) expect(t.fx.state.at(c.foglio, c.cella).value).not.toBe(c.nuovo);
    expect(t.host.canUndo()).toBe(true);
    const u = await t.host.undo();
    expect(u.celle).toBe(r.celle);
    expect(dump(t)).toEqual(before);
    expect(t.host.canUndo()).toBe(false);
    await expect(t.host.undo()).rejects.toThrow(/nessuna operazione da annullare/);
  });

  it("undo after the user retyped a written cell leaves their value and says so", async () => {
    const grid: WorkbookGrid = { sheets: sample.sheets.filter((sh) => sh.name !== "Ob 4") };
    const t = setup({}, grid);
    const s = await t.host.loadSettings();
    const p = await t.host.prepare({ tipo: "esiti" }, s);
    const r = await t.host.apply(p, { sovrascrivi: false });
    expect(t.fx.state.at("Ente", "D37").value).toBe("OK");
    // The user types over the esito just written (row 37, column D: "36,3" in the fake).
    const cells = t.fx.state.sheet("Ente")!.cells;
    cells.set("36,3", { ...cells.get("36,3")!, value: "PARZIALMENTE RAGGIUNTO" });
    const u = await t.host.undo();
    expect(u.nonRipristinate).toEqual(["Ente!D37"]);
    expect(u.celle).toBe(r.celle - 1);
    expect(t.fx.state.at("Ente", "D37").value).toBe("PARZIALMENTE RAGGIUNTO");
  });

  it("names the workbook from its URL, even when the name has a bare % (no URIError)", async () => {
    const { officeWorkbookName } = await import("../../../src/hosts/office/session");
    const g = globalThis as { Office?: unknown };
    const saved = g.Office;
    const named = (url: string) => {
      g.Office = { context: { document: { url } } };
      return officeWorkbookName();
    };
    try {
      expect(named("C:\\Users\\anna\\PEG 100% obiettivi.xlsx")).toBe("PEG 100% obiettivi.xlsx");
      expect(named("https://comune.sharepoint.com/sites/x/PEG%202024.xlsx?web=1")).toBe("PEG 2024.xlsx");
      expect(named("")).toBe("Cartella di lavoro");
    } finally {
      g.Office = saved;
    }
  });

  it("highlights, then removes the highlights leaving the sheet exactly as before", async () => {
    const t = setup();
    const before = dump(t);
    const s = await t.host.loadSettings();
    await t.host.apply(await t.host.prepare({ tipo: "evidenziazioni" }, s), { sovrascrivi: false });
    expect(dump(t)).not.toEqual(before);
    const saved = t.store.saved.get(STORE_KEYS.evidenziazioni) as unknown[];
    expect(saved.length).toBeGreaterThan(0);
    const p = await t.host.prepare({ tipo: "pulisciEvidenziazioni" }, s);
    expect(p.celle).toBe(saved.length);
    await t.host.apply(p, { sovrascrivi: false });
    expect(dump(t)).toEqual(before);
    expect(t.store.saved.get(STORE_KEYS.evidenziazioni)).toEqual([]);
  });

  it("says so when the highlights cannot be recorded in the document, and undo still works", async () => {
    const t = setup();
    const before = dump(t);
    const s = await t.host.loadSettings();
    t.store.save = async () => {
      throw new Error("read-only");
    };
    const p = await t.host.prepare({ tipo: "evidenziazioni" }, s);
    await expect(t.host.apply(p, { sovrascrivi: false })).rejects.toThrow(/usare subito «Annulla»/);
    expect(t.host.canUndo()).toBe(true);
    await t.host.undo();
    expect(dump(t)).toEqual(before);
  });

  it("undo of a highlight also restores the list of highlights", async () => {
    const t = setup();
    const s = await t.host.loadSettings();
    await t.host.apply(await t.host.prepare({ tipo: "evidenziazioni" }, s), { sovrascrivi: false });
    await t.host.undo();
    expect(t.store.saved.get(STORE_KEYS.evidenziazioni)).toEqual([]);
    const p = await t.host.prepare({ tipo: "pulisciEvidenziazioni" }, s);
    expect(p.celle).toBe(0);
  });

  it("marks the selection, and refuses one outside the cronoprogramma with the engine's message", async () => {
    const t = setup({ selection: "'Ob 2'!D33:F33" });
    const s = await t.host.loadSettings();
    const p = await t.host.prepare({ tipo: "segno", segno: "previsto" }, s);
    expect(p.celle).toBe(3);
    await t.host.apply(p, { sovrascrivi: false });
    expect(t.fx.state.at("Ob 2", "E33")).toMatchObject({ value: "X", fill: s.colori.previsto });
    t.fx.state.selection = "'Ob 2'!A40";
    const err = await t.host.prepare({ tipo: "segno", segno: "previsto" }, s).catch((e) => e);
    expect(isPegError(err)).toBe(true);
  });

  it("adds a new scheda and undo deletes only that sheet", async () => {
    const t = setup();
    const before = dump(t);
    const s = await t.host.loadSettings();
    const p = await t.host.prepare({ tipo: "nuovaScheda" }, s);
    expect(p.nuoviFogli).toHaveLength(1);
    const r = await t.host.apply(p, { sovrascrivi: false });
    expect(r.nuoviFogli).toEqual(p.nuoviFogli);
    expect(t.fx.state.sheet(r.nuoviFogli[0]!)).toBeDefined();
    await t.host.undo();
    expect(dump(t)).toEqual(before);
  });

  it("goTo activates the sheet and selects the cell; a missing sheet gives a message", async () => {
    const t = setup();
    await t.host.goTo("Ob 3", "D20");
    expect(t.fx.state.selection).toBe("'Ob 3'!D20");
    expect(t.fx.state.syncCount).toBe(1);
    await expect(t.host.goTo("Sparito", "A1")).rejects.toThrow(/«Sparito» non esiste più/);
  });

  it("saves settings in the document and reads them back after reopening", async () => {
    const t = setup();
    const s = await t.host.loadSettings();
    await t.host.saveSettings({ ...s, sogliaOk: 90, colori: { ...s.colori, previsto: "#123456" } });
    const again = await t.host.loadSettings();
    expect(again.sogliaOk).toBe(90);
    expect(again.colori.previsto).toBe("#123456");
    expect((t.store.saved.get(STORE_KEYS.impostazioni) as { sogliaOk: number }).sogliaOk).toBe(90);
    // A hand-edited setting does not break the pane: invalid fields fall back to defaults.
    t.store.set(STORE_KEYS.impostazioni, { sogliaOk: "tanto", sogliaParziale: 40 });
    const loaded = await t.host.loadSettings();
    expect(loaded.sogliaOk).toBe(100);
    expect(loaded.sogliaParziale).toBe(40);
  });

  it("consolidates this workbook and writes the sheets with free names; undo removes them", async () => {
    const t = setup();
    const s = await t.host.loadSettings();
    const a = await t.host.consolidate({ tipo: "questa" }, s);
    expect(a.files).toEqual([{ file: "esempio-peg-2023.xlsx", stato: "letto", schede: 5 }]);
    expect(a.fogli.length).toBeGreaterThanOrEqual(5);
    const n = t.fx.state.syncCount;
    const r = await t.host.writeConsolidation(a);
    expect(t.fx.state.syncCount - n).toBeLessThanOrEqual(2);
    expect(r.nuoviFogli).toHaveLength(a.fogli.length);
    for (const name of r.nuoviFogli) expect(t.fx.state.sheet(name)).toBeDefined();
    await t.host.undo();
    expect(t.fx.state.sheets.map((x) => x.name)).toEqual(sample.sheets.map((x) => x.name));
  });

  it("consolidates 30 picked files, lists an unreadable one, and writes every sheet in at most 2 syncs", async () => {
    const t = setup();
    const s = await t.host.loadSettings();
    const bytes = await benchWorkbook(10);
    const files = Array.from({ length: 30 }, (_, i) => new File([bytes as BlobPart], `settore-${i + 1}.xlsx`));
    files.push(new File(["non è un file excel"], "note.xlsx"));
    const seen: string[] = [];
    const a = await t.host.consolidate({ tipo: "file", files }, s, (f) => seen.push(`${f.file}:${f.stato}`));
    expect(seen).toHaveLength(31);
    expect(a.files.filter((f) => f.stato === "letto")).toHaveLength(30);
    const bad = a.files.find((f) => f.file === "note.xlsx")!;
    expect(bad.stato).toBe("errore");
    expect(bad.motivo!.length).toBeGreaterThan(10);
    const n = t.fx.state.syncCount;
    const r = await t.host.writeConsolidation(a);
    expect(t.fx.state.syncCount - n).toBeLessThanOrEqual(2);
    expect(r.nuoviFogli.length).toBe(a.fogli.length);
  }, 120_000);

  it("delivers ribbon requests queued before the pane subscribed", () => {
    const t = setup();
    t.state.request({ view: "consolida" });
    const got: PaneRequest[] = [];
    const off = t.host.onRequest!((r) => got.push(r));
    t.state.request({ view: "risultati", verifica: true });
    off();
    t.state.request({ view: "impostazioni" });
    expect(got).toEqual([{ view: "consolida" }, { view: "risultati", verifica: true }]);
  });

  it("a write while the sheet is protected fails with the message and leaves the workbook as it was", async () => {
    const t = setup({ protectedSheets: ["Ob 2"], selection: "'Ob 2'!D33" });
    const before = dump(t);
    const s = await t.host.loadSettings();
    const p = await t.host.prepare({ tipo: "segno", segno: "previsto" }, s);
    await expect(t.host.apply(p, { sovrascrivi: false })).rejects.toThrow(/«Ob 2» è protetto/);
    expect(dump(t)).toEqual(before);
    expect(t.host.canUndo()).toBe(false);
  });
});
