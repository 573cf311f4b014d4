/**
 * Applies a write plan to a COPY by patching the original package: the touched worksheets change
 * only at the written cells, styles.xml gains the records the writes need, new sheets are added
 * with their relationships and content types, and every other entry of the zip (charts, pivots,
 * macros, custom XML, properties, other sheets) is carried over byte for byte. Every write is
 * checked before anything is built; the input bytes are never modified. See docs/XLSX-HOST.md.
 */
import { PegError, isPegError } from "../../domain/errors";
import { MAX_COLS, MAX_ROWS, parseA1 } from "../../sheets/grid";
import { freeSheetName, type WritePlan } from "../../sheets/write-plan";
import { fileErrors } from "../../strings/it";
import { MAX_UNZIPPED_BYTES, formatBytes } from "./limits";
import {
  addSheets,
  dropPart,
  readRels,
  readWorkbook,
  relsPartOf,
  STYLES_CT,
  STYLES_TYPE,
  withFullCalcOnLoad,
  insertBeforeClose,
  type NewSheet,
  type SheetRef,
} from "./patch/package";
import { Parts } from "./patch/parts";
import { patchSheet, type CellEdit } from "./patch/sheet";
import { MINIMAL_STYLES, StylesPatch } from "./patch/styles";
import { escText } from "./patch/xml";
import { ZipFormatError, ZipTooBigError } from "./patch/zip";
import { asBytes, checkWorkbookBytes } from "./sniff";
import { quoteSheet, sheetXml } from "./spec-writer";
import { applyPlanToOtherFormat } from "../formats";

