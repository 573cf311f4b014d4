/**
 * The ribbon's functions (manifest ExecuteFunction actions), registered with
 * Office.actions.associate. In the shared runtime they run next to the task pane and use the same
 * OfficeSession, so undo and highlights are shared. Every function always calls event.completed().
 *
 * A command never shows a dialog itself: it opens the pane (Office.addin.showAsTaskpane) and sends
 * it a request through the shared state — the result message, or a write to confirm when it would
 * overwrite user values (Calcola esiti).
 */
import { isPegError } from "../domain/errors";
import type { Settings } from "../domain/settings";
import { sharedState } from "../hosts/office/shared-state";
import type { OfficeSession } from "../hosts/office/session";
import { comandi, officeHost, pane } from "../strings/it";
import type { Operazione, PaneRequest, Preparazione } from "../ui/pane-host";

/** Function names as the manifest's <FunctionName> elements spell them. */
export const COMMANDS = {
  verifica: "pegVerifica",
  calcolaEsiti: "pegCalcolaEsiti",
  segnaPrevisto: "pegSegnaPrevisto",
  segnaEffettivo: "pegSegnaEffettivo",
  togliSegno: "pegTogliSegno",
  pulisciEvidenziazioni: "pegPulisciEvidenziazioni",
  nuovaScheda: "pegNuovaScheda",
  consolida: "pegConsolida",
} as const;

export type CommandName = (typeof COMMANDS)[keyof typeof COMMANDS];

export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export interface CommandDeps {
  session: OfficeSession;
  /** Office.addin.showAsTaskpane(); may reject on hosts without the shared runtime. */
  showPane: () => Promise<void>;
  /** True when the pane is mounted and listening (it then checks again by itself on request). */
  paneListening?: () => boolean;
}

type Handler = (event: CommandEvent) => Promise<void>;

function errorText(e: unknown): string {
  if (isPegError(e)) return e.message;
  console.error(e);
  return comandi.erroreInatteso;
}

export function createCommands(deps: CommandDeps): Record<CommandName, Handler> {
  const { session } = deps;
  const tell = async (r: PaneRequest) => {
    session.state.request(r);
    await deps.showPane().catch(() => undefined);
  };

  /** Wrap a command: it always completes, and a failure becomes a message in the pane. */
  const command =
    (fn: (settings: Settings) => Promise<PaneRequest>): Handler =>
    async (event) => {
      try {
        const settings = await session.loadSettings();
        await tell(await fn(settings));
      } catch (e) {
        await tell({ view: "risultati", messaggio: { intent: "error", text: errorText(e) } }).catch(() => undefined);
      } finally {
        event.completed();
      }
    };

  /** Prepare and apply a write; a write that overwrites user values goes to the pane to confirm. */
  const write = async (
    op: Operazione,
    settings: Settings,
    done: (p: Preparazione, celle: number, nuovi: string[]) => string,
  ): Promise<PaneRequest> => {
    const p = await session.prepare(op, settings);
    if (p.conflitti.length > 0)
      return { view: "risultati", conferma: p, messaggio: { intent: "warning", text: comandi.esitiDaConfermare(p.conflitti.length) } };
    if (p.celle === 0 && p.nuoviFogli.length === 0) return { view: "risultati", messaggio: { intent: "info", text: done(p, 0, []) } };
    const r = await session.apply(p, { sovrascrivi: false });
    return {
      view: "risultati",
      messaggio: { intent: "success", text: done(p, r.celle, r.nuoviFogli) },
      verifica: deps.paneListening?.() ?? false,
    };
  };

  const segno = (kind: "previsto" | "effettivo" | "togli") =>
    command((settings) => write({ tipo: "segno", segno: kind }, settings, (_p, n) => (n ? comandi.scritte(n) : comandi.niente)));

  return {
    // The pane checks on request; when it is not open yet, opening it checks by itself.
    [COMMANDS.verifica]: command(async () => ({ view: "risultati", verifica: deps.paneListening?.() ?? false })),
    [COMMANDS.calcolaEsiti]: command((settings) =>
      write({ tipo: "esiti" }, settings, (_p, n) => (n ? comandi.scritte(n) : comandi.niente)),
    ),
    [COMMANDS.segnaPrevisto]: segno("previsto"),
    [COMMANDS.segnaEffettivo]: segno("effettivo"),
    [COMMANDS.togliSegno]: segno("togli"),
    [COMMANDS.pulisciEvidenziazioni]: command((settings) =>
      write({ tipo: "pulisciEvidenziazioni" }, settings, (_p, n) =>
        n ? officeHost.evidenziazioniRimosse(n) : officeHost.nessunaEvidenziazione,
      ),
    ),
    [COMMANDS.nuovaScheda]: command(async (settings) => {
      const req = await write({ tipo: "nuovaScheda" }, settings, (_p, _n, nuovi) =>
        nuovi[0] ? comandi.nuovaScheda(nuovi[0]) : pane.done.nulla,
      );
      const nome = (req.messaggio?.intent === "success" && session.state.lastUndo?.createdSheets[0]) || null;
      if (nome) await session.goTo(nome, "A1").catch(() => undefined);
      return req;
    }),
    [COMMANDS.consolida]: command(async () => ({ view: "consolida" })),
  };
}

interface OfficeActionsLike {
  actions?: { associate(name: string, fn: (event: CommandEvent) => unknown): void };
  addin?: { showAsTaskpane(): Promise<void> };
  context?: { requirements?: { isSetSupported(name: string, v?: string): boolean } };
}

/**
 * Register every command with Office.actions.associate (SharedRuntime 1.1). Returns the names
 * registered; none when the host has no shared runtime (the pane's buttons still work).
 */
export function registerCommands(office: unknown, session: OfficeSession): string[] {
  const o = office as OfficeActionsLike;
  if (!o.actions?.associate) {
    console.warn(comandi.runtimeCondiviso);
    return [];
  }
  const state = session.state ?? sharedState();
  const handlers = createCommands({
    session,
    showPane: () => (o.addin?.showAsTaskpane ? o.addin.showAsTaskpane() : Promise.resolve()),
    paneListening: () => state.listening(),
  });
  for (const [name, fn] of Object.entries(handlers)) o.actions.associate(name, fn);
  return Object.keys(handlers);
}
