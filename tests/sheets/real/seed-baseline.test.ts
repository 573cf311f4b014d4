/**
 * The seed sample reads as it did before this round's recogniser (issue 8): its `--json` report,
 * saved from the previous release (tests/fixtures/baseline/), is unchanged apart from the
 * diagnostics whose codes this round adds.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SettingsSchema } from "../../../src/domain/settings";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx";
import { verifica } from "../../../src/sheets/verifica";

const NEW_CODES = new Set([
  "PERSONA_PARTECIPAZIONE_ECCEDENTE",
  "PERSONA_PERIODO_FUORI_ESERCIZIO",
  "OBIETTIVO_PREREQUISITO",
  "ESITO_FORZATO",
  "CRONOPROGRAMMA_SOLO_PREVISTO",
]);

describe.each(["2023-12-31", "2023-06-30"])("esempio-peg-2023.xlsx al %s", (al) => {
  it("gives the same report as before, apart from the new codes", async () => {
    const baseline = JSON.parse(readFileSync(new URL(`../../fixtures/baseline/esempio-${al}.json`, import.meta.url), "utf8"));
    const bytes = readFileSync(new URL("../../../assets/esempio-peg-2023.xlsx", import.meta.url));
    const { grid } = await loadWorkbookGrid(new Uint8Array(bytes), { fileName: "esempio-peg-2023.xlsx" });
    const report = verifica(grid, { file: baseline.file, settings: SettingsSchema.parse({ dataRiferimento: al }) }).report;
    const now = JSON.parse(JSON.stringify(report));
    now.segnalazioni = now.segnalazioni.filter((s: { codice: string }) => !NEW_CODES.has(s.codice));
    expect(now).toEqual(baseline);
  });
});
