/**
 * The browser preview's host. Workbooks are files the user opened from disk (or the sample
 * served by the same build); they are read and written in memory with the xlsx host and never
 * uploaded. A write produces a new in-memory copy that the user can download; the file on disk
 * is never touched. Operations run in the app session over the backend below; this module is
 * also a tiny store the preview page subscribes to (open files, shown sheet, the cell gone to,
 * the grid selection).
 */
import type { Backend, DocumentStore, Lettura, Ripristinato, Scritto } from "../../app/backend";
import { STORE_KEYS } from "../../app/backend";
import { userMessage } from "../../app/errors";
import type { PaneHost, WorkbookChange } from "../../app/pane-host";
import { sessionPaneHost } from "../../app/session-host";
import { Session, type Engine } from "../../app/session";
import { PegError } from "../../domain/errors";
import type { Report } from "../../domain/model";
import { parseA1, parseRange, rangeA1, type Cell, type CellScalar, type MergeRange, type WorkbookGrid } from "../../sheets/grid";
import type { CellSnapshot, CellWrite, WritePlan } from "../../sheets/write-plan";
import { preview } from "../../strings/it";
import { downloadBytes } from "./download";

const SETTINGS_KEY = "monitoraggio-peg.impostazioni";

type BrowserEngine = typeof import("./engine");
let enginePromise: Promise<BrowserEngine> | null = null;
export function engine(): Promise<BrowserEngine> {
  enginePromise ??= import("./engine");
  return enginePromise;
}

export interface WebFile {
  id: number;
  name: string;
  bytes: Uint8Array;
  grid: WorkbookGrid;
  /** True once a write was applied to the in-memory copy. */
  modified: boolean;
  /** True when this copy (with its writes) was downloaded. */
  downloaded: boolean;
}

export interface WebState {
  files: WebFile[];
  /** Index into files, or -1. */
  current: number;
  /** Sheet shown in the grid. */
  sheet: string | null;
  /** Cell the user went to from a segnalazione. */
  focus: { foglio: string; r: number; c: number } | null;
  selection: { foglio: string; range: MergeRange } | null;
  /** Report of the current file (for the grid's highlights). */
  report: Report | null;
  /** File being opened, for the progress line. */
  loading: string | null;
  /** Italian messages about files that could not be opened. */
  errors: string[];
}

/** One write to an open file, enough to undo it without losing a later one. */
export interface WebUndo {
  fileId: number;
  /** The file just before the write. */
  before: { bytes: Uint8Array; grid: WorkbookGrid; modified: boolean; downloaded: boolean };
  /** The bytes the write produced: still current means nothing happened since. */
  after: Uint8Array;
  writes: CellWrite[];
  createdSheets: string[];
}

