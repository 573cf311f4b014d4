/** A small argument parser: positional arguments, boolean flags and flags with a value. */
import { readFileSync, statSync } from "node:fs";
import { PegError } from "../domain/errors";
import { SettingsSchema, type Settings } from "../domain/settings";
import { MAX_BYTES_PROFILO, leggiProfilo, vocabolarioDa } from "../sheets/vocabulary/profilo";
import type { Vocabulary } from "../sheets/vocabulary/vocabulary";
import { cli as t, controlli } from "../strings/it";
import { profilo as profiloIt } from "../strings/it-profilo";

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], spec: { boolean: string[]; value: string[]; alias?: Record<string, string> }): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!raw.startsWith("-") || raw === "-") {
      positional.push(raw);
      continue;
    }
    const eq = raw.indexOf("=");
    const inline = eq >= 0 ? raw.slice(eq + 1) : undefined;
    const bare = (eq >= 0 ? raw.slice(0, eq) : raw).replace(/^-+/, "");
    const name = spec.alias?.[bare] ?? bare;
    if (spec.boolean.includes(name)) {
      flags.set(name, true);
    } else if (spec.value.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new PegError(t.valoreMancante(name));
      flags.set(name, v);
    } else {
      throw new PegError(t.opzioneSconosciuta(raw));
    }
  }
  return { positional, flags };
}

/** --al YYYY-MM-DD: a real calendar date. */
export function parseAl(v: string | true | undefined): string | null {
  if (v === undefined || v === true) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return v;
  }
  throw new PegError(t.dataNonValida(v));
}

/** --anno YYYY. */
export function parseAnno(v: string | true | undefined): number | null {
  if (v === undefined || v === true) return null;
  if (/^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100) return Number(v);
  throw new PegError(t.annoNonValido(v));
}

/**
 * --impostazioni FILE.json (issue 11): the settings a comune keeps in a file (fasce, missing-data
 * policy, decreasing formula, thresholds…), checked with the settings schema; --al and --anno
 * given on the command line win over the file. A bad file is a PegError (exit 2).
 */
export function settingsFrom(file: string | true | undefined, al: string | null, anno: number | null): Settings {
  const ti = controlli.impostazioni;
  let raw: unknown = {};
  if (typeof file === "string") {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new PegError(ti.fileNonLeggibile(file));
    }
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      throw new PegError(ti.nonJson(file));
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw new PegError(ti.nonValido(file, [ti.campo("", "serve un oggetto JSON { … }")]));
  }
  const known = new Set(Object.keys(SettingsSchema.shape));
  const unknown = Object.keys(raw as Record<string, unknown>).filter((key) => !known.has(key));
  if (unknown.length && typeof file === "string")
    throw new PegError(
      ti.nonValido(
        file,
        unknown.map((key) => ti.campo(key, ti.sconosciuto([...known]))),
      ),
    );
  const merged = { ...(raw as Record<string, unknown>) };
  if (al !== null) merged.dataRiferimento = al;
  if (anno !== null) merged.esercizio = anno;
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success)
    throw new PegError(
      ti.nonValido(
        typeof file === "string" ? file : "",
        parsed.error.issues.slice(0, 5).map((i) => ti.campo(i.path.join("."), ti.problema(i as unknown as Record<string, unknown>))),
      ),
    );
  return parsed.data;
}

/**
 * --profilo FILE.json (issue 8): the profilo di layout exported from the pane; its labels are
 * added to the built-in vocabulary. No flag: the built-in vocabulary. A bad file is a PegError (exit 2).
 */
export function vocabFrom(file: string | true | undefined): Vocabulary | undefined {
  if (typeof file !== "string") return undefined;
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES_PROFILO) throw new PegError(profiloIt.troppoGrande(file));
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof PegError) throw e;
    throw new PegError(profiloIt.fileNonLeggibile(file));
  }
  const r = leggiProfilo(text, file);
  if (!r.ok) throw new PegError(r.errore);
  return vocabolarioDa(r.profilo);
}
