/**
 * .ods → neutral grids (src/sheets/grid.ts), streamed: content.xml is inflated piece by piece
 * (bounded, src/hosts/xlsx/read/zip.ts) into a SAX parser, never held whole. The grid is the one
 * the .xlsx reader gives for the same sheet: percentages as fractions with a "%" format, dates as
 * UTC-midnight Dates with a date format, merges from spans, fills from cell styles (fill-only
 * marks count), formulas' cached results. Repeated rows and columns are expanded only when they
 * hold something, and within bounds: a million empty repeated rows cost nothing.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { PegError } from "../../domain/errors";
import { MAX_COLS, MAX_ROWS, SheetGrid, type Cell, type CellScalar, type WorkbookGrid } from "../../sheets/grid";
import { fileErrors } from "../../strings/it";
import { formati } from "../../strings/it-documenti";
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, formatBytes } from "../xlsx/limits";
import { InflateBudget, InflateLimitError, ZipError, entryText, zipDirectoryOf, type ZipDirectory } from "../xlsx/read/zip";
import { odfFormula } from "./formula";
import { OdsStyles } from "./styles";

export interface OdsLoadOptions {
  fileName?: string;
  maxBytes?: number;
  maxUnzippedBytes?: number;
}

/** Cells one workbook may fill; past it the file is refused as too big (like an .xlsx past its bounds). */
export const MAX_ODS_CELLS = 3_000_000;
/** A fill repeated over more rows or columns than this is a row or column background, not marks. */
const MAX_FILL_REPEAT = 1024;

function text(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

function repeat(v: string | undefined, max: number): number {
  const n = v === undefined ? 1 : Number(v);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), max) : 1;
}

function isoDate(s: string): Date | null {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "PT12H30M00S" → fraction of a day, as Excel stores a time. */
function isoDuration(s: string): number | null {
  const m = /^-?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(s);
  if (!m) return null;
  return (Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) / 86400;
}

interface PendingCell {
  col: number;
  colRepeat: number;
  cell: Cell | null;
  span: { cols: number; rows: number } | null;
}

/** Reads `bytes` (never modified) as an OpenDocument spreadsheet. */
export function loadOdsGrid(bytes: Uint8Array, opts: OdsLoadOptions = {}): WorkbookGrid {
  const f = opts.fileName ?? "Il file";
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length === 0) throw new PegError(fileErrors.empty(f));
  if (bytes.length > maxBytes) throw new PegError(fileErrors.tooBig(f, formatBytes(bytes.length), formatBytes(maxBytes)));
  const maxUnzipped = opts.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES;
  const dir = zipDirectoryOf(bytes, f);
  const content = dir.byName.get("content.xml");
  if (!content) throw new PegError(formati.odsSenzaContenuto(f));
  const budget = new InflateBudget(maxUnzipped);
  const styles = new OdsStyles();
  const sheets: SheetGrid[] = [];
  try {
    const stylesEntry = dir.byName.get("styles.xml");
    if (stylesEntry) parse(bytes, stylesEntry, budget, styles, null, f);
    parse(bytes, content, budget, styles, sheets, f);
  } catch (e) {
    if (e instanceof PegError) throw e;
    if (e instanceof InflateLimitError) throw new PegError(fileErrors.tooBigUnzipped(f, `> ${formatBytes(e.limit)}`, formatBytes(e.limit)));
    if (e instanceof ZipError) throw new PegError(e.kind === "truncated" ? fileErrors.truncated(f) : formati.odsNonLeggibile(f));
    throw new PegError(formati.odsNonLeggibile(f));
  }
  if (sheets.length === 0) throw new PegError(fileErrors.noWorksheets(f));
  return { sheets };
}

