import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { barChartPng } from "../../../src/hosts/docx/bar-chart";
import { relazioneDocx } from "../../../src/hosts/docx/write";
import type { Relazione } from "../../../src/domain/relazione/model";

const hostile = ['{ HYPERLINK "http://evil.example" }', "http://www.comune.example/atti", "=cmd|' /C calc'!A0", "<w:fldSimple/> & \u0007"];

const doc: Relazione = {
  titolo: "Relazione sulla performance 2023",
  blocchi: [
    { tipo: "titolo", testo: "Relazione sulla performance 2023" },
    { tipo: "indice", titolo: "Indice" },
    { tipo: "intestazione", livello: 1, testo: "Performance dei settori" },
    { tipo: "intestazione", livello: 2, testo: hostile[0]! },
    { tipo: "paragrafo", parti: [{ testo: hostile[1]!, grassetto: true }] },
    { tipo: "tabella", intestazione: ["A", "B"], righe: [[hostile[2]!, "1"]], numeriche: [1] },
    { tipo: "citazione", etichetta: "Analisi degli scostamenti", testo: `${hostile[3]!}\nseconda riga` },
    {
      tipo: "grafico",
      titolo: "Grado per settore",
      barre: [{ etichetta: "S1", valore: 75, classe: "parzialmente raggiunto" }],
      soglie: [60, 95],
    },
  ],
};

describe("relazioneDocx", async () => {
  const bytes = await relazioneDocx(doc);
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]!);

  it("is a Word package with the heading styles, a table of contents field and the chart image", () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["word/document.xml", "word/styles.xml", "[Content_Types].xml"]));
    expect(xml).toContain('w:val="Title"');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain("TOC \\h \\o &quot;1-3&quot;");
    expect(Object.keys(files).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
    expect(strFromU8(files["word/styles.xml"]!)).toContain("it-IT");
  });

  it("writes the user's text as text: no field, no hyperlink, no control character", () => {
    // The only field is our table of contents; the only hyperlinks are its entries' anchors.
    const instr = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim());
    expect(instr.every((i) => i.startsWith("TOC") || i.startsWith("PAGEREF"))).toBe(true);
    expect(xml).not.toContain("<w:fldSimple");
    expect(xml).not.toMatch(/<w:hyperlink [^>]*r:id=/);
    expect(strFromU8(files["word/_rels/document.xml.rels"]!)).not.toContain("evil.example");
    expect(xml).toContain("{ HYPERLINK &quot;http://evil.example&quot; }");
    expect(xml).toContain("=cmd|&apos; /C calc&apos;!A0");
    expect(xml).toContain("&lt;w:fldSimple/&gt; &amp; ");
    expect(xml).not.toContain("\u0007");
    expect(xml).toContain("<w:br/>");
  });
});

describe("barChartPng", () => {
  it("is a PNG of the chart's size, with bars in the class colour", () => {
    const png = barChartPng([{ etichetta: "1", valore: 100, classe: "raggiunto" }], []);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const v = new DataView(png.buffer, png.byteOffset);
    expect([v.getUint32(16), v.getUint32(20)]).toEqual([1200, 560]);
    expect(png.length).toBeLessThan(60_000);
  });
});
