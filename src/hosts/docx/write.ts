/**
 * The Relazione outline (src/domain/relazione) → a .docx, with the `docx` library, in Node and in
 * the browser. Styles: Title, Heading1–3 (so Word's navigation pane and the table of contents
 * work), a "Citazione" style for the schede's own words. Every user text is a plain text run:
 * no field, no hyperlink, no formula is ever made from it; the table of contents is our own field.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { Blocco, Parte, Relazione } from "../../domain/relazione/model";
import { relazione as t } from "../../strings/it-documenti";
import { CHART_HEIGHT, CHART_WIDTH, barChartPng } from "./bar-chart";
import { plainText } from "./plain-text";

const FONT = "Calibri";
const ACCENT = "1F3864";
const HEAD_FILL = "D9E1F2";
/** Chart width on the page, in pixels at 96 dpi (16 cm). */
const CHART_PAGE_WIDTH = 605;
/** Text width of an A4 page with Word's default margins, in twentieths of a point. */
const PAGE_TWIPS = 9638;

/** A text run for user or computed text; line breaks become breaks, never paragraphs. */
function runs(text: string, opts: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  const lines = plainText(text).split("\n");
  return lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

function parti(list: Parte[]): ParagraphChild[] {
  return list.flatMap((p) => runs(p.testo, { bold: p.grassetto, italics: p.corsivo }));
}

function table(b: Extract<Blocco, { tipo: "tabella" }>): Table {
  const right = new Set(b.numeriche ?? []);
  const cell = (text: string, col: number, head: boolean) =>
    new TableCell({
      shading: head ? { type: ShadingType.CLEAR, color: "auto", fill: HEAD_FILL } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      width: { size: columnWidths[col] ?? 0, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: right.has(col) && !head ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          children: runs(text, { bold: head }),
        }),
      ],
    });
  // Columns share the page by how much they hold (a long title gets room, a figure little).
  const weight = b.intestazione.map((h, i) =>
    Math.min(
      30,
      Math.max(11, ...h.split(/\s+/).map((w) => w.length + 1), ...b.righe.slice(0, 200).map((r) => Math.min(60, (r[i] ?? "").length))),
    ),
  );
  const sum = weight.reduce((x, y) => x + y, 0);
  const columnWidths = weight.map((w) => Math.round((w / sum) * PAGE_TWIPS));
  return new Table({
    width: { size: PAGE_TWIPS, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: b.intestazione.map((h, i) => cell(h, i, true)) }),
      ...b.righe.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

function chart(b: Extract<Blocco, { tipo: "grafico" }>): Paragraph[] {
  const png = barChartPng(b.barre, b.soglie);
  const voci = b.barre.map((x) => `${x.etichetta} ${x.valore === null ? t.nd : `${x.valore}%`}`);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width: CHART_PAGE_WIDTH, height: Math.round((CHART_PAGE_WIDTH * CHART_HEIGHT) / CHART_WIDTH) },
          altText: { name: plainText(b.titolo), title: plainText(b.titolo), description: plainText(t.grafici.alt(b.titolo, voci)) },
        }),
      ],
    }),
    new Paragraph({ style: "Didascalia", alignment: AlignmentType.CENTER, children: runs(b.titolo) }),
  ];
}

function blocks(b: Blocco): Array<Paragraph | Table | TableOfContents> {
  switch (b.tipo) {
    case "titolo":
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.testo) })];
    case "sottotitolo":
      return [new Paragraph({ style: "Subtitle", children: runs(b.testo) })];
    case "indice":
      return [
        new Paragraph({ style: "TOCHeading", children: runs(b.titolo) }),
        new TableOfContents(b.titolo, { hyperlink: true, headingStyleRange: "1-3" }),
      ];
    case "intestazione": {
      const h = b.livello === 1 ? HeadingLevel.HEADING_1 : b.livello === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return [new Paragraph({ heading: h, keepNext: true, children: runs(b.testo) })];
    }
    case "paragrafo":
      return [new Paragraph({ children: parti(b.parti) })];
    case "elenco":
      return b.voci.map((v) => new Paragraph({ bullet: { level: 0 }, children: parti(v) }));
    case "tabella":
      return [table(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case "citazione":
      return [
        new Paragraph({ style: "EtichettaCitazione", keepNext: true, children: runs(b.etichetta, { bold: true }) }),
        new Paragraph({ style: "Citazione", children: runs(`«${b.testo}»`) }),
      ];
    case "grafico":
      return chart(b);
  }
}

export function relazioneDocument(r: Relazione): Document {
  const heading = (size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before, after: 120 } },
  });
  return new Document({
    creator: "Monitoraggio PEG",
    title: plainText(r.titolo),
    description: t.avvertenza,
    lastModifiedBy: "Monitoraggio PEG",
    revision: 1,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: "it-IT" } }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 48, bold: true, color: ACCENT }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(32, 360),
        heading2: heading(26, 240),
        heading3: heading(23, 200),
      },
      paragraphStyles: [
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", run: { size: 26, color: "595959" } },
        { id: "TOCHeading", name: "TOC Heading", basedOn: "Normal", next: "Normal", run: { size: 28, bold: true, color: ACCENT } },
        { id: "Didascalia", name: "Caption", basedOn: "Normal", next: "Normal", run: { size: 18, italics: true, color: "404040" } },
        {
          id: "EtichettaCitazione",
          name: "Etichetta citazione",
          basedOn: "Normal",
          next: "Citazione",
          run: { size: 20, color: ACCENT },
          paragraph: { indent: { left: 567 }, spacing: { after: 0 } },
        },
        {
          id: "Citazione",
          name: "Citazione",
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true, color: "262626" },
          paragraph: {
            indent: { left: 567 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: "8EA9DB", space: 8 } },
          },
        },
      ],
    },
    sections: [{ children: r.blocchi.flatMap(blocks) }],
  });
}

/** The document's bytes. */
export async function relazioneDocx(r: Relazione): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(relazioneDocument(r));
  return new Uint8Array(buf);
}
