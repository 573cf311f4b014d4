/**
 * The Office operations that the ribbon commands and the task pane share: read + check, plan,
 * write (with undo), select a cell, consolidate, settings. One instance per runtime; with the
 * shared runtime the commands and the pane use the same one, so undo and highlights are shared.
 *
 * Sync budget (docs/OFFICE-HOST.md): Verifica = 2 syncs (read); a write = 2 (read) + 1 (apply).
 */
import { segnalazione, sortSegnalazioni } from "../../domain/diagnostics";
import { PegError } from "../../domain/errors";
import type { Report } from "../../domain/model";
import type { Settings } from "../../domain/settings";
import { rangeA1 } from "../../sheets/grid";
import type { HighlightRecord } from "../../sheets/plans";
import type { Analysis } from "../../sheets/verifica";
import { withoutConflicts, type WritePlan } from "../../sheets/write-plan";
import { comandi, officeHost, pane, segnalazioni } from "../../strings/it";
import type {
  AnteprimaConsolidamento,
  FileConsolidamento,
  FonteConsolidamento,
  Operazione,
  Preparazione,
  RisultatoScrittura,
} from "../../ui/pane-host";
import { rectOf } from "./address";
import { applyPlan, undo, type UndoRecord } from "./apply";
import { type Capabilities, officeCapabilities } from "./capabilities";
import { STORE_KEYS, type DocumentStore, officeDocumentStore } from "./document-store";
import { officeErrorCode, toPegError } from "./errors";
import { readWorkbook, type WorkbookRead } from "./read";
import { sharedState, type SharedState } from "./shared-state";

