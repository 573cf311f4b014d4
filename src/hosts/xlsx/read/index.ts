/**
 * The streaming .xlsx reader: package bytes → WorkbookGrid, in one pass per part, with memory
 * bounded by the limits in ../limits.ts whatever the file claims. Runs in Node and in the browser.
 * Every failure is a PegError in Italian (src/strings/it.ts), never a library's exception.
 */
import { PegError, isPegError } from "../../../domain/errors";
import type { WorkbookGrid } from "../../../sheets/grid";
import { fileErrors } from "../../../strings/it";
import { MAX_PART_BYTES, MAX_READ_BYTES, MAX_UNZIPPED_BYTES, formatBytes } from "../limits";
import { SheetReader, type SheetContext } from "./sheet";
import { SharedStringsReader, type SharedString } from "./shared-strings";
import { StylesReader } from "./styles";
import { ThemeReader } from "./theme";
import { CoreReader, RelsReader, WorkbookReader } from "./workbook";
import { XmlError, XmlStream, type XmlHandler } from "./xml";
import { InflateBudget, InflateLimitError, ZipError, entryText, readZipDirectory, type ZipDirectory } from "./zip";

export interface ReadOptions {
  fileName?: string;
  /** Limit on the inflated bytes of all parts together (default MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes?: number;
  /** Limits on kept cells and merges (tests inject small ones). */
  limits?: SheetContext["limits"];
}

export interface ReadWorkbook {
  grid: WorkbookGrid;
  /** docProps/core.xml's title, if any. */
  title?: string;
}

/** Parses one entry through `handler`, streaming; false when the entry is missing. */
function parsePart(bytes: Uint8Array, dir: ZipDirectory, name: string, budget: InflateBudget, handler: XmlHandler): boolean {
  const entry = dir.byName.get(name);
  if (!entry) return false;
  const xml = new XmlStream(handler);
  entryText(bytes, entry, budget, (t) => xml.write(t));
  xml.end();
  return true;
}

/** Reads the workbook; the bytes must already have passed checkWorkbookBytes (../sniff.ts). */
export function readXlsx(bytes: Uint8Array, opts: ReadOptions = {}): ReadWorkbook {
  const f = opts.fileName ?? "Il file";
  const total = Math.min(opts.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES, MAX_READ_BYTES);
  const budget = new InflateBudget(total, Math.min(total, MAX_PART_BYTES));
  try {
    const dir = readZipDirectory(bytes);
    if (!dir) throw new PegError(fileErrors.truncated(f));
    const workbook = new WorkbookReader();
    if (!parsePart(bytes, dir, "xl/workbook.xml", budget, workbook)) throw new PegError(fileErrors.zipNotWorkbook(f));
    const rels = new RelsReader("xl/");
    parsePart(bytes, dir, "xl/_rels/workbook.xml.rels", budget, rels);

    const strings = new SharedStringsReader();
    const ssPath = dir.byName.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : rels.ofType("sharedStrings")?.path;
    if (ssPath) parsePart(bytes, dir, ssPath, budget, strings);

    const theme = new ThemeReader();
    const themePath = dir.byName.has("xl/theme/theme1.xml") ? "xl/theme/theme1.xml" : rels.ofType("theme")?.path;
    const themeEntry = themePath ? dir.byName.get(themePath) : undefined;
    let palette = theme.palette();
    if (themeEntry) {
      try {
        entryText(bytes, themeEntry, budget, (t) => theme.write(t));
        theme.end();
        palette = theme.palette();
      } catch (e) {
        if (!(e instanceof XmlError)) throw e; // a malformed theme only costs its colours
      }
    }

    const stylesReader = new StylesReader();
    const stylesPath = dir.byName.has("xl/styles.xml") ? "xl/styles.xml" : rels.ofType("styles")?.path;
    if (stylesPath) parsePart(bytes, dir, stylesPath, budget, stylesReader);
    const styles = stylesReader.styles(palette);

    const core = new CoreReader();
    parsePart(bytes, dir, "docProps/core.xml", budget, core);

    const ctx: SheetContext = {
      fileName: f,
      styles,
      strings: strings.strings as SharedString[],
      date1904: workbook.date1904,
      cellsSoFar: 0,
      limits: opts.limits,
    };
    const sheets = [];
    for (let i = 0; i < workbook.sheets.length; i++) {
      const s = workbook.sheets[i]!;
      const rel = rels.byId.get(s.rId);
      // Chart sheets and dialog sheets are not worksheets; a sheet without its relationship is
      // looked for where Excel puts it.
      if (rel && !rel.type.endsWith("/worksheet")) continue;
      const path = rel ? rel.path : `xl/worksheets/sheet${i + 1}.xml`;
      const reader = new SheetReader(s.name, s.visibility, ctx);
      if (!parsePart(bytes, dir, path, budget, reader)) continue;
      sheets.push(reader.finish());
    }
    if (sheets.length === 0) throw new PegError(fileErrors.noWorksheets(f));
    return core.title === undefined ? { grid: { sheets } } : { grid: { sheets }, title: core.title };
  } catch (e) {
    if (isPegError(e)) throw e;
    if (e instanceof InflateLimitError)
      throw new PegError(fileErrors.tooBigUnzipped(f, `più di ${formatBytes(e.limit)}`, formatBytes(e.limit)));
    if (e instanceof ZipError && e.kind === "truncated") throw new PegError(fileErrors.truncated(f));
    throw new PegError(fileErrors.unreadableWorkbook(f));
  }
}
