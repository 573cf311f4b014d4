/**
 * Cronoprogramma (spec §2.1, §4.2): a Gantt of months, with per fase a previsto row and an
 * effettivo row ("1 previsto" / "1 effettivo", a merged fase number beside Previsto/Effettivo,
 * one row "1 previsto effettivo" holding both), or one row per fase (an activity Gantt; with no
 * effettivo row anywhere it is a plan); or, as management software exports it, start and end
 * dates per fase. Per-fase "Peso fase", "Stato" and "% avanzamento" columns are read where present.
 */
import { isBlank, type Cell } from "../grid";
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import type { Role } from "../vocabulary/roles";
import { MAX_TABLE_ROWS, evidence, isLabelLike, rowStartsBlock, type Evidence, type Located } from "./common";
import { faseNumber, numberedDescription } from "./fasi";
import { monthHeaderAt, type MonthHeader } from "./mesi";
import type { CronoDates, CronoRow, Cronoprogramma, RecognisedScheda } from "./types";

interface MonthsFound {
  kind: "mesi";
  label: LabelCell | null;
  header: MonthHeader;
}

interface DatesFound {
  kind: "date";
  label: LabelCell | null;
  headerRow: number;
  cols: { inizioPrevisto: number | null; finePrevista: number | null; inizioEffettivo: number | null; fineEffettiva: number | null };
}

export type CronoFound = MonthsFound | DatesFound;

/** Columns of the per-fase extras, found in the header rows. */
interface Extras {
  peso: number | null;
  stato: number | null;
  avanzamento: number | null;
}

const DATE_ROLES = ["inizioPrevisto", "finePrevista", "inizioEffettivo", "fineEffettiva"] as const;

function findDatesHeader(view: SheetView, from: number, to: number): (DatesFound["cols"] & { r: number }) | null {
  for (const r of view.rows()) {
    if (r < from) continue;
    if (r > to) break;
    const cols: DatesFound["cols"] = { inizioPrevisto: null, finePrevista: null, inizioEffettivo: null, fineEffettiva: null };
    let n = 0;
    for (const l of view.rowLabels(r)) {
      // The bare words "Inizio" / "Fine" under a PREVISTO or EFFETTIVO band take the band's side.
      const band = bandAbove(view, l);
      for (const role of DATE_ROLES) {
        if (!view.is(role, l.norm)) continue;
        let target: (typeof DATE_ROLES)[number] = role;
        if (band === "effettivo" && role === "inizioPrevisto") target = "inizioEffettivo";
        if (band === "effettivo" && role === "finePrevista") target = "fineEffettiva";
        if (cols[target] === null) {
          cols[target] = l.c;
          n++;
        } else if (target === "inizioPrevisto" && cols.inizioEffettivo === null) {
          // "Inizio | Fine | Inizio | Fine": the second pair is the effettivo one.
          cols.inizioEffettivo = l.c;
          n++;
        } else if (target === "finePrevista" && cols.fineEffettiva === null) {
          cols.fineEffettiva = l.c;
          n++;
        }
        break;
      }
    }
    const hasPlan = cols.inizioPrevisto !== null || cols.finePrevista !== null;
    if (hasPlan && n >= 2) return { ...cols, r };
  }
  return null;
}

function bandAbove(view: SheetView, l: LabelCell): "previsto" | "effettivo" | null {
  for (let r = l.r - 1; r >= Math.max(0, l.r - 2); r--) {
    const t = view.norm(r, l.c);
    if (!t) continue;
    const w = view.vocab.rowWords(t);
    if (w.effettivo && !w.previsto) return "effettivo";
    if (w.previsto && !w.effettivo) return "previsto";
    return null;
  }
  return null;
}

export function locate(view: SheetView): Located<CronoFound> | null {
  const label = view.find("cronoprogramma") ?? null;
  const ev: Evidence[] = label ? [evidence("cronoprogramma", label)] : [];
  let header: MonthHeader | null = null;
  for (const r of view.rows()) {
    if (label && r < label.r) continue;
    header = monthHeaderAt(view, r, true);
    if (header) break;
    if (label && r > label.r + 6) break;
  }
  if (!header && label) {
    // The label may sit after the header (a title row under the months) or the header far below.
    for (const r of view.rows()) {
      header = monthHeaderAt(view, r, false);
      if (header) break;
    }
  }
  if (header) {
    const rows = countFaseRows(view, header);
    const score = rows > 0 ? 3 : 1;
    return {
      blocco: "Cronoprogramma",
      score,
      evidence: [...ev],
      missing: rows > 0 ? [] : ["le righe delle fasi sotto i mesi"],
      data: { kind: "mesi", label, header },
    };
  }
  const from = label ? label.r : 0;
  const dates = findDatesHeader(view, from, label ? label.r + 6 : Number.MAX_SAFE_INTEGER);
  if (dates) {
    const { r, ...cols } = dates;
    return { blocco: "Cronoprogramma", score: 3, evidence: ev, missing: [], data: { kind: "date", label, headerRow: r, cols } };
  }
  if (!label) return null;
  return {
    blocco: "Cronoprogramma",
    score: 0.5,
    evidence: ev,
    missing: ["la riga dei mesi (gennaio … dicembre)"],
    data: { kind: "mesi", label, header: { r: label.r, cols: [], style: "nomi" } },
  };
}

