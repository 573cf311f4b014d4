/**
 * Apply a WritePlan to the open workbook, and undo it without ever losing a later edit.
 *
 * - One sync for the write: calculation and screen updating are suspended, every cell write is
 *   queued between two loads of the cell (before: the undo snapshot, exact even if the user typed
 *   between the read and the write; after: what Excel stored, which undo compares against), and
 *   the workbook is recalculated at the end (with calculation suspended, re-calculating is the
 *   add-in's duty: formulas that read written cells would otherwise stay stale).
 * - Protected sheets: Excel lets values into unlocked cells. When the plan touches a sheet the
 *   read found protected, one sync first reads `format.protection.locked` of the target cells and
 *   the protection's options; locked cells (or fills where formatting is not allowed) are refused
 *   by name before anything is written.
 * - The plan is split only when the request, estimated in UTF-8 bytes, would pass Excel on the
 *   web's 5 MB limit; a single new sheet above it is split by rows.
 * - Excel batches are not transactional: if a sync fails, what ran before the failure stays. So
 *   the host rolls back exactly like an undo: only cells that still hold what was written are
 *   restored (chunks done: from their after-loads; the failing chunk: what it meant to write).
 * - Undo reads the cells first: a cell that no longer holds what the write left is kept as the
 *   user made it and listed; sheets are found by id (a renamed sheet is followed), and the
 *   sheets the write created are deleted by id, never by name.
 */
import { PegError } from "../../domain/errors";
import { freeSheetName, type CellWrite, type WritePlan } from "../../sheets/write-plan";
import { officeHost } from "../../strings/it";
import { quoteSheetName } from "./address";
import { REQUIREMENTS, officeCapabilities, type Capabilities } from "./capabilities";
import { officeErrorCode, rejectedBeforeRunning, toPegError } from "./errors";
import { OP_OVERHEAD, PATH_OVERHEAD, queueNewSheet, splitNewSheet, estimateNewSheet, type SheetPart } from "./new-sheet";
import { holds, jsonBytes, snapshotOf, textBytes, toExcelValue, type OfficeSnapshot } from "./values";

/** Excel on the web refuses requests above 5 MB; keep a margin for what the estimate misses. */
export const MAX_REQUEST_BYTES = 4_500_000;

type Aspect = "value" | "fmt" | "fill";

export interface UndoCell {
  /** Worksheet.id when the write ran: undo follows a renamed sheet. */
  sheetId: string | null;
  foglio: string;
  cella: string;
  /** The cell just before the write. */
  previous: OfficeSnapshot;
  /** The cell as the write left it; undo restores only a cell that still holds this. */
  after: OfficeSnapshot;
  /** The aspects `after` is known for (a rolled-back batch knows only what it meant to write). */
  aspects?: Aspect[];
}

export interface UndoRecord {
  /** Every touched cell, in write order. */
  cells: UndoCell[];
  /** Names the sheets this write created got (for messages). */
  createdSheets: string[];
  /** Worksheet.id of each created sheet, same order: undo deletes these and only these. */
  createdSheetIds: Array<string | null>;
  /** "Foglio!A1" of cells that had changed between the read and the write. */
  cambiateDopoLettura: string[];
  /** context.sync() calls the write took. */
  syncs: number;
}

export interface UndoResult {
  /** Cells restored. */
  celle: number;
  /** "Foglio!A1" of cells changed after the write: left as the user made them. */
  nonRipristinate: string[];
  syncs: number;
}

export interface ApplyOptions {
  capabilities?: Capabilities;
  /** Sheet names from the read: new sheets get free names without an extra sync. */
  existingSheetNames?: string[];
  /** Sheets the read found protected: their target cells are checked before writing. */
  protectedSheets?: Iterable<string>;
  maxRequestBytes?: number;
}

/** `bytes`: the request's share; `response`: what the loads bring back (both limited to 5 MB). */
type Unit =
  | { kind: "cell"; write: CellWrite; bytes: number; response: number }
  | { kind: "sheet"; part: SheetPart; name: string; bytes: number; response: number };

const cellRef = (foglio: string, cella: string) => `${foglio}!${cella}`;

