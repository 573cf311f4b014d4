/**
 * Verifica: the MEDIA VALORE RAGGIUNTO % and MEDIA RISPETTO DEI TEMPI % cells of the intermediate
 * and final columns (side by side, as in the seed, or one above the other), and the free text the
 * Relazione quotes: Analisi degli scostamenti, Cause, Effetti, Provvedimenti correttivi.
 */
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import type { Role } from "../vocabulary/roles";
import { evidence, valueRightOf, type Evidence, type Located } from "./common";
import type { RecognisedScheda, TestiVerifica } from "./types";

export interface VerificaFound {
  finale: LabelCell | null;
  intermedia: LabelCell | null;
  valore: readonly LabelCell[];
  tempi: readonly LabelCell[];
}

export function locate(view: SheetView): Located<VerificaFound> | null {
  const data: VerificaFound = {
    finale: view.find("verificaFinale") ?? null,
    intermedia: view.find("verificaIntermedia") ?? null,
    valore: view.findAll("mediaValore"),
    tempi: view.findAll("mediaTempi"),
  };
  const ev: Evidence[] = [];
  if (data.intermedia) ev.push(evidence("verificaIntermedia", data.intermedia));
  if (data.finale) ev.push(evidence("verificaFinale", data.finale));
  for (const l of data.valore) ev.push(evidence("mediaValore", l));
  for (const l of data.tempi) ev.push(evidence("mediaTempi", l));
  if (ev.length === 0) return null;
  const score = Math.min(2, (data.valore.length ? 1 : 0) + (data.tempi.length ? 1 : 0) + (data.finale || data.intermedia ? 0.5 : 0));
  return { blocco: "Verifica", score, evidence: ev, missing: [], data };
}

function dist(a: Pos, b: Pos): number {
  return Math.abs(a.c - b.c) * 10 + Math.abs(a.r - b.r);
}

export function read(view: SheetView, found: VerificaFound, s: RecognisedScheda): void {
  const finaleHeader = found.finale;
  const pick = (all: readonly LabelCell[]): { intermedia: Pos | null; finale: Pos | null } => {
    if (all.length === 0) return { intermedia: null, finale: null };
    if (all.length >= 2) {
      // Side by side (seed) or one above the other: the one nearer the VERIFICA FINALE header is finale.
      const [a, b] = all as [LabelCell, LabelCell];
      const aFinale = finaleHeader ? dist(a, finaleHeader) < dist(b, finaleHeader) : a.c > b.c || a.r > b.r;
      return aFinale
        ? { intermedia: valueRightOf(view, b), finale: valueRightOf(view, a) }
        : { intermedia: valueRightOf(view, a), finale: valueRightOf(view, b) };
    }
    const only = all[0]!;
    const isFinale = !!finaleHeader && only.c >= finaleHeader.c && !found.intermedia;
    return isFinale ? { intermedia: null, finale: valueRightOf(view, only) } : { intermedia: valueRightOf(view, only), finale: null };
  };
  const valore = pick(found.valore);
  const tempi = pick(found.tempi);
  s.verifica = {
    intermedia: { valore: valore.intermedia, tempi: tempi.intermedia },
    finale: { valore: valore.finale, tempi: tempi.finale },
  };
  s.testi = testi(view);
}

const TEXT_ROLES: Array<[Role, keyof TestiVerifica]> = [
  ["analisi", "analisi"],
  ["cause", "cause"],
  ["effetti", "effetti"],
  ["provvedimenti", "provvedimenti"],
];

/** The text cells under or beside each heading (the label itself when it carries the text after a colon). */
function testi(view: SheetView): TestiVerifica {
  const out: TestiVerifica = { analisi: [], cause: [], effetti: [], provvedimenti: [] };
  for (const [role, key] of TEXT_ROLES) {
    for (const l of view.findAll(role)) {
      const right = view.rightOf(l);
      if (!view.blank(right.r, right.c) && !isHeading(view, right)) {
        out[key].push(right);
        continue;
      }
      const below = { r: view.mergeEndRow(l.r, l.c) + 1, c: l.c };
      if (!view.blank(below.r, below.c) && !isHeading(view, below)) out[key].push(below);
      else if (/:\s*\S/.test(l.text)) out[key].push({ r: l.r, c: l.c });
    }
  }
  return out;
}

function isHeading(view: SheetView, p: Pos): boolean {
  const n = view.norm(p.r, p.c);
  return (
    TEXT_ROLES.some(([role]) => view.is(role, n)) ||
    view.is("verificaFinale", n) ||
    view.is("verificaIntermedia", n) ||
    view.is("relazione", n)
  );
}
