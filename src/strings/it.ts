/**
 * Every string a user reads, in Italian, in one module so that a second language can be added.
 * Sections are by area; each area appends to its own section only.
 */
import { numeroIt } from "../domain/text";

// ── Errori sui file (tutti i front end) ────────────────────────────────────────────────────────
export const fileErrors = {
  generic: "Si è verificato un errore imprevisto. Riprovare; se il problema persiste, segnalarlo all'assistenza.",
  // Lettura di una cartella di lavoro (src/hosts/xlsx): `f` è il nome del file come l'utente lo conosce.
  empty: (f: string) => `"${f}" è vuoto (0 byte): non contiene una cartella di lavoro. Controllare di aver scelto il file giusto.`,
  tooBig: (f: string, size: string, limit: string) =>
    `"${f}" è troppo grande (${size}; il limite è ${limit}). Togliere immagini o fogli non necessari, oppure dividere la cartella di lavoro, e riprovare.`,
  tooBigUnzipped: (f: string, size: string, limit: string) =>
    `"${f}" una volta decompresso è troppo grande (${size}; il limite è ${limit}): contiene fogli enormi o non è una cartella di lavoro genuina. Togliere i fogli o le righe non necessari e riprovare.`,
  pdf: (f: string) => `"${f}" è un PDF, non una cartella di lavoro Excel. Usare il file .xlsx da cui è stato stampato.`,
  notWorkbook: (f: string) =>
    `"${f}" non è una cartella di lavoro Excel (.xlsx). Aprirlo con Excel e usare "Salva con nome → Cartella di lavoro di Excel (.xlsx)", poi riprovare.`,
  truncated: (f: string) =>
    `"${f}" è incompleto o danneggiato (l'archivio .xlsx risulta troncato). Copiarlo di nuovo dall'originale, oppure aprirlo con Excel e salvarlo, poi riprovare.`,
  encrypted: (f: string) =>
    `"${f}" è protetto da password (cifrato) e non si può leggere. In Excel togliere la password (File → Informazioni → Proteggi cartella di lavoro → Crittografa con password), salvare e riprovare.`,
  legacyXls: (f: string) =>
    `"${f}" è nel vecchio formato Excel 97-2003 (.xls), che non si può leggere. Aprirlo in Excel e usare "Salva con nome → .xlsx", poi riprovare.`,
  encryptedOrXls: (f: string) =>
    `"${f}" è protetto da password oppure nel vecchio formato Excel 97-2003 (.xls): non si può leggere. Aprirlo in Excel, togliere l'eventuale password e usare "Salva con nome → .xlsx", poi riprovare.`,
  xlsb: (f: string) =>
    `"${f}" è una cartella di lavoro binaria di Excel (.xlsb), che non si può leggere. Aprirla in Excel e usare "Salva con nome → .xlsx", poi riprovare.`,
  ods: (f: string) =>
    `"${f}" è un foglio di calcolo OpenDocument (.ods). Aprirlo e salvarlo come cartella di lavoro di Excel (.xlsx), poi riprovare.`,
  zipNotWorkbook: (f: string) =>
    `"${f}" è un archivio compresso ma non una cartella di lavoro Excel (.xlsx). Scegliere il file .xlsx del PEG.`,
  unreadableWorkbook: (f: string) =>
    `"${f}" non si riesce a leggere: la cartella di lavoro è danneggiata o contiene parti non riconosciute. Aprirla con Excel, salvarla di nuovo come .xlsx e riprovare.`,
  noWorksheets: (f: string) => `"${f}" non contiene fogli di lavoro. Scegliere il file .xlsx del PEG.`,
  // Lettura a memoria limitata (src/hosts/xlsx/read): un foglio oltre questi limiti non è una scheda del PEG.
  tooManyCells: (f: string, foglio: string, limit: string) =>
    `"${f}": il foglio "${foglio}" contiene più di ${limit} celle. Non è una scheda del PEG: togliere le righe o le colonne non necessarie (o spostare i dati in un altro file) e riprovare.`,
  tooManyCellsTotal: (f: string, limit: string) =>
    `"${f}" contiene più di ${limit} celle in tutto. Dividere la cartella di lavoro in file più piccoli (per settore, ad esempio) e riprovare.`,
  formulasTooLong: (f: string, foglio: string) =>
    `"${f}": il foglio "${foglio}" ripete formule troppo lunghe su troppe celle per essere una scheda del PEG. Sostituire le formule con i loro valori (Copia → Incolla valori) e riprovare.`,
  tooManyMerges: (f: string, foglio: string, limit: string) =>
    `"${f}": il foglio "${foglio}" contiene più di ${limit} celle unite. Non è una scheda del PEG: togliere le unioni non necessarie (Home → Unisci e allinea al centro) e riprovare.`,
  // Scrittura della copia (src/hosts/xlsx): nulla viene scritto se uno di questi errori si presenta.
  writeSheetMissing: (foglio: string) =>
    `Il foglio "${foglio}" non c'è più nella cartella di lavoro: non è stato scritto nulla. Ricaricare il file e ripetere l'operazione.`,
  writeBadCell: (foglio: string, cella: string) =>
    `"${cella}" non è un indirizzo di cella valido (foglio "${foglio}"): non è stato scritto nulla. Segnalare il problema all'assistenza.`,
  writeFailed:
    "Non è stato possibile preparare la copia della cartella di lavoro: non è stato scritto nulla. Riprovare; se il problema persiste, segnalarlo all'assistenza.",
  textCut: (foglio: string, cella: string, n: number) =>
    `Nota: il testo per ${foglio}!${cella} ha ${n.toLocaleString("it-IT")} caratteri, più dei 32.767 che una cella di Excel può contenere: è stato scritto troncato.`,
  // File su disco (riga di comando).
  fileMissing: (p: string) => `Il file "${p}" non esiste. Controllare il nome e la cartella.`,
  isDirectory: (p: string) => `"${p}" è una cartella, non un file. Indicare il file .xlsx.`,
  fileUnreadable: (p: string) =>
    `Il file "${p}" non si può leggere (permessi insufficienti o file in uso). Chiuderlo in Excel o controllarne i permessi, poi riprovare.`,
  outputIsInput: (p: string) =>
    `"${p}" è uno dei file di partenza: i file di partenza non vengono mai modificati. Indicare un altro nome per il file da scrivere.`,
  outputExists: (p: string) => `Il file "${p}" esiste già. Indicare un altro nome, oppure chiedere espressamente di sostituirlo.`,
  outputFolderMissing: (p: string) => `La cartella di "${p}" non esiste. Crearla o indicare un'altra cartella.`,
  outputFolderUnwritable: (p: string) =>
    `Non si può scrivere nella cartella di "${p}": esiste, ma non accetta nuovi file (sola lettura o permessi insufficienti). Indicare un'altra cartella.`,
  outputIsDirectory: (p: string) => `"${p}" è una cartella: indicare il nome del file .xlsx da scrivere.`,
  outputUnwritable: (p: string) =>
    `Non è stato possibile scrivere "${p}" (permessi insufficienti, disco pieno o file aperto in Excel). Chiudere il file o scegliere un'altra cartella, poi riprovare.`,
};

