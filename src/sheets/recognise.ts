/**
 * Recognises a scheda by its labels (spec §2) and records where each piece sits, so that the
 * engine can read the values and plans can write back into exactly the right cells.
 */
import { isBlank, type Cell } from "./grid";
import { EFFETTIVO_WORD, L, PREVISTO_WORD, isBlockStart } from "./labels";
import { SheetView, matches, type LabelCell, type Pos } from "./sheet-view";
import { isDateFormat, monthFromLabel, serialToDate } from "../domain/values";
import { normLabel } from "../domain/text";

export interface PersonaRef {
  row: number;
  nome: Pos;
  categoria: Pos | null;
  prevista: Pos | null;
  realizzata: Pos | null;
}

export interface CronoRow {
  n: number;
  /** Where the fase's row label sits (for diagnostics). */
  label: Pos;
  previstoRow: number | null;
  effettivoRow: number | null;
}

export interface Cronoprogramma {
  label: Pos;
  /** Column of each month, index 0 = gennaio. */
  monthCols: number[];
  rows: CronoRow[];
  /** A fill that covers the whole table is a background, not a mark. */
  backgroundFill: string | null;
}

export interface IndicatoreRef {
  row: number;
  nome: Pos;
  atteso: Pos;
  realizzato: Pos;
  esito: Pos | null;
  note: Pos | null;
  peso: Pos | null;
}

export interface IndiceRef {
  row: number;
  nome: Pos;
  anni: Pos[];
  media: Pos | null;
}

export interface Problem {
  at: Pos;
  blocco: string;
  cosa: string;
}

export interface RecognisedScheda {
  tipo: "obiettivo" | "ente";
  view: SheetView;
  numero: Pos | null;
  titolo: Pos | null;
  pesatura: Pos | null;
  personaleLabel: Pos | null;
  previstaHeader: Pos | null;
  realizzataHeader: Pos | null;
  personale: PersonaRef[];
  fasi: Map<number, Pos>;
  fasiLabel: Pos | null;
  crono: Cronoprogramma | null;
  indicatoriLabel: Pos | null;
  indicatori: IndicatoreRef[];
  verifica: {
    intermedia: { valore: Pos | null; tempi: Pos | null };
    finale: { valore: Pos | null; tempi: Pos | null };
  };
  grado: Pos | null;
  indici: IndiceRef[];
  problems: Problem[];
}

/** The ente scheda's title as a whole cell (not a phrase inside a description). */
const ENTE_TITLE = /^(scheda )?obiettivo di performance organizzativa (di|dell) ente$/;

/** How many rows a table may run before we stop looking (guards against stray cells far below). */
const MAX_TABLE_ROWS = 200;

export function classify(view: SheetView): "obiettivo" | "ente" | null {
  const hasEnte = !!view.find(L.ente) || !!view.find(L.indicatoriEnte);
  const hasNumero = !!view.find(L.numero);
  const blocks = [L.personale, L.cronoprogramma, L.indicatori, L.fasi, L.mediaValore].filter((re) => view.find(re)).length;
  if (hasEnte && !hasNumero) return "ente";
  // The ente scheda's own title in a cell of its own wins over an N. OBIETTIVO some comuni add.
  if (hasNumero && view.labels.some((l) => matches(ENTE_TITLE, l.norm))) return "ente";
  if (hasNumero && blocks >= 1) return "obiettivo";
  if (view.find(L.obiettivoDiStruttura) && blocks >= 2) return "obiettivo";
  if (hasEnte) return "ente";
  return null;
}

export function recognise(view: SheetView, tipo: "obiettivo" | "ente"): RecognisedScheda {
  const s: RecognisedScheda = {
    tipo,
    view,
    numero: null,
    titolo: null,
    pesatura: null,
    personaleLabel: null,
    previstaHeader: null,
    realizzataHeader: null,
    personale: [],
    fasi: new Map(),
    fasiLabel: null,
    crono: null,
    indicatoriLabel: null,
    indicatori: [],
    verifica: { intermedia: { valore: null, tempi: null }, finale: { valore: null, tempi: null } },
    grado: null,
    indici: [],
    problems: [],
  };
  if (tipo === "obiettivo") readHeader(view, s);
  else readEnteHeader(view, s);
  readPersonale(view, s);
  if (tipo === "obiettivo") {
    readFasi(view, s);
    readCrono(view, s);
  } else {
    readIndici(view, s);
  }
  readIndicatori(view, s);
  readVerifica(view, s);
  return s;
}

