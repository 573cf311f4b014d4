/**
 * The copy written outside Excel keeps the user's workbook: the sample with a chart, custom XML
 * and custom document properties added goes through `peg verifica --scrivi` and through the
 * preview's write-then-download path; every part the plan does not touch comes back
 * byte-identical, the touched sheets differ only at the planned cells, and LibreOffice opens it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SettingsSchema } from "../../../src/domain/settings";
import { createWebPaneHost } from "../../../src/hosts/browser/web-pane-host";
import { applyPlanToCopy, loadWorkbookGrid } from "../../../src/hosts/xlsx";
import type { WorkbookGrid } from "../../../src/sheets/grid";
import { a1 } from "../../../src/sheets/grid";
import { planEsiti, planEvidenziazioni } from "../../../src/sheets/plans";
import { verifica } from "../../../src/sheets/verifica";
import type { WritePlan } from "../../../src/sheets/write-plan";
import { peg } from "../../cli/helpers";

const SAMPLE = join(import.meta.dirname, "../../../assets/esempio-peg-2023.xlsx");
const SOFFICE = process.env.PEG_SOFFICE ?? "/usr/bin/soffice";
const TODAY = new Date("2026-11-24T10:00:00Z");

const CHART = "xl/charts/chart1.xml";
const DRAWING = "xl/drawings/drawing1.xml";
const CUSTOM_XML = "customXml/item1.xml";
const CUSTOM_PROPS = "docProps/custom.xml";
/** The parts a user added that ExcelJS used to drop, and that must come back untouched. */
const USER_PARTS = [
  CHART,
  DRAWING,
  "xl/drawings/_rels/drawing1.xml.rels",
  CUSTOM_XML,
  "customXml/itemProps1.xml",
  "customXml/_rels/item1.xml.rels",
  CUSTOM_PROPS,
];

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The sample with a bar chart on "Ob 1", a custom XML item and custom document properties, as Excel stores them. */
function enrichedSample(): Uint8Array {
  const z = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  const text = (k: string) => strFromU8(z[k]!);
  const put = (k: string, s: string) => (z[k] = strToU8(s));
  put(
    CHART,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
      `<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Ob 1'!$A$50:$A$52</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Ob 1'!$C$50:$C$52</c:f></c:numRef></c:val></c:ser>` +
      `<c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx>` +
      `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  put(
    DRAWING,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      "<xdr:twoCellAnchor><xdr:from><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
      "<xdr:to><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafico 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/>` +
      "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>",
  );
  put(
    "xl/drawings/_rels/drawing1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_R}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  put(
    "xl/worksheets/_rels/sheet2.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  put("xl/worksheets/sheet2.xml", text("xl/worksheets/sheet2.xml").replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>'));
  put(
    CUSTOM_XML,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<peg:protocollo xmlns:peg="urn:example:protocollo">PG/2023/0001234</peg:protocollo>',
  );
  put(
    "customXml/itemProps1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6E1B2F35-4C53-4C32-9D87-3A1B5C2D9E10}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
  );
  put(
    "customXml/_rels/item1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_R}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    text("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdCx1" Type="${NS_R}/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    ),
  );
  put(
    CUSTOM_PROPS,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Ente"><vt:lpwstr>Comune di Prova</vt:lpwstr></property></Properties>',
  );
  put(
    "_rels/.rels",
    text("_rels/.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdCp" Type="${NS_R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    ),
  );
  put(
    "[Content_Types].xml",
    text("[Content_Types].xml").replace(
      "</Types>",
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  return zipSync(z as Zippable);
}

/** Each entry's stored bytes (local header to the end of its data), read straight from the archive. */
function storedEntries(b: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(b);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, buf.subarray(data, data + size));
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** The plan `peg verifica --scrivi` applies (esiti without conflicts, then highlights), computed as the command does. */
function cliPlan(grid: WorkbookGrid): WritePlan {
  const settings = SettingsSchema.parse({});
  const analysis = verifica(grid, { file: "peg.xlsx", settings, today: TODAY });
  const esiti = planEsiti(analysis).writes.filter((w) => !w.conflict);
  const fixed = new Set(esiti.map((w) => `${w.foglio}!${w.cella}`));
  const highlights = planEvidenziazioni(analysis, settings).writes.filter((w) => !fixed.has(`${w.foglio}!${w.cella}`));
  return { writes: [...esiti, ...highlights], newSheets: [] };
}

/** Asserts that two workbooks hold the same cells everywhere except at the planned ones. */
async function expectOnlyPlannedCellsChanged(before: Uint8Array, after: Uint8Array, plan: WritePlan): Promise<void> {
  const a = (await loadWorkbookGrid(before)).grid;
  const b = (await loadWorkbookGrid(after)).grid;
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  const planned = new Set(plan.writes.map((w) => `${w.foglio}!${w.cella}`));
  let compared = 0;
  a.sheets.forEach((sa, i) => {
    const sb = b.sheets[i]!;
    expect(sb.merges).toEqual(sa.merges);
    const rows = new Set([...sa.rowIndexes(), ...sb.rowIndexes()]);
    for (const r of rows) {
      const cols = new Set([...sa.rowCells(r).map(([c]) => c), ...sb.rowCells(r).map(([c]) => c)]);
      for (const c of cols) {
        if (planned.has(`${sa.name}!${a1(r, c)}`)) continue;
        expect(sb.get(r, c), `${sa.name}!${a1(r, c)}`).toEqual(sa.get(r, c));
        compared++;
      }
    }
  });
  expect(compared).toBeGreaterThan(500);
  const byName = new Map(b.sheets.map((s) => [s.name, s]));
  for (const w of plan.writes) {
    const at = byName.get(w.foglio)!;
    const { r, c } = { r: Number(/\d+/.exec(w.cella)![0]) - 1, c: colIndex(w.cella) };
    if (w.value !== undefined) expect(at.get(r, c)?.v ?? null, `${w.foglio}!${w.cella}`).toEqual(w.value);
    if (typeof w.fill === "string") expect(at.get(r, c)?.fill, `${w.foglio}!${w.cella}`).toBe(w.fill.toUpperCase());
  }
}

function colIndex(ref: string): number {
  let c = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** Every entry of the input comes back; the untouched ones with their stored bytes unchanged. */
function expectPartsKept(input: Uint8Array, output: Uint8Array, touched: string[]): void {
  const before = storedEntries(input);
  const after = storedEntries(output);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  const changed = [...before.keys()].filter((k) => !before.get(k)!.equals(after.get(k)!));
  for (const k of changed) expect(touched, `${k} changed`).toContain(k);
  for (const k of USER_PARTS) expect(after.get(k)!.equals(before.get(k)!), k).toBe(true);
  // Uncompressed, too: the parts read the same.
  const zb = unzipSync(input);
  const za = unzipSync(output);
  for (const k of Object.keys(zb)) if (!touched.includes(k)) expect(Buffer.from(za[k]!).equals(Buffer.from(zb[k]!)), k).toBe(true);
}

const SHEET_PART: Record<string, string> = {
  Ente: "xl/worksheets/sheet1.xml",
  "Ob 1": "xl/worksheets/sheet2.xml",
  "Ob 2": "xl/worksheets/sheet3.xml",
  "Ob 3": "xl/worksheets/sheet4.xml",
  "Ob 4": "xl/worksheets/sheet5.xml",
};

let dir: string;
let input: Uint8Array;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "peg-fidelity-"));
  input = enrichedSample();
});

