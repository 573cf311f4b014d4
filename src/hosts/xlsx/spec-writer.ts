/**
 * SheetSpecs → a new .xlsx, written directly as SpreadsheetML. New workbooks (the riepilogo of a
 * consolidation, `peg modello`) need nothing of ExcelJS's object model, and building it costs
 * several times more than the XML itself: a 35,000-cell riepilogo takes a fraction of the time.
 * Same output as renderSheetSpec (src/hosts/xlsx/render.ts), which remains the way to add a sheet
 * to an existing workbook. Strings are always text cells: nothing here writes a formula from
 * a spec's text (spec §6); the only formulas are the in-cell chart's own REPT bars. Text that
 * Excel would turn into a formula or a number when retyped carries the text prefix (quotePrefix),
 * and text over Excel's 32,767 characters is cut (patch/text.ts). The copy of a user's workbook
 * (patch/) writes its new sheets with sheetXml too, with its own style and string sinks.
 */
import { a1, colLetters, rangeA1 } from "../../sheets/grid";
import type { CellStyle, SheetSpec, SpecCell } from "../../sheets/sheet-spec";
import { freeSheetName } from "../../sheets/write-plan";
import { CHART_BAR_WIDTH, CHART_HEADING } from "./in-cell-chart";
import { chartFiles } from "./chart-part";
import { cellText, needsTextPrefix } from "./patch/text";
import { writeZip } from "./patch/zip";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

function esc(s: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0.
  return s.replace(XML_FORBIDDEN, "").replace(/[<>&"]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"));
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? `FF${h}` : "FF000000";
}

/** Excel serial (1900 system) of a date, by its UTC calendar day and time. */
function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

export const BUILTIN_FMT: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };

/** The pieces of one cell format, as XML fragments (absent = the workbook's default). */
export interface XfParts {
  fmt?: string;
  font?: string;
  fill?: string;
  border?: string;
  align: string;
  quote: boolean;
}

