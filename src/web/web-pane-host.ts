/**
 * The PaneHost of the browser preview. Workbooks are files the user opened from disk (or the
 * sample served by the same build); they are read and written in memory with the xlsx host and
 * never uploaded. Writes produce a new in-memory copy that the user can download; the file on
 * disk is never touched. It is also a tiny store the preview page subscribes to (open files,
 * shown sheet, the cell gone to, the grid selection).
 */
import { PegError } from "../domain/errors";
import type { Gravita, Report } from "../domain/model";
import type { Settings } from "../domain/settings";
import { parseA1, parseRange, rangeA1, type MergeRange, type WorkbookGrid } from "../sheets/grid";
import type { WritePlan } from "../sheets/write-plan";
import { withoutConflicts } from "../sheets/write-plan";
import { pane, preview } from "../strings/it";
import { userMessage } from "../ui/errors";
import type {
  AnteprimaConsolidamento,
  FileConsolidamento,
  FonteConsolidamento,
  Operazione,
  PaneHost,
  Preparazione,
  RisultatoScrittura,
  WorkbookChange,
} from "../ui/pane-host";
import { downloadBytes } from "./download";
import type { HighlightRecord } from "../sheets/plans";

const SETTINGS_KEY = "monitoraggio-peg.impostazioni";

