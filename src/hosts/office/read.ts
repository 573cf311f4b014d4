/**
 * Read the open workbook into the engine's neutral grid in a constant number of syncs.
 *
 * Excel desktop (2 syncs):
 *   sync 1 — the worksheet collection (names, visibility), and the selection when asked
 *            (getSelectedRanges: a Ctrl+click selection of several areas is read too);
 *   sync 2 — for every sheet at once: its used range clipped to READ_BOUND, with values,
 *            formulas, number formats, fills (getCellProperties) and merged areas, plus the
 *            protection flag and the unclipped used-range address (to report what was cut off).
 * Excel on the web (3 syncs up to 200 schede, under its 5 MB response limit): sync 2 reads the
 *   values without fills (fills are most of a read's bytes), then the engine's recogniser
 *   (`markAreas`) locates the cronoprogramma on those values and sync 3 reads fills only there.
 * When a single response cannot hold the workbook (the web's limit), or a sheet has more than
 * 512 merged areas (getMergedAreasOrNullObject then fails), the read is planned from the used
 * ranges' sizes: one sync for the sizes, then groups of sheets whose estimated UTF-8 bytes fit,
 * with merges read in row bands that cannot hold more than 512 areas. docs/OFFICE-HOST.md.
 */
import { SheetGrid, type Cell, type MergeRange, type SheetVisibility, type WorkbookGrid, colLetters, rangeA1 } from "../../sheets/grid";
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

/** Response bytes per cell (UTF-8 JSON), for planning groups: values pass, and its fills. */
const VALUE_BYTES_PER_CELL = 40;
const FILL_BYTES_PER_CELL = 60;
/** Under the web's 5 MB, with a margin for what the estimate misses. */
const GROUP_BUDGET = 3_500_000;
/** getMergedAreasOrNullObject fails above this many merged areas in one call. */
export const MAX_MERGED_AREAS = 512;

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
  /**
   * The selected range, when asked for (`withSelection`); null when it could not be read. Several
   * areas (Ctrl+click) come as "C13,E13:F13" on their one sheet.
   */
  selezione?: { foglio: string; range: string } | null;
}

export interface ReadOptions {
  capabilities?: Capabilities;
  bound?: { rows: number; cols: number };
  /** Response bytes per group in the planned read (default 3.5 MB, under the web's 5 MB). */
  groupBudgetBytes?: number;
  /** Also read the selected range, in the first sync (for the cronoprogramma marks). */
  withSelection?: boolean;
  /**
   * Where fills matter on a sheet (the engine's recogniser on the values; see mark-areas.ts). On
   * Excel on the web fills are read only there, unless `fills: "all"`; without it, everywhere.
   */
  markAreas?: (sheet: SheetGrid) => MergeRange[];
  /** "all": every fill even on the web. */
  fills?: "all" | "marks";
  /** Cells whose fill is read with the marks on the web: the highlights the add-in applied. */
  fillCells?: Array<{ foglio: string; cella: string }>;
}

function visibilityOf(v: string): SheetVisibility {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}

