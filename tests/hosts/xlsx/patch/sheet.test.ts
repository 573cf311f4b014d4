/** The worksheet edit on hand-written SpreadsheetML: only the written cells change, in order. */
import { describe, expect, it } from "vitest";
import { patchSheet, type CellEdit } from "../../../../src/hosts/xlsx/patch/sheet";
import { StylesPatch } from "../../../../src/hosts/xlsx/patch/styles";

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';

function run(sheet: string, edits: CellEdit[], date1904 = false) {
  const styles = new StylesPatch(STYLES);
  const out = patchSheet(sheet, edits, { styles: () => styles, date1904 });
  return { xml: out.xml, styles: styles.toXml(), replacedFormula: out.replacedFormula };
}

const wrap = (data: string, before = "") => `<worksheet xmlns="x">${before}<sheetData>${data}</sheetData><pageMargins/></worksheet>`;

describe("patchSheet", () => {
  it("replaces a cell in place and inserts cells and rows in order, leaving the rest as it was", () => {
    const data = '<row r="2" spans="1:3"><c r="A2" t="s"><v>0</v></c><c r="C2"><v>3</v></c></row><row r="5"><c r="B5"><v>1</v></c></row>';
    const { xml } = run(wrap(data), [
      { r: 1, c: 2, value: "OK" },
      { r: 1, c: 1, value: 7 },
      { r: 2, c: 0, value: true },
      { r: 9, c: 0, value: null, fill: "#FF0000" },
    ]);
    expect(xml).toBe(
      wrap(
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>7</v></c><c r="C2" t="inlineStr"><is><t xml:space="preserve">OK</t></is></c></row>' +
          '<row r="3"><c r="A3" t="b"><v>1</v></c></row><row r="5"><c r="B5"><v>1</v></c></row><row r="10"><c r="A10" s="3"/></row>',
      ),
    );
  });

  it("works under a namespace prefix, in an empty sheetData, and numbers rows and cells stored without r", () => {
    const prefixed = run('<x:worksheet xmlns:x="x"><x:sheetData/></x:worksheet>', [{ r: 0, c: 1, value: "a" }]).xml;
    expect(prefixed).toBe(
      '<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">a</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    );
    const implicit = run(wrap("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>"), [{ r: 0, c: 0, value: 9 }]).xml;
    expect(implicit).toBe(wrap('<row r="1"><c r="A1"><v>9</v></c><c r="B1"><v>2</v></c></row><row r="2"><c><v>3</v></c></row>'));
  });

  it("keeps a cell's format for a highlight, adds a date format only where none shows dates, and uses the 1904 system", () => {
    const data = '<row r="1"><c r="A1" s="2"><v>0.5</v></c><c r="B1" s="1"><v>1</v></c></row>';
    const day = new Date(Date.UTC(2023, 11, 31));
    const { xml, styles } = run(wrap(data), [
      { r: 0, c: 0, fill: "#00FF00" },
      { r: 0, c: 1, value: day },
      { r: 0, c: 2, value: day },
    ]);
    expect(xml).toContain('<c r="A1" s="3"><v>0.5</v></c>');
    expect(xml).toContain('<c r="B1" s="1"><v>45291</v></c>');
    expect(xml).toContain('<c r="C1" s="4"><v>45291</v></c>');
    expect(styles).toContain('<cellXfs count="5">');
    expect(styles).toContain(
      '<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment wrapText="1"/></xf>',
    );
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>');
    expect(styles).toContain('<fills count="3">');
    expect(run(wrap(data), [{ r: 0, c: 1, value: day }], true).xml).toContain("<v>43829</v>");
  });

  it("a new cell takes its row's or its column's format", () => {
    const sheet = wrap(
      '<row r="1" s="2" customFormat="1"><c r="A1"><v>1</v></c></row>',
      '<cols><col min="3" max="5" width="9" style="1"/></cols>',
    );
    const { xml } = run(sheet, [
      { r: 0, c: 1, fill: "#FF0000" },
      { r: 3, c: 3, value: 4 },
    ]);
    expect(xml).toContain('<c r="B1" s="3"/>');
    expect(xml).toContain('<row r="4"><c r="D4" s="1"><v>4</v></c></row>');
  });

  it("reports a formula overwritten, for the calculation chain", () => {
    const data = '<row r="1"><c r="A1"><f>B1*2</f><v>2</v></c><c r="B1"><v>1</v></c></row>';
    expect(run(wrap(data), [{ r: 0, c: 1, value: 3 }]).replacedFormula).toBe(false);
    expect(run(wrap(data), [{ r: 0, c: 0, value: 3 }]).replacedFormula).toBe(true);
  });
});
