/**
 * A real DrawingML bar chart for a new sheet's SpecChart (grado per obiettivo in the riepilogo):
 * xl/charts/chartN.xml with the values cached (so a reader shows it before recalculating), a
 * drawing that anchors it beside the table, and their relationships and content types. Used by
 * the SpreadsheetML writer for new workbooks; sheets added to an existing workbook keep the
 * in-cell bar (src/hosts/xlsx/in-cell-chart.ts), since that copy never adds parts.
 */
import { colLetters } from "../../sheets/grid";
import type { SheetSpec, SpecCell } from "../../sheets/sheet-spec";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Bar colours by the class written in the row (as the riepilogo colours its Classe cells). */
const CLASS_COLOURS: Array<[RegExp, string]> = [
  [/^parzialmente/i, "FFC000"],
  [/^non raggiunto/i, "C00000"],
  [/^raggiunto/i, "70AD47"],
];
const DEFAULT_COLOUR = "4472C4";

/** Relationship id of the drawing in the sheet's own rels part. */
export const DRAWING_REL_ID = "rIdDrawing1";

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
function esc(s: string): string {
  return s.replace(XML_FORBIDDEN, "").replace(/[<>&"]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"));
}

function shown(v: SpecCell["v"] | undefined): string {
  if (v === null || v === undefined) return "";
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

export interface ChartFiles {
  /** Parts to add to the package, by name. */
  files: Array<{ name: string; xml: string }>;
  /** [Content_Types].xml overrides for them. */
  overrides: string[];
  /** The element to put in the worksheet (after pageSetup). */
  drawingElement: string;
}

/** The chart parts for `spec` on sheet `sheetName`, numbered `n` (1-based), or null when it has no chart. */
export function chartFiles(spec: SheetSpec, sheetName: string, sheetFile: string, n: number): ChartFiles | null {
  const ch = spec.chart;
  if (!ch || ch.lastRow < ch.firstRow) return null;
  const at = new Map<number, SpecCell>();
  for (const sc of spec.cells) at.set(sc.r * 16_384 + sc.c, sc);
  const cats: string[] = [];
  const vals: Array<number | null> = [];
  const colours: string[] = [];
  let pctFmt = false;
  for (let r = ch.firstRow; r <= ch.lastRow; r++) {
    cats.push(shown(at.get(r * 16_384 + ch.categoriesCol)?.v));
    const cell = at.get(r * 16_384 + ch.valuesCol);
    const v = cell?.v;
    vals.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    if (cell?.style?.fmt?.includes("%")) pctFmt = true;
    // The row's class, wherever the row writes it.
    let colour = DEFAULT_COLOUR;
    for (const sc of spec.cells)
      if (sc.r === r && typeof sc.v === "string") {
        const hit = CLASS_COLOURS.find(([re]) => re.test(sc.v as string));
        if (hit) {
          colour = hit[1];
          break;
        }
      }
    colours.push(colour);
  }
  const fmt = pctFmt ? "0%" : "General";
  const sheetRef = `'${sheetName.replace(/'/g, "''")}'`;
  const range = (col: number) => `${sheetRef}!$${colLetters(col)}$${ch.firstRow + 1}:$${colLetters(col)}$${ch.lastRow + 1}`;
  const solid = (hex: string) => `<c:spPr><a:solidFill><a:srgbClr val="${hex}"/></a:solidFill></c:spPr>`;
  const dPts = colours
    .map((c, i) =>
      c === DEFAULT_COLOUR ? "" : `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${solid(c)}</c:dPt>`,
    )
    .join("");
  const strPts = cats.map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`).join("");
  const numPts = vals.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  const chartXml =
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="it-IT" sz="1200" b="1"/><a:t>${esc(ch.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(ch.title)}</c:v></c:tx>${solid(DEFAULT_COLOUR)}<c:invertIfNegative val="0"/>${dPts}` +
    `<c:dLbls><c:numFmt formatCode="${fmt === "0%" ? "0%" : "General"}" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${esc(range(ch.categoriesCol))}</c:f><c:strCache><c:ptCount val="${cats.length}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(range(ch.valuesCol))}</c:f><c:numCache><c:formatCode>${fmt}</c:formatCode><c:ptCount val="${vals.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>' +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${fmt}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
  // Wide enough for a few dozen bars, beside the table.
  const cols = Math.min(24, Math.max(10, Math.ceil(cats.length / 2)));
  const drawingXml =
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${ch.anchorCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${ch.anchorRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${ch.anchorCol + cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${ch.anchorRow + 20}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="Grafico ${n}" descr="${esc(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const rels = (type: string, target: string, id = "rId1") =>
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`;
  return {
    files: [
      { name: `xl/charts/chart${n}.xml`, xml: chartXml },
      { name: `xl/drawings/drawing${n}.xml`, xml: drawingXml },
      { name: `xl/drawings/_rels/drawing${n}.xml.rels`, xml: rels("chart", `../charts/chart${n}.xml`) },
      { name: `xl/worksheets/_rels/${sheetFile}.rels`, xml: rels("drawing", `../drawings/drawing${n}.xml`, DRAWING_REL_ID) },
    ],
    overrides: [
      `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    ],
    drawingElement: `<drawing r:id="${DRAWING_REL_ID}"/>`,
  };
}
