/**
 * Italian strings of the profilo di layout (issue 8): the profile file, teaching a cell, and the
 * "Insegna il layout" panel. Kept apart from ./it.ts so that the pane's first download does not
 * carry them (they load with the engine and with the panel).
 */
// ── Profilo di layout (src/sheets/vocabulary/profilo.ts, insegna.ts, src/ui/ProfiloPanel.tsx) ──
export const profilo = {
  /** The Italian name of each role the user can teach, as the pane lists them. */
  ruoli: {
    numero: "N. obiettivo",
    titolo: "Titolo dell'obiettivo",
    pesatura: "Pesatura",
    personale: "Intestazione del personale",
    nome: "Nome (personale)",
    prevista: "% prevista",
    realizzata: "% realizzata",
    fasi: "Fasi",
    mesi: "Riga dei mesi (primo mese)",
    indicatori: "Intestazione degli indicatori",
    indicatore: "Indicatore",
    atteso: "Atteso",
    realizzato: "Realizzato",
    esito: "Esito",
    note: "Note",
    mediaValore: "MEDIA VALORE RAGGIUNTO",
    mediaTempi: "MEDIA RISPETTO DEI TEMPI",
  } as Record<string, string>,
  nomePredefinito: "Profilo di layout",
  // Lettura di un file di profilo.
  fileNonLeggibile: (f: string) => `Il file di profilo "${f}" non esiste o non si può leggere. Controllare il nome e la cartella.`,
  troppoGrande: (f: string) =>
    `Il file di profilo "${f}" è troppo grande per essere un profilo di layout (oltre 1 MB): controllare di aver scelto il file giusto.`,
  nonJson: (f: string) => `Il file di profilo "${f}" non è un file JSON valido: usare il file esportato dal riquadro ("Esporta profilo").`,
  nonProfilo: (f: string) =>
    `Il file "${f}" non è un profilo di layout di Monitoraggio PEG (manca "formato": "monitoraggio-peg/profilo"): usare il file esportato dal riquadro.`,
  versione: (f: string, v: string) =>
    `Il profilo di layout "${f}" è nella versione ${v}, che questa versione del programma non conosce (conosce la versione 1): aggiornare il programma.`,
  nonValido: (f: string, problemi: string[]) => `Il profilo di layout "${f}" non è valido: ${problemi.join("; ")}.`,
  campo: (campo: string, cosa: string) => (campo ? `${campo}: ${cosa}` : cosa),
  cosa: {
    manca: "manca",
    testo: "serve un testo",
    testoVuoto: "il testo non può essere vuoto",
    testoLungo: "il testo è troppo lungo (al massimo 200 caratteri)",
    ruolo: (noti: string) => `ruolo sconosciuto (ruoli ammessi: ${noti})`,
    cella: 'serve un indirizzo di cella come "B7"',
    mesi: "servono esattamente 12 etichette dei mesi, nell'ordine",
    lista: "serve un elenco [ … ]",
    oggetto: "serve un oggetto JSON { … }",
    troppe: (max: number) => `troppe voci (al massimo ${max})`,
    sconosciuto: "campo non previsto",
    altro: "valore non ammesso",
  },
  // Insegnare una cella.
  selezioneMancante: "Selezionare prima, nel foglio, la cella con l'etichetta da insegnare.",
  foglioMancante: (f: string) => `Il foglio "${f}" non c'è più nella cartella di lavoro: selezionare di nuovo la cella.`,
  cellaVuota: (cella: string) => `La cella ${cella} è vuota: selezionare la cella che contiene l'etichetta (per esempio "Rif. obiettivo").`,
  cellaNumero: (cella: string) =>
    `La cella ${cella} contiene un numero o una data, non un'etichetta: selezionare la cella con il testo dell'intestazione.`,
  cellaFormula: (cella: string) => `La cella ${cella} contiene un errore di Excel: selezionare una cella con un'etichetta di testo.`,
  testoLungo: (cella: string) =>
    `Il testo della cella ${cella} è troppo lungo per un'etichetta (al massimo 200 caratteri): selezionare la cella dell'intestazione.`,
  mesiPochi: (cella: string, n: number) =>
    `Dalla cella ${cella} verso destra ci sono ${n} etichette di mese, ne servono 12: selezionare la prima cella della riga dei mesi (o tutta la riga).`,
  troppeVoci: (max: number) => `Il profilo ha già ${max} voci, il massimo: togliere quelle non più necessarie.`,
  insegnato: (testo: string, cella: string, ruolo: string) => `«${testo}» (${cella}) ora si legge come ${ruolo}.`,
  giaNoto: (testo: string, ruolo: string) => `«${testo}» era già nel profilo come ${ruolo}.`,
  mesiInsegnati: (primo: string, ultimo: string, cella: string) =>
    `La riga dei mesi «${primo}» … «${ultimo}» (da ${cella}) ora si legge come i 12 mesi.`,
};

// ── Riquadro "Insegna il layout" (src/ui/ProfiloPanel.tsx) ──────────────────────────────────────
export const profiloPannello = {
  tab: "Layout",
  titolo: "Insegna il layout",
  spiegazione:
    "Se un foglio non viene letto, o non del tutto, selezionare nel foglio la cella con un'etichetta (per esempio «Rif. obiettivo»), scegliere che cosa è e premere «Insegna». Le etichette insegnate si salvano nel profilo di layout di questa cartella di lavoro; le celle non vengono mai modificate.",
  fogliDaInsegnare: "Fogli non letti del tutto",
  tuttiLetti: "Tutti i fogli con blocchi riconoscibili sono letti come schede.",
  stato: { letto: "letto", parziale: "letto in parte", quasi: "non letto: alcuni blocchi trovati", nonLetto: "non è una scheda" } as Record<
    string,
    string
  >,
  trovati: "Trovati:",
  mancano: "Manca:",
  ruolo: "Che cosa è la cella selezionata",
  insegna: "Insegna la cella selezionata",
  profilo: "Profilo di layout",
  nessunaVoce: "Nessuna etichetta insegnata.",
  voce: (ruolo: string, testo: string, dove: string | null) => `${ruolo}: «${testo}»${dove ? ` (${dove})` : ""}`,
  mesi: (primo: string, ultimo: string) => `Mesi: «${primo}» … «${ultimo}»`,
  togli: (testo: string) => `Togli «${testo}» dal profilo`,
  esporta: "Esporta profilo",
  importa: "Importa profilo…",
  importaLabel: "Scegli un file di profilo di layout (.json)",
  elimina: "Elimina profilo",
  nomeFile: "profilo-layout.json",
  importato: (n: number) => `Profilo importato: ${n} etichette.`,
  eliminato: "Profilo di layout eliminato: i fogli si leggono con il solo vocabolario incorporato.",
  esportato: "Profilo esportato nel file profilo-layout.json.",
  esportazioneNonDisponibile: "Questo ambiente non permette di scaricare file.",
  nessunaCartella: "Aprire una cartella di lavoro per insegnare il suo layout.",
  stesseSchede: (n: number) => `Schede lette: ${n}.`,
};
