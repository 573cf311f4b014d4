// @vitest-environment jsdom
/** Impostazioni (issue 11): fasce, the missing-realizzato policy and the decreasing formula. */
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import { SettingsPanel } from "../../src/ui/SettingsPanel";
import { mount, until, type Mounted } from "./dom";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

async function setValue(el: HTMLTextAreaElement | HTMLSelectElement, value: string, event: "input" | "change"): Promise<void> {
  await act(async () => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLSelectElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

async function start(settings: Settings = DEFAULT_SETTINGS) {
  const saved: Settings[] = [];
  m = await mount(<SettingsPanel settings={settings} onSave={async (s) => void saved.push(s)} />);
  const c = m.container;
  const submit = async () => act(async () => c.querySelector("form")!.requestSubmit());
  return { c, saved, submit };
}

describe("SettingsPanel: fasce and missing values", () => {
  it("saves bands typed one per line, the policy and the formula", async () => {
    const { c, saved, submit } = await start();
    await setValue(c.querySelector<HTMLTextAreaElement>('textarea[name="fasce"]')!, "0;60;0\n60;100;100;P", "input");
    await setValue(c.querySelector<HTMLSelectElement>('select[name="realizzatoMancante"]')!, "zero", "change");
    await setValue(c.querySelector<HTMLSelectElement>('select[name="formulaDecrescente"]')!, "lineare", "change");
    await submit();
    await until(() => saved.length === 1, "salvataggio");
    expect(saved[0]).toEqual({
      ...DEFAULT_SETTINGS,
      fasce: [
        { min: 0, max: 60, punteggio: 0, proporzionale: false },
        { min: 60, max: 100, punteggio: 100, proporzionale: true },
      ],
      realizzatoMancante: "zero",
      formulaDecrescente: "lineare",
    });
  });

  it("shows saved bands back as text and refuses a band that cannot be read", async () => {
    const { c, saved, submit } = await start({ ...DEFAULT_SETTINGS, fasce: [{ min: 60, max: 100, punteggio: 100, proporzionale: true }] });
    const box = c.querySelector<HTMLTextAreaElement>('textarea[name="fasce"]')!;
    expect(box.value).toBe("60;100;100;P");
    for (const bad of ["60;100", "100;60;10", "a;b;c"]) {
      await setValue(box, bad, "input");
      await submit();
      await until(() => c.querySelector('[role="alert"]'), "errore");
      expect(c.textContent, bad).toContain("Fasce non valide");
    }
    expect(saved).toEqual([]);
  });
});
