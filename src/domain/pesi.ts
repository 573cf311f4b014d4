/**
 * Pesatura of an obiettivo (spec §4.3): percentages ("30%"), points (30), coefficients (1,2) or
 * fractions ("50/100") — only their ratios matter, so each is read as a plain number (a fraction
 * as a percentage). "X", "prerequisito" or "-" mark a precondition: evaluated, never weighed.
 */
import { normLabel } from "./text";
import { parseValue, type RawValue } from "./values";

export interface Pesatura {
  peso: number | null;
  /** The text as written when the obiettivo is a prerequisito; null otherwise. */
  prerequisito: string | null;
}

const PREREQUISITO = /^(x|prerequisit[oi]|pre requisito|propedeutico|-|–|—)$/;

const FRAZIONE = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)$/;

export function leggiPesatura(raw: RawValue): Pesatura {
  if (typeof raw.v === "string") {
    const t = raw.v.trim();
    if (PREREQUISITO.test(t.toLowerCase()) || PREREQUISITO.test(normLabel(t))) return { peso: null, prerequisito: t };
    const frac = FRAZIONE.exec(t);
    if (frac) {
      const a = Number(frac[1]!.replace(",", "."));
      const b = Number(frac[2]!.replace(",", "."));
      return { peso: b > 0 ? Math.round((10000 * a) / b) / 100 : null, prerequisito: null };
    }
  }
  const p = parseValue(raw);
  if (p.tipo === "numero" || p.tipo === "percentuale") return { peso: p.value, prerequisito: null };
  return { peso: null, prerequisito: null };
}
