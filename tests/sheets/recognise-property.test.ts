/**
 * Property: the same facts, laid out at random the way real comuni lay them out (origin offsets,
 * blank rows, label spellings, month names, mark and percent styles, block order, merged cells),
 * always read back as the same facts. Fifty layouts go through the neutral grid; a few through
 * real xlsx bytes. A seeded PRNG keeps every run the same, and a failure names its seed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SettingsSchema } from "../../src/domain/settings";
import { loadWorkbookGrid } from "../../src/hosts/xlsx";
import { SheetGrid, a1, type Cell, type MergeRange } from "../../src/sheets/grid";
import { verifica, type Analysis } from "../../src/sheets/verifica";
import { buildWorkbook, type CellIn, type FixtureSheet } from "../fixtures/workbooks";

// ── Seeded randomness ──────────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, good enough to pick layouts. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rnd {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ── The facts (never varied) ───────────────────────────────────────────────────────────────────

const NUMERO = "2.03.01";
const TITOLO = "Riorganizzazione dell'ufficio tributi";
const PESATURA = 25;
const PERSONALE = [
  { categoria: "D", nome: "Mario Rossi", prevista: 50, realizzata: 45 },
  { categoria: "C", nome: "Anna Bianchi", prevista: 30, realizzata: 35 },
  { categoria: "B", nome: "Niccolò D'Angelo (da marzo 2023)", prevista: 20, realizzata: 20 },
];
const FASI = [
  { descrizione: "Ricognizione delle pratiche arretrate", previsto: [1, 2, 3], effettivo: [1, 2, 3] },
  { descrizione: "Revisione della modulistica", previsto: [3, 4], effettivo: [4, 5] },
  { descrizione: "Pubblicazione sul sito istituzionale", previsto: [5, 6], effettivo: [5] },
  { descrizione: "Formazione del personale", previsto: [9, 10, 11], effettivo: [9, 10] },
  { descrizione: "Relazione finale", previsto: [12], effettivo: [12] },
  { descrizione: null, previsto: [], effettivo: [] },
];

type Val =
  | { kind: "pct"; value: number }
  | { kind: "num"; value: number }
  | { kind: "date"; d: number; m: number }
  | { kind: "sino"; value: "SI" | "NO" }
  | { kind: "text"; value: string };
const INDICATORI: Array<{ nome: string; atteso: Val; realizzato: Val; esito: string | null; note: string | null }> = [
  {
    nome: "Pratiche evase entro i termini",
    atteso: { kind: "pct", value: 80 },
    realizzato: { kind: "pct", value: 85 },
    esito: "OK",
    note: null,
  },
  {
    nome: "Tempo medio di risposta (giorni)",
    atteso: { kind: "num", value: 30 },
    realizzato: { kind: "num", value: 36 },
    esito: "PARZIALE",
    note: null,
  },
  {
    nome: "Monitoraggio intermedio",
    atteso: { kind: "date", d: 30, m: 6 },
    realizzato: { kind: "date", d: 28, m: 6 },
    esito: null,
    note: null,
  },
  {
    nome: "Regolamento approvato",
    atteso: { kind: "sino", value: "SI" },
    realizzato: { kind: "sino", value: "SI" },
    esito: "ok",
    note: null,
  },
  {
    nome: "Incontri con i cittadini",
    atteso: { kind: "text", value: "almeno 4" },
    realizzato: { kind: "num", value: 2 },
    esito: null,
    note: "crescente",
  },
  {
    nome: "Riduzione del contenzioso",
    atteso: { kind: "pct", value: 10 },
    realizzato: { kind: "pct", value: 12.5 },
    esito: "NON RAGGIUNTO",
    note: "decrescente",
  },
];

// ── Spellings users type ───────────────────────────────────────────────────────────────────────

const SPELL = {
  // The seed's spellings, and (issue 8) the vocabulary other comuni use (tests/fixtures/real/).
  obiettivoDiStruttura: [
    "OBIETTIVO DI STRUTTURA",
    "Obiettivo di struttura",
    "OBIETTIVO OPERATIVO",
    "Obiettivo gestionale",
    "Scheda obiettivo",
  ],
  numero: [
    "N.OBIETTIVO",
    "N. obiettivo",
    "Numero obiettivo",
    "Nr. obiettivo",
    "N° obiettivo",
    "n.obiettivo",
    "Num. obiettivo",
    "CODICE OBIETTIVO",
    "Codice",
    "Obiettivo operativo n.",
  ],
  titolo: ["TITOLO", "Titolo obiettivo", "Titolo dell'obiettivo", "Titolo Obiettivo operativo", "Denominazione obiettivo"],
  pesatura: ["PESATURA", "Peso", "Pesatura %", "Peso obiettivo", "Peso %", "Peso ponderale", "Coefficiente di ponderazione"],
  strategico: ["Obiettivo strategico di riferimento", "OBIETTIVO STRATEGICO"],
  missione: ["Missione Programma", "Missione - Programma", "Missione e programma"],
  stakeholder: ["Stakeholder", "Stakeholders", "Portatori di interesse"],
  descrizione: ["Descrizione Obiettivo", "Descrizione dell'obiettivo"],
  personale: [
    "PERSONALE COINVOLTO",
    "Personale coinvolto",
    "Personale coinvolto nell'obiettivo",
    "Personale assegnato",
    "Risorse umane coinvolte",
  ],
  cat: ["Cat.", "Categoria", "Cat", "Qualifica", "Cat. giuridica"],
  nome: ["Cognome e Nome", "Nome e cognome", "Nominativo", "Dipendente", "Cognome nome"],
  partecipazione: ["% Partecipazione", "% partecipazione", "Partecipazione"],
  prevista: ["Prevista", "Prev.", "Previsto"],
  realizzata: ["Realizzata", "Effettiva", "Eff.", "Realizzato"],
  previstaUna: ["% partecipaz.prev.", "% partecipazione prevista", "Partecipaz. prevista"],
  realizzataUna: ["% partecipaz.eff.", "% partecipazione realizzata", "Partecipaz. effettiva"],
  fasi: [
    "Descrizione delle fasi di attuazione",
    "DESCRIZIONE FASI",
    "Descrizione delle fasi",
    "Descrizione fasi di attuazione",
    "Fasi di attuazione",
    "FASI DI ATTUAZIONE",
    "Azioni",
  ],
  crono: ["CRONOPROGRAMMA", "Cronoprogramma", "Cronoprogramma delle fasi", "Tempi di realizzazione", "Cronoprogramma delle attività"],
  fasiETempi: ["FASI E TEMPI", "Fasi e tempi", "Fasi"],
  previsto: ["previsto", "prev.", "programmato"],
  effettivo: ["effettivo", "eff.", "realizzato", "consuntivo"],
  indicatori: [
    "INDICATORI DI PERFORMANCE",
    "Indicatori performance",
    "Indicatori di performance dell'obiettivo",
    "Indicatori di risultato",
    "INDICATORI DI EFFICACIA",
    "Indicatori di qualità",
    "Misuratori di attività",
  ],
  indicatore: ["Indicatore", "Descrizione indicatore", "Indicatori", "Indicatore di performance"],
  atteso: [
    "Performance attesa",
    "Perf. attesa",
    "Valore atteso",
    "Target",
    "Atteso",
    "Valore programmato",
    "Risultato atteso",
    "Valore obiettivo",
    "Target 2023",
    "Preventivo",
  ],
  realizzato: [
    "Performance realizzata",
    "Perf. realizzata",
    "Valore realizzato",
    "Consuntivo",
    "Realizzato",
    "Valore a consuntivo",
    "Risultato raggiunto",
    "Valore rilevato",
    "Risultato raggiunto al 31/12",
    "Valore raggiunto",
  ],
  esito: ["Esito", "ESITO"],
  note: ["Note", "NOTE"],
  verificaIntermedia: ["VERIFICA INTERMEDIA AL 30/06 - 31/10 - 01/12", "Verifica intermedia", "VERIFICA INTERMEDIA"],
  verificaFinale: ["VERIFICA FINALE", "Verifica finale al 31/12"],
  mediaValore: ["MEDIA VALORE RAGGIUNTO %", "Media valore raggiunto", "Media valore raggiunto (%)"],
  mediaTempi: ["MEDIA RISPETTO DEI TEMPI %", "Media rispetto tempi", "Media rispetto dei tempi (%)"],
} as const;

const MONTHS: string[][] = [
  ["gennaio", "gen", "genn.", "GEN 2023", "Gen-23"],
  ["febbraio", "feb", "febbr.", "FEB 2023", "Feb-23"],
  ["marzo", "mar", "MAR 2023", "Mar-23"],
  ["aprile", "apr", "APR 2023", "Apr-23"],
  ["maggio", "mag", "magg.", "MAG 2023"],
  ["giugno", "giu", "giug.", "GIU 2023"],
  ["luglio", "lug", "lugl.", "LUG 2023"],
  ["agosto", "ago", "AGO 2023"],
  ["settembre", "settem.", "sett.", "set", "SET 2023"],
  ["ottobre", "ott", "OTT 2023"],
  ["novembre", "novem.", "nov", "NOV 2023"],
  ["dicembre", "dic", "dicem.", "DIC 2023"],
];

/** Case, accents, spacing and punctuation that do not change what a label says. */
function styled(rnd: Rnd, text: string): string {
  let t = text;
  switch (rnd.int(0, 4)) {
    case 0:
      t = t.toUpperCase();
      break;
    case 1:
      t = t.toLowerCase();
      break;
    case 2:
      t = t.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
      break;
    default:
      break;
  }
  // An accent typed on a vowel (È for E), a doubled or non-breaking space, a trailing colon.
  if (rnd.chance(0.2)) t = t.replace(/[eE]/, (ch) => (ch === "e" ? "è" : "È"));
  if (rnd.chance(0.2)) t = t.replace(" ", rnd.pick(["  ", "\u00a0", " \n"]));
  if (rnd.chance(0.15)) t = `${t}:`;
  if (rnd.chance(0.15)) t = ` ${t} `;
  return t;
}