export interface ApplyOptions {
  /** The name the user knows the file by, for messages. */
  fileName?: string;
  /** Size limit in bytes (default MAX_FILE_BYTES). */
  maxBytes?: number;
  /** Limit on the uncompressed bytes read from the parts (default MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes?: number;
}

const CALC_CHAIN_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";
const OFFICE_DOCUMENT = "/officeDocument";

export async function applyPlanToCopy(data: Uint8Array | ArrayBuffer, plan: WritePlan, opts: ApplyOptions = {}): Promise<Uint8Array> {
  await Promise.resolve(); // callers await a promise; the work itself is synchronous
  const bytes = asBytes(data);
  const f = opts.fileName ?? "Il file";
  const limit = opts.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES;
  // .ods and .xls copies have their own writers (src/hosts/formats.ts).
  const other = applyPlanToOtherFormat(bytes, plan, opts);
  if (other) return other;
  checkWorkbookBytes(bytes, opts);
  try {
    return patchPackage(bytes, plan, limit);
  } catch (e) {
    if (isPegError(e)) throw e;
    if (e instanceof ZipTooBigError) throw new PegError(fileErrors.tooBigUnzipped(f, formatBytes(e.inflated), formatBytes(limit)));
    if (e instanceof ZipFormatError) throw new PegError(fileErrors.unreadableWorkbook(f));
    throw new PegError(fileErrors.writeFailed);
  }
}

function patchPackage(bytes: Uint8Array, plan: WritePlan, limit: number): Uint8Array {
  const parts = new Parts(bytes, limit);
  const rootRels = parts.text("_rels/.rels");
  const wbPart = (rootRels && readRels(rootRels, "").find((r) => r.type.endsWith(OFFICE_DOCUMENT))?.part) || "xl/workbook.xml";
  const wbRelsPart = relsPartOf(wbPart);
  let workbookXml = parts.text(wbPart);
  let relsXml = parts.text(wbRelsPart);
  if (workbookXml === null || relsXml === null) throw new ZipFormatError("no workbook");
  const originalWorkbook = workbookXml;
  const wb = readWorkbook(workbookXml, relsXml, wbPart);
  const bySheet = resolveTargets(wb.sheets, plan); // throws before anything is built
  if (plan.writes.length === 0 && plan.newSheets.length === 0) return bytes.slice();

  let contentTypes: string | null = null;
  let originalTypes: string | null = null;
  const ct = (): string => (contentTypes ??= originalTypes = parts.text("[Content_Types].xml") ?? fail("no content types"));
  let styles: StylesPatch | null = null;
  let stylesPart = wb.rels.find((r) => r.type === STYLES_TYPE)?.part ?? null;
  const getStyles = (): StylesPatch => {
    if (styles) return styles;
    const xml = stylesPart ? parts.text(stylesPart) : null;
    styles = new StylesPatch(xml ?? MINIMAL_STYLES);
    return styles;
  };

  let replacedFormula = false;
  for (const [sheet, edits] of bySheet) {
    const xml = parts.text(sheet.part);
    if (xml === null) throw new ZipFormatError("missing sheet part");
    const out = patchSheet(xml, edits, { styles: getStyles, date1904: wb.date1904 });
    replacedFormula ||= out.replacedFormula;
    parts.setText(sheet.part, out.xml);
  }

  if (plan.newSheets.length) {
    const taken = [...wb.allNames];
    const added: NewSheet[] = [];
    let n = 1;
    const sink = getStyles().specSink();
    for (const spec of plan.newSheets) {
      const name = freeSheetName(spec.name, taken);
      taken.push(name);
      while (parts.has(`xl/worksheets/sheet${n}.xml`)) n++;
      const part = `xl/worksheets/sheet${n}.xml`;
      const { xml, filterRef } = sheetXml(
        spec,
        sink,
        (t) => ` t="inlineStr"><is><t xml:space="preserve">${escText(t)}</t></is>`,
        wb.date1904,
      );
      parts.setText(part, xml);
      added.push({ name, part, filterRef });
    }
    const edits = addSheets(workbookXml, relsXml, ct(), wb.allNames.length, wbPart, added, quoteSheet);
    workbookXml = edits.workbookXml;
    relsXml = edits.relsXml;
    contentTypes = edits.contentTypesXml;
  }

  if (styles && (styles as StylesPatch).changed) {
    if (!stylesPart) {
      stylesPart = "xl/styles.xml";
      relsXml = insertBeforeClose(relsXml, "Relationships", `<Relationship Id="rIdPegStyles" Type="${STYLES_TYPE}" Target="styles.xml"/>`);
      contentTypes = insertBeforeClose(ct(), "Types", `<Override PartName="/xl/styles.xml" ContentType="${STYLES_CT}"/>`);
    }
    parts.setText(stylesPart, (styles as StylesPatch).toXml());
  }

  // A value written over a formula leaves the calculation chain naming a cell without one: Excel
  // rebuilds the chain when it is missing, and would repair the file otherwise.
  const chain = wb.rels.find((r) => r.type === CALC_CHAIN_TYPE);
  if (replacedFormula && chain) {
    parts.drop(chain.part);
    const d = dropPart(relsXml, ct(), chain.part, wbPart);
    relsXml = d.relsXml;
    contentTypes = d.contentTypesXml;
  }
  // Formulas that depend on the written cells show their new results when the copy is opened.
  if (plan.writes.some((w) => w.value !== undefined)) workbookXml = withFullCalcOnLoad(workbookXml);

  if (workbookXml !== originalWorkbook) parts.setText(wbPart, workbookXml);
  if (relsXml !== wb.relsXml) parts.setText(wbRelsPart, relsXml);
  if (contentTypes !== null && contentTypes !== originalTypes) parts.setText("[Content_Types].xml", contentTypes);
  return parts.toBytes();
}

function fail(what: string): never {
  throw new ZipFormatError(what);
}

/** Every write's sheet and cell, grouped by sheet, or a PegError naming the first that does not exist. */
function resolveTargets(sheets: SheetRef[], plan: WritePlan): Map<SheetRef, CellEdit[]> {
  const byName = new Map<string, SheetRef>();
  const byLower = new Map<string, SheetRef>();
  for (const s of sheets) {
    byName.set(s.name, s);
    if (!byLower.has(s.name.toLowerCase())) byLower.set(s.name.toLowerCase(), s);
  }
  const out = new Map<SheetRef, CellEdit[]>();
  for (const write of plan.writes) {
    // Excel compares sheet names without regard to case.
    const sheet = byName.get(write.foglio) ?? byLower.get(write.foglio.toLowerCase());
    if (!sheet) throw new PegError(fileErrors.writeSheetMissing(write.foglio));
    let pos: { r: number; c: number };
    try {
      pos = parseA1(write.cella);
    } catch {
      throw new PegError(fileErrors.writeBadCell(write.foglio, write.cella));
    }
    if (pos.r < 0 || pos.r >= MAX_ROWS || pos.c < 0 || pos.c >= MAX_COLS)
      throw new PegError(fileErrors.writeBadCell(write.foglio, write.cella));
    let list = out.get(sheet);
    if (!list) out.set(sheet, (list = []));
    list.push({ r: pos.r, c: pos.c, value: write.value, fill: write.fill, fmt: write.fmt });
  }
  return out;
}
