/**
 * The theme's colour scheme (xl/theme/theme1.xml) → the palette fills refer to by index.
 * Read with the streaming XML parser: one pass, whatever the part holds.
 */
import { XmlStream, type XmlHandler } from "./xml";

/** Theme slots in the order fills refer to them. */
export type ThemePalette = readonly string[];

/** Office 2013+ default theme ("Office"), in fill index order: lt1 dk1 lt2 dk2 accent1–6 hlink folHlink. */
export const OFFICE_THEME: ThemePalette = [
  "FFFFFF",
  "000000",
  "E7E6E6",
  "44546A",
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "0563C1",
  "954F72",
];

/** Scheme slots in fill index order (Excel swaps dk/lt: 0 = lt1, 1 = dk1, 2 = lt2, 3 = dk2). */
const ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];
const HEX6 = /^[0-9A-Fa-f]{6}$/;

/** Collects the first complete <clrScheme>; write() the part's text, then palette(). */
export class ThemeReader implements XmlHandler {
  private inScheme = false;
  private done = false;
  private slot: string | null = null;
  private readonly srgb = new Map<string, string>();
  private readonly sys = new Map<string, string>();
  private readonly xml = new XmlStream(this);

  open(name: string, attrs: Record<string, string>): void {
    if (this.done) return;
    if (!this.inScheme) {
      if (name === "clrScheme") this.inScheme = true;
      return;
    }
    if (this.slot === null) {
      this.slot = name;
      return;
    }
    const slot = this.slot;
    if (name === "srgbClr" && !this.srgb.has(slot) && HEX6.test(attrs.val ?? "")) this.srgb.set(slot, attrs.val!.toUpperCase());
    else if (name === "sysClr" && !this.sys.has(slot) && HEX6.test(attrs.lastClr ?? "")) this.sys.set(slot, attrs.lastClr!.toUpperCase());
  }

  close(name: string): void {
    if (this.done || !this.inScheme) return;
    if (name === "clrScheme" && this.slot === null) this.done = true;
    else if (name === this.slot) this.slot = null;
  }

  write(text: string): void {
    this.xml.write(text);
  }

  end(): void {
    this.xml.end();
  }

  /** The palette; the Office default for any slot the scheme does not give, or when there is no scheme. */
  palette(): ThemePalette {
    if (!this.done) return OFFICE_THEME;
    return ORDER.map((n, i) => this.srgb.get(n) ?? this.sys.get(n) ?? OFFICE_THEME[i]!);
  }
}

/** The palette of a theme part given whole; the Office default when it is missing or malformed. */
export function readThemePalette(xml: string | undefined): ThemePalette {
  if (!xml) return OFFICE_THEME;
  const reader = new ThemeReader();
  try {
    reader.write(xml);
    reader.end();
  } catch {
    return OFFICE_THEME;
  }
  return reader.palette();
}
