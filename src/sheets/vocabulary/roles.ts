/**
 * The roles a label can play on a scheda. The vocabulary maps each role to the words real schede
 * use for it; a profilo di layout adds more. Roles are stable identifiers (they appear in saved
 * profiles), so rename none of them.
 */
import { z } from "zod";

export const ROLES = [
  // Titles that say "this sheet is a scheda".
  "schedaObiettivo",
  "schedaEnte",
  // Intestazione.
  "numero",
  "titolo",
  "pesatura",
  "responsabile",
  "settore",
  "rilevanza",
  // Contesto.
  "obiettivoStrategico",
  "missioneProgramma",
  "lineaMandato",
  "stakeholder",
  "finalita",
  "descrizioneObiettivo",
  "processo",
  // Personale.
  "personale",
  "nome",
  "categoria",
  "partecipazione",
  "prevista",
  "realizzata",
  "tempoLavoro",
  // Fasi and cronoprogramma.
  "fasi",
  "faseNumero",
  "cronoprogramma",
  "inizioPrevisto",
  "finePrevista",
  "inizioEffettivo",
  "fineEffettiva",
  "pesoFase",
  "statoFase",
  "avanzamento",
  // Indicatori.
  "indicatori",
  "indicatoriEnte",
  "indicatore",
  "atteso",
  "realizzato",
  "raggiungimento",
  "esito",
  "note",
  "peso",
  "dimensione",
  // Verifica.
  "verificaIntermedia",
  "verificaFinale",
  "mediaValore",
  "mediaTempi",
  "grado",
  "analisi",
  "cause",
  "effetti",
  "provvedimenti",
  "intrapresi",
  "daAttivare",
  "relazione",
  // Ente.
  "indici",
  "media",
  "risorse",
  "anno",
  // Helpers.
  "totale",
] as const;

export const RoleSchema = z.enum(ROLES);

/** Each role's position in ROLES (a sheet's role index is an array, not a map). */
export const ROLE_INDEX: ReadonlyMap<string, number> = new Map(ROLES.map((r, i) => [r, i]));
export type Role = z.infer<typeof RoleSchema>;

/** A vocabulary pattern: normalised words, with "*" for "any further words" (see builtin.ts). */
export const PatternSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(
    /^(\* )?[a-z0-9]+( ([a-z0-9]+|\*))*$/,
    "parole normalizzate (minuscole, senza accenti né punteggiatura), con * per «altre parole»",
  );

/** The vocabulary table: every role with its patterns. */
export const VocabularyTableSchema = z.record(RoleSchema, z.array(PatternSchema));
