/**
 * A new sheet described neutrally, so that the ExcelJS host and the Office.js host lay it out
 * the same way: values, formats, merges, widths, frozen panes, filters, and an optional chart.
 * Rows and columns are 0-based.
 */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font colour "#RRGGBB". */
  color?: string;
  /** Solid fill "#RRGGBB". */
  fill?: string;
  fmt?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  border?: boolean;
  fontSize?: number;
}

export interface SpecCell {
  r: number;
  c: number;
  /**
   * The value. Strings are ALWAYS written as text, never parsed as formulas: text copied from
   * another workbook that starts with "=", "+", "-" or "@" must stay text (spec §6).
   */
  v: string | number | boolean | Date | null;
  style?: CellStyle;
}

export interface SpecChart {
  kind: "bar";
  title: string;
  /** 0-based inclusive rows of the data, in the given columns. */
  categoriesCol: number;
  valuesCol: number;
  firstRow: number;
  lastRow: number;
  /** Where to anchor the chart (top-left cell). */
  anchorRow: number;
  anchorCol: number;
}

export interface SheetSpec {
  /** Wanted name; the host adds a suffix when it is taken. */
  name: string;
  cells: SpecCell[];
  merges?: Array<{ r1: number; c1: number; r2: number; c2: number }>;
  /** Column widths in characters, by 0-based column. */
  widths?: number[];
  /** Row heights in points, by 0-based row; rows not listed keep the default height. */
  heights?: Record<number, number>;
  /** Freeze rows above / columns left of this cell. */
  freeze?: { rows: number; cols: number };
  /** Autofilter over this 0-based inclusive range. */
  filter?: { r1: number; c1: number; r2: number; c2: number };
  /** Data validations by 0-based inclusive range: a list of allowed values. */
  validations?: Array<{ r1: number; c1: number; r2: number; c2: number; list: string[] }>;
  chart?: SpecChart;
  /** Page set-up hint: landscape, fit to one page wide. */
  print?: { landscape: boolean; fitToWidth: boolean };
}
