/**
 * What every block shares: the evidence it found, the labels that start a block (a table stops
 * scanning at them), and the "value of this header label" look-up.
 */
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import type { Role } from "../vocabulary/roles";
import type { Vocabulary } from "../vocabulary/vocabulary";

/** A block's name as the user reads it in messages. */
export type BlockName =
  "Intestazione" | "Contesto" | "Personale coinvolto" | "Fasi" | "Cronoprogramma" | "Indicatori" | "Verifica" | "Indici";

export interface Evidence {
  role: Role;
  at: Pos;
  text: string;
}

/** A located block: how sure we are (score), and the labels that say so. */
export interface Located<T> {
  blocco: BlockName;
  score: number;
  evidence: Evidence[];
  /** What the block lacks to be read fully (e.g. "la colonna «Realizzato»"). */
  missing: string[];
  data: T;
}

/** How many rows a table may run before we stop looking (guards against stray cells far below). */
export const MAX_TABLE_ROWS = 200;

/** Labels that start a block: scanning a table stops when one of them appears. */
const BLOCK_START_ROLES: readonly Role[] = [
  "personale",
  "fasi",
  "cronoprogramma",
  "indicatori",
  "indicatoriEnte",
  "verificaIntermedia",
  "verificaFinale",
  "mediaValore",
  "mediaTempi",
  "grado",
  "indici",
  "analisi",
  "schedaObiettivo",
  "obiettivoStrategico",
  "missioneProgramma",
  "risorse",
  "relazione",
  "provvedimenti",
];

/** Block starts that are also common column or indicator words: they start a block only in a cell of their own. */
const WEAK_STARTS: readonly Role[] = ["fasi", "indicatori", "cronoprogramma"];

/** Per vocabulary, what each label is: asked of the same few hundred labels on every scheda. */
const kinds = new WeakMap<Vocabulary, Map<string, number>>();
const BLOCK_START = 1;
const LABEL_LIKE = 2;

function kindOf(vocab: Vocabulary, norm: string): number {
  let memo = kinds.get(vocab);
  if (!memo) kinds.set(vocab, (memo = new Map()));
  let k = memo.get(norm);
  if (k === undefined) {
    const roles = vocab.rolesOf(norm);
    const start = roles.size > 0 && BLOCK_START_ROLES.some((r) => roles.has(r));
    const header = roles.size > 0 && HEADER_ROLES.some((r) => roles.has(r));
    k = (start ? BLOCK_START : 0) | (start || header ? LABEL_LIKE : 0);
    if (memo.size > 50_000) memo.clear();
    memo.set(norm, k);
  }
  return k;
}

export function isBlockStart(view: SheetView, norm: string): boolean {
  return (kindOf(view.vocab, norm) & BLOCK_START) !== 0;
}

/** True when row r holds a label that starts a block other than the ones named. */
export function rowStartsBlock(view: SheetView, r: number, except: readonly Role[] = []): boolean {
  const labels = view.rowLabels(r);
  return labels.some((l) => {
    if (!isBlockStart(view, l.norm)) return false;
    const roles = view.vocab.rolesOf(l.norm);
    for (const role of BLOCK_START_ROLES) {
      if (!roles.has(role) || except.includes(role)) continue;
      // "Fasi" or "Indicatori" beside other headers is a column of a table, not a new block.
      if (WEAK_STARTS.includes(role) && labels.length > 2) continue;
      return true;
    }
    return false;
  });
}

const HEADER_ROLES: readonly Role[] = ["numero", "titolo", "pesatura", "anno", "responsabile", "settore", "rilevanza"];

export function isLabelLike(view: SheetView, p: Pos): boolean {
  // A label is text: a number, a date or a boolean never is.
  if (typeof view.cell(p.r, p.c)?.v !== "string") return false;
  const n = view.norm(p.r, p.c);
  return n !== "" && (kindOf(view.vocab, n) & LABEL_LIKE) !== 0;
}

/** Value of a header label: below it (seed layout) or right of it (a label/value pair). */
export function valueOfHeader(view: SheetView, l: LabelCell, preferBelow: boolean): Pos {
  const endRow = view.mergeEndRow(l.r, l.c);
  const below = { r: endRow + 1, c: l.c };
  const belowHas = !view.blank(below.r, below.c) && !isLabelLike(view, below);
  const right = view.rightOf(l);
  const rightHas = !view.blank(right.r, right.c) && !isLabelLike(view, right) && right.c - l.c <= 8;
  if (preferBelow) return belowHas || !rightHas ? below : right;
  return rightHas || !belowHas ? right : below;
}

/**
 * The value right of a label. When that value is still empty, the first non-blank cell further
 * right may be the next column's label (VERIFICA FINALE's "MEDIA VALORE RAGGIUNTO %"): then the
 * value belongs in the cell just right of the label, never over that label.
 */
export function valueRightOf(view: SheetView, l: Pos): Pos {
  const p = view.rightOf(l);
  return isLabelLike(view, p) ? { r: l.r, c: view.mergeEndCol(l.r, l.c) + 1 } : p;
}

// Patterns live at module level: a literal inside a function is a new RegExp object on every call,
// garbage that the engine's scavenges pay for (docs/ARCHITECTURE.md, "Speed").
const LABEL_COLON_VALUE = /^[^:]{2,60}:\s*(\S.*)$/s;

/** A year and nothing else: "2023". */
export const YEAR_TEXT = /^(19|20)\d{2}$/;

/** "Obiettivo n. 3: Titolo" → the text after the label's own words, when the label carries its value. */
export function inlineValue(text: string): string | null {
  const m = LABEL_COLON_VALUE.exec(text.trim());
  return m ? m[1]!.trim() : null;
}

export function evidence(role: Role, l: LabelCell): Evidence {
  // The label is its own position (a LabelCell is a Pos): no copy.
  return { role, at: l, text: l.text };
}
