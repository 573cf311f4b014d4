/**
 * The real-layout families (tests/fixtures/real/): each workbook, rebuilt from a public document,
 * is read through the xlsx host and the recogniser, and every fact is checked against the values
 * computed by hand from the spec.
 */
import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../../src/domain/settings";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx";
import { verifica } from "../../../src/sheets/verifica";
import { buildWorkbook } from "../../fixtures/workbooks";
import { families } from "../../fixtures/real";
import type { Family } from "../../fixtures/real/family";

const close = (a: number | null | undefined, b: number | null) =>
  b === null ? a === null : typeof a === "number" && Math.abs(a - b) < 0.05;

describe.each(families.map((f) => [f.id, f] as [string, Family]))("famiglia %s", (_id, fam) => {
  it(`${fam.source.ente} (${fam.source.regione}): every scheda read as the document writes it`, async () => {
    const bytes = await buildWorkbook(fam.sheets);
    const file = fam.fileName ?? `${fam.id.replace(/-?\d{4}/g, "")}.xlsx`;
    const { grid } = await loadWorkbookGrid(bytes, { fileName: file });
    const a = verifica(grid, { file, settings: SettingsSchema.parse({ dataRiferimento: fam.al }) });
    expect(a.report.esercizio).toBe(fam.esercizio);
    expect(a.report.schede.map((s) => s.foglio).sort()).toEqual(fam.schede.map((s) => s.foglio).sort());
    for (const e of fam.schede) {
      const s = a.report.schede.find((x) => x.foglio === e.foglio)!;
      const where = `${fam.id} / ${e.foglio}`;
      expect(s.tipo, where).toBe(e.tipo);
      expect(s.numero, where).toBe(e.numero);
      if (e.titolo !== undefined) expect(s.titolo, where).toBe(e.titolo);
      if (e.pesatura !== undefined) expect(s.pesatura, where).toBe(e.pesatura);
      if (e.personale)
        expect(
          s.personale.map((p) => ({ nome: p.nome, prevista: p.prevista, realizzata: p.realizzata })),
          where,
        ).toEqual(e.personale);
      if (e.fasi)
        expect(
          s.fasi.map((f) => ({ n: f.n, previsto: f.previsto, effettivo: f.effettivo, stato: f.stato })),
          where,
        ).toEqual(e.fasi);
      expect(
        s.indicatori.map((i) => i.cella),
        where,
      ).toEqual(e.indicatori.map((i) => i.cella));
      e.indicatori.forEach((ei, k) => {
        const i = s.indicatori[k]!;
        const at = `${where} ${ei.cella}`;
        expect(i.atteso, at).toEqual(ei.atteso);
        expect(i.realizzato, at).toEqual(ei.realizzato);
        expect(close(i.raggiungimento, ei.raggiungimento), `${at}: raggiungimento ${i.raggiungimento} ≠ ${ei.raggiungimento}`).toBe(true);
        expect(i.esito, at).toBe(ei.esito);
      });
      expect(close(s.mediaValoreRaggiunto, e.mediaValoreRaggiunto), `${where}: media valore ${s.mediaValoreRaggiunto}`).toBe(true);
      expect(close(s.mediaRispettoTempi, e.mediaRispettoTempi), `${where}: media tempi ${s.mediaRispettoTempi}`).toBe(true);
      const codes = a.report.segnalazioni.filter((d) => d.foglio === e.foglio).map((d) => d.codice as string);
      for (const c of e.codici ?? []) expect(codes, where).toContain(c);
      for (const c of e.senzaCodici ?? []) expect(codes, where).not.toContain(c);
    }
    const unread = a.report.segnalazioni.filter((d) => d.codice === "SCHEDA_NON_RICONOSCIUTA").map((d) => d.foglio);
    for (const n of fam.nonSchede) expect(unread, `${fam.id}: ${n} must stay unread`).toContain(n);
  });
});

it("the corpus covers what issue 8 asks for", () => {
  const feats = new Set(families.flatMap((f) => f.features));
  expect(families.length).toBeGreaterThanOrEqual(10);
  for (const f of ["letter-months", "plan-only", "date-range", "multi-indicator-tables", "processo", "pesi-coefficienti", "non-scheda"])
    expect(feats, f).toContain(f);
  expect(families.filter((f) => f.source.regione !== "Lombardia").length).toBeGreaterThanOrEqual(3);
  for (const f of families) expect(f.source.url, f.id).toMatch(/^https?:\/\//);
});
