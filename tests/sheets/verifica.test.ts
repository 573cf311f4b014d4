import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../src/domain/settings";
import { verifica } from "../../src/sheets/verifica";
import { MESI, obiettivoRows, pct, sheet, wb, type In } from "../helpers/grid";

const settings = SettingsSchema.parse({ dataRiferimento: "2023-12-31", esercizio: 2023 });
const run = (...sheets: Parameters<typeof wb>) => verifica(wb(...sheets), { file: "t.xlsx", settings });
const codes = (a: ReturnType<typeof run>, foglio?: string) =>
  a.report.segnalazioni.filter((s) => !foglio || s.foglio === foglio).map((s) => `${s.codice}@${s.cella}`);

describe("partecipazione (spec §5)", () => {
  it("reports a prevista sum different from 100 as an errore, pointing at the Prevista header", () => {
    const a = run(
      sheet(
        "Ob",
        obiettivoRows({
          personale: [
            ["PO", "Mario Rossi", 60, null],
            ["C", "Anna Bianchi", 30, null],
          ],
        }),
      ),
    );
    const d = a.report.segnalazioni.find((s) => s.codice === "PARTECIPAZIONE_PREVISTA_SOMMA")!;
    expect(d).toMatchObject({ gravita: "errore", cella: "C7" });
    expect(d.messaggio).toContain("90 %");
  });
  it("accepts ±0,5 and reads fractions with a % format", () => {
    const a = run(
      sheet(
        "Ob",
        obiettivoRows({
          personale: [
            ["PO", "Mario Rossi", pct(0.333), pct(0.5)],
            ["C", "Anna Bianchi", pct(0.67), pct(0.5)],
          ],
        }),
      ),
    );
    expect(codes(a).filter((c) => c.startsWith("PARTECIPAZIONE"))).toEqual([]);
    expect(a.report.schede[0]!.personale[0]).toMatchObject({ prevista: 33.3, realizzata: 50 });
  });
  it("reports the realizzata sum only when some realizzata is filled", () => {
    const none = run(sheet("Ob", obiettivoRows({ personale: [["PO", "Mario Rossi", 100, null]] })));
    expect(codes(none)).not.toContain("PARTECIPAZIONE_REALIZZATA_SOMMA@D7");
    const some = run(
      sheet(
        "Ob",
        obiettivoRows({
          personale: [
            ["PO", "Mario Rossi", 50, "40%"],
            ["C", "Anna Bianchi", 50, "55%"],
          ],
        }),
      ),
    );
    expect(some.report.segnalazioni.find((s) => s.codice === "PARTECIPAZIONE_REALIZZATA_SOMMA")).toMatchObject({
      gravita: "avviso",
      cella: "D7",
    });
  });
  it("reports a percentage that is not a number or is outside 0–100", () => {
    const a = run(
      sheet(
        "Ob",
        obiettivoRows({
          personale: [
            ["PO", "Mario Rossi", "tanto", 120],
            ["C", "Anna Bianchi", 100, null],
          ],
        }),
      ),
    );
    expect(codes(a)).toEqual(expect.arrayContaining(["PARTECIPAZIONE_NON_VALIDA@C8", "PARTECIPAZIONE_NON_VALIDA@D8"]));
  });
});

