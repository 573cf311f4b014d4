/**
 * Quadratura per persona from the analysed schede of one workbook (verifica) or of several
 * (consolidation): reads each person's cell, percentages and, where the personale table has
 * one, the part-time / FTE column; the rule itself is in src/domain/quadratura.ts.
 */
import type { Segnalazione } from "../../domain/model";
import { quadratura, segnalazioniQuadratura, type VocePersonale } from "../../domain/quadratura";
import { parseValue } from "../../domain/values";
import { a1 } from "../grid";
import type { SheetView } from "../sheet-view";
import type { AnalysedScheda } from "../verifica";

/** A part-time / FTE header in the personale table ("Part-time %", "FTE", "% servizio", "Tempo parziale"). */
const FTE_HEADER = /^(% )?(part ?time|tempo parziale|fte|percentuale (di )?servizio|(% )?(di )?servizio|orario( di lavoro)?|impiego)( %)?$/;

/** "50 %", 0,5, "18/36", "tempo pieno": the fraction of a full time, 0–1; null when unreadable. */
export function fteDa(v: unknown): number | null {
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (/^(tempo pieno|full ?time|pieno)$/.test(t)) return 1;
    const frac = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)/.exec(t);
    if (frac) {
      const a = Number(frac[1]!.replace(",", "."));
      const b = Number(frac[2]!.replace(",", "."));
      return b > 0 && a > 0 && a <= b ? a / b : null;
    }
  }
  const p = parseValue({ v: v as string | number | null });
  if (p.tipo !== "numero" && p.tipo !== "percentuale") return null;
  const x = p.tipo === "percentuale" || p.value > 1 ? p.value / 100 : p.value;
  return x > 0 && x <= 1 ? x : null;
}

function fteColumn(s: AnalysedScheda): number | null {
  const label = s.rec.personaleLabel;
  if (!label) return null;
  const view: SheetView = s.rec.view;
  for (let r = label.r; r <= label.r + 4; r++) for (const l of view.rowLabels(r)) if (FTE_HEADER.test(l.norm)) return l.c;
  return null;
}

/** The FTE of each person line of a scheda (parallel to rec.personale); null where not written. */
export function ftePersonale(s: AnalysedScheda): Array<number | null> {
  const col = fteColumn(s);
  return s.rec.personale.map((ref) => (col === null ? null : fteDa(s.rec.view.cell(ref.row, col)?.v ?? null)));
}

/** One voce per person line of every scheda, in sheet and row order. */
export function vociDaSchede(schede: readonly AnalysedScheda[], file?: string): VocePersonale[] {
  const out: VocePersonale[] = [];
  for (const s of schede) {
    const ftes = ftePersonale(s);
    s.rec.personale.forEach((ref, i) => {
      const p = s.scheda.personale[i];
      if (!p || !p.nome.trim()) return;
      const fte = ftes[i] ?? null;
      const v: VocePersonale = {
        nome: p.nome,
        foglio: s.foglio,
        cella: a1(ref.nome.r, ref.nome.c),
        prevista: p.prevista,
        realizzata: p.realizzata,
        fte,
      };
      if (file !== undefined) v.file = file;
      out.push(v);
    });
  }
  return out;
}

/** The hook verifica calls: the quadratura of one workbook as diagnostics. */
export function quadraturaVerifica(schede: readonly AnalysedScheda[], esercizio: number): Segnalazione[] {
  return segnalazioniQuadratura(quadratura(vociDaSchede(schede), esercizio), esercizio);
}
