/** The in-cell bar chart that stands in for a real chart in files written outside Excel. */

/** Widest bar of the in-cell chart, in "█" characters. */
export const CHART_BAR_WIDTH = 30;
/** Heading written above the in-cell chart (ExcelJS cannot write real charts). */
export const CHART_HEADING = "Grafico";
