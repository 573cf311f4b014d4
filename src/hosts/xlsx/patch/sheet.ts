/**
 * One worksheet of the copy, edited as text: only the written cells change. A written cell is
 * replaced in place, or inserted in its row in column order (a missing row is inserted in row
 * order); every other byte of the part stays as it was, except where keeping the sheet valid
 * needs it: the other cells of a shared formula whose master is overwritten get the formula of
 * their own, a row that gains cells loses its optional `spans` hint, and `dimension` grows.
 */
import { a1, parseRange, type CellScalar, type MergeRange } from "../../../sheets/grid";
import { shiftFormula } from "./formula";
import type { StylesPatch } from "./styles";
import { cellText, needsTextPrefix } from "./text";
import { applySplices, attr, escPlain, escText, findClose, findTag, setAttr, unescXml, type Splice } from "./xml";

export interface CellEdit {
  /** 0-based. */
  r: number;
  c: number;
  /** New value; undefined keeps the value. A string is always a text cell. */
  value?: CellScalar;
  /** "#RRGGBB", or null to remove the fill; undefined keeps it. */
  fill?: string | null;
  fmt?: string;
}

export interface SheetContext {
  styles: () => StylesPatch;
  date1904: boolean;
}

export interface PatchedSheet {
  xml: string;
  /** True when a formula cell was overwritten (the calculation chain must go). */
  replacedFormula: boolean;
}

interface RowLoc {
  start: number;
  tagEnd: number;
  end: number;
  /** 1-based. */
  r: number;
  tag: string;
  hasR: boolean;
  selfClosing: boolean;
}

interface CellLoc {
  start: number;
  tagEnd: number;
  end: number;
  /** 0-based column. */
  c: number;
  tag: string;
  hasR: boolean;
}

function isTagEnd(ch: string | undefined): boolean {
  return ch === " " || ch === ">" || ch === "/" || ch === "\t" || ch === "\n" || ch === "\r";
}

/** 0-based column of an A1 reference's letters ("AB12" → 27), or -1. */
function colOf(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return i === 0 ? -1 : c - 1;
}

/** Rows of sheetData between `from` and `to`, in document order. */
function scanRows(xml: string, p: string, from: number, to: number): RowLoc[] {
  const rows: RowLoc[] = [];
  const open = `<${p}row`;
  const close = `</${p}row>`;
  let prev = 0;
  for (let i = xml.indexOf(open, from); i >= 0 && i < to; i = xml.indexOf(open, i + 1)) {
    if (!isTagEnd(xml[i + open.length])) continue;
    const gt = xml.indexOf(">", i);
    const tag = xml.slice(i, gt + 1);
    const selfClosing = xml[gt - 1] === "/";
    const end = selfClosing ? gt + 1 : xml.indexOf(close, gt) + close.length;
    if (end < gt) throw new Error("unclosed row");
    const rAttr = attr(tag, "r");
    const r = rAttr ? Number(rAttr) : prev + 1;
    rows.push({ start: i, tagEnd: gt + 1, end, r, tag, hasR: rAttr !== undefined, selfClosing });
    prev = r;
    i = end - 1;
  }
  return rows;
}

function scanCells(xml: string, p: string, row: RowLoc): CellLoc[] {
  const cells: CellLoc[] = [];
  if (row.selfClosing) return cells;
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const to = row.end;
  let prev = -1;
  for (let i = xml.indexOf(open, row.tagEnd); i >= 0 && i < to; i = xml.indexOf(open, i + 1)) {
    if (!isTagEnd(xml[i + open.length])) continue;
    const gt = xml.indexOf(">", i);
    const tag = xml.slice(i, gt + 1);
    const end = xml[gt - 1] === "/" ? gt + 1 : xml.indexOf(close, gt) + close.length;
    if (end < gt) throw new Error("unclosed cell");
    const ref = attr(tag, "r");
    const c = ref ? colOf(ref) : prev + 1;
    cells.push({ start: i, tagEnd: gt + 1, end, c, tag, hasR: ref !== undefined });
    prev = c;
    i = end - 1;
  }
  return cells;
}

