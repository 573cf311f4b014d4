/** Text normalisation shared by label matching and name comparison. */

/** Lower case, accents removed, punctuation to spaces, spaces collapsed. "% Partecipaz.Prev." → "partecipaz prev". */
export function normLabel(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Collapse white space (including non-breaking spaces and line breaks) and trim. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0]+/g, " ").trim();
}
