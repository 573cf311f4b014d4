// @vitest-environment jsdom
/** Settings: validated with SettingsSchema on save, Italian hints on the wrong fields. */
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import { SettingsPanel } from "../../src/ui/SettingsPanel";
import { byText, click, mount, typeInto, until, type Mounted } from "./dom";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

async function start() {
  const saved: Settings[] = [];
  m = await mount(<SettingsPanel settings={DEFAULT_SETTINGS} onSave={async (s) => void saved.push(s)} />);
  const c = m.container;
  const input = (name: string) => c.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const submit = async () => {
    await act(async () => c.querySelector("form")!.requestSubmit());
  };
  return { c, saved, input, submit };
}

describe("SettingsPanel", () => {
  it("saves valid settings, reading Italian decimal commas", async () => {
    const { saved, input, submit } = await start();
    await typeInto(input("dataRiferimento"), "2023-06-30");
    await typeInto(input("esercizio"), "2023");
    await typeInto(input("sogliaParziale"), "40,5");
    await typeInto(input("colore-previsto"), "#00ff00");
    await submit();
    await until(() => saved.length === 1, "salvataggio");
    expect(saved[0]).toEqual({
      ...DEFAULT_SETTINGS,
      dataRiferimento: "2023-06-30",
      esercizio: 2023,
      sogliaParziale: 40.5,
      colori: { ...DEFAULT_SETTINGS.colori, previsto: "#00FF00" },
    });
  });

  it("refuses invalid values with a message on each field and saves nothing", async () => {
    const { c, saved, input, submit } = await start();
    await typeInto(input("sogliaOk"), "150");
    await typeInto(input("classeParziale"), "abc");
    await typeInto(input("esercizio"), "23");
    await typeInto(input("colore-errore"), "rosso");
    await submit();
    await until(() => c.querySelector('[role="alert"]'), "errore");
    expect(saved).toEqual([]);
    const text = c.textContent!;
    expect(text).toContain("Inserire un valore tra 0 e 100.");
    expect(text).toContain("Inserire un numero.");
    expect(text).toContain("Inserire un anno tra 2000 e 2100, oppure lasciare vuoto.");
    expect(text).toContain("Colore non valido: usare il formato #RRGGBB");
    expect(text).not.toMatch(/expected|Invalid|Too big/);
  });

  it("refuses a PARZIALE threshold above the OK one (cross-field rule)", async () => {
    const { c, saved, input, submit } = await start();
    await typeInto(input("sogliaOk"), "60");
    await typeInto(input("sogliaParziale"), "70");
    await submit();
    await until(() => c.querySelector('[role="alert"]'));
    expect(saved).toEqual([]);
    expect(c.textContent).toContain("La soglia PARZIALE non può superare la soglia OK");
  });

  it("restores the defaults", async () => {
    const { c, input } = await start();
    await typeInto(input("sogliaOk"), "90");
    await click(byText(c, "button", "Ripristina i valori predefiniti"));
    expect(input("sogliaOk").value).toBe("100");
  });
});
