/**
 * Indicatori: one or more tables of indicators on a sheet ("Indicatori di qualità" then
 * "Indicatori di efficacia"; or one table grouped by dimension: efficacia, efficienza, qualità).
 * A table is a header row with an atteso column (Performance attesa, Target, Valore atteso,
 * Valore programmato…), usually a realizzato column (Performance realizzata, Consuntivo, Valore
 * a consuntivo, Risultato raggiunto…), and optionally Esito, Note, Peso. A table with a target
 * column and no realizzato column is a plan: its indicators have no realizzato yet.
 */
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import type { Role } from "../vocabulary/roles";
import { MAX_TABLE_ROWS, YEAR_TEXT, evidence, isLabelLike, rowStartsBlock, valueRightOf, type Evidence, type Located } from "./common";
import { monthHeaderAt } from "./mesi";
import type { RecognisedScheda } from "./types";

export interface TableCols {
  nome: number;
  atteso: number;
  realizzato: number | null;
  esito: number | null;
  note: number | null;
  peso: number | null;
  dimensione: number | null;
}

export interface IndicatorTable {
  /** The table's heading ("INDICATORI DI PERFORMANCE"), or its Indicatore header cell. */
  label: LabelCell;
  headerRow: number;
  headerEnd: number;
  cols: TableCols;
}

/** One indicator written as label / value rows (Indicatore di risultato, Parametri di riferimento, Rendicontazione). */
export interface VerticalRecord {
  label: LabelCell;
  nome: Pos;
  atteso: Pos;
  realizzato: Pos | null;
  esito: Pos | null;
  note: Pos | null;
  peso: Pos | null;
}

export interface IndicatoriFound {
  tables: IndicatorTable[];
  vertical: VerticalRecord[];
  /** Headings with no readable header under them. */
  broken: LabelCell[];
}

const HEADING_ROLES: readonly Role[] = ["indicatoriEnte", "indicatori"];

/** Words of a group row in a "processo" table. */
const DIMENSIONI =
  /^(dimensione )?(efficacia|efficienza|qualita|economicita|quantita|tempestivita|output|outcome|impatto|soddisfazione|trasparenza)( \w+)?$/;

function roleOfHeader(view: SheetView, l: LabelCell): Role | null {
  return view.vocab.roleOf(l.norm, ["raggiungimento", "esito", "note", "peso", "realizzato", "atteso", "indicatore", "dimensione"]);
}

/** The header of a table in rows from..to: the first row with an atteso column. */
function headerIn(view: SheetView, from: number, to: number, heading: LabelCell | null): IndicatorTable | null {
  for (let r = from; r <= to; r++) {
    const labels = view.rowLabels(r);
    // A header has an atteso column: rows without one are passed over before anything is built.
    if (!labels.some((l) => view.is("atteso", l.norm))) continue;
    const row = labels.filter((l) => !heading || !(l.r === heading.r && l.c === heading.c));
    const roles = new Map<Role, LabelCell>();
    for (const l of row) {
      const role = roleOfHeader(view, l);
      if (role && !roles.has(role)) roles.set(role, l);
    }
    const att = roles.get("atteso");
    // A header names at least two columns; a lone "Parametri di riferimento" under the heading's
    // column is a label / value record, not a table header.
    if (!att || row.length < 2 || (heading && att.c === heading.c && r !== heading.r)) continue;
    const real = pickRealizzato(
      view,
      row.filter((l) => roleOfHeader(view, l) === "realizzato"),
      att,
    );
    // A header over two rows ("Performance" above "attesa | realizzata"): Indicatore, Esito and
    // Note may sit in the row above, merged down or not.
    const above =
      r > from || (heading && r > heading.r)
        ? view.rowLabels(r - 1).filter((l) => !heading || !(l.r === heading.r && l.c === heading.c))
        : [];
    const pick = (role: Role): LabelCell | undefined => roles.get(role) ?? above.find((l) => roleOfHeader(view, l) === role);
    const nome = pick("indicatore");
    if (!nome && !heading && !real) continue;
    const es = pick("esito");
    const note = pick("note");
    const peso = pick("peso");
    const dim = pick("dimensione");
    // A header over two rows: the labels merged down, or a row of years under Preventivo / Consuntivo.
    let headerEnd = Math.max(...row.map((l) => view.mergeEndRow(l.r, l.c)));
    if (yearOf(view, r + 1, att.c) !== null) headerEnd = Math.max(headerEnd, r + 1);
    const nomeCol = nome ? nome.c : heading ? heading.c : Math.min(...row.map((l) => l.c));
    return {
      label: heading ?? nome ?? att,
      headerRow: r,
      headerEnd,
      cols: {
        nome: nomeCol,
        atteso: att.c,
        realizzato: real ? real.c : null,
        esito: es ? es.c : null,
        note: note ? note.c : null,
        peso: peso ? peso.c : null,
        dimensione: dim && dim.c !== nomeCol ? dim.c : null,
      },
    };
  }
  return null;
}

