/**
 * styles.xml of the copy: the records already there are never changed or renumbered; a write
 * that needs another look (a fill, a number format, the text prefix) gets a new <xf> appended to
 * cellXfs, made from the cell's own record with only those attributes changed, and new fills,
 * number formats, fonts and borders are appended to their lists likewise.
 */
import type { CellStyle } from "../../../sheets/sheet-spec";
import { BUILTIN_FMT, fillXml, xfParts, xfXml, type XfSink } from "../spec-writer";
import { applySplices, attr, escAttr, findClose, findTag, setAttr, unescXml, type Splice, type Tag } from "./xml";

const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type SectionName = (typeof SECTIONS)[number];
const CHILD: Record<SectionName, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
};
/** What a list created from nothing must hold first, so that index 0 (and fill 1) mean what Excel expects. */
const DEFAULTS: Record<SectionName, string[]> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';

interface Section {
  tag: Tag | null;
  /** Index of the end tag, or -1 for a self-closing or missing list. */
  close: number;
  items: string[];
  added: string[];
}

/** Built-in number formats that hold dates or times (ECMA-376 §18.8.30, and the East Asian ones). */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

export function looksLikeDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

export interface XfChange {
  /** "#RRGGBB" for a solid fill, null for no fill. */
  fill?: string | null;
  fmt?: string;
  quote?: boolean;
}

export class StylesPatch {
  private readonly root: Tag;
  private readonly prefix: string;
  private readonly sections = new Map<SectionName, Section>();
  private readonly fmtIds = new Map<string, number>();
  private readonly fmtCodes = new Map<number, string>();
  private nextFmtId = 164;
  private readonly derived = new Map<string, number>();
  private readonly indexOf = new Map<string, number>();
  changed = false;

  constructor(private readonly xml: string) {
    const root = findTag(xml, "styleSheet");
    if (!root) throw new Error("no styleSheet");
    this.root = root;
    this.prefix = root.prefix;
    for (const name of SECTIONS) this.sections.set(name, this.readSection(name));
    for (const item of this.sections.get("numFmts")!.items) {
      const id = Number(attr(item, "numFmtId"));
      const code = unescXml(attr(item, "formatCode") ?? "");
      if (!Number.isInteger(id)) continue;
      this.fmtCodes.set(id, code);
      if (!this.fmtIds.has(code)) this.fmtIds.set(code, id);
      this.nextFmtId = Math.max(this.nextFmtId, id + 1);
    }
  }

  private readSection(name: SectionName): Section {
    const tag = findTag(this.xml, name, this.root.end);
    if (!tag) return { tag: null, close: -1, items: [], added: [] };
    if (tag.selfClosing) return { tag, close: -1, items: [], added: [] };
    const close = findClose(this.xml, tag.prefix, name, tag.end);
    if (close < 0) throw new Error(`unclosed ${name}`);
    const items: string[] = [];
    const child = CHILD[name];
    for (let at = tag.end; ;) {
      const t = findTag(this.xml, child, at, close);
      if (!t) break;
      const end = t.selfClosing ? t.end : findClose(this.xml, t.prefix, child, t.end) + `</${t.prefix}${child}>`.length;
      if (end < t.end) throw new Error(`unclosed ${child}`);
      items.push(this.xml.slice(t.start, end));
      at = end;
    }
    return { tag, close, items, added: [] };
  }

  private list(name: SectionName): Section {
    return this.sections.get(name)!;
  }

  private count(name: SectionName): number {
    const s = this.list(name);
    return (s.tag ? s.items.length : DEFAULTS[name].length) + s.added.length;
  }