// ── A sheet drawn on a canvas, then turned into a neutral grid or an xlsx sheet ───────────────

class Canvas {
  readonly cells = new Map<string, { r: number; c: number; cell: Cell }>();
  readonly merges: MergeRange[] = [];
  put(r: number, c: number, x: string | number | Date | Cell | null): void {
    if (x === null) return;
    const cell: Cell = typeof x === "object" && !(x instanceof Date) ? x : { v: x };
    this.cells.set(`${r},${c}`, { r, c, cell });
  }
  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push({ r1, c1, r2, c2 });
  }
  toGrid(name: string): SheetGrid {
    const g = new SheetGrid(name);
    for (const { r, c, cell } of this.cells.values()) g.set(r, c, cell);
    for (const m of this.merges) g.addMerge(m);
    return g;
  }
  toSheet(name: string): FixtureSheet {
    const mergeAt = new Map(this.merges.map((m) => [`${m.r1},${m.c1}`, m]));
    const blocks: FixtureSheet["blocks"] = [];
    const put = (r: number, c: number, x: CellIn) => blocks.push({ at: `${colName(c)}${r + 1}`, rows: [[x]] });
    for (const { r, c, cell } of this.cells.values()) {
      const m = mergeAt.get(`${r},${c}`);
      mergeAt.delete(`${r},${c}`);
      put(r, c, {
        v: cell.v,
        ...(cell.fmt ? { fmt: cell.fmt } : {}),
        ...(cell.fill ? { fill: cell.fill } : {}),
        ...(m ? { merge: { rows: m.r2 - m.r1 + 1, cols: m.c2 - m.c1 + 1 } } : {}),
      });
    }
    for (const m of mergeAt.values()) put(m.r1, m.c1, { merge: { rows: m.r2 - m.r1 + 1, cols: m.c2 - m.c1 + 1 } });
    return { name, blocks };
  }
}

