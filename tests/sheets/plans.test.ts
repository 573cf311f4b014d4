import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SettingsSchema } from "../../src/domain/settings";
import {
  highlightRecords,
  planEsiti,
  planEvidenziazioni,
  planModello,
  planNuovaScheda,
  planPulisciEvidenziazioni,
  planSegni,
} from "../../src/sheets/plans";
import { verifica } from "../../src/sheets/verifica";
import { conflicts } from "../../src/sheets/write-plan";
import { obiettivoRows, pct, sheet, wb } from "../helpers/grid";

const settings = SettingsSchema.parse({ dataRiferimento: "2023-12-31", esercizio: 2023 });

describe("planEsiti (spec §6)", () => {
  it("writes computed esiti and the finale MEDIA cells, flagging differing user values", () => {
    const g = wb(
      sheet(
        "Ob",
        obiettivoRows({
          indicatori: [
            ["Pratiche evase", 100, 80, ""],
            ["Scadenza", "30/06/2023", "30/06/2023", "NON RAGGIUNTO"],
            ["Adozione", "SI", "SI", "ok"],
            ["Da misurare", 10, null, ""],
          ],
          medie: { finale: [pct(0.9), null] },
        }),
      ),
    );
    const plan = planEsiti(verifica(g, { file: "t", settings }));
    const byCell = Object.fromEntries(plan.writes.map((w) => [w.cella, w]));
    expect(byCell.D20).toMatchObject({ kind: "esito", value: "PARZIALE", conflict: false });
    expect(byCell.D21).toMatchObject({ kind: "esito", value: "OK", conflict: true, previous: { value: "NON RAGGIUNTO" } });
    expect(byCell.D22).toBeUndefined(); // "ok" already says OK
    expect(byCell.D23).toBeUndefined(); // not yet measured
    // MEDIA VALORE: (80 + 100 + 100) / 3 = 93.33 ≠ typed 90 → conflict; MEDIA TEMPI empty → plain write.
    expect(byCell.D26).toMatchObject({ kind: "mediaValore", value: 0.9333, conflict: true });
    expect(byCell.D27).toMatchObject({ kind: "mediaTempi", value: 1, fmt: "0%", conflict: false });
    expect(conflicts(plan).map((w) => w.cella)).toEqual(["D21", "D26"]);
  });
  it("never writes to hidden schede and treats formulas as user values", () => {
    const hidden = sheet("H", obiettivoRows({ indicatori: [["Pratiche", 1, 1, ""]] }), { hidden: true });
    const f = sheet("F", obiettivoRows({ indicatori: [["Pratiche", 1, 1, { v: "OK", formula: 'IF(B20>=C20,"OK","NO")' }]] }));
    const plan = planEsiti(verifica(wb(hidden, f), { file: "t", settings }));
    expect(plan.writes.some((w) => w.foglio === "H")).toBe(false);
    expect(plan.writes.find((w) => w.foglio === "F" && w.kind === "esito")).toMatchObject({
      conflict: true,
      previous: { formula: expect.any(String) },
    });
  });
});

describe("evidenziazioni", () => {
  it("fills errori and avvisi (errore wins), never info, and clears them back to the previous fill", () => {
    const g = wb(
      sheet(
        "Ob",
        obiettivoRows({
          personale: [["PO", "Mario", { v: 90, fill: "#123456" }, null]],
          indicatori: [["monitoraggio", "30-giu", "30/06/2023", "30/06"]],
        }),
      ),
    );
    const a = verifica(g, { file: "t", settings });
    const plan = planEvidenziazioni(a, DEFAULT_SETTINGS);
    const cells = plan.writes.map((w) => [w.cella, w.fill]);
    expect(cells).toContainEqual(["C7", DEFAULT_SETTINGS.colori.errore]);
    expect(cells).toContainEqual(["D20", DEFAULT_SETTINGS.colori.errore]);
    expect(cells.find((c) => c[0] === "B20")).toBeUndefined(); // DATA_SENZA_ANNO is info
    // Apply the highlight to the grid, then ask to clear it.
    const s = g.sheets[0]!;
    for (const w of plan.writes) {
      const { r, c } = { r: Number(w.cella.slice(1)) - 1, c: w.cella.charCodeAt(0) - 65 };
      s.set(r, c, { ...(s.get(r, c) ?? { v: null }), fill: w.fill! });
    }
    // The user recolours one highlighted cell by hand: clearing must leave it alone.
    s.set(19, 3, { ...(s.get(19, 3) ?? { v: null }), fill: "#00FF00" });
    const clear = planPulisciEvidenziazioni(g, highlightRecords(plan));
    expect(clear.writes.map((w) => [w.cella, w.fill])).toContainEqual(["C7", null]);
    expect(clear.writes.find((w) => w.cella === "D20")).toBeUndefined();
  });
});

