/**
 * xl/styles.xml → what the grid needs of each cell style (cellXfs): its number format code and
 * its fill. Built-in number formats are named by id only; their codes are ECMA-376's (the ones
 * ExcelJS knows, so both readers agree). Colours resolve through the theme and indexed palettes.
 */
import { colorToHex, type ExcelColor, type ThemePalette } from "../colors";
import { MAX_STYLE_RECORDS } from "../limits";
import type { XmlHandler } from "./xml";

/** Built-in number formats (ECMA-376 §18.8.30), by id; locale-dependent ids (27–36, 50–81) have no fixed code. */
// prettier-ignore
export const BUILTIN_NUM_FMTS: Readonly<Record<number, string>> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
  12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
  18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** A fill as styles.xml gives it. */
export interface RawFill {
  type?: "pattern" | "gradient";
  pattern?: string;
  fgColor?: ExcelColor;
  bgColor?: ExcelColor;
  stops?: Array<{ color?: ExcelColor }>;
}

/** One cell style as the grid sees it. */
export interface CellStyle {
  numFmt?: string;
  /** True when the style has a fill record, even one of pattern "none". */
  hasFill: boolean;
  /** The colour a person sees, or null. */
  fill: string | null;
  /** The number format shows a date: numbers under it are dates. */
  isDate: boolean;
}

/** The colour a person sees in a fill, or null for no fill. */
export function fillToHex(f: RawFill, palette: ThemePalette): string | null {
  if (f.type === "pattern") {
    if (!f.pattern || f.pattern === "none") return null;
    // Solid and patterned fills show fgColor; "automatic" (no colour given) is black in Excel.
    return colorToHex(f.fgColor, palette) ?? colorToHex(f.bgColor, palette) ?? "#000000";
  }
  if (f.type === "gradient") return colorToHex(f.stops?.[0]?.color, palette);
  return null;
}

/** Removes every `open…close` span, left to right, as a global replace of /\[[^\]]*]/ would: linear. */
function dropSpans(s: string, open: string, close: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const a = s.indexOf(open, i);
    if (a < 0) break;
    const b = s.indexOf(close, a + 1);
    if (b < 0) break; // no closing mark anywhere after: nothing more can match
    out += s.slice(i, a);
    i = b + 1;
  }
  return out + s.slice(i);
}

/** Whether a format code shows a date or time: y m d h s (or b, Buddhist year) outside [..] and "..". */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = dropSpans(dropSpans(fmt, "[", "]"), '"', '"');
  for (let i = 0; i < bare.length; i++) if ("ymdhMsb".includes(bare[i]!)) return true;
  return false;
}

/** Removes the backslash escapes of a format code ("0.0\ %" → "0.0 %"), as Excel shows it. */
function unescapeFormat(code: string): string {
  if (!code.includes("\\")) return code;
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === "\\" && i + 1 < code.length) out += code[++i]!;
    else out += ch;
  }
  return out;
}

/** `<fgColor rgb=…>`, `theme=… tint=…` or `indexed=…`; undefined for "auto" and the like. */
export function colorOf(attrs: Record<string, string>): ExcelColor | undefined {
  if (attrs.rgb) return { argb: attrs.rgb };
  if (attrs.theme) {
    const c: ExcelColor = { theme: parseInt(attrs.theme, 10) };
    if (attrs.tint) c.tint = parseFloat(attrs.tint);
    return c;
  }
  if (attrs.indexed) return { indexed: parseInt(attrs.indexed, 10) };
  return undefined;
}

/** Parses styles.xml; then styles(palette) gives the cell styles by index. */
export class StylesReader implements XmlHandler {
  private section = "";
  private readonly numFmts = new Map<number, string>();
  private readonly fills: RawFill[] = [];
  private fill: RawFill | null = null;
  private stop: { color?: ExcelColor } | null = null;
  private readonly xfs: Array<{ numFmtId: number; fillId: number }> = [];
  /** Depth inside <cellXfs>: only its direct <xf> children are cell styles. */
  private xfDepth = 0;

  open(name: string, attrs: Record<string, string>): void {
    switch (this.section) {
      case "":
        if (name === "numFmts" || name === "fills" || name === "cellXfs") this.section = name;
        return;
      case "numFmts":
        if (name === "numFmt" && this.numFmts.size < MAX_STYLE_RECORDS)
          this.numFmts.set(parseInt(attrs.numFmtId ?? "", 10), unescapeFormat(attrs.formatCode ?? ""));
        return;
      case "fills":
        this.openFill(name, attrs);
        return;
      case "cellXfs":
        if (++this.xfDepth === 1 && name === "xf" && this.xfs.length < MAX_STYLE_RECORDS)
          this.xfs.push({ numFmtId: parseInt(attrs.numFmtId ?? "", 10), fillId: parseInt(attrs.fillId ?? "", 10) });
        return;
    }
  }

  private openFill(name: string, attrs: Record<string, string>): void {
    if (name === "fill") {
      // Past the limit a fill is read but not kept: the styles that name it get none.
      this.fill = {};
      if (this.fills.length < MAX_STYLE_RECORDS) this.fills.push(this.fill);
      return;
    }
    const f = this.fill;
    if (!f) return;
    if (name === "patternFill") {
      f.type = "pattern";
      f.pattern = attrs.patternType;
      delete f.stops;
    } else if (name === "gradientFill") {
      f.type = "gradient";
      f.stops = [];
    } else if ((name === "fgColor" || name === "bgColor") && f.type === "pattern") {
      const c = colorOf(attrs);
      if (c) f[name] = c;
    } else if (name === "stop" && f.stops) {
      this.stop = {};
      f.stops.push(this.stop);
    } else if (name === "color" && this.stop) {
      this.stop.color = colorOf(attrs);
    }
  }

  close(name: string): void {
    if (this.section === "cellXfs") {
      if (this.xfDepth === 0) this.section = "";
      else this.xfDepth--;
    } else if (name === this.section) this.section = "";
    else if (name === "stop") this.stop = null;
    else if (name === "fill") this.fill = null;
  }

  /** The cell styles, by cellXfs index; null where the index names no style. */
  styles(palette: ThemePalette): CellStyle[] {
    const fillHex = this.fills.map((f) => fillToHex(f, palette));
    const dateMemo = new Map<string, boolean>();
    return this.xfs.map(({ numFmtId, fillId }) => {
      const style: CellStyle = { hasFill: false, fill: null, isDate: false };
      if (numFmtId) {
        const code = this.numFmts.get(numFmtId) || BUILTIN_NUM_FMTS[numFmtId];
        if (code) {
          style.numFmt = code;
          let d = dateMemo.get(code);
          if (d === undefined) dateMemo.set(code, (d = isDateFormat(code)));
          style.isDate = d;
        }
      }
      if (fillId >= 0 && fillId < this.fills.length) {
        style.hasFill = true;
        style.fill = fillHex[fillId]!;
      }
      return style;
    });
  }
}
