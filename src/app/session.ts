/**
 * The one implementation of every operation over a Backend (src/app/backend.ts): check, plan,
 * write with undo, highlights bookkeeping, consolidation, settings. Office and the browser
 * preview each give a backend; the pane and the ribbon commands use the same session (one per
 * runtime), so undo and highlights are shared between them.
 *
 * Undo keeps one record per write, newest last, per document: two writes undo in turn, and
 * undo never reaches into another open file. Writes and undos run one at a time.
 */
import { PegError } from "../domain/errors";
import type { Consolidation } from "../domain/consolidation/model";
import type { Report } from "../domain/model";
import type { Settings } from "../domain/settings";
import type { HighlightRecord } from "../sheets/plans";
import type { Analysis } from "../sheets/verifica";
import { withoutConflicts, type WritePlan } from "../sheets/write-plan";
import { officeHost, pane } from "../strings/it";
import { STORE_KEYS, type Backend, type Lettura } from "./backend";
import type { ConsolidationSource, EsitoLettura } from "./consolidation";
import { userMessage } from "./errors";
import type { Profilo } from "../sheets/vocabulary/profilo";
import type { RuoloInsegnabile } from "../sheets/vocabulary/insegna";
import type { Vocabulary } from "../sheets/vocabulary/vocabulary";
import type {
  AnteprimaConsolidamento,
  EsitoInsegna,
  StatoLayout,
  FileConsolidamento,
  FonteConsolidamento,
  Operazione,
  Preparazione,
  RisultatoAnnullamento,
  RisultatoScrittura,
} from "./pane-host";

export type Engine = typeof import("./engine");

/** Undo records kept per session (older ones are dropped first). */
export const UNDO_DEPTH = 20;

export interface SessionDeps<Token> {
  backend: Backend<Token>;
  /** The engine, loaded lazily so the pane's first download stays small. */
  engine: () => Promise<Engine>;
  today?: () => Date;
}

/** What a prepared write carries privately (Preparazione.dati). */
interface Dati {
  plan: WritePlan;
  lettura: Lettura;
}

export interface VerificaResult {
  report: Report;
  analysis: Analysis;
  lettura: Lettura;
}

export interface ApplyResult extends RisultatoScrittura {
  /** Cells left as they were because they held a different user value. */
  saltate: number;
  syncs: number;
}

interface UndoEntry<Token> {
  doc: string | null;
  token: Token;
  /** The highlights list before this write, when the write changed it. */
  highlightsBefore: HighlightRecord[] | null;
}

const FALLBACK_NAME = "Cartella di lavoro";

export class Session<Token = unknown> {
  readonly backend: Backend<Token>;
  private readonly engine: () => Promise<Engine>;
  private readonly today?: () => Date;
  private readonly undos: UndoEntry<Token>[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  constructor(deps: SessionDeps<Token>) {
    this.backend = deps.backend;
    this.engine = deps.engine;
    this.today = deps.today;
  }

  get kind(): "office" | "web" {
    return this.backend.kind;
  }

  workbookName(): string | null {
    return this.backend.workbookName();
  }

  private fileName(): string {
    return this.backend.workbookName() ?? FALLBACK_NAME;
  }

  /** Run `fn` after every write already running: one write at a time (ribbon and pane). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  async loadSettings(): Promise<Settings> {
    // Through the lazy engine chunk: zod stays out of the pane's first download.
    const e = await this.engine();
    return e.loadSettings(this.backend.store().get(STORE_KEYS.impostazioni));
  }

  async saveSettings(s: Settings): Promise<void> {
    const store = this.backend.store();
    store.set(STORE_KEYS.impostazioni, s);
    await store.save();
  }

  /** The highlights the add-in applied and has not removed yet (kept with the document). */
  highlights(): HighlightRecord[] {
    const raw = this.backend.store().get(STORE_KEYS.evidenziazioni);
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is HighlightRecord =>
        typeof r === "object" && r !== null && typeof r.foglio === "string" && typeof r.cella === "string" && typeof r.applied === "string",
    );
  }

  private async saveHighlights(list: HighlightRecord[]): Promise<void> {
    const store = this.backend.store();
    store.set(STORE_KEYS.evidenziazioni, list);
    await store.save();
  }

  /** The vocabulary of the document's profilo di layout (undefined: the built-in one). */
  private vocab(e: Engine): Vocabulary | undefined {
    return e.vocabolarioSalvato(this.backend.store().get(STORE_KEYS.profilo));
  }

