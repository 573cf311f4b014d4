/**
 * Rilevazioni compared (issue 11): an earlier riepilogo (read back from its sheets) against the
 * consolidation now. Obiettivi are matched by file and foglio (a scheda keeps its sheet from one
 * rilevazione to the next, while N. obiettivo may repeat), fasi by their number on that scheda,
 * indicators by their name on that scheda (the k-th of a repeated name with the k-th).
 */
import type { Consolidation, Precedente, Variazioni } from "./model";

const k = (file: string, foglio: string): string => `${file}\u0000${foglio}`;

function rif(o: { file: string; foglio: string; numero: string | null; titolo: string | null }) {
  return { file: o.file, foglio: o.foglio, numero: o.numero, titolo: o.titolo };
}

/** Keys of indicator rows: the name on its scheda, numbered when repeated. */
function chiaviIndicatori<T extends { file: string; foglio: string; indicatore: string }>(rows: readonly T[]): Array<[string, T]> {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = `${k(r.file, r.foglio)}\u0000${r.indicatore.trim().toLowerCase().replace(/\s+/g, " ")}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [`${base}\u0000${n}`, r];
  });
}

export function confronta(prima: Precedente, ora: Consolidation): Variazioni {
  const primaObiettivi = new Map(prima.obiettivi.map((o) => [k(o.file, o.foglio), o]));
  const oraObiettivi = new Map(ora.obiettivi.map((o) => [k(o.file, o.foglio), o]));

  const obiettivi: Variazioni["obiettivi"] = [];
  const aggiunti: Variazioni["aggiunti"] = [];
  for (const o of ora.obiettivi) {
    const p = primaObiettivi.get(k(o.file, o.foglio));
    if (!p) {
      aggiunti.push(rif(o));
      continue;
    }
    obiettivi.push({
      ...rif(o),
      gradoPrima: p.grado,
      gradoOra: o.mediaValoreRaggiunto,
      tempiPrima: p.tempi,
      tempiOra: o.mediaRispettoTempi,
    });
  }
  const tolti = prima.obiettivi.filter((o) => !oraObiettivi.has(k(o.file, o.foglio))).map(rif);

  // Fasi: only of obiettivi present in both, so that an obiettivo added or gone is said once.
  const comuni = (f: { file: string; foglio: string }) => primaObiettivi.has(k(f.file, f.foglio)) && oraObiettivi.has(k(f.file, f.foglio));
  const fk = (f: { file: string; foglio: string; n: number }) => `${k(f.file, f.foglio)}\u0000${f.n}`;
  const primaRitardo = new Set(prima.fasiInRitardo.map(fk));
  const oraRitardo = new Set(ora.fasiInRitardo.map(fk));
  const fasiInRitardo = ora.fasiInRitardo
    .filter((f) => comuni(f) && !primaRitardo.has(fk(f)))
    .map((f) => ({ ...rif(f), n: f.n, descrizione: f.descrizione }));
  const fasiRecuperate = prima.fasiInRitardo
    .filter((f) => comuni(f) && !oraRitardo.has(fk(f)))
    .map((f) => {
      const o = oraObiettivi.get(k(f.file, f.foglio));
      return { ...rif(o ?? f), n: f.n, descrizione: f.descrizione };
    });

  const esiti: Variazioni["esiti"] = [];
  if (prima.indicatori) {
    const primaEsiti = new Map(chiaviIndicatori(prima.indicatori));
    for (const [key, i] of chiaviIndicatori(ora.indicatori)) {
      if (!comuni(i)) continue;
      const p = primaEsiti.get(key);
      const before = p?.esito ?? null;
      if (p && before !== i.esito) esiti.push({ ...rif(i), indicatore: i.indicatore, prima: before, ora: i.esito });
    }
  }

  return {
    precedente: prima.file,
    alPrecedente: prima.al,
    obiettivi,
    fasiInRitardo,
    fasiRecuperate,
    esiti,
    esitiConfrontati: prima.indicatori !== null,
    aggiunti,
    tolti,
  };
}