describe("fasi e cronoprogramma (spec §4.2)", () => {
  it("computes stati and the media rispetto dei tempi", () => {
    const a = run(
      sheet(
        "Ob",
        obiettivoRows({
          fasi: [
            [1, "Uno"],
            [2, "Due"],
            [3, "Tre"],
            [4, ""],
          ],
          crono: [
            { n: 1, previsto: [1, 2], effettivo: [1, 2] },
            { n: 2, previsto: [3], effettivo: [3, 4] },
            { n: 3, previsto: [], effettivo: [] },
            { n: 4, previsto: [5], effettivo: [] },
          ],
        }),
      ),
    );
    const s = a.report.schede[0]!;
    expect(s.fasi.map((f) => [f.n, f.stato])).toEqual([
      [1, "nei tempi"],
      [2, "in ritardo"],
      [3, "non valutabile"],
      [4, null],
    ]);
    expect(s.fasi[1]).toMatchObject({ previsto: [3], effettivo: [3, 4] });
    expect(s.mediaRispettoTempi).toBe(50);
    const c = codes(a);
    expect(c.some((x) => x.startsWith("FASE_IN_RITARDO"))).toBe(true);
    expect(c.some((x) => x.startsWith("FASE_SENZA_PREVISTO"))).toBe(true);
    expect(c.some((x) => x.startsWith("FASE_MARCATA_SENZA_DESCRIZIONE"))).toBe(true);
  });
  it("reports effettivo months after the data di riferimento and ignores them", () => {
    const s = SettingsSchema.parse({ dataRiferimento: "2023-06-30", esercizio: 2023 });
    const a = verifica(wb(sheet("Ob", obiettivoRows({ crono: [{ n: 1, previsto: [1, 2], effettivo: [1, 2, 9] }] }))), {
      file: "t",
      settings: s,
    });
    const d = a.report.segnalazioni.find((x) => x.codice === "EFFETTIVO_FUTURO")!;
    expect(d.gravita).toBe("errore");
    expect(d.cella).toBe("J16"); // September of the "1 effettivo" row
    expect(a.report.schede[0]!.fasi[0]!.stato).toBe("nei tempi");
  });
  it("reads marks given as fill only, and ignores a background fill over the whole table", () => {
    const fill = (f: string) => ({ v: null, fill: f });
    const rows: In[][] = [
      ["N.OBIETTIVO", "TITOLO", "PESATURA"],
      ["2.01", "Titolo", 1],
      ["Descrizione delle fasi di attuazione"],
      [1, "Fase"],
      [2, "Altra"],
      ["CRONOPROGRAMMA"],
      ["FASI E TEMPI", ...MESI],
      ["1 previsto", ...Array.from({ length: 12 }, (_, i) => (i < 2 ? fill("#9DC3E6") : fill("#F2F2F2")))],
      ["1 effettivo", ...Array.from({ length: 12 }, (_, i) => (i === 1 ? fill("#A9D08E") : fill("#F2F2F2")))],
      ["2 previsto", ...Array.from({ length: 12 }, () => fill("#F2F2F2"))],
      ["2 effettivo", ...Array.from({ length: 12 }, () => fill("#F2F2F2"))],
    ];
    const f = run(sheet("Ob", rows)).report.schede[0]!.fasi;
    expect(f[0]).toMatchObject({ previsto: [1, 2], effettivo: [2] });
    expect(f[1]).toMatchObject({ previsto: [], effettivo: [] });
  });
});

