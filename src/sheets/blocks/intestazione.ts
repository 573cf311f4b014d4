/**
 * Intestazione: numero, titolo, pesatura of the obiettivo (and responsabile, settore), or the
 * processo and peso of an ente scheda. Labels may sit in a row with the values below (the seed),
 * or beside their values, or carry the value inside ("Obiettivo n. 3").
 */
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import type { Role } from "../vocabulary/roles";
import { evidence, inlineValue, isBlockStart, isLabelLike, valueOfHeader, type Evidence, type Located } from "./common";
import type { RecognisedScheda } from "./types";

export interface Intestazione {
  numero: LabelCell | null;
  numeroInline: { label: LabelCell; value: string } | null;
  titolo: LabelCell | null;
  pesatura: LabelCell | null;
  responsabile: LabelCell | null;
  settore: LabelCell | null;
  titoloScheda: LabelCell | null;
  titoloEnte: LabelCell | null;
}

/** "Obiettivo n. 3", "OBIETTIVO OPERATIVO N° 2.1", "Scheda n. 4", "Cod. ob. 1.06.01" → the code. */
const INLINE_NUMERO =
  /^\s*(?:attivit[aà]\s+)?(?:scheda(?:\s+obiettivo)?|obiettivo(?:\s+(?:operativo|gestionale|di\s+struttura|di\s+sviluppo|di\s+mantenimento|di\s+miglioramento|strategico))?|ob\.?|progetto|obiettivo\s*\/\s*progetto)\s*(?:n\.?|nr\.?|num\.?|numero|cod\.?|codice)\s*[°º]?\s*[.:]?\s*([A-Za-z]{0,3}[\s.]?\d[\w./-]*)/i;

