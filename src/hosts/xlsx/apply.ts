/**
 * Applies a write plan to a COPY: loads a fresh workbook from the original bytes, checks every
 * write before changing anything, applies the cell writes and new sheets, and returns the new
 * bytes. The input bytes are never modified; the caller writes the result to another path.
 */
import { PegError, isPegError } from "../../domain/errors";
import { MAX_COLS, MAX_ROWS, parseA1, type CellScalar } from "../../sheets/grid";
import { freeSheetName, type CellWrite, type WritePlan } from "../../sheets/write-plan";
import { fileErrors } from "../../strings/it";
import { toBytes } from "./bytes";
import type { Cell, Workbook, Worksheet } from "./exceljs";
import { loadExcelJs, type LoadOptions } from "./load";
import { renderSheetSpec, solidFill } from "./render";

interface Target {
  write: CellWrite;
  ws: Worksheet;
  r: number; // 1-based, as ExcelJS counts
  c: number;
}

export async function applyPlanToCopy(data: Uint8Array | ArrayBuffer, plan: WritePlan, opts: LoadOptions = {}): Promise<Uint8Array> {
  const workbook = await loadExcelJs(data, opts);
  const targets = resolveTargets(workbook, plan.writes); // throws before anything is changed
  try {
    keepSharedFormulas(targets);
    for (const ws of workbook.worksheets) keepEmptyRowState(ws);
    for (const t of targets) applyWrite(t.ws.getCell(t.r, t.c), t.write);
    for (const spec of plan.newSheets) {
      const name = freeSheetName(
        spec.name,
        workbook.worksheets.map((w) => w.name),
      );
      renderSheetSpec(workbook.addWorksheet(name), spec);
    }
    return toBytes(await workbook.xlsx.writeBuffer());
  } catch (e) {
    if (isPegError(e)) throw e;
    throw new PegError(fileErrors.writeFailed);
  }
}

/** Every write's sheet and cell, or a PegError naming the first that does not exist. */
function resolveTargets(workbook: Workbook, writes: CellWrite[]): Target[] {
  const byName = new Map<string, Worksheet>();
  const byLower = new Map<string, Worksheet>();
  for (const ws of workbook.worksheets) {
    byName.set(ws.name, ws);
    byLower.set(ws.name.toLowerCase(), ws);
  }
  return writes.map((write) => {
    // Excel compares sheet names without regard to case.
    const ws = byName.get(write.foglio) ?? byLower.get(write.foglio.toLowerCase());
    if (!ws) throw new PegError(fileErrors.writeSheetMissing(write.foglio));
    let pos: { r: number; c: number };
    try {
      pos = parseA1(write.cella);
    } catch {
      throw new PegError(fileErrors.writeBadCell(write.foglio, write.cella));
    }
    if (pos.r < 0 || pos.r >= MAX_ROWS || pos.c < 0 || pos.c >= MAX_COLS) {
      throw new PegError(fileErrors.writeBadCell(write.foglio, write.cella));
    }
    return { write, ws, r: pos.r + 1, c: pos.c + 1 };
  });
}

function applyWrite(cell: Cell, w: CellWrite): void {
  if (w.value !== undefined) cell.value = excelValue(w.value);
  // ExcelJS shares one style object among the cells of a style: replace it, never mutate it.
  let style = cell.style;
  let changed = false;
  if (w.fmt !== undefined) {
    style = { ...style, numFmt: w.fmt };
    changed = true;
  } else if (w.value instanceof Date && !looksLikeDateFormat(style.numFmt)) {
    style = { ...style, numFmt: "dd/mm/yyyy" };
    changed = true;
  }
  if (w.fill !== undefined) {
    if (w.fill === null) {
      const { fill: _dropped, ...rest } = style;
      style = rest;
    } else {
      style = { ...style, fill: solidFill(w.fill) };
    }
    changed = true;
  }
  if (changed) cell.style = style;
}

/** A plan value as ExcelJS stores it. A string is always a text cell, never a formula. */
function excelValue(v: CellScalar): Cell["value"] {
  if (v === null) return null;
  if (typeof v === "string") return String(v);
  return v;
}

function looksLikeDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

/**
 * In a shared formula only the master cell stores the text; the other cells of the group point
 * at it. Before a write replaces a master's value, turn the cells that point at it into plain
 * formulas of their own, or they would lose their formula (and ExcelJS would write a broken file).
 */
function keepSharedFormulas(targets: Target[]): void {
  const bySheet = new Map<Worksheet, Set<string>>();
  for (const t of targets) {
    if (t.write.value === undefined) continue;
    const cell = t.ws.getCell(t.r, t.c) as Cell & { isMerged?: boolean };
    // ExcelJS stores the master's address on each clone; a write to a merged cell lands on its master.
    const addr = cell.isMerged && cell.master ? cell.master.address : cell.address;
    let set = bySheet.get(t.ws);
    if (!set) bySheet.set(t.ws, (set = new Set()));
    set.add(addr);
  }
  for (const [ws, masters] of bySheet) {
    const rows = (
      ws as unknown as {
        _rows: Array<{ _cells: Array<Cell | undefined> } | undefined>;
      }
    )._rows;
    rows.forEach((row) => {
      row?._cells.forEach((cell) => {
        if (!cell || cell.type !== 6 /* Formula */) return;
        const v = cell.value as { sharedFormula?: string; result?: unknown };
        if (v.sharedFormula && masters.has(v.sharedFormula)) {
          const formula = cell.formula;
          cell.value = { formula, result: v.result } as Cell["value"];
        }
      });
    });
  }
}

/**
 * ExcelJS writes a row only when it has cells or a height, so an empty row that is hidden or
 * grouped (Excel writes `<row r="5" hidden="1"/>`) would come back visible and ungrouped in the
 * copy. Giving such a row the sheet's default height keeps it, and changes nothing visible.
 */
function keepEmptyRowState(ws: Worksheet): void {
  const rows = (ws as unknown as { _rows: Array<XRowState | undefined> })._rows;
  const height = ws.properties.defaultRowHeight || 15;
  rows.forEach((row) => {
    if (!row || row.height || !(row.hidden || row.outlineLevel || row.collapsed)) return;
    if (row.model) return; // ExcelJS writes this row anyway (it has cells)
    row.height = height;
  });
}

interface XRowState {
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  collapsed?: boolean;
  /** ExcelJS's row model: null when the row would not be written. */
  readonly model: unknown;
}