function yearOf(view: SheetView, r: number, c: number): number | null {
  const t = view.text(r, c);
  return YEAR_TEXT.test(t) ? Number(t) : null;
}

/**
 * Of several realizzato columns ("Consuntivo 2011 | Consuntivo 2012 | Preventivo 2013 | Consuntivo
 * 2013"), the one of the atteso's year; else the last one (earlier years are history).
 */
function pickRealizzato(view: SheetView, cands: LabelCell[], att: LabelCell): LabelCell | null {
  if (cands.length <= 1) return cands[0] ?? null;
  const y = yearOf(view, att.r + 1, att.c);
  if (y !== null) {
    const same = cands.find((l) => yearOf(view, l.r + 1, l.c) === y);
    if (same) return same;
  }
  return cands[cands.length - 1]!;
}

export function locate(view: SheetView): Located<IndicatoriFound> | null {
  const tables: IndicatorTable[] = [];
  const broken: LabelCell[] = [];
  const claimed = new Set<number>();
  const headings = [...new Set(HEADING_ROLES.flatMap((role) => view.findAll(role)))].sort((a, b) => a.r - b.r || a.c - b.c);
  for (const h of headings) {
    if (claimed.has(h.r)) continue;
    // A heading that is a column of another table's header ("Indicatori | Target | …") is that header.
    const t = headerIn(view, h.r, h.r + 3, h) ?? null;
    if (t && !claimed.has(t.headerRow)) {
      tables.push(t);
      for (let r = h.r; r <= t.headerEnd; r++) claimed.add(r);
    } else if (!t) broken.push(h);
  }
  // Tables with no heading: an Indicatore column beside a target column.
  for (const l of view.findAll("indicatore")) {
    if (claimed.has(l.r)) continue;
    const t = headerIn(view, l.r, l.r, null);
    if (t) {
      tables.push(t);
      for (let r = l.r; r <= t.headerEnd; r++) claimed.add(r);
    }
  }
  const vertical = verticalRecords(view, claimed);
  if (tables.length === 0 && broken.length === 0 && vertical.length === 0) return null;
  tables.sort((a, b) => a.headerRow - b.headerRow || a.cols.atteso - b.cols.atteso);
  const ev: Evidence[] = tables.map((t) => evidence(view.is("indicatori", t.label.norm) ? "indicatori" : "indicatore", t.label));
  for (const v of vertical) ev.push(evidence("indicatore", v.label));
  for (const b of broken) ev.push(evidence("indicatori", b));
  const n = tables.length + (vertical.length > 0 ? 1 : 0);
  const score = n > 0 ? 3 + Math.min(1, n - 1) : 0.5;
  const missing = n > 0 ? [] : ["l'intestazione (Indicatore, Performance attesa, Performance realizzata, Esito)"];
  return { blocco: "Indicatori", score, evidence: ev, missing, data: { tables, broken, vertical } };
}

/** How far below the Indicatore label its atteso / realizzato rows may sit. */
const VERTICAL_SPAN = 5;

function verticalRecords(view: SheetView, claimed: Set<number>): VerticalRecord[] {
  const out: VerticalRecord[] = [];
  for (const l of view.findAll("indicatore")) {
    if (claimed.has(l.r)) continue;
    const nome = view.rightOf(l);
    if (view.blank(nome.r, nome.c)) continue;
    // Its own row must not be a table header (no atteso column beside it).
    if (view.rowLabels(l.r).some((x) => x !== l && roleOfHeader(view, x) === "atteso")) continue;
    const below = (role: Role): Pos | null => {
      for (let r = l.r + 1; r <= l.r + VERTICAL_SPAN; r++) {
        const lab = view.rowLabels(r).find((x) => x.c === l.c);
        if (!lab) continue;
        if (view.is("indicatore", lab.norm)) return null; // the next record
        if (view.vocab.roleOf(lab.norm, [role]) === role) return view.rightOf(lab);
      }
      return null;
    };
    const atteso = below("atteso");
    if (!atteso) continue;
    out.push({ label: l, nome, atteso, realizzato: below("realizzato"), esito: below("esito"), note: below("note"), peso: below("peso") });
  }
  return out;
}

