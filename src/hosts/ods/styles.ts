/**
 * The parts of OpenDocument styles the grid needs: a cell style's background colour (a fill-only
 * cronoprogramma mark counts) and its data style as an Excel-like number format ("0%", "0.00",
 * "dd/mm/yyyy"), following parent styles. Fed element by element by the content and styles readers.
 */

interface CellStyle {
  parent: string | null;
  dataStyle: string | null;
  /** "#RRGGBB", "" for an explicit "transparent", undefined when the style says nothing. */
  bg: string | undefined;
}

export interface ResolvedStyle {
  fill: string | null;
  fmt: string | undefined;
}

type Attrs = Record<string, string>;

export class OdsStyles {
  private cells = new Map<string, CellStyle>();
  private formats = new Map<string, string>();
  private hiddenTables = new Set<string>();
  private resolved = new Map<string, ResolvedStyle>();
  // The data style being read.
  private fmtName: string | null = null;
  private fmtKind = "";
  private fmtParts: string[] = [];
  private cellName: string | null = null;
  private tableName: string | null = null;

  /** An opening tag inside office:styles or office:automatic-styles. */
  open(name: string, a: Attrs): void {
    switch (name) {
      case "style:style": {
        const family = a["style:family"];
        this.cellName = null;
        this.tableName = null;
        if (family === "table-cell") {
          this.cellName = a["style:name"] ?? null;
          if (this.cellName)
            this.cells.set(this.cellName, {
              parent: a["style:parent-style-name"] ?? null,
              dataStyle: a["style:data-style-name"] ?? null,
              bg: undefined,
            });
        } else if (family === "table") this.tableName = a["style:name"] ?? null;
        break;
      }
      case "style:default-style":
        this.cellName = a["style:family"] === "table-cell" ? "\u0000default" : null;
        if (this.cellName) this.cells.set(this.cellName, { parent: null, dataStyle: null, bg: undefined });
        break;
      case "style:table-cell-properties": {
        const s = this.cellName ? this.cells.get(this.cellName) : undefined;
        const bg = a["fo:background-color"];
        if (s && bg !== undefined) s.bg = /^#[0-9a-f]{6}$/i.test(bg) ? bg.toUpperCase() : "";
        break;
      }
      case "style:table-properties":
        if (this.tableName && a["table:display"] === "false") this.hiddenTables.add(this.tableName);
        break;
      case "number:number-style":
      case "number:percentage-style":
      case "number:currency-style":
      case "number:date-style":
      case "number:time-style":
        this.fmtName = a["style:name"] ?? null;
        this.fmtKind = name;
        this.fmtParts = [];
        break;
      case "number:number": {
        if (!this.fmtName) break;
        const dec = Number(a["number:decimal-places"] ?? "0");
        this.fmtParts.push(dec > 0 && dec < 31 ? `0.${"0".repeat(dec)}` : "0");
        break;
      }
      case "number:day":
        if (this.fmtName) this.fmtParts.push(a["number:style"] === "long" ? "dd" : "d");
        break;
      case "number:month":
        if (this.fmtName)
          this.fmtParts.push(
            a["number:textual"] === "true" ? (a["number:style"] === "long" ? "mmmm" : "mmm") : a["number:style"] === "long" ? "mm" : "m",
          );
        break;
      case "number:year":
        if (this.fmtName) this.fmtParts.push(a["number:style"] === "long" ? "yyyy" : "yy");
        break;
      case "number:hours":
        if (this.fmtName) this.fmtParts.push("hh");
        break;
      case "number:minutes":
        if (this.fmtName) this.fmtParts.push(":mm");
        break;
    }
  }

  /** Text inside a data style (the separators of a date). */
  text(t: string, inNumberText: boolean): void {
    if (this.fmtName && inNumberText && this.fmtKind === "number:date-style") this.fmtParts.push(t.replace(/"/g, ""));
  }

  close(name: string): void {
    if (name === this.fmtKind && this.fmtName) {
      let fmt = this.fmtParts.join("");
      if (this.fmtKind === "number:percentage-style") fmt = `${this.fmtParts[0] ?? "0"}%`;
      else if (this.fmtKind === "number:number-style" || this.fmtKind === "number:currency-style") fmt = this.fmtParts[0] ?? "0";
      else if (this.fmtKind === "number:date-style" && !/[dmy]/.test(fmt)) fmt = "dd/mm/yyyy";
      this.formats.set(this.fmtName, fmt);
      this.fmtName = null;
      this.fmtKind = "";
    }
    if (name === "style:style" || name === "style:default-style") {
      this.cellName = null;
      this.tableName = null;
    }
  }

  isHiddenTable(styleName: string | undefined): boolean {
    return !!styleName && this.hiddenTables.has(styleName);
  }

  /** Fill and format of a cell style, parents followed (a cycle or a missing parent ends the walk). */
  resolve(name: string | undefined): ResolvedStyle {
    const key = name ?? "\u0000default";
    const hit = this.resolved.get(key);
    if (hit) return hit;
    let bg: string | undefined;
    let dataStyle: string | null = null;
    const seen = new Set<string>();
    let cur: string | null = key;
    while (cur && !seen.has(cur) && seen.size < 32) {
      seen.add(cur);
      const s = this.cells.get(cur);
      if (!s) break;
      if (bg === undefined && s.bg !== undefined) bg = s.bg;
      if (!dataStyle && s.dataStyle) dataStyle = s.dataStyle;
      cur = s.parent ?? (cur === "\u0000default" ? null : "\u0000default");
    }
    const out: ResolvedStyle = { fill: bg ? bg : null, fmt: dataStyle ? this.formats.get(dataStyle) : undefined };
    this.resolved.set(key, out);
    return out;
  }
}