// ── Segnalazioni (motore) ──────────────────────────────────────────────────────────────────────
const pct = (n: number): string => `${numeroIt(n)} %`;

export const segnalazioni = {
  PARTECIPAZIONE_PREVISTA_SOMMA: (somma: number) =>
    `La somma delle percentuali di partecipazione previste è ${pct(somma)} invece di 100 %: correggere le percentuali del personale coinvolto.`,
  PARTECIPAZIONE_REALIZZATA_SOMMA: (somma: number) =>
    `La somma delle percentuali di partecipazione realizzate è ${pct(somma)} invece di 100 %: verificare le percentuali realizzate del personale.`,
  PARTECIPAZIONE_NON_VALIDA: (valore: string) =>
    `La percentuale di partecipazione «${valore}» non è valida: scrivere un numero tra 0 e 100 (ad esempio 20 o 20%).`,
  PERSONA_NOME_VARIANTE: (nome: string, varianti: string[]) =>
    `La stessa persona è scritta in modi diversi (${varianti.map((v) => `«${v}»`).join(", ")}): uniformare il nome come «${nome}».`,
  OBIETTIVO_NUMERO_DUPLICATO: (numero: string, fogli: string[]) =>
    `Il numero obiettivo ${numero} compare anche in: ${fogli.join(", ")}. Assegnare a ogni obiettivo un numero diverso.`,
  PESATURA_MANCANTE: () =>
    "La pesatura dell'obiettivo è vuota: nel grado del settore l'obiettivo conterà con peso uguale agli altri. Indicare la pesatura.",
  FASE_SENZA_PREVISTO: (n: number) =>
    `La fase ${n} ha una descrizione ma nessun mese previsto nel cronoprogramma: segnare i mesi previsti.`,
  FASE_MARCATA_SENZA_DESCRIZIONE: (n: number) =>
    `La fase ${n} ha mesi segnati nel cronoprogramma ma nessuna descrizione: aggiungere la descrizione o togliere i segni.`,
  EFFETTIVO_FUTURO: (n: number, mesi: string[], al: string) =>
    `La fase ${n} ha mesi effettivi successivi alla data di riferimento (${al}): ${mesi.join(", ")}. Togliere i segni o correggere la data di riferimento.`,
  FASE_IN_RITARDO: (n: number, previsto: string, effettivo: string) =>
    `La fase ${n} è in ritardo (previsto: ${previsto}; effettivo: ${effettivo}). Aggiornare l'effettivo o indicare le cause negli scostamenti.`,
  ESITO_NON_VALIDO: (valore: string) =>
    `L'esito «${valore}» non è valido: scrivere OK, PARZIALE, NON RAGGIUNTO o DA VERIFICARE (oppure usare «Calcola esiti»).`,
  ESITO_DIVERGENTE: (scritto: string, calcolato: string) =>
    `L'esito scritto «${scritto}» è diverso da quello calcolato «${calcolato}»: verificare i valori dell'indicatore.`,
  INDICATORE_NON_VALUTABILE: (atteso: string, realizzato: string) =>
    `Non è possibile confrontare la performance attesa «${atteso}» con quella realizzata «${realizzato}»: usare lo stesso tipo di valore (numero, percentuale, data o SI/NO).`,
  DATA_SENZA_ANNO: (valore: string, anno: number) =>
    `La data «${valore}» non indica l'anno: è stata letta nel ${anno}. Scrivere la data completa per evitare dubbi.`,
  MEDIA_VALORE_DIVERGENTE: (scritto: number, calcolato: number) =>
    `La MEDIA VALORE RAGGIUNTO scritta (${pct(scritto)}) è diversa da quella calcolata (${pct(calcolato)}): aggiornarla con «Calcola esiti».`,
  MEDIA_TEMPI_DIVERGENTE: (scritto: number, calcolato: number) =>
    `La MEDIA RISPETTO DEI TEMPI scritta (${pct(scritto)}) è diversa da quella calcolata (${pct(calcolato)}): aggiornarla con «Calcola esiti».`,
  INDICE_MEDIA_DIVERGENTE: (indice: string, scritto: string, calcolato: string) =>
    `La media dell'indice «${indice}» è ${scritto} ma la media degli anni indicati è ${calcolato}: correggere la media.`,
  SCHEDA_NON_RICONOSCIUTA: () =>
    "Il foglio non è una scheda obiettivo né una scheda di ente: non è stato verificato e non verrà modificato.",
  SCHEDA_QUASI_RICONOSCIUTA: (trovati: ReadonlyArray<{ blocco: string; cella: string }>, mancano: readonly string[]) =>
    `Il foglio non è stato letto come scheda: trovati ${trovati.map((b) => `${b.blocco} (${b.cella})`).join(", ")}` +
    (mancano.length ? `; manca ${mancano.join("; ")}` : "") +
    ". Rinominare le etichette come nel modello, oppure insegnare il layout dal riquadro («Insegna il layout») e salvarlo come profilo.",
  CRONOPROGRAMMA_SOLO_PREVISTO: () =>
    "Il cronoprogramma ha solo le righe del previsto: il rispetto dei tempi non si può misurare. Aggiungere sotto ogni fase una riga «effettivo» (o le date effettive) e segnarvi i mesi svolti.",
  BLOCCO_NON_RICONOSCIUTO: (blocco: string, cosa: string) =>
    `Nel blocco «${blocco}» manca ${cosa}: ripristinare l'intestazione come nel modello perché il blocco possa essere verificato.`,
  VALORE_ERRORE_EXCEL: (errore: string) => `La cella contiene l'errore di Excel ${errore}: correggere la formula o scrivere il valore.`,
  FOGLIO_NASCOSTO: () => "Il foglio è nascosto: è stato verificato, ma non verrà modificato. Scoprirlo se deve essere aggiornato.",
  CELLE_FUORI_AREA: (area: string) =>
    `Il foglio contiene valori oltre l'area letta (${area}): sono stati ignorati. Eliminare i valori isolati in fondo al foglio.`,
} as const;

