import { describe, expect, it } from "vitest";
import { SharedState, resetSharedState, sharedState } from "../../../src/hosts/office/shared-state";

describe("SharedState (ribbon ↔ pane in the shared runtime)", () => {
  it("runs writes one at a time, in order, even when one fails", async () => {
    const s = new SharedState();
    const log: string[] = [];
    const slow = (name: string, ms: number, fail = false) =>
      s.exclusive(async () => {
        log.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}:end`);
        if (fail) throw new Error(name);
        return name;
      });
    const a = slow("ribbon", 20, true);
    const b = slow("pane", 1);
    await expect(a).rejects.toThrow("ribbon");
    await expect(b).resolves.toBe("pane");
    expect(log).toEqual(["ribbon:start", "ribbon:end", "pane:start", "pane:end"]);
  });

  it("keeps requests until the pane listens, then delivers them live", () => {
    const s = new SharedState();
    expect(s.listening()).toBe(false);
    s.request({ view: "consolida" });
    const got: string[] = [];
    const off = s.onRequest((r) => got.push(r.view));
    expect(s.listening()).toBe(true);
    s.request({ view: "impostazioni" });
    off();
    expect(s.listening()).toBe(false);
    expect(got).toEqual(["consolida", "impostazioni"]);
  });

  it("is one instance per runtime", () => {
    const a = resetSharedState();
    expect(sharedState()).toBe(a);
    a.lastUndo = { cells: [], createdSheets: ["X"], cambiateDopoLettura: [], syncs: 1 };
    expect(sharedState().lastUndo?.createdSheets).toEqual(["X"]);
  });
});
