/**
 * xl/sharedStrings.xml → the text of each shared string. Rich text becomes its plain text (the
 * runs joined); phonetic runs (<rPh>) are not part of the text; "_x000D_" escapes are decoded.
 */
import type { XmlHandler } from "./xml";

/** Excel's escape for characters XML cannot carry: "_x000D_" → "\r" (upper-case hex, as Excel writes it). */
export function decodeEscapes(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Excel's own limit on the text of one cell; longer text is cut there (see docs/XLSX-HOST.md). */
export const MAX_CELL_TEXT = 32_767;

/** A string as stored: plain text, rich text runs, or nothing (an empty <si/>). */
export type SharedString = string | { runs: string[] } | null;

/** The plain text of a shared string, or null for an empty one. */
export function sharedText(s: SharedString | undefined): string | null {
  if (s === null || s === undefined) return null;
  if (typeof s === "string") return s;
  return s.runs.join("");
}

export class SharedStringsReader implements XmlHandler {
  readonly strings: SharedString[] = [];
  private current: SharedString = null;
  private inSi = false;
  /** 1 inside a <t> of the <si> itself, 2 inside a run's <t>; 0 elsewhere (rPh, rPr…). */
  private where = 0;
  private inRun = false;
  private inPhonetic = false;
  private buf: string[] = [];
  private size = 0;

  open(name: string): void {
    if (name === "si") {
      this.inSi = true;
      this.current = null;
      return;
    }
    if (!this.inSi) return;
    if (name === "rPh") this.inPhonetic = true;
    else if (name === "r" && !this.inPhonetic) this.inRun = true;
    else if (name === "t" && !this.inPhonetic) {
      this.where = this.inRun ? 2 : 1;
      this.buf = [];
      this.size = 0;
    }
  }

  text(t: string): void {
    if (this.where === 0 || this.size > MAX_CELL_TEXT) return;
    this.buf.push(t);
    this.size += t.length;
  }

  close(name: string): void {
    if (!this.inSi) return;
    if (name === "t" && this.where !== 0) {
      let t = decodeEscapes(this.buf.join(""));
      if (t.length > MAX_CELL_TEXT) t = JSON.parse(JSON.stringify(t.slice(0, MAX_CELL_TEXT))) as string; // a copy: the slice would keep the original alive
      if (this.where === 1) this.current = t;
      else {
        if (this.current === null || typeof this.current === "string") this.current = { runs: [] };
        this.current.runs.push(t);
      }
      this.where = 0;
    } else if (name === "r") this.inRun = false;
    else if (name === "rPh") this.inPhonetic = false;
    else if (name === "si") {
      this.strings.push(this.current);
      this.inSi = false;
    }
  }
}