/** Refusals of Segna previsto / Segna effettivo / Togli segno. */
export const avvisiSegni = {
  segnoFoglioNonScheda: (foglio: string) =>
    `Il foglio «${foglio}» non è una scheda obiettivo: selezionare le celle dei mesi nel cronoprogramma di una scheda.`,
  segnoFoglioNascosto: (foglio: string) => `Il foglio «${foglio}» è nascosto: scoprirlo prima di segnare i mesi.`,
  segnoSenzaCronoprogramma:
    "In questa scheda non è stato trovato il cronoprogramma (la riga dei mesi gennaio … dicembre): ripristinarla come nel modello.",
  segnoFuoriCronoprogramma: "La selezione non è dentro il cronoprogramma: selezionare solo celle dei mesi nelle righe delle fasi.",
  segnoRigaSbagliata: (riga: "previsto" | "effettivo") =>
    `La selezione deve stare nelle celle dei mesi delle righe «${riga}» del cronoprogramma: selezionare solo quelle celle e riprovare.`,
} as const;

// ── Riga di comando ────────────────────────────────────────────────────────────────────────────
export const cli = {
  uso: `Monitoraggio PEG — riga di comando

Uso:
  peg verifica FILE.xlsx [--json] [--al AAAA-MM-GG] [--anno AAAA] [--impostazioni FILE.json] [--profilo FILE.json]
                [--scrivi OUT.xlsx [--sovrascrivi]]
  peg consolida A.xlsx B.xlsx … | CARTELLA  -o riepilogo.xlsx [--al AAAA-MM-GG] [--anno AAAA] [--impostazioni FILE.json]
                [--profilo FILE.json] [--confronta PRECEDENTE.xlsx] [--json] [--sovrascrivi]
  peg modello -o FILE.xlsx [--anno AAAA] [--sovrascrivi]
  peg relazione A.xlsx B.ods … | CARTELLA -o relazione.docx [--al AAAA-MM-GG] [--anno AAAA] [--impostazioni FILE.json]
                [--profilo FILE.json] [--sovrascrivi]

  verifica    controlla le schede, calcola esiti e medie; con --scrivi salva una copia annotata
              (il file di partenza non viene mai modificato)
  consolida   riunisce le cartelle di lavoro dei settori in un riepilogo
  modello     crea una cartella di lavoro vuota con una scheda obiettivo e una scheda di ente
  relazione   scrive una bozza della Relazione sulla performance in Word (.docx)

Codici di uscita: 0 nessun errore, 1 ci sono segnalazioni di gravità «errore», 2 file non utilizzabile.`,
  comandoSconosciuto: (c: string) =>
    `Comando «${c}» sconosciuto. Comandi disponibili: verifica, consolida, modello (peg --help per l'aiuto).`,
  opzioneSconosciuta: (o: string) => `Opzione «${o}» sconosciuta: vedere peg --help.`,
  valoreMancante: (o: string) => `Manca il valore dell'opzione --${o}: vedere peg --help.`,
  dataNonValida: (v: string) => `La data «${v}» non è valida: scriverla come AAAA-MM-GG, ad esempio 2023-12-31.`,
  annoNonValido: (v: string) => `L'anno «${v}» non è valido: scrivere un anno di quattro cifre, ad esempio 2023.`,
  fileMancante: "Indicare il file da verificare, ad esempio: peg verifica settore.xlsx",
  troppiFile: "peg verifica controlla un file alla volta: per più file usare peg consolida.",
  uscitaMancante: "Indicare il file da creare con -o, ad esempio: peg modello -o modello-peg.xlsx",
  sovrascriviSenzaScrivi: "--sovrascrivi si usa insieme a --scrivi OUT.xlsx.",
  nessunaScheda: (file: string) =>
    `In «${file}» non è stata riconosciuta nessuna scheda obiettivo o di ente: controllare che sia il file del PEG e che le intestazioni (N.OBIETTIVO, CRONOPROGRAMMA, INDICATORI…) siano presenti.`,
  erroreImprevisto:
    "Errore imprevisto durante l'elaborazione. Riprovare; se il problema persiste, segnalarlo all'assistenza (PEG_DEBUG=1 mostra i dettagli).",
  progressoLettura: (file: string) => `Lettura di ${file}…`,
  progressoVerifica: (n: number) => `Verifica di ${n} fogli…`,
  progressoScrittura: (file: string) => `Scrittura di ${file}…`,
  scritto: (file: string, n: number) => `Salvata la copia ${file} (${n} celle modificate).`,
  nonSovrascritte: (n: number) =>
    `${n} celle contengono già un valore diverso e non sono state sovrascritte (usare --sovrascrivi per sostituirle):`,
  modelloScritto: (file: string, anno: number) => `Creato il modello ${file} (esercizio ${anno}).`,
} as const;

