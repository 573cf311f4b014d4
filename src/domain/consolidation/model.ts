/**
 * The consolidation of N settori workbooks (issue 4): what `peg consolida --json` prints, what the
 * pane previews and what the Riepilogo sheets show. zod is the contract; types are inferred.
 * Percentages are numbers 0–100 (as in the verifica report), absent values are null.
 */
import { z } from "zod";
import { IndicatoreSchema, SegnalazioneSchema, type Report } from "../model";

export const ClasseSchema = z.enum(["raggiunto", "parzialmente raggiunto", "non raggiunto"]);
export type Classe = z.infer<typeof ClasseSchema>;

/** How many indicators of an obiettivo have each computed esito; `nonMisurati`: realizzato still empty. */
export const ConteggioEsitiSchema = z.object({
  OK: z.number().int(),
  PARZIALE: z.number().int(),
  "NON RAGGIUNTO": z.number().int(),
  "DA VERIFICARE": z.number().int(),
  nonMisurati: z.number().int(),
});
export type ConteggioEsiti = z.infer<typeof ConteggioEsitiSchema>;

export const ObiettivoRigaSchema = z.object({
  file: z.string(),
  foglio: z.string(),
  numero: z.string().nullable(),
  titolo: z.string().nullable(),
  obiettivoStrategico: z.string().nullable(),
  missioneProgramma: z.string().nullable(),
  /** "Linea di mandato" where the scheda names one. */
  lineaMandato: z.string().nullable(),
  pesatura: z.number().nullable(),
  /** Pesatura `X` / `prerequisito` / `-`: evaluated, not weighed. */
  prerequisito: z.boolean(),
  nIndicatori: z.number().int(),
  esiti: ConteggioEsitiSchema,
  /** Indicators whose typed esito is kept as forced (spec §4.3c). */
  esitiForzati: z.number().int(),
  /** The obiettivo's grado di raggiungimento. */
  mediaValoreRaggiunto: z.number().nullable(),
  mediaRispettoTempi: z.number().nullable(),
  classe: ClasseSchema.nullable(),
  errori: z.number().int(),
  avvisi: z.number().int(),
});
export type ObiettivoRiga = z.infer<typeof ObiettivoRigaSchema>;

export const ConteggioClassiSchema = z.object({
  raggiunto: z.number().int(),
  "parzialmente raggiunto": z.number().int(),
  "non raggiunto": z.number().int(),
  /** Obiettivi without a grado (no indicator measured yet). */
  nonValutabili: z.number().int(),
});

/** The figures shared by a settore line and the ente line. */
const SintesiShape = {
  nObiettivi: z.number().int(),
  /** Σ(pesatura × grado) / Σ pesatura over the obiettivi with a grado; equal weights when a pesatura is missing. */
  grado: z.number().nullable(),
  /** True when the grado used equal weights because some pesatura is missing (see `nota`). */
  pesiUniformi: z.boolean(),
  /** Plain mean of the obiettivi's MEDIA RISPETTO DEI TEMPI. */
  mediaRispettoTempi: z.number().nullable(),
  classe: ClasseSchema.nullable(),
  classi: ConteggioClassiSchema,
  fasiInRitardo: z.number().int(),
  errori: z.number().int(),
  avvisi: z.number().int(),
  /** Italian note for the reader, e.g. why equal weights were used; null when nothing to say. */
  nota: z.string().nullable(),
};

export const SettoreSchema = z.object({ file: z.string(), ...SintesiShape });
export type Settore = z.infer<typeof SettoreSchema>;

export const EnteSchema = z.object({
  nFile: z.number().int(),
  ...SintesiShape,
});
export type Ente = z.infer<typeof EnteSchema>;

export const FaseInRitardoSchema = z.object({
  file: z.string(),
  foglio: z.string(),
  numero: z.string().nullable(),
  titolo: z.string().nullable(),
  n: z.number().int(),
  descrizione: z.string().nullable(),
  previsto: z.array(z.number().int().min(1).max(12)),
  effettivo: z.array(z.number().int().min(1).max(12)),
});
export type FaseInRitardo = z.infer<typeof FaseInRitardoSchema>;