function colName(c: number): string {
  return a1(0, c).replace(/\d+$/, "");
}

// ── A random layout of the facts ───────────────────────────────────────────────────────────────

interface Generated {
  canvas: Canvas;
  /** What was chosen, to read in a failure message. */
  choices: Record<string, string | number>;
  /** A1 of each indicator's name cell, as placed. */
  indicatoreCelle: string[];
  /** A1 of the four MEDIA value cells, as placed. */
  verificaCelle: Record<"intermedia" | "finale", { valore: string; tempi: string }>;
}

const FILLS = ["#FFC000", "#00B050", "#92D050", "#BDD7EE", "#FF0000"];
const SFONDO = "#F2F2F2";

function generate(seed: number): Generated {
  const rnd = new Rnd(seed);
  const canvas = new Canvas();
  const choices: Generated["choices"] = {};
  const choose = <T extends string | number>(key: string, xs: readonly T[]): T => {
    const x = rnd.pick(xs);
    choices[key] = x;
    return x;
  };
  const label = (k: keyof typeof SPELL) => styled(rnd, rnd.pick(SPELL[k]));

  const r0 = choose("riga", [0, 1, 2, 3, 4, 5, 6]);
  const c0 = choose("colonna", [0, 1, 2, 3, 4, 5, 6]);
  const percent = choose("percentuali", ["frazione", "testo", "numero", "virgola", "virgola %"] as const);
  const marks = choose("segni", ["X", "x", "●", "1", "colore", "misti"] as const);
  const crono = choose("crono", ["righe", "numeroUnito", "combinato", "numeroUnaVolta", "numeroAccanto"] as const);
  const intestazione = choose("intestazione", ["seed", "coppie"] as const);
  const personaleHeader = choose("personale", ["due righe", "una riga", "nome prima"] as const);
  const ordine = choose("ordine", ["seed", "indicatori prima", "crono prima", "personale dopo"] as const);
  const shift = choose("spostamento", [0, 0, 1, 2, 3]);
  const dates = choose("date", ["testo", "vere", "nome mese"] as const);
  const mesi = choose("mesi", ["testo", "testo", "date"] as const);
  const colonne = choose("colonne indicatori", ["seed", "note prima", "peso"] as const);
  const bande = rnd.chance(0.4);
  choices.bande = String(bande);
  const sfondo = rnd.chance(0.3);
  choices.sfondo = String(sfondo);
  const fill = rnd.pick(FILLS);

  let row = r0;
  /** A block label, drawn as a band merged across a few columns in some layouts (the seed's style). */
  const band = (r: number, c: number, text: string): void => {
    canvas.put(r, c, text);
    if (bande) canvas.merge(r, c, r, c + rnd.int(2, 8));
  };
  /** Stray spaces around and inside a value (cleaned when read). */
  const noisy = (text: string): string =>
    rnd.chance(0.2) ? rnd.pick([`${text} `, `${text}\u00a0`, ` ${text}`, text.replace(" ", "  ")]) : text;
  const gap = () => (row += rnd.int(0, 3));
  const pct = (p: number): Cell => {
    switch (percent) {
      case "frazione":
        return { v: p / 100, fmt: rnd.pick(["0%", "0.00%"]) };
      case "testo":
        return { v: `${p}%` };
      case "numero":
        return { v: p };
      case "virgola":
        return { v: p.toFixed(2).replace(".", ",") };
      case "virgola %":
        return { v: `${String(p).replace(".", ",")} %` };
    }
  };

  if (rnd.chance(0.5)) {
    canvas.put(row++, c0, "ESERCIZIO 2023");
    gap();
  }
  canvas.put(row++, c0, label("obiettivoDiStruttura"));
  gap();

  // Header: N.OBIETTIVO / TITOLO / PESATURA in one row with values below, or label/value pairs.
  const pesaturaCell: Cell =
    percent === "frazione"
      ? { v: PESATURA / 100, fmt: "0%" }
      : percent === "numero"
        ? { v: PESATURA }
        : { v: rnd.pick([`${PESATURA}%`, `${PESATURA},00`, `${PESATURA} %`]) };
  if (intestazione === "seed") {
    canvas.put(row, c0, label("numero"));
    canvas.put(row, c0 + 1, label("titolo"));
    canvas.put(row, c0 + 4, label("pesatura"));
    canvas.put(row + 1, c0, NUMERO);
    canvas.put(row + 1, c0 + 1, TITOLO);
    canvas.merge(row + 1, c0 + 1, row + 1, c0 + 3);
    canvas.put(row + 1, c0 + 4, pesaturaCell);
    row += 2;
  } else {
    for (const [k, v] of [
      ["numero", NUMERO],
      ["titolo", TITOLO],
      ["pesatura", pesaturaCell],
    ] as const) {
      canvas.put(row, c0, label(k));
      canvas.put(row++, c0 + 1, v);
    }
  }
  gap();
  for (const [k, v] of [
    ["strategico", "2.01 Semplificazione"],
    ["missione", "Missione 1 Programma 4"],
    ["stakeholder", "Cittadini, imprese"],
    ["descrizione", "Ridurre l'arretrato delle pratiche."],
  ] as const) {
    canvas.put(row, c0, label(k));
    canvas.put(row++, c0 + 1, v);
  }
  gap();

  const personale = (): void => {
    band(row++, c0, label("personale"));
    // Columns: [cat, nome] or [nome, cat], then prevista, realizzata.
    const nomePrima = personaleHeader === "nome prima";
    const catC = nomePrima ? c0 + 1 : c0;
    const nomeC = nomePrima ? c0 : c0 + 1;
    if (personaleHeader === "due righe") {
      canvas.put(row, catC, label("cat"));
      canvas.put(row, nomeC, label("nome"));
      canvas.put(row, c0 + 2, label("partecipazione"));
      canvas.merge(row, c0 + 2, row, c0 + 3);
      canvas.put(row + 1, c0 + 2, label("prevista"));
      canvas.put(row + 1, c0 + 3, label("realizzata"));
      row += 2;
    } else {
      canvas.put(row, catC, label("cat"));
      canvas.put(row, nomeC, label("nome"));
      canvas.put(row, c0 + 2, label("previstaUna"));
      canvas.put(row, c0 + 3, label("realizzataUna"));
      row += 1;
    }
    for (const p of PERSONALE) {
      canvas.put(row, catC, p.categoria);
      canvas.put(row, nomeC, noisy(p.nome));
      canvas.put(row, c0 + 2, pct(p.prevista));
      canvas.put(row, c0 + 3, pct(p.realizzata));
      row++;
    }
    // Some comuni sum the table in a last row.
    if (rnd.chance(0.3)) {
      canvas.put(row, rnd.pick([catC, nomeC]), styled(rnd, rnd.pick(["Totale", "TOTALE", "Totale complessivo"])));
      canvas.put(row, c0 + 2, pct(100));
      canvas.put(row++, c0 + 3, pct(100));
    }
    gap();
  };

  const fasi = (): void => {
    band(row++, c0, label("fasi"));
    const numStyle = rnd.pick(["n", "n.", "fase n"] as const);
    const mergeDesc = rnd.chance(0.4);
    FASI.forEach((f, i) => {
      const n = i + 1;
      canvas.put(row, c0, numStyle === "n" ? n : numStyle === "n." ? `${n}.` : `Fase ${n}`);
      canvas.put(row, c0 + 1, f.descrizione === null ? null : noisy(f.descrizione));
      if (mergeDesc) canvas.merge(row, c0 + 1, row, c0 + 5);
      row++;
    });
    gap();
  };

  const cronoprogramma = (): void => {
    band(row++, c0, label("crono"));
    const lead = crono === "numeroUnito" || crono === "numeroAccanto" ? 2 : 1;
    canvas.put(row, c0, label("fasiETempi"));
    for (let m = 0; m < 12; m++)
      canvas.put(
        row,
        c0 + lead + m,
        mesi === "date" ? { v: new Date(Date.UTC(2023, m, 1)), fmt: "mmm-yy" } : styled(rnd, rnd.pick(MONTHS[m]!)).replace(/:$/, ""),
      );
    row++;
    // A shaded grid: every month cell carries the background; marks are drawn over it.
    if (sfondo)
      for (let i = 0; i < 2 * FASI.length; i++) for (let m = 0; m < 12; m++) canvas.put(row + i, c0 + lead + m, { v: null, fill: SFONDO });
    let k = 0;
    const mark = (): Cell => {
      const style = marks === "misti" ? (["X", "x", "●", "1", "colore"] as const)[k++ % 5]! : marks;
      const bg = sfondo ? { fill: SFONDO } : {};
      if (style === "colore") return { v: null, fill };
      if (style === "1") return { v: 1, ...bg };
      return { v: style, ...bg };
    };
    const w = { previsto: label("previsto"), effettivo: label("effettivo") };
    FASI.forEach((f, i) => {
      const n = i + 1;
      if (crono === "righe") {
        canvas.put(row, c0, `${n} ${w.previsto}`);
        canvas.put(row + 1, c0, `${n} ${w.effettivo}`);
      } else if (crono === "numeroUnaVolta") {
        // The fase number only on the previsto row: "1 previsto" over "effettivo".
        canvas.put(row, c0, `${n} ${w.previsto}`);
        canvas.put(row + 1, c0, w.effettivo);
      } else if (crono === "numeroAccanto") {
        // The number beside Previsto, not merged down to the Effettivo row.
        canvas.put(row, c0, n);
        canvas.put(row, c0 + 1, styled(rnd, "Previsto"));
        canvas.put(row + 1, c0 + 1, styled(rnd, "Effettivo"));
      } else if (crono === "numeroUnito") {
        canvas.put(row, c0, n);
        canvas.merge(row, c0, row + 1, c0);
        canvas.put(row, c0 + 1, styled(rnd, "Previsto"));
        canvas.put(row + 1, c0 + 1, styled(rnd, "Effettivo"));
      } else {
        canvas.put(row, c0, `${n} previsto effettivo`);
        canvas.merge(row, c0, row + 1, c0);
      }
      for (const m of f.previsto) canvas.put(row, c0 + lead + m - 1, mark());
      for (const m of f.effettivo) canvas.put(row + 1, c0 + lead + m - 1, mark());
      row += 2;
    });
    gap();
  };

  const indicatoreCelle: string[] = [];
  const value = (x: Val): Cell | string | number => {
    switch (x.kind) {
      case "pct":
        // A bare number ("80", "80,00") is a "numero"; in an indicator a percent keeps its sign.
        if (percent === "numero") return `${x.value}%`;
        if (percent === "virgola") return `${x.value.toFixed(2).replace(".", ",")}${rnd.pick(["%", " %"])}`;
        return pct(x.value);
      case "num":
        return x.value;
      case "date":
        if (dates === "vere") return { v: new Date(Date.UTC(2023, x.m - 1, x.d)), fmt: "dd/mm/yyyy" };
        if (dates === "nome mese") return `${x.d} ${["giugno", "giu", "GIUGNO"][x.d % 3]} 2023`;
        return `${String(x.d).padStart(2, "0")}/${String(x.m).padStart(2, "0")}/2023`;
      case "sino":
        return x.value === "SI" ? rnd.pick(["SI", "Sì", "si", "SÌ"]) : rnd.pick(["NO", "no", "No"]);
      case "text":
        return x.value;
    }
  };
  const indicatori = (): void => {
    const ic = c0 + shift;
    band(row++, ic, label("indicatori"));
    const order =
      colonne === "seed"
        ? (["indicatore", "atteso", "realizzato", "esito", "note"] as const)
        : colonne === "note prima"
          ? (["indicatore", "atteso", "realizzato", "note", "esito"] as const)
          : (["indicatore", "peso", "atteso", "realizzato", "esito", "note"] as const);
    const peso = rnd.pick([1, "20%", { v: 0.2, fmt: "0%" }] as const);
    const col = (k: (typeof order)[number]) => ic + (order as readonly string[]).indexOf(k);
    for (const [j, k] of order.entries()) canvas.put(row, ic + j, k === "peso" ? styled(rnd, "Peso %") : label(k));
    row++;
    const hole = rnd.int(1, INDICATORI.length); // an empty row somewhere inside the table, sometimes
    const withHole = rnd.chance(0.3);
    INDICATORI.forEach((x, i) => {
      if (withHole && i === hole) row++;
      indicatoreCelle.push(a1(row, ic));
      canvas.put(row, col("indicatore"), noisy(x.nome));
      canvas.put(row, col("atteso"), value(x.atteso));
      canvas.put(row, col("realizzato"), value(x.realizzato));
      canvas.put(row, col("esito"), x.esito);
      canvas.put(row, col("note"), x.note);
      // Equal weights leave the media as it is.
      if (colonne === "peso") canvas.put(row, col("peso"), peso);
      row++;
    });
    gap();
  };

  const blocks = {
    seed: [personale, fasi, cronoprogramma, indicatori],
    "indicatori prima": [indicatori, personale, fasi, cronoprogramma],
    "crono prima": [personale, cronoprogramma, fasi, indicatori],
    "personale dopo": [fasi, cronoprogramma, indicatori, personale],
  }[ordine];
  for (const b of blocks) b();

  // Verifica: side by side (seed), one above the other, or (no VERIFICA header) RELAZIONE rows.
  // The MEDIA cells are typed (the intermedia ones with older figures) or left empty.
  const vc = c0 + shift;
  const verifica = choose("verifica", ["affiancate", "impilate", "relazione"] as const);
  const typed = (p: number): Cell | null => (rnd.chance(0.5) ? null : pct(p));
  const media = { valore: typed(85.56), tempi: typed(80) };
  const vecchie = { valore: typed(50), tempi: typed(40) };
  let at: { intermedia: number; finale: number; ci: number; cf: number };
  if (verifica === "impilate") {
    canvas.put(row, vc, label("verificaIntermedia"));
    canvas.put(row + 4, vc, label("verificaFinale"));
    at = { intermedia: row + 1, finale: row + 5, ci: vc, cf: vc };
  } else if (verifica === "affiancate") {
    canvas.put(row, vc, label("verificaIntermedia"));
    canvas.put(row, vc + 3, label("verificaFinale"));
    at = { intermedia: row + 1, finale: row + 1, ci: vc, cf: vc + 3 };
  } else {
    canvas.put(row, vc, styled(rnd, "RELAZIONE INTERMEDIA"));
    canvas.put(row, vc + 3, styled(rnd, "RELAZIONE FINALE"));
    canvas.put(row + 1, vc, "Nessuna criticità nel primo monitoraggio.");
    canvas.put(row + 1, vc + 3, "Obiettivo raggiunto.");
    canvas.put(row + 4, vc, styled(rnd, "Analisi degli scostamenti"));
    canvas.put(row + 5, vc, styled(rnd, "Provvedimenti correttivi"));
    at = { intermedia: row + 2, finale: row + 2, ci: vc, cf: vc + 3 };
  }
  for (const [r, c, v] of [
    [at.intermedia, at.ci, vecchie],
    [at.finale, at.cf, media],
  ] as const) {
    canvas.put(r, c, label("mediaValore"));
    canvas.put(r, c + 1, v.valore);
    canvas.put(r + 1, c, label("mediaTempi"));
    canvas.put(r + 1, c + 1, v.tempi);
  }
  const verificaCelle = {
    intermedia: { valore: a1(at.intermedia, at.ci + 1), tempi: a1(at.intermedia + 1, at.ci + 1) },
    finale: { valore: a1(at.finale, at.cf + 1), tempi: a1(at.finale + 1, at.cf + 1) },
  };
  return { canvas, choices, indicatoreCelle, verificaCelle };
}

