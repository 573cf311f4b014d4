/**
 * The in-cell bar chart: a heading, then per data row the category and a REPT("█") bar. New
 * workbooks get a real DrawingML chart (./chart-part.ts); the in-cell bars remain only where no
 * chart part can be added: a sheet written into an existing workbook (renderSheetSpec, the copy).
 */

/** Widest bar of the in-cell chart, in "█" characters. */
export const CHART_BAR_WIDTH = 30;
/** Heading written above the in-cell chart. */
export const CHART_HEADING = "Grafico";