  /** Read and check the whole workbook, with the document's profilo di layout. */
  async verifica(settings: Settings): Promise<VerificaResult> {
    const e = await this.engine();
    const lettura = await this.backend.read({ selezione: false });
    const analysis = e.analyse(lettura.grid, this.fileName(), settings, this.today?.(), this.vocab(e));
    return { report: analysis.report, analysis, lettura };
  }

  /** The document's profilo di layout, or null when none was taught (issue 8). */
  async profilo(): Promise<Profilo | null> {
    const e = await this.engine();
    return e.profiloSalvato(this.backend.store().get(STORE_KEYS.profilo));
  }

  /** Every sheet as the reader sees it with the document's profile. */
  async layout(settings: Settings): Promise<StatoLayout> {
    const e = await this.engine();
    const v = await this.verifica(settings);
    return { report: v.report, fogli: e.statoFogli(v.analysis), profilo: await this.profilo() };
  }

  /** Keep `p` as the document's profile (null removes it); the workbook is read again with it. */
  async salvaProfilo(p: Profilo | null, settings: Settings): Promise<StatoLayout> {
    const store = this.backend.store();
    if (p) store.set(STORE_KEYS.profilo, p);
    else store.remove(STORE_KEYS.profilo);
    await store.save();
    return this.layout(settings);
  }

  /** A profile file exported from another workbook: checked, then kept as this document's. */
  async importaProfilo(testo: string, nomeFile: string, settings: Settings): Promise<StatoLayout> {
    const e = await this.engine();
    const r = e.leggiProfilo(testo, nomeFile);
    if (!r.ok) throw new PegError(r.errore);
    return this.salvaProfilo(r.profilo, settings);
  }

  /**
   * Teach the selected cell as `ruolo` (one read gives the grid and the selection): its text is
   * added to the profile, the profile saved, and the workbook checked again with it.
   */
  async insegna(ruolo: RuoloInsegnabile, settings: Settings): Promise<EsitoInsegna> {
    const e = await this.engine();
    const lettura = await this.backend.read({ selezione: true });
    const prima = (await this.profilo()) ?? e.profiloVuoto();
    const r = e.insegna(lettura.grid, lettura.selezione, ruolo, prima);
    if (!r.ok) throw new PegError(r.errore);
    if (r.cambiato) {
      const store = this.backend.store();
      store.set(STORE_KEYS.profilo, r.profilo);
      await store.save();
    }
    const analysis = e.analyse(lettura.grid, this.fileName(), settings, this.today?.(), this.vocab(e));
    return { messaggio: r.messaggio, report: analysis.report, fogli: e.statoFogli(analysis), profilo: r.profilo };
  }

  /** Plan an operation on a fresh read; nothing is written. */
  async prepare(op: Operazione, settings: Settings): Promise<Preparazione> {
    const e = await this.engine();
    const lettura = await this.backend.read({ selezione: op.tipo === "segno" });
    const plan = e.planFor(op, {
      grid: lettura.grid,
      file: this.fileName(),
      settings,
      selezione: lettura.selezione,
      evidenziazioni: this.highlights(),
      today: this.today?.(),
      vocab: this.vocab(e),
    });
    const p = e.toPreparazione(
      op,
      plan,
      lettura.grid.sheets.map((s) => s.name),
    );
    const dati: Dati = { plan, lettura };
    return { ...p, dati };
  }

  /** Apply a prepared write; without `sovrascrivi` conflicting cells are skipped. */
  async apply(p: Preparazione, opts: { sovrascrivi: boolean }): Promise<ApplyResult> {
    const e = await this.engine();
    const dati = p.dati as Dati;
    const plan = opts.sovrascrivi ? dati.plan : withoutConflicts(dati.plan);
    const saltate = dati.plan.writes.length - plan.writes.length;
    if (plan.writes.length === 0 && plan.newSheets.length === 0) return { celle: 0, nuoviFogli: [], saltate, syncs: 0 };
    return this.exclusive(async () => {
      const doc = this.backend.documentId();
      const scritto = await this.backend.apply(plan, dati.lettura);
      const before = this.highlights();
      // Highlights: the fill each cell really had just before the write.
      const applied: WritePlan = { ...plan, writes: plan.writes.map((w, i) => ({ ...w, previous: scritto.prima[i] ?? w.previous })) };
      const after = e.nextHighlights(before, p.operazione, applied);
      this.push({ doc, token: scritto.token, highlightsBefore: after !== before ? before : null });
      if (after !== before)
        // The cells are written (and undoable); only the record for a later "Pulisci" is missing.
        await this.saveHighlights(after).catch(() => {
          throw new PegError(officeHost.evidenziazioniNonRegistrate);
        });
      return { celle: scritto.celle, nuoviFogli: scritto.nuoviFogli, saltate, syncs: scritto.syncs };
    });
  }