export const PartecipazioneSchema = z.object({
  file: z.string(),
  foglio: z.string(),
  tipo: z.enum(["obiettivo", "ente"]),
  numero: z.string().nullable(),
  titolo: z.string().nullable(),
  /** The name exactly as this scheda writes it. */
  nomeScritto: z.string(),
  categoria: z.string().nullable(),
  prevista: z.number().nullable(),
  realizzata: z.number().nullable(),
});
export type Partecipazione = z.infer<typeof PartecipazioneSchema>;

export const PersonaRigaSchema = z.object({
  nome: z.string(),
  /** Every distinct way the name is written (trimmed), in order of first appearance. */
  varianti: z.array(z.string()),
  categoria: z.string().nullable(),
  partecipazioni: z.array(PartecipazioneSchema),
  /** Sums over the partecipazioni (null when none has a value). */
  totalePrevista: z.number().nullable(),
  totaleRealizzata: z.number().nullable(),
  /** The total allowed: 100, or 100 × the part-time / FTE fraction written on a scheda (spec §4.3b). */
  capienza: z.number(),
  /** Periods of service written with the name ("da maggio 2023"), in order of appearance. */
  periodi: z.array(z.string()),
  /** What the quadratura found: a total over the capienza, a period outside the esercizio. */
  anomalie: z.array(z.enum(["prevista", "realizzata", "periodo"])),
});
export type PersonaRiga = z.infer<typeof PersonaRigaSchema>;

export const PerformanceEnteSchema = z.object({
  file: z.string(),
  foglio: z.string(),
  titolo: z.string().nullable(),
  missioneProgramma: z.string().nullable(),
  grado: z.number().nullable(),
  classe: ClasseSchema.nullable(),
  indicatori: z.array(IndicatoreSchema),
});
export type PerformanceEnte = z.infer<typeof PerformanceEnteSchema>;

export const SegnalazioneFileSchema = SegnalazioneSchema.extend({
  file: z.string(),
});
export type SegnalazioneFile = z.infer<typeof SegnalazioneFileSchema>;

export const FileNonLettoSchema = z.object({
  file: z.string(),
  motivo: z.string(),
});
export type FileNonLetto = z.infer<typeof FileNonLettoSchema>;

/** Every indicator of every obiettivo, for the Indicatori sheet and the comparison of rilevazioni (issue 11). */
export const IndicatoreRigaSchema = z.object({
  file: z.string(),
  foglio: z.string(),
  numero: z.string().nullable(),
  titolo: z.string().nullable(),
  cella: z.string(),
  indicatore: z.string(),
  tipo: IndicatoreSchema.shape.tipo,
  atteso: IndicatoreSchema.shape.atteso,
  realizzato: IndicatoreSchema.shape.realizzato,
  raggiungimento: z.number().nullable(),
  esito: IndicatoreSchema.shape.esito,
  esitoScritto: z.string().nullable(),
  /** The reason of a forced esito (Note "forzato: …"); null when not forced. */
  forzato: z.string().nullable(),
});
export type IndicatoreRiga = z.infer<typeof IndicatoreRigaSchema>;

/** What an earlier riepilogo said, read back from its sheets (see src/sheets/consolidation/precedente.ts). */
export interface Precedente {
  file: string;
  al: string | null;
  obiettivi: Array<{
    file: string;
    foglio: string;
    numero: string | null;
    titolo: string | null;
    grado: number | null;
    tempi: number | null;
  }>;
  fasiInRitardo: Array<{
    file: string;
    foglio: string;
    numero: string | null;
    titolo: string | null;
    n: number;
    descrizione: string | null;
  }>;
  /** null when the earlier riepilogo has no Indicatori sheet (written before it existed). */
  indicatori: Array<{
    file: string;
    foglio: string;
    numero: string | null;
    titolo: string | null;
    indicatore: string;
    esito: string | null;
  }> | null;
}

const RifObiettivoShape = {
  file: z.string(),
  foglio: z.string(),
  numero: z.string().nullable(),
  titolo: z.string().nullable(),
};

