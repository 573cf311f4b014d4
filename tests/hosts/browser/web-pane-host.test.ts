/**
 * The browser preview's PaneHost in Node, on the real engine and xlsx host: open, verifica,
 * go to a cell, marks on the selection with undo, a bad file, settings in storage.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import type { Lettura } from "../../../src/app/backend";
import { colLetters, parseRange } from "../../../src/sheets/grid";
import type { WritePlan } from "../../../src/sheets/write-plan";
import { analyse } from "../../../src/app/operations";
import { createWebPaneHost } from "../../../src/hosts/browser/web-pane-host";
import { marksFor } from "../../../src/web/marks";

const sample = () => new Uint8Array(readFileSync(join(import.meta.dirname, "../../../assets/esempio-peg-2023.xlsx")));

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** A previsto row of a cronoprogramma on the sample, and its month columns. */
function cronoRow(host: ReturnType<typeof createWebPaneHost>) {
  const a = analyse(host.getState().files[0]!.grid, "s.xlsx", DEFAULT_SETTINGS);
  const scheda = a.schede.find((s) => s.rec.crono)!;
  const crono = scheda.rec.crono!;
  const row = crono.rows.find((r) => r.previstoRow !== null)!.previstoRow!;
  return { foglio: scheda.foglio, row, cols: crono.monthCols };
}

