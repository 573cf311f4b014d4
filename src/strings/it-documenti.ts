/**
 * Italian strings of the documents and formats loaded on demand — the Relazione sulla performance
 * and the .ods/.xls readers — kept apart from ./it.ts so that the pane's first download does not
 * carry them (it.ts is in every page's initial script).
 */
// ── Relazione sulla performance (src/domain/relazione, src/hosts/docx, peg relazione) ─────────
export const relazione = {
  titolo: (esercizio: number | null) => `Relazione sulla performance${esercizio ? ` ${esercizio}` : ""}`,
  sottotitolo: (ente: string | null, al: string | null, nFile: number) =>
    `${ente ? `${ente} — ` : ""}bozza da consolidamento di ${nFile === 1 ? "1 file" : `${nFile} file`}${al ? `, dati al ${al}` : ""}`,
  avvertenza:
    "Bozza generata da Monitoraggio PEG a partire dalle schede dei settori: i valori sono quelli calcolati, i testi tra virgolette sono riportati come scritti nelle schede. Rivederla e completarla prima di trasmetterla al Nucleo di valutazione.",
  indice: "Indice",
  nd: "n.d.",
  obiettivoN: (n: string) => `Obiettivo ${n}`,
  gradoLabel: "grado di raggiungimento ",
  tempiLabel: "rispetto dei tempi ",
  nObiettivi: (n: number) => (n === 1 ? "1 obiettivo" : `${n} obiettivi`),
  fasiInRitardo: (n: number) => (n === 1 ? "1 fase in ritardo" : `${n} fasi in ritardo`),
  conteggioEsiti: (ok: number, parz: number, non: number, nonMisurati: number) =>
    `indicatori: ${ok} OK, ${parz} PARZIALE, ${non} NON RAGGIUNTO` + (nonMisurati ? `, ${nonMisurati} da misurare` : ""),
  legenda: (voci: string[]) => `Legenda del grafico: ${voci.join("; ")}.`,
  mesi: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
  nessunMese: "nessuno",
  nessunaFase: "Nessuna fase in ritardo alla data di riferimento.",
  nessunObiettivo: "Nessuna scheda obiettivo in questo file.",
  nessunEsitoCritico: "Nessun indicatore con esito PARZIALE o NON RAGGIUNTO.",
  nessunTesto: "La scheda non riporta analisi degli scostamenti, cause, effetti né provvedimenti correttivi.",
  nessunaSchedaEnte: "Nessuna scheda di ente nei file consolidati.",
  nonMisurato: "da misurare",
  fonte: (file: string, foglio: string) => `Scheda "${foglio}" del file ${file}.`,
  processo: (p: string) => `Processo: ${p}.`,
  introQuadratura:
    "Anomalie nella quadratura delle partecipazioni del personale (somme delle percentuali, persone scritte in più modi, partecipazioni eccedenti), da risolvere nei file dei settori.",
  nessunaAnomalia: "Nessuna anomalia di quadratura.",
  nessunErrore: "Nessun errore aperto.",
  altreSegnalazioni: (n: number) => `… e altre ${n} segnalazioni: l'elenco completo è nel foglio Segnalazioni del riepilogo.`,
  classi: {
    raggiunto: "raggiunto",
    parziale: "parzialmente raggiunto",
    nonRaggiunto: "non raggiunto",
    nonValutabili: "non valutabili",
    nonValutabile: "non valutabile",
  },
  livelli: { strategico: "Obiettivo strategico", missione: "Missione / Programma", mandato: "Linea di mandato" },
  citazioni: {
    relazione: (colonna: "intermedia" | "finale") => (colonna === "finale" ? "Relazione finale" : "Relazione intermedia"),
    analisi: "Analisi degli scostamenti",
    cause: "Analisi degli scostamenti — cause",
    effetti: "Analisi degli scostamenti — effetti",
    intrapresi: "Provvedimenti correttivi intrapresi",
    daAttivare: "Provvedimenti correttivi da attivare",
  },
  grafici: {
    settori: "Grado di raggiungimento per settore",
    obiettiviSettore: (file: string) => `Grado di raggiungimento per obiettivo — ${file}`,
    /** Alternative text of a chart image (screen readers, and Word's "Testo alternativo"). */
    alt: (titolo: string, voci: string[]) => `${titolo}: ${voci.join("; ")}`,
  },
  titoli: {
    ente: "Performance complessiva dell'ente",
    strategici: "Obiettivi strategici",
    settori: "Performance dei settori",
    settore: (file: string) => `Settore: ${file}`,
    obiettivi: "Obiettivi",
    fasiInRitardo: "Fasi in ritardo",
    esitiCritici: "Indicatori con esito PARZIALE o NON RAGGIUNTO",
    performanceEnte: "Performance organizzativa di ente",
    attenzione: "Anomalie e segnalazioni per il Nucleo di valutazione",
    quadratura: "Quadratura del personale",
    errori: "Errori aperti nelle schede",
    nonLetti: "File non letti",
  },
  colonne: {
    classe: "Classe",
    nObiettivi: "N. obiettivi",
    numero: "N.",
    titolo: "Obiettivo",
    grado: "Grado",
    tempi: "Rispetto dei tempi",
    esiti: "Esiti degli indicatori",
    obiettivo: "Obiettivo",
    fase: "Fase",
    descrizione: "Descrizione",
    previsti: "Mesi previsti",
    effettivi: "Mesi effettivi",
    indicatore: "Indicatore",
    atteso: "Atteso",
    realizzato: "Realizzato",
    raggiungimento: "Raggiungimento",
    esito: "Esito",
    file: "File",
    foglio: "Foglio",
    cella: "Cella",
    codice: "Codice",
    messaggio: "Messaggio",
    settore: "Settore (file)",
    fasiInRitardo: "Fasi in ritardo",
    strategico: "Obiettivo strategico",
  },
  cli: {
    uso:
      "Uso: peg relazione FILE.xlsx [FILE.xlsx … | CARTELLA] -o relazione.docx [--al AAAA-MM-GG] [--anno AAAA] [--impostazioni FILE.json] [--profilo FILE.json] [--sovrascrivi]\n" +
      "Legge le cartelle di lavoro dei settori (.xlsx, .ods, .xls) senza modificarle e scrive una bozza della Relazione sulla performance in Word (.docx).",
    nessunOutput: "Indicare il file da scrivere con -o, ad esempio: -o relazione.docx",
    outputNonDocx: (f: string) => `Il file di uscita "${f}" deve avere estensione .docx. Scegliere ad esempio relazione.docx.`,
    scritto: (f: string) => `Relazione scritta in ${f}.`,
  },
  pane: {
    nomeFile: (esercizio: number | null) => `relazione-performance${esercizio ? `-${esercizio}` : ""}.docx`,
  },
};

