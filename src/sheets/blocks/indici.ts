/**
 * Indici of an ente scheda: a row per index, a column per past year, "media", and the current
 * year "da rilevare a consuntivo" (spec §2.2, §4.4).
 */
import { normLabel } from "../../domain/text";
import type { LabelCell, SheetView } from "../sheet-view";
import { MAX_TABLE_ROWS, YEAR_TEXT, evidence, rowStartsBlock, type Located } from "./common";
import type { RecognisedScheda } from "./types";

export interface IndiciHeader {
  label: LabelCell;
  r: number;
  anni: number[];
  media: number | null;
  nomeCol: number;
}

export function locate(view: SheetView): Located<IndiciHeader | null> | null {
  const label = view.find("indici");
  if (!label) return null;
  for (let r = label.r; r <= label.r + 3; r++) {
    const years: number[] = [];
    let media: number | null = null;
    for (const [c, cell] of view.grid.rowCells(r)) {
      const t = typeof cell.v === "number" ? String(cell.v) : typeof cell.v === "string" ? cell.v.trim() : "";
      if (YEAR_TEXT.test(t)) years.push(c);
      else if (view.is("media", normLabel(t))) media = c;
    }
    if (years.length >= 1 && media !== null) {
      // The years before the media column are past years; the one after is "da rilevare". When
      // media comes first (right of the names), the past years are the ones after it.
      const before = years.filter((c) => c < media!);
      const data = { label, r, anni: before.length ? before : years, media, nomeCol: label.c };
      return { blocco: "Indici", score: 2, evidence: [evidence("indici", label)], missing: [], data };
    }
  }
  return { blocco: "Indici", score: 0.5, evidence: [evidence("indici", label)], missing: ["la riga degli anni e della media"], data: null };
}

export function read(view: SheetView, header: IndiciHeader | null, s: RecognisedScheda): void {
  if (!header) return;
  for (const r of view.rows()) {
    if (r <= header.r) continue;
    if (r > header.r + MAX_TABLE_ROWS) break;
    if (rowStartsBlock(view, r)) break;
    if (view.blank(r, header.nomeCol)) {
      if (header.anni.every((c) => view.blank(r, c))) break;
      continue;
    }
    s.indici.push({
      row: r,
      nome: { r, c: header.nomeCol },
      anni: header.anni.map((c) => ({ r, c })),
      media: header.media === null ? null : { r, c: header.media },
    });
  }
}