  private push(entry: UndoEntry<Token>): void {
    this.undos.push(entry);
    if (this.undos.length > UNDO_DEPTH) this.undos.shift();
  }

  private lastIndex(): number {
    const doc = this.backend.documentId();
    for (let i = this.undos.length - 1; i >= 0; i--) if (this.undos[i]!.doc === doc) return i;
    return -1;
  }

  canUndo(): boolean {
    return this.lastIndex() >= 0;
  }

  /** Writes that can still be undone in the current document (newest last). */
  undoDepth(): number {
    const doc = this.backend.documentId();
    return this.undos.filter((u) => u.doc === doc).length;
  }

  /**
   * Undo the current document's last write: its cells come back unless changed since (those
   * keep the user's value and are listed), its sheets are deleted, the highlights list goes
   * back with it. The record is used up even when some cells could not be restored.
   */
  async undo(): Promise<RisultatoAnnullamento> {
    return this.exclusive(async () => {
      const i = this.lastIndex();
      if (i < 0) throw new PegError(pane.done.nienteDaAnnullare);
      const entry = this.undos[i]!;
      const r = await this.backend.undo(entry.token);
      this.undos.splice(i, 1);
      if (entry.highlightsBefore) {
        // Not fatal: a stale record is skipped by "Pulisci" (the cell no longer has that fill).
        await this.saveHighlights(entry.highlightsBefore).catch(() => undefined);
      }
      return { celle: r.celle, nonRipristinate: r.nonRipristinate };
    });
  }

  goTo(foglio: string, cella: string): Promise<void> {
    return this.backend.goTo(foglio, cella);
  }

  /** Consolidate this workbook (or the files open in the browser) or files picked from disk. */
  async consolidate(
    fonte: FonteConsolidamento,
    settings: Settings,
    onFile?: (f: FileConsolidamento) => void,
  ): Promise<AnteprimaConsolidamento> {
    const e = await this.engine();
    const sources =
      fonte.tipo === "questa" ? this.openSources() : fonte.files.map((f) => ({ name: f.name, grid: () => this.backend.readFile(f) }));
    const esiti = await e.readSources(sources, settings, {
      today: this.today?.(),
      // The document's profile reads the files picked too: one settore's layout, many workbooks.
      vocab: this.vocab(e),
      pause: this.backend.pause,
      messages: { nessunaScheda: () => pane.consolida.nessunaScheda, imprevisto: (_file, err) => userMessage(err) },
      onDone: (i, esito) => onFile?.(fileState(sources[i]!.name, esito)),
    });
    const names = sources.map((s) => s.name);
    const done = e.consolidateRead(names, esiti, settings);
    if (!done) throw new PegError(pane.consolida.nessunoUtilizzabile);
    return {
      files: esiti.map((esito, i) => fileState(names[i]!, esito)),
      fogli: e.consolidationSheets(done.consolidation),
      dati: done.consolidation,
    };
  }

  /** Issue 11: the previewed consolidation compared with an earlier riepilogo (PegError when it is not one of ours). */
  async confronta(a: AnteprimaConsolidamento, precedente: File): Promise<AnteprimaConsolidamento> {
    const e = await this.engine();
    const grid = await this.backend.readFile(precedente);
    const { dati, fogli } = e.conConfronto(a.dati as Consolidation, grid, precedente.name);
    return { ...a, dati, fogli };
  }

  /** "Questa cartella": the workbook open in Excel, or every file open in the browser. */
  private openSources(): ConsolidationSource[] {
    if (this.backend.openWorkbooks) return this.backend.openWorkbooks();
    return [{ name: this.fileName(), grid: async () => (await this.backend.read({ selezione: false })).grid }];
  }

  /** Office: add the consolidation sheets (undoable); browser: download the riepilogo. */
  async writeConsolidation(a: AnteprimaConsolidamento): Promise<RisultatoScrittura> {
    return this.exclusive(async () => {
      const doc = this.backend.documentId();
      const scritto = await this.backend.writeSheets(a.fogli);
      if (!scritto) return { celle: 0, nuoviFogli: a.fogli.map((f) => f.name) };
      this.push({ doc, token: scritto.token, highlightsBefore: null });
      return { celle: scritto.celle, nuoviFogli: scritto.nuoviFogli };
    });
  }
}

function fileState(file: string, esito: EsitoLettura): FileConsolidamento {
  return esito.ok ? { file, stato: "letto", schede: esito.input.report.schede.length } : { file, stato: "errore", motivo: esito.motivo };
}
