// @vitest-environment jsdom
/** The pane against a fake PaneHost: results, go to cell, confirmation, undo, errors, live checking. */
import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PegError } from "../../src/domain/errors";
import { App, LIVE_DEBOUNCE_MS } from "../../src/ui/App";
import { byText, click, mount, until, type Mounted } from "./dom";
import { called, fakeHost } from "./fake-host";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
  vi.useRealTimers();
});

async function start(host = fakeHost()) {
  m = await mount(<App host={host} />);
  await until(() => m!.container.querySelector('[data-testid="totals"]'), "risultati");
  return { host, c: m.container };
}

describe("App (riquadro attività)", () => {
  it("loads the settings, checks the workbook and shows the counts per gravità and per scheda", async () => {
    const { host, c } = await start();
    expect(called(host, "loadSettings")).toHaveLength(1);
    expect(called(host, "verifica")).toHaveLength(1);
    const totals = c.querySelector('[data-testid="totals"]')!;
    expect(totals.querySelector('[data-gravita="errore"]')!.textContent).toBe("1 errori");
    expect(totals.querySelector('[data-gravita="avviso"]')!.textContent).toBe("1 avvisi");
    expect(totals.querySelector('[data-gravita="info"]')!.textContent).toBe("2 info");
    // One group per scheda in workbook order, then the other sheets.
    expect([...c.querySelectorAll("[data-foglio]")].map((e) => e.getAttribute("data-foglio"))).toEqual(["Ob 1", "Ob 2", "Note"]);
    // Errors first within a scheda.
    const codes = [...c.querySelectorAll('[data-foglio="Ob 1"] button[data-codice]')].map((b) => b.getAttribute("data-codice"));
    expect(codes).toEqual(["ESITO_NON_VALIDO", "PESATURA_MANCANTE", "DATA_SENZA_ANNO"]);
  });

  it("shows the summary of a scheda: grado, tempi, esiti in colour, stato of each described fase", async () => {
    const { c } = await start();
    const ob1 = c.querySelector('[data-foglio="Ob 1"]')!;
    expect(ob1.querySelector('[data-testid="grado"]')!.textContent).toBe("70 %");
    expect(ob1.querySelector('[data-testid="tempi"]')!.textContent).toBe("50 %");
    expect([...ob1.querySelectorAll("[data-esito]")].map((e) => e.textContent)).toEqual(["OK", "NON RAGGIUNTO"]);
    expect([...ob1.querySelectorAll("[data-stato]")].map((e) => e.textContent)).toEqual(["1: nei tempi", "2: in ritardo"]);
  });

  it("clicking a segnalazione asks the host to go to its cell", async () => {
    const { host, c } = await start();
    await click(c.querySelector('button[data-cella="Ob 1!L4"]'));
    expect(called(host, "goTo").map((x) => x.args)).toEqual([["Ob 1", "L4"]]);
  });

  it("renders cell text as text, never as HTML", async () => {
    const { c } = await start();
    await click(byText(c, "button", /^Note/));
    await until(() => byText(c, "span", "<img src=x onerror=alert(1)>"), "testo");
    expect(c.querySelector("img")).toBeNull();
  });

  it("lists the cells that would be overwritten and writes only the others when asked", async () => {
    const host = fakeHost({ conflitti: [{ foglio: "Ob 1", cella: "I61", attuale: new Date(Date.UTC(2023, 5, 30)), nuovo: "OK" }] });
    const { c } = await start(host);
    await click(byText(c, "button", "Calcola esiti"));
    const dialog = await until(() => document.querySelector('[role="alertdialog"]'), "dialogo");
    expect(dialog.querySelector('[data-testid="conflitti"]')!.textContent).toBe("Ob 1!I61: 30/06/2023 → OK");
    expect(called(host, "apply")).toHaveLength(0);
    await click(byText(dialog, "button", "Scrivi solo le altre celle"));
    await until(() => called(host, "apply").length === 1, "apply");
    expect(called(host, "apply")[0]!.args[1]).toEqual({ sovrascrivi: false });
    const msg = await until(() => c.querySelector('[data-testid="message"]'), "messaggio");
    expect(msg.textContent).toBe("Scritte 2 celle. 1 cella già compilata è stata lasciata com'era.");
    // The results are refreshed after the write.
    expect(called(host, "verifica")).toHaveLength(2);
  });

  it("Annulla in the dialog writes nothing; Sovrascrivi writes everything", async () => {
    const host = fakeHost({ conflitti: [{ foglio: "Ob 1", cella: "I61", attuale: "x", nuovo: "OK" }] });
    const { c } = await start(host);
    await click(byText(c, "button", "Calcola esiti"));
    await click(byText(await until(() => document.querySelector('[role="alertdialog"]')), "button", "Annulla"));
    await until(() => !document.querySelector('[role="alertdialog"]'), "dialogo chiuso");
    expect(called(host, "apply")).toHaveLength(0);
    await click(byText(c, "button", "Calcola esiti"));
    await click(byText(await until(() => document.querySelector('[role="alertdialog"]')), "button", "Sovrascrivi"));
    await until(() => called(host, "apply").length === 1, "apply");
    expect(called(host, "apply")[0]!.args[1]).toEqual({ sovrascrivi: true });
  });

  it("undo is enabled after a write and restores through the host", async () => {
    const host = fakeHost();
    const { c } = await start(host);
    const undo = () => byText(c, "button", "Annulla") as HTMLButtonElement;
    expect(undo().disabled).toBe(true);
    await click(byText(c, "button", "Segna previsto"));
    await until(() => called(host, "apply").length === 1);
    expect(called(host, "prepare")[0]!.args[0]).toEqual({ tipo: "segno", segno: "previsto" });
    await until(() => !undo().disabled, "annulla abilitato");
    await click(undo());
    await until(() => called(host, "undo").length === 1);
    const msg = await until(() => byText(c, '[data-testid="message"]', /Annullate/), "messaggio");
    expect(msg.textContent).toBe("Annullate le modifiche di 3 celle.");
  });

  it("after an undo, lists the cells left because they were changed after the write", async () => {
    const host = fakeHost({ nonRipristinate: ["Ob 1!I61", "Ente!D37"] });
    const { c } = await start(host);
    await click(byText(c, "button", "Segna previsto"));
    await until(() => called(host, "apply").length === 1);
    await until(() => !(byText(c, "button", "Annulla") as HTMLButtonElement).disabled, "annulla abilitato");
    await click(byText(c, "button", "Annulla"));
    const msg = await until(() => byText(c, '[data-testid="message"]', /Annullate/), "messaggio");
    expect(msg.textContent).toBe("Annullate le modifiche di 3 celle. Ob 1!I61, Ente!D37: modificate dopo la scrittura: non ripristinate.");
  });

  it("a PegError is shown as it is; anything else gets the generic Italian message", async () => {
    const host = fakeHost();
    const { c } = await start(host);
    host.failNext.set("prepare", new PegError("Selezionare le celle dei mesi nel cronoprogramma."));
    await click(byText(c, "button", "Segna effettivo"));
    expect((await until(() => c.querySelector('[data-testid="message"]'))).textContent).toBe(
      "Selezionare le celle dei mesi nel cronoprogramma.",
    );
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    host.failNext.set("verifica", new TypeError("x is undefined"));
    await click(byText(c, "button", "Verifica"));
    const msg = await until(() => byText(c, '[data-testid="message"]', /imprevisto/));
    expect(msg.textContent).not.toContain("undefined");
    spy.mockRestore();
  });

  it("checks again after edits, debounced, and not when live checking is off", async () => {
    const host = fakeHost();
    await start(host);
    vi.useFakeTimers();
    act(() => host.emitChange("edit"));
    act(() => host.emitChange("edit"));
    act(() => host.emitChange("edit"));
    await act(() => vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS - 100));
    expect(called(host, "verifica")).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(called(host, "verifica")).toHaveLength(2);
    vi.useRealTimers();

    m!.unmount();
    const off = fakeHost();
    off.settings = { ...off.settings, verificaAutomatica: false };
    await start(off);
    vi.useFakeTimers();
    act(() => off.emitChange("edit"));
    await act(() => vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS * 3));
    expect(called(off, "verifica")).toHaveLength(1);
  });

  it("follows requests from the ribbon: open a view, check now", async () => {
    const host = fakeHost();
    const { c } = await start(host);
    await act(async () => host.emitRequest({ view: "consolida" }));
    await until(() => c.querySelector('[data-testid="consolidation"]'), "consolidamento");
    await act(async () => host.emitRequest({ view: "risultati", verifica: true }));
    await until(() => called(host, "verifica").length === 2, "verifica");
  });

  it("consolidates: progress per file, preview of the tables, write", async () => {
    const host = fakeHost();
    const { c } = await start(host);
    await click(byText(c, '[role="tab"]', /^Consolida/));
    const view = await until(() => c.querySelector('[data-testid="consolidation"]'));
    await click(byText(view, "button", "Consolida"));
    await until(() => c.querySelector('[data-testid="consolidation-write"]'), "anteprima");
    expect([...c.querySelectorAll('[data-testid="consolidation-progress"] li')].map((li) => li.getAttribute("data-stato"))).toEqual([
      "letto",
      "errore",
    ]);
    expect(c.querySelector('[data-testid="consolidation-progress"]')!.textContent).toContain("Il file non è una cartella di lavoro.");
    expect([...c.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["File", "", "a.xlsx", "50 %"]);
    await click(c.querySelector('[data-testid="consolidation-write"]'));
    const msg = await until(() => byText(c, '[data-testid="message"]', /Fogli aggiunti/));
    expect(msg.textContent).toBe("Fogli aggiunti: Riepilogo (2).");
  });
});

describe("App error boundary", () => {
  it("a render failure shows the Italian message, not a blank pane", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // As a bad document URL once did (URIError while rendering the header).
    const host = fakeHost({
      workbookName: () => {
        throw new URIError("URI malformed");
      },
    });
    m = await mount(<App host={host} />);
    const err = await until(() => m!.container.querySelector('[data-testid="pane-error"]'), "errore");
    expect(err.textContent).toMatch(/errore imprevisto/);
    spy.mockRestore();
  });

  it("in Excel there is no theme toggle of its own; the preview keeps it", async () => {
    m = await mount(<App host={fakeHost({ kind: "office" })} />);
    await until(() => m!.container.querySelector('[data-testid="totals"]'), "risultati");
    expect(m.container.querySelector('[data-testid="theme-toggle"]')).toBeNull();
    m.unmount();
    m = await mount(<App host={fakeHost({ kind: "web" })} />);
    await until(() => m!.container.querySelector('[data-testid="totals"]'), "risultati");
    expect(m.container.querySelector('[data-testid="theme-toggle"]')).not.toBeNull();
  });
});
