/**
 * Consolidation (issue 4): the reports of N settori workbooks become one picture of the ente.
 * Pure: reads Report objects, never a workbook. The rules it applies are in docs/CONSOLIDAMENTO.md.
 */
import type { Gravita, Report, Scheda } from "../model";
import type { Settings } from "../settings";
import { consolidamento as t } from "../../strings/it";
import {
  type Classe,
  type Consolidation,
  type ConsolidationInput,
  type ConteggioEsiti,
  type Ente,
  type FaseInRitardo,
  type FileNonLetto,
  type IndicatoreRiga,
  type ObiettivoRiga,
  type PerformanceEnte,
  type SegnalazioneFile,
  type Settore,
} from "./model";
import { extraOf } from "./extra";
import { consolidatePersonale } from "./personale";
import { rollUp } from "./strategico";

export interface ConsolidateOptions {
  /** Files that could not be used, with their Italian reason (listed, not consolidated). */
  nonLetti?: FileNonLetto[];
}

/** Two decimals: enough for a percentage, and stable in JSON. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function classeDi(grado: number | null, settings: Settings): Classe | null {
  if (grado === null) return null;
  if (grado >= settings.classeRaggiunto) return "raggiunto";
  if (grado >= settings.classeParziale) return "parzialmente raggiunto";
  return "non raggiunto";
}

function contaEsiti(s: Scheda): ConteggioEsiti {
  const c: ConteggioEsiti = {
    OK: 0,
    PARZIALE: 0,
    "NON RAGGIUNTO": 0,
    "DA VERIFICARE": 0,
    nonMisurati: 0,
  };
  for (const i of s.indicatori) {
    if (i.esito) c[i.esito]++;
    else c.nonMisurati++;
  }
  return c;
}

/**
 * Grado of a group of obiettivi (spec §4.3): Σ(peso × grado) / Σ peso over those with a grado.
 * When any of them has no pesatura (or all pesature are 0) every obiettivo weighs the same, and
 * the caller says so: mixing real weights with invented ones would be arbitrary.
 */
export function gradoPesato(righe: Array<{ pesatura: number | null; grado: number | null; prerequisito?: boolean }>): {
  grado: number | null;
  pesiUniformi: boolean;
  senzaPeso: number;
  conGrado: number;
} {
  // A prerequisito is evaluated but never weighed (spec §4.3).
  const valutati = righe.filter((r): r is { pesatura: number | null; grado: number } => r.grado !== null && !r.prerequisito);
  if (valutati.length === 0) return { grado: null, pesiUniformi: false, senzaPeso: 0, conGrado: 0 };
  const senzaPeso = valutati.filter((r) => r.pesatura === null || r.pesatura < 0).length;
  const sommaPesi = valutati.reduce((a, r) => a + (r.pesatura ?? 0), 0);
  const uniformi = senzaPeso > 0 || sommaPesi <= 0;
  const grado = uniformi
    ? valutati.reduce((a, r) => a + r.grado, 0) / valutati.length
    : valutati.reduce((a, r) => a + r.pesatura! * r.grado, 0) / sommaPesi;
  return {
    grado: round2(grado),
    pesiUniformi: uniformi,
    senzaPeso,
    conGrado: valutati.length,
  };
}

function media(xs: Array<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? round2(v.reduce((a, b) => a + b, 0) / v.length) : null;
}

function conta(segnalazioni: SegnalazioneFile[], g: Gravita): number {
  return segnalazioni.filter((s) => s.gravita === g).length;
}

