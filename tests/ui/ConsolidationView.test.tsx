// @vitest-environment jsdom
/** The consolidation view's extension point: further actions run with the previewed consolidation. */
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
  files: [{ file: "a.xlsx", stato: "letto", schede: 2 }],
  fogli: [{ name: "Riepilogo", cells: [{ r: 0, c: 0, v: "File" }] }],
  dati: { marker: 1 },
};

describe("ConsolidationView", () => {
  it("shows each further action once there is a preview, and runs it with that preview", async () => {
    const ran: AnteprimaConsolidamento[] = [];
    m = await mount(
      <ConsolidationView
        hostKind="web"
        busy={false}
        onConsolidate={async () => anteprima}
        onWrite={async () => undefined}
        actions={[{ id: "confronta", label: "Confronta", run: async (a) => void ran.push(a) }]}
      />,
    );
    const c = m.container;
    expect(c.querySelector('[data-testid="consolidation-confronta"]')).toBeNull();
    await click(byText(c, "button", "Consolida"));
    const action = await until(() => c.querySelector('[data-testid="consolidation-confronta"]'), "azione");
    expect(action.textContent).toBe("Confronta");
    await click(action);
    expect(ran).toEqual([anteprima]);
  });
});
