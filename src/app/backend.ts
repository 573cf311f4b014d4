/**
 * What a host must provide so that the one Session (src/app/session.ts) can run every operation
 * on it: read the workbook into a grid, apply a write plan and hand back an undo token, undo that
 * token, and a small store kept with the document. Office.js (src/hosts/office/) and the browser
 * preview (src/hosts/browser/) implement it; everything else (planning, conflicts, the undo
 * stack, highlight bookkeeping, consolidation) lives once in the session.
 *
 * Contract for undo (issue 10): `undo(token)` restores only the cells that still hold what the
 * write put there; any other cell is left as the user made it and listed in `nonRipristinate`
 * ("Foglio!A1"). Sheets the write created are tracked by the host's own id, never by name.
 */
import type { WorkbookGrid } from "../sheets/grid";
import type { ConsolidationSource } from "./consolidation";
import type { SheetSpec } from "../sheets/sheet-spec";
import type { CellSnapshot, WritePlan } from "../sheets/write-plan";

/** A range the user selected: "C40" or "C40:F41" on one sheet. */
export interface Selezione {
  foglio: string;
  range: string;
}

/** One read of the workbook. */
export interface Lettura {
  grid: WorkbookGrid;
  /** The selection, when asked for; null when there is none or it could not be read. */
  selezione: Selezione | null;
  /** Host-private facts the write needs from this read (sheet names, protection, file id). */
  readonly contesto: unknown;
}

/** What the host did for one write. */
export interface Scritto<Token> {
  /** Whatever the host needs to undo exactly this write (Office: its UndoRecord). */
  token: Token;
  /** Cells written. */
  celle: number;
  /** Names the new sheets actually got, in plan order. */
  nuoviFogli: string[];
  /**
   * What each written cell held just before the write, in plan order (undefined when unknown):
   * the fill a highlight must give back when it is removed.
   */
  prima: Array<CellSnapshot | undefined>;
  /** context.sync() calls (Office), for the budgets in docs/OFFICE-HOST.md; 0 elsewhere. */
  syncs: number;
}

/** What the host did for one undo. */
export interface Ripristinato {
  /** Cells restored. */
  celle: number;
  /** "Foglio!A1" of cells changed after the write: left alone (see the contract above). */
  nonRipristinate: string[];
  syncs: number;
}

/** Values kept with the document (Office: document settings; browser: memory and localStorage). */
export interface DocumentStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Persist in the document (the workbook must then be saved by the user as usual). */
  save(): Promise<void>;
}

export const STORE_KEYS = {
  impostazioni: "peg.impostazioni",
  evidenziazioni: "peg.evidenziazioni",
  /** The profilo di layout (issue 8): labels the user taught for this workbook's layout. */
  profilo: "peg.profilo",
} as const;

export interface Backend<Token = unknown> {
  readonly kind: "office" | "web";
  /** Name of the workbook being worked on, or null when none is open. */
  workbookName(): string | null;
  /**
   * The document undo records and highlights belong to: the browser has several open files,
   * Office one. Undo acts on the current document's last write.
   */
  documentId(): string | null;
  read(opts: { selezione: boolean }): Promise<Lettura>;
  /** Apply a plan (conflicts already dropped when the user said so) planned on `lettura`. */
  apply(plan: WritePlan, lettura: Lettura): Promise<Scritto<Token>>;
  undo(token: Token): Promise<Ripristinato>;
  /**
   * Write the consolidation sheets: Office adds them to the open workbook (undoable, so a
   * Scritto); the browser downloads a new workbook (null: nothing to undo).
   */
  writeSheets(specs: SheetSpec[]): Promise<Scritto<Token> | null>;
  /** Select (Excel) or scroll to and outline (browser) a cell. */
  goTo(foglio: string, cella: string): Promise<void>;
  /** The grid of a file picked from disk (read in memory, never uploaded). */
  readFile(file: File): Promise<WorkbookGrid>;
  /** The store of the current document. */
  store(): DocumentStore;
  /** Called before each file of a consolidation (the browser lets the pane paint). */
  pause?(): Promise<void>;
  /** "Consolida questa cartella" over several open workbooks (browser); default: the one read. */
  openWorkbooks?(): ConsolidationSource[];
}
