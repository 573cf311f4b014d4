/**
 * Apply a WritePlan to the open workbook in one context.sync(), and undo it exactly.
 *
 * - One sync: calculation and screen updating are suspended, every cell write is queued, each
 *   preceded by a load of what the cell holds now. Loads run in queue order, so they see the
 *   cell *before* its write: the undo record is exact even if the user typed in a cell between
 *   the read and the write (those cells are listed in `cambiateDopoLettura`).
 * - The plan is split only when the estimated request would pass Excel on the web's 5 MB limit.
 * - Excel batches are not transactional: if a sync fails, what ran before the failure stays.
 *   So on failure the host rolls back: chunks already done are restored from their undo records,
 *   the failing chunk from the plan's `previous` snapshots (the read moments before), on the
 *   sheets that are not protected; sheets created are deleted. Then a PegError says what to do.
 * - Sheets known to be protected (from the read) are refused before any sync.
 */
import { PegError } from "../../domain/errors";
import { freeSheetName, type CellSnapshot, type CellWrite, type WritePlan } from "../../sheets/write-plan";
import type { SheetSpec } from "../../sheets/sheet-spec";
import { officeHost } from "../../strings/it";
import { quoteSheetName } from "./address";
import { REQUIREMENTS, officeCapabilities, type Capabilities } from "./capabilities";
import { officeErrorCode, rejectedBeforeRunning, toPegError } from "./errors";
import { OP_OVERHEAD, PATH_OVERHEAD, estimateNewSheet, queueNewSheet } from "./new-sheet";
import { jsonBytes, snapshotOf, toExcelValue } from "./values";

/** Excel on the web refuses requests above 5 MB; keep a margin for what the estimate misses. */
export const MAX_REQUEST_BYTES = 4_500_000;

export interface UndoCell {
  foglio: string;
  cella: string;
  previous: CellSnapshot;
}

export interface UndoRecord {
  /** Every touched cell as it was just before the write. */
  cells: UndoCell[];
  /** Sheets this write created (undo deletes them, and only them). */
  createdSheets: string[];
  /** "Foglio!A1" of cells that had changed between the read and the write. */
  cambiateDopoLettura: string[];
  /** context.sync() calls the write took. */
  syncs: number;
}

export interface ApplyOptions {
  capabilities?: Capabilities;
  /** Sheet names from the read: new sheets get free names without an extra sync. */
  existingSheetNames?: string[];
  /** Sheets the read found protected: writing to them is refused up front. */
  protectedSheets?: Iterable<string>;
  maxRequestBytes?: number;
}

type Unit = { kind: "cell"; write: CellWrite; bytes: number } | { kind: "sheet"; spec: SheetSpec; name: string; bytes: number };

function sameSnapshot(a: CellSnapshot, b: CellSnapshot): boolean {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : v === "" ? null : v);
  return norm(a.value) === norm(b.value) && (a.formula ?? null) === (b.formula ?? null) && (a.fill ?? null) === (b.fill ?? null);
}

function cellBytes(w: CellWrite): number {
  let b = 2 * PATH_OVERHEAD + 2 * OP_OVERHEAD + w.foglio.length + w.cella.length; // getItem, getRange, load, getCellProperties
  if (w.fmt !== undefined) b += OP_OVERHEAD + w.fmt.length;
  if (w.value !== undefined) b += OP_OVERHEAD + jsonBytes(toExcelValue(w.value));
  if (w.fill !== undefined) b += OP_OVERHEAD + 10;
  return b;
}

/**
 * Queue the restoration of one cell. Text is restored through the Text format ("@") and then the
 * cell's own format, so it comes back as the same text without gaining an apostrophe prefix.
 */
function queueRestore(range: Excel.Range, p: CellSnapshot): void {
  const fmt = p.fmt ?? "General";
  if (p.formula !== undefined) {
    range.numberFormat = [[fmt]];
    range.formulas = [[`=${p.formula}`]];
  } else if (typeof p.value === "string" && p.value !== "") {
    range.numberFormat = [["@"]];
    range.values = [[p.value]];
    range.numberFormat = [[fmt]];
  } else {
    range.numberFormat = [[fmt]];
    range.values = [[toExcelValue(p.value)]];
  }
  if (p.fill) range.format.fill.color = p.fill;
  else range.format.fill.clear();
}

