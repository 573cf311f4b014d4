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
import { MAX_TABLE_ROWS, evidence, rowStartsBlock, valueRightOf, type Evidence, type Located } from "./common";
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

export interface IndicatoriFound {
  tables: IndicatorTable[];
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
    const row = view.rowLabels(r).filter((l) => !heading || !(l.r === heading.r && l.c === heading.c));
    const roles = new Map<Role, LabelCell>();
    for (const l of row) {
      const role = roleOfHeader(view, l);
      if (role && !roles.has(role)) roles.set(role, l);
    }
    const att = roles.get("atteso");
    if (!att) continue;
    const real = roles.get("realizzato") ?? null;
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
    const headerEnd = Math.max(view.mergeEndRow(r, att.c), real ? view.mergeEndRow(r, real.c) : r);
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

export function locate(view: SheetView): Located<IndicatoriFound> | null {
  const tables: IndicatorTable[] = [];
  const broken: LabelCell[] = [];
  const claimed = new Set<number>();
  const headings = view.labels.filter((l) => HEADING_ROLES.some((role) => view.is(role, l.norm)));
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
    if (t && t.cols.realizzato !== null) {
      tables.push(t);
      for (let r = l.r; r <= t.headerEnd; r++) claimed.add(r);
    }
  }
  if (tables.length === 0 && broken.length === 0) return null;
  tables.sort((a, b) => a.headerRow - b.headerRow || a.cols.atteso - b.cols.atteso);
  const ev: Evidence[] = tables.map((t) => evidence(view.is("indicatori", t.label.norm) ? "indicatori" : "indicatore", t.label));
  for (const b of broken) ev.push(evidence("indicatori", b));
  const score = tables.length > 0 ? 3 + Math.min(1, tables.length - 1) : 0.5;
  const missing = tables.length > 0 ? [] : ["l'intestazione (Indicatore, Performance attesa, Performance realizzata, Esito)"];
  return { blocco: "Indicatori", score, evidence: ev, missing, data: { tables, broken } };
}

export function read(view: SheetView, found: IndicatoriFound, s: RecognisedScheda): void {
  for (const b of found.broken) {
    if (found.tables.some((t) => t.headerRow >= b.r && t.headerRow <= b.r + 3)) continue;
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
  if (!s.grado && s.indicatoriLabel) {
    const g = view.find("grado", s.indicatoriLabel);
    if (g) s.grado = valueRightOf(view, g);
  }
}

function readRows(view: SheetView, t: IndicatorTable, k: number, next: number, s: RecognisedScheda): void {
  const { cols } = t;
  let dimensione: string | null = null;
  for (const r of view.rows()) {
    if (r <= t.headerEnd) continue;
    if (r >= next || r > t.headerEnd + MAX_TABLE_ROWS) break;
    if (rowStartsBlock(view, r, ["indicatori"])) {
      const g = view.rowLabels(r).find((l) => view.is("grado", l.norm));
      if (g) s.grado = valueRightOf(view, g);
      break;
    }
    const nameBlank = view.blank(r, cols.nome);
    const valuesBlank = view.blank(r, cols.atteso) && (cols.realizzato === null || view.blank(r, cols.realizzato));
    if (nameBlank && valuesBlank) continue;
    const nameNorm = view.norm(r, cols.nome);
    if (valuesBlank && (DIMENSIONI.test(nameNorm) || view.is("indicatori", nameNorm))) {
      dimensione = view.text(r, cols.nome);
      continue;
    }
    if (valuesBlank && view.is("totale", nameNorm)) continue;
    const at = (c: number | null): Pos | null => (c === null ? null : { r, c });
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
