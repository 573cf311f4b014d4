/**
 * The engine as the Office pane and commands use it, in one module loaded lazily (dynamic
 * import): the pane's first download stays small. ExcelJS comes in only for "consolidate files
 * picked from disk", through the xlsx host.
 */
export * from "../../app/engine";
export { loadWorkbookGrid } from "../xlsx/load";
export { markAreas } from "./mark-areas";