function sintesi(
  obiettivi: ObiettivoRiga[],
  fasi: FaseInRitardo[],
  segnalazioni: SegnalazioneFile[],
  settings: Settings,
): Omit<Settore, "file"> {
  const g = gradoPesato(
    obiettivi.map((o) => ({
      pesatura: o.pesatura,
      grado: o.mediaValoreRaggiunto,
      prerequisito: o.prerequisito,
    })),
  );
  const classi = {
    raggiunto: 0,
    "parzialmente raggiunto": 0,
    "non raggiunto": 0,
    nonValutabili: 0,
  };
  for (const o of obiettivi) {
    if (o.classe) classi[o.classe]++;
    else classi.nonValutabili++;
  }
  let nota: string | null = null;
  if (obiettivi.length > 0 && g.conGrado === 0) nota = t.notaNessunGrado;
  else if (g.pesiUniformi) nota = t.notaPesiUniformi(g.senzaPeso, g.conGrado);
  return {
    nObiettivi: obiettivi.length,
    grado: g.grado,
    pesiUniformi: g.pesiUniformi,
    mediaRispettoTempi: media(obiettivi.map((o) => o.mediaRispettoTempi)),
    classe: classeDi(g.grado, settings),
    classi,
    fasiInRitardo: fasi.length,
    errori: conta(segnalazioni, "errore"),
    avvisi: conta(segnalazioni, "avviso"),
    nota,
  };
}

function chiaveNumero(numero: string): string {
  return numero.trim().replace(/\s+/g, "").toLowerCase();
}

/** OBIETTIVO_NUMERO_DUPLICATO across workbooks (the engine already reports it inside one). */
function duplicatiTraFile(inputs: ConsolidationInput[]): SegnalazioneFile[] {
  const byNumero = new Map<string, Array<{ input: ConsolidationInput; scheda: Scheda }>>();
  for (const input of inputs)
    for (const scheda of input.report.schede) {
      if (scheda.tipo !== "obiettivo" || !scheda.numero?.trim()) continue;
      const k = chiaveNumero(scheda.numero);
      const list = byNumero.get(k) ?? [];
      list.push({ input, scheda });
      byNumero.set(k, list);
    }
  const out: SegnalazioneFile[] = [];
  for (const list of byNumero.values()) {
    if (new Set(list.map((x) => x.input.file)).size < 2) continue;
    for (const { input, scheda } of list) {
      const altrove = list.filter((x) => x.input.file !== input.file).map((x) => `${x.input.file} › ${x.scheda.foglio}`);
      out.push({
        file: input.file,
        codice: "OBIETTIVO_NUMERO_DUPLICATO",
        gravita: "avviso",
        foglio: scheda.foglio,
        cella: extraOf(input, scheda.foglio).cellaNumero ?? "",
        messaggio: t.segnalazioni.numeroDuplicatoTraFile(scheda.numero!.trim(), altrove),
      });
    }
  }
  return out;
}