export const rapporto = {
  titolo: (file: string) => `Monitoraggio PEG — verifica di ${file}`,
  intestazione: (esercizio: number, al: string, n: number, ente: number, ob: number) =>
    `Esercizio ${esercizio} · data di riferimento ${al} · ${n} schede (${ente} di ente, ${ob} obiettivo)`,
  schedaEnte: "scheda di ente",
  nessunaSegnalazione: "Nessuna segnalazione.",
  segnalazioni: "Segnalazioni:",
  indicatori: "Indicatori:",
  nessunIndicatore: "Nessun indicatore compilato.",
  fasi: "Fasi:",
  mediaValore: "Media valore raggiunto",
  mediaTempi: "Media rispetto dei tempi",
  grado: "Grado di raggiungimento",
  daRilevare: "da rilevare",
  altriFogli: "Altri fogli",
  totale: (e: number, a: number, i: number) => `Totale: ${e} errori, ${a} avvisi, ${i} informazioni.`,
  atteso: "atteso",
  realizzato: "realizzato",
  vuoto: "—",
} as const;

// ── Riquadro attività e comandi della barra multifunzione ─────────────────────────────────────
// Riquadro attività (src/ui): ogni testo del pannello React, in Excel e nell'anteprima.
export const pane = {
  title: "Monitoraggio PEG",
  noWorkbook: "Nessuna cartella di lavoro aperta.",
  workbookLabel: (name: string) => `Cartella di lavoro: ${name}`,
  tabs: { risultati: "Risultati", consolida: "Consolida", impostazioni: "Impostazioni" },
  tabsLabel: "Sezioni del riquadro",
  themeToLight: "Passa al tema chiaro",
  themeToDark: "Passa al tema scuro",
  actionsLabel: "Azioni",
  actions: {
    verifica: "Verifica",
    esiti: "Calcola esiti",
    previsto: "Segna previsto",
    effettivo: "Segna effettivo",
    togli: "Togli segno",
    evidenzia: "Evidenzia segnalazioni",
    pulisci: "Pulisci evidenziazioni",
    nuovaScheda: "Nuova scheda",
    annulla: "Annulla",
    scarica: "Scarica copia annotata",
    altre: "Altre azioni",
  },
  hints: {
    segno: "Selezionare prima le celle dei mesi nel cronoprogramma.",
  },
  busy: "Operazione in corso…",
  verifying: "Verifica in corso…",
  neverVerified: "Premere «Verifica» per controllare la cartella di lavoro.",
  verifiedAt: (when: string) => `Verificata alle ${when}`,
  counts: { errori: "errori", avvisi: "avvisi", info: "info" },
  countBadge: (n: number, what: string) => `${n} ${what}`,
  countsLabel: (e: number, a: number, i: number) => `${e} errori, ${a} avvisi, ${i} informazioni`,
  noSegnalazioni: "Nessuna segnalazione: la scheda è in ordine.",
  allClear: "Nessuna segnalazione nella cartella di lavoro.",
  otherSheets: "Altri fogli",
  schedaLabel: (foglio: string, numero: string | null) => (numero ? `${foglio} · ${numero}` : foglio),
  schedaTipoEnte: "Obiettivo di ente",
  segnalazioniOf: (foglio: string) => `Segnalazioni di ${foglio}`,
  goToCell: (foglio: string, cella: string, messaggio: string) => `Vai a ${foglio}!${cella}: ${messaggio}`,
  gravita: { errore: "Errore", avviso: "Avviso", info: "Informazione" },
  summary: {
    grado: "Grado di raggiungimento",
    tempi: "Rispetto dei tempi",
    esiti: "Esiti degli indicatori",
    fasi: "Fasi",
    nonCalcolabile: "non calcolabile",
    nessunIndicatore: "Nessun indicatore.",
    nessunaFase: "Nessuna fase descritta.",
    daMisurare: "da misurare",
    fase: (n: number) => `Fase ${n}`,
    esitoScritto: (v: string) => `nel foglio: ${v}`,
  },
  confirm: {
    title: "Sovrascrivere celle già compilate?",
    intro: (n: number) =>
      n === 1
        ? "Una cella contiene già un valore diverso da quello che verrebbe scritto:"
        : `${n} celle contengono già un valore diverso da quello che verrebbe scritto:`,
    row: (foglio: string, cella: string, attuale: string, nuovo: string) => `${foglio}!${cella}: ${attuale} → ${nuovo}`,
    empty: "(vuota)",
    sovrascrivi: "Sovrascrivi",
    soloLibere: "Scrivi solo le altre celle",
    annulla: "Annulla",
    listLabel: "Celle che verrebbero sovrascritte",
  },
  done: {
    scritte: (n: number) => (n === 1 ? "Scritta 1 cella." : `Scritte ${n} celle.`),
    nuoviFogli: (names: string[]) => `Fogli aggiunti: ${names.join(", ")}.`,
    nulla: "Non c'era niente da scrivere: la cartella di lavoro era già aggiornata.",
    annullato: (n: number) => (n === 1 ? "Annullata la modifica di 1 cella." : `Annullate le modifiche di ${n} celle.`),
    nienteDaAnnullare: "Non c'è nessuna operazione da annullare.",
    /** Cells an undo left alone because the user changed them after the write ("Foglio!A1"). */
    nonRipristinate: (celle: string[]) => {
      const shown = celle.slice(0, 10).join(", ") + (celle.length > 10 ? ` e altre ${celle.length - 10}` : "");
      return celle.length === 1
        ? `${shown}: modificata dopo la scrittura: non ripristinata.`
        : `${shown}: modificate dopo la scrittura: non ripristinate.`;
    },
    saltate: (n: number) =>
      n === 1 ? "1 cella già compilata è stata lasciata com'era." : `${n} celle già compilate sono state lasciate com'erano.`,
    scaricato: "Copia annotata scaricata. Il file originale non è stato modificato.",
  },
  settings: {
    title: "Impostazioni",
    dataRiferimento: "Data di riferimento",
    dataRiferimentoHint: "Vuota: oggi (o il 31/12 se l'esercizio è concluso).",
    esercizio: "Esercizio",
    esercizioHint: "Vuoto: quello indicato nella cartella di lavoro, altrimenti l'anno in corso.",
    sogliaOk: "Soglia esito OK (%)",
    sogliaParziale: "Soglia esito PARZIALE (%)",
    classeRaggiunto: "Classe «raggiunto» da (%)",
    classeParziale: "Classe «parzialmente raggiunto» da (%)",
    colori: "Colori",
    colore: { previsto: "Segno previsto", effettivo: "Segno effettivo", errore: "Evidenziazione errori", avviso: "Evidenziazione avvisi" },
    verificaAutomatica: "Verifica automatica dopo le modifiche",
    salva: "Salva impostazioni",
    ripristina: "Ripristina i valori predefiniti",
    salvate: "Impostazioni salvate.",
    nonValide: "Alcune impostazioni non sono valide: correggere i campi evidenziati.",
    numeroNonValido: "Inserire un numero.",
    fuoriIntervallo: "Inserire un valore tra 0 e 100.",
    scegliColore: (what: string) => `Scegli il colore: ${what}`,
    annoNonValido: "Inserire un anno tra 2000 e 2100, oppure lasciare vuoto.",
  },
  consolida: {
    title: "Consolidamento",
    intro: "Riunisce le schede di più cartelle di lavoro in un unico riepilogo. I file scelti non vengono modificati.",
    fonteLabel: "Cosa consolidare",
    questa: "Questa cartella di lavoro",
    questaWeb: "I file aperti",
    file: "File dal disco",
    scegli: "Scegli i file…",
    scelti: (n: number) => (n === 1 ? "1 file scelto" : `${n} file scelti`),
    nessunFile: "Scegliere almeno un file .xlsx.",
    avvia: "Consolida",
    inCorso: "Consolidamento in corso…",
    filesLabel: "Avanzamento per file",
    stato: { attesa: "in attesa", letto: "letto", errore: "non utilizzabile" },
    schede: (n: number) => (n === 1 ? "1 scheda" : `${n} schede`),
    anteprima: "Anteprima",
    righe: (shown: number, total: number) => (shown < total ? `Prime ${shown} righe di ${total}` : `${total} righe`),
    scrivi: "Scrivi i fogli nella cartella di lavoro",
    scarica: "Scarica il riepilogo",
    scritto: (names: string[]) => `Fogli aggiunti: ${names.join(", ")}.`,
    scaricato: "Riepilogo scaricato.",
    nessunaScheda: "Nessuna scheda del PEG riconosciuta in questo file.",
    nessunoUtilizzabile: "Nessuno dei file scelti contiene schede del PEG utilizzabili: controllare i motivi elencati e riprovare.",
  },
  errors: {
    generic: "Si è verificato un errore imprevisto. Riprovare; se il problema persiste, segnalarlo all'assistenza.",
    nessunaSelezione: "Selezionare prima, nel cronoprogramma, le celle dei mesi da segnare.",
  },
};

