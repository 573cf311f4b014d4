/**
 * The one place that imports ExcelJS, so Node and the browser bundle share every other file.
 *
 * Node resolves the package's "main" (lib/exceljs.nodejs.js). Vite, building for the browser,
 * resolves its "browser" field, the prebuilt dist/exceljs.min.js, which carries its own zip,
 * stream and Buffer polyfills; so no Vite alias or Node polyfill plugin is needed. Browser code
 * imports this host with a dynamic import(), so ExcelJS (about 1 MB) lands in a chunk of its own
 * and is fetched only when a workbook is opened. See docs/XLSX-HOST.md.
 */
import ExcelJSDefault from "exceljs";
import type * as ExcelJSTypes from "exceljs";

// The typings declare named exports only; at run time both builds give one CommonJS object.
const ExcelJS = ExcelJSDefault as unknown as typeof ExcelJSTypes;
export default ExcelJS;

export type { Workbook, Worksheet, Cell, CellValue, Fill, FillPattern, Color, Style, Borders, Alignment } from "exceljs";