describe("planSegni", () => {
  const g = () => wb(sheet("Ob", obiettivoRows({ crono: [{ n: 1, previsto: [], effettivo: [] }] })), sheet("Altro", [["nota"]]));
  it("marks previsto cells with X and the previsto colour", () => {
    const plan = planSegni(g(), "Ob", "B15:D15", "previsto", DEFAULT_SETTINGS);
    expect("writes" in plan && plan.writes.map((w) => [w.cella, w.value, w.fill])).toEqual([
      ["B15", "X", DEFAULT_SETTINGS.colori.previsto],
      ["C15", "X", DEFAULT_SETTINGS.colori.previsto],
      ["D15", "X", DEFAULT_SETTINGS.colori.previsto],
    ]);
  });
  it("refuses selections outside the cronoprogramma, in the wrong row, or on another sheet", () => {
    expect(planSegni(g(), "Ob", "A15", "previsto", DEFAULT_SETTINGS)).toHaveProperty("errore");
    expect(planSegni(g(), "Ob", "B16", "previsto", DEFAULT_SETTINGS)).toMatchObject({ errore: expect.stringContaining("previsto") });
    expect(planSegni(g(), "Altro", "A1", "effettivo", DEFAULT_SETTINGS)).toMatchObject({ errore: expect.stringContaining("Altro") });
    expect(planSegni(g(), "Ob", "B2", "togli", DEFAULT_SETTINGS)).toHaveProperty("errore");
  });
  it("unmarks both kinds of rows", () => {
    const plan = planSegni(g(), "Ob", "B15:B16", "togli", DEFAULT_SETTINGS);
    expect("writes" in plan && plan.writes.map((w) => [w.cella, w.value, w.fill])).toEqual([
      ["B15", null, null],
      ["B16", null, null],
    ]);
  });
});

describe("new sheets", () => {
  it("never reuses a sheet name", () => {
    expect(planNuovaScheda(["Obiettivo 1", "Obiettivo 2"], 2024).newSheets[0]!.name).toBe("Obiettivo 3");
    expect(planNuovaScheda(["Ente"], 2024).newSheets[0]!.name).toBe("Obiettivo 1");
    expect(planModello(2024).newSheets.map((s) => s.name)).toEqual(["Ente", "Obiettivo 1"]);
  });
  it("a blank scheda from the plan is itself recognised as a scheda", async () => {
    const { workbookFromSpecs, loadWorkbookGrid } = await import("../../src/hosts/xlsx");
    const bytes = await workbookFromSpecs(planModello(2024).newSheets);
    const { grid } = await loadWorkbookGrid(bytes);
    const a = verifica(grid, { file: "m", settings: DEFAULT_SETTINGS });
    expect(a.report.esercizio).toBe(2024);
    expect(a.report.schede.map((s) => [s.foglio, s.tipo])).toEqual([
      ["Ente", "ente"],
      ["Obiettivo 1", "obiettivo"],
    ]);
    expect(a.report.segnalazioni.filter((d) => d.codice === "BLOCCO_NON_RICONOSCIUTO")).toEqual([]);
    expect(a.schede[1]!.rec.crono!.rows).toHaveLength(7);
  });
});