interface Fills {
  /** Where the result starts; absent: at the area read. */
  origin?: MergeRange;
  result: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

interface Queued {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  area: Excel.Range;
  fills: Fills[];
  merges: Excel.RangeAreas[];
}

const FILL = { format: { fill: { color: true, pattern: true } } } as const;

/**
 * Queue one sheet's values pass. `area` is the bounded used area when known (planned read):
 * then merges go in row bands of at most 512 cells, which cannot hold more than 512 areas.
 */
function queueSheet(sheet: Excel.Worksheet, boundAddress: string, o: { merges: boolean; fills: boolean; area?: MergeRange }): Queued {
  // The non-values-only used range: fill-only cronoprogramma marks extend it too.
  const used = sheet.getUsedRange(false);
  used.load("address");
  // Start at A1 so the intersection is never empty (no null objects to chain methods on).
  const area = o.area ? sheet.getRange(rangeA1(o.area)) : used.getBoundingRect("A1").getIntersection(boundAddress);
  area.load("address,values,formulas,numberFormat");
  const fills: Fills[] = [];
  if (o.fills) fills.push({ origin: o.area, result: area.getCellProperties(FILL) });
  const merges: Excel.RangeAreas[] = [];
  if (o.merges) {
    const bands: Excel.Range[] = [];
    if (!o.area) bands.push(area);
    else {
      const cols = o.area.c2 - o.area.c1 + 1;
      const rows = Math.max(1, Math.floor(MAX_MERGED_AREAS / cols));
      for (let r = o.area.r1; r <= o.area.r2; r += rows)
        bands.push(sheet.getRange(rangeA1({ r1: r, c1: o.area.c1, r2: Math.min(r + rows - 1, o.area.r2), c2: o.area.c2 })));
    }
    for (const b of bands) {
      const m = b.getMergedAreasOrNullObject();
      m.load("address");
      merges.push(m);
    }
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
  const fillAt = new Map<string, string>();
  for (const f of q.fills) {
    const o = f.origin ?? origin;
    f.result.value.forEach((row, i) =>
      row.forEach((p, j) => {
        const fill = p.format?.fill;
        if (fill && fill.pattern !== "None" && fill.color) fillAt.set(`${o.r1 + i},${o.c1 + j}`, fill.color.toUpperCase());
      }),
    );
  }
  for (let i = 0; i < values.length; i++) {
    const vRow = values[i]!;
    for (let j = 0; j < vRow.length; j++) {
      const raw = vRow[j] as unknown;
      const f = formulas[i]?.[j] as unknown;
      const fill = fillAt.get(`${origin.r1 + i},${origin.c1 + j}`) ?? null;
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
  const seen = new Set<string>();
  for (const m of q.merges)
    if (!m.isNullObject)
      for (const a of splitAreas(m.address)) {
        // A merge across two bands is listed by both.
        if (seen.has(a)) continue;
        seen.add(a);
        g.addMerge(rectOf(a));
      }
  return g;
}

/** The selection as "C13" / "C13:F14" / "C13,E13:F13" on its sheet. */
function selectionOf(address: string): { foglio: string; range: string } | null {
  const areas = splitAreas(address).map(splitAddress);
  const foglio = areas[0]?.foglio;
  if (!foglio || areas.some((a) => a.foglio !== null && a.foglio !== foglio)) return null;
  return { foglio, range: areas.map((a) => a.range.replace(/\$/g, "")).join(",") };
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookRead> {
  const caps = opts.capabilities ?? officeCapabilities();
  const bound = opts.bound ?? READ_BOUND;
  const boundAddress = `A1:${colLetters(bound.cols - 1)}${bound.rows}`;
  const boundRect: MergeRange = { r1: 0, c1: 0, r2: bound.rows - 1, c2: bound.cols - 1 };
  const budget = opts.groupBudgetBytes ?? GROUP_BUDGET;
  const avvisi: string[] = [];
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  if (!caps.supports(REQUIREMENTS.core.set, REQUIREMENTS.core.version)) throw toPegError({ code: "ApiNotFound" });
  const withMerges = caps.supports(REQUIREMENTS.merges.set, REQUIREMENTS.merges.version);
  if (!withMerges) avvisi.push(officeHost.unioniNonLette);
  // On the web, fills in a second pass, only where the recogniser says marks are.
  const marksOnly = !!caps.web && !!opts.markAreas && opts.fills !== "all";

  try {
    const collection = context.workbook.worksheets;
    collection.load("items/name,items/visibility");
    let selezione: WorkbookRead["selezione"];
    if (opts.withSelection) {
      const many = caps.supports(REQUIREMENTS.selectedRanges.set, REQUIREMENTS.selectedRanges.version);
      const sel = many ? context.workbook.getSelectedRanges() : context.workbook.getSelectedRange();
      sel.load("address");
      try {
        syncs++;
        await context.sync();
        selezione = selectionOf(sel.address);
      } catch (e) {
        // A chart or a shape is selected: read the sheets anyway, without the selection.
        if (officeErrorCode(e) !== "InvalidSelection" && officeErrorCode(e) !== "InvalidArgument") throw e;
        selezione = null;
        collection.load("items/name,items/visibility");
        await sync();
      }
    } else await sync();
    const items = collection.items;

    let queued: Queued[] | null = items.map((s) => queueSheet(s, boundAddress, { merges: withMerges, fills: !marksOnly }));
    try {
      await sync();
    } catch (e) {
      // Too big for one response (web), or a sheet with more than 512 merged areas: plan it.
      if (officeErrorCode(e) === "InvalidOperationInCellEditMode" || officeErrorCode(e) === "AccessDenied") throw e;
      if (isPayloadLimit(e)) avvisi.push(officeHost.troppoGrande);
      queued = null;
    }
    if (!queued)
      queued = await plannedRead(context, items, boundAddress, boundRect, { merges: withMerges, fills: !marksOnly, budget, sync });

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
    if (marksOnly) await readMarks(context, items, queued, grids, opts.markAreas!, opts.fillCells ?? [], budget, sync);
    const out: WorkbookRead = { grid: { sheets: grids }, sheets, avvisi, syncs };
    if (opts.withSelection) out.selezione = selezione ?? null;
    return out;
  } catch (e) {
    throw toPegError(e);
  }
}

/**
 * The read planned from sizes: one sync for each sheet's bounded used area, then groups of sheets
 * whose estimated response fits `budget`, merges in bands under 512 areas.
 */
async function plannedRead(
  context: Excel.RequestContext,
  items: Excel.Worksheet[],
  boundAddress: string,
  boundRect: MergeRange,
  o: { merges: boolean; fills: boolean; budget: number; sync: () => Promise<void> },
): Promise<Queued[]> {
  const sizes = items.map((s) => {
    const r = s.getUsedRange(false).getBoundingRect("A1").getIntersection(boundAddress);
    r.load("address");
    return r;
  });
  await o.sync();
  const areas = sizes.map((r) => {
    const a = rectOf(r.address);
    return { r1: a.r1, c1: a.c1, r2: Math.min(a.r2, boundRect.r2), c2: Math.min(a.c2, boundRect.c2) };
  });
  const queued = new Array<Queued>(items.length);
  const perCell = VALUE_BYTES_PER_CELL + (o.fills ? FILL_BYTES_PER_CELL : 0);
  const groups = groupBy(
    areas.map((a) => (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) * perCell),
    o.budget,
  );
  const readGroup = async (group: number[]) => {
    for (const i of group) queued[i] = queueSheet(items[i]!, boundAddress, { merges: o.merges, fills: o.fills, area: areas[i] });
    await o.sync();
  };
  for (const g of groups) await readGroup(g);
  return queued;
}

/** Indexes in consecutive groups whose sizes add up to at most `budget` (a bigger one alone). */
function groupBy(sizes: number[], budget: number): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  let bytes = 0;
  sizes.forEach((b, i) => {
    if (cur.length && bytes + b > budget) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(i);
    bytes += b;
  });
  if (cur.length) out.push(cur);
  return out;
}

/** Excel on the web: the fills of the cronoprogramma areas, in as few syncs as the budget allows. */
async function readMarks(
  context: Excel.RequestContext,
  items: Excel.Worksheet[],
  queued: Queued[],
  grids: SheetGrid[],
  markAreas: (sheet: SheetGrid) => MergeRange[],
  fillCells: Array<{ foglio: string; cella: string }>,
  budget: number,
  sync: () => Promise<void>,
): Promise<void> {
  const wanted: Array<{ i: number; rect: MergeRange }> = [];
  grids.forEach((g, i) => {
    const area = rectOf(queued[i]!.area.address);
    const cells = fillCells
      .filter((f) => f.foglio === g.name)
      .flatMap((f) => {
        // Records come from the document: one that is not an address is skipped.
        try {
          return [rectOf(f.cella)];
        } catch {
          return [];
        }
      });
    for (const m of [...markAreas(g), ...cells]) {
      // Only what lies in the area read: nothing outside it was read either.
      const rect = { r1: Math.max(m.r1, area.r1), c1: Math.max(m.c1, area.c1), r2: Math.min(m.r2, area.r2), c2: Math.min(m.c2, area.c2) };
      if (rect.r1 <= rect.r2 && rect.c1 <= rect.c2) wanted.push({ i, rect });
    }
  });
  if (wanted.length === 0) return;
  const groups = groupBy(
    wanted.map((w) => (w.rect.r2 - w.rect.r1 + 1) * (w.rect.c2 - w.rect.c1 + 1) * FILL_BYTES_PER_CELL),
    budget,
  );
  const readGroup = async (group: number[]) => {
    const results = group.map((k) => {
      const { i, rect } = wanted[k]!;
      return { i, rect, result: items[i]!.getRange(rangeA1(rect)).getCellProperties(FILL) };
    });
    await sync();
    for (const { i, rect, result } of results)
      result.value.forEach((row, dr) =>
        row.forEach((p, dc) => {
          const fill = p.format?.fill;
          if (!fill || fill.pattern === "None" || !fill.color) return;
          const r = rect.r1 + dr;
          const c = rect.c1 + dc;
          grids[i]!.set(r, c, { ...(grids[i]!.get(r, c) ?? { v: null }), fill: fill.color.toUpperCase() });
        }),
      );
  };
  for (const g of groups) await readGroup(g);
}

/** The grid alone (the engine's input). */
export async function readWorkbookGrid(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookRead["grid"]> {
  return (await readWorkbook(context, opts)).grid;
}
