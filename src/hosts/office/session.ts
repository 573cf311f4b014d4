/**
 * The Office.js backend of the app session (src/app/backend.ts): read the open workbook, apply a
 * plan and undo it, select a cell, the document's settings. Everything else (plans, undo stack,
 * highlights, consolidation) is the app's Session. One session per runtime; with the shared
 * runtime the ribbon commands and the pane use the same one.
 *
 * Sync budget (docs/OFFICE-HOST.md): Verifica = 2 syncs (read); a write = 2 (read) + 1 (apply).
 */
import { STORE_KEYS, type Backend, type DocumentStore, type Lettura, type Ripristinato, type Scritto } from "../../app/backend";
import { Session, type Engine } from "../../app/session";
import { PegError } from "../../domain/errors";
import type { WorkbookGrid } from "../../sheets/grid";
import type { SheetSpec } from "../../sheets/sheet-spec";
import type { WritePlan } from "../../sheets/write-plan";
import { comandi, officeHost } from "../../strings/it";
import { rectOf } from "./address";
import { applyPlan, undo, type UndoRecord } from "./apply";
import { type Capabilities, officeCapabilities } from "./capabilities";
import { officeDocumentStore } from "./document-store";
import { officeErrorCode, toPegError } from "./errors";
import type { WorkbookRead } from "./read";
import { sharedState, type SharedState } from "./shared-state";

/** Excel.run, or the fake's run in tests. */
export type ExcelRunner = <T>(cb: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

type OfficeEngine = typeof import("./engine");

export interface SessionDeps {
  run: ExcelRunner;
  capabilities: Capabilities;
  store: DocumentStore;
  /** The requests channel from the ribbon to the pane. */
  state: SharedState;
  /** File name shown in reports (the workbook's name). */
  workbookName: () => string;
  /** The engine, loaded lazily so the pane's first download stays small. */
  engine: () => Promise<OfficeEngine>;
  today?: () => Date;
}

/** What a read leaves for the write planned on it. */
interface Contesto {
  names: string[];
  protetti: string[];
}

/** The Backend over Office.js. */
export function officeBackend(d: Omit<SessionDeps, "state" | "today">): Backend<UndoRecord> {
  const read = async (withSelection: boolean): Promise<WorkbookRead> => {
    // Excel on the web: fills only where the engine's recogniser finds marks, and the highlights.
    const markAreas = d.capabilities.web ? (await d.engine()).markAreas : undefined;
    const hl = d.store.get(STORE_KEYS.evidenziazioni);
    const fillCells = Array.isArray(hl)
      ? (hl as Array<{ foglio: string; cella: string }>).filter((h) => typeof h?.foglio === "string" && typeof h?.cella === "string")
      : [];
    // The reader (and the grid it fills) loads with the first read: the pane starts without it.
    const { readWorkbook } = await import("./read");
    return d.run((ctx) => readWorkbook(ctx, { capabilities: d.capabilities, withSelection, markAreas, fillCells }));
  };
  const scritto = (record: UndoRecord, celle: number): Scritto<UndoRecord> => ({
    token: record,
    celle,
    nuoviFogli: record.createdSheets,
    prima: record.cells.map((c) => c.previous),
    syncs: record.syncs,
  });
  return {
    kind: "office",
    workbookName: () => d.workbookName(),
    documentId: () => "office",
    async read({ selezione }): Promise<Lettura> {
      const r = await read(selezione);
      if (selezione && !r.selezione) throw new PegError(comandi.selezioneNonLetta);
      // Sheets read only up to the bound carry their whole used range: verifica reports the cut.
      for (const s of r.sheets) {
        const g = s.tagliato ? r.grid.sheets.find((x) => x.name === s.name) : undefined;
        if (g && !g.clipped) g.clipped = rectOf(s.usedAddress);
      }
      const contesto: Contesto = { names: r.sheets.map((s) => s.name), protetti: r.sheets.filter((s) => s.protetto).map((s) => s.name) };
      return { grid: r.grid, selezione: r.selezione ?? null, contesto };
    },
    async apply(plan: WritePlan, lettura: Lettura) {
      const c = lettura.contesto as Contesto;
      const record = await d.run((ctx) =>
        applyPlan(ctx, plan, { capabilities: d.capabilities, existingSheetNames: c.names, protectedSheets: c.protetti }),
      );
      return scritto(record, plan.writes.length);
    },
    async undo(record): Promise<Ripristinato> {
      const r = await d.run((ctx) => undo(ctx, record));
      return { celle: r.celle, nonRipristinate: r.nonRipristinate, syncs: r.syncs };
    },
    async writeSheets(specs: SheetSpec[]) {
      // 1 sync to list the names + 1 to write.
      const record = await d.run((ctx) => applyPlan(ctx, { writes: [], newSheets: specs }, { capabilities: d.capabilities }));
      return scritto(record, 0);
    },
    async goTo(foglio, cella) {
      // Select a cell (and show its sheet) in one sync.
      try {
        await d.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(foglio);
          ws.activate();
          ws.getRange(cella).select();
          await ctx.sync();
        });
      } catch (e) {
        if (officeErrorCode(e) === "ItemNotFound") throw new PegError(officeHost.foglioMancante(foglio));
        throw toPegError(e);
      }
    },
    async readFile(file: File): Promise<WorkbookGrid> {
      // Files picked from disk are read in the pane (ExcelJS chunk), never uploaded.
      const e = await d.engine();
      return (await e.loadWorkbookGrid(new Uint8Array(await file.arrayBuffer()), { fileName: file.name })).grid;
    },
    store: () => d.store,
  };
}

/** The app session inside Excel, with the ribbon → pane requests channel beside it. */
export class OfficeSession extends Session<UndoRecord> {
  readonly state: SharedState;

  constructor(deps: SessionDeps) {
    super({ backend: officeBackend(deps), engine: deps.engine as () => Promise<Engine>, today: deps.today });
    this.state = deps.state;
  }

  override workbookName(): string {
    return super.workbookName() ?? "";
  }
}

/**
 * The workbook's file name from Office.context.document.url, or a generic Italian name. The URL
 * may be a path with a bare "%" (a local "PEG 100% obiettivi.xlsx"): never throws.
 */
export function officeWorkbookName(): string {
  const url = (globalThis as { Office?: { context?: { document?: { url?: string } } } }).Office?.context?.document?.url ?? "";
  const last = (url.split(/[\\/]/).pop() ?? "").replace(/[?#].*$/, "");
  let base = last;
  try {
    base = decodeURIComponent(last);
  } catch {
    // Not percent-encoded: the name as it is.
  }
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