function cellBytes(w: CellWrite): number {
  // getItem, two getRange, two loads, two getCellProperties, the id load
  let b = 3 * PATH_OVERHEAD + 5 * OP_OVERHEAD + 2 * textBytes(w.foglio) + 2 * w.cella.length;
  if (w.fmt !== undefined) b += OP_OVERHEAD + textBytes(w.fmt);
  if (w.value !== undefined) b += OP_OVERHEAD + jsonBytes(toExcelValue(w.value));
  if (w.fill !== undefined) b += OP_OVERHEAD + 10;
  return b;
}

/** Response bytes of a cell's two loads (before and after): values, formulas, format, fill. */
function cellResponse(before: unknown, after: unknown, fmt: string | undefined): number {
  return 2 * (jsonBytes(before) + jsonBytes(after)) + 2 * textBytes(fmt ?? "General") + 400;
}

/** Aspects a write changes. */
function aspectsOf(w: CellWrite): Aspect[] {
  const out: Aspect[] = [];
  if (w.value !== undefined) out.push("value");
  if (w.fmt !== undefined) out.push("fmt");
  if (w.fill !== undefined) out.push("fill");
  return out;
}

/** What a write means to leave in the cell (for a batch that failed before its after-loads). */
function intended(w: CellWrite): OfficeSnapshot {
  const s: OfficeSnapshot = {
    value: w.value !== undefined ? w.value : w.previous.value,
    fill: w.fill !== undefined ? (w.fill ? w.fill.toUpperCase() : null) : w.previous.fill,
  };
  const fmt = w.fmt ?? w.previous.fmt;
  if (fmt && fmt !== "General") s.fmt = fmt;
  return s;
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true } } } as const;

function loadCell(range: Excel.Range) {
  range.load("values,formulas,numberFormat");
  return range.getCellProperties(FILL_PROPS);
}

function snapshotLoaded(range: Excel.Range, fills: OfficeExtension.ClientResult<Excel.CellProperties[][]>): OfficeSnapshot {
  return snapshotOf(range.values[0]?.[0], range.formulas[0]?.[0], range.numberFormat[0]?.[0], fills.value[0]?.[0]?.format?.fill);
}

/**
 * Queue the restoration of one cell from `now` to `p`, setting only what differs (a protected
 * sheet that does not allow formatting still takes values into its unlocked cells). Text comes
 * back through the Text format ("@") and then the cell's own format, so it gains no apostrophe;
 * where the format may not change, through the apostrophe.
 */
function queueRestore(range: Excel.Range, p: OfficeSnapshot, now: OfficeSnapshot, canFormat: boolean): void {
  const fmt = p.fmt ?? "General";
  const fmtDiffers = fmt !== (now.fmt ?? "General");
  const valueDiffers = !holds(now, p, ["value"]);
  if (valueDiffers) {
    if (p.formula !== undefined) {
      if (fmtDiffers) range.numberFormat = [[fmt]];
      range.formulas = [[`=${p.formula}`]];
    } else if (typeof p.value === "string" && p.value !== "") {
      if (canFormat) {
        range.numberFormat = [["@"]];
        range.values = [[p.value]];
        range.numberFormat = [[fmt]];
      } else range.values = [[toExcelValue(p.value)]];
    } else {
      if (fmtDiffers) range.numberFormat = [[fmt]];
      range.values = [[toExcelValue(p.value)]];
    }
  } else if (fmtDiffers) range.numberFormat = [[fmt]];
  if (!holds(now, p, ["fill"]) || (p.patternColor ?? null) !== (now.patternColor ?? null)) {
    if (!p.fill) range.format.fill.clear();
    else {
      range.format.fill.color = p.fill;
      if (p.pattern) {
        range.format.fill.pattern = p.pattern as Excel.FillPattern;
        if (p.patternColor) range.format.fill.patternColor = p.patternColor;
      }
    }
  }
}

