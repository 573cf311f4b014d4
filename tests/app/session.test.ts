/** The one Session over a fake backend: the undo stack, cells changed after a write, highlights, one write at a time. */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { STORE_KEYS } from "../../src/app/backend";
import { undoMessage } from "../../src/app/run-operation";
import { Session, UNDO_DEPTH } from "../../src/app/session";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { loadWorkbookGrid } from "../../src/hosts/xlsx/load";
import type { WorkbookGrid } from "../../src/sheets/grid";
import { fakeBackend, type FakeToken } from "./fake-backend";

let bytes: Uint8Array;
beforeAll(() => {
  bytes = new Uint8Array(readFileSync("assets/esempio-peg-2023.xlsx"));
});

async function sample(): Promise<WorkbookGrid> {
  return (await loadWorkbookGrid(bytes, { fileName: "esempio-peg-2023.xlsx" })).grid;
}

async function setup(drop: string[] = []) {
  const grid = await sample();
  grid.sheets = grid.sheets.filter((s) => !drop.includes(s.name));
  const backend = fakeBackend(grid);
  const session = new Session<FakeToken>({
    backend,
    engine: () => import("../../src/app/engine"),
    today: () => new Date("2024-01-15T12:00:00Z"),
  });
  return { backend, session };
}

const S = DEFAULT_SETTINGS;

