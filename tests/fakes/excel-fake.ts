/**
 * A strict in-memory fake of the part of the Excel JavaScript API the Office host uses.
 *
 * Strict like the real thing where it matters for correctness and speed:
 * - proxy objects: reading a property that was not `load`ed (and synced) throws PropertyNotLoaded;
 *   setting or reading a member the fake does not model throws, so the host cannot silently rely on
 *   something untested;
 * - writes and loads are queued and run, in order, only at `context.sync()`; syncs are counted;
 * - a sync that fails stops where it failed and keeps what ran before (Excel batches are not
 *   transactional), so the host's own rollback is what keeps a workbook whole;
 * - sheet protection as Excel applies it: on a protected sheet, values go only into unlocked cells
 *   (`format.protection.locked` false; cells are locked by default), formats only when the
 *   protection allows formatting cells, and structure (merges, charts, sheets' layout) never
 *   (AccessDenied); cell edit mode (InvalidOperationInCellEditMode), requirement sets
 *   (ApiNotFound) and generic host errors are modelled and injectable;
 * - payloads are measured in UTF-8 bytes of the JSON (what travels), and the request and response
 *   limits of Excel on the web (5 MB) apply with `platform: "web"`;
 * - recalculation: in automatic mode a write recomputes the formulas that depend on it; after
 *   `application.suspendApiCalculationUntilNextSync()` they stay stale until
 *   `application.calculate()` (the reference: re-calculating is then the add-in's duty);
 * - `getMergedAreasOrNullObject` fails above 512 merged areas in one call; `getSelectedRange`
 *   throws InvalidSelection on a multi-area selection, `getSelectedRanges` (ExcelApi 1.9) reads it;
 * - `values` parses text the way typing does, in the workbook's locale (it-IT by default: "12,5"
 *   is a number, "30/06/2023" is 30 June, "1.06.01" stays text): "=…" becomes a formula, unless
 *   the text starts with an apostrophe or the cell is formatted as text ("@").
 *
 * No Node APIs: the browser end-to-end stub imports this file too.
 */
import type { CellScalar, MergeRange, SheetVisibility, WorkbookGrid } from "../../src/sheets/grid";
import { a1, colLetters, parseA1, parseRange } from "../../src/sheets/grid";
import { FormulaError, Unsupported, evaluate, references, type FormulaValue } from "./formula";

// ── State ──────────────────────────────────────────────────────────────────────────────────────

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
}

export interface FakeCell {
  /** "" for an empty cell, as Office.js reports it. Dates are serial numbers. */
  value: string | number | boolean;
  /** Formula text with the leading "=". */
  formula?: string;
  /** Excel error literal when the cell holds an error. */
  error?: string;
  numberFormat: string;
  /** "#RRGGBB" or null. */
  fill: string | null;
  /** True when the text was entered with a leading apostrophe. */
  textPrefix?: boolean;
  /** Fill pattern when not solid ("Gray50", "LightUp"…); the pattern's colour in `patternColor`. */
  pattern?: string;
  patternColor?: string;
  /** False when unlocked (protection lets users type here); Excel's cells are locked by default. */
  locked?: boolean;
  font?: FakeFont;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  border?: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  categories?: string;
  title?: string;
  anchor?: string;
}

