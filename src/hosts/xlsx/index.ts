/**
 * The xlsx host (ExcelJS): workbook bytes in, grids and new bytes out. Safe for the browser:
 * nothing here touches the file system (Node file helpers live in ./node-files).
 */
export { loadWorkbookGrid, loadExcelJs, esercizioHint, type LoadedWorkbook, type LoadOptions } from "./load";
export { applyPlanToCopy, type ApplyOptions } from "./apply";
export { cutTextNotes, needsTextPrefix, MAX_CELL_CHARS } from "./patch/text";
export { renderSheetSpec, workbookFromSpecs, CHART_HEADING, CHART_BAR_WIDTH } from "./render";
export { checkWorkbookBytes } from "./sniff";
export { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, formatBytes } from "./limits";
