/**
 * An earlier riepilogo written by this product, read back for `--confronta` (issue 11). "Ours" is
 * recognised by the header rows the riepilogo writes (Riepilogo: File · Foglio · N. obiettivo ·
 * Titolo … Grado di raggiungimento · Rispetto dei tempi), looked for on every sheet, so a sheet
 * renamed "Riepilogo (2)" by the host is still found; columns are found by their header, so a
 * riepilogo of an older version (fewer columns, no Indicatori sheet) is still read.
 */
import type { Precedente } from "../../domain/consolidation/model";
import { PegError } from "../../domain/errors";
import { cleanText } from "../../domain/text";
import { consolidamento as t, controlli } from "../../strings/it";
import type { CellScalar, SheetGrid, WorkbookGrid } from "../grid";

const k = t.colonne;
const OBIETTIVI = [k.file, k.foglio, k.numero, k.titolo];

interface Table {
  sheet: SheetGrid;
  header: number;
  col: Map<string, number>;
}

function str(v: CellScalar | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = cleanText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return s === "" ? null : s;
}

/** The first sheet with a header row starting with `first` and holding every label of `needed`. */
function findTable(grid: WorkbookGrid, first: string[], needed: string[]): Table | null {
  for (const sheet of grid.sheets)
    for (let r = 0; r <= 10; r++) {
      const col = new Map<string, number>();
      for (const [c, cell] of sheet.rowCells(r)) {
        const s = str(cell.v);
        if (s !== null && !col.has(s)) col.set(s, c);
      }
      if (first.every((l, i) => col.get(l) === i) && needed.every((l) => col.has(l))) return { sheet, header: r, col };
    }
  return null;
}

/** The data rows under a header, up to the first empty row (or row whose first column is empty). */
function rows(tab: Table): Array<(label: string) => CellScalar | undefined> {
  const out: Array<(label: string) => CellScalar | undefined> = [];
  let expected = tab.header + 1;
  for (const r of tab.sheet.rowIndexes()) {
    if (r <= tab.header) continue;
    // The table ends at the first empty row (a reader may not list empty rows at all).
    if (r !== expected || str(tab.sheet.get(r, 0)?.v) === null) break;
    expected++;
    out.push((label) => {
      const c = tab.col.get(label);
      return c === undefined ? undefined : tab.sheet.get(r, c)?.v;
    });
  }
  return out;
}

/** Percentages are written as fractions (0.0 %): back to 0–100. */
function percent(v: CellScalar | undefined): number | null {
  return typeof v === "number" ? Math.round(v * 10000) / 100 : null;
}

export function leggiRiepilogoPrecedente(grid: WorkbookGrid, file: string): Precedente {
  const riep = findTable(grid, OBIETTIVI, [k.grado, k.tempi, k.classe]);
  if (!riep) throw new PegError(controlli.consolidamento.confronta.nonRiepilogo(file));
  const title = str(riep.sheet.get(0, 0)?.v) ?? "";
  const al = /dati al (\d{4}-\d{2}-\d{2})/.exec(title)?.[1] ?? null;
  const rif = (g: (l: string) => CellScalar | undefined) => ({
    file: str(g(k.file)) ?? "",
    foglio: str(g(k.foglio)) ?? "",
    numero: str(g(k.numero)),
    titolo: str(g(k.titolo)),
  });
  const obiettivi = rows(riep).map((g) => ({ ...rif(g), grado: percent(g(k.grado)), tempi: percent(g(k.tempi)) }));

  const fasiTab = findTable(grid, [...OBIETTIVI, k.fase, k.descrizione], []);
  const fasiInRitardo = fasiTab
    ? rows(fasiTab)
        .map((g) => ({ ...rif(g), n: Number(g(k.fase)), descrizione: str(g(k.descrizione)) }))
        .filter((f) => Number.isInteger(f.n))
    : [];

  const indTab = findTable(grid, [...OBIETTIVI, k.cella, k.indicatore], [k.esito]);
  const indicatori = indTab
    ? rows(indTab).map((g) => ({ ...rif(g), indicatore: str(g(k.indicatore)) ?? "", esito: str(g(k.esito)) }))
    : null;
  return { file, al, obiettivi, fasiInRitardo, indicatori };
}
