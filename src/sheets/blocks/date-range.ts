/**
 * A cronoprogramma given as dates (spec §2.1): a range covers the months from its start to its
 * end, clipped to the esercizio; a lone end date ("Scadenza") covers its own month; a start with
 * no end (begun, not finished) runs to the month of the data di riferimento.
 */
import { parseValue, type RawValue } from "../../domain/values";

function dateOf(raw: RawValue | null): { y: number | null; m: number } | null {
  if (!raw) return null;
  const p = parseValue(raw);
  return p.tipo === "data" ? { y: p.date.y, m: p.date.m } : null;
}

/** Month index within the esercizio: before it → 0, after it → 13. */
function monthIn(d: { y: number | null; m: number }, esercizio: number): number {
  const y = d.y ?? esercizio;
  if (y < esercizio) return 0;
  if (y > esercizio) return 13;
  return d.m;
}

export function mesiDaDate(start: RawValue | null, end: RawValue | null, esercizio: number, openEnd: number | null = null): number[] {
  const a = dateOf(start);
  const b = dateOf(end);
  if (!a && !b) return [];
  let from = a ? monthIn(a, esercizio) : monthIn(b!, esercizio);
  let to = b ? monthIn(b, esercizio) : (openEnd ?? from);
  if (to < from) [from, to] = [to, from];
  from = Math.max(1, from);
  to = Math.min(12, to);
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}