function countFaseRows(view: SheetView, header: MonthHeader): number {
  const first = Math.min(...header.cols);
  let n = 0;
  for (const r of view.rows()) {
    if (r <= header.r) continue;
    if (r > header.r + 40 || n >= 2) break;
    if (rowLabel(view, r, first)) n++;
  }
  return n;
}

export function read(view: SheetView, found: CronoFound, s: RecognisedScheda): void {
  if (found.kind === "date") return readDates(view, found, s);
  if (found.header.cols.length !== 12) {
    if (found.label) s.problems.push({ at: found.label, blocco: "Cronoprogramma", cosa: "la riga dei mesi (gennaio … dicembre)" });
    return;
  }
  const header = found.header;
  const firstMonthCol = Math.min(...header.cols);
  const extras = extrasOf(view, header.r, firstMonthCol);
  const rows: CronoRow[] = [];
  const byN = new Map<number, CronoRow>();
  const consumed = new Set<number>();
  let misses = 0;
  let last: CronoRow | null = null;
  for (const r of view.rows()) {
    if (r <= header.r || consumed.has(r)) continue;
    if (r > header.r + MAX_TABLE_ROWS) break;
    if (rowStartsBlock(view, r) && !header.cols.some((c) => !view.blank(r, c) && !isLabelLike(view, { r, c }))) break;
    const info = rowLabel(view, r, firstMonthCol);
    if (!info) {
      // "effettivo" alone under "1 previsto" (the fase number written once, not merged).
      if (last && last.effettivoRow === null && last.previstoRow === r - 1 && ownRowWords(view, r, firstMonthCol) === "effettivo") {
        last.effettivoRow = r;
        misses = 0;
        continue;
      }
      if (++misses >= 3) break;
      continue;
    }
    misses = 0;
    let row = byN.get(info.n);
    if (!row) {
      row = {
        n: info.n,
        label: info.at,
        previstoRow: null,
        effettivoRow: null,
        descrizione: info.descrizione,
        peso: extras.peso === null ? null : { r, c: extras.peso },
        stato: extras.stato === null ? null : { r, c: extras.stato },
        avanzamento: extras.avanzamento === null ? null : { r, c: extras.avanzamento },
        dates: null,
      };
      byN.set(info.n, row);
      rows.push(row);
    }
    last = row;
    if (info.kind === "both") {
      row.previstoRow = r;
      const bottom = info.spanEnd > r ? info.spanEnd : nextFreeRow(view, r, firstMonthCol);
      if (bottom !== null) {
        row.effettivoRow = bottom;
        consumed.add(bottom);
      }
    } else if (info.kind === "previsto") row.previstoRow ??= r;
    else row.effettivoRow ??= r;
  }
  const crono: Cronoprogramma = {
    label: found.label ?? { r: header.r, c: firstMonthCol },
    kind: "mesi",
    monthCols: header.cols,
    headerRow: header.r,
    rows,
    planOnly: rows.length > 0 && rows.every((x) => x.effettivoRow === null),
    backgroundFill: null,
  };
  crono.backgroundFill = backgroundFill(view, crono);
  s.crono = crono;
}

/** Peso fase / Stato / % avanzamento columns in the header rows (left or right of the months). */
function extrasOf(view: SheetView, headerRow: number, firstMonthCol: number): Extras {
  const out: Extras = { peso: null, stato: null, avanzamento: null };
  for (let r = headerRow - 1; r <= headerRow; r++) {
    for (const l of view.rowLabels(r)) {
      const pick = (role: Role, k: keyof Extras): boolean => {
        if (out[k] !== null || !view.is(role, l.norm)) return false;
        out[k] = l.c;
        return true;
      };
      if (l.c >= firstMonthCol && view.vocab.month(l.text)) continue;
      if (pick("avanzamento", "avanzamento") || pick("statoFase", "stato") || pick("pesoFase", "peso")) continue;
    }
  }
  return out;
}

