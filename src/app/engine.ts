/**
 * The engine as the pane and the ribbon use it, in one module loaded lazily (dynamic import) by
 * the session: the pane's first download stays small. Hosts add what they need on top (the
 * ExcelJS reader for files picked from disk) in their own engine module.
 */
export * from "./operations";
export * from "./consolidation";
export * from "./profilo";
export { verifica } from "../sheets/verifica";
export { consolidationSheets } from "../sheets/layout-consolidation";
export { conConfronto } from "../sheets/consolidation/confronto";
// Settings parsing needs zod: it travels with this chunk, not the pane's first download.
export { loadSettings, DEFAULT_SETTINGS } from "../domain/settings";