// Host Office.js e comandi della barra multifunzione (src/hosts/office, src/commands).
export const officeHost = {
  protetto: (foglio: string | null) =>
    foglio
      ? `Il foglio «${foglio}» è protetto e Excel non permette di modificarlo. Rimuovere la protezione (Revisione › Rimuovi protezione foglio) e riprovare.`
      : "Uno dei fogli da modificare è protetto e Excel non permette di modificarlo. Rimuovere la protezione (Revisione › Rimuovi protezione foglio) e riprovare.",
  celleBloccate: (foglio: string, celle: string[]) =>
    `Il foglio «${foglio}» è protetto e queste celle sono bloccate: ${celle.slice(0, 20).join(", ")}${celle.length > 20 ? ` e altre ${celle.length - 20}` : ""}. Sbloccarle (Formato celle › Protezione › Bloccata) oppure rimuovere la protezione del foglio, e riprovare.`,
  formatoProtetto: (foglio: string) =>
    `Il foglio «${foglio}» è protetto e la protezione non consente di formattare le celle (segni ed evidenziazioni sono colori di riempimento). Consentire «Formato celle» nella protezione del foglio, oppure rimuoverla, e riprovare.`,
  modificaCella: "Excel sta modificando una cella. Premere Invio o Esc per uscire dalla cella, poi ripetere il comando.",
  apiMancante: (cosa: string, requisito: string) =>
    `Questa versione di Excel non permette di ${cosa} (serve ${requisito}). Aggiornare Excel (Microsoft 365 o Excel 2021) oppure usare Excel per il Web.`,
  requisitiMinimi:
    "Questa versione di Excel è troppo vecchia per Monitoraggio PEG (serve ExcelApi 1.9: Excel 2019, Excel 2021, Microsoft 365 o Excel per il Web). Aggiornare Excel, oppure usare l'anteprima nel browser.",
  unioniNonLette:
    "Questa versione di Excel non permette di leggere le celle unite (serve ExcelApi 1.13): le etichette in celle unite potrebbero non essere riconosciute. Aggiornare Excel per una verifica completa.",
  fuoriArea: (foglio: string, letta: string, usata: string) =>
    `Nel foglio «${foglio}» ci sono celle oltre l'area letta (${letta}; area usata ${usata}): sono state ignorate. Eliminare i valori o i formati isolati in fondo al foglio.`,
  troppoGrande:
    "La cartella di lavoro è troppo grande per essere letta in una volta da Excel per il Web: la lettura è stata divisa in più passaggi.",
  generico: (codice: string) =>
    `Excel non ha completato l'operazione (${codice}). Riprovare; se il problema persiste, salvare, chiudere e riaprire la cartella di lavoro.`,
  nessunaModifica: "Nessuna cella è stata modificata.",
  ripristinato: "Le celle già scritte sono state riportate com'erano: nessuna modifica è rimasta.",
  ripristinoFallito: (celle: string[]) =>
    `Attenzione: non è stato possibile riportare com'erano queste celle: ${celle.slice(0, 20).join(", ")}${celle.length > 20 ? ` e altre ${celle.length - 20}` : ""}. Controllarle, oppure chiudere la cartella di lavoro senza salvare.`,
  foglioMancante: (foglio: string) => `Il foglio «${foglio}» non esiste più nella cartella di lavoro. Ripetere la Verifica e riprovare.`,
  foglioGiaPresente: (foglio: string) => `Esiste già un foglio chiamato «${foglio}». Ripetere il comando: verrà scelto un altro nome.`,
  cambiateDopoLettura: (n: number) =>
    n === 1
      ? "Una cella era stata modificata dopo la verifica: il valore nuovo è stato comunque conservato per Annulla."
      : `${n} celle erano state modificate dopo la verifica: i valori nuovi sono stati comunque conservati per Annulla.`,
  annullaFoglioEliminato: (foglio: string) => `Il foglio «${foglio}» era già stato eliminato: non c'era niente da annullare.`,
  impostazioniNonSalvate:
    "Non è stato possibile salvare le impostazioni nel documento. Controllare che la cartella di lavoro non sia di sola lettura e riprovare.",
  evidenziazioniNonRegistrate:
    "Le evidenziazioni sono state applicate, ma non è stato possibile registrarle nel documento: per toglierle usare subito «Annulla» nel riquadro.",
  evidenziazioniRimosse: (n: number) => (n === 1 ? "Rimossa 1 evidenziazione." : `Rimosse ${n} evidenziazioni.`),
  nessunaEvidenziazione: "Non ci sono evidenziazioni da togliere.",
} as const;

