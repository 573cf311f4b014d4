/**
 * The profilo di layout as the pane uses it (issue 8), part of the lazy engine chunk: the
 * profile kept in the document's store turned into a vocabulary, a taught cell added to it, and
 * what each sheet looks like to the reader (read, read in part, a near miss, not a scheda), so the
 * "Insegna il layout" panel can show what was found and what is missing.
 */
import { a1 } from "../sheets/grid";
import type { Analysis } from "../sheets/verifica";
import { validaProfilo, vocabolarioDa, type Profilo } from "../sheets/vocabulary/profilo";
import type { Vocabulary } from "../sheets/vocabulary/vocabulary";

export { insegna, togliVoce } from "../sheets/vocabulary/insegna";
export { leggiProfilo, profiloJson, profiloVuoto } from "../sheets/vocabulary/profilo";

/** How one sheet reads: "letto" fully, "parziale" (a scheda with blocks not read), "quasi" (some blocks, not a scheda), "nonLetto". */
export type StatoFoglio = "letto" | "parziale" | "quasi" | "nonLetto";

export interface FoglioLayout {
  foglio: string;
  stato: StatoFoglio;
  /** Blocks found, with the cell of their first evidence. */
  blocchi: Array<{ blocco: string; cella: string }>;
  /** What is missing (Italian, as the diagnostics say it). */
  mancano: string[];
}

/**
 * The profile saved in the document, or null. A value that is not a valid profile (edited by
 * hand, or written by a newer release) is ignored: the sheets are read with the built-in words.
 */
export function profiloSalvato(raw: unknown): Profilo | null {
  if (raw === null || raw === undefined) return null;
  const r = validaProfilo(raw, "");
  return r.ok ? r.profilo : null;
}

/** The vocabulary the document's profile gives (undefined: the built-in one). */
export function vocabolarioSalvato(raw: unknown): Vocabulary | undefined {
  const p = profiloSalvato(raw);
  return p && (p.voci.length > 0 || p.mesi) ? vocabolarioDa(p) : undefined;
}

/** Every sheet of the workbook, in order, as the reader sees it. */
export function statoFogli(a: Analysis): FoglioLayout[] {
  const schede = new Map(a.schede.map((s) => [s.foglio, s]));
  const quasi = new Map(a.quasiSchede.map((q) => [q.foglio, q]));
  return a.grid.sheets.map((g): FoglioLayout => {
    const s = schede.get(g.name);
    if (s) {
      const blocchi = s.rec.blocks
        .filter((b) => b.evidence.length > 0)
        .map((b) => ({ blocco: b.blocco as string, cella: a1(b.evidence[0]!.at.r, b.evidence[0]!.at.c) }));
      const mancano = [...new Set(s.rec.problems.map((p) => `${p.blocco}: ${p.cosa}`))];
      return { foglio: g.name, stato: mancano.length > 0 ? "parziale" : "letto", blocchi, mancano };
    }
    const q = quasi.get(g.name);
    if (q) return { foglio: g.name, stato: "quasi", blocchi: q.blocchi, mancano: [...new Set(q.mancano)] };
    return { foglio: g.name, stato: "nonLetto", blocchi: [], mancano: [] };
  });
}