/** Excel's serial number of a date, in the workbook's date system. */
function serial(d: Date, date1904: boolean): number {
  return d.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

function mergesOf(xml: string, from: number): MergeRange[] {
  const mc = findTag(xml, "mergeCells", from);
  if (!mc || mc.selfClosing) return [];
  const close = findClose(xml, mc.prefix, "mergeCells", mc.end);
  const out: MergeRange[] = [];
  for (let at = mc.end; ;) {
    const t = findTag(xml, "mergeCell", at, close);
    if (!t) break;
    at = t.end;
    const ref = attr(t.text, "ref");
    if (!ref) continue;
    try {
      out.push(parseRange(ref));
    } catch {
      // a broken merge reference is left as it is
    }
  }
  return out;
}

/** A value written into a merged area lands on its top-left cell, as Excel shows it. */
function redirectIntoMerges(edits: CellEdit[], merges: MergeRange[]): CellEdit[] {
  const valued = edits.filter((e) => e.value !== undefined);
  if (!valued.length || !merges.length) return edits;
  const byRow = new Map<number, CellEdit[]>();
  for (const e of valued) byRow.set(e.r, [...(byRow.get(e.r) ?? []), e]);
  const moved = new Map<CellEdit, MergeRange>();
  for (const m of merges) {
    if (m.r2 - m.r1 < byRow.size) {
      for (let r = m.r1; r <= m.r2; r++)
        for (const e of byRow.get(r) ?? []) if (e.c >= m.c1 && e.c <= m.c2 && (e.r !== m.r1 || e.c !== m.c1)) moved.set(e, m);
    } else {
      for (const e of valued)
        if (e.r >= m.r1 && e.r <= m.r2 && e.c >= m.c1 && e.c <= m.c2 && (e.r !== m.r1 || e.c !== m.c1)) moved.set(e, m);
    }
  }
  if (!moved.size) return edits;
  const out: CellEdit[] = [];
  for (const e of edits) {
    const m = moved.get(e);
    if (!m) {
      out.push(e);
      continue;
    }
    const { value, ...rest } = e;
    if (rest.fill !== undefined || rest.fmt !== undefined) out.push(rest);
    out.push({ r: m.r1, c: m.c1, value });
  }
  return out;
}

/** Edits of the same cell combined, later fields winning; keyed by row then column. */
function groupEdits(edits: CellEdit[]): Map<number, Map<number, CellEdit>> {
  const rows = new Map<number, Map<number, CellEdit>>();
  for (const e of edits) {
    let row = rows.get(e.r + 1);
    if (!row) rows.set(e.r + 1, (row = new Map()));
    const prev = row.get(e.c);
    row.set(e.c, {
      r: e.r,
      c: e.c,
      value: e.value !== undefined ? e.value : prev?.value,
      fill: e.fill !== undefined ? e.fill : prev?.fill,
      fmt: e.fmt ?? prev?.fmt,
    });
  }
  return rows;
}

/** Column styles from <cols>, for cells created where none was. */
function colStyles(xml: string, before: number): Array<{ min: number; max: number; s: number }> {
  const cols = findTag(xml, "cols", 0, before);
  if (!cols || cols.selfClosing) return [];
  const close = findClose(xml, cols.prefix, "cols", cols.end);
  const out: Array<{ min: number; max: number; s: number }> = [];
  for (let at = cols.end; ;) {
    const t = findTag(xml, "col", at, close);
    if (!t) break;
    at = t.end;
    const s = Number(attr(t.text, "style") ?? 0);
    if (s) out.push({ min: Number(attr(t.text, "min") ?? 0) - 1, max: Number(attr(t.text, "max") ?? 0) - 1, s });
  }
  return out;
}

/**
 * Gives the other cells of each overwritten shared-formula master a formula of their own (the
 * master's, moved to where they are), so that they keep computing what they computed.
 */
function unshareFormulas(
  xml: string,
  p: string,
  from: number,
  to: number,
  masters: Map<string, { f: string; r: number; c: number }>,
): string {
  const splices: Splice[] = [];
  const open = `<${p}f`;
  for (let i = xml.indexOf(open, from); i >= 0 && i < to; i = xml.indexOf(open, i + 1)) {
    if (!isTagEnd(xml[i + open.length])) continue;
    const gt = xml.indexOf(">", i);
    const tag = xml.slice(i, gt + 1);
    if (attr(tag, "t") !== "shared") continue;
    const m = masters.get(attr(tag, "si") ?? "");
    if (!m) continue;
    const selfClosing = xml[gt - 1] === "/";
    const closeTag = `</${p}f>`;
    let end = gt + 1;
    if (!selfClosing) {
      if (!xml.startsWith(closeTag, gt + 1)) continue; // a master of its own
      end = gt + 1 + closeTag.length;
    }
    const cellStart = xml.lastIndexOf(`<${p}c `, i);
    const ref = cellStart >= 0 ? attr(xml.slice(cellStart, xml.indexOf(">", cellStart) + 1), "r") : undefined;
    if (!ref) continue;
    const c = colOf(ref);
    const r = Number(ref.slice(ref.search(/\d/))) - 1;
    splices.push({ start: i, end, text: `<${p}f>${escPlain(shiftFormula(m.f, r - m.r, c - m.c))}</${p}f>` });
  }
  return applySplices(xml, splices);
}

export function patchSheet(input: string, rawEdits: CellEdit[], ctx: SheetContext): PatchedSheet {
  let xml = input;
  let sd = findTag(xml, "sheetData");
  if (!sd) throw new Error("no sheetData");
  const p = sd.prefix;
  const sdClose = (): number => (sd!.selfClosing ? sd!.end : findClose(xml, p, "sheetData", sd!.end));
  const edits = redirectIntoMerges(rawEdits, mergesOf(xml, sdClose()));
  let byRow = groupEdits(edits);
  let rows = scanRows(xml, p, sd.end, sdClose());

  // Shared formulas whose master cell gets a value: their other cells get a formula of their own.
  const masters = new Map<string, { f: string; r: number; c: number }>();
  for (const row of rows) {
    const want = byRow.get(row.r);
    if (!want) continue;
    for (const cell of scanCells(xml, p, row)) {
      if (want.get(cell.c)?.value === undefined) continue;
      const inner = xml.slice(cell.tagEnd, cell.end);
      const f = findTag(inner, "f");
      if (!f || f.selfClosing || attr(f.text, "t") !== "shared") continue;
      const si = attr(f.text, "si");
      const close = findClose(inner, f.prefix, "f", f.end);
      if (si !== undefined && close > f.end) masters.set(si, { f: unescXml(inner.slice(f.end, close)), r: row.r - 1, c: cell.c });
    }
  }
  if (masters.size) {
    xml = unshareFormulas(xml, p, sd.end, sdClose(), masters);
    sd = findTag(xml, "sheetData")!;
    byRow = groupEdits(edits);
    rows = scanRows(xml, p, sd.end, sdClose());
  }

  const styles = colStyles(xml, sd.start);
  const colStyle = (c: number): number => styles.find((s) => c >= s.min && c <= s.max)?.s ?? 0;
  let replacedFormula = false;
  const splices: Splice[] = [];
  let maxR = -1;
  let maxC = -1;

  const cellXml = (r: number, c: number, e: CellEdit, existing: CellLoc | null, rowStyle: number): string | null => {
    const tag = existing?.tag ?? null;
    const s0 = tag ? Number(attr(tag, "s") ?? 0) : rowStyle || colStyle(c);
    const st = ctx.styles;
    const v = e.value;
    const fmt = e.fmt ?? (v instanceof Date && !st().isDateStyle(s0) ? "dd/mm/yyyy" : undefined);
    const quote = typeof v === "string" && needsTextPrefix(cellText(v)) && !st().hasQuotePrefix(s0);
    const s1 = e.fill !== undefined || fmt !== undefined || quote ? st().derive(s0, { fill: e.fill, fmt, quote }) : s0;
    const ref = a1(r - 1, c);
    maxR = Math.max(maxR, r - 1);
    maxC = Math.max(maxC, c);
    if (v === undefined) {
      if (existing) return setAttr(setAttr(tag!, "r", ref), "s", s1 ? String(s1) : null) + xml.slice(existing.tagEnd, existing.end);
      return s1 ? `<${p}c r="${ref}" s="${s1}"/>` : null;
    }
    if (existing && xml.slice(existing.tagEnd, existing.end).includes(`<${p}f`)) replacedFormula = true;
    const ph = tag ? attr(tag, "ph") : undefined;
    const head = `<${p}c r="${ref}"${s1 ? ` s="${s1}"` : ""}${ph ? ` ph="${ph}"` : ""}`;
    if (v === null || (typeof v === "number" && !Number.isFinite(v))) return `${head}/>`;
    if (typeof v === "string")
      return `${head} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escText(cellText(v))}</${p}t></${p}is></${p}c>`;
    if (typeof v === "number") return `${head}><${p}v>${v}</${p}v></${p}c>`;
    if (typeof v === "boolean") return `${head} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    return `${head}><${p}v>${serial(v, ctx.date1904)}</${p}v></${p}c>`;
  };

  const rowXml = (row: RowLoc | null, r: number, want: Map<number, CellEdit>): string => {
    const rowStyle =
      row && (attr(row.tag, "customFormat") === "1" || attr(row.tag, "customFormat") === "true") ? Number(attr(row.tag, "s") ?? 0) : 0;
    const cells = row ? scanCells(xml, p, row) : [];
    const order = [...want.keys()].sort((a, b) => a - b);
    const parts: string[] = [];
    let k = 0;
    let inserted = false;
    let at = row ? row.tagEnd : 0;
    for (const cell of cells) {
      parts.push(xml.slice(at, cell.start));
      while (k < order.length && order[k]! < cell.c) {
        const x = cellXml(r, order[k]!, want.get(order[k]!)!, null, rowStyle);
        if (x) {
          parts.push(x);
          inserted = true;
        }
        k++;
      }
      if (k < order.length && order[k] === cell.c) {
        parts.push(cellXml(r, cell.c, want.get(cell.c)!, cell, rowStyle) ?? "");
        k++;
      } else {
        const text = xml.slice(cell.start, cell.end);
        parts.push(cell.hasR ? text : setAttr(cell.tag, "r", a1(r - 1, cell.c)) + xml.slice(cell.tagEnd, cell.end));
      }
      at = cell.end;
    }
    for (; k < order.length; k++) {
      const x = cellXml(r, order[k]!, want.get(order[k]!)!, null, rowStyle);
      if (x) {
        parts.push(x);
        inserted = true;
      }
    }
    if (!row) return parts.length ? `<${p}row r="${r}">${parts.join("")}</${p}row>` : "";
    let tag = row.hasR ? row.tag : setAttr(row.tag, "r", String(r));
    if (inserted) tag = setAttr(tag, "spans", null);
    if (row.selfClosing) return parts.length ? `${tag.replace(/\s*\/>$/, ">")}${parts.join("")}</${p}row>` : tag;
    return tag + parts.join("") + xml.slice(at, row.end);
  };

  const wanted = [...byRow.keys()].sort((a, b) => a - b);
  let w = 0;
  const anyRowWithoutR = rows.some((r) => !r.hasR);
  for (const row of rows) {
    const pending: string[] = [];
    while (w < wanted.length && wanted[w]! < row.r) {
      pending.push(rowXml(null, wanted[w]!, byRow.get(wanted[w]!)!));
      w++;
    }
    if (pending.length) splices.push({ start: row.start, end: row.start, text: pending.join("") });
    if (w < wanted.length && wanted[w] === row.r) {
      splices.push({ start: row.start, end: row.end, text: rowXml(row, row.r, byRow.get(row.r)!) });
      w++;
    } else if (anyRowWithoutR && !row.hasR) {
      splices.push({ start: row.start, end: row.tagEnd, text: setAttr(row.tag, "r", String(row.r)) });
    }
  }
  const tail: string[] = [];
  for (; w < wanted.length; w++) tail.push(rowXml(null, wanted[w]!, byRow.get(wanted[w]!)!));
  if (sd.selfClosing) {
    splices.push({ start: sd.start, end: sd.end, text: `${sd.text.replace(/\s*\/>$/, ">")}${tail.join("")}</${p}sheetData>` });
  } else if (tail.length) {
    const close = sdClose();
    splices.push({ start: close, end: close, text: tail.join("") });
  }

  // The dimension hint covers the new cells.
  const dim = findTag(xml, "dimension", 0, sd.start);
  const ref = dim ? attr(dim.text, "ref") : undefined;
  if (dim && ref && maxR >= 0) {
    try {
      const d = parseRange(ref);
      if (maxR > d.r2 || maxC > d.c2) {
        const grown = `${a1(d.r1, d.c1)}:${a1(Math.max(d.r2, maxR), Math.max(d.c2, maxC))}`;
        splices.push({ start: dim.start, end: dim.end, text: setAttr(dim.text, "ref", grown) });
      }
    } catch {
      // an unreadable dimension is only a hint: left as it is
    }
  }
  return { xml: applySplices(xml, splices), replacedFormula };
}