describe("web PaneHost", () => {
  it("opens a workbook, reports it, and tells the pane a new file is open", async () => {
    const host = createWebPaneHost({ storage: null });
    const changes: string[] = [];
    host.onWorkbookChanged!((c) => changes.push(c));
    expect(host.workbookName()).toBeNull();
    await host.openBytes("settore.xlsx", sample());
    expect(changes).toEqual(["open"]);
    expect(host.workbookName()).toBe("settore.xlsx");
    const report = await host.verifica(DEFAULT_SETTINGS);
    expect(report.schede.length).toBe(5);
    expect(host.getState().report).toBe(report);
    expect(host.getState().sheet).toBe(host.getState().files[0]!.grid.sheets[0]!.name);
  });

  it("a file that is not a workbook is listed with an Italian reason; nothing else changes", async () => {
    const host = createWebPaneHost({ storage: null });
    await host.openBytes("appunti.xlsx", new TextEncoder().encode("ciao"));
    const s = host.getState();
    expect(s.files).toEqual([]);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toMatch(/^appunti\.xlsx: /);
    expect(s.loading).toBeNull();
  });

  it("goes to a segnalazione's cell: shows its sheet and selects it", async () => {
    const host = createWebPaneHost({ storage: null });
    await host.openBytes("s.xlsx", sample());
    const report = await host.verifica(DEFAULT_SETTINGS);
    const seg = report.segnalazioni.find((x) => x.foglio !== host.getState().sheet)!;
    await host.goTo(seg.foglio, seg.cella);
    const s = host.getState();
    expect(s.sheet).toBe(seg.foglio);
    const at = parseRange(seg.cella);
    expect(s.focus).toEqual({ foglio: seg.foglio, r: at.r1, c: at.c1 });
    expect(marksFor(report, seg.foglio).has(seg.cella.split(":")[0]!)).toBe(true);
  });

  it("marks the selected cronoprogramma cells in the copy, refuses other cells, and undoes exactly", async () => {
    const host = createWebPaneHost({ storage: null });
    const bytes = sample();
    await host.openBytes("s.xlsx", bytes);
    const a = analyse(host.getState().files[0]!.grid, "s.xlsx", DEFAULT_SETTINGS);
    const scheda = a.schede.find((s) => s.rec.crono)!;
    const crono = scheda.rec.crono!;
    const row = crono.rows.find((r) => r.previstoRow !== null)!.previstoRow!;
    const col = crono.monthCols[11]!;
    host.selectSheet(scheda.foglio);
    host.setSelection({ r1: row, c1: col, r2: row, c2: col });
    const p = await host.prepare({ tipo: "segno", segno: "previsto" }, DEFAULT_SETTINGS);
    expect(p.celle).toBe(1);
    const r = await host.apply(p, { sovrascrivi: false });
    expect(r.celle).toBe(1);
    const after = host.getState().files[0]!;
    expect(after.modified).toBe(true);
    expect(host.isModified!()).toBe(true);
    const cell = after.grid.sheets.find((s) => s.name === scheda.foglio)!.get(row, col)!;
    expect(cell.v).toBe("X");
    expect(cell.fill).toBe(DEFAULT_SETTINGS.colori.previsto.toUpperCase());
    // The bytes the user opened are untouched.
    expect(Buffer.from(bytes).equals(Buffer.from(sample()))).toBe(true);

    expect(host.canUndo()).toBe(true);
    await host.undo();
    expect(host.getState().files[0]!.bytes).toBe(bytes);
    expect(host.isModified!()).toBe(false);
    expect(host.canUndo()).toBe(false);

    host.setSelection({ r1: 0, c1: 0, r2: 0, c2: 0 });
    await expect(host.prepare({ tipo: "segno", segno: "previsto" }, DEFAULT_SETTINGS)).rejects.toMatchObject({ name: "PegError" });
    host.setSelection(null);
    await expect(host.prepare({ tipo: "segno", segno: "effettivo" }, DEFAULT_SETTINGS)).rejects.toThrow(/Selezionare/);
  });

  it("two writes undo in turn; the copy to download follows", async () => {
    const host = createWebPaneHost({ storage: null });
    const bytes = sample();
    await host.openBytes("s.xlsx", bytes);
    const { foglio, row, cols } = cronoRow(host);
    const mark = async (c: number) => {
      host.selectSheet(foglio);
      host.setSelection({ r1: row, c1: c, r2: row, c2: c });
      await host.apply(await host.prepare({ tipo: "segno", segno: "previsto" }, DEFAULT_SETTINGS), { sovrascrivi: false });
    };
    await mark(cols[10]!);
    await mark(cols[11]!);
    expect(host.hasUndownloaded()).toBe(true);
    const v = (c: number) =>
      host
        .getState()
        .files[0]!.grid.sheets.find((s) => s.name === foglio)!
        .get(row, c)?.v ?? null;
    expect([v(cols[10]!), v(cols[11]!)]).toEqual(["X", "X"]);
    expect(await host.undo()).toEqual({ celle: 1, nonRipristinate: [] });
    expect([v(cols[10]!), v(cols[11]!)]).toEqual(["X", null]);
    await host.undo();
    expect(host.getState().files[0]!.bytes).toBe(bytes);
    expect(host.hasUndownloaded()).toBe(false);
    expect(host.canUndo()).toBe(false);
  });

  it("undo leaves a cell a later write changed, restores the others, and lists it", async () => {
    const host = createWebPaneHost({ storage: null });
    await host.openBytes("s.xlsx", sample());
    const { foglio, row, cols } = cronoRow(host);
    const [a, b] = [cols[10]!, cols[11]!];
    host.selectSheet(foglio);
    host.setSelection({ r1: row, c1: a, r2: row, c2: b });
    // The first write straight through the backend, to keep its token.
    const p = await host.prepare({ tipo: "segno", segno: "previsto" }, DEFAULT_SETTINGS);
    const dati = p.dati as { plan: WritePlan; lettura: Lettura };
    const first = await host.session.backend.apply(dati.plan, dati.lettura);
    // A later write of ours takes the mark off the second month.
    host.setSelection({ r1: row, c1: b, r2: row, c2: b });
    await host.apply(await host.prepare({ tipo: "segno", segno: "togli" }, DEFAULT_SETTINGS), { sovrascrivi: false });
    const r = await host.session.backend.undo(first.token);
    expect(r.nonRipristinate).toEqual([`${foglio}!${colLetters(b)}${row + 1}`]);
    expect(r.celle).toBe(1);
    const cell = (c: number) =>
      host
        .getState()
        .files[0]!.grid.sheets.find((s) => s.name === foglio)!
        .get(row, c);
    expect(cell(a)?.v ?? null).toBeNull(); // restored
    expect(cell(a)?.fill ?? null).toBeNull();
    expect(cell(b)?.v ?? null).toBeNull(); // as the later write left it
  });

  it("highlights, then removes exactly the highlights it applied", async () => {
    const host = createWebPaneHost({ storage: null });
    await host.openBytes("s.xlsx", sample());
    const before = host.getState().files[0]!.grid;
    const h = await host.prepare({ tipo: "evidenziazioni" }, DEFAULT_SETTINGS);
    expect(h.celle).toBeGreaterThan(0);
    await host.apply(h, { sovrascrivi: false });
    const p = await host.prepare({ tipo: "pulisciEvidenziazioni" }, DEFAULT_SETTINGS);
    expect(p.celle).toBe(h.celle);
    await host.apply(p, { sovrascrivi: false });
    const after = host.getState().files[0]!.grid;
    for (const sb of before.sheets) {
      const sa = after.sheets.find((s) => s.name === sb.name)!;
      for (const [r, c, cell] of sb.cells()) expect(sa.get(r, c)?.fill ?? null, `${sb.name} ${r},${c}`).toBe(cell.fill ?? null);
    }
  });

  it("adds a new scheda on a free sheet name, and undo takes it away", async () => {
    const host = createWebPaneHost({ storage: null });
    await host.openBytes("s.xlsx", sample());
    const names = host.getState().files[0]!.grid.sheets.map((s) => s.name);
    const p = await host.prepare({ tipo: "nuovaScheda" }, DEFAULT_SETTINGS);
    expect(p.nuoviFogli).toHaveLength(1);
    expect(names).not.toContain(p.nuoviFogli[0]);
    const r = await host.apply(p, { sovrascrivi: false });
    expect(r.nuoviFogli).toEqual(p.nuoviFogli);
    expect(host.getState().files[0]!.grid.sheets.map((s) => s.name)).toEqual([...names, p.nuoviFogli[0]]);
    await host.undo();
    expect(host.getState().files[0]!.grid.sheets.map((s) => s.name)).toEqual(names);
  });

  it("keeps settings in the given storage, falling back to defaults on bad data", async () => {
    const storage = memoryStorage();
    const host = createWebPaneHost({ storage });
    expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
    await host.saveSettings({ ...DEFAULT_SETTINGS, sogliaOk: 90 });
    expect((await host.loadSettings()).sogliaOk).toBe(90);
    storage.setItem("monitoraggio-peg.impostazioni", "{non json");
    expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("consolidates the open files and lists a broken one with its reason", async () => {
    const host = createWebPaneHost({ storage: null });
    const seen: string[] = [];
    const bad = { name: "rotto.xlsx", arrayBuffer: async () => new TextEncoder().encode("no").buffer } as unknown as File;
    const good = { name: "a.xlsx", arrayBuffer: async () => sample().buffer } as unknown as File;
    const a = await host.consolidate({ tipo: "file", files: [good, bad] }, DEFAULT_SETTINGS, (f) => seen.push(`${f.file}:${f.stato}`));
    expect(seen).toEqual(["a.xlsx:letto", "rotto.xlsx:errore"]);
    expect(a.files[1]!.motivo).toBeTruthy();
    expect(a.fogli.map((f) => f.name)).toContain("Riepilogo");
    await expect(host.consolidate({ tipo: "file", files: [bad] }, DEFAULT_SETTINGS)).rejects.toMatchObject({ name: "PegError" });
    await expect(host.consolidate({ tipo: "questa" }, DEFAULT_SETTINGS)).rejects.toMatchObject({ name: "PegError" });
  });
});
