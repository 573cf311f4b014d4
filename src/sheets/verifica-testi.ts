/**
 * The words of a scheda's verifica block — Relazione intermedia/finale, Analisi degli scostamenti,
 * Cause, Effetti, Provvedimenti correttivi (Intrapresi, Da attivare) — exactly as written, for the
 * Relazione sulla performance: the verifica block reads them (blocks/verifica.ts, by the
 * vocabulary's roles), this module adds the critical indicators and keeps the pane's last reads.
 */
import type { TestiScheda } from "../domain/relazione/model";
import { testiScritti } from "./blocks/verifica";
import type { AnalysedScheda, Analysis } from "./verifica";

export function testiScheda(s: AnalysedScheda): TestiScheda {
  return {
    colonna: s.colonna,
    ...testiScritti(s.rec.view, s.colonna),
    indicatoriCritici: s.scheda.indicatori
      .filter((i) => i.esito === "PARZIALE" || i.esito === "NON RAGGIUNTO")
      .map((i) => ({
        indicatore: i.indicatore,
        atteso: i.atteso,
        realizzato: i.realizzato,
        raggiungimento: i.raggiungimento,
        esito: i.esito!,
      })),
  };
}

/** Every scheda's texts, by foglio. */
export function testiVerifica(a: Analysis): Record<string, TestiScheda> {
  const out = Object.create(null) as Record<string, TestiScheda>;
  for (const s of a.schede) out[s.foglio] = testiScheda(s);
  return out;
}

/**
 * The texts of the workbooks the pane read most recently, by file name: the pane's consolidation
 * keeps only the figures, and its «Scarica relazione» quotes these. Bounded; the last read wins.
 */
const lastRead = new Map<string, Record<string, TestiScheda>>();
const MAX_REMEMBERED = 500;

export function rememberTesti(file: string, a: Analysis): void {
  lastRead.delete(file);
  lastRead.set(file, testiVerifica(a));
  if (lastRead.size > MAX_REMEMBERED) lastRead.delete(lastRead.keys().next().value!);
}

/** The remembered texts of these files (those not read are left out). */
export function testiLetti(files: string[]): Record<string, Record<string, TestiScheda>> {
  const out = Object.create(null) as Record<string, Record<string, TestiScheda>>;
  for (const f of files) {
    const t = lastRead.get(f);
    if (t) out[f] = t;
  }
  return out;
}