export const comandi = {
  selezioneFuori:
    "Selezionare le celle dei mesi nel cronoprogramma di una scheda (righe «previsto» o «effettivo»), poi ripetere il comando.",
  selezioneNonLetta: "Non è stato possibile leggere la selezione. Fare clic su una cella del cronoprogramma e riprovare.",
  nessunaScheda: "Nella cartella di lavoro non c'è nessuna scheda del PEG da verificare.",
  verificaFatta: (errori: number, avvisi: number) =>
    `Verifica completata: ${errori} ${errori === 1 ? "errore" : "errori"}, ${avvisi} ${avvisi === 1 ? "avviso" : "avvisi"}.`,
  esitiDaConfermare: (n: number) =>
    n === 1
      ? "Una cella contiene già un valore diverso: confermare nel riquadro prima di scrivere."
      : `${n} celle contengono già un valore diverso: confermare nel riquadro prima di scrivere.`,
  scritte: (n: number) => (n === 1 ? "Scritta 1 cella." : `Scritte ${n} celle.`),
  niente: "Non c'era niente da scrivere: la cartella di lavoro era già aggiornata.",
  nuovaScheda: (nome: string) => `Aggiunto il foglio «${nome}».`,
  runtimeCondiviso:
    "Questa versione di Excel non supporta il runtime condiviso: aprire il riquadro Monitoraggio PEG e usare i pulsanti del riquadro.",
  erroreInatteso: "Si è verificato un errore imprevisto. Riprovare; se il problema persiste, segnalarlo all'assistenza.",
} as const;

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
    `Pesatura mancante in ${mancanti} ${mancanti === 1 ? "obiettivo" : "obiettivi"} su ${totale}: il grado è calcolato con pesi uguali.`,
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
    nonValutabili: "non valutabili",
    nomeScritto: "Nome come scritto nella scheda",
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
  nessunMese: "nessuno",
  cli: {
    uso:
      "Uso: peg consolida FILE.xlsx [FILE.xlsx … | CARTELLA] -o riepilogo.xlsx [--al AAAA-MM-GG] [--anno AAAA] [--impostazioni FILE.json] [--profilo FILE.json] [--confronta PRECEDENTE.xlsx] [--json] [--sovrascrivi]\n" +
      "Legge le cartelle di lavoro dei settori (o ogni .xlsx di una cartella) senza modificarle e scrive il riepilogo in un nuovo file.\n" +
      "--confronta: aggiunge il foglio Variazioni rispetto a un riepilogo scritto in precedenza.",
    nessunInput: "Indicare almeno un file .xlsx o una cartella da consolidare. Esempio: peg consolida settori/ -o riepilogo.xlsx",
    nessunOutput: "Indicare il file da scrivere con -o, ad esempio: -o riepilogo.xlsx (oppure usare --json per il solo resoconto).",
    outputNonXlsx: (f: string) => `Il file di uscita "${f}" deve avere estensione .xlsx. Scegliere ad esempio riepilogo.xlsx.`,
    cartellaVuota: (d: string) => `La cartella "${d}" non contiene file .xlsx da consolidare.`,
    outputInCartella: (f: string) => `"${f}" è il file di uscita: non viene letto come settore.`,
    doppio: (f: string) => `"${f}" è già tra i file indicati: viene letto una volta sola.`,
    erroreImprevistoFile: (f: string) =>
      `Errore imprevisto durante la lettura di "${f}": il file è stato saltato. Aprirlo con Excel, salvarlo di nuovo come .xlsx e riprovare; se il problema persiste, segnalarlo all'assistenza.`,
    nessunoUtilizzabile: "Nessun file si può consolidare: correggere i problemi indicati sopra e riprovare.",
    progresso: (i: number, n: number, f: string) => `[${i}/${n}] Lettura di ${f}…`,
    letto: (schede: number, errori: number, avvisi: number) =>
      `      ${schede === 1 ? "1 scheda" : `${schede} schede`}, ${errori} errori, ${avvisi} avvisi`,
    nonLetto: (f: string, motivo: string) => `      NON LEGGIBILE: ${f}. ${motivo}`,
    nessunaScheda: (f: string) =>
      `"${f}" non contiene schede del PEG riconoscibili (OBIETTIVO DI STRUTTURA o obiettivo di ente). Controllare di aver scelto il file giusto.`,
    scritto: (f: string) =>
      `Riepilogo scritto in ${f} (fogli: Riepilogo, Strategico, Fasi in ritardo, Personale, Indicatori, Performance ente, Segnalazioni; Variazioni con --confronta).`,
    riassunto: {
      titolo: (n: number, esercizio: number | null, al: string | null) =>
        `Consolidamento di ${n === 1 ? "1 file" : `${n} file`}${esercizio ? `, esercizio ${esercizio}` : ""}${al ? `, dati al ${al}` : ""}`,
      ente: "Ente",
      obiettivi: (n: number) => (n === 1 ? "1 obiettivo" : `${n} obiettivi`),
      grado: (g: string) => `grado ${g}`,
      tempi: (g: string) => `rispetto dei tempi ${g}`,
      nd: "n.d.",
      fasi: (n: number) => `Fasi in ritardo: ${n}`,
      persone: (n: number, varianti: number) =>
        `Persone: ${n}` + (varianti ? ` (${varianti} scritte in più modi: vedere PERSONA_NOME_VARIANTE)` : ""),
      segnalazioni: (e: number, a: number, i: number) => `Segnalazioni: ${e} errori, ${a} avvisi, ${i} informazioni`,
      nonLetti: (n: number) => (n === 1 ? "1 file non leggibile" : `${n} file non leggibili`),
    },
  },
};

