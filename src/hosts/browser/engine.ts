/**
 * Everything heavy the browser preview needs (the engine and the ExcelJS host), in one module
 * that is imported lazily: the page's first download stays small and ExcelJS arrives only when a
 * workbook is opened.
 */
export * from "../../app/engine";
export { loadWorkbookGrid } from "../xlsx/load";
export { applyPlanToCopy } from "../xlsx/apply";
export { workbookFromSpecs } from "../xlsx/render";
