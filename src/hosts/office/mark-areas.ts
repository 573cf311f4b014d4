/**
 * Where fills matter on a sheet read without them: the cronoprogramma's month cells, located by
 * the engine's own recogniser on the values pass. Excel on the web reads fills only there (the
 * rest of the fills are most of a read's bytes), so the 5 MB response limit holds at 200 schede.
 * Lives with the engine chunk (loaded lazily), not in the pane's first download.
 */
import type { MergeRange, SheetGrid } from "../../sheets/grid";
import { classify, recognise } from "../../sheets/recognise";
import { SheetView } from "../../sheets/sheet-view";

/** The rectangles whose fills the engine reads as marks (empty when the sheet has none). */
export function markAreas(sheet: SheetGrid): MergeRange[] {
  const view = new SheetView(sheet);
  if (classify(view) !== "obiettivo") return [];
  const crono = recognise(view, "obiettivo").crono;
  if (!crono || crono.monthCols.length === 0) return [];
  const rows = crono.rows.flatMap((r) => [r.previstoRow, r.effettivoRow]).filter((r): r is number => r !== null);
  if (rows.length === 0) return [];
  const cols = crono.monthCols.filter((c) => c >= 0);
  return [{ r1: Math.min(...rows), r2: Math.max(...rows), c1: Math.min(...cols), c2: Math.max(...cols) }];
}
