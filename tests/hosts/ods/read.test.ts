import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isPegError } from "../../../src/domain/errors";
import { sniffFormat } from "../../../src/hosts/formats";
import { loadOdsGrid } from "../../../src/hosts/ods/read";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" ' +
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}><office:styles>
<style:style style:name="Marca" style:family="table-cell"><style:table-cell-properties fo:background-color="#9dc3e6"/></style:style>
</office:styles></office:document-styles>`;

function content(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>
<number:percentage-style style:name="N10"><number:number number:decimal-places="0"/><number:text>%</number:text></number:percentage-style>
<number:number-style style:name="N2"><number:number number:decimal-places="2"/></number:number-style>
<number:date-style style:name="N37"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N10"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"><style:table-cell-properties fo:background-color="#d9e1f2"/></style:style>
<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Marca"/>
<style:style style:name="ce4" style:family="table-cell" style:data-style-name="N37"/>
<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
}

function ods(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync(
    {
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": strToU8(content(body)),
      "styles.xml": strToU8(STYLES),
      ...extra,
    },
    { level: 6 },
  );
}

const SHEET = `<table:table table:name="Ob 1"><table:table-column table:number-columns-repeated="1024"/>
<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="3" table:number-rows-spanned="2"><text:p>N.OBIETTIVO</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="3" table:style-name="ce2"><text:p>3,00</text:p></table:table-cell></table:table-row>
<table:table-row><table:covered-table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="percentage" office:value="0.25" table:style-name="ce1"><text:p>25%</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="date" office:date-value="2023-06-30" table:style-name="ce4"><text:p>30/06/2023</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VERO</text:p></table:table-cell><table:table-cell table:style-name="ce3" table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>Primo<text:s text:c="2"/>paragrafo</text:p><text:p>secondo</text:p><office:annotation><text:p>un commento</text:p></office:annotation></table:table-cell><table:table-cell table:formula="of:=SUM([.A1:.B2])" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell><table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<table:table table:name="Nascosto" table:style-name="ta2"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:style-name="ce3" table:number-columns-repeated="16384"/></table:table-row></table:table>`;

describe("loadOdsGrid", () => {
  const bytes = ods(SHEET);
  const grid = loadOdsGrid(bytes, { fileName: "settore.ods" });
  const s = grid.sheets[0]!;

  it("is told apart from an .xlsx by its bytes", () => {
    expect(sniffFormat(bytes)).toBe("ods");
  });

  it("reads values as the xlsx reader gives them: percent as a fraction with %, dates as UTC days, booleans", () => {
    expect(s.get(0, 0)).toEqual({ v: "N.OBIETTIVO" });
    expect(s.get(0, 3)).toEqual({ v: 3, fmt: "0.00", fill: "#D9E1F2" });
    expect(s.get(1, 3)).toEqual({ v: 0.25, fmt: "0%" });
    expect(s.get(2, 0)).toEqual({ v: new Date(Date.UTC(2023, 5, 30)), fmt: "dd/mm/yyyy" });
    expect(s.get(2, 1)).toEqual({ v: true });
  });

  it("keeps a fill-only cell (a cronoprogramma mark), from a named parent style, once per repeated column", () => {
    expect(s.get(2, 2)).toEqual({ v: null, fill: "#9DC3E6" });
    expect(s.get(2, 3)).toEqual({ v: null, fill: "#9DC3E6" });
  });

  it("joins paragraphs with line breaks, expands <text:s>, leaves comments out", () => {
    expect(s.get(2, 4)).toEqual({ v: "Primo  paragrafo\nsecondo" });
  });

  it("keeps formulas' cached values and errors", () => {
    expect(s.get(2, 5)).toEqual({ v: 7, formula: "SUM(A1:B2)" });
    expect(s.get(2, 6)?.error).toBe("#DIV/0!");
  });

  it("turns spans into merges", () => {
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 1, c2: 2 }]);
    expect(s.visible(1, 2)?.v).toBe("N.OBIETTIVO");
  });

  it("allocates nothing for a million repeated empty rows, nor for a background over a whole sheet", () => {
    expect(s.cellCount).toBe(10);
    expect(grid.sheets[1]!.visibility).toBe("hidden");
    expect(grid.sheets[1]!.cellCount).toBe(0);
  });

  it("is read through loadWorkbookGrid, like an .xlsx", async () => {
    const { grid: g } = await loadWorkbookGrid(bytes, { fileName: "settore.ods" });
    expect(g.sheets.map((x) => x.name)).toEqual(["Ob 1", "Nascosto"]);
  });

  it("refuses a broken file with an Italian message", () => {
    const cut = bytes.subarray(0, bytes.length - 40);
    let err: unknown;
    try {
      loadOdsGrid(cut, { fileName: "rotto.ods" });
    } catch (e) {
      err = e;
    }
    expect(isPegError(err)).toBe(true);
    expect((err as Error).message).toContain("rotto.ods");
  });

  it("stops at the inflated-size bound, whatever the directory claims", () => {
    const big = ods(SHEET.replace("Primo", "x".repeat(200_000)));
    expect(() => loadOdsGrid(big, { fileName: "grande.ods", maxUnzippedBytes: 100_000 })).toThrow(/grande\.ods/);
  });
});