/** "1. OBIETTIVO OPERATIVO": the section number of the scheda's own title is the obiettivo's number. */
const NUMBERED_TITLE = /^\s*(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?\s+\S/;

/** "Peso 15", "Pesatura: 20%", "Peso obiettivo 1,2": the weight written inside its label. */
const INLINE_PESO = /^\s*(?:peso|pesatura)(?:\s+(?:obiettivo|attribuito|ponderale))?\s*[:=]?\s*\d+(?:[.,]\d+)?\s*%?\s*$/i;

// Module-level patterns: a literal inside a function is a new RegExp object per call.
const TRAILING_DOTS = /[.\s]+$/;
const DIGIT = /\d/;
const FOUR_DIGITS = /^\d{4}$/;
const ENDS_WITH_COLON = /:\s*$/;

export function inlineNumero(text: string): string | null {
  const m = INLINE_NUMERO.exec(text);
  if (!m) return null;
  return m[1]!.replace(TRAILING_DOTS, "").trim() || null;
}

function hasValue(view: SheetView, l: LabelCell): boolean {
  const p = valueOfHeader(view, l, true);
  if (!view.blank(p.r, p.c)) return true;
  const q = valueOfHeader(view, l, false);
  return !view.blank(q.r, q.c) || inlineValue(l.text) !== null;
}

/** The first label above row `rows` that passes: labels are in reading order, so the scan stops there. */
function firstInTop(view: SheetView, rows: number, pred: (l: LabelCell) => boolean): LabelCell | null {
  for (const l of view.labels) {
    if (l.r >= rows) break;
    if (pred(l)) return l;
  }
  return null;
}

export function locate(view: SheetView): Located<Intestazione> | null {
  const first = (role: Role, pred: (l: LabelCell) => boolean = () => true): LabelCell | null => view.findAll(role).find(pred) ?? null;
  // A numero label with a value wins over one without (a stray "Codice" column elsewhere).
  const numeri = view.findAll("numero");
  const numero = numeri.find((l) => hasValue(view, l)) ?? numeri[0] ?? null;
  let numeroInline: Intestazione["numeroInline"] = null;
  if (!numero) {
    for (const l of view.labels) {
      if (l.r > 40) break;
      const v = inlineNumero(l.text);
      if (v && DIGIT.test(v) && !FOUR_DIGITS.test(v)) {
        numeroInline = { label: l, value: v };
        break;
      }
    }
  }
  const titoloScheda = first("schedaObiettivo", (l) => l.r < 30);
  if (!numero && !numeroInline && titoloScheda) {
    const m = NUMBERED_TITLE.exec(titoloScheda.text);
    if (m) numeroInline = { label: titoloScheda, value: m[1]! };
  }
  const anchor = numero ?? numeroInline?.label ?? null;
  const near = (l: LabelCell): boolean => !anchor || Math.abs(l.r - anchor.r) <= 12;
  const titolo =
    (numero && view.rowLabels(numero.r).find((l) => view.is("titolo", l.norm))) ||
    first("titolo", (l) => near(l) && hasValue(view, l) && !isBlockStart(view, l.norm)) ||
    null;
  // A column header "Peso" of the indicator table is not the obiettivo's pesatura; "Peso 15" carries its value.
  const inHeaderRow = (l: LabelCell): boolean =>
    view.rowLabels(l.r).some((x) => x !== l && (view.is("atteso", x.norm) || view.is("realizzato", x.norm)));
  const pesoInline = firstInTop(view, 40, (l) => INLINE_PESO.test(l.text));
  const pesatura =
    (numero && view.rowLabels(numero.r).find((l) => view.is("pesatura", l.norm))) ||
    first("pesatura", (l) => near(l) && !inHeaderRow(l)) ||
    pesoInline ||
    null;
  const responsabile = first("responsabile", (l) => near(l) && hasValue(view, l));
  const settore = first("settore", (l) => near(l) && hasValue(view, l));
  const titoloEnte = first("schedaEnte");

  const ev: Evidence[] = [];
  let score = 0;
  if (numero && hasValue(view, numero)) {
    score += 2;
    ev.push(evidence("numero", numero));
  } else if (numero) {
    score += 1;
    ev.push(evidence("numero", numero));
  }
  if (numeroInline) {
    score += 2;
    ev.push(evidence("numero", numeroInline.label));
  }
  if (titolo) {
    score += 1;
    ev.push(evidence("titolo", titolo));
  }
  if (pesatura) {
    score += 0.5;
    ev.push(evidence("pesatura", pesatura));
  }
  if (responsabile) {
    score += 0.5;
    ev.push(evidence("responsabile", responsabile));
  }
  if (settore) {
    score += 0.5;
    ev.push(evidence("settore", settore));
  }
  if (titoloScheda) {
    score += 1;
    ev.push(evidence("schedaObiettivo", titoloScheda));
  }
  if (titoloEnte) {
    score += 2;
    ev.push(evidence("schedaEnte", titoloEnte));
  }
  if (score === 0) return null;
  // The missing numero is said once, by the evidence rule (recognise.ts).
  const missing: string[] = [];
  return {
    blocco: "Intestazione",
    score,
    evidence: ev,
    missing,
    data: { numero, numeroInline, titolo, pesatura, responsabile, settore, titoloScheda, titoloEnte },
  };
}

export function read(view: SheetView, found: Intestazione, s: RecognisedScheda): void {
  if (s.tipo === "ente") return readEnte(view, found, s);
  const { numero, titolo, pesatura } = found;
  if (numero) {
    // When TITOLO sits in the same row as N.OBIETTIVO, the values are in the row below (the seed).
    const vertical = !!titolo && titolo.r === numero.r;
    s.numero = valueOfHeader(view, numero, vertical);
    if (view.blank(s.numero.r, s.numero.c)) {
      const inl = inlineValue(numero.text);
      if (inl) s.numeroInline = inl;
    }
  } else if (found.numeroInline) {
    s.numeroInline = found.numeroInline.value;
  }
  const sameRow = (l: LabelCell | null): boolean => !!l && !!numero && l.r === numero.r;
  if (titolo) s.titolo = headerValue(view, titolo, sameRow(titolo));
  else if (found.numeroInline) {
    // "Obiettivo n. 3 | Titolo dell'obiettivo": the title stands beside the numbered label.
    const l = found.numeroInline.label;
    const right = view.rightOf(l);
    const below = { r: view.mergeEndRow(l.r, l.c) + 1, c: l.c };
    if (!view.blank(right.r, right.c) && !isLabelLike(view, right) && right.c - l.c <= 8) s.titolo = right;
    else if (!view.blank(below.r, below.c) && !isLabelLike(view, below) && !ENDS_WITH_COLON.test(view.text(below.r, below.c)))
      s.titolo = below;
  }
  if (pesatura && INLINE_PESO.test(pesatura.text)) s.pesatura = { r: pesatura.r, c: pesatura.c };
  else if (pesatura) s.pesatura = headerValue(view, pesatura, sameRow(pesatura));
  if (found.responsabile) s.responsabile = headerValue(view, found.responsabile, false);
  if (found.settore) s.settore = headerValue(view, found.settore, false);
}

/** The value cell of a header label; a label that carries its value ("Titolo: …") is its own value. */
function headerValue(view: SheetView, l: LabelCell, preferBelow: boolean): Pos {
  const p = valueOfHeader(view, l, preferBelow);
  if (view.blank(p.r, p.c) && inlineValue(l.text)) return { r: l.r, c: l.c };
  return p;
}

function readEnte(view: SheetView, found: Intestazione, s: RecognisedScheda): void {
  const proc = view.find("processo");
  if (proc) {
    const below = view.rows().find((r) => r > proc.r);
    if (below !== undefined && !view.blank(below, proc.c) && !isBlockStart(view, view.norm(below, proc.c)))
      s.titolo = { r: below, c: proc.c };
    else s.titolo = { r: proc.r, c: proc.c };
  } else if (found.titolo) {
    s.titolo = headerValue(view, found.titolo, false);
  }
  const peso = found.pesatura ?? view.find("pesatura");
  if (peso) s.pesatura = view.rightOf(peso);
}
