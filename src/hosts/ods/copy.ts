/**
 * The annotated copy of an .ods: content.xml changed only at the written cells (a repeated row or
 * cell is split so that exactly the written one changes), new automatic styles for new fills and
 * percentage formats, and every other entry of the package carried over byte for byte (the
 * "mimetype" entry stays first and stored). The input bytes are never modified.
 */
import { PegError } from "../../domain/errors";
import { numeroIt } from "../../domain/text";
import { parseA1, type CellScalar } from "../../sheets/grid";
import type { CellWrite, WritePlan } from "../../sheets/write-plan";
import { fileErrors } from "../../strings/it";
import { formati } from "../../strings/it-documenti";
import { MAX_UNZIPPED_BYTES, formatBytes } from "../xlsx/limits";
import { InflateBudget, ZipFormatError, ZipTooBigError, inflateEntry, readZip, writeZip, type OutEntry } from "../xlsx/patch/zip";

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

function escText(s: string): string {
  return s.replace(XML_FORBIDDEN, "").replace(/[<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&amp;"));
}
function escAttr(s: string): string {
  return escText(s).replace(/"/g, "&quot;");
}
function unescAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:-]/g, "\\$&")}="([^"]*)"`).exec(tag);
  return m ? unescAttr(m[1]!) : undefined;
}
function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:-]/g, "\\$&")}="[^"]*"`);
  const without = tag.replace(re, "");
  if (value === null) return without;
  return without.replace(/^(<[\w:.-]+)/, `$1 ${name}="${escAttr(value)}"`);
}

/** The end of the element that starts at `start` (its start tag ends at `tagEnd`). */
function elementEnd(xml: string, start: number, tagEnd: number, name: string): number {
  if (xml[tagEnd - 2] === "/") return tagEnd;
  const open = new RegExp(`<${name}[\\s/>]|</${name}>`, "g");
  open.lastIndex = tagEnd;
  let depth = 1;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    depth += m[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new ZipFormatError(`unclosed ${name} at ${start}`);
}

interface Element {
  start: number;
  end: number;
  tag: string;
}

/** Direct children named one of `names` in xml[from, to): rows of a table, cells of a row. */
function children(xml: string, from: number, to: number, names: string[], descendInto: string[] = []): Element[] {
  const out: Element[] = [];
  const re = /<([\w:.-]+)(\s[^>]*)?\/?>/g;
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const name = m[1]!;
    const tagEnd = m.index + m[0].length;
    if (names.includes(name)) {
      const end = elementEnd(xml, m.index, tagEnd, name);
      out.push({ start: m.index, end, tag: m[0] });
      re.lastIndex = end;
    } else if (!descendInto.includes(name) && !m[0].endsWith("/>")) {
      re.lastIndex = elementEnd(xml, m.index, tagEnd, name);
    }
  }
  return out;
}

/** An element repeated n times, as one element with its repeat attribute. */
function withRepeat(xml: string, tag: string, name: string, n: number): string {
  return setAttr(tag, name, n > 1 ? String(n) : null) + xml.slice(tag.length);
}

/**
 * Splits a run of `count` repeated items starting at index `first` around the targets it holds,
 * returning the pieces in order: [offset, repeat, target?].
 */
function pieces(first: number, count: number, targets: number[]): Array<{ at: number; n: number; target: boolean }> {
  const out: Array<{ at: number; n: number; target: boolean }> = [];
  let cur = first;
  for (const t of targets.filter((x) => x >= first && x < first + count).sort((a, b) => a - b)) {
    if (t > cur) out.push({ at: cur, n: t - cur, target: false });
    out.push({ at: t, n: 1, target: true });
    cur = t + 1;
  }
  if (cur < first + count) out.push({ at: cur, n: first + count - cur, target: false });
  return out;
}

const VALUE_ATTRS = [
  "office:value-type",
  "office:value",
  "office:date-value",
  "office:time-value",
  "office:boolean-value",
  "office:string-value",
  "office:currency",
  "calcext:value-type",
  "table:formula",
];

class StyleMaker {
  added: string[] = [];
  private memo = new Map<string, string>();
  private pctStyle: string | null = null;
  constructor(private readonly automatic: Map<string, string>) {}

