/**
 * The flow of every write, once for the pane and the ribbon: prepare → conflicts? → ask →
 * apply → (a new scheda is shown) → what to tell the user. Only `ask` differs: the pane opens
 * its dialog, a ribbon command hands the question to the pane (shared runtime) and waits.
 */
import type { Settings } from "../domain/settings";
import { comandi, officeHost, pane } from "../strings/it";
import type { Operazione, Preparazione, RisultatoAnnullamento, RisultatoScrittura, Scelta } from "./pane-host";

export interface OperationHost {
  prepare(op: Operazione, settings: Settings): Promise<Preparazione>;
  apply(p: Preparazione, opts: { sovrascrivi: boolean }): Promise<RisultatoScrittura>;
  goTo(foglio: string, cella: string): Promise<void>;
}

export type EsitoOperazione =
  /** Nothing to write: the workbook was already up to date. */
  | { tipo: "nulla"; preparazione: Preparazione }
  /** The user chose "Annulla" in the dialog: nothing written. */
  | { tipo: "rinunciata"; preparazione: Preparazione }
  | { tipo: "scritta"; preparazione: Preparazione; risultato: RisultatoScrittura; saltate: number };

/** Asked only when the write would overwrite user values (spec §6). */
export type Ask = (p: Preparazione) => Promise<Scelta>;

export async function runOperation(host: OperationHost, op: Operazione, settings: Settings, ask: Ask): Promise<EsitoOperazione> {
  const preparazione = await host.prepare(op, settings);
  if (preparazione.celle === 0 && preparazione.nuoviFogli.length === 0) return { tipo: "nulla", preparazione };
  const scelta: Scelta = preparazione.conflitti.length > 0 ? await ask(preparazione) : "soloLibere";
  if (scelta === "annulla") return { tipo: "rinunciata", preparazione };
  const sovrascrivi = scelta === "sovrascrivi";
  const risultato = await host.apply(preparazione, { sovrascrivi });
  // A new scheda is shown at once, ready to fill.
  const nuovo = op.tipo === "nuovaScheda" ? risultato.nuoviFogli[0] : undefined;
  if (nuovo) await host.goTo(nuovo, "A1").catch(() => undefined);
  return { tipo: "scritta", preparazione, risultato, saltate: sovrascrivi ? 0 : preparazione.conflitti.length };
}

export interface Messaggio {
  intent: "success" | "error" | "info" | "warning";
  text: string;
}

/** What the user is told after an operation, the same words from the pane and the ribbon. */
export function operationMessage(e: EsitoOperazione): Messaggio | null {
  const op = e.preparazione.operazione;
  if (e.tipo === "rinunciata") return null;
  if (e.tipo === "nulla")
    return { intent: "info", text: op.tipo === "pulisciEvidenziazioni" ? officeHost.nessunaEvidenziazione : pane.done.nulla };
  const { celle, nuoviFogli } = e.risultato;
  const parts: string[] = [];
  if (op.tipo === "pulisciEvidenziazioni" && celle > 0) parts.push(officeHost.evidenziazioniRimosse(celle));
  else if (celle > 0) parts.push(pane.done.scritte(celle));
  if (op.tipo === "nuovaScheda" && nuoviFogli.length === 1) parts.push(comandi.nuovaScheda(nuoviFogli[0]!));
  else if (nuoviFogli.length > 0) parts.push(pane.done.nuoviFogli(nuoviFogli));
  if (e.saltate > 0) parts.push(pane.done.saltate(e.saltate));
  if (parts.length === 0) return { intent: "info", text: pane.done.nulla };
  return { intent: "success", text: parts.join(" ") };
}

/** After an undo: how many cells came back, and which were left because changed since. */
export function undoMessage(r: RisultatoAnnullamento): Messaggio {
  if (r.nonRipristinate.length === 0) return { intent: "success", text: pane.done.annullato(r.celle) };
  return { intent: "warning", text: `${pane.done.annullato(r.celle)} ${pane.done.nonRipristinate(r.nonRipristinate)}` };
}
