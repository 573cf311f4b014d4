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
