/** The profilo di layout file: what a user exports and imports, and what a bad file is told. */
import { describe, expect, it } from "vitest";
import { normLabel } from "../../../src/domain/text";
import { leggiProfilo, profiloJson, profiloVuoto, vocabolarioDa, type Profilo } from "../../../src/sheets/vocabulary/profilo";
import { BUILTIN_VOCABULARY } from "../../../src/sheets/vocabulary/vocabulary";

const esempio: Profilo = {
  formato: "monitoraggio-peg/profilo",
  versione: 1,
  nome: "Settore Affari Generali",
  voci: [
    { ruolo: "numero", testo: "Rif. obiettivo", foglio: "AG7", cella: "A5" },
    { ruolo: "atteso", testo: "Valore di partenza/ Valore finale" },
  ],
  mesi: ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12"],
};

const errore = (text: string): string => {
  const r = leggiProfilo(text, "p.json");
  if (r.ok) throw new Error("accepted");
  return r.errore;
};

describe("profilo di layout", () => {
  it("round-trips through its JSON file unchanged", () => {
    const text = profiloJson(esempio);
    const back = leggiProfilo(text, "p.json");
    expect(back).toEqual({ ok: true, profilo: esempio });
    // A file saved by an editor with a BOM reads the same.
    expect(leggiProfilo(`\uFEFF${text}`, "p.json")).toEqual({ ok: true, profilo: esempio });
  });

  it("adds its words to the built-in vocabulary and keeps every built-in word", () => {
    const v = vocabolarioDa(esempio);
    expect(v.is("numero", normLabel("Rif. obiettivo"))).toBe(true);
    expect(v.is("atteso", normLabel("VALORE DI PARTENZA / VALORE FINALE"))).toBe(true);
    expect(BUILTIN_VOCABULARY.is("numero", normLabel("Rif. obiettivo"))).toBe(false);
    expect(v.is("numero", normLabel("N. OBIETTIVO"))).toBe(true);
    expect(v.month("M3")).toBe(3);
    expect(v.month("Marzo")).toBe(3);
    // The built-in vocabulary is not changed by a profile.
    expect(BUILTIN_VOCABULARY.month("M3")).toBeNull();
  });

  it("an empty profile reads like the built-in vocabulary", () => {
    const v = vocabolarioDa(profiloVuoto());
    expect(v.is("numero", "rif obiettivo")).toBe(false);
    expect(v.is("numero", "n obiettivo")).toBe(true);
  });

  it("says what is wrong with a file that is not a profile", () => {
    expect(errore("{ nope")).toMatch(/non è un file JSON valido/);
    expect(errore("[]")).toMatch(/non è valido.*oggetto JSON/);
    expect(errore(JSON.stringify({ nome: "x", voci: [] }))).toMatch(/non è un profilo di layout.*formato/);
    expect(errore(JSON.stringify({ ...esempio, versione: 2 }))).toMatch(/versione 2.*conosce la versione 1/);
  });

  it("names the field that is wrong", () => {
    expect(errore(JSON.stringify({ ...esempio, voci: [{ ruolo: "capo", testo: "Boss" }] }))).toMatch(
      /voci\[0\]\.ruolo: ruolo sconosciuto \(ruoli ammessi: .*numero/,
    );
    expect(errore(JSON.stringify({ ...esempio, voci: [{ ruolo: "numero", testo: "  " }] }))).toMatch(
      /voci\[0\]\.testo: il testo non può essere vuoto/,
    );
    expect(errore(JSON.stringify({ ...esempio, voci: [{ ruolo: "numero" }] }))).toMatch(/voci\[0\]\.testo: manca/);
    expect(errore(JSON.stringify({ ...esempio, voci: [{ ruolo: "numero", testo: "x", cella: "7B" }] }))).toMatch(
      /voci\[0\]\.cella: serve un indirizzo/,
    );
    expect(errore(JSON.stringify({ ...esempio, mesi: ["Gen"] }))).toMatch(/mesi: servono esattamente 12/);
    expect(errore(JSON.stringify({ ...esempio, voci: "numero" }))).toMatch(/voci: serve un elenco/);
    expect(errore(JSON.stringify({ ...esempio, colore: "blu" }))).toMatch(/colore: campo non previsto/);
    const { nome: _n, ...senzaNome } = esempio;
    expect(errore(JSON.stringify(senzaNome))).toMatch(/nome: manca/);
  });

  it("refuses a file far larger than a profile can be, without parsing it", () => {
    expect(errore(" ".repeat(1_000_001))).toMatch(/troppo grande/);
    const molte = Array.from({ length: 501 }, (_, i) => ({ ruolo: "note", testo: `Nota ${i}` }));
    expect(errore(JSON.stringify({ ...esempio, voci: molte }))).toMatch(/voci: troppe voci \(al massimo 500\)/);
  });
});
