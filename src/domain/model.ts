/**
 * The PEG model as it crosses boundaries: the JSON report of `peg verifica --json` (spec §7),
 * which the task pane, the browser preview and consolidation all read. zod is the single source
 * of truth; the TypeScript types are inferred from it.
 */
import { z } from "zod";

export const GravitaSchema = z.enum(["errore", "avviso", "info"]);
export type Gravita = z.infer<typeof GravitaSchema>;

export const CodiceSchema = z.enum([
  "PARTECIPAZIONE_PREVISTA_SOMMA",
  "PARTECIPAZIONE_REALIZZATA_SOMMA",
  "PARTECIPAZIONE_NON_VALIDA",
  "PERSONA_NOME_VARIANTE",
  "OBIETTIVO_NUMERO_DUPLICATO",
  "PESATURA_MANCANTE",
  "FASE_SENZA_PREVISTO",
  "FASE_MARCATA_SENZA_DESCRIZIONE",
  "EFFETTIVO_FUTURO",
  "FASE_IN_RITARDO",
  "ESITO_NON_VALIDO",
  "ESITO_DIVERGENTE",
  "INDICATORE_NON_VALUTABILE",
  "DATA_SENZA_ANNO",
  "MEDIA_VALORE_DIVERGENTE",
  "MEDIA_TEMPI_DIVERGENTE",
  "INDICE_MEDIA_DIVERGENTE",
  "SCHEDA_NON_RICONOSCIUTA",
  // Quadratura, pesi and forced esiti (spec §4.3–§4.3c, issue 11).
  "PERSONA_PARTECIPAZIONE_ECCEDENTE",
  "PERSONA_PERIODO_FUORI_ESERCIZIO",
  "OBIETTIVO_PREREQUISITO",
  "CRONOPROGRAMMA_SOLO_PREVISTO",
  "ESITO_FORZATO",
  // Not in the spec's table; documented in docs/DIAGNOSTICS.md.
  "BLOCCO_NON_RICONOSCIUTO",
  "VALORE_ERRORE_EXCEL",
  "FOGLIO_NASCOSTO",
  "CELLE_FUORI_AREA",
]);
export type Codice = z.infer<typeof CodiceSchema>;

export const SegnalazioneSchema = z.object({
  codice: CodiceSchema,
  gravita: GravitaSchema,
  foglio: z.string(),
  cella: z.string(),
  messaggio: z.string(),
});
export type Segnalazione = z.infer<typeof SegnalazioneSchema>;

export const TipoValoreSchema = z.enum(["percentuale", "numero", "data", "si_no", "testo"]);
export type TipoValore = z.infer<typeof TipoValoreSchema>;

export const DirezioneSchema = z.enum(["crescente", "decrescente"]);
export type Direzione = z.infer<typeof DirezioneSchema>;

export const EsitoSchema = z.enum(["OK", "PARZIALE", "NON RAGGIUNTO", "DA VERIFICARE"]);
export type Esito = z.infer<typeof EsitoSchema>;

export const StatoFaseSchema = z.enum(["nei tempi", "in anticipo", "in ritardo", "in corso", "non iniziata", "non valutabile"]);
export type StatoFase = z.infer<typeof StatoFaseSchema>;

/** A value as the report shows it: numbers as numbers, dates as ISO text, SI/NO as "SI"/"NO". */
export const ValoreSchema = z.union([z.number(), z.string()]).nullable();

export const PersonaSchema = z.object({
  nome: z.string(),
  categoria: z.string().nullable(),
  prevista: z.number().nullable(),
  realizzata: z.number().nullable(),
});
export type Persona = z.infer<typeof PersonaSchema>;

export const FaseSchema = z.object({
  n: z.number().int(),
  descrizione: z.string().nullable(),
  previsto: z.array(z.number().int().min(1).max(12)),
  effettivo: z.array(z.number().int().min(1).max(12)),
  /** null for a fase with no description (it is not evaluated). */
  stato: StatoFaseSchema.nullable(),
  /** Peso fase, where the sheet gives one (MEDIA RISPETTO DEI TEMPI is weighted by it). */
  peso: z.number().nullable().optional(),
  /** What the sheet's own "Stato" column says of the fase, as written. */
  statoDichiarato: z.string().nullable().optional(),
  /** The sheet's "% avanzamento" of the fase, 0–100. */
  avanzamento: z.number().nullable().optional(),
});
export type Fase = z.infer<typeof FaseSchema>;

export const IndicatoreSchema = z.object({
  cella: z.string(),
  indicatore: z.string(),
  tipo: TipoValoreSchema,
  direzione: DirezioneSchema,
  atteso: ValoreSchema,
  realizzato: ValoreSchema,
  raggiungimento: z.number().nullable(),
  esito: EsitoSchema.nullable(),
  esitoScritto: z.string().nullable(),
  /** Only when the fasce changed it: the raggiungimento before the fasce (then `raggiungimento` is the band's score). */
  raggiungimentoCalcolato: z.number().optional(),
  /** Only for a typed esito kept because its Note starts with "forzato" (spec §4.3c). */
  forzato: z
    .object({
      motivo: z.string(),
      /** What the rules would give. */
      esitoCalcolato: EsitoSchema.nullable(),
      raggiungimentoCalcolato: z.number().nullable(),
    })
    .optional(),
});
export type Indicatore = z.infer<typeof IndicatoreSchema>;

export const SchedaSchema = z.object({
  foglio: z.string(),
  tipo: z.enum(["obiettivo", "ente"]),
  numero: z.string().nullable(),
  titolo: z.string().nullable(),
  pesatura: z.number().nullable(),
  /** Only when the pesatura says `X` / `prerequisito` / `-`: evaluated, not weighed (OBIETTIVO_PREREQUISITO). */
  prerequisito: z.literal(true).optional(),
  personale: z.array(PersonaSchema),
  fasi: z.array(FaseSchema),
  indicatori: z.array(IndicatoreSchema),
  mediaValoreRaggiunto: z.number().nullable(),
  mediaRispettoTempi: z.number().nullable(),
});
export type Scheda = z.infer<typeof SchedaSchema>;

export const ReportSchema = z.object({
  file: z.string(),
  esercizio: z.number().int(),
  al: z.string(),
  schede: z.array(SchedaSchema),
  segnalazioni: z.array(SegnalazioneSchema),
});
export type Report = z.infer<typeof ReportSchema>;
