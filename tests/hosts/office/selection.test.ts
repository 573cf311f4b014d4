/** Segna previsto on a Ctrl+click selection (several areas), through the Office session (issue 10). */
import { describe, expect, it } from "vitest";
import { fakeOfficeSession } from "../../fakes/office-session";
import { workbook } from "./helpers";

describe("Segna previsto on a multi-area selection", () => {
  it("marks every selected month cell of the previsto row", async () => {
    // Row 17 (0-based 16) is fase 3 previsto in the helper's scheda; months are columns C… N.
    const t = fakeOfficeSession(workbook(1), { selection: "'Ob 1'!D17,F17:G17" });
    const s = await t.session.loadSettings();
    const p = await t.session.prepare({ tipo: "segno", segno: "previsto" }, s);
    await t.session.apply(p, { sovrascrivi: true });
    for (const a of ["D17", "F17", "G17"])
      expect(t.fx.state.at("Ob 1", a)).toMatchObject({ value: "X", fill: s.colori.previsto.toUpperCase() });
    expect(t.fx.state.at("Ob 1", "H17").value).toBe(""); // not selected
  });

  it("refuses, writing nothing, when one of the areas is outside the previsto rows", async () => {
    const t = fakeOfficeSession(workbook(1), { selection: "'Ob 1'!D17,D18" });
    const s = await t.session.loadSettings();
    await expect(t.session.prepare({ tipo: "segno", segno: "previsto" }, s)).rejects.toThrow(/previsto/);
    expect(t.fx.state.at("Ob 1", "D17").value).toBe("");
  });
});
