/**
 * The consolidation as new sheets (issue 4): Riepilogo, Fasi in ritardo, Personale, Performance
 * ente, Segnalazioni. Neutral SheetSpecs, so the xlsx and Office hosts lay them out alike.
 * Choices (docs/CONSOLIDAMENTO.md): percentages are written as fractions with a "0.0%" format,
 * so they sort, filter and chart as numbers; every string copied from a settore's file is a
 * SpecCell string, which hosts write as text (never a formula).
 */
import type { Consolidation, Classe, VoceStrategica } from "../domain/consolidation/model";
import type { Esito, Gravita, Indicatore } from "../domain/model";
import { consolidamento as t, controlli } from "../strings/it";
import type { CellStyle, SheetSpec, SpecCell } from "./sheet-spec";
import type { WritePlan } from "./write-plan";

export const PERCENT_FMT = "0.0%";
const HEADER: CellStyle = {
  bold: true,
  fill: "#D9E1F2",
  border: true,
  wrap: true,
  vAlign: "middle",
};
const TITLE: CellStyle = { bold: true, fontSize: 14 };
const NOTE: CellStyle = { italic: true, color: "#595959" };

/** Esiti and classes in the colours Excel users know from conditional formatting. */
export const ESITO_STYLE: Record<Esito, CellStyle> = {
  OK: { fill: "#C6EFCE", color: "#006100" },
  PARZIALE: { fill: "#FFEB9C", color: "#9C5700" },
  "NON RAGGIUNTO": { fill: "#FFC7CE", color: "#9C0006" },
  "DA VERIFICARE": { fill: "#D9D9D9", color: "#3A3A3A" },
};
const CLASSE_STYLE: Record<Classe, CellStyle> = {
  raggiunto: ESITO_STYLE.OK,
  "parzialmente raggiunto": ESITO_STYLE.PARZIALE,
  "non raggiunto": ESITO_STYLE["NON RAGGIUNTO"],
};
const GRAVITA_STYLE: Record<Gravita, CellStyle> = {
  errore: ESITO_STYLE["NON RAGGIUNTO"],
  avviso: ESITO_STYLE.PARZIALE,
  info: ESITO_STYLE["DA VERIFICARE"],
};

type Value = SpecCell["v"] | undefined;

/** Collects cells and tracks the widest text per column for the widths. */
class SheetBuilder {
  readonly cells: SpecCell[] = [];
  /** Row heights in points, for wrapped headers and long texts (hosts do not auto-fit). */
  readonly heights: Record<number, number> = {};
  private readonly longest: number[] = [];

  put(r: number, c: number, v: Value, style?: CellStyle, measure = true): void {
    const value = v === undefined ? null : v;
    if (value === null && !style) return;
    this.cells.push(style ? { r, c, v: value, style } : { r, c, v: value });
    if (!measure || value === null) return;
    const len =
      value instanceof Date
        ? 10
        : typeof value === "number"
          ? 8
          : Math.max(
              ...String(value)
                .split("\n")
                .map((l) => l.length),
            );
    this.longest[c] = Math.max(this.longest[c] ?? 0, len);
  }

  row(r: number, values: Value[], style?: CellStyle): void {
    values.forEach((v, c) => this.put(r, c, v, style));
  }

  header(r: number, labels: string[], styles: Record<number, CellStyle> = {}): void {
    // Headers wrap on two lines, so they count for at most 14 characters of width.
    labels.forEach((l, c) => {
      this.put(r, c, l === "" ? null : l, { ...HEADER, ...styles[c] }, false);
      this.longest[c] = Math.max(this.longest[c] ?? 0, Math.min(l.length, 14));
    });
    this.heights[r] = 30;
  }

  widths(max: Record<number, number> = {}): number[] {
    return Array.from(this.longest, (n, c) => Math.min(Math.max((n ?? 0) + 2, 8), max[c] ?? 45));
  }
}

/** The Messaggio column: wide, wrapped; a row gets one line of height per this many characters. */
const MESSAGGIO_WIDTH = 90;
const MESSAGGIO_CHARS = 95;