// ── Anteprima nel browser ──────────────────────────────────────────────────────────────────────
// Anteprima nel browser (src/web): la pagina che funziona senza Excel.
export const preview = {
  pageTitle: "Monitoraggio PEG – anteprima nel browser",
  title: "Monitoraggio PEG",
  subtitle: "Anteprima nel browser: i file restano sul computer, niente viene caricato in rete.",
  apri: "Apri file .xlsx…",
  apriLabel: "Apri una o più cartelle di lavoro .xlsx",
  esempio: "Prova con l'esempio",
  esempioNome: "esempio-peg-2023.xlsx",
  caricamento: (file: string) => `Apertura di ${file}…`,
  esempioNonDisponibile: "Non è stato possibile scaricare il file di esempio dal server dell'anteprima. Ricaricare la pagina e riprovare.",
  nonAperto: (file: string, motivo: string) => `${file}: ${motivo}`,
  nessunFile: "Aprire un file .xlsx, oppure premere «Prova con l'esempio».",
  filesLabel: "File aperti",
  sheetsLabel: "Fogli",
  gridLabel: (foglio: string) => `Foglio ${foglio} (sola lettura)`,
  colonneTroncate: (n: number) => `Sono mostrate solo le prime ${n} colonne.`,
  selezione: (range: string) => `Selezione: ${range}`,
  nessunaSelezione: "Selezionare le celle con il mouse o con le frecce (Maiusc per estendere).",
  chiudiMessaggio: "Chiudi il messaggio",
  copiaNome: (file: string) => file.replace(/\.xlsx$/i, "") + " (annotato).xlsx",
  /** Asked before closing the tab (most browsers show their own wording instead). */
  copiaNonScaricata: "La copia annotata non è stata scaricata: chiudendo la pagina le modifiche andranno perse.",
  riepilogoNome: "riepilogo-peg.xlsx",
  nessunaCartella: "Aprire prima almeno un file .xlsx.",
  paneLabel: "Riquadro attività",
  nascosto: (foglio: string) => `${foglio} (nascosto)`,
  noScript: "Per usare l'anteprima occorre attivare JavaScript nel browser.",
};

