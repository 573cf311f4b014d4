/**
 * The strategic roll-up (spec §4.3, issue 11): grado and rispetto dei tempi of the obiettivi
 * grouped by obiettivo strategico, by missione / programma and by linea di mandato, each
 * weighted by pesatura like the settore and ente lines (equal weights when some pesatura is
 * missing; prerequisiti not weighed). Only obiettivi that name the level are grouped.
 */
import { cleanText } from "../text";
import { consolidamento as t } from "../../strings/it";
import type { Settings } from "../settings";
import type { Livello, ObiettivoRiga, VoceStrategica } from "./model";
import { classeDi, gradoPesato } from "./consolidate";

const CAMPO: Record<Livello, (o: ObiettivoRiga) => string | null> = {
  strategico: (o) => o.obiettivoStrategico,
  missione: (o) => o.missioneProgramma,
  mandato: (o) => o.lineaMandato,
};

/** Same text up to case, spaces and final punctuation: one group. */
function chiave(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .replace(/[\s.;:,]+$/, "");
}

function piuFrequente(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

export function rollUp(obiettivi: readonly ObiettivoRiga[], livello: Livello, settings: Settings): VoceStrategica[] {
  const gruppi = new Map<string, { scritti: string[]; righe: ObiettivoRiga[] }>();
  for (const o of obiettivi) {
    const v = CAMPO[livello](o);
    if (!v || !cleanText(v)) continue;
    const k = chiave(v);
    const g = gruppi.get(k) ?? { scritti: [], righe: [] };
    g.scritti.push(cleanText(v));
    g.righe.push(o);
    gruppi.set(k, g);
  }
  const out: VoceStrategica[] = [];
  for (const g of gruppi.values()) {
    const pesati = g.righe.map((o) => ({ pesatura: o.pesatura, prerequisito: o.prerequisito }));
    const grado = gradoPesato(g.righe.map((o, i) => ({ ...pesati[i]!, grado: o.mediaValoreRaggiunto })));
    const tempi = gradoPesato(g.righe.map((o, i) => ({ ...pesati[i]!, grado: o.mediaRispettoTempi })));
    let nota: string | null = null;
    if (grado.conGrado === 0) nota = t.notaNessunGrado;
    else if (grado.pesiUniformi) nota = t.notaPesiUniformi(grado.senzaPeso, grado.conGrado);
    out.push({
      livello,
      voce: piuFrequente(g.scritti),
      nObiettivi: g.righe.length,
      obiettivi: g.righe.map((o) => o.numero ?? `${o.file} › ${o.foglio}`),
      prerequisiti: g.righe.filter((o) => o.prerequisito).length,
      grado: grado.grado,
      mediaRispettoTempi: tempi.grado,
      pesiUniformi: grado.pesiUniformi,
      classe: classeDi(grado.grado, settings),
      nota,
    });
  }
  // In the order a Segretario reads a plan: by the code the text starts with, then alphabetically.
  return out.sort((a, b) => a.voce.localeCompare(b.voce, "it", { numeric: true, sensitivity: "base" }));
}
