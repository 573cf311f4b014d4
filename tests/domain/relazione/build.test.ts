import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/domain/consolidation";
import { buildRelazione } from "../../../src/domain/relazione/build";
import type { Blocco, TestiScheda } from "../../../src/domain/relazione/model";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import type { Report, Scheda } from "../../../src/domain/model";

function scheda(foglio: string, numero: string, grado: number, esito: "OK" | "PARZIALE" | "NON RAGGIUNTO"): Scheda {
  return {
    foglio,
    tipo: "obiettivo",
    numero,
    titolo: `Titolo ${numero}`,
    pesatura: 50,
    personale: [],
    fasi: [{ n: 1, descrizione: "Istruttoria", previsto: [1, 2], effettivo: [3, 4], stato: "in ritardo" }],
    indicatori: [
      {
        cella: "A50",
        indicatore: "Pratiche evase",
        tipo: "numero",
        direzione: "crescente",
        atteso: 100,
        realizzato: grado,
        raggiungimento: grado,
        esito,
        esitoScritto: null,
      },
    ],
    mediaValoreRaggiunto: grado,
    mediaRispettoTempi: 50,
  };
}

function report(file: string, schede: Scheda[]): Report {
  return { file, esercizio: 2023, al: "2023-12-31", schede, segnalazioni: [] };
}

const testi: TestiScheda = {
  colonna: "finale",
  relazione: null,
  analisi: "Scostamento dovuto al personale in malattia",
  cause: "=cmd|' /C calc'!A0",
  effetti: '{ HYPERLINK "http://evil.example" }',
  intrapresi: null,
  daAttivare: null,
  indicatoriCritici: [],
};

function texts(blocchi: Blocco[]): string[] {
  return blocchi.flatMap((b) => {
    switch (b.tipo) {
      case "paragrafo":
        return [b.parti.map((p) => p.testo).join("")];
      case "tabella":
        return [...b.intestazione, ...b.righe.flat()];
      case "citazione":
        return [b.etichetta, b.testo];
      case "elenco":
        return b.voci.map((v) => v.map((p) => p.testo).join(""));
      case "grafico":
        return [b.titolo];
      case "indice":
        return [b.titolo];
      default:
        return [b.testo];
    }
  });
}

describe("buildRelazione", () => {
  const c = consolidate(
    [
      { file: "Tributi.xlsx", report: report("Tributi.xlsx", [scheda("Ob 1", "1", 100, "OK"), scheda("Ob 2", "2", 40, "NON RAGGIUNTO")]) },
      { file: "Anagrafe.xlsx", report: report("Anagrafe.xlsx", [scheda("Ob 1", "3", 80, "PARZIALE")]) },
    ],
    DEFAULT_SETTINGS,
  );
  const r = buildRelazione({ consolidation: c, testi: { "Tributi.xlsx": { "Ob 2": testi } }, soglie: { raggiunto: 95, parziale: 60 } });

  it("has a title, a table of contents and a section per settore in input order", () => {
    expect(r.blocchi[0]).toEqual({ tipo: "titolo", testo: "Relazione sulla performance 2023" });
    expect(r.blocchi.some((b) => b.tipo === "indice")).toBe(true);
    const h2 = r.blocchi.filter((b) => b.tipo === "intestazione" && b.livello === 2).map((b) => (b as { testo: string }).testo);
    expect(h2.slice(0, 2)).toEqual(["Settore: Tributi.xlsx", "Settore: Anagrafe.xlsx"]);
  });

  it("charts grado per settore and per obiettivo, coloured by class, with the thresholds", () => {
    const charts = r.blocchi.filter((b): b is Extract<Blocco, { tipo: "grafico" }> => b.tipo === "grafico");
    expect(charts.map((g) => g.barre.length)).toEqual([2, 2, 1]);
    expect(charts[1]!.barre.map((b) => [b.valore, b.classe])).toEqual([
      [100, "raggiunto"],
      [40, "non raggiunto"],
    ]);
    expect(charts[0]!.soglie).toEqual([60, 95]);
  });

  it("quotes the scheda's own words, as written, under the obiettivo not reached", () => {
    const q = r.blocchi.filter((b) => b.tipo === "citazione");
    expect(q.map((b) => (b as { testo: string }).testo)).toEqual([testi.analisi, testi.cause, testi.effetti]);
    const all = texts(r.blocchi).join("\n");
    expect(all).toContain("Obiettivo 2 — Titolo 2");
    expect(all).toContain("Obiettivo 3 — Titolo 3");
    expect(all).toContain("40%");
  });

  it("lists the fasi in ritardo of each settore", () => {
    const fasi = r.blocchi.filter((b) => b.tipo === "tabella" && b.intestazione.includes("Mesi effettivi"));
    expect(fasi).toHaveLength(2);
    expect((fasi[0] as { righe: string[][] }).righe[0]).toEqual(["1", "1", "Istruttoria", "gen, feb", "mar, apr"]);
  });
});
