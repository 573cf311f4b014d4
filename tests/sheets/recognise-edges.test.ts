/**
 * Edge cases of label-based recognition that real workbooks produce: long indicator tables with
 * holes, more than seven fasi, month headers with a year, merged name cells, a PESATURA typed as
 * text, blocks in another order, month headers that are real dates.
 */
import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../src/domain/settings";
import { planEsiti } from "../../src/sheets/plans";
import { verifica } from "../../src/sheets/verifica";
import { MESI, marks, sheet, wb, type In } from "../helpers/grid";

const settings = SettingsSchema.parse({ dataRiferimento: "2023-12-31", esercizio: 2023 });
const run = (rows: In[][], merges: Array<[number, number, number, number]> = []) => {
  const g = sheet("Ob", rows);
  for (const [r1, c1, r2, c2] of merges) g.addMerge({ r1, c1, r2, c2 });
  return verifica(wb(g), { file: "t.xlsx", settings });
};
const codes = (a: ReturnType<typeof run>) => a.report.segnalazioni.map((s) => `${s.codice}@${s.cella}`);

const header: In[][] = [["OBIETTIVO DI STRUTTURA"], ["N.OBIETTIVO", "TITOLO", "PESATURA"], ["1.01.01", "Titolo", 10], []];
const personale: In[][] = [
  ["PERSONALE COINVOLTO"],
  ["Cat.", "Cognome e Nome", "% Partecipazione"],
  [undefined, undefined, "Prevista", "Realizzata"],
  ["PO", "Mario Rossi", 100, 100],
  [],
];
const fasiBlock = (n: number): In[][] => [
  ["Descrizione delle fasi di attuazione"],
  ...Array.from({ length: n }, (_, i): In[] => [i + 1, `Fase ${i + 1}`]),
  [],
];
const cronoBlock = (n: number, months: In[] = MESI, markOf = (i: number) => [(i % 12) + 1]): In[][] => [
  ["CRONOPROGRAMMA"],
  ["FASI E TEMPI", ...months],
  ...Array.from({ length: n }, (_, i): In[][] => [
    [`${i + 1} previsto`, ...marks(markOf(i))],
    [`${i + 1} effettivo`, ...marks(markOf(i))],
  ]).flat(),
  [],
];
const indicatoriBlock = (rows: In[][]): In[][] => [
  ["INDICATORI DI PERFORMANCE"],
  ["Indicatore", "Performance attesa", "Performance realizzata", "Esito", "Note"],
  ...rows,
  [],
];
const verificaBlock: In[][] = [
  ["VERIFICA INTERMEDIA AL 30/06", undefined, "VERIFICA FINALE"],
  ["MEDIA VALORE RAGGIUNTO %", undefined, "MEDIA VALORE RAGGIUNTO %"],
  ["MEDIA RISPETTO DEI TEMPI %", undefined, "MEDIA RISPETTO DEI TEMPI %"],
];
const oneIndicator: In[][] = [["Pratiche evase", "80%", "85%", "OK"]];