const pct = (x: number | null): number | null => (x === null ? null : x / 100);
const pctStyle = (extra?: CellStyle): CellStyle => ({
  fmt: PERCENT_FMT,
  ...extra,
});
const mesi = (ms: number[]): string => (ms.length ? ms.map((m) => t.mesi[m - 1] ?? String(m)).join(", ") : t.nessunMese);
const classeStyle = (c: Classe | null): CellStyle | undefined => (c ? CLASSE_STYLE[c] : undefined);

const x = controlli.consolidamento.colonne;

function riepilogo(c: Consolidation): SheetSpec {
  const b = new SheetBuilder();
  const k = t.colonne;
  b.put(0, 0, t.titoli.riepilogo(c.esercizio, c.al), TITLE, false);
  b.put(1, 0, t.titoli.fonti(c.file.length, c.fileNonLetti.length), NOTE, false);
  const head = [
    k.file,
    k.foglio,
    k.numero,
    k.titolo,
    k.strategico,
    k.missione,
    k.pesatura,
    k.nIndicatori,
    "OK",
    "PARZIALE",
    "NON RAGGIUNTO",
    "DA VERIFICARE",
    k.nonMisurati,
    k.grado,
    k.tempi,
    k.classe,
    k.errori,
    k.avvisi,
    x.forzati,
  ];
  const H = 2;
  // The esito counts wear their esito's colour in the header.
  b.header(H, head, {
    8: ESITO_STYLE.OK,
    9: ESITO_STYLE.PARZIALE,
    10: ESITO_STYLE["NON RAGGIUNTO"],
    11: ESITO_STYLE["DA VERIFICARE"],
  });
  let r = H + 1;
  for (const o of c.obiettivi) {
    b.row(r, [
      o.file,
      o.foglio,
      o.numero,
      o.titolo,
      o.obiettivoStrategico,
      o.missioneProgramma,
      o.prerequisito ? "prerequisito" : o.pesatura,
      o.nIndicatori,
      o.esiti.OK,
      o.esiti.PARZIALE,
      o.esiti["NON RAGGIUNTO"],
      o.esiti["DA VERIFICARE"],
      o.esiti.nonMisurati,
    ]);
    b.put(r, 13, pct(o.mediaValoreRaggiunto), pctStyle());
    b.put(r, 14, pct(o.mediaRispettoTempi), pctStyle());
    b.put(r, 15, o.classe, classeStyle(o.classe));
    b.put(r, 16, o.errori, o.errori ? GRAVITA_STYLE.errore : undefined);
    b.put(r, 17, o.avvisi);
    if (o.esitiForzati) b.put(r, 18, o.esitiForzati, ESITO_STYLE["DA VERIFICARE"]);
    r++;
  }
  const lastObiettivo = r - 1;

  // Sintesi per settore and ente, below the table so that the frozen header stays short.
  r += 1;
  b.put(r++, 0, t.titoli.sintesi, { bold: true, fontSize: 12 }, false);
  // Aligned with the obiettivi table: grado, tempi, classe, errori and avvisi in the same columns.
  const sintesiHead = Array<string>(18).fill("");
  Object.assign(sintesiHead, {
    0: k.settore,
    1: k.nObiettivi,
    3: k.nota,
    8: t.classi.raggiunto,
    9: t.classi.parziale,
    10: t.classi.nonRaggiunto,
    11: k.nonValutabili,
    12: k.fasiInRitardo,
    13: k.grado,
    14: k.tempi,
    15: k.classe,
    16: k.errori,
    17: k.avvisi,
  });
  b.header(r++, sintesiHead, { 8: CLASSE_STYLE.raggiunto, 9: CLASSE_STYLE["parzialmente raggiunto"], 10: CLASSE_STYLE["non raggiunto"] });
  const lines = [...c.settori.map((s) => ({ ...s, label: s.file, bold: false })), { ...c.ente, label: t.titoli.ente, bold: true }];
  for (const s of lines) {
    const st: CellStyle | undefined = s.bold ? { bold: true } : undefined;
    b.row(r, [s.label, s.nObiettivi], st);
    if (s.nota) {
      b.put(r, 3, s.nota, { ...NOTE, wrap: true }, false);
      b.heights[r] = 30;
    }
    [s.classi.raggiunto, s.classi["parzialmente raggiunto"], s.classi["non raggiunto"], s.classi.nonValutabili, s.fasiInRitardo].forEach(
      (v, i) => b.put(r, 8 + i, v, st),
    );
    b.put(r, 13, pct(s.grado), pctStyle(st));
    b.put(r, 14, pct(s.mediaRispettoTempi), pctStyle(st));
    b.put(r, 15, s.classe, { ...st, ...classeStyle(s.classe) });
    b.put(r, 16, s.errori, st);
    b.put(r, 17, s.avvisi, st);
    r++;
  }

  const spec: SheetSpec = {
    name: t.fogli.riepilogo,
    cells: b.cells,
    heights: b.heights,
    widths: b.widths({ 0: 30, 3: 50, 4: 40, 5: 35 }),
    freeze: { rows: H + 1, cols: 0 },
    filter: {
      r1: H,
      c1: 0,
      r2: Math.max(H, lastObiettivo),
      c2: head.length - 1,
    },
    print: { landscape: true, fitToWidth: true },
  };
  if (c.obiettivi.length > 0)
    spec.chart = {
      kind: "bar",
      title: t.titoli.grafico,
      categoriesCol: 2,
      valuesCol: 13,
      firstRow: H + 1,
      lastRow: lastObiettivo,
      anchorRow: H,
      anchorCol: head.length + 1,
    };
  return spec;
}