/** Value of a header label: below it (seed layout) or right of it (a label/value pair). */
function valueOfHeader(view: SheetView, l: LabelCell, preferBelow: boolean): Pos {
  const endRow = view.mergeEndRow(l.r, l.c);
  const below = { r: endRow + 1, c: l.c };
  const belowHas = !view.blank(below.r, below.c) && !isLabelLike(view, below);
  const right = view.rightOf(l);
  const rightHas = !view.blank(right.r, right.c) && !isLabelLike(view, right);
  if (preferBelow) return belowHas || !rightHas ? below : right;
  return rightHas || !belowHas ? right : below;
}

function isLabelLike(view: SheetView, p: Pos): boolean {
  const n = view.norm(p.r, p.c);
  return L.numero.test(n) || L.titolo.test(n) || L.pesatura.test(n) || isBlockStart(n) || L.anno.test(n);
}

function readHeader(view: SheetView, s: RecognisedScheda): void {
  const num = view.find(L.numero);
  if (!num) return;
  const tit = view.rowLabels(num.r).find((l) => L.titolo.test(l.norm)) ?? view.find(L.titolo, num);
  const pes = view.rowLabels(num.r).find((l) => L.pesatura.test(l.norm)) ?? view.find(L.pesatura, num);
  // When TITOLO sits in the same row as N.OBIETTIVO, the values are in the row below (the seed).
  const vertical = !!tit && tit.r === num.r;
  s.numero = valueOfHeader(view, num, vertical);
  if (tit) s.titolo = valueOfHeader(view, tit, tit.r === num.r);
  if (pes) s.pesatura = valueOfHeader(view, pes, pes.r === num.r);
}

function readEnteHeader(view: SheetView, s: RecognisedScheda): void {
  const proc = view.find(L.processo);
  if (proc) {
    const below = view.rows().find((r) => r > proc.r);
    if (below !== undefined && !view.blank(below, proc.c) && !isBlockStart(view.norm(below, proc.c))) s.titolo = { r: below, c: proc.c };
    else s.titolo = { r: proc.r, c: proc.c };
  }
  const peso = view.find(L.pesatura);
  if (peso) s.pesatura = view.rightOf(peso);
}

function readPersonale(view: SheetView, s: RecognisedScheda): void {
  const label = view.find(L.personale);
  if (!label) return;
  s.personaleLabel = label;
  let nomeCol: number | null = null;
  let catCol: number | null = null;
  let prevCol: number | null = null;
  let realCol: number | null = null;
  let headerEnd = label.r;
  // The header may span a few rows ("% Partecipazione" over "Prevista | Realizzata").
  for (let r = label.r; r <= label.r + 4; r++) {
    for (const l of view.rowLabels(r)) {
      if (l.r === label.r && l.c === label.c) continue;
      if (nomeCol === null && L.nome.test(l.norm)) {
        nomeCol = l.c;
        headerEnd = Math.max(headerEnd, r);
      } else if (catCol === null && L.categoria.test(l.norm)) {
        catCol = l.c;
        headerEnd = Math.max(headerEnd, r);
      } else if (prevCol === null && L.prevista.test(l.norm)) {
        prevCol = l.c;
        s.previstaHeader = l;
        headerEnd = Math.max(headerEnd, r);
      } else if (realCol === null && L.realizzata.test(l.norm)) {
        realCol = l.c;
        s.realizzataHeader = l;
        headerEnd = Math.max(headerEnd, r);
      }
    }
  }
  if (nomeCol === null) {
    s.problems.push({ at: label, blocco: "Personale coinvolto", cosa: "la colonna «Cognome e Nome»" });
    return;
  }
  if (prevCol === null) s.problems.push({ at: label, blocco: "Personale coinvolto", cosa: "la colonna «Prevista»" });
  for (const r of view.rows()) {
    if (r <= headerEnd) continue;
    if (r > headerEnd + MAX_TABLE_ROWS) break;
    if (view.rowStartsBlock(r, isBlockStart) || view.rowStartsBlock(r, (n) => L.indicatoriEnte.test(n))) break;
    if ([nomeCol, catCol].some((c) => c !== null && L.totale.test(view.norm(r, c)))) continue;
    const nomeBlank = view.blank(r, nomeCol);
    if (nomeBlank) {
      const pcts = [prevCol, realCol].some((c) => c !== null && !view.blank(r, c));
      if (!pcts) continue;
    }
    s.personale.push({
      row: r,
      nome: { r, c: nomeCol },
      categoria: catCol === null ? null : { r, c: catCol },
      prevista: prevCol === null ? null : { r, c: prevCol },
      realizzata: realCol === null ? null : { r, c: realCol },
    });
  }
}