// ── Reading back ───────────────────────────────────────────────────────────────────────────────

const settings = SettingsSchema.parse({ dataRiferimento: "2023-12-31", esercizio: 2023 });

/** Everything the engine read, without the cells (positions differ by layout). */
function facts(a: Analysis) {
  expect(a.report.schede, "one scheda").toHaveLength(1);
  const s = a.report.schede[0]!;
  return {
    tipo: s.tipo,
    numero: s.numero,
    titolo: s.titolo,
    pesatura: s.pesatura,
    personale: s.personale,
    fasi: s.fasi,
    indicatori: s.indicatori.map(({ cella: _cella, ...rest }) => rest),
    mediaValoreRaggiunto: s.mediaValoreRaggiunto,
    mediaRispettoTempi: s.mediaRispettoTempi,
    segnalazioni: a.report.segnalazioni.map((d) => `${d.codice}: ${d.messaggio}`).sort(),
  };
}

/** What the facts above must read as (spec §3–§4), written out by hand. */
const EXPECTED = {
  tipo: "obiettivo",
  numero: NUMERO,
  titolo: TITOLO,
  pesatura: PESATURA,
  personale: PERSONALE.map((p) => ({ nome: p.nome, categoria: p.categoria, prevista: p.prevista, realizzata: p.realizzata })),
  fasi: [
    { n: 1, descrizione: FASI[0]!.descrizione, previsto: [1, 2, 3], effettivo: [1, 2, 3], stato: "nei tempi" },
    { n: 2, descrizione: FASI[1]!.descrizione, previsto: [3, 4], effettivo: [4, 5], stato: "in ritardo" },
    { n: 3, descrizione: FASI[2]!.descrizione, previsto: [5, 6], effettivo: [5], stato: "in anticipo" },
    { n: 4, descrizione: FASI[3]!.descrizione, previsto: [9, 10, 11], effettivo: [9, 10], stato: "in anticipo" },
    { n: 5, descrizione: FASI[4]!.descrizione, previsto: [12], effettivo: [12], stato: "nei tempi" },
    { n: 6, descrizione: null, previsto: [], effettivo: [], stato: null },
  ],
  indicatori: [
    ["Pratiche evase entro i termini", "percentuale", 80, 85, "OK", "OK"],
    ["Tempo medio di risposta (giorni)", "numero", 30, 36, "PARZIALE", "PARZIALE"],
    ["Monitoraggio intermedio", "data", "2023-06-30", "2023-06-28", "OK", null],
    ["Regolamento approvato", "si_no", "SI", "SI", "OK", "ok"],
    ["Incontri con i cittadini", "numero", 4, 2, "PARZIALE", null],
    ["Riduzione del contenzioso", "percentuale", 10, 12.5, "PARZIALE", "NON RAGGIUNTO"],
  ],
};

