/** Fase stato and rispetto dei tempi (spec §4.2). */
import type { StatoFase } from "./model";

export interface FaseTempi {
  stato: StatoFase;
  /** Effettivo months after the reference month (EFFETTIVO_FUTURO), ignored in the stato. */
  futuri: number[];
  /** 100, 0, or null when the fase is not counted. */
  rispetto: number | null;
}

/**
 * P = previsto months, E = effettivo months, T = month of the data di riferimento (0 when the
 * reference date is before the esercizio, 12 when after).
 */
export function statoFase(previsto: number[], effettivo: number[], T: number): FaseTempi {
  const futuri = effettivo.filter((m) => m > T);
  const E = effettivo.filter((m) => m <= T);
  if (previsto.length === 0) return { stato: "non valutabile", futuri, rispetto: null };
  const maxP = Math.max(...previsto);
  const due = maxP <= T;
  if (E.length === 0) {
    return due ? { stato: "in ritardo", futuri, rispetto: 0 } : { stato: "non iniziata", futuri, rispetto: null };
  }
  const maxE = Math.max(...E);
  if (maxE > maxP) return { stato: "in ritardo", futuri, rispetto: 0 };
  if (due) return { stato: maxE === maxP ? "nei tempi" : "in anticipo", futuri, rispetto: 100 };
  return { stato: "in corso", futuri, rispetto: null };
}

/** MEDIA RISPETTO DEI TEMPI %: mean over counted fasi, null when none is counted. */
export function mediaRispettoTempi(fasi: FaseTempi[]): number | null {
  const counted = fasi.map((f) => f.rispetto).filter((r): r is number => r !== null);
  if (counted.length === 0) return null;
  return counted.reduce((s, r) => s + r, 0) / counted.length;
}