describe("indicatori e medie (spec §4.1, §4.3)", () => {
  it("reports invalid and divergent esiti, and non-valutabile indicators", () => {
    const a = run(
      sheet(
        "Ob",
        obiettivoRows({
          indicatori: [
            ["Pratiche evase", 100, 80, "OK"],
            ["Scadenza", "30/06/2023", "30/06/2023", new Date(Date.UTC(2023, 5, 30))],
            ["Relazione", "relazione", "fatta", ""],
          ],
        }),
      ),
    );
    expect(codes(a)).toEqual(expect.arrayContaining(["ESITO_DIVERGENTE@D20", "ESITO_NON_VALIDO@D21", "INDICATORE_NON_VALUTABILE@C22"]));
    const ind = a.report.schede[0]!.indicatori;
    expect(ind.map((i) => [i.esito, i.esitoScritto])).toEqual([
      ["PARZIALE", "OK"],
      ["OK", "30/06/2023"],
      ["DA VERIFICARE", null],
    ]);
    expect(a.report.schede[0]!.mediaValoreRaggiunto).toBe(90);
  });
  it("compares typed MEDIA values in the finale column at year end, within 0,5", () => {
    const rows = obiettivoRows({
      indicatori: [["Pratiche evase", 100, 80, "PARZIALE"]],
      medie: { intermedia: [pct(0.1), pct(0.1)], finale: [pct(0.797), pct(0.5)] },
    });
    const a = run(sheet("Ob", rows));
    const c = codes(a);
    expect(c.filter((x) => x.startsWith("MEDIA_VALORE"))).toEqual([]);
    expect(c.filter((x) => x.startsWith("MEDIA_TEMPI"))).toEqual(["MEDIA_TEMPI_DIVERGENTE@D24"]);
    const mid = verifica(wb(sheet("Ob", rows)), {
      file: "t",
      settings: SettingsSchema.parse({ dataRiferimento: "2023-12-30", esercizio: 2023 }),
    });
    expect(codes(mid).filter((x) => x.startsWith("MEDIA_"))).toEqual(["MEDIA_VALORE_DIVERGENTE@B23", "MEDIA_TEMPI_DIVERGENTE@B24"]);
  });
  it("reports a date without a year as info", () => {
    const a = run(sheet("Ob", obiettivoRows({ indicatori: [["monitoraggio", "30-giu", "30/06/2023"]] })));
    expect(a.report.segnalazioni.find((s) => s.codice === "DATA_SENZA_ANNO")).toMatchObject({ gravita: "info", cella: "B20" });
  });
});

describe("schede, duplicati e fogli particolari", () => {
  it("reports duplicated numbers, missing pesatura and sheets that are not schede", () => {
    const a = run(
      sheet("Copertina", [["PEG 2023"], ["Comune di prova"]]),
      sheet("A", obiettivoRows({ numero: "1.01", pesatura: null })),
      sheet("B", obiettivoRows({ numero: "1.01" })),
    );
    expect(codes(a)).toEqual([
      "SCHEDA_NON_RICONOSCIUTA@A1",
      "OBIETTIVO_NUMERO_DUPLICATO@A3",
      "PESATURA_MANCANTE@C3",
      "OBIETTIVO_NUMERO_DUPLICATO@A3",
      // The same person at 100 % on both copies: 200 % prevista and realizzata (quadratura, spec §4.3b).
      "PERSONA_PARTECIPAZIONE_ECCEDENTE@B8",
      "PERSONA_PARTECIPAZIONE_ECCEDENTE@B8",
    ]);
    expect(a.nonSchede).toEqual(["Copertina"]);
  });
  it("reads hidden schede, says so, and skips very hidden sheets", () => {
    const hidden = sheet("Nascosto", obiettivoRows({}), { hidden: true });
    const vh = sheet("Tecnico", [["N.OBIETTIVO"]]);
    vh.visibility = "veryHidden";
    const a = run(hidden, vh);
    expect(a.report.schede.map((s) => s.foglio)).toEqual(["Nascosto"]);
    expect(codes(a)).toContain("FOGLIO_NASCOSTO@A1");
    expect(a.schede[0]!.hidden).toBe(true);
  });
  it("turns Excel errors into diagnostics, never crashes", () => {
    const a = run(
      sheet(
        "Ob",
        obiettivoRows({
          personale: [["PO", "Mario Rossi", { v: null, error: "#REF!" }, null]],
          indicatori: [["Pratiche", 100, { v: null, error: "#DIV/0!", formula: "A1/0" }]],
        }),
      ),
    );
    expect(codes(a)).toEqual(expect.arrayContaining(["VALORE_ERRORE_EXCEL@C8", "VALORE_ERRORE_EXCEL@C20"]));
  });
  it("reports broken blocks: no month header, no Esito column", () => {
    const rows: In[][] = [
      ["N.OBIETTIVO", "TITOLO", "PESATURA"],
      ["3.01", "Rotto", 5],
      ["CRONOPROGRAMMA"],
      ["FASI E TEMPI", "primo trimestre", "secondo trimestre"],
      ["INDICATORI DI PERFORMANCE"],
      ["Indicatore", "Performance attesa", "Performance realizzata", "Note"],
      ["Pratiche", 10, 10],
    ];
    const a = run(sheet("Ob", rows));
    expect(codes(a)).toEqual(["BLOCCO_NON_RICONOSCIUTO@A3", "BLOCCO_NON_RICONOSCIUTO@C6"]);
    expect(a.report.schede[0]!.indicatori[0]).toMatchObject({ esito: "OK", esitoScritto: null });
  });
  it("ignores a stray value at XFD1048576", () => {
    const g = sheet("Ob", obiettivoRows({}));
    g.set(1_048_575, 16_383, { v: "stray" });
    const a = run(g);
    expect(a.report.schede).toHaveLength(1);
    expect(a.report.segnalazioni.filter((s) => s.gravita !== "info")).toEqual([]);
  });
});

