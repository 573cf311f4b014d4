import { describe, expect, it } from "vitest";
import { SharedState, resetSharedState, sharedState } from "../../../src/hosts/office/shared-state";

describe("SharedState (ribbon ↔ pane in the shared runtime)", () => {
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
    a.request({ view: "consolida" });
    const got: string[] = [];
    sharedState().onRequest((r) => got.push(r.view));
    expect(got).toEqual(["consolida"]);
  });
});
