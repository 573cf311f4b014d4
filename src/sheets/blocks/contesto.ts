/**
 * Contesto: obiettivo strategico, missione / programma, linea di mandato, stakeholder, finalità,
 * descrizione. Text only; the consolidation rolls grado up by the first three.
 */
import { cleanText } from "../../domain/text";
import type { LabelCell, Pos, SheetView } from "../sheet-view";
import type { Role } from "../vocabulary/roles";
import { evidence, inlineValue, type Located } from "./common";
import type { RecognisedScheda } from "./types";

const ROLES: readonly Role[] = [
  "obiettivoStrategico",
  "missioneProgramma",
  "lineaMandato",
  "stakeholder",
  "finalita",
  "descrizioneObiettivo",
  "processo",
];

export type Contesto = Partial<Record<Role, LabelCell>>;

/** A contesto value's cell; `inline` when it is the label itself, carrying the value after a colon. */
export type ContestoPos = Pos & { inline?: boolean };

export function locate(view: SheetView): Located<Contesto> | null {
  const data: Contesto = {};
  const ev = [];
  for (const role of ROLES) {
    const l = view.find(role);
    if (!l) continue;
    data[role] = l;
    ev.push(evidence(role, l));
  }
  if (ev.length === 0) return null;
  return { blocco: "Contesto", score: Math.min(1.5, ev.length * 0.5), evidence: ev, missing: [], data };
}

export function read(view: SheetView, found: Contesto, s: RecognisedScheda): void {
  const at = (l: LabelCell | undefined): ContestoPos | null => {
    if (!l) return null;
    // "Processo: Missione 1 Programma 2" carries its value in the label cell itself.
    if (inlineValue(l.text)) return { r: l.r, c: l.c, inline: true };
    const right = view.rightOf(l);
    if (!view.blank(right.r, right.c)) return right;
    const below = { r: view.mergeEndRow(l.r, l.c) + 1, c: l.c };
    return view.blank(below.r, below.c) ? right : below;
  };
  s.contesto = {
    obiettivoStrategico: at(found.obiettivoStrategico),
    missioneProgramma: at(found.missioneProgramma ?? found.processo),
    lineaMandato: at(found.lineaMandato),
  };
}

/** The text of a contesto cell: the part after "label:" when the label carries it. */
export function contestoText(view: SheetView, p: ContestoPos | null): string | null {
  if (!p) return null;
  const t = cleanText(view.text(p.r, p.c));
  if (!t) return null;
  return (p.inline ? inlineValue(t) : null) ?? t;
}
