/**
 * The port between the front ends (task pane, ribbon) and where the workbook lives. The same React pane runs inside
 * Excel (Office.js host) and in the browser preview (xlsx host over files opened from disk):
 * each provides a PaneHost. The pane never touches a workbook itself.
 *
 * Every method that can fail for a reason the user can fix throws a PegError whose message is
 * Italian and says what to do; anything else is shown with the generic message.
 */
import type { Report } from "../domain/model";
import type { Settings } from "../domain/settings";
import type { CellScalar } from "../sheets/grid";
import type { SheetSpec } from "../sheets/sheet-spec";
import type { RuoloInsegnabile } from "../sheets/vocabulary/insegna";
import type { Profilo } from "../sheets/vocabulary/profilo";
import type { FoglioLayout } from "./profilo";

export type { FoglioLayout, Profilo, RuoloInsegnabile };

/** The workbook as the reader sees it with the document's profilo di layout (issue 8). */
export interface StatoLayout {
  report: Report;
  fogli: FoglioLayout[];
  profilo: Profilo | null;
}

/** What teaching one cell did: the message, and the workbook read again with the new profile. */
export interface EsitoInsegna extends StatoLayout {
  messaggio: string;
}

/** A write the user can ask for. Each one is planned first, then applied (after confirmation). */
export type Operazione =
  | { tipo: "esiti" }
  | { tipo: "evidenziazioni" }
  | { tipo: "pulisciEvidenziazioni" }
  | { tipo: "segno"; segno: "previsto" | "effettivo" | "togli" }
  | { tipo: "nuovaScheda" };

/** A cell that holds a user value which the write would replace (spec §6). */
export interface Conflitto {
  foglio: string;
  cella: string;
  attuale: CellScalar;
  nuovo: CellScalar | undefined;
}

/** A planned write, not yet applied. */
export interface Preparazione {
  operazione: Operazione;
  /** Cells the write touches (conflicting ones included). */
  celle: number;
  conflitti: Conflitto[];
  /** Names of the sheets it would add. */
  nuoviFogli: string[];
  /** Host-private payload (the write plan). */
  readonly dati: unknown;
}

export interface RisultatoScrittura {
  /** Cells written. */
  celle: number;
  /** Sheets added, with the names they actually got. */
  nuoviFogli: string[];
}

/** What an undo did. */
export interface RisultatoAnnullamento {
  /** Cells restored. */
  celle: number;
  /**
   * "Foglio!A1" of the cells left alone because they no longer hold what the write put there
   * (the user typed in them afterwards): their current value is kept.
   */
  nonRipristinate: string[];
}

/** The user's answer to "these cells hold values: overwrite them?". */
export type Scelta = "sovrascrivi" | "soloLibere" | "annulla";

export interface Avanzamento {
  /** File being worked on, when the work is per file. */
  file?: string;
  fatto: number;
  totale: number;
}
export type OnProgress = (a: Avanzamento) => void;

/** "questa" = the open workbook (Office) or the files already opened (browser). */
export type FonteConsolidamento = { tipo: "questa" } | { tipo: "file"; files: File[] };

export interface FileConsolidamento {
  file: string;
  stato: "attesa" | "letto" | "errore";
  /** Why the file could not be used (Italian). */
  motivo?: string;
  schede?: number;
}

export interface AnteprimaConsolidamento {
  files: FileConsolidamento[];
  /** The sheets that would be written, as neutral specs: the pane previews them as tables. */
  fogli: SheetSpec[];
  readonly dati: unknown;
}

export type WorkbookChange = "edit" | "open";

export type PaneView = "risultati" | "consolida" | "impostazioni" | "layout";
export interface PaneRequest {
  view: PaneView;
  verifica?: boolean;
  /**
   * A write a ribbon command planned that overwrites user values: the pane asks to confirm it
   * and gives the answer to `rispondi`; the command's own flow (runOperation) then goes on.
   */
  conferma?: Preparazione;
  rispondi?: (s: Scelta) => void;
  /** What a ribbon command did, or why it could not (Italian). */
  messaggio?: { intent: "success" | "error" | "info" | "warning"; text: string };
}

export interface PaneHost {
  readonly kind: "office" | "web";
  /** Name of the workbook being worked on, or null when none is open (browser before opening). */
  workbookName(): string | null;
  /** Check the workbook (spec §5) and return the report (spec §7). */
  verifica(settings: Settings, onProgress?: OnProgress): Promise<Report>;
  /** Plan a write; nothing changes yet. Throws PegError when it cannot be done (e.g. selection). */
  prepare(op: Operazione, settings: Settings): Promise<Preparazione>;
  /** Apply a planned write; without `sovrascrivi` the conflicting cells are left as they are. */
  apply(p: Preparazione, opts: { sovrascrivi: boolean }): Promise<RisultatoScrittura>;
  canUndo(): boolean;
  /** Restore what the last write changed, except cells changed since (listed in the result). */
  undo(): Promise<RisultatoAnnullamento>;
  /** Select (Excel) or scroll to and outline (browser) a cell. */
  goTo(foglio: string, cella: string): Promise<void>;
  consolidate(fonte: FonteConsolidamento, settings: Settings, onFile?: (f: FileConsolidamento) => void): Promise<AnteprimaConsolidamento>;
  /** Office: add the sheets to the open workbook; browser: download the riepilogo. */
  writeConsolidation(a: AnteprimaConsolidamento): Promise<RisultatoScrittura>;
  /** Issue 11: the preview compared with an earlier riepilogo picked from disk (adds Variazioni). */
  confronta?(a: AnteprimaConsolidamento, precedente: File): Promise<AnteprimaConsolidamento>;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  /** Notified after the user edits the workbook ("edit") or another one is opened ("open"). */
  onWorkbookChanged?(cb: (change: WorkbookChange) => void): () => void;
  /** The host's theme, when it has one (Office theme). */
  theme?(): "light" | "dark" | null;
  onThemeChanged?(cb: () => void): () => void;
  /**
   * Requests from outside the pane (ribbon commands in the shared runtime): show a view and,
   * for the ribbon's Verifica, check the workbook now.
   */
  onRequest?(cb: (r: PaneRequest) => void): () => void;
  /** Browser only: download the workbook with the writes applied. */
  downloadCopy?(): Promise<void>;
  /** Profilo di layout (issue 8): every sheet as read with the document's profile. */
  layout?(settings: Settings): Promise<StatoLayout>;
  /** Teach the selected cell (Excel's selection, or the preview grid's) as `ruolo`; saves the profile. */
  insegna?(ruolo: RuoloInsegnabile, settings: Settings): Promise<EsitoInsegna>;
  /** Replace (or, with null, remove) the document's profile and read again. */
  salvaProfilo?(p: Profilo | null, settings: Settings): Promise<StatoLayout>;
  /** Import a profile file's text (another settore's export); a bad file is a PegError. */
  importaProfilo?(testo: string, nomeFile: string, settings: Settings): Promise<StatoLayout>;
  /** Browser only: true once a write was applied (there is something to download). */
  isModified?(): boolean;
}