function parse(
  bytes: Uint8Array,
  entry: ZipDirectory["entries"][number],
  budget: InflateBudget,
  styles: OdsStyles,
  sheets: SheetGrid[] | null,
  f: string,
): void {
  const p = new SaxesParser({ xmlns: false, position: false });
  let inStyles = 0;
  let inNumberText = false;
  let sheet: SheetGrid | null = null;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let pending: PendingCell[] = [];
  let cells = 0;
  // Column default styles as runs: [first column, last column, style].
  let colStyles: Array<[number, number, string]> = [];
  let nextCol = 0;
  // The cell being read.
  let cur: { tag: SaxesTagPlain; covered: boolean } | null = null;
  let paragraphs: string[] | null = null;
  let para = "";
  let inP = 0;
  let skip = 0; // inside an annotation (a comment): its text is not the cell's

  const colStyle = (c: number): string | undefined => {
    for (const [a, b, s] of colStyles) if (c >= a && c <= b) return s;
    return undefined;
  };

  const finishCell = (): void => {
    if (!cur || !sheet) return;
    const tag = cur.tag;
    const colRepeat = repeat(text(tag, "table:number-columns-repeated"), MAX_COLS);
    const st = styles.resolve(text(tag, "table:style-name") ?? colStyle(col));
    const type = text(tag, "office:value-type");
    const calcType = text(tag, "calcext:value-type");
    const formula = text(tag, "table:formula");
    const shown = paragraphs ? paragraphs.join("\n") : "";
    let v: CellScalar = null;
    let fmt = st.fmt;
    let error: string | undefined;
    if (calcType === "error") error = shown || "#VALUE!";
    else
      switch (type) {
        case "float":
        case "currency":
          v = Number(text(tag, "office:value"));
          break;
        case "percentage":
          v = Number(text(tag, "office:value"));
          if (!fmt || !fmt.includes("%")) fmt = "0%";
          break;
        case "date":
          v = isoDate(text(tag, "office:date-value") ?? "");
          if (v && (!fmt || !/[dmy]/.test(fmt))) fmt = "dd/mm/yyyy";
          break;
        case "time":
          v = isoDuration(text(tag, "office:time-value") ?? "");
          fmt = fmt ?? "hh:mm";
          break;
        case "boolean":
          v = text(tag, "office:boolean-value") === "true";
          break;
        case "string":
          v = text(tag, "office:string-value") ?? shown;
          break;
        default:
          v = null;
      }
    if (typeof v === "number" && !Number.isFinite(v)) v = null;
    if (type !== "percentage" && type !== "date" && type !== "time" && typeof v !== "number") fmt = undefined;
    const blank = v === null || (typeof v === "string" && v.trim() === "");
    const fill = st.fill;
    const out: Cell | null =
      blank && !fill && formula === undefined && error === undefined
        ? null
        : {
            v,
            ...(fmt && fmt !== "General" ? { fmt } : {}),
            ...(fill ? { fill } : {}),
            ...(formula !== undefined ? { formula: odfFormula(formula) } : {}),
            ...(error !== undefined ? { error } : {}),
          };
    const cs = repeat(text(tag, "table:number-columns-spanned"), MAX_COLS);
    const rs = repeat(text(tag, "table:number-rows-spanned"), MAX_ROWS);
    pending.push({ col, colRepeat, cell: out, span: !cur.covered && (cs > 1 || rs > 1) ? { cols: cs, rows: rs } : null });
    col += colRepeat;
    cur = null;
    paragraphs = null;
  };

  const finishRow = (): void => {
    if (!sheet) return;
    const onlyFills = pending.every(
      (pc) => !pc.cell || (pc.cell.v === null && pc.cell.formula === undefined && pc.cell.error === undefined),
    );
    const hasAnything = pending.some((pc) => pc.cell || pc.span);
    if (hasAnything && !(onlyFills && rowRepeat > MAX_FILL_REPEAT && !pending.some((pc) => pc.span))) {
      for (let k = 0; k < rowRepeat && row + k < MAX_ROWS; k++) {
        const r = row + k;
        for (const pc of pending) {
          if (pc.span)
            sheet.addMerge({
              r1: r,
              c1: pc.col,
              r2: Math.min(MAX_ROWS - 1, r + pc.span.rows - 1),
              c2: Math.min(MAX_COLS - 1, pc.col + pc.span.cols - 1),
            });
          if (!pc.cell) continue;
          const isFillOnly = pc.cell.v === null && pc.cell.formula === undefined && pc.cell.error === undefined;
          if (isFillOnly && pc.colRepeat > MAX_FILL_REPEAT) continue;
          for (let j = 0; j < pc.colRepeat && pc.col + j < MAX_COLS; j++) {
            if (++cells > MAX_ODS_CELLS) throw new PegError(formati.odsTroppeCelle(f, MAX_ODS_CELLS));
            // Each cell gets its own object, as the xlsx reader gives.
            sheet.set(r, pc.col + j, j === 0 && k === 0 ? pc.cell : { ...pc.cell });
          }
        }
      }
    }
    row += rowRepeat;
    pending = [];
  };

  p.on("opentag", (tag) => {
    const name = tag.name;
    if (skip) {
      if (name === "office:annotation") skip++;
      return;
    }
    if (name === "office:automatic-styles" || name === "office:styles" || name === "office:master-styles") {
      inStyles++;
      return;
    }
    if (inStyles) {
      if (name === "number:text") inNumberText = true;
      styles.open(name, tag.attributes);
      return;
    }
    if (!sheets) return;
    switch (name) {
      case "table:table": {
        const nm = text(tag, "table:name") ?? `Foglio${sheets.length + 1}`;
        sheet = new SheetGrid(nm, styles.isHiddenTable(text(tag, "table:style-name")) ? "hidden" : "visible");
        sheets.push(sheet);
        row = 0;
        colStyles = [];
        nextCol = 0;
        break;
      }
      case "table:table-column": {
        const n = repeat(text(tag, "table:number-columns-repeated"), MAX_COLS);
        const s = text(tag, "table:default-cell-style-name");
        if (s && s !== "Default") colStyles.push([nextCol, nextCol + n - 1, s]);
        nextCol += n;
        break;
      }
      case "table:table-row":
        col = 0;
        rowRepeat = repeat(text(tag, "table:number-rows-repeated"), MAX_ROWS);
        pending = [];
        break;
      case "table:table-cell":
      case "table:covered-table-cell":
        cur = { tag, covered: name === "table:covered-table-cell" };
        paragraphs = null;
        if (tag.isSelfClosing) finishCell();
        break;
      case "office:annotation":
        skip = 1;
        break;
      case "text:p":
      case "text:h":
        if (cur) {
          inP++;
          para = "";
          if (tag.isSelfClosing) {
            (paragraphs ??= []).push("");
            inP--;
          }
        }
        break;
      case "text:s":
        if (inP) para += " ".repeat(Math.min(repeat(text(tag, "text:c"), 1000), 1000));
        break;
      case "text:tab":
        if (inP) para += "\t";
        break;
      case "text:line-break":
        if (inP) para += "\n";
        break;
    }
  });
  p.on("text", (t) => {
    if (skip) return;
    if (inStyles) {
      styles.text(t, inNumberText);
      return;
    }
    // ODF collapses white space in a paragraph; spaces that count are written as <text:s/>.
    if (inP) para += t.replace(/[\t\r\n ]+/g, " ");
  });
  p.on("closetag", (tag) => {
    const name = tag.name;
    if (skip) {
      if (name === "office:annotation") skip--;
      return;
    }
    if (name === "office:automatic-styles" || name === "office:styles" || name === "office:master-styles") {
      inStyles--;
      return;
    }
    if (inStyles) {
      if (name === "number:text") inNumberText = false;
      styles.close(name);
      return;
    }
    switch (name) {
      case "text:p":
      case "text:h":
        if (inP) {
          inP--;
          (paragraphs ??= []).push(para);
          para = "";
        }
        break;
      case "table:table-cell":
      case "table:covered-table-cell":
        if (!tag.isSelfClosing) finishCell();
        break;
      case "table:table-row":
        finishRow();
        break;
      case "table:table":
        sheet = null;
        break;
    }
  });
  let failed: unknown = null;
  p.on("error", (e) => {
    failed ??= e;
  });
  entryText(bytes, entry, budget, (chunk) => {
    if (failed) return;
    p.write(chunk);
  });
  if (!failed) p.close();
  if (failed) {
    if (failed instanceof PegError) throw failed;
    throw new PegError(formati.odsNonLeggibile(f));
  }
}