function fasiInRitardo(c: Consolidation): SheetSpec {
  const b = new SheetBuilder();
  const k = t.colonne;
  b.put(0, 0, t.titoli.fasiInRitardo + (c.al ? ` (${c.al})` : ""), TITLE, false);
  const head = [k.file, k.foglio, k.numero, k.titolo, k.fase, k.descrizione, k.mesiPrevisti, k.mesiEffettivi];
  b.header(1, head);
  let r = 2;
  for (const f of c.fasiInRitardo)
    b.row(r++, [f.file, f.foglio, f.numero, f.titolo, f.n, f.descrizione, mesi(f.previsto), mesi(f.effettivo)]);
  if (c.fasiInRitardo.length === 0) b.put(r, 0, t.titoli.nessunaFase, NOTE, false);
  return {
    name: t.fogli.fasiInRitardo,
    cells: b.cells,
    heights: b.heights,
    widths: b.widths({ 0: 30, 3: 45, 5: 50 }),
    freeze: { rows: 2, cols: 0 },
    filter: { r1: 1, c1: 0, r2: Math.max(1, r - 1), c2: head.length - 1 },
    print: { landscape: true, fitToWidth: true },
  };
}

function personale(c: Consolidation): SheetSpec {
  const b = new SheetBuilder();
  const k = t.colonne;
  b.put(0, 0, t.titoli.personale, TITLE, false);
  const head = [k.nome, k.varianti, k.categoria, k.nObiettivi, k.totalePrevista, k.totaleRealizzata, x.capacita, x.periodo, x.anomalia];
  b.header(1, head);
  let r = 2;
  const over = ESITO_STYLE["NON RAGGIUNTO"];
  const anomalie = controlli.consolidamento.anomalie;
  for (const p of c.personale) {
    const altre = p.varianti.filter((v) => v !== p.nome);
    const schede = new Set(p.partecipazioni.map((x) => `${x.file}\u0000${x.foglio}`)).size;
    b.row(r, [p.nome, altre.length ? altre.join("; ") : null, p.categoria, schede]);
    // Totals against the person's 100 % (or part-time share): over it, in the "non raggiunto" colours.
    b.put(r, 4, pct(p.totalePrevista), pctStyle(p.anomalie.includes("prevista") ? over : undefined));
    b.put(r, 5, pct(p.totaleRealizzata), pctStyle(p.anomalie.includes("realizzata") ? over : undefined));
    b.put(r, 6, pct(p.capienza), pctStyle());
    if (p.periodi.length) b.put(r, 7, p.periodi.join("; "), p.anomalie.includes("periodo") ? over : undefined);
    if (p.anomalie.length) b.put(r, 8, p.anomalie.map((a) => anomalie[a]).join("; "), over);
    r++;
  }
  const lastPersona = r - 1;
  // The detail, one row per partecipazione, for who wants to see each obiettivo's share.
  r += 1;
  b.put(r++, 0, t.titoli.dettaglioPersonale, { bold: true, fontSize: 12 }, false);
  // Same columns as the table above where they mean the same, then where the share comes from.
  b.header(r++, [k.nome, k.nomeScritto, k.categoria, k.numero, k.prevista, k.realizzata, k.file, k.foglio, k.titolo]);
  for (const p of c.personale)
    for (const x of p.partecipazioni) {
      b.row(r, [p.nome, x.nomeScritto, x.categoria, x.numero]);
      b.put(r, 4, pct(x.prevista), pctStyle());
      b.put(r, 5, pct(x.realizzata), pctStyle());
      b.row(r, [undefined, undefined, undefined, undefined, undefined, undefined, x.file, x.foglio, x.titolo]);
      r++;
    }
  return {
    name: t.fogli.personale,
    cells: b.cells,
    heights: b.heights,
    widths: b.widths({ 0: 32, 1: 45, 6: 30, 7: 30, 8: 50 }),
    freeze: { rows: 2, cols: 1 },
    filter: { r1: 1, c1: 0, r2: Math.max(1, lastPersona), c2: head.length - 1 },
    print: { landscape: true, fitToWidth: true },
  };
}