export interface FakeSheet {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** WorksheetProtectionOptions.allowFormatCells (false by default, as in Excel). */
  allowFormatCells?: boolean;
  /** Stable id, as Worksheet.id (survives renames). */
  id: string;
  cells: Map<string, FakeCell>;
  merges: MergeRange[];
  charts: FakeChart[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freeze?: { rows: number; cols: number };
  autoFilter?: string;
  validations: Array<{ address: string; list: string }>;
  orientation?: string;
  fitToWidth?: boolean;
}

export interface FakeError {
  code: string;
  message: string;
}

export interface FakeOptions {
  /** Highest ExcelApi version supported, e.g. "1.13" (default "1.17"). */
  excelApi?: string;
  /** Shared runtime supported (default true). */
  sharedRuntime?: boolean;
  /** Request payload limit in bytes (Excel on the web: 5 MB); default: no limit. */
  requestLimitBytes?: number;
  /** Response payload limit in bytes; default: no limit. */
  responseLimitBytes?: number;
  /** Selected range, e.g. "Ob 1!C30:E30"; several areas separated by commas ("'Ob 1'!C30,E30:F30"). */
  selection?: string;
  /** "web": Excel on the web's 5 MB request and response limits apply (unless given). */
  platform?: "desktop" | "web";
  /** Locale that typed text is parsed in (the workbook's; default it-IT). */
  locale?: "it-IT" | "en-US";
}

/** Excel on the web: requests and responses above 5 MB are refused (RichApi payload limits). */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

/** Which cells an op changes, for sheet protection. */
export interface WriteTarget {
  sheet: FakeSheet;
  /** Cells written; absent for structural changes (merges, charts, layout). */
  rect?: MergeRange;
  kind: "value" | "format" | "structure";
}

type Op = {
  /** Estimated request bytes. */
  size: number;
  /** ExcelApi version the call needs. */
  api?: string;
  /** What the op changes (for protection): a sheet alone is a structural change. */
  writes?: FakeSheet | WriteTarget | (() => FakeSheet | WriteTarget | undefined);
  run: () => void;
};

// ── Errors like Office.js ──────────────────────────────────────────────────────────────────────

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Excel.FillPattern values. */
const FILL_PATTERNS = new Set([
  "None",
  "Solid",
  "Gray50",
  "Gray75",
  "Gray25",
  "Horizontal",
  "Vertical",
  "Down",
  "Up",
  "Checker",
  "SemiGray75",
  "LightHorizontal",
  "LightVertical",
  "LightDown",
  "LightUp",
  "Grid",
  "CrissCross",
  "Gray16",
  "Gray8",
  "LinearGradient",
  "RectangularGradient",
]);

/** Range.getMergedAreasOrNullObject fails above this many merged areas in one call. */
export const MAX_MERGED_AREAS = 512;

const PROTECTED_MESSAGE = "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.";

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function versionAtLeast(have: string, need: string): boolean {
  const [a1v = 0, a2 = 0] = have.split(".").map(Number);
  const [b1 = 0, b2 = 0] = need.split(".").map(Number);
  return a1v > b1 || (a1v === b1 && a2 >= b2);
}

// ── Addresses ──────────────────────────────────────────────────────────────────────────────────

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheetAddress(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

function rectAddress(m: MergeRange): string {
  const s = a1(m.r1, m.c1);
  const e = a1(m.r2, m.c2);
  return s === e ? s : `${s}:${e}`;
}

/** Full-column/row refs ("A:C", "3:5") are not modelled: the host must not request them. */
function parseRect(ref: string): MergeRange {
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(ref.trim()))
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${ref}`);
  return parseRange(ref.replace(/\$/g, ""));
}

const key = (r: number, c: number) => `${r},${c}`;

// ── Values as typing does ──────────────────────────────────────────────────────────────────────

function serialFromYmd(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What Excel stores when a user types `text`, in the workbook's locale. it-IT: decimal comma,
 * "." groups thousands ("1.234,5"), dates day first (30/06/2023, 30-06-23), VERO/FALSO; a string
 * that fits no pattern ("1.06.01", "20,00 €") stays text. en-US: decimal point, month first.
 */
export function parseTyped(
  text: string,
  numberFormat: string,
  locale: "it-IT" | "en-US" = "it-IT",
): Pick<FakeCell, "value" | "formula" | "textPrefix" | "numberFormat"> {
  if (text.startsWith("'")) return { value: text.slice(1), textPrefix: true, numberFormat };
  if (numberFormat === "@") return { value: text, numberFormat };
  if (text.length > 1 && text.startsWith("=")) return { value: 0, formula: text, numberFormat };
  const t = text.trim();
  const it = locale === "it-IT";
  const numRe = it ? /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/ : /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
  const toNum = (s: string) => Number(it ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, ""));
  if (numRe.test(t)) return { value: toNum(t), numberFormat };
  if (t.endsWith("%") && numRe.test(t.slice(0, -1).trim()))
    return { value: toNum(t.slice(0, -1).trim()) / 100, numberFormat: numberFormat === "General" ? "0%" : numberFormat };
  const [yes, no] = it ? ["vero", "falso"] : ["true", "false"];
  if (t.toLowerCase() === yes || t.toLowerCase() === no) return { value: t.toLowerCase() === yes, numberFormat };
  // Dates: "/" or "-" between parts (a "." date would swallow codes such as 1.06.01).
  const d = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?$/.exec(t);
  if (d) {
    const [day, month] = it ? [Number(d[1]), Number(d[2])] : [Number(d[2]), Number(d[1])];
    const y = d[3] ? (d[3].length === 2 ? 2000 + Number(d[3]) : Number(d[3])) : 2026;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return {
        value: serialFromYmd(y, month, day),
        numberFormat: numberFormat === "General" ? (it ? "dd/mm/yyyy" : "m/d/yyyy") : numberFormat,
      };
  }
  return { value: text, numberFormat };
}

const utf8 = new TextEncoder();

/** Bytes of `x` as JSON in UTF-8: what a request or response carries ("è" is 2 bytes, "€" 3). */
export function jsonSize(x: unknown): number {
  const json = JSON.stringify(x);
  if (json === undefined) return 4;
  // ASCII-only strings (the common case) need no encoding to be measured.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7F]*$/.test(json) ? json.length : utf8.encode(json).length;
}

// ── The workbook ───────────────────────────────────────────────────────────────────────────────

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  /** Errors the next sync raises (after `afterOps` operations ran), for host-error tests. */
  private injected: Array<FakeError & { afterOps: number }> = [];
  cellEditMode = false;
  syncCount = 0;
  /** Bytes of each sync's request and response, as estimated. */
  readonly payloads: Array<{ request: number; response: number }> = [];
  calculationSuspensions = 0;
  screenSuspensions = 0;
  /** application.calculate() calls, by calculation type. */
  readonly calculations: string[] = [];
  /** True from suspendApiCalculationUntilNextSync() to the end of that sync. */
  private calcSuspended = false;
  /** Formulas whose inputs changed while calculation was suspended: they show stale results. */
  readonly stale = new Set<string>();
  private nextSheetId = 1;
  readonly options: Required<Omit<FakeOptions, "selection" | "requestLimitBytes" | "responseLimitBytes">> &
    Pick<FakeOptions, "requestLimitBytes" | "responseLimitBytes">;
  selection: string;
  /** Handlers added with worksheets.onChanged.add (the pane's live checking). */
  readonly changeHandlers = new Set<(ev: { source: string; worksheetId: string; address: string; changeType: string }) => unknown>();
  /** Formula results remembered so that restoring a formula gives back its value (recalculation). */
  private formulaResults = new Map<string, { value: string | number | boolean; error?: string }>();

  constructor(opts: FakeOptions = {}) {
    const web = opts.platform === "web";
    this.options = {
      excelApi: opts.excelApi ?? "1.17",
      sharedRuntime: opts.sharedRuntime ?? true,
      platform: opts.platform ?? "desktop",
      locale: opts.locale ?? "it-IT",
      requestLimitBytes: opts.requestLimitBytes ?? (web ? WEB_PAYLOAD_LIMIT : undefined),
      responseLimitBytes: opts.responseLimitBytes ?? (web ? WEB_PAYLOAD_LIMIT : undefined),
    };
    this.selection = opts.selection ?? "";
  }

  supports(set: string, version: string): boolean {
    if (set === "ExcelApi") return versionAtLeast(this.options.excelApi, version);
    if (set === "SharedRuntime") return this.options.sharedRuntime && versionAtLeast("1.1", version);
    if (set === "AddinCommands" || set === "DialogApi" || set === "Settings") return versionAtLeast("1.1", version);
    return false;
  }

  sheet(name: string): FakeSheet | undefined {
    const low = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === low);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** A user renames a sheet (its id stays). */
  rename(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new Error(`fake: no sheet ${from}`);
    s.name = to;
  }

  addSheet(name: string, visibility: SheetVisibility = "visible"): FakeSheet {
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", "The resource already exists.");
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    const s: FakeSheet = {
      name,
      visibility,
      protected: false,
      id: `{${String(this.nextSheetId++).padStart(8, "0")}-0000-4000-8000-000000000000}`,
      cells: new Map(),
      merges: [],
      charts: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      validations: [],
    };
    this.sheets.push(s);
    this.formulaIndex = null;
    return s;
  }

  /** The cell at (r, c) as stored; an empty default when absent. */
  cell(sheet: FakeSheet, r: number, c: number): FakeCell {
    return sheet.cells.get(key(r, c)) ?? { value: "", numberFormat: "General", fill: null };
  }

  /** Cell by "Sheet!A1" or (sheet, "A1") for test assertions. */
  at(sheetName: string, addr: string): FakeCell {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`fake: no sheet ${sheetName}`);
    const { r, c } = parseA1(addr);
    return this.cell(s, r, c);
  }

  mutate(sheet: FakeSheet, r: number, c: number, f: (cell: FakeCell) => void): void {
    const k = key(r, c);
    const cur = { ...this.cell(sheet, r, c) };
    if (cur.formula) this.formulaResults.set(`${sheet.name}!${k}!${cur.formula}`, { value: cur.value, error: cur.error });
    f(cur);
    if (cur.formula) {
      const remembered = this.formulaResults.get(`${sheet.name}!${k}!${cur.formula}`);
      if (remembered) {
        cur.value = remembered.value;
        if (remembered.error) cur.error = remembered.error;
      }
    }
    const empty =
      cur.value === "" &&
      !cur.formula &&
      !cur.fill &&
      cur.locked === undefined &&
      cur.numberFormat === "General" &&
      !cur.font &&
      !cur.wrap &&
      !cur.hAlign &&
      !cur.vAlign &&
      !cur.border;
    const before = sheet.cells.get(k);
    if (before?.formula !== cur.formula) this.formulaIndex = null;
    if (empty) sheet.cells.delete(k);
    else sheet.cells.set(k, cur);
    if ((before?.value ?? "") !== cur.value || before?.formula !== cur.formula) this.valueChanged(sheet, r, c);
  }

  // ── Recalculation ──

  /** A cell's value changed: dependents recompute now (automatic mode) or go stale (suspended). */
  private valueChanged(sheet: FakeSheet, r: number, c: number): void {
    const deps = this.dependents(sheet, r, c);
    if (deps.length === 0) return;
    if (this.calcSuspended) for (const d of deps) this.stale.add(d);
    else this.recompute(deps);
  }

  /** Every formula cell with what it reads; rebuilt after a formula is added or removed. */
  private formulaIndex: Array<{ id: string; s: FakeSheet; refs: NonNullable<ReturnType<typeof references>> }> | null = null;

  /** Tests that put cells in `sheet.cells` directly call this (seeding does). */
  invalidateFormulas(): void {
    this.formulaIndex = null;
  }

  private formulas() {
    if (!this.formulaIndex) {
      this.formulaIndex = [];
      for (const s of this.sheets)
        for (const [k, cell] of s.cells)
          if (cell.formula) this.formulaIndex.push({ id: `${s.id}!${k}`, s, refs: references(cell.formula) ?? [] });
    }
    return this.formulaIndex;
  }

  /** "SheetId!r,c" of the formulas that read (sheet, r, c). */
  private dependents(sheet: FakeSheet, r: number, c: number): string[] {
    const out: string[] = [];
    for (const { id, s, refs } of this.formulas()) {
      {
        if (
          refs.some(
            (ref) =>
              (ref.sheet === null ? s : this.sheet(ref.sheet)) === sheet &&
              r >= ref.rect.r1 &&
              r <= ref.rect.r2 &&
              c >= ref.rect.c1 &&
              c <= ref.rect.c2,
          )
        )
          out.push(id);
      }
    }
    return out;
  }

  /** Evaluate these formula cells (and, through valueChanged, what depends on them). */
  private recompute(keys: Iterable<string>, depth = 0): void {
    if (depth > 20) return; // a circular reference: Excel would warn; the fake stops
    for (const id of keys) {
      const bang = id.indexOf("!");
      const sheet = this.sheetById(id.slice(0, bang));
      const cell = sheet?.cells.get(id.slice(bang + 1));
      if (!sheet || !cell?.formula) continue;
      this.stale.delete(id);
      let value: FormulaValue;
      let error: string | undefined;
      try {
        value = evaluate(cell.formula, sheet.name, {
          value: (name, r, c) => {
            const s = this.sheet(name);
            if (!s) throw new FormulaError("#REF!");
            const x = this.cell(s, r, c);
            if (x.error) throw new FormulaError(x.error);
            return x.value;
          },
        });
      } catch (e) {
        if (e instanceof Unsupported) continue; // not modelled: the cached result stays
        if (!(e instanceof FormulaError)) throw e;
        value = "";
        error = e.literal;
      }
      if (value === cell.value && error === cell.error) continue;
      cell.value = value;
      if (error) cell.error = error;
      else delete cell.error;
      const [r, c] = id
        .slice(bang + 1)
        .split(",")
        .map(Number) as [number, number];
      const next = this.dependents(sheet, r, c);
      if (this.calcSuspended) for (const d of next) this.stale.add(d);
      else this.recompute(next, depth + 1);
    }
  }

  /** application.calculate: every formula recomputes (what was stale, and the rest). */
  calculate(type: string): void {
    this.calculations.push(type);
    this.formulaIndex = null;
    const all = this.formulas().map((f) => f.id);
    const wasSuspended = this.calcSuspended;
    // An explicit calculation runs even while automatic calculation is suspended.
    this.calcSuspended = false;
    this.recompute(all);
    this.calcSuspended = wasSuspended;
  }

  suspendCalculation(): void {
    this.calculationSuspensions++;
    this.calcSuspended = true;
  }

  /** Used range address ("A1" for an empty sheet, as Worksheet.getUsedRange says). */
  usedRect(sheet: FakeSheet, valuesOnly: boolean): MergeRange | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly && cell.value === "" && !cell.formula) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    if (!valuesOnly)
      for (const m of sheet.merges) {
        r1 = Math.min(r1, m.r1);
        c1 = Math.min(c1, m.c1);
        r2 = Math.max(r2, m.r2);
        c2 = Math.max(c2, m.c2);
      }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }

  /** A user edit: set a cell as typing does and fire worksheets.onChanged like Excel. */
  userEdit(sheetName: string, addr: string, text: string): void {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`fake: no sheet ${sheetName}`);
    const { r, c } = parseA1(addr);
    this.mutate(s, r, c, (x) => {
      delete x.formula;
      delete x.error;
      delete x.textPrefix;
      const p = parseTyped(text, x.numberFormat, this.options.locale);
      x.value = p.value;
      x.numberFormat = p.numberFormat;
      if (p.formula) x.formula = p.formula;
      if (p.textPrefix) x.textPrefix = true;
    });
    for (const h of this.changeHandlers) void h({ source: "Local", worksheetId: s.name, address: addr, changeType: "RangeEdited" });
  }

  /** Make the next sync fail with this error after `afterOps` queued operations ran. */
  injectError(code: string, message = "An internal error has occurred.", afterOps = 0): void {
    this.injected.push({ code, message, afterOps });
  }

  /** AccessDenied as Excel gives it for a change that the sheet's protection forbids. */
  private checkProtection(target: FakeSheet | WriteTarget): void {
    const t: WriteTarget = "kind" in target ? target : { sheet: target, kind: "structure" };
    if (!t.sheet.protected) return;
    if (t.kind === "structure" || !t.rect) throw new FakeOfficeError("AccessDenied", PROTECTED_MESSAGE);
    if (t.kind === "format") {
      if (!t.sheet.allowFormatCells) throw new FakeOfficeError("AccessDenied", PROTECTED_MESSAGE);
      return;
    }
    for (let r = t.rect.r1; r <= t.rect.r2; r++)
      for (let c = t.rect.c1; c <= t.rect.c2; c++)
        if (this.cell(t.sheet, r, c).locked !== false) throw new FakeOfficeError("AccessDenied", PROTECTED_MESSAGE);
  }

  /** Run a batch: the heart of the fake. */
  runBatch(ops: Op[], responseSize: () => number): void {
    this.syncCount++;
    const request = ops.reduce((n, op) => n + op.size, 0);
    this.payloads.push({ request, response: 0 });
    if (this.cellEditMode)
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    if (this.options.requestLimitBytes !== undefined && request > this.options.requestLimitBytes)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    const inj = this.injected.shift();
    let i = 0;
    try {
      for (const op of ops) {
        if (inj && i === inj.afterOps) throw new FakeOfficeError(inj.code, inj.message);
        if (op.api && !versionAtLeast(this.options.excelApi, op.api))
          throw new FakeOfficeError(
            "ApiNotFound",
            "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
          );
        const target = typeof op.writes === "function" ? op.writes() : op.writes;
        if (target) this.checkProtection(target);
        op.run();
        i++;
      }
    } finally {
      // Suspension lasts until the end of this sync; what went stale stays stale.
      this.calcSuspended = false;
    }
    if (inj) throw new FakeOfficeError(inj.code, inj.message);
    const response = responseSize();
    this.payloads[this.payloads.length - 1]!.response = response;
    if (this.options.responseLimitBytes !== undefined && response > this.options.responseLimitBytes)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
}

// ── Proxies ────────────────────────────────────────────────────────────────────────────────────

/** Members every proxy tolerates (promise checks, test printers). */
const TOLERATED = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_isMockFunction",
  "inspect",
]);

/**
 * Base of every fake client object. Subclasses declare `scalars` (loadable properties) and
 * `writable` (settable ones); everything else must be a method or a navigation property.
 */
abstract class FakeClientObject {
  protected readonly ctx: FakeRequestContext;
  /** Values published by the last successful sync, by property. */
  protected loaded = new Map<string, unknown>();
  private nullFlag: boolean | undefined;
  protected readonly nullable: boolean;
  abstract readonly scalars: readonly string[];
  readonly writable: readonly string[] = [];

  constructor(ctx: FakeRequestContext, nullable = false) {
    this.ctx = ctx;
    this.nullable = nullable;
  }

  get context(): FakeRequestContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw notLoaded("isNullObject");
    return this.nullFlag;
  }

  /** Resolve whether this object exists (for *OrNullObject); called inside an op. */
  protected exists(): boolean {
    return true;
  }

  /** Read current host value of a scalar property; called inside an op at sync time. */
  protected abstract read(prop: string): unknown;

  /** Apply a property write inside an op. */
  protected write(prop: string, _value: unknown): void {
    throw new FakeOfficeError("InvalidArgument", `fake: ${prop} is read-only`);
  }

  /** What setting `prop` changes, for sheet protection. */
  protected writeTarget(_prop?: string): FakeSheet | WriteTarget | undefined {
    return undefined;
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    const props = normalizeLoad(spec, this.scalars);
    for (const p of props)
      if (!this.scalars.includes(p)) throw new FakeOfficeError("InvalidArgument", `fake: cannot load '${p}' on ${this.constructor.name}`);
    const pending = new Map<string, unknown>();
    this.ctx.queue({
      size: 60 + props.join(",").length,
      run: () => {
        const ok = this.exists();
        if (this.nullable) pending.set("__null", !ok);
        else if (!ok) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        if (ok) for (const p of props) pending.set(p, structuredCloneSafe(this.read(p)));
      },
      publish: () => {
        if (pending.has("__null")) this.nullFlag = pending.get("__null") as boolean;
        for (const [p, v] of pending) if (p !== "__null") this.loaded.set(p, v);
      },
      response: () => jsonSize([...pending.values()]),
    });
    return this;
  }

  /** Mark as existing-or-null at sync without loading anything (the real API does this too). */
  protected trackNull(): void {
    if (!this.nullable) return;
    let flag = false;
    this.ctx.queue({
      size: 20,
      run: () => {
        flag = !this.exists();
      },
      publish: () => {
        this.nullFlag = flag;
      },
      response: () => 8,
    });
  }

  getLoaded(prop: string): unknown {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop);
  }

  setProp(prop: string, value: unknown): void {
    const copy = structuredCloneSafe(value);
    this.ctx.queue({
      size: 80 + prop.length + jsonSize(copy),
      writes: () => this.writeTarget(prop),
      run: () => this.write(prop, copy),
    });
    // Office.js keeps the value set locally as if loaded.
    this.loaded.set(prop, copy);
  }
}

function structuredCloneSafe<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function normalizeLoad(spec: string | string[] | Record<string, unknown> | undefined, all: readonly string[]): string[] {
  if (spec === undefined) return [...all];
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.map((s) => s.trim());
  return Object.keys(spec);
}

/** Wrap a client object so that property access is as strict as Office.js. */
function strict<T extends FakeClientObject>(obj: T): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol") return Reflect.get(target, prop, receiver);
      if (target.scalars.includes(prop)) return target.getLoaded(prop);
      if (prop in target) {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === "function" ? v.bind(receiver) : v;
      }
      if (TOLERATED.has(prop)) return undefined;
      throw new Error(`fake: ${target.constructor.name}.${prop} is not modelled`);
    },
    set(target, prop, value) {
      if (typeof prop === "string" && target.writable.includes(prop)) {
        target.setProp(prop, value);
        return true;
      }
      // The fake's own bookkeeping (methods run with the proxy as `this`).
      if (Object.prototype.hasOwnProperty.call(target, prop) && !(target.scalars as readonly (string | symbol)[]).includes(prop))
        return Reflect.set(target, prop, value);
      throw new Error(`fake: cannot set ${target.constructor.name}.${String(prop)}`);
    },
  });
}

// ── Request context ────────────────────────────────────────────────────────────────────────────

interface QueuedOp extends Op {
  publish?: () => void;
  response?: () => number;
}

export class FakeRequestContext {
  readonly state: FakeWorkbookState;
  private ops: QueuedOp[] = [];
  readonly workbook: FakeWorkbook;

  constructor(state: FakeWorkbookState) {
    this.state = state;
    this.workbook = strict(new FakeWorkbook(this));
  }

  queue(op: QueuedOp): void {
    this.ops.push(op);
  }

  /** Operations waiting for the next sync (the bench and tests can look). */
  get pending(): number {
    return this.ops.length;
  }

  /**
   * True once the Excel.run that made this context has finished: syncing it then fails, as in
   * Office.js. An event handler added in it is removed with Excel.run(handler.context, …).
   */
  closed = false;

  async sync(): Promise<void> {
    if (this.closed)
      throw new FakeOfficeError(
        "InvalidRequestContext",
        "Cannot use the object across different request contexts: the Excel.run batch that created it has finished.",
      );
    const ops = this.ops;
    this.ops = [];
    await Promise.resolve();
    this.state.runBatch(ops, () => ops.reduce((n, op) => n + (op.response ? op.response() : 0), 0));
    for (const op of ops) op.publish?.();
  }
}

// ── Object model ───────────────────────────────────────────────────────────────────────────────

class FakeWorkbook extends FakeClientObject {
  readonly scalars = ["name"] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = strict(new FakeWorksheetCollection(ctx));
    this.application = strict(new FakeApplication(ctx));
  }
  protected read(): unknown {
    return "Cartel1.xlsx";
  }
  /** The selection's sheet and areas ("'Ob 1'!C30,E30:F30" or "'Ob 1'!C30,'Ob 1'!E30"). */
  private selectionNow(): { sheet: FakeSheet; rects: MergeRange[] } {
    const st = this.ctx.state;
    const parts = st.selection.split(",").map((p) => p.trim());
    let sheet: FakeSheet | undefined;
    const rects: MergeRange[] = [];
    for (const part of parts) {
      const { sheet: name, ref } = splitSheetAddress(part);
      if (name) sheet = st.sheet(name);
      if (!ref) break;
      rects.push(parseRect(ref));
    }
    sheet ??= st.sheets.find((x) => x.visibility === "visible");
    if (!sheet || rects.length === 0 || rects.length !== parts.length)
      throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
    return { sheet, rects };
  }
  /** Throws InvalidSelection at sync when several areas are selected, as Excel does. */
  getSelectedRange(): FakeRange {
    const sel = () => {
      const s = this.selectionNow();
      if (s.rects.length > 1) throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheet: s.sheet, rect: s.rects[0]! };
    };
    return strict(
      new FakeRange(
        this.ctx,
        () => sel().sheet,
        () => sel().rect,
      ),
    );
  }
  /** ExcelApi 1.9: every selected area. */
  getSelectedRanges(): FakeRangeAreas {
    const areas = strict(
      new FakeRangeAreas(
        this.ctx,
        () => {
          const { sheet, rects } = this.selectionNow();
          return rects.map((r) => `${quoteSheet(sheet.name)}!${rectAddress(r)}`);
        },
        false,
      ),
    );
    this.ctx.queue({ size: 60, api: "1.9", run: () => undefined });
    return areas;
  }
}

class FakeApplication extends FakeClientObject {
  readonly scalars = ["calculationMode"] as const;
  protected read(): unknown {
    return "Automatic";
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue({ size: 40, api: "1.6", run: () => this.ctx.state.suspendCalculation() });
  }
  /** Excel.CalculationType: "Recalculate" | "Full" | "FullRebuild". */
  calculate(type: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(type))
      throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    this.ctx.queue({ size: 60, api: "1.1", run: () => this.ctx.state.calculate(type) });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue({ size: 40, api: "1.9", run: () => void this.ctx.state.screenSuspensions++ });
  }
}

class FakeWorksheetCollection extends FakeClientObject {
  readonly scalars = ["items", "count"] as const;
  private itemProxies: FakeWorksheet[] = [];
  /** WorksheetCollection.onChanged (ExcelApi 1.9): registration takes effect at sync. */
  readonly onChanged = {
    add: (handler: (ev: { source: string; worksheetId: string; address: string; changeType: string }) => unknown) => {
      const ctx = this.ctx;
      ctx.queue({ size: 80, api: "1.9", run: () => void ctx.state.changeHandlers.add(handler) });
      return { context: ctx, remove: () => ctx.queue({ size: 60, run: () => void ctx.state.changeHandlers.delete(handler) }) };
    },
  };
  protected read(prop: string): unknown {
    if (prop === "count") return this.ctx.state.sheets.length;
    return this.ctx.state.sheets.map((s) => s.name);
  }
  override load(spec?: string | string[] | Record<string, unknown>): this {
    // Accept "items/name,items/visibility" like Office.js; load the items' own properties.
    const props = normalizeLoad(spec, ["items/name", "items/visibility"]);
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    if (props.some((p) => p === "items") || itemProps.length === 0) itemProps.push("name", "visibility");
    let names: string[] = [];
    this.ctx.queue({
      size: 80,
      run: () => {
        names = this.ctx.state.sheets.map((s) => s.name);
      },
      publish: () => {
        this.itemProxies = names.map((n) => {
          const ws = strict(new FakeWorksheet(this.ctx, n));
          ws.publishNow(itemProps);
          return ws;
        });
        this.loaded.set("items", this.itemProxies);
        this.loaded.set("count", names.length);
      },
      response: () => names.length * 40,
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    return strict(new FakeWorksheet(this.ctx, name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = strict(new FakeWorksheet(this.ctx, name, true));
    return ws;
  }
  add(name: string): FakeWorksheet {
    const ctx = this.ctx;
    ctx.queue({ size: 60 + name.length, run: () => void ctx.state.addSheet(name) });
    return strict(new FakeWorksheet(ctx, name));
  }
}

class FakeWorksheet extends FakeClientObject {
  readonly scalars = ["name", "visibility", "position", "id"] as const;
  override readonly writable = ["visibility"] as const;
  private readonly sheetName: string;
  readonly protection: FakeProtection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly autoFilter: FakeAutoFilter;
  readonly pageLayout: FakePageLayout;
  constructor(ctx: FakeRequestContext, name: string, nullable = false) {
    super(ctx, nullable);
    this.sheetName = name;
    const get = () => this.target();
    this.protection = strict(new FakeProtection(ctx, get));
    this.charts = strict(new FakeChartCollection(ctx, get));
    this.freezePanes = strict(new FakeFreezePanes(ctx, get));
    this.autoFilter = strict(new FakeAutoFilter(ctx, get));
    this.pageLayout = strict(new FakePageLayout(ctx, get));
    if (nullable) this.trackNull();
  }
  /** Publish item properties from the collection load (same sync). */
  publishNow(props: string[]): void {
    const s = this.target();
    for (const p of props) {
      if (!this.scalars.includes(p as never)) throw new FakeOfficeError("InvalidArgument", `fake: cannot load items/${p}`);
      this.loaded.set(p, this.read(p, s));
    }
  }
  /** getItem takes a name or an id, as in Office.js. */
  target(): FakeSheet {
    const s = this.ctx.state.sheet(this.sheetName) ?? this.ctx.state.sheetById(this.sheetName);
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }
  protected override exists(): boolean {
    return (this.ctx.state.sheet(this.sheetName) ?? this.ctx.state.sheetById(this.sheetName)) !== undefined;
  }
  protected read(prop: string, s = this.target()): unknown {
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility === "veryHidden" ? "VeryHidden" : s.visibility === "hidden" ? "Hidden" : "Visible";
    if (prop === "position") return this.ctx.state.sheets.indexOf(s);
    if (prop === "id") return s.id;
    return undefined;
  }
  protected override write(prop: string, value: unknown): void {
    if (prop === "visibility") this.target().visibility = String(value).toLowerCase() === "visible" ? "visible" : "hidden";
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) throw new Error("fake: getRange() without an address (the whole sheet) is not modelled");
    const rect = parseRect(address);
    return strict(
      new FakeRange(
        this.ctx,
        () => this.target(),
        () => rect,
      ),
    );
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return strict(
      new FakeRange(
        this.ctx,
        () => this.target(),
        () => this.ctx.state.usedRect(this.target(), valuesOnly) ?? { r1: 0, c1: 0, r2: 0, c2: 0 },
      ),
    );
  }
  activate(): void {
    this.ctx.queue({ size: 40, run: () => void this.target() });
  }
  delete(): void {
    const ctx = this.ctx;
    ctx.queue({
      size: 40,
      run: () => {
        if (this.nullable && !this.exists()) return;
        const s = this.target();
        ctx.state.sheets.splice(ctx.state.sheets.indexOf(s), 1);
        ctx.state.invalidateFormulas();
      },
    });
  }
}

class FakeProtection extends FakeClientObject {
  readonly scalars = ["protected", "options"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    if (p === "options") return { allowFormatCells: this.sheet().allowFormatCells ?? false };
    return this.sheet().protected;
  }
  protect(options?: { allowFormatCells?: boolean }): void {
    this.ctx.queue({
      size: 60,
      api: "1.2",
      run: () => {
        const s = this.sheet();
        if (s.protected) throw new FakeOfficeError("InvalidOperation", "The sheet is already protected.");
        s.protected = true;
        s.allowFormatCells = options?.allowFormatCells ?? false;
      },
    });
  }
  unprotect(): void {
    this.ctx.queue({ size: 40, api: "1.2", run: () => void (this.sheet().protected = false) });
  }
}

class FakeChartCollection extends FakeClientObject {
  readonly scalars = ["count"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return this.sheet().charts.length;
  }
  add(type: string, source: FakeRange | string, _seriesBy?: string): FakeChartObj {
    const chart: FakeChart = { type, source: typeof source === "string" ? source : "" };
    this.ctx.queue({
      size: 120,
      api: "1.1",
      writes: () => this.sheet(),
      run: () => {
        if (typeof source !== "string") chart.source = source.addressNow();
        this.sheet().charts.push(chart);
      },
    });
    return strict(new FakeChartObj(this.ctx, chart, this.sheet));
  }
}

class FakeChartObj extends FakeClientObject {
  readonly scalars = ["name"] as const;
  readonly title: FakeChartTitle;
  readonly series: FakeSeriesCollection;
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
    this.title = strict(new FakeChartTitle(ctx, chart, sheet));
    this.series = strict(new FakeSeriesCollection(ctx, chart, sheet));
  }
  protected read(): unknown {
    return "Grafico 1";
  }
  setPosition(start: string, end?: string): void {
    this.ctx.queue({ size: 60, writes: () => this.sheet(), run: () => void (this.chart.anchor = end ? `${start}:${end}` : start) });
  }
}

class FakeSeriesCollection extends FakeClientObject {
  readonly scalars = ["count"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return 1;
  }
  getItemAt(index: number): FakeSeries {
    if (index !== 0) throw new Error("fake: one series per chart is modelled");
    return strict(new FakeSeries(this.ctx, this.chart, this.sheet));
  }
}

class FakeSeries extends FakeClientObject {
  readonly scalars = ["name"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return "Serie1";
  }
  setXAxisValues(source: FakeRange): void {
    this.ctx.queue({ size: 80, api: "1.7", writes: () => this.sheet(), run: () => void (this.chart.categories = source.addressNow()) });
  }
}

class FakeChartTitle extends FakeClientObject {
  readonly scalars = ["text"] as const;
  override readonly writable = ["text"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return this.chart.title;
  }
  protected override writeTarget(): FakeSheet {
    return this.sheet();
  }
  protected override write(_p: string, v: unknown): void {
    this.chart.title = String(v);
  }
}

class FakeFreezePanes extends FakeClientObject {
  readonly scalars = [] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.ctx.queue({
      size: 40,
      api: "1.7",
      writes: () => this.sheet(),
      run: () => void (this.sheet().freeze = { rows: count, cols: this.sheet().freeze?.cols ?? 0 }),
    });
  }
  freezeColumns(count = 1): void {
    this.ctx.queue({
      size: 40,
      api: "1.7",
      writes: () => this.sheet(),
      run: () => void (this.sheet().freeze = { rows: this.sheet().freeze?.rows ?? 0, cols: count }),
    });
  }
  freezeAt(range: string | FakeRange): void {
    this.ctx.queue({
      size: 40,
      api: "1.7",
      writes: () => this.sheet(),
      run: () => {
        const rect = typeof range === "string" ? parseRect(range) : parseRect(splitSheetAddress(range.addressNow()).ref);
        this.sheet().freeze = { rows: rect.r2 + 1, cols: rect.c2 + 1 };
      },
    });
  }
}

class FakeAutoFilter extends FakeClientObject {
  readonly scalars = ["enabled"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return this.sheet().autoFilter !== undefined;
  }
  apply(range: string | FakeRange): void {
    this.ctx.queue({
      size: 60,
      api: "1.9",
      writes: () => this.sheet(),
      run: () => void (this.sheet().autoFilter = typeof range === "string" ? range : splitSheetAddress(range.addressNow()).ref),
    });
  }
}

class FakePageLayout extends FakeClientObject {
  readonly scalars = ["orientation", "zoom"] as const;
  override readonly writable = ["orientation", "zoom"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    return p === "orientation" ? (this.sheet().orientation ?? "Portrait") : {};
  }
  protected override writeTarget(): FakeSheet {
    return this.sheet();
  }
  protected override write(p: string, v: unknown): void {
    if (!versionAtLeast(this.ctx.state.options.excelApi, "1.9"))
      throw new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found.");
    if (p === "orientation") this.sheet().orientation = String(v);
    else this.sheet().fitToWidth = (v as { horizontalFitToPages?: number }).horizontalFitToPages === 1;
  }
}

const RANGE_SCALARS = [
  "address",
  "values",
  "formulas",
  "numberFormat",
  "valueTypes",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "text",
] as const;

export class FakeRange extends FakeClientObject {
  readonly scalars = RANGE_SCALARS;
  override readonly writable = ["values", "formulas", "numberFormat"] as const;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  /** Resolved at its first use inside a sync (ranges derived from used ranges move with edits). */
  private resolved: { sheet: FakeSheet; rect: MergeRange } | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetOf: () => FakeSheet,
    private readonly rectOf: () => MergeRange,
  ) {
    super(ctx);
    this.format = strict(new FakeRangeFormat(ctx, this));
    this.dataValidation = strict(new FakeDataValidation(ctx, this));
  }
  where(): { sheet: FakeSheet; rect: MergeRange } {
    if (!this.resolved) this.resolved = { sheet: this.sheetOf(), rect: this.rectOf() };
    return this.resolved;
  }
  addressNow(): string {
    const { sheet, rect } = this.where();
    return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
  }
  get worksheet(): FakeWorksheet {
    return strict(new FakeWorksheet(this.ctx, this.where().sheet.name));
  }
  protected override writeTarget(prop?: string): WriteTarget {
    const { sheet, rect } = this.where();
    return { sheet, rect, kind: prop === "numberFormat" ? "format" : "value" };
  }
  private grid<T>(f: (cell: FakeCell, r: number, c: number) => T): T[][] {
    const { sheet, rect } = this.where();
    const out: T[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: T[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) row.push(f(this.ctx.state.cell(sheet, r, c), r, c));
      out.push(row);
    }
    return out;
  }
  protected read(prop: string): unknown {
    const { rect } = this.where();
    const cells = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
    if (cells > 5_000_000 && ["values", "formulas", "numberFormat", "valueTypes", "text"].includes(prop))
      throw new FakeOfficeError("RangeExceedsLimit", "The number of cells in the range has exceeded the maximum supported number.");
    switch (prop) {
      case "address":
        return this.addressNow();
      case "values":
        return this.grid((x) => (x.error ? x.error : x.value));
      case "text":
        return this.grid((x) => (x.error ? x.error : String(x.value)));
      case "formulas":
        return this.grid((x) => (x.formula ? x.formula : x.error ? x.error : x.textPrefix ? x.value : x.value));
      case "numberFormat":
        return this.grid((x) => x.numberFormat);
      case "valueTypes":
        return this.grid((x) =>
          x.error
            ? "Error"
            : x.value === ""
              ? "Empty"
              : typeof x.value === "number"
                ? "Double"
                : typeof x.value === "boolean"
                  ? "Boolean"
                  : "String",
        );
      case "rowIndex":
        return rect.r1;
      case "columnIndex":
        return rect.c1;
      case "rowCount":
        return rect.r2 - rect.r1 + 1;
      case "columnCount":
        return rect.c2 - rect.c1 + 1;
    }
    return undefined;
  }
  protected override write(prop: string, value: unknown): void {
    const { sheet, rect } = this.where();
    const rows = rect.r2 - rect.r1 + 1;
    const cols = rect.c2 - rect.c1 + 1;
    if (!Array.isArray(value) || value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols))
      throw new FakeOfficeError("InvalidArgument", `fake: ${prop} must be a ${rows}×${cols} array`);
    const st = this.ctx.state;
    (value as unknown[][]).forEach((row, i) =>
      row.forEach((v, j) => {
        const r = rect.r1 + i;
        const c = rect.c1 + j;
        if (prop === "numberFormat") return st.mutate(sheet, r, c, (x) => void (x.numberFormat = String(v)));
        if (v === null) return; // null leaves the cell alone, as in Office.js
        st.mutate(sheet, r, c, (x) => {
          delete x.formula;
          delete x.error;
          delete x.textPrefix;
          if (typeof v === "number" || typeof v === "boolean") x.value = v;
          else if (typeof v === "string") {
            if (v === "") x.value = "";
            else {
              const p = parseTyped(v, x.numberFormat, st.options.locale);
              x.value = p.value;
              x.numberFormat = p.numberFormat;
              if (p.formula) x.formula = p.formula;
              if (p.textPrefix) x.textPrefix = true;
            }
          } else throw new FakeOfficeError("InvalidArgument", `fake: unsupported value ${JSON.stringify(v)}`);
        });
      }),
    );
  }
  getCellProperties(options: {
    format?: {
      fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean };
      protection?: boolean | { locked?: boolean; formulaHidden?: boolean };
    };
  }): FakeClientResult<unknown[][]> {
    const fillOpts = options.format?.fill;
    const protOpts = options.format?.protection;
    const extra = Object.keys(options)
      .filter((k) => k !== "format")
      .concat(Object.keys(options.format ?? {}).filter((k) => k !== "fill" && k !== "protection"));
    if ((!fillOpts && !protOpts) || extra.length)
      throw new Error(`fake: getCellProperties models format.fill and format.protection only (asked ${JSON.stringify(options)})`);
    const result = new FakeClientResult<unknown[][]>();
    let value: unknown[][] = [];
    this.ctx.queue({
      size: 120,
      api: "1.9",
      run: () => {
        value = this.grid((x) => {
          const format: Record<string, unknown> = {};
          if (fillOpts) {
            const fill: Record<string, string> = {};
            if (fillOpts.color) fill.color = x.fill ?? "#FFFFFF";
            if (fillOpts.pattern) fill.pattern = x.fill ? (x.pattern ?? "Solid") : "None";
            if (fillOpts.patternColor) fill.patternColor = x.patternColor ?? "#000000";
            format.fill = fill;
          }
          if (protOpts === true) format.protection = { locked: x.locked !== false, formulaHidden: false };
          else if (protOpts && protOpts.locked) format.protection = { locked: x.locked !== false };
          return { format };
        });
      },
      publish: () => result.set(value),
      response: () => jsonSize(value),
    });
    return result;
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = strict(
      new FakeRangeAreas(this.ctx, () => {
        const { sheet, rect } = this.where();
        return sheet.merges
          .filter((m) => m.r1 <= rect.r2 && m.r2 >= rect.r1 && m.c1 <= rect.c2 && m.c2 >= rect.c1)
          .map((m) => `${quoteSheet(sheet.name)}!${rectAddress(m)}`);
      }),
    );
    // The reference: with more than 512 merged areas in the range the call fails.
    this.ctx.queue({
      size: 60,
      api: "1.13",
      run: () => {
        const { sheet, rect } = this.where();
        const n = sheet.merges.filter((m) => m.r1 <= rect.r2 && m.r2 >= rect.r1 && m.c1 <= rect.c2 && m.c2 >= rect.c1).length;
        if (n > MAX_MERGED_AREAS)
          throw new FakeOfficeError("GeneralException", `There are more than ${MAX_MERGED_AREAS} merged areas in the range (${n}).`);
      },
    });
    return areas;
  }
  getBoundingRect(other: string | FakeRange): FakeRange {
    return strict(
      new FakeRange(
        this.ctx,
        () => this.where().sheet,
        () => {
          const a = this.where().rect;
          const b = typeof other === "string" ? parseRect(other) : other.where().rect;
          return { r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) };
        },
      ),
    );
  }
  getIntersection(other: string | FakeRange): FakeRange {
    return strict(
      new FakeRange(
        this.ctx,
        () => this.where().sheet,
        () => {
          const a = this.where().rect;
          const b = typeof other === "string" ? parseRect(other) : other.where().rect;
          const m = { r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) };
          if (m.r1 > m.r2 || m.c1 > m.c2) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
          return m;
        },
      ),
    );
  }
  merge(across = false): void {
    this.ctx.queue({
      size: 60,
      writes: () => ({ sheet: this.where().sheet, kind: "structure" as const }),
      run: () => {
        const { sheet, rect } = this.where();
        if (across) for (let r = rect.r1; r <= rect.r2; r++) sheet.merges.push({ r1: r, c1: rect.c1, r2: r, c2: rect.c2 });
        else sheet.merges.push({ ...rect });
      },
    });
  }
  select(): void {
    this.ctx.queue({ size: 40, run: () => void (this.ctx.state.selection = this.addressNow()) });
  }
  /** Apply a cell mutation to every cell, as an op helper for format objects. */
  mutateAll(f: (x: FakeCell) => void): void {
    const { sheet, rect } = this.where();
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) this.ctx.state.mutate(sheet, r, c, f);
  }
}

export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw notLoaded("value");
    return this.v as T;
  }
}

class FakeRangeAreas extends FakeClientObject {
  readonly scalars = ["address", "areaCount"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly areas: () => string[],
    nullable = true,
  ) {
    super(ctx, nullable);
  }
  protected override exists(): boolean {
    return this.areas().length > 0;
  }
  protected read(prop: string): unknown {
    const a = this.areas();
    return prop === "address" ? a.join(",") : a.length;
  }
}

class FakeRangeFormat extends FakeClientObject {
  readonly scalars = ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"] as const;
  override readonly writable = ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"] as const;
  readonly fill: FakeFill;
  readonly font: FakeFontObj;
  readonly borders: FakeBorders;
  readonly protection: FakeFormatProtection;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.fill = strict(new FakeFill(ctx, range));
    this.font = strict(new FakeFontObj(ctx, range));
    this.borders = strict(new FakeBorders(ctx, range));
    this.protection = strict(new FakeFormatProtection(ctx, range));
  }
  protected read(): unknown {
    return null;
  }
  protected override writeTarget(prop?: string): WriteTarget {
    const { sheet, rect } = this.range.where();
    // Column widths and row heights need other permissions (allowFormatColumns/Rows): refused.
    return prop === "columnWidth" || prop === "rowHeight" ? { sheet, kind: "structure" } : { sheet, rect, kind: "format" };
  }
  protected override write(prop: string, v: unknown): void {
    const { sheet, rect } = this.range.where();
    if (prop === "columnWidth") for (let c = rect.c1; c <= rect.c2; c++) sheet.columnWidths.set(c, Number(v));
    else if (prop === "rowHeight") for (let r = rect.r1; r <= rect.r2; r++) sheet.rowHeights.set(r, Number(v));
    else
      this.range.mutateAll((x) => {
        if (prop === "wrapText") x.wrap = Boolean(v);
        if (prop === "horizontalAlignment") x.hAlign = String(v);
        if (prop === "verticalAlignment") x.vAlign = String(v);
      });
  }
}

/** Range.format.protection: `locked` is true, false, or null over a mix (ExcelApi 1.2). */
class FakeFormatProtection extends FakeClientObject {
  readonly scalars = ["locked", "formulaHidden"] as const;
  override readonly writable = ["locked"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    if (p === "formulaHidden") return false;
    const { sheet, rect } = this.range.where();
    let seen: boolean | null | undefined;
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) {
        const locked = this.ctx.state.cell(sheet, r, c).locked !== false;
        if (seen === undefined) seen = locked;
        else if (seen !== locked) return null;
      }
    return seen ?? true;
  }
  protected override writeTarget(): WriteTarget {
    // Locking or unlocking cells needs the protection off.
    return { sheet: this.range.where().sheet, kind: "structure" };
  }
  protected override write(_p: string, v: unknown): void {
    this.range.mutateAll((x) => {
      if (v === false) x.locked = false;
      else delete x.locked;
    });
  }
}

class FakeFill extends FakeClientObject {
  readonly scalars = ["color", "pattern", "patternColor"] as const;
  override readonly writable = ["color", "pattern", "patternColor"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    const { sheet, rect } = this.range.where();
    const cell = this.ctx.state.cell(sheet, rect.r1, rect.c1);
    if (p === "pattern") return cell.fill ? (cell.pattern ?? "Solid") : "None";
    if (p === "patternColor") return cell.patternColor ?? "#000000";
    return cell.fill ?? "#FFFFFF";
  }
  protected override writeTarget(): WriteTarget {
    const { sheet, rect } = this.range.where();
    return { sheet, rect, kind: "format" };
  }
  protected override write(p: string, v: unknown): void {
    if (p === "pattern") {
      const pattern = String(v);
      if (!FILL_PATTERNS.has(pattern))
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      // Setting a pattern keeps the colour (a cell without one gets white under the pattern).
      return this.range.mutateAll((x) => {
        if (pattern === "None") {
          x.fill = null;
          delete x.pattern;
          delete x.patternColor;
        } else {
          x.fill ??= "#FFFFFF";
          if (pattern === "Solid") delete x.pattern;
          else x.pattern = pattern;
        }
      });
    }
    const color = String(v).toUpperCase();
    if (!/^#[0-9A-F]{6}$/.test(color))
      throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    if (p === "patternColor") return this.range.mutateAll((x) => void (x.patternColor = color));
    // Setting the colour alone makes a solid fill, as Excel does.
    this.range.mutateAll((x) => {
      x.fill = color;
      delete x.pattern;
      delete x.patternColor;
    });
  }
  clear(): void {
    this.ctx.queue({
      size: 40,
      writes: () => this.writeTarget(),
      run: () =>
        this.range.mutateAll((x) => {
          x.fill = null;
          delete x.pattern;
          delete x.patternColor;
        }),
    });
  }
}

class FakeFontObj extends FakeClientObject {
  readonly scalars = ["bold", "italic", "color", "size"] as const;
  override readonly writable = ["bold", "italic", "color", "size"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    const { sheet, rect } = this.range.where();
    return (this.ctx.state.cell(sheet, rect.r1, rect.c1).font as Record<string, unknown> | undefined)?.[p] ?? null;
  }
  protected override writeTarget(): WriteTarget {
    const { sheet, rect } = this.range.where();
    return { sheet, rect, kind: "format" };
  }
  protected override write(p: string, v: unknown): void {
    this.range.mutateAll((x) => void (x.font = { ...x.font, [p]: v }));
  }
}

class FakeBorders extends FakeClientObject {
  readonly scalars = [] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return undefined;
  }
  getItem(_edge: string): FakeBorder {
    return strict(new FakeBorder(this.ctx, this.range));
  }
}

class FakeBorder extends FakeClientObject {
  readonly scalars = ["style"] as const;
  override readonly writable = ["style"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return "None";
  }
  protected override writeTarget(): WriteTarget {
    const { sheet, rect } = this.range.where();
    return { sheet, rect, kind: "format" };
  }
  protected override write(_p: string, v: unknown): void {
    this.range.mutateAll((x) => void (x.border = v !== "None"));
  }
}

class FakeDataValidation extends FakeClientObject {
  readonly scalars = ["rule"] as const;
  override readonly writable = ["rule"] as const;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return {};
  }
  protected override writeTarget(): WriteTarget {
    return { sheet: this.range.where().sheet, kind: "structure" };
  }
  protected override write(_p: string, v: unknown): void {
    if (!versionAtLeast(this.ctx.state.options.excelApi, "1.8"))
      throw new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found.");
    const list = (v as { list?: { source?: string } }).list?.source;
    if (typeof list !== "string") throw new FakeOfficeError("InvalidArgument", "fake: only list validations are modelled");
    const { sheet, rect } = this.range.where();
    sheet.validations.push({ address: rectAddress(rect), list });
  }
}

// ── Building a fake from a grid, and Office-like entry points ──────────────────────────────────

function toFakeValue(v: CellScalar): string | number | boolean {
  if (v === null) return "";
  if (v instanceof Date) return serialFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  return v;
}

/** Seed a fake workbook from a neutral grid (values, formats, fills, formulas, errors, merges). */
export function fakeWorkbookFromGrid(grid: WorkbookGrid, opts: FakeOptions & { protectedSheets?: string[] } = {}): FakeWorkbookState {
  const state = new FakeWorkbookState(opts);
  for (const sg of grid.sheets) {
    const s = state.addSheet(sg.name, sg.visibility);
    s.protected = opts.protectedSheets?.includes(sg.name) ?? false;
    for (const [r, c, cell] of sg.cells()) {
      const fc: FakeCell = {
        value: toFakeValue(cell.v),
        numberFormat: cell.fmt ?? (cell.v instanceof Date ? "dd/mm/yyyy" : "General"),
        fill: cell.fill ?? null,
      };
      if (cell.formula) fc.formula = `=${cell.formula}`;
      if (cell.error) {
        fc.error = cell.error;
        fc.value = "";
      }
      s.cells.set(key(r, c), fc);
    }
    for (const m of sg.merges) s.merges.push({ ...m });
  }
  state.invalidateFormulas();
  return state;
}

export interface FakeExcel {
  state: FakeWorkbookState;
  /** A fresh request context, as Excel.run gives. */
  context(): FakeRequestContext;
  /** Excel.run-compatible entry point: a new context, or (Excel.run(context, cb)) an earlier one. */
  run<T>(cb: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(context: FakeRequestContext, cb: (context: FakeRequestContext) => Promise<T>): Promise<T>;
}

export function createFakeExcel(state: FakeWorkbookState): FakeExcel {
  return {
    state,
    context: () => new FakeRequestContext(state),
    run: async <T>(
      a: FakeRequestContext | ((context: FakeRequestContext) => Promise<T>),
      b?: (context: FakeRequestContext) => Promise<T>,
    ) => {
      const ctx = typeof a === "function" ? new FakeRequestContext(state) : a;
      const cb = typeof a === "function" ? a : b!;
      ctx.closed = false;
      try {
        const out = await cb(ctx);
        // Excel.run syncs whatever is left queued when the callback returns.
        if (ctx.pending > 0) await ctx.sync();
        return out;
      } finally {
        ctx.closed = true;
      }
    },
  };
}

/** Document settings like Office.context.document.settings (saveAsync persists them). */
export class FakeDocumentSettings {
  private live = new Map<string, unknown>();
  /** What survives closing and reopening the document. */
  saved = new Map<string, unknown>();
  saveCount = 0;
  failSave = false;
  get(name: string): unknown {
    return this.live.has(name) ? structuredCloneSafe(this.live.get(name)) : null;
  }
  set(name: string, value: unknown): void {
    this.live.set(name, structuredCloneSafe(value));
  }
  remove(name: string): void {
    this.live.delete(name);
  }
  saveAsync(cb?: (r: { status: string; error?: { message: string } }) => void): void {
    setTimeout(() => {
      if (this.failSave) return cb?.({ status: "failed", error: { message: "save failed" } });
      this.saved = new Map(this.live);
      this.saveCount++;
      cb?.({ status: "succeeded" });
    }, 0);
  }
  /** Simulate closing and reopening the document: unsaved changes are lost. */
  reopen(): void {
    this.live = new Map(this.saved);
  }
}

export { colLetters };
