/**
 * Teaching a layout (issue 8): the user selects a cell and says what it is; the cell's text
 * becomes a word of the profilo di layout for that role. Pure: the grid is only read, the
 * profile given is never changed (a new one is returned).
 */
import { cleanText, normLabel } from "../../domain/text";
import { profilo as t } from "../../strings/it-profilo";
import { a1, parseRange, type SheetGrid, type WorkbookGrid } from "../grid";
import { MAX_TESTO, MAX_VOCI, type Profilo } from "./profilo";
import type { Role } from "./roles";

/** The roles the pane offers, in the order a scheda reads; "mesi" is the month row. */
export const RUOLI_INSEGNABILI = [
  "numero",
  "titolo",
  "pesatura",
  "personale",
  "nome",
  "prevista",
  "realizzata",
  "fasi",
  "mesi",
  "indicatori",
  "indicatore",
  "atteso",
  "realizzato",
  "esito",
  "note",
  "mediaValore",
  "mediaTempi",
] as const satisfies ReadonlyArray<Role | "mesi">;

export type RuoloInsegnabile = (typeof RUOLI_INSEGNABILI)[number];

export function isRuoloInsegnabile(x: unknown): x is RuoloInsegnabile {
  return typeof x === "string" && (RUOLI_INSEGNABILI as readonly string[]).includes(x);
}

/** The Italian name the pane shows for a role. */
export function nomeRuolo(r: RuoloInsegnabile): string {
  return t.ruoli[r] ?? r;
}

export interface SelezioneCella {
  foglio: string;
  /** "B7" or "B7:M7". */
  range: string;
}

export type Insegnamento = { ok: true; profilo: Profilo; messaggio: string; cambiato: boolean } | { ok: false; errore: string };

type Letta = { testo: string } | { errore: string };

/** The text a person sees in a cell (the top-left cell of its merge), or why it is not a label. */
function etichetta(sheet: SheetGrid, r: number, c: number): Letta {
  const m = sheet.mergeAt(r, c);
  const [rr, cc] = m ? [m.r1, m.c1] : [r, c];
  const cella = a1(rr, cc);
  const cell = sheet.get(rr, cc);
  if (cell?.error) return { errore: t.cellaFormula(cella) };
  const v = cell?.v;
  if (v === null || v === undefined || (typeof v === "string" && cleanText(v) === "")) return { errore: t.cellaVuota(cella) };
  if (typeof v !== "string") return { errore: t.cellaNumero(cella) };
  const testo = cleanText(v);
  if (testo.length > MAX_TESTO) return { errore: t.testoLungo(cella) };
  // Only punctuation ("-", "%"): nothing a vocabulary can match.
  if (normLabel(testo) === "") return { errore: t.cellaVuota(cella) };
  return { testo };
}

/**
 * The twelve month labels of a row: the selected cells when the selection spans 12 or more
 * columns, otherwise the cells from the selected one rightwards (a merged month counts once).
 */
function mesiDa(sheet: SheetGrid, r: number, c1: number, c2: number): { mesi: string[] } | { errore: string } {
  const mesi: string[] = [];
  const last = c2 - c1 + 1 >= 12 ? c2 : c1 + 12 * 4;
  for (let c = c1; c <= last && mesi.length < 12; c++) {
    const m = sheet.mergeAt(r, c);
    if (m && m.c1 !== c) continue;
    const l = etichetta(sheet, r, c);
    if ("errore" in l) {
      if (mesi.length === 0) return l;
      break;
    }
    mesi.push(l.testo);
  }
  if (mesi.length < 12) return { errore: t.mesiPochi(a1(r, c1), mesi.length) };
  return { mesi };
}

/** Record the selected cell's text for `ruolo` in a copy of `profilo`. */
export function insegna(grid: WorkbookGrid, sel: SelezioneCella | null, ruolo: RuoloInsegnabile, profilo: Profilo): Insegnamento {
  if (!sel) return { ok: false, errore: t.selezioneMancante };
  const sheet = grid.sheets.find((s) => s.name === sel.foglio);
  if (!sheet) return { ok: false, errore: t.foglioMancante(sel.foglio) };
  let range;
  try {
    range = parseRange(sel.range.replace(/^.*!/, "").replace(/\$/g, ""));
  } catch {
    return { ok: false, errore: t.selezioneMancante };
  }
  const at = a1(range.r1, range.c1);

  if (ruolo === "mesi") {
    const got = mesiDa(sheet, range.r1, range.c1, range.r1 === range.r2 ? range.c2 : range.c1);
    if ("errore" in got) return { ok: false, errore: got.errore };
    const same = JSON.stringify(profilo.mesi ?? null) === JSON.stringify(got.mesi);
    return {
      ok: true,
      profilo: { ...profilo, mesi: got.mesi },
      messaggio: t.mesiInsegnati(got.mesi[0]!, got.mesi[11]!, at),
      cambiato: !same,
    };
  }

  const l = etichetta(sheet, range.r1, range.c1);
  if ("errore" in l) return { ok: false, errore: l.errore };
  const nome = nomeRuolo(ruolo);
  const norm = normLabel(l.testo);
  if (profilo.voci.some((v) => v.ruolo === ruolo && normLabel(v.testo) === norm))
    return { ok: true, profilo, messaggio: t.giaNoto(l.testo, nome), cambiato: false };
  if (profilo.voci.length >= MAX_VOCI) return { ok: false, errore: t.troppeVoci(MAX_VOCI) };
  const cella = sheet.mergeAt(range.r1, range.c1);
  const where = cella ? a1(cella.r1, cella.c1) : at;
  return {
    ok: true,
    profilo: { ...profilo, voci: [...profilo.voci, { ruolo, testo: l.testo, foglio: sheet.name.slice(0, 31), cella: where }] },
    messaggio: t.insegnato(l.testo, where, nome),
    cambiato: true,
  };
}

/** The profile without one of its voci (the pane's "Rimuovi"). */
export function togliVoce(profilo: Profilo, index: number): Profilo {
  return { ...profilo, voci: profilo.voci.filter((_, i) => i !== index) };
}
