/**
 * Read the open workbook into the engine's neutral grid in a constant number of syncs:
 *   sync 1 — the worksheet collection (names, visibility);
 *   sync 2 — for every sheet at once: its used range clipped to READ_BOUND, with values,
 *            formulas, number formats, fills (getCellProperties) and merged areas, plus the
 *            protection flag and the unclipped used-range address (to report what was cut off).
 * No sync inside a loop. Only when Excel on the web refuses the single response as too large
 * (5 MB) does the read fall back to one sync per group of sheets (documented in OFFICE-HOST.md).
 */
import { SheetGrid, type Cell, type SheetVisibility, type WorkbookGrid, colLetters, rangeA1 } from "../../sheets/grid";
import { officeHost } from "../../strings/it";
import { rectOf, splitAddress, splitAreas } from "./address";
import { REQUIREMENTS, officeCapabilities, type Capabilities } from "./capabilities";
import { isPayloadLimit, officeErrorCode, toPegError } from "./errors";

/**
 * The area read on each sheet: A1:AZ1000. A scheda spans about 100 rows and 20 columns; the bound
 * keeps a stray value at XFD1048576 from asking Excel for billions of cells, and keeps one sheet's
 * response (≈ 75 bytes a cell with its fill) under the web's 5 MB limit.
 */
export const READ_BOUND = { rows: 1000, cols: 52 } as const;

export const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** Bytes of response per cell, estimated for grouping sheets when the web limit is hit. */
const BYTES_PER_CELL = 80;
const GROUP_BUDGET = 3_500_000;

export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
  protetto: boolean;
  /** Address of the whole used range (before clipping). */
  usedAddress: string;
  /** True when cells beyond READ_BOUND were left out. */
  tagliato: boolean;
}

export interface WorkbookRead {
  grid: WorkbookGrid;
  sheets: SheetInfo[];
  /** Italian notices for the user (degraded features, clipped sheets). */
  avvisi: string[];
  /** context.sync() calls made. */
  syncs: number;
  /** The selected range, when asked for (`withSelection`); null when it could not be read. */
  selezione?: { foglio: string; range: string } | null;
}

export interface ReadOptions {
  capabilities?: Capabilities;
  bound?: { rows: number; cols: number };
  /** Response bytes per group in the fallback read (default 3.5 MB, under the web's 5 MB). */
  groupBudgetBytes?: number;
  /** Also read the selected range, in the first sync (for the cronoprogramma marks). */
  withSelection?: boolean;
}

function visibilityOf(v: string): SheetVisibility {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}

interface Queued {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  area: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  merges: Excel.RangeAreas | null;
}

function queueSheet(sheet: Excel.Worksheet, boundAddress: string, withMerges: boolean): Queued {
  // The non-values-only used range: fill-only cronoprogramma marks extend it too.
  const used = sheet.getUsedRange(false);
  used.load("address");
  // Start at A1 so the intersection is never empty (no null objects to chain methods on).
  const area = used.getBoundingRect("A1").getIntersection(boundAddress);
  area.load("address,values,formulas,numberFormat");
  const fills = area.getCellProperties({ format: { fill: { color: true, pattern: true } } });
  let merges: Excel.RangeAreas | null = null;
  if (withMerges) {
    merges = area.getMergedAreasOrNullObject();
    merges.load("address");
  }
  sheet.protection.load("protected");
  return { sheet, used, area, fills, merges };
}