function readFasi(view: SheetView, s: RecognisedScheda): void {
  const label = view.find(L.fasi);
  if (!label) return;
  s.fasiLabel = label;
  let expected = 1;
  for (const r of view.rows()) {
    if (r <= view.mergeEndRow(label.r, label.c)) continue;
    if (r > label.r + MAX_TABLE_ROWS) break;
    // The fase number sits in the label's column or up to two columns left of it.
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
    if (found === null || found !== expected) break;
    const descCol = view.mergeEndCol(r, numCol) + 1;
    s.fasi.set(found, { r, c: descCol });
    expected++;
  }
}

/** "1", "1.", "Fase 1" → 1. */
function faseNumber(text: string): number | null {
  const m = /^(?:fase\s*)?(\d{1,2})[.)°]?$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

function readCrono(view: SheetView, s: RecognisedScheda): void {
  const label = view.find(L.cronoprogramma);
  // The month header: a row with at least ten month names left to right.
  let header: { r: number; cols: number[] } | null = null;
  for (const r of view.rows()) {
    if (label && r < label.r) continue;
    const months = new Array<number>(12).fill(-1);
    let count = 0;
    for (const [c, cell] of view.grid.rowCells(r)) {
      const m = monthOfCell(cell);
      if (m && months[m - 1] === -1) {
        months[m - 1] = c;
        count++;
      }
    }
    if (count >= 10) {
      header = { r, cols: fillMonthCols(months) };
      break;
    }
    if (label && r > label.r + 6) break;
  }
  if (!header) {
    if (label) s.problems.push({ at: label, blocco: "Cronoprogramma", cosa: "la riga dei mesi (gennaio … dicembre)" });
    return;
  }
  const firstMonthCol = Math.min(...header.cols);
  const rows: CronoRow[] = [];
  const byN = new Map<number, CronoRow>();
  const consumed = new Set<number>();
  let misses = 0;
  let last: CronoRow | null = null;
  for (const r of view.rows()) {
    if (r <= header.r || consumed.has(r)) continue;
    if (r > header.r + MAX_TABLE_ROWS) break;
    if (view.rowStartsBlock(r, isBlockStart)) break;
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
      row = { n: info.n, label: info.at, previstoRow: null, effettivoRow: null };
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
    label: label ?? { r: header.r, c: firstMonthCol },
    monthCols: header.cols,
    rows,
    backgroundFill: null,
  };
  crono.backgroundFill = backgroundFill(view, crono);
  s.crono = crono;
}

/** A month header cell: a month name ("settem.", "GEN 2023"), or a real date (Excel's "mmm-yy" headers). */
function monthOfCell(cell: Cell): number | null {
  const v = cell.v;
  if (typeof v === "string") return monthFromLabel(v);
  if (v instanceof Date) return v.getUTCMonth() + 1;
  if (typeof v === "number" && isDateFormat(cell.fmt) && v > 0 && v < 2_958_466) return serialToDate(v).m;
  return null;
}

/** Months missing from the header (a typo, a merged cell) take the column between their neighbours. */
function fillMonthCols(months: number[]): number[] {
  const out = [...months];
  for (let i = 0; i < 12; i++) {
    if (out[i] !== -1) continue;
    const prev = i > 0 ? out[i - 1]! : -1;
    out[i] = prev >= 0 ? prev + 1 : (out[i + 1] ?? 1) - 1;
  }
  return out;
}

interface RowLabelInfo {
  n: number;
  kind: "previsto" | "effettivo" | "both";
  at: Pos;
  /** Last row covered by the fase's label (a merge over two sub-rows). */
  spanEnd: number;
}

/** Reads "1 previsto", "1 effettivo", "1 previsto effettivo", or a fase number beside Previsto/Effettivo. */
function rowLabel(view: SheetView, r: number, firstMonthCol: number): RowLabelInfo | null {
  let n: number | null = null;
  let prev = false;
  let eff = false;
  let at: Pos | null = null;
  let spanEnd = r;
  for (let c = 0; c < firstMonthCol; c++) {
    const text = view.text(r, c);
    if (!text) continue;
    const norm = normLabel(text);
    const num = /^(?:fase\s*)?(\d{1,2})\b/.exec(norm);
    if (num && n === null) {
      n = Number(num[1]);
      const anchor = view.anchor(r, c);
      at ??= anchor;
      spanEnd = Math.max(spanEnd, view.mergeEndRow(r, c));
    }
    if (PREVISTO_WORD.test(norm)) prev = true;
    if (EFFETTIVO_WORD.test(norm)) eff = true;
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
    if (ownWords === "previsto") return { n, kind: "previsto", at, spanEnd };
  }
  return { n, kind, at, spanEnd };
}

