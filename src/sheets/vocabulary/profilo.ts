/**
 * The profilo di layout (issue 8): the labels a user taught for one comune's layout, kept as a
 * small versioned JSON document. A profile only adds words to the built-in vocabulary (it never
 * removes one and never changes a cell): `vocabolarioDa` turns it into the Vocabulary verifica
 * reads with. The pane keeps it in the document's settings; the command line takes it as
 * `--profilo FILE.json`. docs/PROFILO.md describes the format.
 */
import { z } from "zod";
import { profilo as t } from "../../strings/it-profilo";
import { ROLES, RoleSchema, type Role } from "./roles";
import { Vocabulary } from "./vocabulary";

export const FORMATO_PROFILO = "monitoraggio-peg/profilo";
export const VERSIONE_PROFILO = 1;
/** Bounds: a profile is a short list of labels, never a data set. */
export const MAX_VOCI = 500;
export const MAX_TESTO = 200;
export const MAX_BYTES_PROFILO = 1_000_000;

const Testo = z.string().trim().min(1).max(MAX_TESTO);

export const VoceSchema = z
  .object({
    ruolo: RoleSchema,
    /** The label as the sheet writes it. */
    testo: Testo,
    /** Where it was taught (for the user's information only: matching is by text). */
    foglio: z.string().max(31).optional(),
    cella: z
      .string()
      .regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/)
      .optional(),
  })
  .strict();

export const ProfiloSchema = z
  .object({
    formato: z.literal(FORMATO_PROFILO),
    versione: z.literal(VERSIONE_PROFILO),
    nome: z.string().trim().max(MAX_TESTO),
    voci: z.array(VoceSchema).max(MAX_VOCI),
    /** The twelve month labels of a taught month row, January first. */
    mesi: z.array(Testo).length(12).optional(),
  })
  .strict();

export type Voce = z.infer<typeof VoceSchema>;
export type Profilo = z.infer<typeof ProfiloSchema>;

export function profiloVuoto(nome: string = t.nomePredefinito): Profilo {
  return { formato: FORMATO_PROFILO, versione: VERSIONE_PROFILO, nome, voci: [] };
}

/** The vocabulary a profile gives: the built-in words plus the taught ones. */
export function vocabolarioDa(p: Profilo): Vocabulary {
  const roles: Partial<Record<Role, string[]>> = {};
  for (const v of p.voci) (roles[v.ruolo] ??= []).push(v.testo);
  return new Vocabulary({ roles, months: p.mesi });
}

export type LetturaProfilo = { ok: true; profilo: Profilo } | { ok: false; errore: string };

/** What is wrong with one field, in Italian. */
function cosa(issue: z.core.$ZodIssue, campo: string, raw: unknown): string {
  const last = issue.path[issue.path.length - 1];
  if (issue.code === "unrecognized_keys") return t.cosa.sconosciuto;
  if (issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined) return t.cosa.manca;
  if (last === "ruolo") return t.cosa.ruolo(ROLES.join(", "));
  if (last === "cella") return t.cosa.cella;
  const top = issue.path.length === 1;
  if (campo === "mesi") return t.cosa.mesi;
  if (top && campo === "voci" && issue.code === "too_big") return t.cosa.troppe(MAX_VOCI);
  if (top && campo === "voci") return t.cosa.lista;
  if (issue.code === "invalid_type" && issue.expected === "object") return t.cosa.oggetto;
  if (issue.code === "invalid_type" && issue.expected === "string") return t.cosa.testo;
  if (issue.code === "too_small") return t.cosa.testoVuoto;
  if (issue.code === "too_big") return t.cosa.testoLungo;
  return t.cosa.altro;
}

/** The value at an issue's path in the parsed JSON (undefined when the field is absent). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** "voci[2].ruolo", as a user reading the JSON finds it. */
function campoDi(path: readonly PropertyKey[]): string {
  let out = "";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out;
}

/** Check a parsed JSON value; `file` names it in the messages. Never throws. */
export function validaProfilo(raw: unknown, file: string): LetturaProfilo {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, errore: t.nonValido(file, [t.cosa.oggetto]) };
  const o = raw as Record<string, unknown>;
  if (o.formato !== FORMATO_PROFILO) return { ok: false, errore: t.nonProfilo(file) };
  if (o.versione !== VERSIONE_PROFILO) return { ok: false, errore: t.versione(file, JSON.stringify(o.versione ?? null)) };
  const parsed = ProfiloSchema.safeParse(raw);
  if (parsed.success) return { ok: true, profilo: parsed.data };
  const problemi = parsed.error.issues.slice(0, 5).map((i) => {
    const campo = campoDi(i.path);
    const nomi = i.code === "unrecognized_keys" ? i.keys.map((k) => (campo ? `${campo}.${k}` : k)).join(", ") : campo;
    return t.campo(nomi, cosa(i, String(i.path[0] ?? ""), raw));
  });
  return { ok: false, errore: t.nonValido(file, problemi) };
}

/** Read a profile from the text of a file (JSON, optionally with a BOM). Never throws. */
export function leggiProfilo(text: string, file: string): LetturaProfilo {
  if (text.length > MAX_BYTES_PROFILO) return { ok: false, errore: t.troppoGrande(file) };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, errore: t.nonJson(file) };
  }
  return validaProfilo(raw, file);
}

/** The profile as a file's text (what "Esporta profilo" downloads). */
export function profiloJson(p: Profilo): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}