/** An atteso/realizzato as a cell: percentages as fractions, ISO dates as dates, the rest as it is. */
function valoreCell(v: Indicatore["atteso"], tipo: Indicatore["tipo"]): { v: Value; style?: CellStyle } {
  if (v === null) return { v: null };
  if (typeof v === "number") return tipo === "percentuale" ? { v: v / 100, style: pctStyle() } : { v };
  const m = tipo === "data" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (m)
    return {
      v: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
      style: { fmt: "dd/mm/yyyy" },
    };
  return { v };
}

function performanceEnte(c: Consolidation): SheetSpec {
  const b = new SheetBuilder();
  const k = t.colonne;
  b.put(0, 0, t.titoli.performanceEnte, TITLE, false);
  const head = [
    k.file,
    k.foglio,
    k.titolo,
    k.processo,
    k.indicatore,
    k.atteso,
    k.realizzato,
    k.raggiungimento,
    k.esito,
    "Esito scritto",
    k.gradoEnte,
    k.classe,
  ];
  b.header(1, head);
  let r = 2;
  for (const e of c.performanceEnte) {
    const rows = e.indicatori.length ? e.indicatori : [null];
    for (const i of rows) {
      b.row(r, [e.file, e.foglio, e.titolo, e.missioneProgramma, i?.indicatore]);
      if (i) {
        const a = valoreCell(i.atteso, i.tipo);
        const z = valoreCell(i.realizzato, i.tipo);
        b.put(r, 5, a.v, a.style);
        b.put(r, 6, z.v, z.style);
        b.put(r, 7, pct(i.raggiungimento), pctStyle());
        b.put(r, 8, i.esito, i.esito ? ESITO_STYLE[i.esito] : undefined);
        b.put(r, 9, i.esitoScritto);
      }
      b.put(r, 10, pct(e.grado), pctStyle());
      b.put(r, 11, e.classe, classeStyle(e.classe));
      r++;
    }
  }
  if (c.performanceEnte.length === 0) b.put(r, 0, t.titoli.nessunaSchedaEnte, NOTE, false);
  return {
    name: t.fogli.performanceEnte,
    cells: b.cells,
    heights: b.heights,
    widths: b.widths({ 0: 30, 2: 40, 3: 35, 4: 55 }),
    freeze: { rows: 2, cols: 0 },
    filter: { r1: 1, c1: 0, r2: Math.max(1, r - 1), c2: head.length - 1 },
    print: { landscape: true, fitToWidth: true },
  };
}