function ownRowWords(view: SheetView, r: number, firstMonthCol: number): "previsto" | "effettivo" | null {
  for (let c = 0; c < firstMonthCol; c++) {
    const own = view.own(r, c);
    if (!own || typeof own.v !== "string") continue;
    const norm = normLabel(own.v);
    if (PREVISTO_WORD.test(norm) && !EFFETTIVO_WORD.test(norm)) return "previsto";
    if (EFFETTIVO_WORD.test(norm) && !PREVISTO_WORD.test(norm)) return "effettivo";
  }
  return null;
}

/** For a one-row "1 previsto effettivo" label that is not merged: the next row, when its label area is empty. */
function nextFreeRow(view: SheetView, r: number, firstMonthCol: number): number | null {
  const next = r + 1;
  for (let c = 0; c < firstMonthCol; c++) if (!view.blank(next, c)) return null;
  return next;
}

function backgroundFill(view: SheetView, crono: Cronoprogramma): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  let bare = 0;
  for (const row of crono.rows) {
    for (const r of [row.previstoRow, row.effettivoRow]) {
      if (r === null) continue;
      for (const c of crono.monthCols) {
        total++;
        const f = view.own(r, c)?.fill;
        if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
        else if (isBlank(view.own(r, c)?.v)) bare++;
      }
    }
  }
  if (total < 24) return null;
  for (const [fill, n] of counts) if (n / total >= 0.9) return fill;
  // A shaded grid with marks in another colour: the fill under most cells is the background when
  // (nearly) every other cell carries another fill. Marks in two colours on a white grid leave
  // many bare cells, so their colours are never taken for a background.
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  if (top === null || n / total < 0.5 || counts.size < 2 || bare / total > 0.1) return null;
  return top;
}

/** A cronoprogramma cell is marked by any non-blank value or a solid fill (not white, not background). */
export function isMarked(view: SheetView, r: number, c: number, background: string | null): boolean {
  const cell = view.own(r, c);
  if (!cell) return false;
  if (!isBlank(cell.v)) return true;
  const f = cell.fill;
  return !!f && f !== "#FFFFFF" && f !== background;
}

function readIndicatori(view: SheetView, s: RecognisedScheda): void {
  const label = view.find(s.tipo === "ente" ? L.indicatoriEnte : L.indicatori) ?? view.find(L.indicatori);
  if (!label) return;
  s.indicatoriLabel = label;
  let headerRow: number | null = null;
  let cols: { nome: number; atteso: number; realizzato: number; esito: number | null; note: number | null; peso: number | null } | null =
    null;
  for (let r = label.r; r <= label.r + 3 && !cols; r++) {
    const row = view.rowLabels(r);
    const att = row.find((l) => L.atteso.test(l.norm) && !(l.r === label.r && l.c === label.c));
    const real = row.find((l) => L.realizzato.test(l.norm) && l !== att);
    if (!att || !real) continue;
    // A header over two rows ("Performance" above "attesa | realizzata"): Indicatore, Esito and
    // Note may sit in the row above, merged down or not.
    const above = r > label.r ? view.rowLabels(r - 1).filter((l) => !(l.r === label.r && l.c === label.c)) : [];
    const inHeader = (re: RegExp) => row.find((l) => re.test(l.norm)) ?? above.find((l) => re.test(l.norm));
    const nome = inHeader(L.indicatore) ?? (r === label.r ? label : undefined);
    const es = inHeader(L.esito);
    const note = inHeader(L.note);
    const peso = inHeader(L.peso);
    headerRow = view.mergeEndRow(r, att.c);
    cols = {
      nome: nome ? nome.c : label.c,
      atteso: att.c,
      realizzato: real.c,
      esito: es ? es.c : null,
      note: note ? note.c : null,
      peso: peso ? peso.c : null,
    };
  }
  if (!cols || headerRow === null) {
    s.problems.push({
      at: label,
      blocco: "Indicatori di performance",
      cosa: "l'intestazione (Indicatore, Performance attesa, Performance realizzata, Esito)",
    });
    return;
  }
  if (cols.esito === null)
    s.problems.push({ at: { r: headerRow, c: cols.realizzato }, blocco: "Indicatori di performance", cosa: "la colonna «Esito»" });
  for (const r of view.rows()) {
    if (r <= headerRow) continue;
    if (r > headerRow + MAX_TABLE_ROWS) break;
    if (view.rowStartsBlock(r, isBlockStart)) {
      const g = view.rowLabels(r).find((l) => L.grado.test(l.norm));
      if (g) s.grado = valueRightOf(view, g);
      break;
    }
    const nameBlank = view.blank(r, cols.nome);
    const valuesBlank = view.blank(r, cols.atteso) && view.blank(r, cols.realizzato);
    if (nameBlank && valuesBlank) continue;
    s.indicatori.push({
      row: r,
      nome: { r, c: cols.nome },
      atteso: { r, c: cols.atteso },
      realizzato: { r, c: cols.realizzato },
      esito: cols.esito === null ? null : { r, c: cols.esito },
      note: cols.note === null ? null : { r, c: cols.note },
      peso: cols.peso === null ? null : { r, c: cols.peso },
    });
  }
  if (!s.grado) {
    const g = view.find(L.grado, label);
    if (g) s.grado = valueRightOf(view, g);
  }
}

