/**
 * Sync counts of the ribbon's Verifica and Calcola esiti on a workbook, run for real (engine,
 * Office host, commands) against the strict fake. For the bench:
 *
 *   const { grid } = await loadWorkbookGrid(await benchWorkbook(n));
 *   const { verifica, calcolaEsiti } = await measureSyncs(grid);
 *
 * verifica     = the pane's check (what the ribbon's Verifica asks for): read only.
 * calcolaEsiti = the ribbon's Calcola esiti: read + plan + write; when the plan overwrites user
 *                values, the pane's confirmation ("Sovrascrivi") applies the same preparation,
 *                and its write is counted too.
 */
import { COMMANDS, createCommands } from "../../src/commands/commands";
import type { Settings } from "../../src/domain/settings";
import type { WorkbookGrid } from "../../src/sheets/grid";
import type { PaneRequest } from "../../src/app/pane-host";
import { ALL_CAPABILITIES } from "../../src/hosts/office/capabilities";
import { fakeOfficeSession } from "./office-session";

export interface SyncCounts {
  verifica: number;
  calcolaEsiti: number;
  /** Cells Calcola esiti wrote (a check that the run did something). */
  celleScritte: number;
}

export async function measureSyncs(grid: WorkbookGrid, settings?: Partial<Settings>): Promise<SyncCounts> {
  const a = fakeOfficeSession(grid);
  const s = { ...(await a.session.loadSettings()), ...settings };
  await a.session.verifica(s);
  const verifica = a.fx.state.syncCount;

  const b = fakeOfficeSession(grid);
  if (settings) b.store.set("peg.impostazioni", s);
  const requests: PaneRequest[] = [];
  // The pane's "Sovrascrivi" answers the ribbon's question; its write is counted too.
  b.state.onRequest((r) => {
    requests.push(r);
    r.rispondi?.("sovrascrivi");
  });
  let celle = 0;
  const apply = b.session.apply.bind(b.session);
  b.session.apply = async (p, o) => {
    const r = await apply(p, o);
    celle += r.celle;
    return r;
  };
  const commands = createCommands({ session: b.session, showPane: async () => undefined, paneListening: () => false });
  await commands[COMMANDS.calcolaEsiti]({ completed: () => undefined });
  const last = requests.at(-1);
  if (last?.messaggio?.intent === "error") throw new Error(last.messaggio.text);
  return { verifica, calcolaEsiti: b.fx.state.syncCount, celleScritte: celle };
}

/**
 * Syncs of the pane's Verifica on Excel on the web: the fake refuses requests and responses above
 * 5 MB, the host knows it is on the web (fills only where marks matter). Also the largest response.
 */
export async function measureWebVerifica(grid: WorkbookGrid): Promise<{ verifica: number; maxResponse: number }> {
  const a = fakeOfficeSession(grid, { platform: "web", capabilities: { ...ALL_CAPABILITIES, web: true } });
  await a.session.verifica(await a.session.loadSettings());
  return { verifica: a.fx.state.syncCount, maxResponse: Math.max(...a.fx.state.payloads.map((p) => p.response)) };
}