function segnalazioni(c: Consolidation): SheetSpec {
  const b = new SheetBuilder();
  const k = t.colonne;
  b.put(0, 0, t.titoli.segnalazioni, TITLE, false);
  const head = [k.file, k.foglio, k.cella, k.gravita, k.codice, k.messaggio];
  b.header(1, head);
  let r = 2;
  for (const f of c.fileNonLetti) {
    b.row(r, [f.file, null, null]);
    b.put(r, 3, "errore", GRAVITA_STYLE.errore);
    b.row(r, [undefined, undefined, undefined, undefined, t.titoli.fileNonLeggibile, f.motivo]);
    r++;
  }
  for (const s of c.segnalazioni) {
    b.row(r, [s.file, s.foglio, s.cella || null]);
    b.put(r, 3, s.gravita, GRAVITA_STYLE[s.gravita]);
    b.put(r, 4, s.codice);
    b.put(r, 5, s.messaggio, { wrap: true }, false);
    const lines = Math.ceil(s.messaggio.length / MESSAGGIO_CHARS);
    if (lines > 1) b.heights[r] = 15 * lines;
    r++;
  }
  if (r === 2) b.put(r, 0, t.titoli.nessunaSegnalazione, NOTE, false);
  return {
    name: t.fogli.segnalazioni,
    cells: b.cells,
    heights: b.heights,
    widths: [...b.widths({ 0: 30, 1: 25, 4: 34 }).slice(0, 5), MESSAGGIO_WIDTH],
    freeze: { rows: 2, cols: 0 },
    filter: { r1: 1, c1: 0, r2: Math.max(1, r - 1), c2: head.length - 1 },
    print: { landscape: true, fitToWidth: true },
  };
}

function strategico(c: Consolidation): SheetSpec {
  const b = new SheetBuilder();
  const k = t.colonne;
  const ct = controlli.consolidamento;
  b.put(0, 0, ct.titoli.strategico, TITLE, false);
  const head = [x.livello, x.voce, x.nObiettivi, k.numero, x.prerequisiti, k.grado, k.tempi, k.classe, x.pesiUniformi, k.nota];
  b.header(1, head);
  let r = 2;
  const righe: VoceStrategica[] = [
    ...c.strategico.filter((v) => v.livello === "strategico"),
    ...c.missioni,
    ...c.strategico.filter((v) => v.livello === "mandato"),
  ];
  for (const v of righe) {
    b.row(r, [ct.livelli[v.livello], v.voce, v.nObiettivi, v.obiettivi.join(", "), v.prerequisiti || null]);
    b.put(r, 5, pct(v.grado), pctStyle());
    b.put(r, 6, pct(v.mediaRispettoTempi), pctStyle());
    b.put(r, 7, v.classe, classeStyle(v.classe));
    b.put(r, 8, v.pesiUniformi ? x.pesiUguali : x.pesiPesati);
    if (v.nota) b.put(r, 9, v.nota, { ...NOTE, wrap: true }, false);
    r++;
  }
  if (righe.length === 0) b.put(r, 0, ct.titoli.nessunRiferimento, NOTE, false);
  const spec: SheetSpec = {
    name: ct.fogli.strategico,
    cells: b.cells,
    heights: b.heights,
    widths: b.widths({ 1: 50, 3: 30, 9: 60 }),
    freeze: { rows: 2, cols: 0 },
    filter: { r1: 1, c1: 0, r2: Math.max(1, r - 1), c2: head.length - 1 },
    print: { landscape: true, fitToWidth: true },
  };
  // The chart the hosts draw where they can: grado per obiettivo strategico (the first block of rows).
  const nStrategici = c.strategico.filter((v) => v.livello === "strategico").length;
  const n = nStrategici || righe.length;
  if (n > 0)
    spec.chart = {
      kind: "bar",
      title: ct.titoli.grafico,
      categoriesCol: 1,
      valuesCol: 5,
      firstRow: 2,
      lastRow: 2 + n - 1,
      anchorRow: 1,
      anchorCol: head.length + 1,
    };
  return spec;
}

function indicatori(c: Consolidation): SheetSpec {
  const b = new SheetBuilder();
  const k = t.colonne;
  const ct = controlli.consolidamento;
  b.put(0, 0, ct.titoli.indicatori, TITLE, false);
  const head = [
    k.file,
    k.foglio,
    k.numero,
    k.titolo,
    k.cella,
    k.indicatore,
    k.atteso,
    k.realizzato,
    k.raggiungimento,
    k.esito,
    "Esito scritto",
    x.forzato,
  ];
  b.header(1, head);
  let r = 2;
  for (const i of c.indicatori) {
    b.row(r, [i.file, i.foglio, i.numero, i.titolo, i.cella, i.indicatore]);
    const a = valoreCell(i.atteso, i.tipo);
    const z = valoreCell(i.realizzato, i.tipo);
    b.put(r, 6, a.v, a.style);
    b.put(r, 7, z.v, z.style);
    b.put(r, 8, pct(i.raggiungimento), pctStyle());
    b.put(r, 9, i.esito, i.esito ? ESITO_STYLE[i.esito] : undefined);
    b.put(r, 10, i.esitoScritto);
    if (i.forzato !== null) b.put(r, 11, i.forzato || "forzato", ESITO_STYLE["DA VERIFICARE"]);
    r++;
  }
  return {
    name: ct.fogli.indicatori,
    cells: b.cells,
    heights: b.heights,
    widths: b.widths({ 0: 30, 3: 40, 5: 55, 11: 50 }),
    freeze: { rows: 2, cols: 0 },
    filter: { r1: 1, c1: 0, r2: Math.max(1, r - 1), c2: head.length - 1 },
    print: { landscape: true, fitToWidth: true },
  };
}

