/**
 * Verifica: reads every scheda of a workbook grid, computes what the sheets ask for, and reports
 * diagnostics (spec §3–§5). The result feeds the JSON report, the pane and the write plans.
 */
import { segnalazione, sortSegnalazioni } from "../domain/diagnostics";
import {
  esitoScrittoValido,
  extraIndicatore,
  forzaEsito,
  media,
  motivoForzatura,
  valutaIndicatore,
  type IndicatoreValutato,
} from "../domain/esiti";
import { type Codice, type Fase, type Indicatore, type Persona, type Report, type Scheda, type Segnalazione } from "../domain/model";
import { displayName, personKey, withoutPeriod } from "../domain/persone";
import { leggiPesatura } from "../domain/pesi";
import { regoleDa, resolveContext, type EvalContext, type Settings } from "../domain/settings";
import { mediaRispettoTempi, statoFase, type FaseTempi } from "../domain/tempi";
import { cleanText, numeroIt } from "../domain/text";
import { displayValue, parsePercent, parseValue, roundTiny } from "../domain/values";
import { controlli, segnalazioni as msg } from "../strings/it";
import { MESI } from "./layout/labels";
import { a1, rangeA1, type WorkbookGrid } from "./grid";
import { assess, esercizioDa, isMarked, recognise, type Assessment, type RecognisedScheda } from "./recognise";
import { contestoText } from "./blocks/contesto";
import { mesiDaDate } from "./blocks/date-range";
import { BUILTIN_VOCABULARY, type Vocabulary } from "./vocabulary/vocabulary";
import { SheetView, type Pos } from "./sheet-view";
import { quadraturaVerifica } from "./consolidation/quadratura";

export interface IndicatoreAnalizzato {
  ref: RecognisedScheda["indicatori"][number];
  valutato: IndicatoreValutato;
  report: Indicatore;
}

export interface AnalysedScheda {
  foglio: string;
  hidden: boolean;
  rec: RecognisedScheda;
  scheda: Scheda;
  indicatori: IndicatoreAnalizzato[];
  fasiTempi: Map<number, FaseTempi>;
  /** The verifica column the MEDIA figures belong to (spec §4.3). */
  colonna: "intermedia" | "finale";
  /** Computed grado of an ente scheda (same as mediaValoreRaggiunto). */
  grado: number | null;
  /** Typed context, for consolidation. */
  contesto: { obiettivoStrategico: string | null; missioneProgramma: string | null; lineaMandato: string | null };
}

/** A sheet that has some blocks but not enough for a scheda: what was found, and what is missing. */
export interface QuasiScheda {
  foglio: string;
  blocchi: Array<{ blocco: string; cella: string }>;
  mancano: string[];
}

export interface Analysis {
  report: Report;
  schede: AnalysedScheda[];
  context: EvalContext;
  /** Sheets read as not-a-scheda (never written to). */
  nonSchede: string[];
  /** Of those, the ones with some blocks (near misses), for the pane and the profilo di layout. */
  quasiSchede: QuasiScheda[];
  grid: WorkbookGrid;
}

export interface VerificaOptions {
  file: string;
  settings: Settings;
  today?: Date;
  /** The vocabulary, with what a profilo di layout taught (default: the built-in one). */
  vocab?: Vocabulary;
}

function text(view: SheetView, p: Pos | null): string | null {
  if (!p) return null;
  const t = view.text(p.r, p.c);
  // view.text already collapses white space.
  return t === "" ? null : t;
}