/** Turn one sheet's loaded data into a SheetGrid; only non-blank or filled cells are stored. */
function toGrid(q: Queued, name: string, visibility: SheetVisibility): SheetGrid {
  const g = new SheetGrid(name, visibility);
  const origin = rectOf(q.area.address);
  const values = q.area.values;
  const formulas = q.area.formulas;
  const formats = q.area.numberFormat;
  const props = q.fills.value;
  for (let i = 0; i < values.length; i++) {
    const vRow = values[i]!;
    for (let j = 0; j < vRow.length; j++) {
      const raw = vRow[j] as unknown;
      const f = formulas[i]?.[j] as unknown;
      const fillProps = props[i]?.[j]?.format?.fill;
      const fill = fillProps && fillProps.pattern !== "None" && fillProps.color ? fillProps.color.toUpperCase() : null;
      // A formula's text differs from its value; text that merely starts with "=" does not.
      const isFormula = typeof f === "string" && f.startsWith("=") && f !== raw;
      const blank = raw === "" || raw === null || raw === undefined;
      if (blank && !isFormula && !fill) continue;
      const cell: Cell = { v: null };
      // Office.js gives an error as its literal; typed text "#N/A" cannot be told apart (rare).
      if (typeof raw === "string" && EXCEL_ERRORS.has(raw)) cell.error = raw;
      else if (typeof raw === "number" || typeof raw === "boolean") cell.v = raw;
      else if (typeof raw === "string" && raw !== "") cell.v = raw;
      const fmt = formats[i]?.[j] as unknown;
      if (typeof fmt === "string" && fmt !== "General") cell.fmt = fmt;
      if (fill) cell.fill = fill;
      if (isFormula) cell.formula = (f as string).slice(1);
      g.set(origin.r1 + i, origin.c1 + j, cell);
    }
  }
  if (q.merges && !q.merges.isNullObject) for (const a of splitAreas(q.merges.address)) g.addMerge(rectOf(a));
  return g;
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookRead> {
  const caps = opts.capabilities ?? officeCapabilities();
  const bound = opts.bound ?? READ_BOUND;
  const boundAddress = `A1:${colLetters(bound.cols - 1)}${bound.rows}`;
  const avvisi: string[] = [];
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  if (!caps.supports(REQUIREMENTS.core.set, REQUIREMENTS.core.version)) throw toPegError({ code: "ApiNotFound" });
  const withMerges = caps.supports(REQUIREMENTS.merges.set, REQUIREMENTS.merges.version);
  if (!withMerges) avvisi.push(officeHost.unioniNonLette);

  try {
    const collection = context.workbook.worksheets;
    collection.load("items/name,items/visibility");
    let selezione: WorkbookRead["selezione"];
    if (opts.withSelection) {
      const sel = context.workbook.getSelectedRange();
      sel.load("address");
      try {
        syncs++;
        await context.sync();
        const { foglio, range } = splitAddress(sel.address);
        selezione = foglio ? { foglio, range } : null;
      } catch (e) {
        // A chart or a shape is selected: read the sheets anyway, without the selection.
        if (officeErrorCode(e) !== "InvalidSelection" && officeErrorCode(e) !== "InvalidArgument") throw e;
        selezione = null;
        collection.load("items/name,items/visibility");
        await sync();
      }
    } else await sync();
    const items = collection.items;

    let queued: Queued[] | null = items.map((s) => queueSheet(s, boundAddress, withMerges));
    try {
      await sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      queued = null;
    }
    if (!queued) {
      // Excel on the web: the single response passed 5 MB. Size each sheet, then read in groups.
      avvisi.push(officeHost.troppoGrande);
      const sizes = items.map((s) => {
        const r = s.getUsedRange(false).getBoundingRect("A1").getIntersection(boundAddress);
        r.load("rowCount,columnCount");
        return r;
      });
      await sync();
      queued = new Array<Queued>(items.length);
      let group: number[] = [];
      let bytes = 0;
      const flush = async () => {
        if (group.length === 0) return;
        for (const i of group) queued![i] = queueSheet(items[i]!, boundAddress, withMerges);
        await sync();
        group = [];
        bytes = 0;
      };
      for (let i = 0; i < items.length; i++) {
        const b = sizes[i]!.rowCount * sizes[i]!.columnCount * BYTES_PER_CELL;
        if (bytes + b > (opts.groupBudgetBytes ?? GROUP_BUDGET)) await flush();
        group.push(i);
        bytes += b;
      }
      await flush();
    }

    const sheets: SheetInfo[] = [];
    const grids: SheetGrid[] = [];
    items.forEach((s, i) => {
      const q = queued![i]!;
      const name = s.name;
      const visibility = visibilityOf(s.visibility);
      const used = rectOf(q.used.address);
      const tagliato = used.r2 >= bound.rows || used.c2 >= bound.cols;
      if (tagliato) avvisi.push(officeHost.fuoriArea(name, boundAddress, rangeA1(used)));
      sheets.push({ name, visibility, protetto: q.sheet.protection.protected, usedAddress: q.used.address, tagliato });
      grids.push(toGrid(q, name, visibility));
    });
    const out: WorkbookRead = { grid: { sheets: grids }, sheets, avvisi, syncs };
    if (opts.withSelection) out.selezione = selezione ?? null;
    return out;
  } catch (e) {
    throw toPegError(e);
  }
}

/** The grid alone (the engine's input). */
export async function readWorkbookGrid(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  return (await readWorkbook(context, opts)).grid;
}
