// @vitest-environment jsdom
/** Issue 11: the consolidation view compares the preview with an earlier riepilogo and shows Variazioni. */
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { AnteprimaConsolidamento } from "../../src/app/pane-host";
import { ConsolidationView } from "../../src/ui/ConsolidationView";
import { byText, click, mount, until, type Mounted } from "./dom";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

const anteprima: AnteprimaConsolidamento = {
  files: [{ file: "a.xlsx", stato: "letto", schede: 1 }],
  fogli: [{ name: "Riepilogo", cells: [{ r: 0, c: 0, v: "File" }] }],
  dati: { marker: 1 },
};
const confrontata: AnteprimaConsolidamento = {
  ...anteprima,
  fogli: [...anteprima.fogli, { name: "Variazioni", cells: [{ r: 0, c: 0, v: "fase recuperata" }] }],
};

describe("ConsolidationView: confronto", () => {
  it("offers the comparison only when the host can, and shows the Variazioni sheet it returns", async () => {
    const asked: Array<[AnteprimaConsolidamento, string]> = [];
    const props = { hostKind: "web" as const, busy: false, onConsolidate: async () => anteprima, onWrite: async () => undefined };
    m = await mount(<ConsolidationView {...props} />);
    await click(byText(m.container, "button", "Consolida"));
    await until(() => m!.container.querySelector('[data-testid="consolidation-write"]'), "anteprima");
    expect(m.container.querySelector('[data-testid="consolidation-confronta-precedente"]')).toBeNull();
    m.unmount();

    m = await mount(
      <ConsolidationView
        {...props}
        onConfronta={async (a, f) => {
          asked.push([a, f.name]);
          return confrontata;
        }}
      />,
    );
    const c = m.container;
    await click(byText(c, "button", "Consolida"));
    const button = await until(() => c.querySelector('[data-testid="consolidation-confronta-precedente"]'), "pulsante");
    expect(button.textContent).toBe("Confronta con un riepilogo precedente…");
    const input = c.querySelector<HTMLInputElement>('[data-testid="consolidation-precedente"]')!;
    const file = new File(["x"], "riepilogo-30-06.xlsx");
    await act(async () => {
      Object.defineProperty(input, "files", { value: [file], configurable: true });
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await until(() => c.textContent?.includes("fase recuperata"), "variazioni");
    expect(asked).toEqual([[anteprima, "riepilogo-30-06.xlsx"]]);
    expect(byText(c, '[role="tab"]', "Variazioni")?.getAttribute("aria-selected")).toBe("true");
  });
});