/** Excel.run, or the fake's run in tests. */
export type ExcelRunner = <T>(cb: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

type Engine = typeof import("./engine");

export interface SessionDeps {
  run: ExcelRunner;
  capabilities: Capabilities;
  store: DocumentStore;
  state: SharedState;
  /** File name shown in reports (the workbook's name). */
  workbookName: () => string;
  /** The engine, loaded lazily so the pane's first download stays small. */
  engine: () => Promise<Engine>;
  today?: () => Date;
}

/** What a prepared write carries privately (Preparazione.dati). */
interface Dati {
  plan: WritePlan;
  names: string[];
  protetti: string[];
}

export interface VerificaResult {
  report: Report;
  analysis: Analysis;
  read: WorkbookRead;
}

export interface ApplyResult extends RisultatoScrittura {
  /** Cells left as they were because they held a different user value. */
  saltate: number;
  syncs: number;
}

export class OfficeSession {
  private readonly d: SessionDeps;
  /** Highlights before the last write, restored by undo along with the cells. */
  private highlightsBeforeLast: HighlightRecord[] | null = null;

  constructor(deps: SessionDeps) {
    this.d = deps;
  }

  get state(): SharedState {
    return this.d.state;
  }

  workbookName(): string {
    return this.d.workbookName();
  }

  async loadSettings(): Promise<Settings> {
    // Through the lazy engine chunk: zod stays out of the pane's first download (≤ 200 KB).
    const e = await this.d.engine();
    return e.loadSettings(this.d.store.get(STORE_KEYS.impostazioni));
  }

  async saveSettings(s: Settings): Promise<void> {
    this.d.store.set(STORE_KEYS.impostazioni, s);
    await this.d.store.save();
  }

  /** The highlights the add-in applied and has not removed yet (saved in the document). */
  highlights(): HighlightRecord[] {
    const raw = this.d.store.get(STORE_KEYS.evidenziazioni);
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is HighlightRecord =>
        typeof r === "object" && r !== null && typeof r.foglio === "string" && typeof r.cella === "string" && typeof r.applied === "string",
    );
  }

  private async saveHighlights(list: HighlightRecord[]): Promise<void> {
    this.d.store.set(STORE_KEYS.evidenziazioni, list);
    await this.d.store.save();
  }

  /** Read the workbook (2 syncs) and, when asked, the selection in the same first sync. */
  private async read(withSelection = false): Promise<WorkbookRead> {
    return this.d.run((ctx) => readWorkbook(ctx, { capabilities: this.d.capabilities, withSelection }));
  }

  /** Read and check the whole workbook. */
  async verifica(settings: Settings): Promise<VerificaResult> {
    const e = await this.d.engine();
    const read = await this.read();
    const analysis = e.verifica(read.grid, { file: this.workbookName(), settings, today: this.d.today?.() });
    const report = analysis.report;
    // Cells beyond the area read are reported like the xlsx host does (CELLE_FUORI_AREA).
    for (const s of read.sheets.filter((x) => x.tagliato)) {
      const used = rectOf(s.usedAddress);
      report.segnalazioni.push(
        segnalazione(
          "CELLE_FUORI_AREA",
          s.name,
          rangeA1({ r1: used.r2, c1: used.c2, r2: used.r2, c2: used.c2 }),
          segnalazioni.CELLE_FUORI_AREA(rangeA1(used)),
        ),
      );
    }
    if (read.sheets.some((x) => x.tagliato))
      report.segnalazioni = sortSegnalazioni(
        report.segnalazioni,
        read.sheets.map((x) => x.name),
      );
    return { report, analysis, read };
  }

  /** Plan an operation on a fresh read; nothing is written. */
  async prepare(op: Operazione, settings: Settings): Promise<Preparazione> {
    const e = await this.d.engine();
    const read = await this.read(op.tipo === "segno");
    if (op.tipo === "segno" && !read.selezione) throw new PegError(comandi.selezioneNonLetta);
    const plan = e.planFor(op, {
      grid: read.grid,
      file: this.workbookName(),
      settings,
      selezione: read.selezione ?? null,
      evidenziazioni: this.highlights(),
    });
    const names = read.sheets.map((s) => s.name);
    const p = e.toPreparazione(op, plan, names);
    const dati: Dati = { plan, names, protetti: read.sheets.filter((s) => s.protetto).map((s) => s.name) };
    return { ...p, dati };
  }

  /** Apply a prepared write (1 sync); without `sovrascrivi` conflicting cells are skipped. */
  async apply(p: Preparazione, opts: { sovrascrivi: boolean }): Promise<ApplyResult> {
    const e = await this.d.engine();
    const dati = p.dati as Dati;
    const plan = opts.sovrascrivi ? dati.plan : withoutConflicts(dati.plan);
    const saltate = dati.plan.writes.length - plan.writes.length;
    if (plan.writes.length === 0 && plan.newSheets.length === 0) return { celle: 0, nuoviFogli: [], saltate, syncs: 0 };
    return this.d.state.exclusive(async () => {
      const record = await this.d.run((ctx) =>
        applyPlan(ctx, plan, { capabilities: this.d.capabilities, existingSheetNames: dati.names, protectedSheets: dati.protetti }),
      );
      this.d.state.lastUndo = record;
      // Highlights: the fill each cell really had just before (from the undo record).
      const applied: WritePlan = {
        ...plan,
        writes: plan.writes.map((w, i) => ({ ...w, previous: record.cells[i]?.previous ?? w.previous })),
      };
      const before = this.highlights();
      const after = e.nextHighlights(before, p.operazione, applied);
      this.highlightsBeforeLast = before;
      if (after !== before)
        // The cells are written (and undoable); only the record for a later "Pulisci" is missing.
        await this.saveHighlights(after).catch(() => {
          throw new PegError(officeHost.evidenziazioniNonRegistrate);
        });
      return { celle: plan.writes.length, nuoviFogli: record.createdSheets, saltate, syncs: record.syncs };
    });
  }

  canUndo(): boolean {
    return this.d.state.lastUndo !== null;
  }

  /** Restore exactly what the last write changed (1 sync), and the highlight list with it. */
  async undo(): Promise<RisultatoScrittura> {
    return this.d.state.exclusive(async () => {
      const record: UndoRecord | null = this.d.state.lastUndo;
      if (!record) throw new PegError(pane.done.nienteDaAnnullare);
      const r = await this.d.run((ctx) => undo(ctx, record));
      this.d.state.lastUndo = null;
      if (this.highlightsBeforeLast) {
        // Not fatal: a stale record is skipped by "Pulisci" (the cell no longer has that fill).
        await this.saveHighlights(this.highlightsBeforeLast).catch(() => undefined);
        this.highlightsBeforeLast = null;
      }
      return { celle: r.celle, nuoviFogli: [] };
    });
  }

  /** Select a cell (and show its sheet) in one sync. */
  async goTo(foglio: string, cella: string): Promise<void> {
    try {
      await this.d.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(foglio);
        ws.activate();
        ws.getRange(cella).select();
        await ctx.sync();
      });
    } catch (e) {
      if (officeErrorCode(e) === "ItemNotFound") throw new PegError(officeHost.foglioMancante(foglio));
      throw toPegError(e);
    }
  }

  /** Consolidate this workbook or files picked from disk (read in the browser, never uploaded). */
  async consolidate(
    fonte: FonteConsolidamento,
    settings: Settings,
    onFile?: (f: FileConsolidamento) => void,
  ): Promise<AnteprimaConsolidamento> {
    const e = await this.d.engine();
    const sources =
      fonte.tipo === "questa"
        ? [{ name: this.workbookName(), grid: async () => (await this.read()).grid }]
        : fonte.files.map((f) => ({
            name: f.name,
            grid: async () => (await e.loadWorkbookGrid(new Uint8Array(await f.arrayBuffer()), { fileName: f.name })).grid,
          }));
    return e.consolidateSources(sources, settings, onFile);
  }

  /** Add the consolidation sheets to the open workbook: 1 sync to list names + 1 to write. */
  async writeConsolidation(a: AnteprimaConsolidamento): Promise<RisultatoScrittura> {
    return this.d.state.exclusive(async () => {
      const record = await this.d.run((ctx) => applyPlan(ctx, { writes: [], newSheets: a.fogli }, { capabilities: this.d.capabilities }));
      this.d.state.lastUndo = record;
      this.highlightsBeforeLast = null;
      return { celle: 0, nuoviFogli: record.createdSheets };
    });
  }
}

/** The workbook's file name from Office.context.document.url, or a generic Italian name. */
export function officeWorkbookName(): string {
  const url = (globalThis as { Office?: { context?: { document?: { url?: string } } } }).Office?.context?.document?.url ?? "";
  const base = decodeURIComponent(url.split(/[\\/]/).pop() ?? "").replace(/[?#].*$/, "");
  return base || "Cartella di lavoro";
}

/** The session of this runtime, wired to the real Office.js. */
let session: OfficeSession | null = null;
export function officeSession(): OfficeSession {
  return (session ??= new OfficeSession({
    run: (cb) => Excel.run(cb),
    capabilities: officeCapabilities(),
    store: officeDocumentStore(),
    state: sharedState(),
    workbookName: officeWorkbookName,
    engine: () => import("./engine"),
  }));
}