export function verifica(grid: WorkbookGrid, opts: VerificaOptions): Analysis {
  const vocab = opts.vocab ?? BUILTIN_VOCABULARY;
  const views = grid.sheets.map((g) => new SheetView(g, vocab));
  const context = resolveContext(opts.settings, esercizioDa(views, opts.file), opts.today);
  const out: Segnalazione[] = [];
  const schede: AnalysedScheda[] = [];
  const nonSchede: string[] = [];
  const quasiSchede: QuasiScheda[] = [];

  for (const view of views) {
    // A host that read only part of a sheet says so on the grid; the cut is reported at its corner.
    const cut = view.grid.clipped;
    if (cut) out.push(segnalazione("CELLE_FUORI_AREA", view.name, a1(cut.r2, cut.c2), msg.CELLE_FUORI_AREA(rangeA1(cut))));
    if (view.grid.visibility === "veryHidden") {
      nonSchede.push(view.name);
      continue;
    }
    const found = assess(view);
    const tipo = found.tipo;
    if (!tipo) {
      nonSchede.push(view.name);
      const quasi = quasiScheda(view, found);
      if (quasi) {
        quasiSchede.push(quasi);
        out.push(
          segnalazione(
            "SCHEDA_NON_RICONOSCIUTA",
            view.name,
            quasi.blocchi[0]!.cella,
            msg.SCHEDA_QUASI_RICONOSCIUTA(quasi.blocchi, quasi.mancano),
          ),
        );
      } else out.push(segnalazione("SCHEDA_NON_RICONOSCIUTA", view.name, "A1", msg.SCHEDA_NON_RICONOSCIUTA()));
      continue;
    }
    const rec = recognise(view, tipo, found.found);
    const hidden = view.grid.visibility !== "visible";
    if (hidden) out.push(segnalazione("FOGLIO_NASCOSTO", view.name, "A1", msg.FOGLIO_NASCOSTO()));
    schede.push(analyseScheda(rec, context, out, hidden));
  }

  duplicati(schede, out);
  varianti(schede, out);
  // quadratura (issue 11): each person's participation summed over the schede.
  out.push(...quadraturaVerifica(schede, context.esercizio));
  const report: Report = {
    file: opts.file,
    esercizio: context.esercizio,
    al: context.al,
    schede: schede.map((s) => s.scheda),
    segnalazioni: sortSegnalazioni(
      dedupe(out),
      grid.sheets.map((g) => g.name),
    ),
  };
  return { report, schede, context, nonSchede, quasiSchede, grid };
}

/** A near miss: a sheet with real blocks (a table, a cronoprogramma, the people) that is still not a scheda. */
function quasiScheda(view: SheetView, a: Assessment): QuasiScheda | null {
  if (a.summary) return null;
  const real = a.blocks.filter((b) => b.score >= 1 && b.evidence.length > 0);
  if (real.length === 0 || a.score < 2) return null;
  return {
    foglio: view.name,
    blocchi: real.map((b) => ({ blocco: b.blocco, cella: a1(b.evidence[0]!.at.r, b.evidence[0]!.at.c) })),
    mancano: a.missing,
  };
}

