/**
 * User settings (task pane, saved with the document; command-line flags). Validated with zod so
 * that a hand-edited or older document setting never crashes the pane: invalid fields fall back
 * to their defaults.
 */
import { z } from "zod";
import type { RegoleValutazione } from "./esiti";

const hex = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "Colore non valido: usare il formato #RRGGBB");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Data non valida: usare il formato AAAA-MM-GG");

export const FasciaSchema = z
  .object({
    min: z.number().min(0).max(1000),
    max: z.number().min(0).max(1000),
    punteggio: z.number().min(0).max(100),
    proporzionale: z.boolean().default(false),
  })
  .refine((f) => f.max > f.min, { message: "In ogni fascia «max» deve essere maggiore di «min»", path: ["max"] });

export const SettingsSchema = z
  .object({
    /** Data di riferimento (ISO). null → today, or 31/12 when today is after the esercizio. */
    dataRiferimento: isoDate.nullable().default(null),
    /** Esercizio. null → read from the workbook ("ESERCIZIO 2023"), else the current year. */
    esercizio: z.number().int().min(2000).max(2100).nullable().default(null),
    sogliaOk: z.number().min(0).max(100).default(100),
    sogliaParziale: z.number().min(0).max(100).default(50),
    classeRaggiunto: z.number().min(0).max(100).default(95),
    classeParziale: z.number().min(0).max(100).default(60),
    colori: z
      .object({
        previsto: hex.default("#9DC3E6"),
        effettivo: hex.default("#A9D08E"),
        errore: hex.default("#FF9999"),
        avviso: hex.default("#FFE699"),
      })
      .default({ previsto: "#9DC3E6", effettivo: "#A9D08E", errore: "#FF9999", avviso: "#FFE699" }),
    /** Live checking after edits (task pane). */
    verificaAutomatica: z.boolean().default(true),
    /** Fasce di raggiungimento (spec §4.3c); empty: the raggiungimento is the score (§4.1). */
    fasce: z.array(FasciaSchema).max(20).default([]),
    /** What an empty realizzato means at year end. */
    realizzatoMancante: z.enum(["non calcolato", "zero", "non valutabile"]).default("non calcolato"),
    /** The decreasing formula when the realizzato is over the atteso. */
    formulaDecrescente: z.enum(["rapporto", "lineare"]).default("rapporto"),
  })
  .refine((s) => s.sogliaParziale <= s.sogliaOk, {
    message: "La soglia PARZIALE non può superare la soglia OK",
    path: ["sogliaParziale"],
  })
  .refine((s) => s.classeParziale <= s.classeRaggiunto, {
    message: "La soglia 'parzialmente raggiunto' non può superare quella 'raggiunto'",
    path: ["classeParziale"],
  });

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Parse stored settings, keeping every valid field and defaulting the rest. */
export function loadSettings(raw: unknown): Settings {
  const full = SettingsSchema.safeParse(raw);
  if (full.success) return full.data;
  if (typeof raw !== "object" || raw === null) return DEFAULT_SETTINGS;
  const merged: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const attempt = SettingsSchema.safeParse({ ...merged, [k]: v });
    if (attempt.success) merged[k] = v;
  }
  return SettingsSchema.parse(merged);
}

/** The context every computation needs, resolved from settings and the workbook. */
export interface EvalContext {
  esercizio: number;
  /** Data di riferimento as ISO date. */
  al: string;
  /** Month of the reference date within the esercizio (1–12): T in spec §4.2. */
  meseRiferimento: number;
  /** True when the reference date is on or after the last day of the esercizio. */
  finale: boolean;
  settings: Settings;
}

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * Resolve esercizio and data di riferimento. Precedence for the esercizio: explicit setting,
 * then the workbook's own "ESERCIZIO 2023", then the current year. The default reference date
 * is today, or 31/12 of the esercizio when today is past it.
 */
export function resolveContext(settings: Settings, workbookYear: number | null, today = new Date()): EvalContext {
  const esercizio = settings.esercizio ?? workbookYear ?? today.getFullYear();
  let al = settings.dataRiferimento;
  if (!al) al = today.getFullYear() > esercizio ? `${esercizio}-12-31` : iso(today);
  const [y, m] = al.split("-").map(Number) as [number, number];
  let meseRiferimento: number;
  if (y < esercizio) meseRiferimento = 0;
  else if (y > esercizio) meseRiferimento = 12;
  else meseRiferimento = m;
  const finale = al >= `${esercizio}-12-31`;
  return { esercizio, al, meseRiferimento, finale, settings };
}

/** The evaluation rules of the settings, for valutaIndicatore (the policy on missing values applies at year end only). */
export function regoleDa(ctx: EvalContext): RegoleValutazione {
  const s = ctx.settings;
  return { fasce: s.fasce, realizzatoMancante: s.realizzatoMancante, formulaDecrescente: s.formulaDecrescente, finale: ctx.finale };
}