describe("recognition edge cases", () => {
  it("reads an indicator table of eight rows with an empty row in the middle", () => {
    const ind: In[][] = [];
    for (let i = 1; i <= 8; i++) {
      if (i === 5) ind.push([]);
      ind.push([`Indicatore ${i}`, 10 * i, 10 * i, "OK"]);
    }
    const a = run([...header, ...personale, ...fasiBlock(1), ...cronoBlock(1), ...indicatoriBlock(ind), ...verificaBlock]);
    const s = a.report.schede[0]!;
    expect(s.indicatori.map((i) => i.indicatore)).toEqual(Array.from({ length: 8 }, (_, i) => `Indicatore ${i + 1}`));
    expect(s.indicatori.map((i) => i.esito)).toEqual(Array(8).fill("OK"));
    expect(codes(a).filter((c) => !c.startsWith("FASE"))).toEqual([]);
  });

  it("reads ten fasi in the description and the cronoprogramma", () => {
    const a = run([...header, ...personale, ...fasiBlock(10), ...cronoBlock(10), ...indicatoriBlock(oneIndicator), ...verificaBlock]);
    const s = a.report.schede[0]!;
    expect(s.fasi.map((f) => [f.n, f.descrizione, f.previsto, f.effettivo])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i + 1, `Fase ${i + 1}`, [i + 1], [i + 1]]),
    );
    expect(s.mediaRispettoTempi).toBe(100);
  });

  it("reads a month header written «GEN 2023» … «DIC 2023»", () => {
    const months = [
      "GEN 2023",
      "FEB 2023",
      "MAR 2023",
      "APR 2023",
      "MAG 2023",
      "GIU 2023",
      "LUG 2023",
      "AGO 2023",
      "SET 2023",
      "OTT 2023",
      "NOV 2023",
      "DIC 2023",
    ];
    const a = run([
      ...header,
      ...personale,
      ...fasiBlock(3),
      ...cronoBlock(3, months, (i) => [3 * i + 2, 3 * i + 3]),
      ...indicatoriBlock(oneIndicator),
      ...verificaBlock,
    ]);
    expect(a.report.schede[0]!.fasi.map((f) => f.previsto)).toEqual([
      [2, 3],
      [5, 6],
      [8, 9],
    ]);
    expect(codes(a).filter((c) => c.startsWith("BLOCCO"))).toEqual([]);
  });

  it("reads a month header made of real dates formatted «mmm-yy» (as Date cells or as serial numbers)", () => {
    const asDate: In[] = Array.from({ length: 12 }, (_, m) => ({ v: new Date(Date.UTC(2023, m, 1)), fmt: "mmm-yy" }));
    // 44927 is 1/1/2023 in Excel's 1900 system; Office.js hands dates over as serials.
    const firsts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    const asSerial: In[] = firsts.map((d) => ({ v: 44927 + d, fmt: "mmm-yy" }));
    for (const months of [asDate, asSerial]) {
      const a = run([
        ...header,
        ...personale,
        ...fasiBlock(2),
        ...cronoBlock(2, months, (i) => [i + 7]),
        ...indicatoriBlock(oneIndicator),
        ...verificaBlock,
      ]);
      expect(a.report.schede[0]!.fasi.map((f) => [f.previsto, f.effettivo])).toEqual([
        [[7], [7]],
        [[8], [8]],
      ]);
      expect(codes(a).filter((c) => c.startsWith("BLOCCO"))).toEqual([]);
    }
  });

  it("reads personale whose name cells (and header) are merged across two columns", () => {
    const rows: In[][] = [
      ...header,
      ["PERSONALE COINVOLTO"],
      ["Cat.", "Cognome e Nome", undefined, "% Partecipazione"],
      [undefined, undefined, undefined, "Prevista", "Realizzata"],
      ["D", "Mario Rossi", undefined, 60, 50],
      ["C", "Anna Bianchi", undefined, "40%", "50,00"],
      [],
      ...fasiBlock(1),
      ...cronoBlock(1),
      ...indicatoriBlock(oneIndicator),
      ...verificaBlock,
    ];
    const top = header.length;
    const a = run(rows, [
      [top + 1, 1, top + 1, 2],
      [top + 3, 1, top + 3, 2],
      [top + 4, 1, top + 4, 2],
      [top + 1, 3, top + 1, 4],
    ]);
    expect(a.report.schede[0]!.personale).toEqual([
      { nome: "Mario Rossi", categoria: "D", prevista: 60, realizzata: 50 },
      { nome: "Anna Bianchi", categoria: "C", prevista: 40, realizzata: 50 },
    ]);
    expect(codes(a).filter((c) => c.startsWith("PARTECIPAZIONE") || c.startsWith("BLOCCO"))).toEqual([]);
  });

  it("reads a PESATURA typed as «20%» (and as «20,5 %»)", () => {
    for (const [typed, want] of [
      ["20%", 20],
      ["20,5 %", 20.5],
      [{ v: 0.2, fmt: "0%" }, 20],
    ] as const) {
      const h: In[][] = [header[0]!, header[1]!, ["1.01.01", "Titolo", typed as In], []];
      const a = run([...h, ...personale, ...fasiBlock(1), ...cronoBlock(1), ...indicatoriBlock(oneIndicator), ...verificaBlock]);
      expect(a.report.schede[0]!.pesatura).toBe(want);
      expect(codes(a)).not.toContain("PESATURA_MANCANTE@C3");
    }
  });

  it("reads a scheda whose indicators come before the fasi and the cronoprogramma", () => {
    const a = run([
      ...header,
      ...indicatoriBlock([
        ["Pratiche evase", "80%", "85%", "OK"],
        ["Tempo medio (giorni)", 30, 40, "PARZIALE"],
      ]),
      ...personale,
      ...cronoBlock(2, MESI, (i) => [i + 1]),
      ...fasiBlock(2),
      ...verificaBlock,
    ]);
    const s = a.report.schede[0]!;
    expect(s.indicatori.map((i) => [i.indicatore, i.esito, i.esitoScritto])).toEqual([
      ["Pratiche evase", "OK", "OK"],
      ["Tempo medio (giorni)", "PARZIALE", "PARZIALE"],
    ]);
    expect(s.personale.map((p) => p.nome)).toEqual(["Mario Rossi"]);
    expect(s.fasi.map((f) => [f.n, f.descrizione, f.previsto])).toEqual([
      [1, "Fase 1", [1]],
      [2, "Fase 2", [2]],
    ]);
    expect(codes(a)).toEqual([]);
  });

  it("reads coloured marks on a grid shaded in another colour (the shade is a background, not a mark)", () => {
    const bg = { v: null, fill: "#F2F2F2" };
    const mark = { v: null, fill: "#FFC000" };
    const shaded = (months: number[]): In[] => Array.from({ length: 12 }, (_, m) => (months.includes(m + 1) ? mark : bg));
    const plan = [
      [1, 2, 3],
      [3, 4],
      [5, 6],
      [7, 8, 9],
      [9, 10, 11],
      [11, 12],
    ];
    const crono: In[][] = [["CRONOPROGRAMMA"], ["FASI E TEMPI", ...MESI]];
    plan.forEach((m, i) => crono.push([`${i + 1} previsto`, ...shaded(m)], [`${i + 1} effettivo`, ...shaded(m)]));
    const a = run([...header, ...personale, ...fasiBlock(6), ...crono, [], ...indicatoriBlock(oneIndicator), ...verificaBlock]);
    expect(a.report.schede[0]!.fasi.map((f) => [f.previsto, f.effettivo])).toEqual(plan.map((m) => [m, m]));
  });

  it("keeps two-colour marks on a white grid as marks, even when one colour fills half the table", () => {
    const prev = { v: null, fill: "#FFC000" };
    const eff = { v: null, fill: "#00B050" };
    const a = run([
      ...header,
      ...personale,
      ...fasiBlock(1),
      ["CRONOPROGRAMMA"],
      ["FASI E TEMPI", ...MESI],
      ["1 previsto", ...marks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], prev)],
      ["1 effettivo", ...marks([1, 2, 3, 4, 5, 6], eff)],
      [],
      ...indicatoriBlock(oneIndicator),
      ...verificaBlock,
    ]);
    expect(a.report.schede[0]!.fasi[0]).toMatchObject({ previsto: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], effettivo: [1, 2, 3, 4, 5, 6] });
  });

  it("reads an indicator header over two rows (Indicatore and Esito merged down, «Performance» over attesa | realizzata)", () => {
    const rows: In[][] = [
      ...header,
      ...personale,
      ...fasiBlock(1),
      ...cronoBlock(1),
      ["INDICATORI DI PERFORMANCE"],
      ["Indicatore", "Performance", undefined, "Esito", "Note"],
      [undefined, "attesa", "realizzata"],
      ["Pratiche evase", "80%", "70%", "OK"],
      ["Pratiche arretrate", 30, 25, undefined, "decrescente"],
      [],
      ...verificaBlock,
    ];
    const h = rows.findIndex((r) => r[0] === "Indicatore");
    const merged: Array<[number, number, number, number]> = [
      [h, 0, h + 1, 0],
      [h, 1, h, 2],
      [h, 3, h + 1, 3],
      [h, 4, h + 1, 4],
    ];
    // Merged down, and the same header drawn with borders only (no merges).
    for (const merges of [merged, []]) {
      const a = run(rows, merges);
      const s = a.report.schede[0]!;
      expect(s.indicatori.map((i) => [i.indicatore, i.atteso, i.realizzato, i.esito, i.esitoScritto, i.direzione])).toEqual([
        ["Pratiche evase", 80, 70, "PARZIALE", "OK", "crescente"],
        ["Pratiche arretrate", 30, 25, "OK", null, "decrescente"],
      ]);
      expect(codes(a).filter((c) => c.startsWith("BLOCCO"))).toEqual([]);
      expect(codes(a)).toContain(`ESITO_DIVERGENTE@D${h + 3}`);
    }
  });

  it("does not take a «Totale» row under the personale for a person", () => {
    const totali: In[][] = [
      [undefined, "TOTALE", 100, 100],
      ["Totale", undefined, "100%", "100%"],
      [undefined, "Totale complessivo", { v: 1, fmt: "0%", formula: "SUM(C9:C10)" }, { v: 1, fmt: "0%" }],
    ];
    for (const tot of totali) {
      const rows: In[][] = [
        ...header,
        ["PERSONALE COINVOLTO"],
        ["Cat.", "Cognome e Nome", "% Partecipazione"],
        [undefined, undefined, "Prevista", "Realizzata"],
        ["PO", "Mario Rossi", 60, 50],
        ["C", "Anna Bianchi", 40, 50],
        tot,
        [],
        ...fasiBlock(1),
        ...cronoBlock(1),
        ...indicatoriBlock(oneIndicator),
        ...verificaBlock,
      ];
      const a = run(rows);
      expect(a.report.schede[0]!.personale.map((p) => p.nome)).toEqual(["Mario Rossi", "Anna Bianchi"]);
      expect(codes(a).filter((c) => c.startsWith("PARTECIPAZIONE"))).toEqual([]);
    }
  });

  it("ends the indicator table at «RELAZIONE INTERMEDIA» when the VERIFICA header is missing", () => {
    const a = run([
      ...header,
      ...personale,
      ...fasiBlock(1),
      ...cronoBlock(1),
      ["INDICATORI DI PERFORMANCE"],
      ["Indicatore", "Performance attesa", "Performance realizzata", "Esito", "Note"],
      ["monitoraggio intermedio", "30-giu", "30-giu", "OK"],
      ["RELAZIONE INTERMEDIA", undefined, "RELAZIONE FINALE"],
      ["Nessuna criticità nel primo monitoraggio.", undefined, "Il monitoraggio finale non ha evidenziato criticità."],
      ["MEDIA VALORE RAGGIUNTO %", "100%", "MEDIA VALORE RAGGIUNTO %", "100%"],
      ["MEDIA RISPETTO DEI TEMPI %", "100%", "MEDIA RISPETTO DEI TEMPI %", "100%"],
      ["Provvedimenti correttivi", undefined, "Provvedimenti correttivi"],
    ]);
    expect(a.report.schede[0]!.indicatori.map((i) => i.indicatore)).toEqual(["monitoraggio intermedio"]);
    expect(codes(a).filter((c) => c.startsWith("INDICATORE") || c.startsWith("ESITO"))).toEqual([]);
  });

  it("finds the empty intermedia MEDIA cells beside their labels, not the VERIFICA FINALE labels further right", () => {
    const rows = [...header, ...personale, ...fasiBlock(1), ...cronoBlock(1), ...indicatoriBlock(oneIndicator), ...verificaBlock];
    const g = sheet("Ob", rows);
    const midYear = SettingsSchema.parse({ dataRiferimento: "2023-06-30", esercizio: 2023 });
    const a = verifica(wb(g), { file: "t.xlsx", settings: midYear });
    const v = a.schede[0]!.rec.verifica;
    const valoreRow = rows.findIndex((r) => r[0] === "MEDIA VALORE RAGGIUNTO %");
    expect(v.intermedia).toEqual({ valore: { r: valoreRow, c: 1 }, tempi: { r: valoreRow + 1, c: 1 } });
    expect(v.finale).toEqual({ valore: { r: valoreRow, c: 3 }, tempi: { r: valoreRow + 1, c: 3 } });
    // What "Calcola esiti" would write mid-year: into B, never over the label in C.
    const writes = planEsiti(a).writes.filter((w) => w.kind === "mediaValore" || w.kind === "mediaTempi");
    expect(writes.map((w) => [w.kind, w.cella, w.conflict])).toEqual([
      ["mediaValore", `B${valoreRow + 1}`, false],
      ["mediaTempi", `B${valoreRow + 2}`, false],
    ]);
  });

  it("reads an effettivo row that carries no fase number (the number only on the previsto row, not merged)", () => {
    const plan = [
      { p: [1, 2], e: [2, 3] },
      { p: [4], e: [4] },
      { p: [6, 7], e: [] },
    ];
    const numberInLabel: In[][] = plan.flatMap((f, i) => [
      [`${i + 1} previsto`, ...marks(f.p)],
      ["effettivo", ...marks(f.e)],
    ]);
    const numberBeside: In[][] = plan.flatMap((f, i) => [
      [i + 1, "Previsto", ...marks(f.p)],
      [undefined, "Effettivo", ...marks(f.e)],
    ]);
    for (const [lead, body] of [
      [1, numberInLabel],
      [2, numberBeside],
    ] as const) {
      const crono: In[][] = [["CRONOPROGRAMMA"], ["FASI E TEMPI", ...(lead === 2 ? [undefined] : []), ...MESI], ...body, []];
      const a = run([...header, ...personale, ...fasiBlock(3), ...crono, ...indicatoriBlock(oneIndicator), ...verificaBlock]);
      expect(a.report.schede[0]!.fasi.map((f) => [f.n, f.previsto, f.effettivo])).toEqual(plan.map((f, i) => [i + 1, f.p, f.e]));
    }
  });
});