function mostFrequent<T>(xs: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

export function consolidate(inputs: ConsolidationInput[], settings: Settings, options: ConsolidateOptions = {}): Consolidation {
  // Segnalazioni first: the obiettivi rows count them.
  const segnalazioni: SegnalazioneFile[] = [];
  // A person's total over 100 % is recomputed across the workbooks (spec §4.3b): each file's own is superseded.
  for (const input of inputs)
    for (const s of input.report.segnalazioni)
      if (s.codice !== "PERSONA_PARTECIPAZIONE_ECCEDENTE") segnalazioni.push({ file: input.file, ...s });
  segnalazioni.push(...duplicatiTraFile(inputs));
  const esercizio = mostFrequent(inputs.map((i) => i.report.esercizio)) ?? null;
  const personale = consolidatePersonale(inputs, esercizio);
  // The engine may already flag a variant inside one workbook at the same cell: say it once.
  const gia = new Set(segnalazioni.filter((s) => s.cella).map((s) => `${s.codice}\u0000${s.file}\u0000${s.foglio}\u0000${s.cella}`));
  for (const s of personale.segnalazioni)
    if (!s.cella || !gia.has(`${s.codice}\u0000${s.file}\u0000${s.foglio}\u0000${s.cella}`)) segnalazioni.push(s);

  const perScheda = new Map<string, SegnalazioneFile[]>();
  for (const s of segnalazioni) {
    const k = `${s.file}\u0000${s.foglio}`;
    const list = perScheda.get(k) ?? [];
    list.push(s);
    perScheda.set(k, list);
  }

  const obiettivi: ObiettivoRiga[] = [];
  const fasiInRitardo: FaseInRitardo[] = [];
  const performanceEnte: PerformanceEnte[] = [];
  const indicatori: IndicatoreRiga[] = [];
  for (const input of inputs) {
    for (const scheda of input.report.schede) {
      const extra = extraOf(input, scheda.foglio);
      for (const f of scheda.fasi)
        if (f.stato === "in ritardo")
          fasiInRitardo.push({
            file: input.file,
            foglio: scheda.foglio,
            numero: scheda.numero,
            titolo: scheda.titolo,
            n: f.n,
            descrizione: f.descrizione,
            previsto: [...f.previsto],
            effettivo: [...f.effettivo],
          });
      if (scheda.tipo === "ente") {
        performanceEnte.push({
          file: input.file,
          foglio: scheda.foglio,
          titolo: scheda.titolo,
          missioneProgramma: extra.missioneProgramma ?? null,
          grado: scheda.mediaValoreRaggiunto,
          classe: classeDi(scheda.mediaValoreRaggiunto, settings),
          indicatori: scheda.indicatori.map((i) => ({ ...i })),
        });
        continue;
      }
      for (const i of scheda.indicatori)
        indicatori.push({
          file: input.file,
          foglio: scheda.foglio,
          numero: scheda.numero,
          titolo: scheda.titolo,
          cella: i.cella,
          indicatore: i.indicatore,
          tipo: i.tipo,
          atteso: i.atteso,
          realizzato: i.realizzato,
          raggiungimento: i.raggiungimento,
          esito: i.esito,
          esitoScritto: i.esitoScritto,
          forzato: i.forzato ? i.forzato.motivo : null,
        });
      const sue = perScheda.get(`${input.file}\u0000${scheda.foglio}`) ?? [];
      obiettivi.push({
        file: input.file,
        foglio: scheda.foglio,
        numero: scheda.numero,
        titolo: scheda.titolo,
        obiettivoStrategico: extra.obiettivoStrategico ?? null,
        missioneProgramma: extra.missioneProgramma ?? null,
        lineaMandato: extra.lineaMandato ?? null,
        pesatura: scheda.pesatura,
        prerequisito: scheda.prerequisito === true,
        nIndicatori: scheda.indicatori.length,
        esiti: contaEsiti(scheda),
        esitiForzati: scheda.indicatori.filter((i) => i.forzato).length,
        mediaValoreRaggiunto: scheda.mediaValoreRaggiunto,
        mediaRispettoTempi: scheda.mediaRispettoTempi,
        classe: classeDi(scheda.mediaValoreRaggiunto, settings),
        errori: conta(sue, "errore"),
        avvisi: conta(sue, "avviso"),
      });
    }
  }

  const settori: Settore[] = inputs.map((input) => ({
    file: input.file,
    ...sintesi(
      obiettivi.filter((o) => o.file === input.file),
      fasiInRitardo.filter((f) => f.file === input.file),
      segnalazioni.filter((s) => s.file === input.file),
      settings,
    ),
  }));
  const ente: Ente = {
    nFile: inputs.length,
    ...sintesi(obiettivi, fasiInRitardo, segnalazioni, settings),
  };

  const reports: Report[] = inputs.map((i) => i.report);
  // Built field by field with the schema's own types: no need to re-validate our own output.
  const out: Consolidation = {
    esercizio,
    al: mostFrequent(reports.map((r) => r.al)) ?? null,
    file: inputs.map((i) => i.file),
    fileNonLetti: options.nonLetti ?? [],
    obiettivi,
    settori,
    ente,
    fasiInRitardo,
    personale: personale.persone,
    performanceEnte,
    indicatori,
    strategico: [...rollUp(obiettivi, "strategico", settings), ...rollUp(obiettivi, "mandato", settings)],
    missioni: rollUp(obiettivi, "missione", settings),
    segnalazioni,
  };
  return out;
}