function suspend(context: Excel.RequestContext, caps: Capabilities): void {
  // ExcelApi 1.6 and 1.9, both within the core requirement; tested anyway for old hosts.
  if (caps.supports("ExcelApi", "1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
  if (caps.supports("ExcelApi", "1.9")) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** Recalculate what the suspended batch left stale (Excel.CalculationType.recalculate). */
function recalculate(context: Excel.RequestContext): void {
  context.workbook.application.calculate("Recalculate");
}

/** Consecutive groups whose request and response each stay under `max` bytes. */
function chunk<T extends { bytes: number; response: number }>(units: T[], max: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  let response = 0;
  for (const u of units) {
    if (cur.length && (bytes + u.bytes > max || response + u.response > max)) {
      out.push(cur);
      cur = [];
      bytes = 0;
      response = 0;
    }
    cur.push(u);
    bytes += u.bytes;
    response += u.response;
  }
  if (cur.length) out.push(cur);
  return out;
}

interface Pending {
  w: CellWrite;
  sheet: Excel.Worksheet;
  before: Excel.Range;
  beforeFills: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  after: Excel.Range;
  afterFills: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** Does this write change the cell's format (number format or fill) as the read saw it? */
function changesFormat(w: CellWrite): boolean {
  return (
    (w.fmt !== undefined && w.fmt !== (w.previous.fmt ?? "General")) ||
    (w.fill !== undefined && (w.fill ? w.fill.toUpperCase() : null) !== (w.previous.fill ?? null))
  );
}

/** Queue one chunk; returns the loads that become its undo cells after the sync. */
function queueChunk(
  context: Excel.RequestContext,
  units: Unit[],
  caps: Capabilities,
  guarded: Set<string>,
): { pending: Pending[]; created: Array<{ name: string; sheet: Excel.Worksheet }> } {
  suspend(context, caps);
  const sheets = new Map<string, Excel.Worksheet>();
  const ws = (name: string) => {
    let s = sheets.get(name);
    if (!s) {
      sheets.set(name, (s = context.workbook.worksheets.getItem(name)));
      s.load("id");
    }
    return s;
  };
  const pending: Pending[] = [];
  const created: Array<{ name: string; sheet: Excel.Worksheet }> = [];
  for (const u of units) {
    if (u.kind === "sheet") {
      const sheet = queueNewSheet(context, u.part.spec, u.name, caps, u.part.create);
      if (u.part.create) {
        sheet.load("id");
        created.push({ name: u.name, sheet });
      }
      continue;
    }
    const w = u.write;
    const sheet = ws(w.foglio);
    const before = sheet.getRange(w.cella);
    // Loaded before the write in the same batch: the state just before it.
    const beforeFills = loadCell(before);
    const range = sheet.getRange(w.cella);
    // On a protected sheet an unchanged format is not set again (it may not be allowed).
    const keepFormat = guarded.has(w.foglio.toLowerCase()) && !changesFormat(w);
    if (w.fmt !== undefined && !keepFormat) range.numberFormat = [[w.fmt]];
    if (w.value !== undefined) range.values = [[toExcelValue(w.value)]];
    if (w.fill !== undefined && !keepFormat) {
      if (w.fill === null) range.format.fill.clear();
      else range.format.fill.color = w.fill;
    }
    // And after it: what Excel stored, which undo will compare the cell with.
    const after = sheet.getRange(w.cella);
    const afterFills = loadCell(after);
    pending.push({ w, sheet, before, beforeFills, after, afterFills });
  }
  recalculate(context);
  return { pending, created };
}

/**
 * For plans that touch sheets the read found protected: one sync reads whether each target cell
 * is locked and whether the protection allows formatting; refuses, by name, what Excel would.
 */
async function checkProtected(context: Excel.RequestContext, writes: CellWrite[], protectedSet: Set<string>): Promise<Set<string>> {
  const targets = writes.filter((w) => protectedSet.has(w.foglio.toLowerCase()));
  if (targets.length === 0) return new Set();
  const sheets = new Map<string, Excel.WorksheetProtection>();
  const locks = targets.map((w) => {
    const key = w.foglio.toLowerCase();
    const sheet = context.workbook.worksheets.getItem(w.foglio);
    if (!sheets.has(key)) {
      // A navigation property (a proxy), not a loaded value.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const p = sheet.protection;
      p.load("protected,options");
      sheets.set(key, p);
    }
    return { w, locked: sheet.getRange(w.cella).getCellProperties({ format: { protection: true } }) };
  });
  try {
    await context.sync();
  } catch (e) {
    throw toPegError(e, { foglio: targets[0]!.foglio, coda: officeHost.nessunaModifica });
  }
  const guarded = new Set<string>();
  const locked = new Map<string, string[]>();
  for (const { w, locked: l } of locks) {
    const p = sheets.get(w.foglio.toLowerCase())!;
    if (!p.protected) continue; // unprotected since the read
    guarded.add(w.foglio.toLowerCase());
    if (changesFormat(w) && !p.options.allowFormatCells)
      throw new PegError(`${officeHost.formatoProtetto(w.foglio)} ${officeHost.nessunaModifica}`);
    if (w.value !== undefined && l.value[0]?.[0]?.format?.protection?.locked !== false)
      locked.set(w.foglio, [...(locked.get(w.foglio) ?? []), w.cella]);
  }
  const [foglio, celle] = [...locked][0] ?? [];
  if (foglio && celle) throw new PegError(`${officeHost.celleBloccate(foglio, celle)} ${officeHost.nessunaModifica}`);
  return guarded;
}

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, opts: ApplyOptions = {}): Promise<UndoRecord> {
  const caps = opts.capabilities ?? officeCapabilities();
  if (!caps.supports(REQUIREMENTS.core.set, REQUIREMENTS.core.version)) throw toPegError({ code: "ApiNotFound" });
  if (opts.existingSheetNames) {
    const known = new Set(opts.existingSheetNames.map((n) => n.toLowerCase()));
    const missing = plan.writes.find((w) => !known.has(w.foglio.toLowerCase()));
    if (missing) throw new PegError(officeHost.foglioMancante(missing.foglio));
  }

  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  const protectedSet = new Set([...(opts.protectedSheets ?? [])].map((n) => n.toLowerCase()));
  let guarded = new Set<string>();
  if (plan.writes.some((w) => protectedSet.has(w.foglio.toLowerCase()))) {
    syncs++;
    guarded = await checkProtected(context, plan.writes, protectedSet);
  }

  // Free names for new sheets: from the read when given, else one sync to list the sheets.
  const max = opts.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const units: Unit[] = [];
  if (plan.newSheets.length) {
    let names = opts.existingSheetNames;
    if (!names) {
      const col = context.workbook.worksheets;
      col.load("items/name");
      try {
        await sync();
      } catch (e) {
        throw toPegError(e, { coda: officeHost.nessunaModifica });
      }
      names = col.items.map((s) => s.name);
    }
    const taken = [...names];
    for (const spec of plan.newSheets) {
      const name = freeSheetName(spec.name, taken);
      taken.push(name);
      for (const part of splitNewSheet(spec, max))
        units.push({ kind: "sheet", part, name, bytes: estimateNewSheet(part.spec), response: 200 });
    }
  }
  for (const w of plan.writes)
    units.push({
      kind: "cell",
      write: w,
      bytes: cellBytes(w),
      response: cellResponse(toExcelValue(w.previous.value), w.value !== undefined ? toExcelValue(w.value) : null, w.fmt ?? w.previous.fmt),
    });

  const record: UndoRecord = { cells: [], createdSheets: [], createdSheetIds: [], cambiateDopoLettura: [], syncs: 0 };
  for (const units_i of chunk(units, max)) {
    const { pending, created } = queueChunk(context, units_i, caps, guarded);
    try {
      await sync();
    } catch (e) {
      const failing = rejectedBeforeRunning(e) ? [] : units_i;
      const createdHere = failing.flatMap((u) => (u.kind === "sheet" && u.part.create ? [u.name] : []));
      await rollback(context, record, failing, createdHere, e, () => syncs++);
    }
    for (const c of created) {
      record.createdSheets.push(c.name);
      record.createdSheetIds.push(c.sheet.id);
    }
    for (const p of pending) {
      const prev = snapshotLoaded(p.before, p.beforeFills);
      record.cells.push({
        sheetId: p.sheet.id,
        foglio: p.w.foglio,
        cella: p.w.cella,
        previous: prev,
        after: snapshotLoaded(p.after, p.afterFills),
      });
      if (!holds(prev, p.w.previous, ["value", "fill"])) record.cambiateDopoLettura.push(cellRef(p.w.foglio, p.w.cella));
    }
  }
  record.syncs = syncs;
  return record;
}

/**
 * After a failed sync: restore, like an undo, what earlier chunks wrote and what the failing
 * chunk may have written (only the cells that hold its writes), delete the sheets created, and
 * throw the translated error.
 */
async function rollback(
  context: Excel.RequestContext,
  done: UndoRecord,
  failing: Unit[],
  createdHere: string[],
  cause: unknown,
  counted: () => void,
): Promise<never> {
  const failingCells: UndoCell[] = failing.flatMap((u) =>
    u.kind === "cell"
      ? [
          {
            sheetId: null,
            foglio: u.write.foglio,
            cella: u.write.cella,
            previous: u.write.previous,
            after: intended(u.write),
            aspects: aspectsOf(u.write),
          },
        ]
      : [],
  );
  const cells = [...done.cells, ...failingCells];
  const sheets = [...done.createdSheetIds.map((id, i) => id ?? done.createdSheets[i]!), ...createdHere];
  const foglio = failingCells[0]?.foglio ?? null;
  if (cells.length === 0 && sheets.length === 0)
    throw toPegError(cause, { foglio: protectedGuess(cause, failing), coda: officeHost.nessunaModifica });
  let r: RestoreOutcome;
  try {
    r = await restore(context, cells, sheets, counted, { skipProtected: true });
  } catch {
    const where = cells.map((c) => `${quoteSheetName(c.foglio)}!${c.cella}`);
    throw toPegError(cause, { foglio, coda: officeHost.ripristinoFallito(where) });
  }
  throw toPegError(cause, { foglio: r.protetti[0] ?? protectedGuess(cause, failing) ?? foglio, coda: officeHost.ripristinato });
}

function protectedGuess(cause: unknown, failing: Unit[]): string | null {
  if (officeErrorCode(cause) !== "AccessDenied") return null;
  const sheets = new Set(failing.flatMap((u) => (u.kind === "cell" ? [u.write.foglio] : [])));
  return sheets.size === 1 ? [...sheets][0]! : null;
}

interface RestoreOutcome {
  celle: number;
  nonRipristinate: string[];
  /** Protected sheets met (rollback skips them: nothing could have been written there). */
  protetti: string[];
}

interface SheetState {
  sheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
}

/**
 * Restore `cells` (newest last) and delete the sheets `deleteKeys` (ids, or names for sheets of a
 * failed batch): sync 1 reads which sheets exist, their protection and each cell as it is now;
 * sync 2 restores only the cells that still hold what the write left, and deletes.
 */
async function restore(
  context: Excel.RequestContext,
  cells: UndoCell[],
  deleteKeys: string[],
  counted: () => void,
  opts: { skipProtected: boolean; maxBytes?: number },
): Promise<RestoreOutcome> {
  const max = opts.maxBytes ?? MAX_REQUEST_BYTES;
  // Sheets by id when known (a renamed sheet is followed), else by name.
  const keyOf = (c: UndoCell) => c.sheetId ?? c.foglio;
  const col = context.workbook.worksheets;
  col.load("items/id,items/name");
  await context.sync();
  counted();
  const byKey = new Map<string, Excel.Worksheet>();
  for (const s of col.items) {
    byKey.set(s.id, s);
    byKey.set(s.name.toLowerCase(), s);
  }
  const find = (key: string) => byKey.get(key) ?? byKey.get(key.toLowerCase());
  const deleteSet = new Set(deleteKeys.map((k) => find(k)?.id).filter((x): x is string => !!x));

  const states = new Map<string, SheetState>();
  // Each cell's share of the requests and responses (big texts are read and written back).
  const sized = cells.map((c, i) => {
    const b = jsonBytes(toExcelValue(c.previous.value)) + jsonBytes(toExcelValue(c.after.value));
    return { i, bytes: 2 * PATH_OVERHEAD + 6 * OP_OVERHEAD + b, response: 2 * b + 400 };
  });
  const loads: Array<{
    c: UndoCell;
    st: SheetState;
    range: Excel.Range;
    fills: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
    locked: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  } | null> = [];
  for (const group of chunk(sized, max)) {
    for (const { i } of group) {
      const c = cells[i]!;
      const s = find(keyOf(c));
      // Gone, or a sheet this write created (it goes whole).
      if (!s || deleteSet.has(s.id)) {
        loads[i] = null;
        continue;
      }
      let st = states.get(s.id);
      if (!st) {
        const protection = s.protection;
        protection.load("protected,options");
        states.set(s.id, (st = { sheet: s, protection }));
      }
      const range = s.getRange(c.cella);
      const fills = loadCell(range);
      const locked = range.getCellProperties({ format: { protection: true } });
      loads[i] = { c, st, range, fills, locked };
    }
    // One sync per 4.5 MB of cells: one in practice, more only for huge texts on the web.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    counted();
  }

  const protetti = [...states.values()].filter((s) => s.protection.protected).map((s) => s.sheet.name);
  const nonRipristinate: string[] = [];
  /** What each cell shows now, updated as restores are queued (a cell written twice). */
  const now = new Map<string, OfficeSnapshot>();
  const todo: Array<{ range: Excel.Range; p: OfficeSnapshot; now: OfficeSnapshot; canFormat: boolean; bytes: number; response: number }> =
    [];
  const blocked: string[] = [];
  for (let i = cells.length - 1; i >= 0; i--) {
    const l = loads[i];
    if (!l) continue;
    const key = `${l.st.sheet.id}!${l.c.cella}`;
    const cur = now.get(key) ?? snapshotLoaded(l.range, l.fills);
    if (!holds(cur, l.c.after, l.c.aspects)) {
      // Changed after the write: the user's edit wins. (A rollback lists nothing: never written.)
      if (!l.c.aspects) nonRipristinate.push(cellRef(l.st.sheet.name, l.c.cella));
      continue;
    }
    const prot = l.st.protection.protected;
    if (prot && opts.skipProtected) continue;
    const canFormat = !prot || (l.st.protection.options.allowFormatCells ?? false);
    const formatChanges = !holds(cur, l.c.previous, ["fmt", "fill"]);
    if (prot && (l.locked.value[0]?.[0]?.format?.protection?.locked !== false || (formatChanges && !canFormat))) {
      blocked.push(l.st.sheet.name);
      continue;
    }
    todo.push({ range: l.range, p: l.c.previous, now: cur, canFormat, bytes: sized[i]!.bytes, response: 0 });
    now.set(key, l.c.previous);
  }
  if (blocked.length) throw new PegError(`${officeHost.protetto(blocked[0]!)} ${officeHost.nessunaModifica}`);

  const groups = chunk(todo, max);
  if (groups.length === 0) groups.push([]);
  for (let g = 0; g < groups.length; g++) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const t of groups[g]!) queueRestore(t.range, t.p, t.now, t.canFormat);
    if (g === groups.length - 1) for (const id of deleteSet) context.workbook.worksheets.getItem(id).delete();
    recalculate(context);
    // As above: one sync unless the restore passes the web's 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    counted();
  }
  return { celle: todo.length, nonRipristinate: nonRipristinate.reverse(), protetti };
}

/**
 * Undo `record`: cells that still hold what the write left go back exactly (value or formula,
 * number format, fill with its pattern); cells changed since are left and listed; the sheets the
 * write created are deleted by id. Three syncs: the sheets, the cells as they are now, the restore.
 */
export async function undo(context: Excel.RequestContext, record: UndoRecord): Promise<UndoResult> {
  let syncs = 0;
  const ids = record.createdSheetIds.filter((id): id is string => !!id);
  try {
    const r = await restore(context, record.cells, ids, () => syncs++, { skipProtected: false });
    return { celle: r.celle, nonRipristinate: r.nonRipristinate, syncs };
  } catch (e) {
    throw toPegError(e, { foglio: record.cells[0]?.foglio ?? null, coda: officeHost.nessunaModifica });
  }
}