function readVerifica(view: SheetView, s: RecognisedScheda): void {
  const finaleHeader = view.find(L.verificaFinale);
  const pick = (re: RegExp): { intermedia: Pos | null; finale: Pos | null } => {
    const all = view.findAll(re);
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
    const isFinale = !!finaleHeader && only.c >= finaleHeader.c && !view.find(L.verificaIntermedia);
    return isFinale ? { intermedia: null, finale: valueRightOf(view, only) } : { intermedia: valueRightOf(view, only), finale: null };
  };
  const valore = pick(L.mediaValore);
  const tempi = pick(L.mediaTempi);
  s.verifica = {
    intermedia: { valore: valore.intermedia, tempi: tempi.intermedia },
    finale: { valore: valore.finale, tempi: tempi.finale },
  };
}

/**
 * The value right of a label. When that value is still empty, the first non-blank cell further
 * right may be the next column's label (VERIFICA FINALE's "MEDIA VALORE RAGGIUNTO %"): then the
 * value belongs in the cell just right of the label, never over that label.
 */
function valueRightOf(view: SheetView, l: Pos): Pos {
  const p = view.rightOf(l);
  return isLabelLike(view, p) ? { r: l.r, c: view.mergeEndCol(l.r, l.c) + 1 } : p;
}

function dist(a: Pos, b: Pos): number {
  return Math.abs(a.c - b.c) * 10 + Math.abs(a.r - b.r);
}

function readIndici(view: SheetView, s: RecognisedScheda): void {
  const label = view.find(L.indici);
  if (!label) return;
  let header: { r: number; anni: number[]; media: number | null; nomeCol: number } | null = null;
  for (let r = label.r; r <= label.r + 3 && !header; r++) {
    const years: number[] = [];
    let media: number | null = null;
    for (const [c, cell] of view.grid.rowCells(r)) {
      const t = typeof cell.v === "number" ? String(cell.v) : typeof cell.v === "string" ? cell.v.trim() : "";
      if (/^(19|20)\d{2}$/.test(t)) years.push(c);
      else if (L.media.test(normLabel(t))) media = c;
    }
    if (years.length >= 1 && media !== null) {
      // The years before the media column are past years; the one after is "da rilevare". When
      // media comes first (right of the names), the past years are the ones after it.
      const before = years.filter((c) => c < media!);
      header = { r, anni: before.length ? before : years, media, nomeCol: label.c };
    }
  }
  if (!header) return;
  for (const r of view.rows()) {
    if (r <= header.r) continue;
    if (r > header.r + MAX_TABLE_ROWS) break;
    if (view.rowStartsBlock(r, isBlockStart)) break;
    if (view.blank(r, header.nomeCol)) {
      if (header.anni.every((c) => view.blank(r, c))) break;
      continue;
    }
    s.indici.push({
      row: r,
      nome: { r, c: header.nomeCol },
      anni: header.anni.map((c) => ({ r, c })),
      media: header.media === null ? null : { r, c: header.media },
    });
  }
}

/** The esercizio written in the workbook: "ESERCIZIO 2023", or "ANNO | 2023" on an ente scheda. */
export function esercizioDa(views: SheetView[]): number | null {
  for (const v of views) {
    for (const l of v.labels) {
      const m = /\besercizio (\d{4})\b/.exec(l.norm);
      if (m) return Number(m[1]);
    }
  }
  for (const v of views) {
    const anno = v.find(L.anno);
    if (anno) {
      const p = v.rightOf(anno);
      const t = v.text(p.r, p.c);
      if (/^(19|20)\d{2}$/.test(t)) return Number(t);
    }
  }
  return null;
}