describe("scheda di ente (spec §2.2, §4.4)", () => {
  it("reads indicators and grado, and checks the media of the indici", () => {
    const rows: In[][] = [
      ["Obiettivo di performance organizzativa di ente", "ANNO", 2023],
      [undefined, "Peso obiettivo", 30],
      ["Indici"],
      [undefined, 2020, 2021, 2022, "media", "2023 da rilevare a consuntivo"],
      ["N. dipendenti", 24, 25, 25, 25, 22],
      ["Concorsi", 0, 0, 2, 2, 1],
      ["Personale coinvolto nel Processo"],
      ["Nome e cognome", "Categoria", "% partecipaz.prev.", "% partecipaz.eff."],
      ["Pia Romagnano", "PO", "50,00", "50,00"],
      ["Marina Comi", "PO", "50,00", "50,00"],
      ["INDICATORI PERFORMANCE ORGANIZZATIVA DI ENTE", "Atteso", "Realizzato", "ESITO"],
      ["Rispetto equilibri", pct(1, "0.00%"), pct(1)],
      ["Tempestività pagamenti", 0, -8],
      ["Grado di raggiungimento dell'obiettivo"],
    ];
    const a = run(sheet("Ente", rows));
    const s = a.report.schede[0]!;
    expect(s).toMatchObject({ tipo: "ente", pesatura: 30, mediaValoreRaggiunto: 100 });
    expect(s.indicatori.map((i) => i.esito)).toEqual(["OK", "OK"]);
    expect(s.personale.map((p) => p.prevista)).toEqual([50, 50]);
    expect(codes(a)).toEqual(["INDICE_MEDIA_DIVERGENTE@E6"]);
    expect(a.schede[0]!.rec.grado).toEqual({ r: 13, c: 1 });
  });
});

describe("persone (spec §5, PERSONA_NOME_VARIANTE)", () => {
  it("points at the cells that spell a person differently from the others, ignoring periods", () => {
    const a = run(
      sheet(
        "A",
        obiettivoRows({
          numero: "1",
          personale: [
            ["PO", "Marina Comi", 50, null],
            ["PO", "Marco Maoloni (gennaio - aprile 2023)", 50, null],
          ],
        }),
      ),
      sheet(
        "B",
        obiettivoRows({
          numero: "2",
          personale: [
            ["PO", "Marina Comi", 50, null],
            ["PO", "Marco Maoloni", 50, null],
          ],
        }),
      ),
      sheet("C", obiettivoRows({ numero: "3", personale: [["PO", "COMI  Marina", 100, null]] })),
    );
    const d = a.report.segnalazioni.filter((s) => s.codice === "PERSONA_NOME_VARIANTE");
    expect(d.map((s) => `${s.foglio}!${s.cella}`)).toEqual(["C!B8"]);
    expect(d[0]!.messaggio).toContain("«Marina Comi»");
  });
});