interface RowLabelInfo {
  n: number;
  kind: "previsto" | "effettivo" | "both";
  at: Pos;
  /** Last row covered by the fase's label (a merge over two sub-rows). */
  spanEnd: number;
  /** A description written on the Gantt's own row, right of the number. */
  descrizione: Pos | null;
}

const NO_WORDS = Object.freeze({ previsto: false, effettivo: false });

/** Words of a normalised label (single spaces between them). */
function wordCount(norm: string): number {
  if (norm === "") return 1;
  let n = 1;
  for (let i = 0; i < norm.length; i++) if (norm.charCodeAt(i) === 32) n++;
  return n;
}

// Module-level patterns: a literal inside a function is a new RegExp object per call (rows × cells).
const FASE_NUMBER_START = /^(?:fase\s*|f\s?)?(\d{1,2})\b/;
const NUMBER_THEN_WORD = /^(?:fase\s*)?\d{1,2}\s+[a-z]/;
const THREE_LETTERS = /[a-z]{3}/i;

/** Reads "1 previsto", "1 effettivo", "1 previsto effettivo", or a fase number beside Previsto/Effettivo. */
function rowLabel(view: SheetView, r: number, firstMonthCol: number): RowLabelInfo | null {
  let n: number | null = null;
  let prev = false;
  let eff = false;
  let at: Pos | null = null;
  let spanEnd = r;
  let descrizione: Pos | null = null;
  for (let c = 0; c < firstMonthCol; c++) {
    const text = view.text(r, c);
    if (!text) continue;
    const norm = view.norm(r, c);
    // A fase number starts with a digit or "f" (fase, F1): the pattern runs only then.
    const c0 = norm.charCodeAt(0);
    const num = (c0 >= 48 && c0 <= 57) || c0 === 102 ? FASE_NUMBER_START.exec(norm) : null;
    if (num && n === null && (faseNumber(text) !== null || NUMBER_THEN_WORD.test(norm))) {
      n = Number(num[1]);
      const anchor = view.anchor(r, c);
      at ??= anchor;
      spanEnd = Math.max(spanEnd, view.mergeEndRow(r, c));
      const rest = norm.slice(num[0].length).trim();
      const w = wordCount(rest) <= 3 ? view.vocab.rowWords(rest) : NO_WORDS;
      if (w.previsto) prev = true;
      if (w.effettivo) eff = true;
      // "1. Ricognizione dei procedimenti": the number and the description in one cell.
      if (!w.previsto && !w.effettivo && numberedDescription(text) !== null) descrizione = view.anchor(r, c);
      continue;
    }
    // Only a short label says previsto/effettivo: a description may contain those words.
    const w = wordCount(norm) <= 3 ? view.vocab.rowWords(norm) : NO_WORDS;
    if (w.previsto) prev = true;
    if (w.effettivo) eff = true;
    if (!w.previsto && !w.effettivo && n !== null && descrizione === null && isDescription(view, r, c)) descrizione = view.anchor(r, c);
    at ??= { r, c };
  }
  if (n === null || !at) return null;
  // A merged fase number spanning two rows beside no Previsto/Effettivo words: top previsto.
  let kind: RowLabelInfo["kind"];
  if (prev && eff) kind = "both";
  else if (eff) kind = "effettivo";
  else if (prev) kind = "previsto";
  else if (spanEnd > r) kind = "both";
  else kind = "previsto";
  // Beside a merged number, the own row's word decides (the second sub-row reads "Effettivo").
  if (kind === "both" && spanEnd > r) {
    const ownWords = ownRowWords(view, r, firstMonthCol);
    if (ownWords === "previsto") return { n, kind: "previsto", at, spanEnd, descrizione };
  }
  return { n, kind, at, spanEnd, descrizione };
}

/** Text that describes a fase, not a number, a percentage or a stato word. */
function isDescription(view: SheetView, r: number, c: number): boolean {
  const v = view.cell(r, c)?.v;
  return typeof v === "string" && THREE_LETTERS.test(v) && v.trim().length > 3;
}

function ownRowWords(view: SheetView, r: number, firstMonthCol: number): "previsto" | "effettivo" | null {
  for (let c = 0; c < firstMonthCol; c++) {
    const own = view.own(r, c);
    if (!own || typeof own.v !== "string") continue;
    const w = view.vocab.rowWords(view.norm(r, c));
    if (w.previsto && !w.effettivo) return "previsto";
    if (w.effettivo && !w.previsto) return "effettivo";
  }
  return null;
}

