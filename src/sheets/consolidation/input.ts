/**
 * From a verifica Analysis to a consolidation input: the report plus what consolidation needs
 * that the JSON report does not carry (obiettivo strategico, missione/programma, the cells of
 * N.OBIETTIVO and of each name, so that cross-file diagnostics point at a cell).
 */
import type { ConsolidationInput, SchedaExtra } from "../../domain/consolidation/model";
import { a1 } from "../grid";
import type { Analysis } from "../verifica";
import { ftePersonale } from "./quadratura";

export function inputFromAnalysis(analysis: Analysis, file = analysis.report.file): ConsolidationInput {
  // No prototype: a sheet may be called "__proto__".
  const schede = Object.create(null) as Record<string, SchedaExtra>;
  for (const s of analysis.schede) {
    schede[s.foglio] = {
      obiettivoStrategico: s.contesto.obiettivoStrategico,
      missioneProgramma: s.contesto.missioneProgramma,
      lineaMandato: s.contesto.lineaMandato,
      cellaNumero: s.rec.numero ? a1(s.rec.numero.r, s.rec.numero.c) : null,
      cellePersonale: s.rec.personale.map((p) => a1(p.nome.r, p.nome.c)),
      ftePersonale: ftePersonale(s),
    };
  }
  return {
    file,
    report: file === analysis.report.file ? analysis.report : { ...analysis.report, file },
    extra: { schede },
  };
}
