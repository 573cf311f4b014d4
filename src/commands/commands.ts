/**
 * The ribbon's functions (manifest ExecuteFunction actions), registered with
 * Office.actions.associate. In the shared runtime they run next to the task pane and use the same
 * session, so undo and highlights are shared. Every function calls event.completed() once.
 *
 * A write goes through the same flow as the pane's buttons (src/app/run-operation.ts). A command
 * never shows a dialog itself: when the write would overwrite user values it opens the pane
 * (Office.addin.showAsTaskpane) with the question, completes the event, and writes once the user
 * answered there. Results go to the pane as a message.
 */
import { runOperation, operationMessage } from "../app/run-operation";
import type { Operazione, PaneRequest, Scelta } from "../app/pane-host";
import type { Session } from "../app/session";
import { isPegError } from "../domain/errors";
import type { Settings } from "../domain/settings";
import type { SharedState } from "../hosts/office/shared-state";
import { comandi } from "../strings/it";

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
  /** The runtime's session, with the channel to the pane beside it. */
  session: Session & { state: Pick<SharedState, "request" | "listening"> };
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

  /**
   * Wrap a command: a failure becomes a message in the pane, and the event completes once —
   * when the command ends, or earlier when it hands a question to the pane (`release`).
   */
  const command =
    (fn: (settings: Settings, release: () => void) => Promise<PaneRequest | null>): Handler =>
    async (event) => {
      let completed = false;
      const release = () => {
        if (completed) return;
        completed = true;
        event.completed();
      };
      try {
        const settings = await session.loadSettings();
        const r = await fn(settings, release);
        if (r) await tell(r);
      } catch (e) {
        await tell({ view: "risultati", messaggio: { intent: "error", text: errorText(e) } }).catch(() => undefined);
      } finally {
        release();
      }
    };

  /** A write, through the one flow; conflicts are asked in the pane. */
  const write = (op: Operazione): Handler =>
    command(async (settings, release) => {
      const esito = await runOperation(
        session,
        op,
        settings,
        (p) =>
          new Promise<Scelta>((rispondi) => {
            const messaggio = { intent: "warning" as const, text: comandi.esitiDaConfermare(p.conflitti.length) };
            void tell({ view: "risultati", conferma: p, rispondi, messaggio });
            release();
          }),
      );
      const messaggio = operationMessage(esito);
      if (!messaggio) return null;
      return { view: "risultati", messaggio, verifica: esito.tipo === "scritta" && (deps.paneListening?.() ?? false) };
    });

  return {
    // The pane checks on request; when it is not open yet, opening it checks by itself.
    [COMMANDS.verifica]: command(async () => ({ view: "risultati", verifica: deps.paneListening?.() ?? false })),
    [COMMANDS.calcolaEsiti]: write({ tipo: "esiti" }),
    [COMMANDS.segnaPrevisto]: write({ tipo: "segno", segno: "previsto" }),
    [COMMANDS.segnaEffettivo]: write({ tipo: "segno", segno: "effettivo" }),
    [COMMANDS.togliSegno]: write({ tipo: "segno", segno: "togli" }),
    [COMMANDS.pulisciEvidenziazioni]: write({ tipo: "pulisciEvidenziazioni" }),
    [COMMANDS.nuovaScheda]: write({ tipo: "nuovaScheda" }),
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
export function registerCommands(office: unknown, session: CommandDeps["session"]): string[] {
  const o = office as OfficeActionsLike;
  if (!o.actions?.associate) {
    console.warn(comandi.runtimeCondiviso);
    return [];
  }
  const state = session.state;
  const handlers = createCommands({
    session,
    showPane: () => (o.addin?.showAsTaskpane ? o.addin.showAsTaskpane() : Promise.resolve()),
    paneListening: () => state.listening(),
  });
  for (const [name, fn] of Object.entries(handlers)) o.actions.associate(name, fn);
  return Object.keys(handlers);
}
