import { describe, expect, it } from "vitest";
import { ESITI } from "../../../src/sheets/layout/labels";
import { layoutSchedaEnte, type SchedaEnteData } from "../../../src/sheets/layout/scheda-ente";
import { find, inOrder, overlappingMerges, specToGrid, texts } from "./spec-grid";

const dati: SchedaEnteData = {
  peso: 10,
  responsabili: ["SEGRETARIO COMUNALE"],
  processo: "Missione 1 Programma 2",
  struttura: "Segreteria Generale",
  finalita: "Definire gli obiettivi strategici",
  stakeholders: "Dipendenti",
  indici: [
    { nome: "N. dipendenti al 31.12", valori: [24, 25, 25], media: 25, corrente: 22 },
    { nome: "Assunzioni", valori: [null, null, 3], media: 3, corrente: null },
  ],
  personale: [
    { nome: "Pia Romagnano", categoria: "PO", prevista: 20, effettiva: 20 },
    { nome: "Marina Comi", categoria: "PO", prevista: 80, effettiva: null },
  ],
  risorse: "n. 1 pc portatile",
  indicatori: [
    { indicatore: "Misure PTCP", atteso: { v: 0.8, fmt: "0.00%" }, realizzato: { v: 0.8, fmt: "0%" } },
    { indicatore: "Tempestività pagamenti", atteso: 0, realizzato: -8, esito: "OK" },
  ],
  grado: 100,
  analisi: "Obiettivo raggiunto.",
};

describe("layoutSchedaEnte", () => {
  it("writes the seed's labels in the seed's order", () => {
    const seq = texts(specToGrid(layoutSchedaEnte({ nome: "Ente", anno: 2025 })));
    expect(
      inOrder(seq, [
        "Obiettivo di performance organizzativa di ente",
        "ANNO",
        "Peso obiettivo",
        "Processo:",
        "Finalità del Processo",
        "Stakeholders",
        "Indici",
        "media",
        "2025 da rilevare a consuntivo",
        "Personale coinvolto nel Processo",
        "Risorse strumentali assegnate",
        "Nome e cognome",
        "Categoria",
        "% partecipaz.prev.",
        "% partecipaz.eff.",
        "INDICATORI PERFORMANCE ORGANIZZATIVA DI ENTE",
        "Atteso",
        "Realizzato",
        "ESITO",
        "Grado di raggiungimento dell'obiettivo",
        "Analisi del risultato",
      ]),
    ).toBe(true);
  });

  it("puts the year beside ANNO and the three past years before media in the Indici header", () => {
    const g = specToGrid(layoutSchedaEnte({ nome: "Ente", anno: 2025 }));
    const anno = find(g, "ANNO");
    expect(g.get(anno.r, anno.c + 1)?.v).toBe(2025);
    const media = find(g, "media");
    expect([1, 2, 3].map((i) => g.get(media.r, media.c - i)?.v)).toEqual([2024, 2023, 2022]);
    expect(g.get(media.r, media.c + 1)?.v).toBe("2025 da rilevare a consuntivo");
  });

  it("empty template: 8 personale rows formatted 0.00, 5 indicator rows with the Esito list, an empty Grado cell", () => {
    const spec = layoutSchedaEnte({ nome: "Ente", anno: 2025 });
    const g = specToGrid(spec);
    const prev = find(g, "% partecipaz.prev.");
    for (let i = 1; i <= 8; i++) expect(g.get(prev.r + i, prev.c)?.fmt).toBe("0.00");
    const esito = find(g, "ESITO");
    expect(spec.validations).toEqual([{ r1: esito.r + 1, c1: esito.c, r2: esito.r + 5, c2: esito.c, list: [...ESITI] }]);
    const grado = find(g, "Grado di raggiungimento dell'obiettivo");
    expect(grado.r).toBe(esito.r + 6);
    expect(g.get(grado.r, grado.c + 1)).toMatchObject({ v: null, fmt: "0%" });
    expect(overlappingMerges(spec)).toEqual([]);
    expect(spec.print).toEqual({ landscape: true, fitToWidth: true });
  });

  it("writes participation as plain numbers (percents), indicators with their formats, grado as a fraction", () => {
    const spec = layoutSchedaEnte({ nome: "Ente", anno: 2023, dati });
    const g = specToGrid(spec);
    expect(texts(g)).toContain("Processo: Missione 1 Programma 2");
    const prev = find(g, "% partecipaz.prev.");
    expect(g.get(prev.r + 1, prev.c)).toMatchObject({ v: 20, fmt: "0.00" });
    expect(g.get(prev.r + 2, prev.c)).toMatchObject({ v: 80, fmt: "0.00" });
    expect(g.get(prev.r + 2, prev.c + 1)?.v ?? null).toBeNull();
    expect(g.visible(prev.r + 2, prev.c + 2)?.v).toBe("n. 1 pc portatile"); // risorse merged beside personale
    const att = find(g, "Atteso");
    expect(g.get(att.r + 1, att.c)).toMatchObject({ v: 0.8, fmt: "0.00%" });
    expect(g.get(att.r + 1, att.c + 1)).toMatchObject({ v: 0.8, fmt: "0%" });
    expect(g.get(att.r + 2, att.c)?.v).toBe(0);
    expect(g.get(att.r + 2, att.c + 1)?.v).toBe(-8);
    expect(g.get(att.r + 2, att.c + 2)?.v).toBe("OK");
    const grado = find(g, "Grado di raggiungimento dell'obiettivo");
    expect(grado.r).toBe(att.r + 3);
    expect(g.get(grado.r, grado.c + 1)).toMatchObject({ v: 1, fmt: "0%" });
    const media = find(g, "media");
    expect(g.get(media.r + 2, media.c - 1)?.v).toBe(3);
    expect(g.get(media.r + 2, media.c - 3)?.v ?? null).toBeNull();
  });
});