function checkExpected(f: ReturnType<typeof facts>): void {
  expect(f.numero).toBe(EXPECTED.numero);
  expect(f.titolo).toBe(EXPECTED.titolo);
  expect(f.pesatura).toBe(EXPECTED.pesatura);
  expect(f.personale).toEqual(EXPECTED.personale);
  expect(f.fasi).toEqual(EXPECTED.fasi);
  expect(f.mediaRispettoTempi).toBe(80);
  expect(f.indicatori.map((i) => [i.indicatore, i.tipo, i.atteso, i.realizzato, i.esito, i.esitoScritto])).toEqual(EXPECTED.indicatori);
  expect(f.segnalazioni.filter((s) => /^(BLOCCO_NON_RICONOSCIUTO|SCHEDA_NON_RICONOSCIUTA|PESATURA|PARTECIPAZIONE)/.test(s))).toEqual([]);
}

/** The reference every layout is compared with: seed 0's reading, itself checked by hand. */
function baseline(): ReturnType<typeof facts> {
  const f = facts(verifica({ sheets: [generate(0).canvas.toGrid("Scheda")] }, { file: "p.xlsx", settings }));
  checkExpected(f);
  return f;
}

/** Where the engine would write: each indicator's row and the four MEDIA cells, as placed. */
function checkPositions(a: Analysis, gen: Generated, why: string): void {
  expect(
    a.report.schede[0]!.indicatori.map((i) => i.cella),
    why,
  ).toEqual(gen.indicatoreCelle);
  const v = a.schede[0]!.rec.verifica;
  const at = (p: { r: number; c: number } | null) => (p ? a1(p.r, p.c) : null);
  expect(
    {
      intermedia: { valore: at(v.intermedia.valore), tempi: at(v.intermedia.tempi) },
      finale: { valore: at(v.finale.valore), tempi: at(v.finale.tempi) },
    },
    why,
  ).toEqual(gen.verificaCelle);
}