export function fillXml(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/** A spec's style as XML fragments; `quote` adds the text prefix. */
export function xfParts(s: CellStyle | undefined, isDate: boolean, quote: boolean): XfParts {
  const fmt = s?.fmt ?? (isDate ? "dd/mm/yyyy" : undefined);
  const font =
    s?.bold || s?.italic || s?.color || s?.fontSize
      ? `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}<sz val="${s.fontSize ?? 11}"/>` +
        `${s.color ? `<color rgb="${argb(s.color)}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`
      : undefined;
  const thin =
    '<left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/>';
  let align = "";
  if (s?.wrap || s?.hAlign || s?.vAlign) {
    const v = s.vAlign === "middle" ? "center" : s.vAlign;
    align = `<alignment${s.hAlign ? ` horizontal="${s.hAlign}"` : ""}${v ? ` vertical="${v}"` : ""}${s.wrap ? ' wrapText="1"' : ""}/>`;
  }
  return {
    fmt,
    font,
    fill: s?.fill ? fillXml(s.fill) : undefined,
    border: s?.border ? `<border>${thin}</border>` : undefined,
    align,
    quote,
  };
}

/** The <xf> record for parts whose pieces have the given indexes. */
export function xfXml(ids: { numFmtId: number; fontId: number; fillId: number; borderId: number }, p: XfParts): string {
  const { numFmtId, fontId, fillId, borderId } = ids;
  return (
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
    `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
    `${borderId ? ' applyBorder="1"' : ""}${p.quote ? ' quotePrefix="1"' : ""}${p.align ? ' applyAlignment="1">' + p.align + "</xf>" : "/>"}`
  );
}

/** Where sheetXml gets a cell's format index (0 = default). */
export interface XfSink {
  xf(s: CellStyle | undefined, isDate: boolean, quote: boolean): number;
}

/** How sheetXml writes a text cell: the type attribute and the value element, e.g. ` t="s"><v>3</v>`. */
export type TextSink = (text: string) => string;

/** The styles part: fonts, fills, borders, number formats and cell formats, each deduplicated. */
class Styles {
  private fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private numFmts: string[] = [];
  private xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private index = new Map<string, number>();

  private add(list: string[], xml: string, offset = 0): number {
    const key = `${offset}|${xml}`;
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    list.push(xml);
    const i = list.length - 1;
    this.index.set(key, i);
    return i;
  }

  private fmtId(fmt: string): number {
    const builtin = BUILTIN_FMT[fmt];
    if (builtin !== undefined) return builtin;
    const i = this.numFmts.indexOf(fmt);
    if (i >= 0) return 164 + i;
    this.numFmts.push(fmt);
    return 164 + this.numFmts.length - 1;
  }

  /** The cell format index for a style (0 = default). */
  xf(s: CellStyle | undefined, isDate: boolean, quote = false): number {
    if (!s && !isDate && !quote) return 0;
    const p = xfParts(s, isDate, quote);
    const numFmtId = p.fmt ? this.fmtId(p.fmt) : 0;
    const fontId = p.font ? this.add(this.fonts, p.font, 1) : 0;
    const fillId = p.fill ? this.add(this.fills, p.fill, 2) : 0;
    const borderId = p.border ? this.add(this.borders, p.border, 3) : 0;
    return this.add(this.xfs, xfXml({ numFmtId, fontId, fillId, borderId }, p), 4);
  }

  xml(): string {
    const fmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join("")}</numFmts>`
      : "";
    return (
      `${XML_HEAD}<styleSheet ${NS}>${fmts}` +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

class SharedStrings {
  private list: string[] = [];
  private index = new Map<string, number>();
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("");
    return `${XML_HEAD}<sst ${NS} count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

interface OutCell {
  c: number;
  xml: string;
}

/** The in-cell chart (as renderSheetSpec writes it): a heading, then category and REPT bar per row. */
function chartCells(spec: SheetSpec): { cells: SpecCell[]; formulas: Map<string, { f: string; result: string }>; barCol: number } | null {
  const ch = spec.chart;
  if (!ch) return null;
  const at = new Map<string, SpecCell>();
  for (const sc of spec.cells) at.set(`${sc.r},${sc.c}`, sc);
  const valueOf = (r: number): number => {
    const v = at.get(`${r},${ch.valuesCol}`)?.v;
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  let max = 0;
  for (let r = ch.firstRow; r <= ch.lastRow; r++) max = Math.max(max, valueOf(r));
  const cells: SpecCell[] = [{ r: ch.anchorRow, c: ch.anchorCol, v: `${CHART_HEADING}: ${ch.title}`, style: { bold: true } }];
  const formulas = new Map<string, { f: string; result: string }>();
  const col = colLetters(ch.valuesCol);
  const maxRef = `$${col}$${ch.firstRow + 1}:$${col}$${ch.lastRow + 1}`;
  for (let r = ch.firstRow, i = 1; r <= ch.lastRow; r++, i++) {
    const cat = at.get(`${r},${ch.categoriesCol}`)?.v;
    const label = cat === null || cat === undefined ? "" : cat instanceof Date ? cat.toISOString().slice(0, 10) : String(cat);
    cells.push({ r: ch.anchorRow + i, c: ch.anchorCol, v: label });
    const n = max > 0 ? Math.max(0, Math.round((valueOf(r) / max) * CHART_BAR_WIDTH)) : 0;
    const ref = `${col}${r + 1}`;
    const barCell: SpecCell = { r: ch.anchorRow + i, c: ch.anchorCol + 1, v: null, style: { color: "#4472C4" } };
    cells.push(barCell);
    formulas.set(`${barCell.r},${barCell.c}`, {
      f: `IF(AND(ISNUMBER(${ref}),MAX(${maxRef})>0),REPT("█",MAX(0,ROUND(${ref}/MAX(${maxRef})*${CHART_BAR_WIDTH},0))),"")`,
      result: "█".repeat(n),
    });
  }
  return { cells, formulas, barCol: ch.anchorCol + 1 };
}

/** One new sheet's XML; text cells through `text`, formats through `styles`; dates in the workbook's date system. */
export function sheetXml(
  spec: SheetSpec,
  styles: XfSink,
  text: TextSink,
  date1904 = false,
  /** A real chart's <drawing> element (./chart-part.ts): then no in-cell bars. */
  drawing?: string,
): { xml: string; filterRef: string | null } {
  const chart = drawing ? null : chartCells(spec);
  // Later cells win, as successive writes to one ExcelJS cell do.
  const byCell = new Map<number, SpecCell>();
  for (const sc of [...spec.cells, ...(chart?.cells ?? [])]) byCell.set(sc.r * 16_384 + sc.c, sc);
  const rows = new Map<number, OutCell[]>();
  let maxR = 0;
  let maxC = 0;
  for (const sc of byCell.values()) {
    const ref = a1(sc.r, sc.c);
    const v = sc.v;
    const isDate = v instanceof Date;
    const s = styles.xf(sc.style, isDate, typeof v === "string" && needsTextPrefix(v));
    const sAttr = s ? ` s="${s}"` : "";
    const formula = chart?.formulas.get(`${sc.r},${sc.c}`);
    let xml: string;
    if (formula) xml = `<c r="${ref}"${sAttr} t="str"><f>${esc(formula.f)}</f><v>${esc(formula.result)}</v></c>`;
    else if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) {
      if (!s) continue;
      xml = `<c r="${ref}"${sAttr}/>`;
    } else if (typeof v === "string") xml = `<c r="${ref}"${sAttr}${text(cellText(v))}</c>`;
    else if (typeof v === "number") xml = `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
    else if (typeof v === "boolean") xml = `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
    else xml = `<c r="${ref}"${sAttr}><v>${serial(v) - (date1904 ? 1462 : 0)}</v></c>`;
    let row = rows.get(sc.r);
    if (!row) rows.set(sc.r, (row = []));
    row.push({ c: sc.c, xml });
    maxR = Math.max(maxR, sc.r);
    maxC = Math.max(maxC, sc.c);
  }
  const heights = spec.heights ?? {};
  for (const r of Object.keys(heights)) if (!rows.has(Number(r))) rows.set(Number(r), []);
  const rowXml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = rows.get(r)!.sort((a, b) => a.c - b.c);
      const h = heights[r];
      const ht = h && h > 0 ? ` ht="${h}" customHeight="1"` : "";
      return `<row r="${r + 1}"${ht}>${cells.map((x) => x.xml).join("")}</row>`;
    })
    .join("");

  const widths = [...(spec.widths ?? [])];
  if (chart && (!widths[chart.barCol] || widths[chart.barCol]! < CHART_BAR_WIDTH + 2)) widths[chart.barCol] = CHART_BAR_WIDTH + 2;
  const cols = widths
    .map((w, c) => (typeof w === "number" && w > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");

  let pane = "";
  const fz = spec.freeze;
  if (fz && (fz.rows > 0 || fz.cols > 0)) {
    const active = fz.rows > 0 && fz.cols > 0 ? "bottomRight" : fz.rows > 0 ? "bottomLeft" : "topRight";
    pane =
      `<pane${fz.cols ? ` xSplit="${fz.cols}"` : ""}${fz.rows ? ` ySplit="${fz.rows}"` : ""} topLeftCell="${a1(fz.rows, fz.cols)}"` +
      ` activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${a1(fz.rows, fz.cols)}" sqref="${a1(fz.rows, fz.cols)}"/>`;
  }
  const fit = spec.print?.fitToWidth;
  const merges = (spec.merges ?? []).filter((m) => m.r1 !== m.r2 || m.c1 !== m.c2);
  const validations = (spec.validations ?? []).filter((v) => v.list.length > 0);
  const filterRef = spec.filter ? rangeA1(spec.filter) : null;
  const xml =
    `${XML_HEAD}<worksheet ${NS} ${NS_R}>` +
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${rows.size ? `A1:${a1(maxR, maxC)}` : "A1"}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowXml}</sheetData>` +
    (filterRef ? `<autoFilter ref="${filterRef}"/>` : "") +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join("")}</mergeCells>`
      : "") +
    (validations.length
      ? `<dataValidations count="${validations.length}">${validations
          .map(
            (v) =>
              `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${rangeA1(v)}"><formula1>${esc(listFormula(v.list))}</formula1></dataValidation>`,
          )
          .join("")}</dataValidations>`
      : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (spec.print
      ? `<pageSetup orientation="${spec.print.landscape ? "landscape" : "portrait"}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`
      : "") +
    (drawing ?? "") +
    "</worksheet>";
  return { xml, filterRef };
}

