/** Which cells of the shown sheet the grid marks, from the report's segnalazioni. */
import type { Gravita, Report } from "../domain/model";

/** "B7" → most serious gravità among the segnalazioni of that sheet. */
export function marksFor(report: Report | null, foglio: string | null): Map<string, Gravita> {
  const order: Record<Gravita, number> = { errore: 0, avviso: 1, info: 2 };
  const m = new Map<string, Gravita>();
  if (!report || !foglio) return m;
  for (const s of report.segnalazioni) {
    if (s.foglio !== foglio || !s.cella) continue;
    const cella = s.cella.split(":")[0]!.toUpperCase();
    const prev = m.get(cella);
    if (!prev || order[s.gravita] < order[prev]) m.set(cella, s.gravita);
  }
  return m;
}
