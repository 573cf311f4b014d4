/**
 * Personale coinvolto: one row per person, with categoria, % prevista and % realizzata (and a
 * part-time / FTE column where the sheet has one). The header may span a few rows
 * ("% Partecipazione" over "Prevista | Realizzata"); a TOTALE row under the table is not a person.
 */
import type { LabelCell, SheetView } from "../sheet-view";
import { MAX_TABLE_ROWS, evidence, rowStartsBlock, type Evidence, type Located } from "./common";
import type { RecognisedScheda } from "./types";

export interface PersonaleHeader {
  label: LabelCell;
  headerEnd: number;
  nome: LabelCell | null;
  categoria: LabelCell | null;
  prevista: LabelCell | null;
  realizzata: LabelCell | null;
  tempoLavoro: LabelCell | null;
}

function header(view: SheetView, label: LabelCell): PersonaleHeader {
  const h: PersonaleHeader = {
    label,
    headerEnd: label.r,
    nome: null,
    categoria: null,
    prevista: null,
    realizzata: null,
    tempoLavoro: null,
  };
  for (let r = label.r; r <= label.r + 4; r++) {
    for (const l of view.rowLabels(r)) {
      if (l.r === label.r && l.c === label.c && !view.is("nome", l.norm)) continue;
      const take = (k: "nome" | "categoria" | "prevista" | "realizzata" | "tempoLavoro"): boolean => {
        if (h[k] !== null || !view.is(k, l.norm)) return false;
        h[k] = l;
        h.headerEnd = Math.max(h.headerEnd, view.mergeEndRow(l.r, l.c));
        return true;
      };
      // Order matters: "% partecipaz. eff." is a realizzata column, never a name.
      if (take("prevista") || take("realizzata") || take("nome") || take("categoria") || take("tempoLavoro")) continue;
    }
  }
  return h;
}

export function locate(view: SheetView): Located<PersonaleHeader> | null {
  let label = view.find("personale");
  if (!label) {
    // A table with no heading: a name column beside a % column.
    label = view.findAll("nome").find((l) => {
      const row = [...view.rowLabels(l.r), ...view.rowLabels(l.r + 1)];
      return row.some((x) => view.is("prevista", x.norm) || view.is("partecipazione", x.norm));
    });
  }
  if (!label) return null;
  const h = header(view, label);
  const ev: Evidence[] = [evidence("personale", label)];
  let score = 1;
  const missing: string[] = [];
  if (h.nome) {
    score += 1;
    ev.push(evidence("nome", h.nome));
  } else missing.push("la colonna «Cognome e Nome»");
  if (h.prevista || h.realizzata) {
    score += 1;
    if (h.prevista) ev.push(evidence("prevista", h.prevista));
    if (h.realizzata) ev.push(evidence("realizzata", h.realizzata));
  } else missing.push("la colonna «% Prevista»");
  return { blocco: "Personale coinvolto", score, evidence: ev, missing, data: h };
}

export function read(view: SheetView, h: PersonaleHeader, s: RecognisedScheda): void {
  s.personaleLabel = h.label;
  s.previstaHeader = h.prevista;
  s.realizzataHeader = h.realizzata;
  if (!h.nome) {
    s.problems.push({ at: h.label, blocco: "Personale coinvolto", cosa: "la colonna «Cognome e Nome»" });
    return;
  }
  const nomeCol = h.nome.c;
  const catCol = h.categoria?.c ?? null;
  const prevCol = h.prevista?.c ?? null;
  const realCol = h.realizzata?.c ?? null;
  const tlCol = h.tempoLavoro?.c ?? null;
  if (prevCol === null) s.problems.push({ at: h.label, blocco: "Personale coinvolto", cosa: "la colonna «Prevista»" });
  for (const r of view.rows()) {
    if (r <= h.headerEnd) continue;
    if (r > h.headerEnd + MAX_TABLE_ROWS) break;
    if (rowStartsBlock(view, r)) break;
    if (view.is("totale", view.norm(r, nomeCol)) || (catCol !== null && view.is("totale", view.norm(r, catCol)))) continue;
    // Three blank rows after the people end the table (other content further below is not a person).
    const last = s.personale[s.personale.length - 1];
    if (last && r > last.row + 3) break;
    if (view.blank(r, nomeCol)) {
      const pcts = (prevCol !== null && !view.blank(r, prevCol)) || (realCol !== null && !view.blank(r, realCol));
      if (!pcts) continue;
    }
    s.personale.push({
      row: r,
      nome: { r, c: nomeCol },
      categoria: catCol === null ? null : { r, c: catCol },
      prevista: prevCol === null ? null : { r, c: prevCol },
      realizzata: realCol === null ? null : { r, c: realCol },
      tempoLavoro: tlCol === null ? null : { r, c: tlCol },
    });
  }
}