export interface WebPaneHost extends PaneHost {
  readonly session: Session<WebUndo>;
  getState(): WebState;
  subscribe(cb: () => void): () => void;
  open(files: File[]): Promise<void>;
  openBytes(name: string, bytes: Uint8Array): Promise<void>;
  openUrl(url: string, name: string): Promise<void>;
  selectFile(index: number): void;
  selectSheet(name: string): void;
  setSelection(range: MergeRange | null): void;
  dismissErrors(): void;
  /** True when an open file has writes that were not downloaded (closing the tab loses them). */
  hasUndownloaded(): boolean;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

const norm = (v: CellScalar | undefined): unknown => (v instanceof Date ? v.getTime() : v === "" || v === undefined ? null : v);
const normFill = (f: string | null | undefined): string | null => (f ? f.toUpperCase() : null);

/** Does the cell still hold what the write put there? (Value and fill: what a person sees.) */
export function stillWritten(cell: Cell | undefined, w: CellWrite): boolean {
  if (w.value !== undefined && norm(cell?.formula !== undefined ? undefined : cell?.v) !== norm(w.value)) return false;
  if (w.fill !== undefined && normFill(cell?.fill) !== normFill(w.fill)) return false;
  return true;
}

/** A write that puts `previous` back; the cell's current state becomes its own `previous`. */
function restoreWrite(w: CellWrite, now: Cell | undefined): CellWrite {
  const p = w.previous;
  const current: CellSnapshot = { value: now?.v ?? null, fmt: now?.fmt, fill: now?.fill ?? null };
  return {
    foglio: w.foglio,
    cella: w.cella,
    kind: w.kind,
    value: p.value,
    fmt: p.fmt ?? "General",
    fill: p.fill,
    previous: current,
    conflict: false,
  };
}

export function createWebPaneHost(opts: { storage?: Storage | null } = {}): WebPaneHost {
  const storage = opts.storage === undefined ? (typeof localStorage !== "undefined" ? localStorage : null) : opts.storage;
  let state: WebState = { files: [], current: -1, sheet: null, focus: null, selection: null, report: null, loading: null, errors: [] };
  const listeners = new Set<() => void>();
  const changeListeners = new Set<(c: WorkbookChange) => void>();
  /** What each open file keeps "in the document" (the highlights applied), by file id. */
  const fileStores = new Map<number, Map<string, unknown>>();
  let nextId = 1;

  function set(patch: Partial<WebState>) {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  }
  const currentFile = (): WebFile | null => state.files[state.current] ?? null;
  function requireFile(): WebFile {
    const f = currentFile();
    if (!f) throw new PegError(preview.nessunaCartella);
    return f;
  }
  const fileById = (id: number): WebFile | undefined => state.files.find((x) => x.id === id);
  function firstSheet(grid: WorkbookGrid): string | null {
    return (grid.sheets.find((s) => s.visibility === "visible") ?? grid.sheets[0])?.name ?? null;
  }
  function replaceFile(f: WebFile) {
    const files = state.files.map((x) => (x.id === f.id ? f : x));
    const sheet = f.grid.sheets.some((s) => s.name === state.sheet) ? state.sheet : firstSheet(f.grid);
    set({ files, sheet });
  }

  /** Settings live in the browser (localStorage); the rest with the current file, in memory. */
  function store(): DocumentStore {
    const f = currentFile();
    const mem = f ? (fileStores.get(f.id) ?? fileStores.set(f.id, new Map()).get(f.id)!) : new Map<string, unknown>();
    return {
      get(key) {
        if (key !== STORE_KEYS.impostazioni) return mem.has(key) ? structuredClone(mem.get(key)) : null;
        try {
          const raw = storage?.getItem(SETTINGS_KEY);
          return raw ? (JSON.parse(raw) as unknown) : null;
        } catch {
          return null;
        }
      },
      set(key, value) {
        if (key === STORE_KEYS.impostazioni) storage?.setItem(SETTINGS_KEY, JSON.stringify(value));
        else mem.set(key, structuredClone(value));
      },
      remove(key) {
        if (key === STORE_KEYS.impostazioni) storage?.removeItem(SETTINGS_KEY);
        else mem.delete(key);
      },
      save: async () => undefined,
    };
  }

  async function writeCopy(f: WebFile, plan: WritePlan): Promise<{ bytes: Uint8Array; grid: WorkbookGrid }> {
    const e = await engine();
    const bytes = await e.applyPlanToCopy(f.bytes, plan, { fileName: f.name });
    const { grid } = await e.loadWorkbookGrid(bytes, { fileName: f.name });
    return { bytes, grid };
  }

  const backend: Backend<WebUndo> = {
    kind: "web",
    workbookName: () => currentFile()?.name ?? null,
    documentId: () => {
      const f = currentFile();
      return f ? String(f.id) : null;
    },
    async read({ selezione }): Promise<Lettura> {
      const f = requireFile();
      const sel = selezione ? state.selection : null;
      return { grid: f.grid, selezione: sel ? { foglio: sel.foglio, range: rangeA1(sel.range) } : null, contesto: f.id };
    },
    async apply(plan, lettura): Promise<Scritto<WebUndo>> {
      const f = fileById(lettura.contesto as number);
      if (!f) throw new PegError(preview.nessunaCartella);
      const e = await engine();
      const { bytes, grid } = await writeCopy(f, plan);
      const createdSheets = e.newSheetNames(
        plan,
        f.grid.sheets.map((s) => s.name),
      );
      replaceFile({ ...f, bytes, grid, modified: true, downloaded: false });
      const token: WebUndo = {
        fileId: f.id,
        before: { bytes: f.bytes, grid: f.grid, modified: f.modified, downloaded: f.downloaded },
        after: bytes,
        writes: plan.writes,
        createdSheets,
      };
      return { token, celle: plan.writes.length, nuoviFogli: createdSheets, prima: plan.writes.map((w) => w.previous), syncs: 0 };
    },
    /**
     * Cells that no longer hold what the write put there (a later write of ours) are left as
     * they are. When nothing changed since, the copy before the write comes back byte for byte.
     */
    async undo(u): Promise<Ripristinato> {
      const f = fileById(u.fileId);
      if (!f) throw new PegError(preview.nessunaCartella);
      const sheet = (name: string) => f.grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      const changed = u.writes.filter((w) => !stillWritten(sheet(w.foglio)?.get(parseA1(w.cella).r, parseA1(w.cella).c), w));
      if (changed.length === 0 && f.bytes === u.after) {
        replaceFile({ ...f, ...u.before });
        return { celle: u.writes.length, nonRipristinate: [], syncs: 0 };
      }
      // Something happened since: put back, cell by cell, only what is still ours.
      const left = new Set(changed);
      const nonRipristinate = changed.map((w) => `${w.foglio}!${w.cella}`);
      const restore = [...u.writes]
        .reverse()
        .filter((w) => !left.has(w))
        .filter((w) => {
          // A formula cannot come back through a value write: say so rather than lose it.
          if (w.previous.formula === undefined) return true;
          nonRipristinate.push(`${w.foglio}!${w.cella}`);
          return false;
        })
        .map((w) => restoreWrite(w, sheet(w.foglio)?.get(parseA1(w.cella).r, parseA1(w.cella).c)));
      if (restore.length > 0) {
        const { bytes, grid } = await writeCopy(f, { writes: restore, newSheets: [] });
        replaceFile({ ...f, bytes, grid, downloaded: false });
      }
      return { celle: restore.length, nonRipristinate, syncs: 0 };
    },
    async writeSheets(specs) {
      const e = await engine();
      downloadBytes(await e.workbookFromSpecs(specs), preview.riepilogoNome);
      return null;
    },
    async goTo(foglio, cella) {
      const f = requireFile();
      if (!f.grid.sheets.some((s) => s.name === foglio)) return;
      let p: { r: number; c: number };
      try {
        p = parseA1(cella.split(":")[0]!);
      } catch {
        return;
      }
      set({ sheet: foglio, focus: { foglio, ...p }, selection: { foglio, range: parseRange(cella) } });
    },
    async readFile(file) {
      const e = await engine();
      return (await e.loadWorkbookGrid(new Uint8Array(await file.arrayBuffer()), { fileName: file.name })).grid;
    },
    store,
    // Let the pane paint the progress between files.
    pause: tick,
    openWorkbooks() {
      if (state.files.length === 0) throw new PegError(preview.nessunaCartella);
      return state.files.map((f) => ({ name: f.name, grid: async () => f.grid }));
    },
  };

  const session = new Session<WebUndo>({ backend, engine: engine as () => Promise<Engine> });

  async function openBytes(name: string, bytes: Uint8Array): Promise<void> {
    set({ loading: name });
    try {
      const e = await engine();
      const { grid } = await e.loadWorkbookGrid(bytes, { fileName: name });
      const file: WebFile = { id: nextId++, name, bytes, grid, modified: false, downloaded: false };
      set({
        files: [...state.files, file],
        current: state.files.length,
        sheet: firstSheet(grid),
        focus: null,
        selection: null,
        report: null,
      });
      for (const l of changeListeners) l("open");
    } catch (err) {
      set({ errors: [...state.errors, preview.nonAperto(name, userMessage(err))] });
    } finally {
      set({ loading: null });
    }
  }

  const base = sessionPaneHost(session);
  function shown<T extends { report: Report }>(f: WebFile, r: T): T {
    if (currentFile()?.id === f.id) set({ report: r.report });
    return r;
  }
  const host: WebPaneHost = {
    ...base,
    session,
    getState: () => state,
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async open(files) {
      set({ errors: [] });
      for (const f of files) await openBytes(f.name, new Uint8Array(await f.arrayBuffer()));
    },
    openBytes,
    async openUrl(url, name) {
      set({ errors: [], loading: name });
      let bytes: Uint8Array;
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(String(res.status));
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch {
        set({ loading: null, errors: [preview.esempioNonDisponibile] });
        return;
      }
      await openBytes(name, bytes);
    },
    selectFile(index) {
      const f = state.files[index];
      if (!f || index === state.current) return;
      set({ current: index, sheet: firstSheet(f.grid), focus: null, selection: null, report: null });
      for (const l of changeListeners) l("open");
    },
    selectSheet(name) {
      set({ sheet: name, selection: null });
    },
    setSelection(range) {
      set({ selection: range && state.sheet ? { foglio: state.sheet, range } : null });
    },
    dismissErrors() {
      set({ errors: [] });
    },
    async verifica(settings) {
      const f = requireFile();
      const report = await base.verifica(settings);
      if (currentFile()?.id === f.id) set({ report });
      return report;
    },
    // Profilo di layout (issue 8): the grid's marks follow the report read with the profile.
    async layout(settings) {
      return shown(requireFile(), await session.layout(settings));
    },
    async insegna(ruolo, settings) {
      return shown(requireFile(), await session.insegna(ruolo, settings));
    },
    async salvaProfilo(p, settings) {
      return shown(requireFile(), await session.salvaProfilo(p, settings));
    },
    async importaProfilo(testo, nome, settings) {
      return shown(requireFile(), await session.importaProfilo(testo, nome, settings));
    },
    onWorkbookChanged(cb) {
      changeListeners.add(cb);
      return () => changeListeners.delete(cb);
    },
    async downloadCopy() {
      const f = requireFile();
      downloadBytes(f.bytes, preview.copiaNome(f.name));
      replaceFile({ ...f, downloaded: true });
    },
    isModified: () => currentFile()?.modified ?? false,
    hasUndownloaded: () => state.files.some((f) => f.modified && !f.downloaded),
  };
  return host;
}