  /** A style like `base` with the fill and/or percentage format of the write. */
  derive(base: string | undefined, fill: string | null | undefined, pct: boolean): string | undefined {
    if (fill === undefined && !pct) return base;
    const key = `${base ?? ""}|${fill ?? "-"}|${pct}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const name = `peg${this.memo.size + 1}`;
    let xml = base ? this.automatic.get(base) : undefined;
    if (xml) {
      xml = setAttr(xml.match(/^<style:style[^>]*>/)![0], "style:name", name) + xml.slice(xml.match(/^<style:style[^>]*>/)![0].length);
    } else {
      xml = `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="${escAttr(base ?? "Default")}"></style:style>`;
    }
    if (xml.endsWith("/>")) xml = xml.replace(/\/>$/, "></style:style>");
    if (pct) {
      if (!this.pctStyle) {
        this.pctStyle = "pegPct";
        this.added.push(
          '<number:percentage-style style:name="pegPct"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>',
        );
      }
      const open = xml.match(/^<style:style[^>]*>/)![0];
      xml = setAttr(open, "style:data-style-name", this.pctStyle) + xml.slice(open.length);
    }
    if (fill !== undefined) {
      const bg = fill === null ? "transparent" : fill.toLowerCase();
      const props = /<style:table-cell-properties[^>]*?\/?>/.exec(xml);
      if (props) {
        const updated = setAttr(props[0].replace(/\/>$/, " />").replace(/ \/>$/, "/>"), "fo:background-color", bg);
        xml = xml.slice(0, props.index) + updated + xml.slice(props.index + props[0].length);
      } else xml = xml.replace(/<\/style:style>$/, `<style:table-cell-properties fo:background-color="${bg}"/></style:style>`);
    }
    this.added.push(xml);
    this.memo.set(key, name);
    return name;
  }
}

function displayed(v: CellScalar, pct: boolean): string {
  if (typeof v === "number") return pct ? `${numeroIt(v * 100)}%` : numeroIt(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return v ? "VERO" : "FALSO";
  return v ?? "";
}

function newCell(cellXml: string, tag: string, w: CellWrite, styles: StyleMaker, colStyle: string | undefined): string {
  const covered = tag.startsWith("<table:covered-table-cell");
  let open = tag.replace(/\/>$/, ">");
  const pct = w.fmt !== undefined && w.fmt.includes("%") && typeof w.value === "number";
  const style = styles.derive(attr(tag, "table:style-name") ?? colStyle, w.fill, pct);
  if (style) open = setAttr(open, "table:style-name", style);
  open = setAttr(open, "table:number-columns-repeated", null);
  const name = covered ? "table:covered-table-cell" : "table:table-cell";
  if (w.value === undefined) {
    // Only the look changes: value, formula and text stay.
    const body = cellXml.endsWith("/>") ? "" : cellXml.slice(tag.length, cellXml.length - `</${name}>`.length);
    return `${open}${body}</${name}>`;
  }
  for (const a of VALUE_ATTRS) open = setAttr(open, a, null);
  const notes = [...cellXml.matchAll(/<office:annotation[\s>][\s\S]*?<\/office:annotation>/g)].map((m) => m[0]).join("");
  const v = w.value;
  if (v === null || v === "") return `${open}${notes}</${name}>`;
  if (typeof v === "number") {
    const type = pct ? "percentage" : "float";
    open = setAttr(setAttr(setAttr(open, "office:value-type", type), "office:value", String(v)), "calcext:value-type", type);
  } else if (typeof v === "boolean") {
    open = setAttr(
      setAttr(setAttr(open, "office:value-type", "boolean"), "office:boolean-value", String(v)),
      "calcext:value-type",
      "boolean",
    );
  } else if (v instanceof Date) {
    open = setAttr(
      setAttr(setAttr(open, "office:value-type", "date"), "office:date-value", v.toISOString().slice(0, 10)),
      "calcext:value-type",
      "date",
    );
  } else {
    // Text stays text: never a formula, whatever it starts with.
    open = setAttr(setAttr(open, "office:value-type", "string"), "calcext:value-type", "string");
  }
  const paras = displayed(v, pct)
    .split("\n")
    .map((p) => `<text:p>${escText(p)}</text:p>`)
    .join("");
  return `${open}${notes}${paras}</${name}>`;
}

function patchRow(
  rowXml: string,
  rowTag: string,
  writes: Map<number, CellWrite>,
  styles: StyleMaker,
  colStyles: (c: number) => string | undefined,
): string {
  const tagEnd = rowTag.length;
  const closeAt = rowXml.lastIndexOf("</table:table-row>");
  const cells = children(rowXml, tagEnd, closeAt, ["table:table-cell", "table:covered-table-cell"]);
  const targets = [...writes.keys()];
  let out = rowXml.slice(0, cells[0]?.start ?? closeAt);
  let col = 0;
  let last = cells[0]?.start ?? closeAt;
  for (const cell of cells) {
    out += rowXml.slice(last, cell.start);
    const xml = rowXml.slice(cell.start, cell.end);
    const n = Number(attr(cell.tag, "table:number-columns-repeated") ?? "1") || 1;
    if (!targets.some((t) => t >= col && t < col + n)) out += xml;
    else
      for (const p of pieces(col, n, targets))
        out += p.target
          ? newCell(xml, cell.tag, writes.get(p.at)!, styles, colStyles(p.at))
          : withRepeat(xml, cell.tag, "table:number-columns-repeated", p.n);
    col += n;
    last = cell.end;
  }
  out += rowXml.slice(last, closeAt);
  // Writes right of every stored cell (the row ended early): pad with empty cells.
  const beyond = targets.filter((t) => t >= col).sort((a, b) => a - b);
  for (const t of beyond) {
    if (t > col) out += `<table:table-cell table:number-columns-repeated="${t - col}"/>`;
    out += newCell("<table:table-cell/>", "<table:table-cell/>", writes.get(t)!, styles, colStyles(t));
    col = t + 1;
  }
  return out + rowXml.slice(closeAt);
}

function patchContent(xml: string, plan: WritePlan, f: string): string {
  const bySheet = new Map<string, Map<number, Map<number, CellWrite>>>();
  for (const w of plan.writes) {
    const { r, c } = parseA1(w.cella);
    let rows = bySheet.get(w.foglio);
    if (!rows) bySheet.set(w.foglio, (rows = new Map()));
    let cols = rows.get(r);
    if (!cols) rows.set(r, (cols = new Map()));
    cols.set(c, w);
  }
  const autoStart = xml.indexOf("<office:automatic-styles");
  const autoEnd = xml.indexOf("</office:automatic-styles>");
  const automatic = new Map<string, string>();
  if (autoStart >= 0 && autoEnd > autoStart)
    for (const m of xml.slice(autoStart, autoEnd).matchAll(/<style:style\s[^>]*?(?:\/>|>[\s\S]*?<\/style:style>)/g)) {
      const name = attr(m[0].match(/^<style:style[^>]*>/)![0], "style:name");
      if (name) automatic.set(name, m[0]);
    }
  const styles = new StyleMaker(automatic);
  const splices: Array<{ start: number; end: number; text: string }> = [];
  const tables = children(xml, 0, xml.length, ["table:table"], ["office:document-content", "office:body", "office:spreadsheet"]);
  for (const [name, rows] of bySheet) {
    const table = tables.find((t) => attr(t.tag, "table:name") === name);
    if (!table) throw new PegError(formati.odsNonLeggibile(f));
    const body = xml.slice(table.start, table.end);
    // Column default styles, for cells that have none of their own.
    const colRuns: Array<[number, number, string | undefined]> = [];
    let c0 = 0;
    for (const col of children(
      body,
      table.tag.length,
      body.length,
      ["table:table-column"],
      ["table:table-columns", "table:table-header-columns", "table:table-column-group"],
    )) {
      const n = Number(attr(col.tag, "table:number-columns-repeated") ?? "1") || 1;
      colRuns.push([c0, c0 + n - 1, attr(col.tag, "table:default-cell-style-name")]);
      c0 += n;
    }
    const colStyle = (c: number) => colRuns.find(([a, b]) => c >= a && c <= b)?.[2];
    const rowEls = children(
      body,
      table.tag.length,
      body.length,
      ["table:table-row"],
      ["table:table-rows", "table:table-header-rows", "table:table-row-group"],
    );
    const targets = [...rows.keys()];
    let r = 0;
    for (const row of rowEls) {
      const n = Number(attr(row.tag, "table:number-rows-repeated") ?? "1") || 1;
      if (targets.some((t) => t >= r && t < r + n)) {
        const rowXml = body.slice(row.start, row.end).replace(/^(<table:table-row[^>]*?)\/>$/, "$1></table:table-row>");
        const rowTag = rowXml.match(/^<table:table-row[^>]*>/)![0];
        let text = "";
        for (const p of pieces(r, n, targets))
          text += p.target
            ? patchRow(
                withRepeat(rowXml, rowTag, "table:number-rows-repeated", 1),
                setAttr(rowTag, "table:number-rows-repeated", null),
                rows.get(p.at)!,
                styles,
                colStyle,
              )
            : withRepeat(rowXml, rowTag, "table:number-rows-repeated", p.n);
        splices.push({ start: table.start + row.start, end: table.start + row.end, text });
      }
      r += n;
    }
    if (targets.some((t) => t >= r)) throw new PegError(formati.odsNonLeggibile(f));
  }
  splices.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  if (styles.added.length) {
    const at = out.indexOf("</office:automatic-styles>");
    if (at >= 0) out = out.slice(0, at) + styles.added.join("") + out.slice(at);
    else out = out.replace(/<office:body>/, `<office:automatic-styles>${styles.added.join("")}</office:automatic-styles><office:body>`);
  }
  return out;
}

/** The .ods copy with the plan's writes; the plan's new sheets are not supported in an .ods. */
export function applyPlanToOdsCopy(
  bytes: Uint8Array,
  plan: WritePlan,
  opts: { fileName?: string; maxUnzippedBytes?: number } = {},
): Uint8Array {
  const f = opts.fileName ?? "Il file";
  const limit = opts.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES;
  try {
    const entries = readZip(bytes);
    const content = entries.find((e) => e.name === "content.xml");
    if (!content) throw new PegError(formati.odsSenzaContenuto(f));
    if (plan.newSheets.length) throw new PegError(formati.odsNuoviFogli(f));
    const xml = new TextDecoder().decode(inflateEntry(bytes, content, new InflateBudget(limit)));
    const patched = new TextEncoder().encode(patchContent(xml, plan, f));
    const out: OutEntry[] = entries.map((e) => (e === content ? { name: e.name, data: patched } : { kept: e }));
    return writeZip(bytes, out);
  } catch (e) {
    if (e instanceof PegError) throw e;
    if (e instanceof ZipTooBigError) throw new PegError(fileErrors.tooBigUnzipped(f, formatBytes(e.inflated), formatBytes(limit)));
    throw new PegError(formati.odsNonLeggibile(f));
  }
}