describe("Session", () => {
  it("keeps one undo record per write: two writes undo in turn, newest first", async () => {
    const { backend, session } = await setup();
    backend.selection = { foglio: "Ob 1", range: "H33:I33" };
    await session.apply(await session.prepare({ tipo: "segno", segno: "previsto" }, S), { sovrascrivi: false });
    backend.selection = { foglio: "Ob 1", range: "L34" };
    await session.apply(await session.prepare({ tipo: "segno", segno: "effettivo" }, S), { sovrascrivi: false });
    expect(backend.value("Ob 1", "H33")).toBe("X");
    expect(backend.value("Ob 1", "L34")).toBe("X");
    expect(session.undoDepth()).toBe(2);

    const second = await session.undo();
    expect(second).toEqual({ celle: 1, nonRipristinate: [] });
    expect(backend.value("Ob 1", "L34") ?? null).toBeNull();
    expect(backend.value("Ob 1", "H33")).toBe("X"); // the first write is still there, still undoable
    expect(session.canUndo()).toBe(true);

    const first = await session.undo();
    expect(first.celle).toBe(2);
    expect(backend.value("Ob 1", "H33") ?? null).toBeNull();
    expect(backend.log.filter((l) => l.startsWith("undo"))).toEqual(["undo#2", "undo#1"]);
    expect(session.canUndo()).toBe(false);
    await expect(session.undo()).rejects.toThrow(/nessuna operazione da annullare/);
  });

  it("undo leaves a cell the user retyped after the write, and says which", async () => {
    const { backend, session } = await setup(["Ob 4"]);
    const p = await session.prepare({ tipo: "esiti" }, S);
    expect(p.conflitti).toEqual([]);
    const r = await session.apply(p, { sovrascrivi: false });
    expect(backend.value("Ente", "D37")).toBe("OK");
    // The user types over one written esito.
    backend.type("Ente", "D37", "PARZIALMENTE RAGGIUNTO");
    const u = await session.undo();
    expect(u.nonRipristinate).toEqual(["Ente!D37"]);
    expect(u.celle).toBe(r.celle - 1);
    expect(backend.value("Ente", "D37")).toBe("PARZIALMENTE RAGGIUNTO");
    // Every other written cell is back as it was before the write.
    for (const w of (p.dati as { plan: { writes: Array<{ foglio: string; cella: string; previous: { value: unknown } }> } }).plan.writes)
      if (`${w.foglio}!${w.cella}` !== "Ente!D37") expect(backend.value(w.foglio, w.cella) ?? null).toEqual(w.previous.value ?? null);
    // The pane says it in Italian.
    const m = undoMessage(u);
    expect(m.intent).toBe("warning");
    expect(m.text).toContain("Ente!D37: modificata dopo la scrittura: non ripristinata.");
    expect(session.canUndo()).toBe(false);
  });

  it("undo of a new scheda deletes the sheet it created, by id, even after a rename", async () => {
    const { backend, session } = await setup();
    const names = backend.grid.sheets.map((s) => s.name);
    const r = await session.apply(await session.prepare({ tipo: "nuovaScheda" }, S), { sovrascrivi: false });
    expect(r.nuoviFogli).toHaveLength(1);
    // The user renames it: still the sheet this write created.
    (backend.grid.sheets.at(-1) as { name: string }).name = "Rinominato";
    await session.undo();
    expect(backend.grid.sheets.map((s) => s.name)).toEqual(names);
  });

  it("undo acts on the current document only", async () => {
    const { backend, session } = await setup();
    backend.selection = { foglio: "Ob 1", range: "H33" };
    await session.apply(await session.prepare({ tipo: "segno", segno: "previsto" }, S), { sovrascrivi: false });
    backend.doc = "B";
    expect(session.canUndo()).toBe(false);
    await expect(session.undo()).rejects.toThrow(/nessuna operazione da annullare/);
    backend.doc = "A";
    expect(session.canUndo()).toBe(true);
    await session.undo();
    expect(backend.value("Ob 1", "H33") ?? null).toBeNull();
  });

  it("each undo gives back the highlights list as it was before its own write", async () => {
    const { backend, session } = await setup();
    await session.apply(await session.prepare({ tipo: "evidenziazioni" }, S), { sovrascrivi: false });
    const highlighted = backend.saved.get(STORE_KEYS.evidenziazioni) as unknown[];
    expect(highlighted.length).toBeGreaterThan(0);
    await session.apply(await session.prepare({ tipo: "pulisciEvidenziazioni" }, S), { sovrascrivi: false });
    expect(backend.saved.get(STORE_KEYS.evidenziazioni)).toEqual([]);
    await session.undo(); // the Pulisci: the highlights are back, and recorded again
    expect(backend.saved.get(STORE_KEYS.evidenziazioni)).toEqual(highlighted);
    expect((await session.prepare({ tipo: "pulisciEvidenziazioni" }, S)).celle).toBe(highlighted.length);
    await session.undo(); // the Evidenzia
    expect(backend.saved.get(STORE_KEYS.evidenziazioni)).toEqual([]);
  });

  it(`keeps the last ${UNDO_DEPTH} writes`, async () => {
    const { backend, session } = await setup();
    backend.selection = { foglio: "Ob 1", range: "H33" };
    for (let i = 0; i < UNDO_DEPTH + 2; i++) {
      const kind = i % 2 === 0 ? "previsto" : "togli";
      await session.apply(await session.prepare({ tipo: "segno", segno: kind }, S), { sovrascrivi: false });
    }
    expect(session.undoDepth()).toBe(UNDO_DEPTH);
  });

  it("runs writes and undos one at a time, in order, even when one fails", async () => {
    const { session } = await setup();
    const log: string[] = [];
    const slow = (name: string, ms: number, fail = false) =>
      session.exclusive(async () => {
        log.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}:end`);
        if (fail) throw new Error(name);
        return name;
      });
    const a = slow("ribbon", 20, true);
    const b = slow("pane", 1);
    await expect(a).rejects.toThrow("ribbon");
    await expect(b).resolves.toBe("pane");
    expect(log).toEqual(["ribbon:start", "ribbon:end", "pane:start", "pane:end"]);
  });

  it("verifica reports a sheet the host read only in part (the grid's clipped range) as CELLE_FUORI_AREA", async () => {
    const { backend, session } = await setup();
    backend.grid.sheets.find((s) => s.name === "Ob 2")!.clipped = { r1: 0, c1: 0, r2: 1_048_575, c2: 16_383 };
    const { report } = await session.verifica(S);
    const d = report.segnalazioni.filter((x) => x.codice === "CELLE_FUORI_AREA");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ foglio: "Ob 2", cella: "XFD1048576", gravita: "info" });
    expect(d[0]!.messaggio).toContain("A1:XFD1048576");
  });
});
