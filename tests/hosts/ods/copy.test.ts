import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { applyPlanToOdsCopy } from "../../../src/hosts/ods/copy";
import { loadOdsGrid } from "../../../src/hosts/ods/read";
import type { CellWrite, WritePlan } from "../../../src/sheets/write-plan";

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" ' +
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

const CONTENT = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles><style:style style:name="ce1" style:family="table-cell"><style:table-cell-properties fo:border="0.74pt solid #000000"/></style:style></office:automatic-styles><office:body><office:spreadsheet>
<table:table table:name="Ob 1"><table:table-column table:number-columns-repeated="10"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>Esito</text:p></table:table-cell><table:table-cell table:style-name="ce1" table:number-columns-repeated="5"/></table:table-row>
<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="10"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>`;

function ods(): Uint8Array {
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": strToU8(CONTENT),
    "styles.xml": strToU8(`<office:document-styles ${NS}/>`),
    "Thumbnails/thumbnail.png": new Uint8Array([1, 2, 3]),
  });
}

function write(cella: string, w: Partial<CellWrite>): CellWrite {
  return { foglio: "Ob 1", cella, kind: "esito", previous: { value: null, fill: null }, conflict: false, ...w };
}

describe("applyPlanToOdsCopy", () => {
  const input = ods();
  const before = input.slice();
  const plan: WritePlan = {
    writes: [
      write("C1", { value: "OK" }),
      write("B500", { value: 0.75, fmt: "0%" }),
      write("D500", { fill: "#FF9999" }),
      write("A2", { value: '=HYPERLINK("http://x")' }),
    ],
    newSheets: [],
  };
  const copy = applyPlanToOdsCopy(input, plan, { fileName: "settore.ods" });
  const grid = loadOdsGrid(copy).sheets[0]!;

  it("writes exactly the planned cells, splitting repeated rows and cells around them", () => {
    expect(grid.get(0, 2)).toEqual({ v: "OK" });
    expect(grid.get(0, 1)).toBeUndefined();
    expect(grid.get(499, 1)).toEqual({ v: 0.75, fmt: "0%" });
    expect(grid.get(499, 3)).toEqual({ v: null, fill: "#FF9999" });
    expect(grid.get(498, 1)).toBeUndefined();
    expect(grid.get(500, 1)).toBeUndefined();
    expect(grid.cellCount).toBe(5);
  });

  it("keeps text that looks like a formula as text", () => {
    expect(grid.get(1, 0)).toEqual({ v: '=HYPERLINK("http://x")' });
    expect(strFromU8(unzipSync(copy)["content.xml"]!)).not.toContain("table:formula");
  });

  it("carries every other entry over byte for byte, mimetype first, and never touches the input", () => {
    const a = unzipSync(input);
    const b = unzipSync(copy);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of ["mimetype", "styles.xml", "Thumbnails/thumbnail.png"]) expect(b[name]).toEqual(a[name]);
    expect(input).toEqual(before);
  });
});