function suspend(context: Excel.RequestContext, caps: Capabilities): void {
  // ExcelApi 1.6 and 1.9, both within the core requirement; tested anyway for old hosts.
  if (caps.supports("ExcelApi", "1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
  if (caps.supports("ExcelApi", "1.9")) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

function chunk(units: Unit[], max: number): Unit[][] {
  const out: Unit[][] = [];
  let cur: Unit[] = [];
  let bytes = 0;
  for (const u of units) {
    if (cur.length && bytes + u.bytes > max) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(u);
    bytes += u.bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

interface Pending {
  w: CellWrite;
  range: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** Queue one chunk; returns the loads that become its undo cells after the sync. */
function queueChunk(context: Excel.RequestContext, units: Unit[], caps: Capabilities): Pending[] {
  suspend(context, caps);
  const sheets = new Map<string, Excel.Worksheet>();
  const ws = (name: string) => {
    let s = sheets.get(name);
    if (!s) sheets.set(name, (s = context.workbook.worksheets.getItem(name)));
    return s;
  };
  const pending: Pending[] = [];
  for (const u of units) {
    if (u.kind === "sheet") {
      queueNewSheet(context, u.spec, u.name, caps);
      continue;
    }
    const w = u.write;
    const range = ws(w.foglio).getRange(w.cella);
    // Loaded before the write in the same batch: the state just before it.
    range.load("values,formulas,numberFormat");
    const fills = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
    // These are writes queued after the load on purpose (the load reads the state before them).
    // eslint-disable-next-line office-addins/call-sync-after-load
    if (w.fmt !== undefined) range.numberFormat = [[w.fmt]];
    // eslint-disable-next-line office-addins/call-sync-after-load
    if (w.value !== undefined) range.values = [[toExcelValue(w.value)]];
    if (w.fill !== undefined) {
      if (w.fill === null) range.format.fill.clear();
      else range.format.fill.color = w.fill;
    }
    pending.push({ w, range, fills });
  }
  return pending;
}

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, opts: ApplyOptions = {}): Promise<UndoRecord> {
  const caps = opts.capabilities ?? officeCapabilities();
  if (!caps.supports(REQUIREMENTS.core.set, REQUIREMENTS.core.version)) throw toPegError({ code: "ApiNotFound" });
  const protectedSet = new Set([...(opts.protectedSheets ?? [])].map((n) => n.toLowerCase()));
  const blocked = plan.writes.find((w) => protectedSet.has(w.foglio.toLowerCase()));
  if (blocked) throw new PegError(`${officeHost.protetto(blocked.foglio)} ${officeHost.nessunaModifica}`);
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

  // Free names for new sheets: from the read when given, else one sync to list the sheets.
  const units: Unit[] = [];
  const createdSheets: string[] = [];
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
      createdSheets.push(name);
      units.push({ kind: "sheet", spec, name, bytes: 0 });
    }
  }
  for (const w of plan.writes) units.push({ kind: "cell", write: w, bytes: cellBytes(w) });
  for (const u of units) if (u.kind === "sheet") u.bytes = estimateNewSheet(u.spec);

  const record: UndoRecord = { cells: [], createdSheets: [], cambiateDopoLettura: [], syncs: 0 };
  const chunks = chunk(units, opts.maxRequestBytes ?? MAX_REQUEST_BYTES);
  for (let i = 0; i < chunks.length; i++) {
    const units_i = chunks[i]!;
    const pending = queueChunk(context, units_i, caps);
    try {
      await sync();
    } catch (e) {
      await rollback(context, record, rejectedBeforeRunning(e) ? [] : units_i, e, () => syncs++);
    }
    for (const u of units_i) if (u.kind === "sheet") record.createdSheets.push(u.name);
    for (const p of pending) {
      const before = snapshotOf(
        p.range.values[0]?.[0],
        p.range.formulas[0]?.[0],
        p.range.numberFormat[0]?.[0],
        p.fills.value[0]?.[0]?.format?.fill,
      );
      record.cells.push({ foglio: p.w.foglio, cella: p.w.cella, previous: before });
      if (!sameSnapshot(before, p.w.previous)) record.cambiateDopoLettura.push(`${p.w.foglio}!${p.w.cella}`);
    }
  }
  record.syncs = syncs;
  return record;
}

/**
 * After a failed sync: restore what earlier chunks wrote (from the record) and what the failing
 * chunk may have written (from the plan's snapshots), skipping protected sheets (nothing could be
 * written there), and delete the sheets created. Always throws the translated error.
 */
async function rollback(
  context: Excel.RequestContext,
  done: UndoRecord,
  failing: Unit[],
  cause: unknown,
  counted: () => void,
): Promise<never> {
  const failingCells: UndoCell[] = failing.flatMap((u) =>
    u.kind === "cell" ? [{ foglio: u.write.foglio, cella: u.write.cella, previous: u.write.previous }] : [],
  );
  const failingSheets = failing.flatMap((u) => (u.kind === "sheet" ? [u.name] : []));
  const cells = [...done.cells, ...failingCells];
  const sheets = [...done.createdSheets, ...failingSheets];
  const foglio = failingCells[0]?.foglio ?? null;
  if (cells.length === 0 && sheets.length === 0)
    throw toPegError(cause, { foglio: protectedGuess(cause, failing), coda: officeHost.nessunaModifica });
  // Sheets found protected while rolling back: the one Excel refused is among them.
  const protetti: string[] = [];
  try {
    // Which sheets exist now and which are protected: one sync, then one to restore.
    const col = context.workbook.worksheets;
    col.load("items/name");
    await context.sync();
    counted();
    const existing = new Map(col.items.map((s) => [s.name.toLowerCase(), s]));
    const prot = new Map<string, Excel.WorksheetProtection>();
    for (const name of new Set(cells.map((c) => c.foglio.toLowerCase()))) {
      const s = existing.get(name);
      if (s) {
        const p = s.protection;
        p.load("protected");
        prot.set(name, p);
      }
    }
    await context.sync();
    counted();
    for (const [name, p] of prot) if (p.protected) protetti.push(existing.get(name)!.name);
    const created = new Set(sheets.map((n) => n.toLowerCase()));
    for (const c of cells) {
      const low = c.foglio.toLowerCase();
      if (created.has(low) || !existing.has(low) || prot.get(low)?.protected) continue;
      queueRestore(existing.get(low)!.getRange(c.cella), c.previous);
    }
    for (const n of sheets) existing.get(n.toLowerCase())?.delete();
    await context.sync();
    counted();
  } catch {
    const where = cells.map((c) => `${quoteSheetName(c.foglio)}!${c.cella}`);
    throw toPegError(cause, { foglio, coda: officeHost.ripristinoFallito(where) });
  }
  throw toPegError(cause, { foglio: protetti[0] ?? protectedGuess(cause, failing) ?? foglio, coda: officeHost.ripristinato });
}

function protectedGuess(cause: unknown, failing: Unit[]): string | null {
  if (officeErrorCode(cause) !== "AccessDenied") return null;
  const sheets = new Set(failing.flatMap((u) => (u.kind === "cell" ? [u.write.foglio] : [])));
  return sheets.size === 1 ? [...sheets][0]! : null;
}

/**
 * Restore every cell of `record` exactly (value or formula, number format, fill) and delete the
 * sheets it created, in one sync. Cells on created sheets are skipped (the sheet goes).
 */
export async function undo(context: Excel.RequestContext, record: UndoRecord): Promise<{ celle: number; syncs: number }> {
  const created = new Set(record.createdSheets.map((n) => n.toLowerCase()));
  const cells = record.cells.filter((c) => !created.has(c.foglio.toLowerCase()));
  let syncs = 0;
  const queue = (skipSheets: Set<string>) => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const sheets = new Map<string, Excel.Worksheet>();
    // Deletes first: if one fails (sheet already gone), nothing else has run yet.
    for (const n of record.createdSheets) if (!skipSheets.has(n.toLowerCase())) context.workbook.worksheets.getItem(n).delete();
    // Reverse order: a cell written twice ends with its oldest snapshot.
    for (const c of [...cells].reverse()) {
      const key = c.foglio.toLowerCase();
      if (skipSheets.has(key)) continue;
      let s = sheets.get(key);
      if (!s) sheets.set(key, (s = context.workbook.worksheets.getItem(c.foglio)));
      queueRestore(s.getRange(c.cella), c.previous);
    }
  };
  try {
    queue(new Set());
    syncs++;
    await context.sync();
    return { celle: cells.length, syncs };
  } catch (e) {
    if (officeErrorCode(e) !== "ItemNotFound") throw toPegError(e, { foglio: cells[0]?.foglio ?? null, coda: officeHost.nessunaModifica });
  }
  // A sheet was deleted or renamed meanwhile: restore what still exists.
  try {
    const col = context.workbook.worksheets;
    col.load("items/name");
    syncs++;
    await context.sync();
    const names = new Set(col.items.map((s) => s.name.toLowerCase()));
    const gone = new Set([...record.createdSheets, ...cells.map((c) => c.foglio)].map((n) => n.toLowerCase()).filter((n) => !names.has(n)));
    queue(gone);
    syncs++;
    await context.sync();
    return { celle: cells.filter((c) => !gone.has(c.foglio.toLowerCase())).length, syncs };
  } catch (e) {
    throw toPegError(e, { foglio: cells[0]?.foglio ?? null });
  }
}