/** An inline list validation: items lose commas (the separator) and double their quotes. */
export function listFormula(items: string[]): string {
  return `"${items.map((i) => String(i).replace(/,/g, " ").replace(/"/g, '""')).join(",")}"`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A new workbook holding one sheet per spec (names made unique and valid). */
export async function writeSpecsWorkbook(specs: SheetSpec[], now = new Date()): Promise<Uint8Array> {
  const styles = new Styles();
  const sst = new SharedStrings();
  const names: string[] = [];
  const files: Array<{ name: string; data: Uint8Array }> = [];
  const encoder = new TextEncoder();
  const zip = { file: (name: string, xml: string): void => void files.push({ name, data: encoder.encode(xml) }) };
  const defined: string[] = [];
  const chartOverrides: string[] = [];
  specs.forEach((spec, i) => {
    const name = freeSheetName(spec.name, names);
    names.push(name);
    const charts = chartFiles(spec, name, `sheet${i + 1}.xml`, chartOverrides.length / 2 + 1);
    for (const f of charts?.files ?? []) zip.file(f.name, f.xml);
    chartOverrides.push(...(charts?.overrides ?? []));
    const { xml, filterRef } = sheetXml(spec, styles, (t) => ` t="s"><v>${sst.id(t)}</v>`, false, charts?.drawingElement);
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, xml);
    if (filterRef) {
      const abs = filterRef.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      defined.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(quoteSheet(name))}!${abs}</definedName>`,
      );
    }
  });
  const sheetsXml = names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  zip.file(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      chartOverrides.join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      "</Relationships>",
  );
  const iso = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  zip.file(
    "docProps/core.xml",
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>Monitoraggio PEG</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
  );
  zip.file(
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Monitoraggio PEG</Application></Properties>`,
  );
  zip.file(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook ${NS} ${NS_R}><bookViews><workbookView/></bookViews><sheets>${sheetsXml}</sheets>` +
      (defined.length ? `<definedNames>${defined.join("")}</definedNames>` : "") +
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${names.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>",
  );
  zip.file("xl/styles.xml", styles.xml());
  zip.file("xl/sharedStrings.xml", sst.xml());
  await Promise.resolve(); // callers await a promise; the work itself is synchronous
  // [Content_Types].xml first, as Excel writes it.
  files.sort((a, b) => Number(b.name === "[Content_Types].xml") - Number(a.name === "[Content_Types].xml"));
  return writeZip(new Uint8Array(0), files, 1);
}