const SEEDS = Array.from({ length: 50 }, (_, i) => 1000 + i * 7919);

describe("recognition is independent of layout (property, seeded)", () => {
  let reference: ReturnType<typeof facts>;
  beforeAll(() => {
    reference = baseline();
  });

  it.each(SEEDS)("seed %i: the neutral grid reads back the same facts", (seed) => {
    const gen = generate(seed);
    const a = verifica({ sheets: [gen.canvas.toGrid("Scheda")] }, { file: "p.xlsx", settings });
    const why = JSON.stringify(gen.choices);
    const f = facts(a);
    expect(f, why).toEqual(reference);
    checkPositions(a, gen, why);
  });

  it.each(SEEDS.filter((_, i) => i % 10 === 3))("seed %i: real xlsx bytes read back the same facts", async (seed) => {
    const gen = generate(seed);
    const bytes = await buildWorkbook([gen.canvas.toSheet("Scheda")]);
    const { grid } = await loadWorkbookGrid(bytes, { fileName: "p.xlsx" });
    const a = verifica(grid, { file: "p.xlsx", settings });
    const why = JSON.stringify(gen.choices);
    expect(facts(a), why).toEqual(reference);
    checkPositions(a, gen, why);
  });

  it("the layouts really differ: offsets, styles and orders all occur", () => {
    const all = SEEDS.map((s) => generate(s).choices);
    const two = ["intestazione", "mesi", "sfondo", "bande"];
    for (const key of [
      ...two,
      "riga",
      "colonna",
      "percentuali",
      "segni",
      "crono",
      "personale",
      "ordine",
      "date",
      "colonne indicatori",
      "verifica",
    ])
      expect(new Set(all.map((c) => c[key])).size, key).toBeGreaterThan(two.includes(key) ? 1 : 2);
    expect(new Set(all.map((c) => c.riga)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((c) => c.segni)).size).toBe(6);
  });
});