export const VariazioniSchema = z.object({
  /** The earlier riepilogo, as named on the command line. */
  precedente: z.string(),
  alPrecedente: z.string().nullable(),
  /** Every obiettivo in both: grado and rispetto dei tempi before and now. */
  obiettivi: z.array(
    z.object({
      ...RifObiettivoShape,
      gradoPrima: z.number().nullable(),
      gradoOra: z.number().nullable(),
      tempiPrima: z.number().nullable(),
      tempiOra: z.number().nullable(),
    }),
  ),
  fasiInRitardo: z.array(z.object({ ...RifObiettivoShape, n: z.number().int(), descrizione: z.string().nullable() })),
  fasiRecuperate: z.array(z.object({ ...RifObiettivoShape, n: z.number().int(), descrizione: z.string().nullable() })),
  esiti: z.array(z.object({ ...RifObiettivoShape, indicatore: z.string(), prima: z.string().nullable(), ora: z.string().nullable() })),
  /** False when the earlier riepilogo has no Indicatori sheet. */
  esitiConfrontati: z.boolean(),
  aggiunti: z.array(z.object(RifObiettivoShape)),
  tolti: z.array(z.object(RifObiettivoShape)),
});
export type Variazioni = z.infer<typeof VariazioniSchema>;

/** The strategic roll-up (issue 11): one line per obiettivo strategico, missione / programma or linea di mandato. */
export const LivelloSchema = z.enum(["strategico", "missione", "mandato"]);
export type Livello = z.infer<typeof LivelloSchema>;

export const VoceStrategicaSchema = z.object({
  livello: LivelloSchema,
  /** The text as the schede write it (the most frequent spelling). */
  voce: z.string(),
  nObiettivi: z.number().int(),
  /** The N. obiettivo of each obiettivo in the group (file › foglio when it has none). */
  obiettivi: z.array(z.string()),
  /** Obiettivi marked as prerequisito: listed, not weighed. */
  prerequisiti: z.number().int(),
  grado: z.number().nullable(),
  /** Rispetto dei tempi, weighted by pesatura as the grado. */
  mediaRispettoTempi: z.number().nullable(),
  pesiUniformi: z.boolean(),
  classe: ClasseSchema.nullable(),
  nota: z.string().nullable(),
});
export type VoceStrategica = z.infer<typeof VoceStrategicaSchema>;

export const ConsolidationSchema = z.object({
  esercizio: z.number().int().nullable(),
  al: z.string().nullable(),
  /** The files consolidated, in input order. */
  file: z.array(z.string()),
  fileNonLetti: z.array(FileNonLettoSchema),
  obiettivi: z.array(ObiettivoRigaSchema),
  settori: z.array(SettoreSchema),
  ente: EnteSchema,
  fasiInRitardo: z.array(FaseInRitardoSchema),
  personale: z.array(PersonaRigaSchema),
  performanceEnte: z.array(PerformanceEnteSchema),
  indicatori: z.array(IndicatoreRigaSchema),
  /** Roll-up by obiettivo strategico and by linea di mandato (issue 11). */
  strategico: z.array(VoceStrategicaSchema),
  /** Roll-up by missione / programma (issue 11). */
  missioni: z.array(VoceStrategicaSchema),
  /** Only with --confronta: what changed since an earlier riepilogo. */
  variazioni: VariazioniSchema.optional(),
  segnalazioni: z.array(SegnalazioneFileSchema),
});
export type Consolidation = z.infer<typeof ConsolidationSchema>;

/** What the engine does not (yet) put in the report but consolidation can use, per foglio. */
export interface SchedaExtra {
  obiettivoStrategico?: string | null;
  /** "Missione Programma" of a scheda obiettivo, "Processo" of an ente scheda. */
  missioneProgramma?: string | null;
  lineaMandato?: string | null;
  /** A1 address of the N.OBIETTIVO value. */
  cellaNumero?: string | null;
  /** A1 address of each personale name, parallel to `scheda.personale`. */
  cellePersonale?: Array<string | null>;
  /** Part-time / FTE fraction (0–1) of each person, parallel to `scheda.personale`, where the table has that column. */
  ftePersonale?: Array<number | null>;
}

export interface ConsolidationInput {
  file: string;
  report: Report;
  extra?: { schede?: Record<string, SchedaExtra> };
}