function dedupe(list: Segnalazione[]): Segnalazione[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = `${s.codice}|${s.foglio}|${s.cella}|${s.messaggio}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function analyseScheda(rec: RecognisedScheda, ctx: EvalContext, out: Segnalazione[], hidden: boolean): AnalysedScheda {
  const view = rec.view;
  const foglio = view.name;
  const add = (codice: Codice, p: Pos, m: string): void => {
    out.push(segnalazione(codice, foglio, a1(p.r, p.c), m));
  };
  const excelError = (p: Pos | null): boolean => {
    if (!p) return false;
    const err = view.cell(p.r, p.c)?.error;
    if (err) add("VALORE_ERRORE_EXCEL", p, msg.VALORE_ERRORE_EXCEL(err));
    return !!err;
  };

  for (const pb of rec.problems) add("BLOCCO_NON_RICONOSCIUTO", pb.at, msg.BLOCCO_NON_RICONOSCIUTO(pb.blocco, pb.cosa));

  // Header.
  const numero = text(view, rec.numero) ?? rec.numeroInline;
  const titolo = text(view, rec.titolo);
  // pesatura (issue 11): percentages, points, coefficients or fractions; "X" marks a prerequisito.
  const peso = rec.pesatura && !excelError(rec.pesatura) ? leggiPesatura(view.cell(rec.pesatura.r, rec.pesatura.c) ?? { v: null }) : null;
  const pesatura = peso?.peso ?? null;
  if (rec.tipo === "obiettivo" && peso?.prerequisito)
    add("OBIETTIVO_PREREQUISITO", rec.pesatura!, controlli.segnalazioni.OBIETTIVO_PREREQUISITO(peso.prerequisito));
  else if (rec.tipo === "obiettivo" && pesatura === null) {
    add("PESATURA_MANCANTE", rec.pesatura ?? rec.numero ?? { r: 0, c: 0 }, msg.PESATURA_MANCANTE());
  }

  const personale = readPersonale(rec, add, excelError);
  const { fasi, fasiTempi, pesi: pesiFasi } = readFasi(rec, ctx, add);
  const indicatori = readIndicatori(rec, ctx, add, excelError);

  // Obiettivo figures (spec §4.3).
  const withRagg = indicatori.filter((i) => i.valutato.raggiungimento !== null);
  const pesi = withRagg.map((i) => pesoIndicatore(view, i.ref.peso));
  const mediaValore = media(
    withRagg.map((i) => i.valutato.raggiungimento as number),
    pesi,
  );
  const mediaTempi = rec.tipo === "obiettivo" ? roundOrNull(mediaTempiPesata(fasiTempi, pesiFasi)) : null;
  const colonna = ctx.finale ? "finale" : "intermedia";
  const target = rec.verifica[colonna];
  compareMedia(view, target.valore, mediaValore, "MEDIA_VALORE_DIVERGENTE", add, excelError);
  compareMedia(view, target.tempi, mediaTempi, "MEDIA_TEMPI_DIVERGENTE", add, excelError);
  if (rec.tipo === "ente") indici(rec, add);

  const scheda: Scheda = {
    foglio,
    tipo: rec.tipo,
    numero,
    titolo,
    pesatura,
    ...(rec.tipo === "obiettivo" && peso?.prerequisito ? { prerequisito: true } : {}),
    personale,
    fasi,
    indicatori: indicatori.map((i) => i.report),
    mediaValoreRaggiunto: roundOrNull(mediaValore),
    mediaRispettoTempi: mediaTempi,
  };
  return {
    foglio,
    hidden,
    rec,
    scheda,
    indicatori,
    fasiTempi,
    colonna,
    grado: rec.tipo === "ente" ? roundOrNull(mediaValore) : null,
    contesto: {
      obiettivoStrategico: contestoText(view, rec.contesto.obiettivoStrategico),
      missioneProgramma: contestoText(view, rec.contesto.missioneProgramma),
      lineaMandato: contestoText(view, rec.contesto.lineaMandato),
    },
  };
}

/** MEDIA RISPETTO DEI TEMPI, weighted by Peso fase when every counted fase has one (spec §2.1). */
function mediaTempiPesata(fasiTempi: Map<number, FaseTempi>, pesi: Map<number, number>): number | null {
  const counted = [...fasiTempi].filter(([, t]) => t.rispetto !== null);
  if (counted.length > 0 && counted.every(([n]) => pesi.has(n))) {
    return media(
      counted.map(([, t]) => t.rispetto!),
      counted.map(([n]) => pesi.get(n)!),
    );
  }
  return mediaRispettoTempi([...fasiTempi.values()]);
}

function roundOrNull(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

type Add = (codice: Codice, p: Pos, m: string) => void;

function readPersonale(rec: RecognisedScheda, add: Add, excelError: (p: Pos | null) => boolean): Persona[] {
  const view = rec.view;
  const list: Persona[] = [];
  let sumPrev = 0;
  let sumReal = 0;
  let anyReal = false;
  let anyPrev = false;
  const pct = (p: Pos | null): number | null => {
    if (!p || excelError(p)) return null;
    const cell = view.cell(p.r, p.c);
    const r = parsePercent(cell ?? { v: null });
    if (!r.ok || (r.value !== null && (r.value < 0 || r.value > 100))) {
      add("PARTECIPAZIONE_NON_VALIDA", p, msg.PARTECIPAZIONE_NON_VALIDA(displayValue(cell?.v ?? null)));
      return null;
    }
    return r.value === null ? null : roundTiny(r.value);
  };
  for (const p of rec.personale) {
    const prevista = pct(p.prevista);
    const realizzata = pct(p.realizzata);
    if (prevista !== null) {
      sumPrev += prevista;
      anyPrev = true;
    }
    if (realizzata !== null) {
      sumReal += realizzata;
      anyReal = true;
    }
    list.push({
      nome: text(view, p.nome) ?? "",
      categoria: text(view, p.categoria),
      prevista,
      realizzata,
    });
  }
  const at = (h: Pos | null): Pos => h ?? rec.personaleLabel ?? { r: 0, c: 0 };
  if (anyPrev && Math.abs(sumPrev - 100) > 0.5)
    add("PARTECIPAZIONE_PREVISTA_SOMMA", at(rec.previstaHeader), msg.PARTECIPAZIONE_PREVISTA_SOMMA(roundTiny(sumPrev)));
  if (anyReal && Math.abs(sumReal - 100) > 0.5)
    add("PARTECIPAZIONE_REALIZZATA_SOMMA", at(rec.realizzataHeader), msg.PARTECIPAZIONE_REALIZZATA_SOMMA(roundTiny(sumReal)));
  return list;
}

function mesiText(m: number[]): string {
  return m.length ? m.map((x) => MESI[x - 1]).join(", ") : "nessun mese";
}

/** "1. ", "Fase 2 - ": a fase's own number written before its description. */
const FASE_NUMBER_PREFIX = /^(?:fase\s*)?\d{1,2}\s*[.)°:\-–]\s*/i;

function readFasi(
  rec: RecognisedScheda,
  ctx: EvalContext,
  add: Add,
): { fasi: Fase[]; fasiTempi: Map<number, FaseTempi>; pesi: Map<number, number> } {
  const view = rec.view;
  const fasi: Fase[] = [];
  const fasiTempi = new Map<number, FaseTempi>();
  const pesi = new Map<number, number>();
  const crono = rec.crono;
  const planOnly = !!crono?.planOnly;
  if (planOnly) add("CRONOPROGRAMMA_SOLO_PREVISTO", crono.label, msg.CRONOPROGRAMMA_SOLO_PREVISTO());
  const numbers = new Set<number>([...rec.fasi.keys(), ...(crono?.rows.map((r) => r.n) ?? [])]);
  const sorted = [...numbers].sort((a, b) => a - b);
  const raw = (p: Pos | null) => (p ? (view.cell(p.r, p.c) ?? { v: null }) : null);
  for (const n of sorted) {
    const descPos = rec.fasi.get(n) ?? null;
    // "1. Ricognizione…": the fase's own number written before its description is not part of it.
    const descrizione = text(view, descPos)?.replace(FASE_NUMBER_PREFIX, "") || null;
    const row = crono?.rows.find((r) => r.n === n);
    const marks = (r: number | null): number[] => {
      if (r === null || !crono) return [];
      const months: number[] = [];
      crono.monthCols.forEach((c, i) => {
        if (isMarked(view, r, c, crono.backgroundFill)) months.push(i + 1);
      });
      return months;
    };
    const d = row?.dates ?? null;
    const previsto = d ? mesiDaDate(raw(d.inizioPrevisto), raw(d.finePrevista), ctx.esercizio) : marks(row?.previstoRow ?? null);
    const effettivo = d
      ? mesiDaDate(raw(d.inizioEffettivo), raw(d.fineEffettiva), ctx.esercizio, ctx.meseRiferimento)
      : marks(row?.effettivoRow ?? null);
    const labelPos = row?.label ?? descPos ?? rec.fasiLabel ?? { r: 0, c: 0 };
    const extra = extraFase(view, row ?? null);
    if (extra.peso !== null) pesi.set(n, extra.peso);
    if (!descrizione) {
      if (previsto.length || effettivo.length) add("FASE_MARCATA_SENZA_DESCRIZIONE", labelPos, msg.FASE_MARCATA_SENZA_DESCRIZIONE(n));
      fasi.push({ n, descrizione: null, previsto, effettivo, stato: null, ...extra.report });
      continue;
    }
    if (planOnly) {
      // A plan: timeliness cannot be measured until an effettivo row is added (spec §4.2).
      fasi.push({ n, descrizione, previsto, effettivo, stato: "non valutabile", ...extra.report });
      continue;
    }
    const t = statoFase(previsto, effettivo, ctx.meseRiferimento);
    fasiTempi.set(n, t);
    if (t.futuri.length && crono && (row?.effettivoRow != null || d?.fineEffettiva || d?.inizioEffettivo)) {
      const first = t.futuri[0]!;
      const at =
        row!.effettivoRow != null ? { r: row!.effettivoRow, c: crono.monthCols[first - 1]! } : (d!.fineEffettiva ?? d!.inizioEffettivo)!;
      add(
        "EFFETTIVO_FUTURO",
        at,
        msg.EFFETTIVO_FUTURO(
          n,
          t.futuri.map((m) => MESI[m - 1]!),
          ctx.al,
        ),
      );
    }
    if (t.stato === "non valutabile") add("FASE_SENZA_PREVISTO", labelPos, msg.FASE_SENZA_PREVISTO(n));
    if (t.stato === "in ritardo")
      add(
        "FASE_IN_RITARDO",
        labelPos,
        msg.FASE_IN_RITARDO(n, mesiText(previsto), mesiText(effettivo.filter((m) => m <= ctx.meseRiferimento))),
      );
    fasi.push({ n, descrizione, previsto, effettivo, stato: t.stato, ...extra.report });
  }
  return { fasi, fasiTempi, pesi };
}

/** Peso fase, Stato and % avanzamento of a fase, where the sheet has those columns (only then in the report). */
function extraFase(
  view: SheetView,
  row: { peso: Pos | null; stato: Pos | null; avanzamento: Pos | null } | null,
): { peso: number | null; report: Partial<Pick<Fase, "peso" | "statoDichiarato" | "avanzamento">> } {
  const report: Partial<Pick<Fase, "peso" | "statoDichiarato" | "avanzamento">> = {};
  let peso: number | null = null;
  if (row?.peso) {
    const v = parseValue(view.cell(row.peso.r, row.peso.c) ?? { v: null });
    peso = v.tipo === "numero" || v.tipo === "percentuale" ? v.value : null;
    report.peso = peso;
  }
  if (row?.stato) report.statoDichiarato = text(view, row.stato);
  if (row?.avanzamento) {
    const v = parsePercent(view.cell(row.avanzamento.r, row.avanzamento.c) ?? { v: null });
    report.avanzamento = v.ok && v.value !== null ? roundTiny(v.value) : null;
  }
  return { peso, report };
}

function readIndicatori(rec: RecognisedScheda, ctx: EvalContext, add: Add, excelError: (p: Pos | null) => boolean): IndicatoreAnalizzato[] {
  const view = rec.view;
  const s = ctx.settings;
  const out: IndicatoreAnalizzato[] = [];
  for (const ref of rec.indicatori) {
    const errA = excelError(ref.atteso);
    const errR = excelError(ref.realizzato);
    const cellA = view.cell(ref.atteso.r, ref.atteso.c);
    // A plan (no realizzato column) has no realizzato yet: esito empty, nothing reported.
    const cellR = ref.realizzato ? view.cell(ref.realizzato.r, ref.realizzato.c) : undefined;
    const nome = text(view, ref.nome) ?? "";
    let valutato = valutaIndicatore(
      {
        nome,
        atteso: errA ? { v: null } : { v: cellA?.v ?? null, fmt: cellA?.fmt },
        realizzato: errR ? { v: null } : { v: cellR?.v ?? null, fmt: cellR?.fmt },
        note: text(view, ref.note),
      },
      ctx.esercizio,
      s.sogliaOk,
      s.sogliaParziale,
      regoleDa(ctx),
    );
    for (const which of valutato.senzaAnno) {
      const p = which === "atteso" ? ref.atteso : (ref.realizzato ?? ref.atteso);
      const v = which === "atteso" ? valutato.atteso : valutato.realizzato;
      add("DATA_SENZA_ANNO", p, msg.DATA_SENZA_ANNO(displayValue(view.cell(p.r, p.c)?.v ?? null), Number(String(v).slice(0, 4))));
    }
    if (valutato.nonValutabile)
      add(
        "INDICATORE_NON_VALUTABILE",
        ref.realizzato ?? ref.atteso,
        msg.INDICATORE_NON_VALUTABILE(displayValue(cellA?.v ?? null), displayValue(cellR?.v ?? null)),
      );
    // realizzato vuoto a fine anno (issue 11): the settings said what it means.
    if (valutato.mancante)
      add("INDICATORE_NON_VALUTABILE", ref.realizzato ?? ref.nome, controlli.segnalazioni.REALIZZATO_MANCANTE(valutato.mancante));
    let esitoScritto: string | null = null;
    if (ref.esito && !excelError(ref.esito)) {
      const cell = view.cell(ref.esito.r, ref.esito.c);
      const raw = cell?.v ?? null;
      if (raw !== null && !(typeof raw === "string" && raw.trim() === "")) {
        esitoScritto = raw instanceof Date ? displayValue(raw) : typeof raw === "string" ? cleanText(raw) : displayValue(raw);
        const valid = typeof raw === "string" ? esitoScrittoValido(raw) : null;
        const motivo = motivoForzatura(text(view, ref.note));
        if (!valid) add("ESITO_NON_VALIDO", ref.esito, msg.ESITO_NON_VALIDO(esitoScritto));
        // esito forzato (issue 11): kept and counted as typed, reported instead of ESITO_DIVERGENTE.
        else if (motivo !== null) {
          valutato = forzaEsito(valutato, valid, motivo, s.sogliaOk, s.sogliaParziale);
          add("ESITO_FORZATO", ref.esito, controlli.segnalazioni.ESITO_FORZATO(valid, valutato.forzato!.esitoCalcolato, motivo));
        } else if (valutato.esito && valid !== valutato.esito)
          add("ESITO_DIVERGENTE", ref.esito, msg.ESITO_DIVERGENTE(esitoScritto, valutato.esito));
      }
    }
    out.push({
      ref,
      valutato,
      report: {
        cella: a1(ref.nome.r, ref.nome.c),
        indicatore: nome,
        tipo: valutato.tipo,
        direzione: valutato.direzione,
        atteso: valutato.atteso,
        realizzato: valutato.realizzato,
        raggiungimento: valutato.raggiungimento === null ? null : Math.round(valutato.raggiungimento * 100) / 100,
        esito: valutato.esito,
        esitoScritto,
        ...extraIndicatore(valutato),
      },
    });
  }
  return out;
}

function pesoIndicatore(view: SheetView, p: Pos | null): number | null {
  if (!p) return null;
  const v = parseValue(view.cell(p.r, p.c) ?? { v: null });
  return v.tipo === "numero" || v.tipo === "percentuale" ? v.value : null;
}

/** A typed MEDIA % compared with the computed one (spec §4.3): more than 0,5 apart is divergent. */
function compareMedia(
  view: SheetView,
  p: Pos | null,
  computed: number | null,
  codice: "MEDIA_VALORE_DIVERGENTE" | "MEDIA_TEMPI_DIVERGENTE",
  add: Add,
  excelError: (p: Pos | null) => boolean,
): void {
  if (!p || computed === null || excelError(p)) return;
  const typed = parsePercent(view.cell(p.r, p.c) ?? { v: null });
  if (!typed.ok || typed.value === null) return;
  if (Math.abs(typed.value - computed) > 0.5) add(codice, p, msg[codice](roundTiny(typed.value), roundTiny(computed)));
}

const DECIMAL_PLACES = /\.(0+|#+)/;
const QUOTED = /"[^"]*"/g;

function decimalsShown(fmt: string | undefined, v: number): number {
  if (fmt && fmt !== "General") {
    const m = DECIMAL_PLACES.exec(fmt.replace(QUOTED, ""));
    return m ? m[1]!.length : 0;
  }
  const s = String(v);
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

function indici(rec: RecognisedScheda, add: Add): void {
  const view = rec.view;
  for (const ind of rec.indici) {
    if (!ind.media) continue;
    const mediaCell = view.cell(ind.media.r, ind.media.c);
    const typed = parseValue(mediaCell ?? { v: null });
    if (typed.tipo !== "numero") continue;
    const vals: number[] = [];
    for (const p of ind.anni) {
      const v = parseValue(view.cell(p.r, p.c) ?? { v: null });
      if (v.tipo === "numero" || v.tipo === "percentuale") vals.push(v.value);
    }
    if (vals.length === 0) continue;
    const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
    const dec = decimalsShown(mediaCell?.fmt, typed.value);
    const f = 10 ** dec;
    const rounded = Math.round(mean * f) / f;
    if (Math.abs(rounded - Math.round(typed.value * f) / f) > 1e-9) {
      const fmt = (n: number): string => numeroIt(n, Math.max(dec, 2));
      add("INDICE_MEDIA_DIVERGENTE", ind.media, msg.INDICE_MEDIA_DIVERGENTE(text(view, ind.nome) ?? "", fmt(typed.value), fmt(rounded)));
    }
  }
}

/**
 * PERSONA_NOME_VARIANTE within a workbook: one person (same personKey) spelled in more than one
 * way. Every cell that does not use the most common spelling is pointed at.
 */
function varianti(schede: AnalysedScheda[], out: Segnalazione[]): void {
  const groups = new Map<string, Array<{ s: AnalysedScheda; p: Pos; nome: string }>>();
  for (const s of schede) {
    s.rec.personale.forEach((ref, i) => {
      const nome = s.scheda.personale[i]?.nome ?? "";
      const key = personKey(nome);
      if (!key) return;
      const entry = { s, p: ref.nome, nome: withoutPeriod(nome) };
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    });
  }
  for (const group of groups.values()) {
    const spellings = [...new Set(group.map((g) => g.nome))];
    if (spellings.length < 2) continue;
    const best = displayName(group.map((g) => g.nome));
    for (const g of group) {
      if (g.nome === best) continue;
      out.push(segnalazione("PERSONA_NOME_VARIANTE", g.s.foglio, a1(g.p.r, g.p.c), msg.PERSONA_NOME_VARIANTE(best, spellings)));
    }
  }
}

/** OBIETTIVO_NUMERO_DUPLICATO within a workbook: one per scheda that shares its number. */
function duplicati(schede: AnalysedScheda[], out: Segnalazione[]): void {
  const byNumero = new Map<string, AnalysedScheda[]>();
  for (const s of schede) {
    if (s.scheda.tipo !== "obiettivo" || !s.scheda.numero) continue;
    const k = s.scheda.numero.toLowerCase();
    const group = byNumero.get(k);
    if (group) group.push(s);
    else byNumero.set(k, [s]);
  }
  for (const group of byNumero.values()) {
    if (group.length < 2) continue;
    for (const s of group) {
      const others = group.filter((o) => o !== s).map((o) => o.foglio);
      const p = s.rec.numero!;
      out.push(
        segnalazione("OBIETTIVO_NUMERO_DUPLICATO", s.foglio, a1(p.r, p.c), msg.OBIETTIVO_NUMERO_DUPLICATO(s.scheda.numero!, others)),
      );
    }
  }
}
