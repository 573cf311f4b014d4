/** Builds small neutral grids for engine tests: rows of values, with optional formats and fills. */
import { MESI as MESI_FULL } from "../../src/sheets/layout/labels";
import { SheetGrid, type Cell, type CellScalar, type WorkbookGrid } from "../../src/sheets/grid";

export type In = CellScalar | Cell | undefined;

function isCell(x: In): x is Cell {
  return typeof x === "object" && x !== null && !(x instanceof Date) && "v" in x;
}

/** rows[r][c] placed at (top + r, left + c). */
export function sheet(name: string, rows: In[][], opts: { top?: number; left?: number; hidden?: boolean } = {}): SheetGrid {
  const g = new SheetGrid(name, opts.hidden ? "hidden" : "visible");
  const top = opts.top ?? 0;
  const left = opts.left ?? 0;
  rows.forEach((row, r) =>
    row.forEach((x, c) => {
      if (x === undefined || x === null || x === "") return;
      g.set(top + r, left + c, isCell(x) ? x : { v: x });
    }),
  );
  return g;
}

export function wb(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** The twelve month names as a mutable row, for building test grids. */
export const MESI: In[] = [...MESI_FULL];

/** 12 month cells with "X" in the given months. */
export function marks(months: number[], mark: In = "X"): In[] {
  return Array.from({ length: 12 }, (_, i) => (months.includes(i + 1) ? mark : undefined));
}

export interface ObiettivoRows {
  numero?: In;
  pesatura?: In;
  personale?: Array<[In, In, In, In]>;
  fasi?: Array<[number, In]>;
  crono?: Array<{ n: number; previsto: number[]; effettivo: number[] }>;
  indicatori?: Array<[In, In, In, In?, In?]>;
  medie?: { intermedia?: [In, In]; finale?: [In, In] };
}

/** A compact scheda obiettivo in the seed's layout (labels as in the seed). */
export function obiettivoRows(o: ObiettivoRows): In[][] {
  const rows: In[][] = [
    ["OBIETTIVO DI STRUTTURA"],
    ["N.OBIETTIVO", "TITOLO", "PESATURA"],
    [o.numero ?? "1.01.01", "Titolo di prova", "pesatura" in o ? o.pesatura : 10],
    [],
    ["PERSONALE COINVOLTO"],
    ["Cat.", "Cognome e Nome", "% Partecipazione"],
    [undefined, undefined, "Prevista", "Realizzata"],
    ...(o.personale ?? [["PO", "Mario Rossi", 100, 100]]).map((p) => [...p]),
    [],
    ["Descrizione delle fasi di attuazione"],
    ...(o.fasi ?? [[1, "Fase uno"]]).map(([n, d]) => [n, d]),
    [],
    ["CRONOPROGRAMMA"],
    ["FASI E TEMPI", ...MESI],
  ];
  for (const f of o.crono ?? [{ n: 1, previsto: [1, 2], effettivo: [1, 2] }]) {
    rows.push([`${f.n} previsto`, ...marks(f.previsto)]);
    rows.push([`${f.n} effettivo`, ...marks(f.effettivo)]);
  }
  rows.push([], ["INDICATORI DI PERFORMANCE"], ["Indicatore", "Performance attesa", "Performance realizzata", "Esito", "Note"]);
  for (const i of o.indicatori ?? []) rows.push([...i]);
  rows.push(
    [],
    ["VERIFICA INTERMEDIA AL 30/06", undefined, "VERIFICA FINALE"],
    ["MEDIA VALORE RAGGIUNTO %", o.medie?.intermedia?.[0], "MEDIA VALORE RAGGIUNTO %", o.medie?.finale?.[0]],
    ["MEDIA RISPETTO DEI TEMPI %", o.medie?.intermedia?.[1], "MEDIA RISPETTO DEI TEMPI %", o.medie?.finale?.[1]],
  );
  return rows;
}

export const pct = (v: number, fmt = "0%"): Cell => ({ v, fmt });