/** For a one-row "1 previsto effettivo" label that is not merged: the next row, when its label area is empty. */
function nextFreeRow(view: SheetView, r: number, firstMonthCol: number): number | null {
  const next = r + 1;
  for (let c = 0; c < firstMonthCol; c++) if (!view.blank(next, c)) return null;
  return next;
}

function readDates(view: SheetView, found: DatesFound, s: RecognisedScheda): void {
  const { cols } = found;
  const dateCols = Object.values(cols).filter((c): c is number => c !== null);
  const firstDateCol = Math.min(...dateCols);
  const extras = extrasOf(view, found.headerRow, Number.MAX_SAFE_INTEGER);
  const rows: CronoRow[] = [];
  let n = 0;
  let misses = 0;
  for (const r of view.rows()) {
    if (r <= found.headerRow) continue;
    if (r > found.headerRow + MAX_TABLE_ROWS) break;
    const anyDate = dateCols.some((c) => !view.blank(r, c));
    // Another table's header (Indicatore | Target | …) ends the azioni.
    const roles = view.rowLabels(r).map((l) => view.vocab.roleOf(l.norm, ["indicatore", "atteso", "realizzato"]));
    if (roles.includes("atteso") && (roles.includes("indicatore") || roles.includes("realizzato"))) break;
    // A row with dates is a fase, whatever its description says ("Relazione finale al …").
    if (!anyDate && rowStartsBlock(view, r)) break;
    let num: number | null = null;
    let at: Pos | null = null;
    let descrizione: Pos | null = null;
    for (let c = 0; c < firstDateCol; c++) {
      const t = view.text(r, c);
      if (!t) continue;
      const fn = faseNumber(t);
      // The fase number comes first in its row, before the description.
      if (fn !== null && num === null && descrizione === null) {
        num = fn;
        at ??= view.anchor(r, c);
      } else if (descrizione === null && isDescription(view, r, c)) {
        descrizione = view.anchor(r, c);
        at ??= descrizione;
      }
    }
    // A fase has a date, or at least its number and description (not yet planned).
    if (!anyDate && (num === null || !descrizione)) {
      if (++misses >= 3) break;
      continue;
    }
    misses = 0;
    n = num ?? n + 1;
    const at2 = (c: number | null): Pos | null => (c === null ? null : { r, c });
    const dates: CronoDates = {
      inizioPrevisto: at2(cols.inizioPrevisto),
      finePrevista: at2(cols.finePrevista),
      inizioEffettivo: at2(cols.inizioEffettivo),
      fineEffettiva: at2(cols.fineEffettiva),
    };
    rows.push({
      n,
      label: at ?? { r, c: firstDateCol },
      previstoRow: null,
      effettivoRow: null,
      descrizione,
      peso: extras.peso === null ? null : { r, c: extras.peso },
      stato: extras.stato === null ? null : { r, c: extras.stato },
      avanzamento: extras.avanzamento === null ? null : { r, c: extras.avanzamento },
      dates,
    });
  }
  s.crono = {
    label: found.label ?? { r: found.headerRow, c: firstDateCol },
    kind: "date",
    monthCols: [],
    headerRow: found.headerRow,
    rows,
    planOnly: cols.inizioEffettivo === null && cols.fineEffettiva === null,
    backgroundFill: null,
  };
}

function backgroundFill(view: SheetView, crono: Cronoprogramma): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  let bare = 0;
  const cols = [...new Set(crono.monthCols)];
  for (const row of crono.rows) {
    for (const r of [row.previstoRow, row.effettivoRow]) {
      if (r === null) continue;
      for (const c of cols) {
        total++;
        const own = view.own(r, c);
        const f = own?.fill;
        if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
        else if (isBlank(own?.v)) bare++;
      }
    }
  }
  if (total < 24) return null;
  for (const [fill, n] of counts) if (n / total >= 0.9) return fill;
  // A shaded grid with marks in another colour: the fill under most cells is the background when
  // (nearly) every other cell carries another fill. Marks in two colours on a white grid leave
  // many bare cells, so their colours are never taken for a background.
  let top: string | null = null;
  let n = 0;
  for (const [fill, k] of counts)
    if (k > n) {
      top = fill;
      n = k;
    }
  if (top === null || n / total < 0.5 || counts.size < 2 || bare / total > 0.1) return null;
  return top;
}

/** A cronoprogramma cell is marked by any non-blank value or a solid fill (not white, not background). */
export function isMarked(view: SheetView, r: number, c: number, background: string | null): boolean {
  const cell: Cell | undefined = view.own(r, c);
  if (!cell) return false;
  if (!isBlank(cell.v)) return true;
  const f = cell.fill;
  return !!f && f !== "#FFFFFF" && f !== background;
}
