/**
 * The hostile corpus (tests/fixtures/hostile.ts): each workbook ends in a clear Italian message
 * or in a report, never in a stack trace, a hang or unbounded memory. Time and memory are
 * measured by `npm run bench` (the "hostile" figures), not here.
 */
import { describe, expect, it } from "vitest";
import { isPegError } from "../../../src/domain/errors";
import { SettingsSchema } from "../../../src/domain/settings";
import { loadWorkbookGrid } from "../../../src/hosts/xlsx";
import { verifica } from "../../../src/sheets/verifica";
import { hostileCases } from "../../fixtures/hostile";

/** What each case must end in: the message (by a phrase of it) or a report. */
const outcome: Record<string, RegExp | "report"> = {
  "merges-100k": /più di 50\.000 celle unite/,
  "theme-300k-clrScheme": "report",
  "validazione-A1-M1048576": "report",
  "zip-bomb": /una volta decompresso è troppo grande \(più di 64 MB/,
  "zip-bomb-zip64": /una volta decompresso è troppo grande \(più di 64 MB/,
  "5-milioni-di-celle": /contiene più di 500\.000 celle/,
  "xml-annidato": /non si riesce a leggere/,
  "stringa-condivisa-enorme": "report",
  "16384-colonne": "report",
  "billion-laughs": /non si riesce a leggere/,
  "parti-mancanti": /non contiene fogli di lavoro/,
  "relazioni-sbagliate": "report",
  "formula-condivisa-lunga": /formule troppo lunghe/,
  "celle-vuote-con-stile": /contiene più di 1\.000\.000 celle/,
  "unione-intero-foglio": /contiene più di 500\.000 celle/,
  "molti-fogli-stessa-parte": /una volta decompresso è troppo grande \(più di 160 MB/,
};

describe("hostile workbooks end in an Italian message or a report", () => {
  it("names an outcome for every case", () => {
    expect(Object.keys(outcome).sort()).toEqual(hostileCases.map((c) => c.name).sort());
  });

  it.each(hostileCases.map((c) => [c.name, c] as const))("%s", { timeout: 300_000 }, async (name, c) => {
    const fileName = `${name}.xlsx`;
    let result: { message: string } | { report: ReturnType<typeof verifica>["report"] };
    try {
      const { grid } = await loadWorkbookGrid(c.build(), { fileName });
      result = { report: verifica(grid, { file: fileName, settings: SettingsSchema.parse({}) }).report };
    } catch (e) {
      expect(isPegError(e), String(e)).toBe(true);
      result = { message: (e as Error).message };
    }
    const want = outcome[name]!;
    if (want === "report") {
      expect("report" in result, "message" in result ? result.message : "").toBe(true);
    } else {
      expect("message" in result).toBe(true);
      const message = (result as { message: string }).message;
      expect(message).toMatch(want);
      expect(message).toContain(fileName);
      expect(message).not.toMatch(/\bat \w+.* \(|Error:|undefined|\[object/);
    }
  });
});