// ── Formati OpenDocument (.ods) e Excel 97-2003 (.xls) (src/hosts/ods, src/hosts/xls) ─────────
export const formati = {
  odsSenzaContenuto: (f: string) =>
    `"${f}" sembra un file OpenDocument ma non contiene fogli (manca content.xml): aprirlo con LibreOffice e salvarlo di nuovo, poi riprovare.`,
  odsNonLeggibile: (f: string) =>
    `"${f}" è un foglio di calcolo OpenDocument (.ods) danneggiato o non leggibile. Aprirlo con LibreOffice e salvarlo di nuovo, oppure salvarlo come .xlsx, poi riprovare.`,
  odsTroppeCelle: (f: string, max: number) =>
    `"${f}" contiene più di ${max.toLocaleString("it-IT")} celle compilate: togliere i fogli o le righe non necessari e riprovare.`,
  xlsNonLeggibile: (f: string) =>
    `"${f}" è nel vecchio formato Excel 97-2003 (.xls) ma non si riesce a leggerlo (danneggiato o protetto). Aprirlo con Excel o LibreOffice e salvarlo come .xlsx, poi riprovare.`,
  copiaXlsx: (f: string) =>
    `"${f}" è nel vecchio formato .xls: la copia annotata viene salvata come cartella di lavoro .xlsx (valori, formati, unioni e colori del file; formule, grafici e macro non vengono riportati).`,
  odsNuoviFogli: (f: string) =>
    `In "${f}" (.ods) si possono scrivere esiti, medie ed evidenziazioni, ma non aggiungere fogli: salvarlo come .xlsx per aggiungere la scheda, poi riprovare.`,
  uscitaXls: (f: string) => `La copia di un file .xls si salva in formato .xlsx: indicare un nome che finisca con .xlsx invece di "${f}".`,
  uscitaOds: (f: string) => `La copia di un file .ods si salva in formato .ods: indicare un nome che finisca con .ods invece di "${f}".`,
};
