/**
 * Every string a user reads, in Italian, in one module so that a second language can be added.
 * Sections are by area; each area appends to its own section only.
 */

// ── Errori sui file (tutti i front end) ────────────────────────────────────────────────────────
export const fileErrors = {
  generic: "Si è verificato un errore imprevisto. Riprovare; se il problema persiste, segnalarlo all'assistenza.",
};

// ── Segnalazioni (motore) ──────────────────────────────────────────────────────────────────────
// (added by the engine: see src/domain/diagnostics.ts)

// ── Riga di comando ────────────────────────────────────────────────────────────────────────────

// ── Riquadro attività e comandi della barra multifunzione ─────────────────────────────────────

// ── Consolidamento ─────────────────────────────────────────────────────────────────────────────
export const consolidamento = {
  segnalazioni: {
    numeroDuplicatoTraFile: (numero: string, altrove: string[]) =>
      `Il N.OBIETTIVO ${numero} compare anche in altre cartelle di lavoro (${altrove.join("; ")}). ` +
      "Assegnare a ogni obiettivo un numero diverso, d'intesa con i settori interessati.",
    nomeVariante: (scritto: string, riferimento: string, altre: string[]) =>
      `"${scritto}" sembra la stessa persona scritta altrove come "${riferimento}"` +
      (altre.length ? ` (e anche: ${altre.map((a) => `"${a}"`).join(", ")})` : "") +
      ". Scrivere il nome sempre allo stesso modo in tutte le schede, indicando il periodo in una nota se serve.",
  },
  notaPesiUniformi: (mancanti: number, totale: number) =>
    `Pesatura mancante in ${mancanti} obiettivi su ${totale}: il grado è calcolato con pesi uguali.`,
  notaNessunGrado: "Nessun obiettivo ha ancora un grado di raggiungimento: compilare la performance realizzata degli indicatori.",
  classi: { raggiunto: "raggiunto", parziale: "parzialmente raggiunto", nonRaggiunto: "non raggiunto" },
  fogli: {
    riepilogo: "Riepilogo",
    fasiInRitardo: "Fasi in ritardo",
    personale: "Personale",
    performanceEnte: "Performance ente",
    segnalazioni: "Segnalazioni",
  },
  titoli: {
    riepilogo: (esercizio: number | null, al: string | null) =>
      `Riepilogo degli obiettivi${esercizio ? ` — esercizio ${esercizio}` : ""}${al ? `, dati al ${al}` : ""}`,
    fonti: (n: number, nonLetti: number) =>
      `${n === 1 ? "1 file consolidato" : `${n} file consolidati`}` +
      (nonLetti ? `; ${nonLetti === 1 ? "1 file non leggibile" : `${nonLetti} file non leggibili`} (vedere il foglio Segnalazioni)` : ""),
    sintesi: "Sintesi per settore e per l'ente",
    ente: "ENTE",
    grafico: "Grado di raggiungimento per obiettivo",
    fasiInRitardo: "Fasi in ritardo alla data di riferimento",
    nessunaFase: "Nessuna fase in ritardo.",
    personale: "Personale coinvolto: una riga per persona (partecipazioni sommate su tutti gli obiettivi)",
    dettaglioPersonale: "Dettaglio delle partecipazioni",
    performanceEnte: "Obiettivi di performance organizzativa di ente",
    nessunaSchedaEnte: "Nessuna scheda di ente nei file consolidati.",
    segnalazioni: "Segnalazioni di tutti i file (correggere nel file del settore, poi consolidare di nuovo)",
    nessunaSegnalazione: "Nessuna segnalazione.",
    fileNonLeggibile: "FILE NON LEGGIBILE",
  },
  colonne: {
    file: "File",
    foglio: "Foglio",
    numero: "N. obiettivo",
    titolo: "Titolo",
    strategico: "Obiettivo strategico",
    missione: "Missione / Programma",
    pesatura: "Pesatura",
    nIndicatori: "N. indicatori",
    nonMisurati: "Da misurare",
    grado: "Grado di raggiungimento",
    tempi: "Rispetto dei tempi",
    classe: "Classe",
    errori: "Errori",
    avvisi: "Avvisi",
    settore: "Settore (file)",
    nObiettivi: "N. obiettivi",
    fasiInRitardo: "Fasi in ritardo",
    nota: "Nota",
    fase: "Fase",
    descrizione: "Descrizione della fase",
    mesiPrevisti: "Mesi previsti",
    mesiEffettivi: "Mesi effettivi",
    nome: "Cognome e nome",
    varianti: "Scritto anche come",
    categoria: "Cat.",
    totalePrevista: "% prevista (totale)",
    totaleRealizzata: "% realizzata (totale)",
    prevista: "% prevista",
    realizzata: "% realizzata",
    processo: "Processo",
    indicatore: "Indicatore",
    atteso: "Atteso",
    realizzato: "Realizzato",
    raggiungimento: "Raggiungimento",
    esito: "Esito",
    gradoEnte: "Grado dell'obiettivo",
    cella: "Cella",
    gravita: "Gravità",
    codice: "Codice",
    messaggio: "Messaggio",
  },
  mesi: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
};


// ── Anteprima nel browser ──────────────────────────────────────────────────────────────────────
