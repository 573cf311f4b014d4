/**
 * Size limit for an input workbook. A PEG workbook of a whole ente (hundreds of schede, a few
 * images) stays well under 10 MB; 25 MB leaves room while keeping ExcelJS, which holds the
 * whole workbook in memory (about 10–20× the file size), inside a browser tab's budget.
 */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * Limit on the workbook's parts once uncompressed. Sheet XML compresses 10–20×, so a genuine
 * 25 MB workbook stays under it; past it ExcelJS (which inflates each part into one string)
 * would exhaust memory rather than fail cleanly.
 */
export const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;

/** "25 MB": the limit as people read it. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1).replace(".", ",")} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} byte`;
}

/**
 * Limits counted while inflating (the directory's sizes are only claims): on one part, and on
 * all the parts the reader reads (sheets, strings, styles: not images). A genuine sheet past
 * 64 MB of XML holds millions of cells, which the cell limits below refuse anyway; the total
 * bounds the time a file can cost, whatever its sheets repeat.
 */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
export const MAX_READ_BYTES = 160 * 1024 * 1024;

/**
 * Cells kept per sheet and in the whole workbook. A scheda holds a few hundred cells and the
 * largest ente's workbook (200 schede) about 55,000: these leave a margin of 10–20× while
 * keeping the grid (about 150 bytes a cell) well inside a browser tab's memory.
 */
export const MAX_CELLS_PER_SHEET = 500_000;
export const MAX_CELLS_TOTAL = 1_000_000;

/** <c> elements read per sheet, kept or not (a sheet of empty styled cells costs time too). */
export const MAX_CELL_ELEMENTS_PER_SHEET = 1_000_000;

/** Merged ranges per sheet: a scheda has dozens; 50,000 is a sheet no person drew by hand. */
export const MAX_MERGES_PER_SHEET = 50_000;

/** Steps spent laying merged ranges over the cells of one sheet (each row of a range with cells costs one). */
export const MAX_MERGE_STEPS_PER_SHEET = 20_000_000;

/** Excel's own limit on a formula's text; longer text is no formula Excel wrote. */
export const MAX_FORMULA_CHARS = 8_192;

/** Characters of shared formulas translated per sheet (a long master copied to many cells). */
export const MAX_FORMULA_WORK_PER_SHEET = 5_000_000;

/** Styles, fills and number formats kept from styles.xml (Excel allows about 64,000 styles). */
export const MAX_STYLE_RECORDS = 65_536;