export function read(view: SheetView, found: IndicatoriFound, s: RecognisedScheda): void {
  for (const b of found.broken) {
    if (found.tables.some((t) => t.headerRow >= b.r && t.headerRow <= b.r + 3)) continue;
    if (found.vertical.some((v) => v.label.r === b.r && v.label.c === b.c)) continue;
    s.problems.push({
      at: b,
      blocco: "Indicatori di performance",
      cosa: "l'intestazione (Indicatore, Performance attesa, Performance realizzata, Esito)",
    });
  }
  const starts = found.tables.map((t) => Math.min(t.label.r, t.headerRow));
  found.tables.forEach((t, k) => {
    s.indicatoriLabels.push({ r: t.label.r, c: t.label.c });
    if (k === 0) s.indicatoriLabel = { r: t.label.r, c: t.label.c };
    if (t.cols.esito === null && t.cols.realizzato !== null)
      s.problems.push({ at: { r: t.headerRow, c: t.cols.realizzato }, blocco: "Indicatori di performance", cosa: "la colonna «Esito»" });
    const next = starts.find((r, i) => i > k && r > t.headerEnd) ?? Number.MAX_SAFE_INTEGER;
    readRows(view, t, k, next, s);
  });
  const k0 = found.tables.length;
  for (const v of found.vertical) {
    if (!s.indicatoriLabel) s.indicatoriLabel = { r: v.label.r, c: v.label.c };
    s.indicatori.push({
      row: v.nome.r,
      nome: v.nome,
      atteso: v.atteso,
      realizzato: v.realizzato,
      esito: v.esito,
      note: v.note,
      peso: v.peso,
      tabella: k0,
      dimensione: null,
    });
  }
  if (!s.grado && s.indicatoriLabel) {
    const g = view.find("grado", s.indicatoriLabel);
    if (g) s.grado = valueRightOf(view, g);
  }
}

function readRows(view: SheetView, t: IndicatorTable, k: number, next: number, s: RecognisedScheda): void {
  const { cols } = t;
  let dimensione: string | null = null;
  const tableCols = [cols.nome, cols.atteso, cols.realizzato, cols.esito, cols.note, cols.peso].filter((c): c is number => c !== null);
  const used = new Set<number>();
  let core: Set<number> = new Set();
  let lastRow = -1;
  for (const r of view.rowsAfter(t.headerEnd)) {
    if (r >= next || r > t.headerEnd + MAX_TABLE_ROWS) break;
    const filled = tableCols.filter((c) => !view.blank(r, c));
    // After a blank row the table goes on only with rows of its own shape: a row that leaves empty a
    // column every indicator so far filled (the budget rows of a PdO under its indicators) starts
    // something else.
    if (lastRow >= 0 && r > lastRow + 1 && used.size > 0 && [...core].some((c) => !filled.includes(c))) break;
    // A Gantt's month row below the table ends it (the Fasi of an older template follow the indicators).
    if (monthHeaderAt(view, r, false)) break;
    const value = (c: number | null): boolean => c !== null && !view.blank(r, c) && !isLabelLike(view, { r, c });
    const hasValues = value(cols.atteso) || value(cols.realizzato);
    if (!hasValues && rowStartsBlock(view, r, ["indicatori"])) {
      const g = view.rowLabels(r).find((l) => view.is("grado", l.norm));
      if (g) s.grado = valueRightOf(view, g);
      break;
    }
    const nameBlank = view.blank(r, cols.nome);
    const valuesBlank = view.blank(r, cols.atteso) && (cols.realizzato === null || view.blank(r, cols.realizzato));
    if (nameBlank && valuesBlank) continue;
    const nameNorm = view.norm(r, cols.nome);
    // A group row: its name merged across the value columns, or a dimension word with no values.
    const m = view.mergeAt(r, cols.nome);
    const spansValues = !!m && m.c2 >= cols.atteso && m.c1 <= cols.nome;
    if (spansValues || (valuesBlank && (DIMENSIONI.test(nameNorm) || view.is("indicatori", nameNorm)))) {
      dimensione = view.text(r, cols.nome);
      lastRow = r;
      continue;
    }
    if (valuesBlank && view.is("totale", nameNorm)) {
      lastRow = r;
      continue;
    }
    const at = (c: number | null): Pos | null => (c === null ? null : { r, c });
    // The core is what an indicator is made of: its name, atteso and realizzato (not note, esito, peso).
    const essential = filled.filter((c) => c === cols.nome || c === cols.atteso || c === cols.realizzato);
    core = used.size === 0 ? new Set(essential) : new Set([...core].filter((c) => essential.includes(c)));
    for (const c of filled) used.add(c);
    lastRow = r;
    s.indicatori.push({
      row: r,
      nome: { r, c: cols.nome },
      atteso: { r, c: cols.atteso },
      realizzato: at(cols.realizzato),
      esito: at(cols.esito),
      note: at(cols.note),
      peso: at(cols.peso),
      tabella: k,
      dimensione: cols.dimensione !== null && !view.blank(r, cols.dimensione) ? view.text(r, cols.dimensione) : dimensione,
    });
  }
}
