/**
 * Fasi: numbered rows 1..N under "Descrizione delle fasi di attuazione" (or "Fasi", "Attività",
 * "Azioni"…), the number in the label's column or up to two columns left of it, the description
 * right of the number. In an activity Gantt the same rows carry the months: the cronoprogramma
 * block reads those.
 */
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import { MAX_TABLE_ROWS, evidence, type Located } from "./common";
import type { RecognisedScheda } from "./types";

export interface FasiList {
  label: LabelCell;
  rows: Map<number, Pos>;
}

// Module-level patterns: a literal inside a function is a new RegExp object per call.
const FASE_NUMBER = /^(?:fase\s*|f\.?\s*)?(\d{1,2})\s*[.)°]?$/i;
const NUMBERED_DESCRIPTION = /^(?:fase\s*)?(\d{1,2})\s*[.)°:\-–]\s*\S.{2,}/i;

/** "1", "1.", "1)", "Fase 1", "F1" → 1. */
export function faseNumber(text: string): number | null {
  const m = FASE_NUMBER.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** "1. Ricognizione dei procedimenti", "Fase 2 - Redazione" → 2: a number and its description in one cell. */
export function numberedDescription(text: string): number | null {
  const m = NUMBERED_DESCRIPTION.exec(text.trim());
  return m ? Number(m[1]) : null;
}

function readList(view: SheetView, label: LabelCell): Map<number, Pos> {
  const rows = new Map<number, Pos>();
  let expected = 1;
  for (const r of view.rows()) {
    if (r <= view.mergeEndRow(label.r, label.c)) continue;
    if (r > label.r + MAX_TABLE_ROWS) break;
    let found: number | null = null;
    let numCol = -1;
    for (let c = Math.max(0, label.c - 2); c <= label.c + 1; c++) {
      const n = faseNumber(view.text(r, c));
      if (n !== null) {
        found = n;
        numCol = c;
        break;
      }
    }
    if (found === null) {
      const own = numberedDescription(view.text(r, label.c));
      if (own !== null && own === expected) {
        rows.set(own, view.anchor(r, label.c));
        expected++;
        continue;
      }
      // A fase written over two rows (a merged number) leaves the second row without one.
      if (rows.size > 0 && view.mergeAt(r, Math.max(0, label.c - 2))) continue;
      if (rows.size > 0 && rows.has(expected - 1) && r === [...rows.values()].pop()!.r + 1 && isSubRow(view, r, label)) continue;
      break;
    }
    if (found !== expected) {
      if (rows.has(found)) continue; // the same fase's effettivo row, numbered again
      break;
    }
    const descCol = view.mergeEndCol(r, numCol) + 1;
    rows.set(found, { r, c: descCol });
    expected++;
  }
  return rows;
}

/** The "effettivo" row of a fase in a Gantt that numbers only the previsto row. */
function isSubRow(view: SheetView, r: number, label: LabelCell): boolean {
  for (let c = Math.max(0, label.c - 2); c <= label.c + 2; c++) {
    const w = view.vocab.rowWords(view.norm(r, c));
    if (w.effettivo || w.previsto) return true;
  }
  return false;
}

export function locate(view: SheetView): Located<FasiList> | null {
  let best: FasiList | null = null;
  for (const label of view.findAll("fasi")) {
    const rows = readList(view, label);
    if (rows.size > (best?.rows.size ?? 0)) best = { label, rows };
    if (rows.size >= 2) break;
  }
  if (!best) {
    const label = view.find("fasi");
    if (!label) return null;
    return {
      blocco: "Fasi",
      score: 0.5,
      evidence: [evidence("fasi", label)],
      missing: ["le fasi numerate 1, 2, 3…"],
      data: { label, rows: new Map() },
    };
  }
  const score = best.rows.size >= 2 ? 2 : 1;
  return { blocco: "Fasi", score, evidence: [evidence("fasi", best.label)], missing: [], data: best };
}

export function read(_view: SheetView, found: FasiList, s: RecognisedScheda): void {
  s.fasiLabel = found.label;
  for (const [n, p] of found.rows) s.fasi.set(n, p);
}