function variazioni(c: Consolidation): SheetSpec | null {
  const v = c.variazioni;
  if (!v) return null;
  const b = new SheetBuilder();
  const k = t.colonne;
  const ct = controlli.consolidamento;
  const tipi = ct.variazioni;
  b.put(0, 0, ct.titoli.variazioni(v.alPrecedente, c.al), TITLE, false);
  b.put(1, 0, ct.titoli.precedente(v.precedente), NOTE, false);
  const head = [x.tipo, k.file, k.foglio, k.numero, k.titolo, x.chiave, x.prima, x.ora];
  const H = 2;
  b.header(H, head);
  let r = H + 1;
  const riga = (
    tipo: string,
    o: { file: string; foglio: string; numero: string | null; titolo: string | null },
    dettaglio: Value,
    prima: Value,
    ora: Value,
    isPct = false,
  ) => {
    b.row(r, [tipo, o.file, o.foglio, o.numero, o.titolo, dettaglio]);
    b.put(r, 6, isPct && typeof prima === "number" ? prima / 100 : prima, isPct ? pctStyle() : undefined);
    b.put(r, 7, isPct && typeof ora === "number" ? ora / 100 : ora, isPct ? pctStyle() : undefined);
    r++;
  };
  for (const o of v.obiettivi) {
    riga(tipi.grado, o, null, o.gradoPrima, o.gradoOra, true);
    riga(tipi.tempi, o, null, o.tempiPrima, o.tempiOra, true);
  }
  for (const f of v.fasiInRitardo) riga(tipi.inRitardo, f, `${k.fase} ${f.n}${f.descrizione ? `: ${f.descrizione}` : ""}`, null, null);
  for (const f of v.fasiRecuperate) riga(tipi.recuperata, f, `${k.fase} ${f.n}${f.descrizione ? `: ${f.descrizione}` : ""}`, null, null);
  for (const e of v.esiti) riga(tipi.esito, e, e.indicatore, e.prima, e.ora);
  for (const o of v.aggiunti) riga(tipi.aggiunto, o, null, null, null);
  for (const o of v.tolti) riga(tipi.tolto, o, null, null, null);
  const last = r - 1;
  if (r === H + 1) b.put(r++, 0, ct.titoli.nessunaVariazione, NOTE, false);
  if (!v.esitiConfrontati) b.put(r + 1, 0, ct.titoli.esitiNonConfrontati, NOTE, false);
  return {
    name: ct.fogli.variazioni,
    cells: b.cells,
    heights: b.heights,
    widths: b.widths({ 0: 28, 1: 30, 4: 45, 5: 50 }),
    freeze: { rows: H + 1, cols: 0 },
    filter: { r1: H, c1: 0, r2: Math.max(H, last), c2: head.length - 1 },
    print: { landscape: true, fitToWidth: true },
  };
}

/** The sheets of a consolidation, in the order the Segretario reads them (Variazioni only when comparing). */
export function consolidationSheets(c: Consolidation): SheetSpec[] {
  const v = variazioni(c);
  return [
    riepilogo(c),
    strategico(c),
    ...(v ? [v] : []),
    fasiInRitardo(c),
    personale(c),
    indicatori(c),
    performanceEnte(c),
    segnalazioni(c),
  ];
}

/** The consolidation as a write plan: no cell of the open workbook changes, the riepilogo's sheets are added. */
export function planConsolidamento(c: Consolidation): WritePlan {
  return { writes: [], newSheets: consolidationSheets(c) };
}