// ── Quadratura, roll-up strategico, fasce, esiti forzati, confronto tra rilevazioni (issue 11) ──
const pctIt = (n: number): string => `${numeroIt(n)} %`;
export const controlli = {
  segnalazioni: {
    PERSONA_PARTECIPAZIONE_ECCEDENTE: (
      nome: string,
      misura: "prevista" | "realizzata",
      totale: number,
      capacita: number,
      quote: Array<{ dove: string; valore: number }>,
    ) =>
      `${nome} ha in totale ${pctIt(totale)} di partecipazione ${misura} (${quote.map((q) => `${q.dove} ${pctIt(q.valore)}`).join(", ")}): ` +
      `oltre il ${pctIt(capacita)}${capacita < 100 ? " del suo tempo parziale" : ""}. Ridurre le percentuali su una delle schede o verificare l'impiego della persona.`,
    PERSONA_PERIODO_FUORI_ESERCIZIO: (nome: string, periodo: string, esercizio: number) =>
      `Il periodo indicato per ${nome} («${periodo}») è fuori dall'esercizio ${esercizio}: correggere il periodo o togliere la persona dalla scheda.`,
    OBIETTIVO_PREREQUISITO: (scritto: string) =>
      `La pesatura «${scritto}» indica un obiettivo prerequisito: è valutato, ma non pesa nel grado del settore e dell'ente.`,
    ESITO_FORZATO: (esito: string, calcolato: string | null, motivo: string) =>
      `L'esito «${esito}» è forzato${calcolato ? ` (calcolato: «${calcolato}»)` : ""}: ${motivo || "motivo non indicato"}. ` +
      "Viene mantenuto e conteggiato così nelle medie.",
    REALIZZATO_MANCANTE: (politica: "zero" | "non valutabile") =>
      politica === "zero"
        ? "A fine esercizio la performance realizzata è vuota: secondo le impostazioni conta come 0 (NON RAGGIUNTO). Compilare il valore realizzato."
        : "A fine esercizio la performance realizzata è vuota: secondo le impostazioni l'indicatore è «non valutabile» e non pesa nella media. Compilare il valore realizzato.",
  },
  impostazioni: {
    fileNonLeggibile: (f: string) => `Il file di impostazioni "${f}" non si può leggere: controllare il nome e la cartella.`,
    nonJson: (f: string) => `Il file di impostazioni "${f}" non è un JSON valido: controllare virgole, virgolette e parentesi.`,
    nonValido: (f: string, problemi: string[]) => `Il file di impostazioni "${f}" contiene valori non validi: ${problemi.join("; ")}.`,
    fasciaIntervallo: "in ogni fascia «max» deve essere maggiore di «min»",
    campo: (path: string, msg: string) => `${path || "(radice)"}: ${msg}`,
    sconosciuto: (noti: string[]) => `campo sconosciuto (i campi ammessi sono: ${noti.join(", ")})`,
    /** A zod issue in Italian: our own refinements already are; the built-in ones are translated here. */
    problema: (i: Record<string, unknown>): string => {
      const tipi: Record<string, string> = {
        number: "un numero",
        string: "un testo tra virgolette",
        boolean: "true o false",
        array: "un elenco [ … ]",
        object: "un oggetto { … }",
      };
      switch (i.code) {
        case "too_big":
          return `deve essere al massimo ${String(i.maximum)}`;
        case "too_small":
          return `deve essere almeno ${String(i.minimum)}`;
        case "invalid_value":
          return `valore non ammesso: usare ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(" oppure ")}`;
        case "invalid_type":
          return `serve ${tipi[String(i.expected)] ?? "un valore di altro tipo"}`;
        case "custom":
        case "invalid_format":
          return String(i.message);
        default:
          return "valore non valido";
      }
    },
  },
  pannello: {
    fasce: "Fasce di raggiungimento",
    fasceHint: "Una fascia per riga: min;max;punteggio;P (P = proporzionale). Vuoto: nessuna fascia (esito come da soglie).",
    fasceNonValide: "Fasce non valide: scrivere min;max;punteggio e, se proporzionale, ;P (ad esempio 60;100;100;P).",
    mancante: "Realizzato vuoto a fine anno",
    mancanteOpzioni: { "non calcolato": "non calcolato", zero: "conta come 0", "non valutabile": "non valutabile (peso 0)" },
    decrescente: "Formula per gli indicatori decrescenti",
    decrescenteOpzioni: { rapporto: "atteso / realizzato", lineare: "(2·atteso − realizzato) / atteso" },
    confronta: "Confronta con un riepilogo precedente…",
  },
  consolidamento: {
    fogli: { strategico: "Strategico", indicatori: "Indicatori", variazioni: "Variazioni" },
    titoli: {
      strategico: "Grado di raggiungimento e rispetto dei tempi per obiettivo strategico, missione / programma e linea di mandato",
      grafico: "Grado di raggiungimento per obiettivo strategico",
      nessunRiferimento: "Nessuna scheda indica l'obiettivo strategico, la missione / programma o la linea di mandato.",
      indicatori: "Indicatori di tutti gli obiettivi (gli esiti forzati sono indicati nella colonna «Forzato»)",
      variazioni: (prima: string | null, ora: string | null) =>
        `Variazioni rispetto alla rilevazione precedente${prima ? ` (dati al ${prima})` : ""}${ora ? `, ora dati al ${ora}` : ""}`,
      nessunaVariazione: "Nessuna variazione.",
      precedente: (f: string) => `Rilevazione precedente: ${f}`,
      esitiNonConfrontati: "La rilevazione precedente non ha il foglio «Indicatori»: gli esiti non sono stati confrontati.",
    },
    livelli: { strategico: "Obiettivo strategico", missione: "Missione / Programma", mandato: "Linea di mandato" },
    colonne: {
      livello: "Livello",
      voce: "Voce",
      nObiettivi: "N. obiettivi",
      prerequisiti: "Prerequisiti",
      pesiUniformi: "Pesi",
      pesiUguali: "uguali (pesatura mancante)",
      pesiPesati: "pesatura",
      forzati: "Esiti forzati",
      forzato: "Forzato",
      motivo: "Motivo",
      periodo: "Periodo di servizio",
      capacita: "Capienza",
      anomalia: "Anomalia",
      tipo: "Variazione",
      prima: "Prima",
      ora: "Ora",
      chiave: "Obiettivo / fase / indicatore",
    },
    anomalie: {
      prevista: "prevista oltre il 100 %",
      realizzata: "realizzata oltre il 100 %",
      periodo: "periodo fuori esercizio",
    },
    variazioni: {
      grado: "grado di raggiungimento",
      tempi: "rispetto dei tempi",
      inRitardo: "fase diventata in ritardo",
      recuperata: "fase recuperata",
      esito: "esito cambiato",
      aggiunto: "obiettivo aggiunto",
      tolto: "obiettivo non più presente",
    },
    confronta: {
      nonRiepilogo: (f: string) =>
        `"${f}" non è un riepilogo scritto da Monitoraggio PEG (manca il foglio «Riepilogo» con le sue intestazioni): indicare il riepilogo di una consolidazione precedente.`,
      nonLeggibile: (f: string, motivo: string) => `Il riepilogo precedente "${f}" non si può usare: ${motivo}`,
    },
    json: {
      nd: "n.d.",
    },
  },
};

// ── Profilo di layout: the two labels the pane shows before the panel loads (the rest in ./it-profilo.ts) ──
export const profiloPane = { tab: "Layout", titolo: "Insegna il layout" };

// ── Relazione sulla performance nel riquadro (the document's own strings: ./it-documenti.ts) ──
export const relazionePane = {
  scarica: "Scarica relazione (.docx)",
  inCorso: "Preparazione della relazione…",
  scaricata: "Relazione scaricata: aprirla con Word o LibreOffice, rivederla e completarla.",
};
