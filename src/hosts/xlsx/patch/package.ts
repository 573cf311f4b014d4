/**
 * The package parts the copy reads to find its way: the workbook part (from _rels/.rels), its
 * sheets with their part names (workbook.xml + its rels), the date system, and the edits that
 * add a sheet (workbook entry, relationship, content-type override, filter name).
 */
import { applySplices, attr, escAttr, findClose, findTag, setAttr, unescXml, type Splice } from "./xml";

export const REL_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];
const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

export interface Rel {
  id: string;
  type: string;
  target: string;
  /** The part the target names, resolved against the source part's folder, without a leading "/". */
  part: string;
  xml: string;
}

/** The folder of a part name: "xl/workbook.xml" → "xl/". */
export function folderOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

/** A relationship target resolved to a part name ("../media/x.png" from "xl/drawings/" → "xl/media/x.png"). */
export function resolvePart(base: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return decodeURIComponentSafe(out.join("/"));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The rels part that belongs to a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

export function readRels(xml: string, sourcePart: string): Rel[] {
  const base = folderOf(sourcePart);
  const rels: Rel[] = [];
  for (let at = 0; ;) {
    const t = findTag(xml, "Relationship", at);
    if (!t) break;
    at = t.end;
    if (attr(t.text, "TargetMode") === "External") continue;
    const target = unescXml(attr(t.text, "Target") ?? "");
    rels.push({
      id: unescXml(attr(t.text, "Id") ?? ""),
      type: unescXml(attr(t.text, "Type") ?? ""),
      target,
      part: resolvePart(base, target),
      xml: t.text,
    });
  }
  return rels;
}

export interface SheetRef {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
}

export interface WorkbookInfo {
  /** The worksheets (chart and dialog sheets are not written to). */
  sheets: SheetRef[];
  /** Every sheet's name, chart sheets included, for choosing new names. */
  allNames: string[];
  date1904: boolean;
  relsXml: string;
  rels: Rel[];
}

/** The prefix ("r") the root element binds to the relationships namespace, or null. */
function relPrefix(xml: string): string | null {
  const root = xml.indexOf("<", xml.startsWith("<?") ? xml.indexOf("?>") + 2 : 0);
  const end = xml.indexOf(">", root);
  const head = xml.slice(root, end);
  for (const ns of REL_NS) {
    const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${ns.replace(/[./]/g, "\\$&")}["']`).exec(head);
    if (m) return m[1]!;
  }
  return null;
}

export function readWorkbook(xml: string, relsXml: string, workbookPart: string): WorkbookInfo {
  const rels = readRels(relsXml, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  const allNames: string[] = [];
  const sheetsTag = findTag(xml, "sheets");
  const close = sheetsTag && !sheetsTag.selfClosing ? findClose(xml, sheetsTag.prefix, "sheets", sheetsTag.end) : -1;
  if (sheetsTag && close >= 0) {
    for (let at = sheetsTag.end; ;) {
      const t = findTag(xml, "sheet", at, close);
      if (!t) break;
      at = t.end;
      const idAttr = /\s([\w.-]+:)?id\s*=\s*["']([^"']*)["']/.exec(t.text);
      const relId = idAttr ? unescXml(idAttr[2]!) : "";
      const rel = byId.get(relId);
      const name = unescXml(attr(t.text, "name") ?? "");
      allNames.push(name);
      if (!rel || rel.type !== WORKSHEET_TYPE) continue;
      sheets.push({ name, sheetId: Number(attr(t.text, "sheetId") ?? 0), relId, part: rel.part });
    }
  }
  const pr = findTag(xml, "workbookPr");
  const d = pr ? attr(pr.text, "date1904") : undefined;
  return { sheets, allNames, date1904: d === "1" || d === "true", relsXml, rels };
}

/** Every sheet entry's sheetId (chart sheets included), for choosing a new one. */
function allSheetIds(xml: string): number[] {
  const ids: number[] = [];
  for (let at = 0; ;) {
    const t = findTag(xml, "sheet", at);
    if (!t) break;
    at = t.end;
    const n = Number(attr(t.text, "sheetId"));
    if (Number.isFinite(n)) ids.push(n);
  }
  return ids;
}

export interface NewSheet {
  name: string;
  part: string;
  filterRef: string | null;
}

export interface WorkbookEdits {
  workbookXml: string;
  relsXml: string;
  contentTypesXml: string;
}

/**
 * Adds sheets at the end of the workbook: one <sheet> each, a worksheet relationship, a content
 * type override, and the hidden filter name Excel keeps for a sheet with an autofilter.
 */
export function addSheets(
  workbookXml: string,
  relsXml: string,
  contentTypesXml: string,
  existingSheetCount: number,
  workbookPart: string,
  added: NewSheet[],
  quoteSheet: (name: string) => string,
): WorkbookEdits {
  const usedIds = new Set(readRels(relsXml, workbookPart).map((r) => r.id));
  let sheetId = Math.max(0, ...allSheetIds(workbookXml)) + 1;
  let prefix = relPrefix(workbookXml);
  const nsDecl = prefix ? "" : ` xmlns:r="${REL_NS[0]}"`;
  prefix ??= "r";
  const sheetsTag = findTag(workbookXml, "sheets");
  if (!sheetsTag) throw new Error("no sheets element");
  const p = sheetsTag.prefix;
  const sheetEntries: string[] = [];
  const relEntries: string[] = [];
  const ctEntries: string[] = [];
  const names: string[] = [];
  const base = folderOf(workbookPart);
  added.forEach((s, i) => {
    let n = 1;
    while (usedIds.has(`rId${n}`)) n++;
    const rId = `rId${n}`;
    usedIds.add(rId);
    sheetEntries.push(`<${p}sheet${nsDecl} name="${escAttr(s.name)}" sheetId="${sheetId++}" ${prefix}:id="${rId}"/>`);
    const target = s.part.startsWith(base) ? s.part.slice(base.length) : `/${s.part}`;
    relEntries.push(`<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${escAttr(target)}"/>`);
    ctEntries.push(`<Override PartName="/${escAttr(s.part)}" ContentType="${WORKSHEET_CT}"/>`);
    if (s.filterRef) {
      const abs = s.filterRef.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      names.push(
        `<${p}definedName name="_xlnm._FilterDatabase" localSheetId="${existingSheetCount + i}" hidden="1">${escAttr(quoteSheet(s.name))}!${abs}</${p}definedName>`,
      );
    }
  });

  const wbSplices: Splice[] = [];
  if (sheetsTag.selfClosing) {
    wbSplices.push({
      start: sheetsTag.start,
      end: sheetsTag.end,
      text: `${sheetsTag.text.replace(/\s*\/>$/, ">")}${sheetEntries.join("")}</${p}sheets>`,
    });
  } else {
    const close = findClose(workbookXml, p, "sheets", sheetsTag.end);
    if (close < 0) throw new Error("unclosed sheets");
    wbSplices.push({ start: close, end: close, text: sheetEntries.join("") });
  }
  if (names.length) {
    const dn = findTag(workbookXml, "definedNames");
    if (dn && !dn.selfClosing) {
      const close = findClose(workbookXml, dn.prefix, "definedNames", dn.end);
      wbSplices.push({ start: close, end: close, text: names.join("") });
    } else if (dn) {
      wbSplices.push({ start: dn.start, end: dn.end, text: `<${p}definedNames>${names.join("")}</${p}definedNames>` });
    } else {
      // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook order).
      let after = findClose(workbookXml, p, "sheets", sheetsTag.end) + `</${p}sheets>`.length;
      if (sheetsTag.selfClosing) after = sheetsTag.end;
      for (const el of ["functionGroups", "externalReferences"]) {
        const t = findTag(workbookXml, el, after);
        if (!t) continue;
        const end = t.selfClosing ? t.end : findClose(workbookXml, t.prefix, el, t.end) + `</${t.prefix}${el}>`.length;
        if (end > after) after = end;
      }
      wbSplices.push({ start: after, end: after, text: `<${p}definedNames>${names.join("")}</${p}definedNames>` });
    }
  }
  return {
    workbookXml: applySplices(workbookXml, wbSplices),
    relsXml: insertBeforeClose(relsXml, "Relationships", relEntries.join("")),
    contentTypesXml: insertBeforeClose(contentTypesXml, "Types", ctEntries.join("")),
  };
}

/** The text inserted just before the root's end tag (a self-closing root is opened first). */
export function insertBeforeClose(xml: string, local: string, text: string): string {
  if (!text) return xml;
  const t = findTag(xml, local);
  if (!t) throw new Error(`no ${local}`);
  if (t.selfClosing) return xml.slice(0, t.start) + t.text.replace(/\s*\/>$/, ">") + text + `</${t.prefix}${local}>` + xml.slice(t.end);
  const close = xml.lastIndexOf(`</${t.prefix}${local}>`);
  if (close < 0) throw new Error(`unclosed ${local}`);
  return xml.slice(0, close) + text + xml.slice(close);
}

/** workbook.xml asking Excel to recalculate every formula when the copy is opened. */
export function withFullCalcOnLoad(workbookXml: string): string {
  const t = findTag(workbookXml, "calcPr");
  if (t) {
    if (attr(t.text, "fullCalcOnLoad") === "1") return workbookXml;
    return workbookXml.slice(0, t.start) + setAttr(t.text, "fullCalcOnLoad", "1") + workbookXml.slice(t.end);
  }
  return workbookXml; // no calcPr: leave the workbook's settings as they are
}

/** The relationships without the one(s) to `part`; the content types without its override. */
export function dropPart(
  relsXml: string,
  contentTypesXml: string,
  part: string,
  sourcePart: string,
): { relsXml: string; contentTypesXml: string } {
  const splices: Splice[] = [];
  for (const r of readRels(relsXml, sourcePart)) {
    if (r.part.toLowerCase() !== part.toLowerCase()) continue;
    const start = relsXml.indexOf(r.xml);
    if (start >= 0) splices.push({ start, end: start + r.xml.length, text: "" });
  }
  const ct: Splice[] = [];
  for (let at = 0; ;) {
    const t = findTag(contentTypesXml, "Override", at);
    if (!t) break;
    at = t.end;
    const name = unescXml(attr(t.text, "PartName") ?? "").replace(/^\//, "");
    if (name.toLowerCase() === part.toLowerCase()) ct.push({ start: t.start, end: t.end, text: "" });
  }
  return { relsXml: applySplices(relsXml, splices), contentTypesXml: applySplices(contentTypesXml, ct) };
}
