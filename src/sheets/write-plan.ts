/**
 * A write plan: every cell change an operation wants to make in the user's workbook, with what
 * the cell holds now. The engine computes plans; only hosts apply them (spec §6). A plan also
 * carries the new sheets to create (modello, nuova scheda, consolidation).
 */
import type { CellScalar } from "./grid";
import type { SheetSpec } from "./sheet-spec";

export type WriteKind =
  "esito" | "mediaValore" | "mediaTempi" | "grado" | "evidenziazione" | "segno" | "togliSegno" | "pulisciEvidenziazione";

/** What a cell holds before the write: enough to restore it exactly (undo) and to compare. */
export interface CellSnapshot {
  value: CellScalar;
  /** Formula text without "=", when the cell holds a formula. */
  formula?: string;
  fmt?: string;
  fill: string | null;
}

export interface CellWrite {
  foglio: string;
  cella: string;
  kind: WriteKind;
  /** New value; undefined leaves the value alone (e.g. a highlight). */
  value?: CellScalar;
  /** New number format; undefined leaves it alone. */
  fmt?: string;
  /** New solid fill "#RRGGBB"; null removes the fill; undefined leaves it alone. */
  fill?: string | null;
  /** The cell before the write. */
  previous: CellSnapshot;
  /**
   * True when the cell holds a user value that differs from `value`: such a write needs the
   * user's confirmation (pane dialog, or `--sovrascrivi` on the command line).
   */
  conflict: boolean;
}

export interface WritePlan {
  writes: CellWrite[];
  /** New sheets to add; hosts pick a free name (suffix " (2)", …) and never replace a sheet. */
  newSheets: SheetSpec[];
}

export function emptyPlan(): WritePlan {
  return { writes: [], newSheets: [] };
}

export function conflicts(plan: WritePlan): CellWrite[] {
  return plan.writes.filter((w) => w.conflict);
}

/** The plan without the conflicting writes (what is applied when the user does not confirm). */
export function withoutConflicts(plan: WritePlan): WritePlan {
  return { ...plan, writes: plan.writes.filter((w) => !w.conflict) };
}

/** Name for a new sheet that does not clash (case-insensitive, as Excel compares names). */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base =
    wanted
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim() || "Foglio";
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
