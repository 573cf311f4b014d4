/**
 * Excel colours → "#RRGGBB". A fill may name its colour as ARGB, as a theme slot with a tint,
 * or as an index into the legacy 64-colour palette; all three must count as a fill, and a
 * theme colour should come out as the colour the user sees.
 */

import { OFFICE_THEME, readThemePalette, type ThemePalette } from "./read/theme";

export { OFFICE_THEME, type ThemePalette };

/** The legacy indexed palette (styles.xml may override it; ExcelJS does not expose that). */
// prettier-ignore
export const INDEXED_PALETTE: readonly string[] = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
  "000000", // 64: system foreground
  "FFFFFF", // 65: system background
];

export interface ExcelColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** "#RRGGBB" for an ExcelJS colour, or null when it names no colour. */
export function colorToHex(c: ExcelColor | undefined, theme: ThemePalette = OFFICE_THEME): string | null {
  if (!c) return null;
  let rgb: string | null = null;
  if (typeof c.argb === "string" && /^[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(c.argb)) {
    rgb = c.argb.length === 8 ? c.argb.slice(2) : c.argb;
  } else if (typeof c.theme === "number") {
    rgb = theme[c.theme] ?? OFFICE_THEME[c.theme] ?? null;
  } else if (typeof c.indexed === "number") {
    rgb = INDEXED_PALETTE[c.indexed] ?? null;
  }
  if (!rgb) return null;
  if (typeof c.tint === "number" && c.tint !== 0) rgb = applyTint(rgb, c.tint);
  return `#${rgb.toUpperCase()}`;
}

/**
 * Excel's tint: lighten (tint > 0) or darken (tint < 0) the HSL luminance, as ECMA-376
 * §18.8.19 describes. Fill palettes use ±0.2 … ±0.8.
 */
export function applyTint(rgb: string, tint: number): string {
  const r = parseInt(rgb.slice(0, 2), 16) / 255;
  const g = parseInt(rgb.slice(2, 4), 16) / 255;
  const b = parseInt(rgb.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const [nr, ng, nb] = hslToRgb(h, s, Math.min(1, Math.max(0, l)));
  return [nr, ng, nb]
    .map((x) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase();
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  if (s === 0) return [l, l, l];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number): number => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [hue(h + 1 / 3), hue(h), hue(h - 1 / 3)];
}

/**
 * The workbook's own theme colours, read from theme1.xml, in fill index order; the Office
 * default when the part is missing or unreadable. One streaming pass: no regex over the part
 * (a part of 300,000 unclosed <a:clrScheme> froze the old pattern).
 */
export function themePalette(themeXml: string | undefined): ThemePalette {
  return readThemePalette(themeXml);
}