  /** Index of `xml` in a list, appending it when new. */
  private add(name: SectionName, xml: string): number {
    const key = `${name}|${xml}`;
    const hit = this.indexOf.get(key);
    if (hit !== undefined) return hit;
    const s = this.list(name);
    const existing = s.tag ? s.items.indexOf(xml) : DEFAULTS[name].indexOf(xml);
    const i = existing >= 0 ? existing : this.count(name);
    if (existing < 0) {
      s.added.push(this.prefix ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${this.prefix}`) : xml);
      this.changed = true;
    }
    this.indexOf.set(key, i);
    return i;
  }

  /** The number format id for a format code: built-in, already in the workbook, or new. */
  fmtId(code: string): number {
    const builtin = BUILTIN_FMT[code];
    if (builtin !== undefined) return builtin;
    const hit = this.fmtIds.get(code);
    if (hit !== undefined) return hit;
    const id = this.nextFmtId++;
    this.fmtIds.set(code, id);
    this.fmtCodes.set(id, code);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escAttr(code)}"/>`);
    return id;
  }

  private xfAt(i: number): string {
    const s = this.list("cellXfs");
    const items = s.tag ? s.items : DEFAULTS.cellXfs;
    return items[i] ?? s.added[i - items.length] ?? items[0] ?? DEFAULTS.cellXfs[0]!;
  }

  /** True when the cell format shows dates. */
  isDateStyle(i: number): boolean {
    const id = Number(attr(this.xfAt(i), "numFmtId") ?? 0);
    if (isBuiltinDate(id)) return true;
    return looksLikeDateFormat(this.fmtCodes.get(id));
  }

  /** True when the cell format already carries the text prefix. */
  hasQuotePrefix(i: number): boolean {
    const q = attr(this.xfAt(i), "quotePrefix");
    return q === "1" || q === "true";
  }

  /** The cell format `base` with only the given attributes changed (a new record, or `base` when nothing changes). */
  derive(base: number, change: XfChange): number {
    if (change.fill === undefined && change.fmt === undefined && !change.quote) return base;
    const key = `${base}|${change.fill === undefined ? "~" : change.fill}|${change.fmt ?? "~"}|${change.quote ? 1 : 0}`;
    const hit = this.derived.get(key);
    if (hit !== undefined) return hit;
    const xf = this.xfAt(base);
    const close = xf.indexOf(">") + 1;
    let tag = xf.slice(0, close);
    if (change.fill !== undefined) {
      const fillId = change.fill === null ? 0 : this.add("fills", fillXml(change.fill));
      tag = setAttr(setAttr(tag, "fillId", String(fillId)), "applyFill", "1");
    }
    if (change.fmt !== undefined) tag = setAttr(setAttr(tag, "numFmtId", String(this.fmtId(change.fmt))), "applyNumberFormat", "1");
    if (change.quote) tag = setAttr(tag, "quotePrefix", "1");
    const i = this.addXf(tag + xf.slice(close));
    this.derived.set(key, i);
    return i;
  }

  private addXf(xml: string): number {
    const key = `cellXfs|${xml}`;
    const hit = this.indexOf.get(key);
    if (hit !== undefined) return hit;
    const s = this.list("cellXfs");
    const i = this.count("cellXfs");
    s.added.push(xml);
    this.indexOf.set(key, i);
    this.changed = true;
    return i;
  }

  /** Formats for the cells of new sheets (spec styles), appended to this workbook's lists. */
  specSink(): XfSink {
    return {
      xf: (s: CellStyle | undefined, isDate: boolean, quote: boolean): number => {
        if (!s && !isDate && !quote) return 0;
        const p = xfParts(s, isDate, quote);
        const ids = {
          numFmtId: p.fmt ? this.fmtId(p.fmt) : 0,
          fontId: p.font ? this.add("fonts", p.font) : 0,
          fillId: p.fill ? this.add("fills", p.fill) : 0,
          borderId: p.border ? this.add("borders", p.border) : 0,
        };
        const xml = xfXml(ids, p);
        return this.addXf(this.prefix ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${this.prefix}`) : xml);
      },
    };
  }

  /** The new styles.xml: the original text with the appended records and updated counts. */
  toXml(): string {
    const splices: Splice[] = [];
    let lastEnd = this.root.end; // where a missing list is created: after the previous one
    const p = this.prefix;
    for (const name of SECTIONS) {
      const s = this.list(name);
      const sectionEnd = s.tag ? (s.close >= 0 ? s.close + `</${s.tag.prefix}${name}>`.length : s.tag.end) : -1;
      if (s.added.length) {
        const count = this.count(name);
        if (!s.tag) {
          const body = [...DEFAULTS[name].map((x) => (p ? x.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : x)), ...s.added].join("");
          splices.push({ start: lastEnd, end: lastEnd, text: `<${p}${name} count="${count}">${body}</${p}${name}>` });
        } else if (s.close < 0) {
          const open = setAttr(s.tag.text.replace(/\s*\/>$/, ">"), "count", String(count));
          splices.push({ start: s.tag.start, end: s.tag.end, text: `${open}${s.added.join("")}</${s.tag.prefix}${name}>` });
        } else {
          splices.push({ start: s.tag.start, end: s.tag.end, text: setAttr(s.tag.text, "count", String(count)) });
          splices.push({ start: s.close, end: s.close, text: s.added.join("") });
        }
      }
      if (sectionEnd >= 0) lastEnd = sectionEnd;
    }
    if (this.root.selfClosing) throw new Error("empty styleSheet");
    return applySplices(this.xml, splices);
  }
}
