/**
 * A Backend over an in-memory grid, for the session's tests: it keeps the undo contract of
 * src/app/backend.ts (restore only cells that still hold what was written, list the others,
 * created sheets by id) and lets a test "type" in a cell as the user would.
 */
import type { Backend, DocumentStore, Lettura, Ripristinato, Scritto } from "../../src/app/backend";
import { SheetGrid, parseA1, type CellScalar, type WorkbookGrid } from "../../src/sheets/grid";
import type { CellWrite, WritePlan } from "../../src/sheets/write-plan";
import { freeSheetName } from "../../src/sheets/write-plan";

export interface FakeToken {
  n: number;
  writes: CellWrite[];
  sheetIds: number[];
}

export interface FakeBackend extends Backend<FakeToken> {
  grid: WorkbookGrid;
  /** The user types a value in a cell. */
  type(foglio: string, cella: string, v: CellScalar): void;
  value(foglio: string, cella: string): CellScalar | undefined;
  fill(foglio: string, cella: string): string | null;
  selection: { foglio: string; range: string } | null;
  saved: Map<string, unknown>;
  log: string[];
  /** Switch the "current document" (the browser has several open files). */
  doc: string;
}

const same = (a: CellScalar | undefined, b: CellScalar | undefined) =>
  (a ?? null) === (b ?? null) || (a === "" && b == null) || (b === "" && a == null);

export function fakeBackend(grid: WorkbookGrid): FakeBackend {
  const ids = new WeakMap<SheetGrid, number>();
  let nextId = 1;
  for (const s of grid.sheets) ids.set(s, nextId++);
  const live = new Map<string, unknown>();
  let writes = 0;
  const sheet = (name: string) => grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const at = (foglio: string, cella: string) => {
    const s = sheet(foglio);
    if (!s) throw new Error(`no sheet ${foglio}`);
    const { r, c } = parseA1(cella);
    return { s, r, c, cell: s.get(r, c) };
  };
  const store: DocumentStore = {
    get: (k) => (live.has(k) ? structuredClone(live.get(k)) : null),
    set: (k, v) => void live.set(k, structuredClone(v)),
    remove: (k) => void live.delete(k),
    save: async () => {
      b.saved.clear();
      for (const [k, v] of live) b.saved.set(k, v);
    },
  };
  const b: FakeBackend = {
    kind: "web",
    grid,
    selection: null,
    saved: new Map(),
    log: [],
    doc: "A",
    workbookName: () => "fake.xlsx",
    documentId: () => b.doc,
    async read({ selezione }): Promise<Lettura> {
      b.log.push("read");
      return { grid, selezione: selezione ? b.selection : null, contesto: null };
    },
    async apply(plan: WritePlan): Promise<Scritto<FakeToken>> {
      const n = ++writes;
      b.log.push(`apply#${n}`);
      const prima = plan.writes.map((w) => {
        const { s, r, c, cell } = at(w.foglio, w.cella);
        const before = { value: cell?.v ?? null, fmt: cell?.fmt, fill: cell?.fill ?? null };
        s.set(r, c, {
          v: w.value !== undefined ? w.value : (cell?.v ?? null),
          fmt: w.fmt ?? cell?.fmt,
          fill: w.fill !== undefined ? w.fill : (cell?.fill ?? null),
        });
        return before;
      });
      const sheetIds: number[] = [];
      const nuoviFogli: string[] = [];
      for (const spec of plan.newSheets) {
        const name = freeSheetName(
          spec.name,
          grid.sheets.map((s) => s.name),
        );
        const g = new SheetGrid(name);
        ids.set(g, nextId);
        sheetIds.push(nextId++);
        grid.sheets.push(g);
        nuoviFogli.push(name);
      }
      return { token: { n, writes: plan.writes, sheetIds }, celle: plan.writes.length, nuoviFogli, prima, syncs: 0 };
    },
    async undo(t): Promise<Ripristinato> {
      b.log.push(`undo#${t.n}`);
      const nonRipristinate: string[] = [];
      let celle = 0;
      for (const w of [...t.writes].reverse()) {
        const { s, r, c, cell } = at(w.foglio, w.cella);
        const still = (w.value === undefined || same(cell?.v, w.value)) && (w.fill === undefined || (cell?.fill ?? null) === w.fill);
        if (!still) {
          nonRipristinate.unshift(`${w.foglio}!${w.cella}`);
          continue;
        }
        s.set(r, c, { v: w.previous.value, fmt: w.previous.fmt, fill: w.previous.fill });
        celle++;
      }
      // By id: a sheet the user renamed, or another that took the name, is told apart.
      grid.sheets = grid.sheets.filter((s) => !t.sheetIds.includes(ids.get(s)!));
      return { celle, nonRipristinate, syncs: 0 };
    },
    async writeSheets(specs) {
      return b.apply({ writes: [], newSheets: specs }, { grid, selezione: null, contesto: null });
    },
    async goTo(foglio, cella) {
      b.log.push(`goTo ${foglio}!${cella}`);
    },
    async readFile() {
      throw new Error("not used");
    },
    store: () => store,
    type(foglio, cella, v) {
      const { s, r, c, cell } = at(foglio, cella);
      s.set(r, c, { ...cell, v });
    },
    value: (foglio, cella) => at(foglio, cella).cell?.v,
    fill: (foglio, cella) => at(foglio, cella).cell?.fill ?? null,
  };
  return b;
}
