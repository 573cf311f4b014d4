/**
 * Results as the pane shows them: one group per scheda (in workbook order) with its
 * segnalazioni and counts per gravità, then one group for every other sheet that has any.
 */
import type { Gravita, Report, Scheda, Segnalazione } from "../domain/model";

export interface Conteggi {
  errore: number;
  avviso: number;
  info: number;
}

export interface Gruppo {
  foglio: string;
  /** null for a sheet that is not a scheda. */
  scheda: Scheda | null;
  segnalazioni: Segnalazione[];
  conteggi: Conteggi;
}

const ORDINE: Record<Gravita, number> = { errore: 0, avviso: 1, info: 2 };

export function conta(segnalazioni: readonly Segnalazione[]): Conteggi {
  const c: Conteggi = { errore: 0, avviso: 0, info: 0 };
  for (const s of segnalazioni) c[s.gravita]++;
  return c;
}

/** Errors first, then warnings, then info; within a gravità, reading order of the cells. */
function ordina(a: Segnalazione, b: Segnalazione): number {
  return ORDINE[a.gravita] - ORDINE[b.gravita] || cellOrder(a.cella) - cellOrder(b.cella);
}

function cellOrder(cella: string): number {
  const m = /^([A-Z]+)(\d+)/.exec(cella.toUpperCase());
  if (!m) return Number.MAX_SAFE_INTEGER;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20_000 + c;
}

export function raggruppa(report: Report): Gruppo[] {
  const perFoglio = new Map<string, Segnalazione[]>();
  for (const s of report.segnalazioni) {
    const list = perFoglio.get(s.foglio) ?? [];
    list.push(s);
    perFoglio.set(s.foglio, list);
  }
  const gruppi: Gruppo[] = [];
  for (const scheda of report.schede) {
    const segnalazioni = (perFoglio.get(scheda.foglio) ?? []).sort(ordina);
    perFoglio.delete(scheda.foglio);
    gruppi.push({ foglio: scheda.foglio, scheda, segnalazioni, conteggi: conta(segnalazioni) });
  }
  for (const [foglio, list] of perFoglio) {
    list.sort(ordina);
    gruppi.push({ foglio, scheda: null, segnalazioni: list, conteggi: conta(list) });
  }
  return gruppi;
}
