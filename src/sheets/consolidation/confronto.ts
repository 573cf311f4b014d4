/**
 * The pane's "Confronta con un riepilogo precedente" (issue 11): the consolidation previewed,
 * compared with an earlier riepilogo already read as a grid, gives the same sheets plus
 * Variazioni. Throws the Italian PegError of leggiRiepilogoPrecedente for a file that is not ours.
 */
import { confronta, type Consolidation } from "../../domain/consolidation";
import type { WorkbookGrid } from "../grid";
import { consolidationSheets } from "../layout-consolidation";
import type { SheetSpec } from "../sheet-spec";
import { leggiRiepilogoPrecedente } from "./precedente";

export function conConfronto(c: Consolidation, precedente: WorkbookGrid, file: string): { dati: Consolidation; fogli: SheetSpec[] } {
  const dati: Consolidation = { ...c, variazioni: confronta(leggiRiepilogoPrecedente(precedente, file), c) };
  return { dati, fogli: consolidationSheets(dati) };
}
