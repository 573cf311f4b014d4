/**
 * Verifica: the MEDIA VALORE RAGGIUNTO % and MEDIA RISPETTO DEI TEMPI % cells of the intermediate
 * and final columns (side by side, as in the seed, or one above the other); and, when the
 * Relazione asks, the free text it quotes: Analisi degli scostamenti, Cause, Effetti, Provvedimenti.
 */
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import type { Role } from "../vocabulary/roles";
import { evidence, valueRightOf, type Evidence, type Located } from "./common";
import { isBlank } from "../grid";
import type { RecognisedScheda } from "./types";

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
}

/** The fields of the verifica block the Relazione quotes, each with its heading's role. */
export const CAMPI_TESTO = [
  ["relazione", "relazione"],
  ["analisi", "analisi"],
  ["cause", "cause"],
  ["effetti", "effetti"],
  ["intrapresi", "intrapresi"],
  ["daAttivare", "daAttivare"],
] as const satisfies ReadonlyArray<readonly [Role, string]>;

export type CampoTesto = (typeof CAMPI_TESTO)[number][1];

/** Headings of the verifica block and of the scheda's other blocks: a cell holding one is never a user's text. */
const LABEL_ROLES: readonly Role[] = [
  ...CAMPI_TESTO.map(([role]) => role),
  "provvedimenti",
  "verificaIntermedia",
  "verificaFinale",
  "mediaValore",
  "mediaTempi",
  "grado",
  "indicatori",
  "risorse",
  "personale",
];

/** How far right or down a text may sit from its heading. */
const MAX_GAP = 15;

interface Area {
  c1: number;
  c2: number;
  r1: number;
  r2: number;
}

/** The part of the sheet that belongs to one verifica column: side by side, or stacked. */
function areaOf(view: SheetView, colonna: "intermedia" | "finale"): Area {
  const all: Area = { c1: 0, c2: Number.MAX_SAFE_INTEGER, r1: 0, r2: Number.MAX_SAFE_INTEGER };
  const inter = view.find("verificaIntermedia");
  const fin = view.find("verificaFinale");
  if (!inter || !fin) return all;
  if (inter.r === fin.r) {
    // Side by side: the finale column starts at its header.
    return colonna === "finale"
      ? { ...all, c1: fin.c, r1: fin.r }
      : { ...all, c1: Math.min(inter.c, fin.c), c2: fin.c > inter.c ? fin.c - 1 : all.c2, r1: inter.r };
  }
  // Stacked: the finale block starts at its header's row.
  return colonna === "finale" ? { ...all, r1: fin.r } : { ...all, r1: inter.r, r2: fin.r > inter.r ? fin.r - 1 : all.r2 };
}

function inArea(a: Area, r: number, c: number): boolean {
  return r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2;
}

/** The text as typed: line breaks kept, only the outer white space trimmed; null when blank. */
function written(view: SheetView, r: number, c: number): string | null {
  const cell = view.own(r, c);
  if (!cell || cell.error || isBlank(cell.v)) return null;
  const v = cell.v;
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.trim() || null;
}

function isHeadingAt(view: SheetView, r: number, c: number): boolean {
  const own = view.own(r, c);
  if (!own || typeof own.v !== "string") return false;
  const roles = view.vocab.rolesOf(view.norm(r, c));
  return roles.size > 0 && LABEL_ROLES.some((role) => roles.has(role));
}

/** The text that belongs to a heading: right of it on its row, else just below it. */
function textOf(view: SheetView, l: LabelCell, area: Area): string | null {
  const right = view.mergeEndCol(l.r, l.c) + 1;
  for (let c = right; c <= right + MAX_GAP && inArea(area, l.r, c); c++) {
    if (isHeadingAt(view, l.r, c)) break;
    const t = written(view, l.r, c);
    if (t) return t;
  }
  const below = view.mergeEndRow(l.r, l.c) + 1;
  if (inArea(area, below, l.c) && !isHeadingAt(view, below, l.c)) return written(view, below, l.c);
  return null;
}

/**
 * What the verifica block says in words, exactly as written, for one column (intermedia or
 * finale): Relazione, Analisi degli scostamenti, Cause, Effetti, Provvedimenti intrapresi / da
 * attivare. Read on demand (the Relazione asks for it), not for every verifica.
 */
export function testiScritti(view: SheetView, colonna: "intermedia" | "finale"): Record<CampoTesto, string | null> {
  const area = areaOf(view, colonna);
  const out = { relazione: null, analisi: null, cause: null, effetti: null, intrapresi: null, daAttivare: null } as Record<
    CampoTesto,
    string | null
  >;
  for (const [role, campo] of CAMPI_TESTO) {
    for (const l of view.findAll(role)) {
      if (!inArea(area, l.r, l.c)) continue;
      const t = textOf(view, l, area);
      if (t) {
        out[campo] = t;
        break;
      }
    }
  }
  return out;
}
