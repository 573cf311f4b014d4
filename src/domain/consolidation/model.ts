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
  pesatura: z.number().nullable(),
  nIndicatori: z.number().int(),
  esiti: ConteggioEsitiSchema,
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
  segnalazioni: z.array(SegnalazioneFileSchema),
});
export type Consolidation = z.infer<typeof ConsolidationSchema>;

/** What the engine does not (yet) put in the report but consolidation can use, per foglio. */
export interface SchedaExtra {
  obiettivoStrategico?: string | null;
  /** "Missione Programma" of a scheda obiettivo, "Processo" of an ente scheda. */
  missioneProgramma?: string | null;
  /** A1 address of the N.OBIETTIVO value. */
  cellaNumero?: string | null;
  /** A1 address of each personale name, parallel to `scheda.personale`. */
  cellePersonale?: Array<string | null>;
}

export interface ConsolidationInput {
  file: string;
  report: Report;
  extra?: { schede?: Record<string, SchedaExtra> };
}
