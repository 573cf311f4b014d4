/** A small argument parser: positional arguments, boolean flags and flags with a value. */
import { PegError } from "../domain/errors";
import { cli as t } from "../strings/it";

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