type Engine = typeof import("./engine");
let enginePromise: Promise<Engine> | null = null;
export function engine(): Promise<Engine> {
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

interface UndoEntry {
  fileId: number;
  highlights: HighlightRecord[];
  bytes: Uint8Array;
  grid: WorkbookGrid;
  modified: boolean;
  celle: number;
}

export interface WebPaneHost extends PaneHost {
  getState(): WebState;
  subscribe(cb: () => void): () => void;
  open(files: File[]): Promise<void>;
  openBytes(name: string, bytes: Uint8Array): Promise<void>;
  openUrl(url: string, name: string): Promise<void>;
  selectFile(index: number): void;
  selectSheet(name: string): void;
  setSelection(range: MergeRange | null): void;
  dismissErrors(): void;
}

/** "B7" → most serious gravità among the segnalazioni of that sheet. */
export function marksFor(report: Report | null, foglio: string | null): Map<string, Gravita> {
  const order: Record<Gravita, number> = { errore: 0, avviso: 1, info: 2 };
  const m = new Map<string, Gravita>();
  if (!report || !foglio) return m;
  for (const s of report.segnalazioni) {
    if (s.foglio !== foglio || !s.cella) continue;
    const cella = s.cella.split(":")[0]!.toUpperCase();
    const prev = m.get(cella);
    if (!prev || order[s.gravita] < order[prev]) m.set(cella, s.gravita);
  }
  return m;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export function createWebPaneHost(opts: { storage?: Storage | null } = {}): WebPaneHost {
  const storage = opts.storage === undefined ? (typeof localStorage !== "undefined" ? localStorage : null) : opts.storage;
  let state: WebState = { files: [], current: -1, sheet: null, focus: null, selection: null, report: null, loading: null, errors: [] };
  const listeners = new Set<() => void>();
  const changeListeners = new Set<(c: WorkbookChange) => void>();
  let undoEntry: UndoEntry | null = null;
  /** Highlights applied per open file, for "Pulisci evidenziazioni". */
  const highlights = new Map<number, HighlightRecord[]>();
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
  function firstSheet(grid: WorkbookGrid): string | null {
    return (grid.sheets.find((s) => s.visibility === "visible") ?? grid.sheets[0])?.name ?? null;
  }
  function replaceFile(f: WebFile) {
    const files = state.files.map((x) => (x.id === f.id ? f : x));
    const sheet = f.grid.sheets.some((s) => s.name === state.sheet) ? state.sheet : firstSheet(f.grid);
    set({ files, sheet });
  }

  async function openBytes(name: string, bytes: Uint8Array): Promise<void> {
    set({ loading: name });
    try {
      const e = await engine();
      const { grid } = await e.loadWorkbookGrid(bytes, { fileName: name });
      const file: WebFile = { id: nextId++, name, bytes, grid, modified: false };
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

  async function readFile(f: File): Promise<Uint8Array> {
    return new Uint8Array(await f.arrayBuffer());
  }

  const host: WebPaneHost = {
    kind: "web",
    getState: () => state,
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async open(files) {
      set({ errors: [] });
      for (const f of files) await openBytes(f.name, await readFile(f));
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

    workbookName: () => currentFile()?.name ?? null,

    async verifica(settings) {
      const f = requireFile();
      const e = await engine();
      const report = e.analyse(f.grid, f.name, settings).report;
      if (currentFile()?.id === f.id) set({ report });
      return report;
    },

    async prepare(op: Operazione, settings: Settings): Promise<Preparazione> {
      const f = requireFile();
      const e = await engine();
      const sel = state.selection;
      const plan = e.planFor(op, {
        grid: f.grid,
        file: f.name,
        settings,
        selezione: sel ? { foglio: sel.foglio, range: rangeA1(sel.range) } : null,
        evidenziazioni: highlights.get(f.id) ?? [],
      });
      const p = e.toPreparazione(
        op,
        plan,
        f.grid.sheets.map((s) => s.name),
      );
      return { ...p, dati: { plan, fileId: f.id } };
    },

    async apply(p, { sovrascrivi }): Promise<RisultatoScrittura> {
      const { plan: full, fileId } = p.dati as { plan: WritePlan; fileId: number };
      const f = state.files.find((x) => x.id === fileId);
      if (!f) throw new PegError(preview.nessunaCartella);
      const plan = sovrascrivi ? full : withoutConflicts(full);
      if (plan.writes.length === 0 && plan.newSheets.length === 0) return { celle: 0, nuoviFogli: [] };
      const e = await engine();
      const bytes = await e.applyPlanToCopy(f.bytes, plan, { fileName: f.name });
      const { grid } = await e.loadWorkbookGrid(bytes, { fileName: f.name });
      const before = highlights.get(f.id) ?? [];
      undoEntry = { fileId: f.id, highlights: before, bytes: f.bytes, grid: f.grid, modified: f.modified, celle: plan.writes.length };
      highlights.set(f.id, e.nextHighlights(before, p.operazione, plan));
      replaceFile({ ...f, bytes, grid, modified: true });
      return {
        celle: plan.writes.length,
        nuoviFogli: e.newSheetNames(
          plan,
          f.grid.sheets.map((s) => s.name),
        ),
      };
    },

    canUndo: () => undoEntry !== null && state.files.some((f) => f.id === undoEntry!.fileId),

    async undo() {
      const u = undoEntry;
      const f = u && state.files.find((x) => x.id === u.fileId);
      if (!u || !f) throw new PegError(pane.done.nienteDaAnnullare);
      undoEntry = null;
      highlights.set(u.fileId, u.highlights);
      replaceFile({ ...f, bytes: u.bytes, grid: u.grid, modified: u.modified });
      return { celle: u.celle, nuoviFogli: [] };
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
      const range = parseRange(cella);
      set({ sheet: foglio, focus: { foglio, ...p }, selection: { foglio, range } });
    },

    async consolidate(
      fonte: FonteConsolidamento,
      settings: Settings,
      onFile?: (f: FileConsolidamento) => void,
    ): Promise<AnteprimaConsolidamento> {
      const e = await engine();
      if (fonte.tipo === "questa" && state.files.length === 0) throw new PegError(preview.nessunaCartella);
      const sources =
        fonte.tipo === "questa"
          ? state.files.map((f) => ({ name: f.name, grid: async () => f.grid }))
          : fonte.files.map((f) => ({
              name: f.name,
              grid: async () => (await e.loadWorkbookGrid(await readFile(f), { fileName: f.name })).grid,
            }));
      // tick: let the pane paint the progress between files.
      return e.consolidateSources(sources, settings, onFile, tick);
    },

    async writeConsolidation(a) {
      const e = await engine();
      const bytes = await e.workbookFromSpecs(a.fogli);
      downloadBytes(bytes, preview.riepilogoNome);
      return { celle: 0, nuoviFogli: a.fogli.map((f) => f.name) };
    },

    async loadSettings() {
      // Settings (and zod) come with the engine chunk, which the first file needs anyway.
      const e = await engine();
      try {
        const raw = storage?.getItem(SETTINGS_KEY);
        return raw ? e.loadSettings(JSON.parse(raw)) : e.DEFAULT_SETTINGS;
      } catch {
        return e.DEFAULT_SETTINGS;
      }
    },
    async saveSettings(s) {
      storage?.setItem(SETTINGS_KEY, JSON.stringify(s));
    },

    onWorkbookChanged(cb) {
      changeListeners.add(cb);
      return () => changeListeners.delete(cb);
    },

    async downloadCopy() {
      const f = requireFile();
      downloadBytes(f.bytes, preview.copiaNome(f.name));
    },
    isModified: () => currentFile()?.modified ?? false,
  };
  return host;
}