describe("the copy keeps what it does not write", () => {
  it("peg verifica --scrivi: chart, custom XML and custom properties come back byte-identical; sheets differ only at the planned cells", async () => {
    const file = join(dir, "peg.xlsx");
    const out = join(dir, "peg-verificato.xlsx");
    writeFileSync(file, input);
    const r = await peg(["verifica", file, "--scrivi", out], TODAY);
    expect(r.stderr).toMatch(/Salvata la copia/);
    const copy = new Uint8Array(readFileSync(out));
    const plan = cliPlan((await loadWorkbookGrid(input)).grid);
    expect(plan.writes.length).toBeGreaterThan(3);
    const touched = [...new Set(plan.writes.map((w) => SHEET_PART[w.foglio]!)), "xl/styles.xml", "xl/workbook.xml"];
    expectPartsKept(input, copy, touched);
    await expectOnlyPlannedCellsChanged(input, copy, plan);
    // The chart's anchor stays in the touched sheet.
    expect(strFromU8(unzipSync(copy)["xl/worksheets/sheet2.xml"]!)).toContain('<drawing r:id="rId1"/></worksheet>');
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(input))).toBe(true);
  });

  it("the preview's copy to download keeps them too", async () => {
    const host = createWebPaneHost({ storage: null });
    await host.openBytes("peg.xlsx", input);
    const p = await host.prepare({ tipo: "esiti" }, DEFAULT_SETTINGS);
    const plan = (p.dati as { plan: WritePlan }).plan;
    expect(plan.writes.length).toBeGreaterThan(0);
    await host.apply(p, { sovrascrivi: true });
    const copy = host.getState().files[0]!.bytes; // what downloadCopy() hands to the browser
    const touched = [...new Set(plan.writes.map((w) => SHEET_PART[w.foglio]!)), "xl/styles.xml", "xl/workbook.xml"];
    expectPartsKept(input, copy, touched);
    await expectOnlyPlannedCellsChanged(input, copy, plan);
  });

  it("a value over a shared formula's master leaves the other cells computing, and the calculation chain goes", async () => {
    const z = unzipSync(input);
    const xml = strFromU8(z["xl/worksheets/sheet1.xml"]!);
    // Two formula cells in a free column: O15 holds the shared master, O16 follows it.
    const withF = xml
      .replace(/(<row r="15"[^>]*>.*?)<\/row>/s, '$1<c r="O15"><f t="shared" ref="O15:O16" si="7">N15*2</f><v>0</v></c></row>')
      .replace(/(<row r="16"[^>]*>.*?)<\/row>/s, '$1<c r="O16"><f t="shared" si="7"/><v>0</v></c></row>');
    expect(withF).not.toBe(xml);
    z["xl/worksheets/sheet1.xml"] = strToU8(withF);
    z["xl/calcChain.xml"] = strToU8(
      '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="O15" i="1"/><c r="O16"/></calcChain>',
    );
    z["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(z["xl/_rels/workbook.xml.rels"]!).replace(
        "</Relationships>",
        `<Relationship Id="rIdCc" Type="${NS_R}/calcChain" Target="calcChain.xml"/></Relationships>`,
      ),
    );
    const bytes = zipSync(z as Zippable);
    const out = await applyPlanToCopy(bytes, {
      writes: [{ foglio: "Ente", cella: "O15", kind: "esito", value: 5, previous: { value: 0, fill: null }, conflict: false }],
      newSheets: [],
    });
    const zo = unzipSync(out);
    const sheet = strFromU8(zo["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain('<c r="O15"><v>5</v></c>');
    expect(sheet).toContain('<c r="O16"><f>N16*2</f><v>0</v></c>');
    expect(zo["xl/calcChain.xml"]).toBeUndefined();
    expect(strFromU8(zo["xl/_rels/workbook.xml.rels"]!)).not.toContain("calcChain");
    expect(strFromU8(zo["xl/workbook.xml"]!)).toContain('fullCalcOnLoad="1"');
  });

  it("a workbook saved by LibreOffice gets the same copy: only the planned cells change", async () => {
    if (!existsSync(SOFFICE)) {
      console.warn(`LibreOffice non trovato (${SOFFICE}): la prova su un file salvato da LibreOffice è saltata.`);
      return;
    }
    const src = join(dir, "da-libreoffice.ods");
    writeFileSync(join(dir, "sorgente.xlsx"), readFileSync(SAMPLE));
    // xlsx → ods → xlsx: the second file is written entirely by LibreOffice's own filter.
    const lo = (to: string, file: string, outDir: string) =>
      spawnSync(
        SOFFICE,
        [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", to, "--outdir", outDir, file],
        {
          encoding: "utf8",
          timeout: 180_000,
        },
      );
    expect(lo("ods", join(dir, "sorgente.xlsx"), dir).status).toBe(0);
    writeFileSync(src, readFileSync(join(dir, "sorgente.ods")));
    const outDir = join(dir, "lo-xlsx");
    expect(lo("xlsx", src, outDir).status).toBe(0);
    const saved = new Uint8Array(readFileSync(join(outDir, "da-libreoffice.xlsx")));
    const plan = cliPlan((await loadWorkbookGrid(saved)).grid);
    expect(plan.writes.length).toBeGreaterThan(3);
    const copy = await applyPlanToCopy(saved, plan);
    await expectOnlyPlannedCellsChanged(saved, copy, plan);
  }, 240_000);

  it("LibreOffice opens the copy and shows the written cells", async () => {
    if (!existsSync(SOFFICE)) {
      console.warn(`LibreOffice non trovato (${SOFFICE}): la prova di apertura con LibreOffice è saltata.`);
      return;
    }
    const plan: WritePlan = {
      writes: [
        {
          foglio: "Ob 1",
          cella: "O20",
          kind: "esito",
          value: "Scritto dalla copia",
          previous: { value: null, fill: null },
          conflict: false,
        },
      ],
      newSheets: [
        {
          name: "Riepilogo",
          cells: [
            { r: 0, c: 0, v: "=cmd|' /C calc'!A0" },
            { r: 1, c: 0, v: 42 },
          ],
        },
      ],
    };
    const copy = join(dir, "per-libreoffice.xlsx");
    writeFileSync(copy, await applyPlanToCopy(input, plan));
    const outDir = join(dir, "csv");
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        outDir,
        copy,
      ],
      { encoding: "utf8", timeout: 180_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(outDir);
    expect(files).toHaveLength(6);
    expect(readFileSync(join(outDir, "per-libreoffice-Ob 1.csv"), "utf8")).toContain("Scritto dalla copia");
    const riep = readFileSync(join(outDir, "per-libreoffice-Riepilogo.csv"), "utf8");
    expect(riep).toContain("=cmd|' /C calc'!A0"); // shown as the text it is, never computed
    expect(riep).toContain("42");
    expect(readFileSync(join(outDir, "per-libreoffice-Ente.csv"), "utf8").length).toBeGreaterThan(100);
  }, 240_000);
});
