/** Small Report builders for consolidation tests: only what a test states differs from a plain scheda. */
import type { Fase, Indicatore, Persona, Report, Scheda, Segnalazione } from "../../../src/domain/model";

export function persona(nome: string, prevista: number | null, realizzata: number | null, categoria = "PO"): Persona {
  return { nome, categoria, prevista, realizzata };
}

export function indicatore(esito: Indicatore["esito"], raggiungimento: number | null, nome = "indicatore"): Indicatore {
  return {
    cella: "A40",
    indicatore: nome,
    tipo: "percentuale",
    direzione: "crescente",
    atteso: 100,
    realizzato: raggiungimento,
    raggiungimento,
    esito,
    esitoScritto: null,
  };
}

export function fase(n: number, stato: Fase["stato"], previsto: number[], effettivo: number[], descrizione = `Fase ${n}`): Fase {
  return { n, descrizione, previsto, effettivo, stato };
}

export function scheda(foglio: string, over: Partial<Scheda> = {}): Scheda {
  return {
    foglio,
    tipo: "obiettivo",
    numero: null,
    titolo: null,
    pesatura: null,
    personale: [],
    fasi: [],
    indicatori: [],
    mediaValoreRaggiunto: null,
    mediaRispettoTempi: null,
    ...over,
  };
}

export function segnalazione(foglio: string, codice: Segnalazione["codice"], gravita: Segnalazione["gravita"], cella = "A1"): Segnalazione {
  return { codice, gravita, foglio, cella, messaggio: `messaggio ${codice}` };
}

export function report(file: string, schede: Scheda[], segnalazioni: Segnalazione[] = []): Report {
  return { file, esercizio: 2023, al: "2023-12-31", schede, segnalazioni };
}
