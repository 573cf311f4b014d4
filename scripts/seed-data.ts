/**
 * The data of the seed PEG 2023 of the Comune di Carnate (shared/seeds/002_…txt), as typed in the
 * seed: names, percentages, fasi, indicators and esiti. The seed lost its cronoprogramma marks;
 * the marks below are chosen so that every described fase ends its effettivo in (or before) its
 * last previsto month, which gives the MEDIA RISPETTO DEI TEMPI of 100 % the seed shows, at any
 * data di riferimento (see docs/LAYOUT.md).
 */
import { layoutSchedaEnte, type SchedaEnteData } from "../src/sheets/layout/scheda-ente";
import {
  layoutSchedaObiettivo,
  type FaseObiettivo,
  type PersonaObiettivo,
  type SchedaObiettivoData,
} from "../src/sheets/layout/scheda-obiettivo";
import type { SheetSpec } from "../src/sheets/sheet-spec";

export const ANNO = 2023;

const MISSIONE = "Missione 1: Servizi istituzionali, generali e di gestione Programma 2: Segreteria generale";
const STAKEHOLDER = "Dipendenti, Amministratori, Cittadini";
const NUMERO = "1.06.01";

/** Schede 1 and 3: the realizzata sums to 95 (the seed's own arithmetic). */
const PERSONALE_A: PersonaObiettivo[] = [
  { categoria: "PO", nome: "Marina Comi", prevista: 20, realizzata: 25 },
  { categoria: "PO", nome: "Pia Romagnano", prevista: 20, realizzata: 20 },
  { categoria: "PO", nome: "Marco Maoloni (gennaio - aprile 2023)", prevista: 5, realizzata: 5 },
  { categoria: "PO", nome: "Massimiliano Borini (da maggio 2023)", prevista: 15, realizzata: 0 },
  { categoria: "PO", nome: "Chiara Ferretti (gennaio - giugno 2023)", prevista: 5, realizzata: 20 },
  { categoria: "PO", nome: "Valentina Cazzaniga (da giugno 2023)", prevista: 15, realizzata: 0 },
  { categoria: "SEGR", nome: "Antonia Tarantino", prevista: 20, realizzata: 25 },
];

/** Schede 2 and 4: the realizzata sums to 100. */
const PERSONALE_B: PersonaObiettivo[] = [
  { categoria: "PO", nome: "Marina Comi", prevista: 20, realizzata: 20 },
  { categoria: "PO", nome: "Pia Romagnano", prevista: 20, realizzata: 20 },
  { categoria: "PO", nome: "Marco Maoloni (gennaio - aprile 2023)", prevista: 5, realizzata: 0 },
  { categoria: "PO", nome: "Massimiliano Borini (da maggio 2023)", prevista: 15, realizzata: 20 },
  { categoria: "PO", nome: "Chiara Ferretti (gennaio - giugno 2023)", prevista: 5, realizzata: 0 },
  { categoria: "PO", nome: "Valentina Cazzaniga (da giugno 2023)", prevista: 15, realizzata: 20 },
  { categoria: "SEGR", nome: "Antonia Tarantino", prevista: 20, realizzata: 20 },
];

/** Months m..n inclusive. */
const mesi = (m: number, n = m): number[] => Array.from({ length: n - m + 1 }, (_, i) => m + i);
const fase = (descrizione: string | null, previsto: number[] = [], effettivo: number[] = []): FaseObiettivo => ({
  descrizione,
  previsto,
  effettivo,
});

// Scheda 1 — PTPCT 2023/2025: worked on from January, adopted within the spring deadline.
const FASI_1: FaseObiettivo[] = [
  fase("Valutazione dei rischi - Trattamento ed elaborazione misure di prevenzione specifiche", mesi(1, 2), mesi(1, 2)),
  fase("Trattamento dei rischi ed elaborazione misure di prevenzione specifiche", mesi(2, 3), mesi(2, 3)),
  fase("Cabina di regia mediante le conferenze di servizio per la elaborazione del piano", mesi(1, 3), mesi(1, 3)),
  fase("Elaborazione strategia di prevenzione della corruzione e correlazione con la performance", mesi(3, 4), mesi(3, 4)),
  // Contributions came in earlier than planned: "in anticipo" still counts 100.
  fase("Acquisizione contributi interni ed esterni per la elaborazione della strategia di prevenzione", mesi(1, 3), mesi(1, 2)),
  fase("Elaborazione del programma trasparenza con il coinvolgimento della conferenza dei responsabili", mesi(3, 4), mesi(3, 4)),
  fase("Programmazione monitoraggio della strategia di prevenzione della corruzione", mesi(4), mesi(4)),
];

// Scheda 2 — monitoring the PTPCT: intermediate checks at 30/06 and 31/10, final in December.
const FASI_2: FaseObiettivo[] = [
  fase("Cabina di regia mediante conferenze di servizio con le posizioni organizzative", [6, 10, 12], [6, 10, 12]),
  fase("n. 2 monitoraggi intermedi", [6, 10], [6, 10]),
  fase("Valutazione di criticità ed eventuale riprogrammazione delle misure", [7, 11], [7, 11]),
  fase("Monitoraggio finale", [12], [12]),
  fase(null),
  fase(null),
  fase(null),
];

// Scheda 3 — PIAO 2023/2025, approved by the giunta on 26.04.2023.
const FASI_3: FaseObiettivo[] = [
  fase("Cabina di regia mediante le conferenze di servizio per la elaborazione del piano", mesi(1, 4), mesi(1, 4)),
  fase("Esame e correlazione degli strumenti programmatici adottati dall'ente", mesi(1, 2), mesi(1, 2)),
  fase("Armonizzazione degli strumenti programmatici all'interno del PIAO", mesi(2, 3), mesi(2, 3)),
  fase("Elaborazione strategia di performance all'interno del PIAO", mesi(2, 4), mesi(2, 4)),
  fase(
    "Correlazione ed integrazione della strategia di performance con la strategia di prevenzione della corruzione",
    mesi(3, 4),
    mesi(3, 4),
  ),
  fase("Sviluppo della performance in attuazione delle misure contenute nel piano di prevenzione della corruzione", mesi(3, 4), mesi(3, 4)),
  fase("Programmazione monitoraggio del PIAO", mesi(4), mesi(4)),
];

// Scheda 4 — monitoring the PIAO: checks at 30/06 and 01/12; the final report was started in
// December and completed on 24/01/2024.
const FASI_4: FaseObiettivo[] = [
  fase("Cabina di regia mediante conferenze di servizio con le posizioni organizzative", [6, 12], [6, 12]),
  fase("Monitoraggio intermedio", [6, 12], [6, 12]),
  fase("Valutazione di criticità ed eventuale riprogrammazione delle misure", [7, 12], [7, 12]),
  fase("Monitoraggio finale", [12], [12]),
  fase(null),
  fase(null),
  fase(null),
];

const CENTO = { mediaValore: 100, mediaTempi: 100 };

export const SCHEDE_OBIETTIVO: SchedaObiettivoData[] = [
  {
    numero: NUMERO,
    titolo: "Legalità e trasparenza: elaborazione del Piano di Prevenzione della Corruzione e della Trasparenza",
    pesatura: null,
    strategico: "1.01 Elaborazione del Piano di Prevenzione della Corruzione e della Trasparenza 2023/2025",
    missione: MISSIONE,
    stakeholder: STAKEHOLDER,
    descrizione:
      "L'obiettivo consiste nell'elaborazione della strategia di prevenzione condividendo i contenuti con la conferenza dei responsabili, coordinando tutte le fasi propedeutiche all'approvazione e l'attività di acquisizione dei contributi interni ed esterni. Nell'elaborazione del Piano la programmazione delle misure specifiche dovrà prevederne di diverse tipologie in relazione alla funzione assegnata alla misura: es. controllo, semplificazione, etc.. L'attività d'individuazione delle aree di rischio dovrà essere orientata alla definizione di aree specifiche legate al contesto organizzativo dell'ente.",
    personale: PERSONALE_A,
    fasi: FASI_1,
    cronoprogramma: "righe",
    // The seed's first scheda has no indicator and no verifica text: the blocks stay empty.
    indicatori: [],
  },
  {
    numero: NUMERO,
    titolo: "Legalità e trasparenza: Monitoraggio del Piano di Prevenzione della Corruzione e della Trasparenza",
    pesatura: null,
    strategico: "1.01 Monitoraggio misure del Piano di Prevenzione della Corruzione e della Trasparenza 2023/2025",
    missione: MISSIONE,
    stakeholder: STAKEHOLDER,
    descrizione:
      "Le misure contenute nel piano di prevenzione della corruzione e della trasparenza 2023/2025 presuppongono un percorso finalizzato alla tracciabilità documentale che può essere assicurata mediante la digitalizzazione e la gestione informatizzata degli atti garantendo così un maggiore livello di trasparenza. Le misure specifiche richiedono l'intensificazione dei sistemi di controllo a livello operativo anche attraverso la generazione di report digitali. L'attuazione di tali misure ha un impatto sull'organizzazione richiedendo la reingegnerizzazione di taluni processi operativi che necessita di una forte interazione tra le diverse strutture interne, di momenti formativi, di coordinamento e di verifiche intermedie ai fini della risoluzione di eventuali criticità.",
    personale: PERSONALE_B,
    fasi: FASI_2,
    cronoprogramma: "combinato",
    indicatori: [
      { indicatore: "monitoraggio intermedio", attesa: "30-giu", realizzata: "30-giu", esito: "OK" },
      { indicatore: "monitoraggio intermedio", attesa: "31-ott", realizzata: "31-ott", esito: "OK" },
      { indicatore: "monitoraggio finale", attesa: "15-dic", realizzata: "01-dic", esito: "OK" },
    ],
    intermedia: {
      relazione: "Non sono state riscontrate criticità in fase di primo monitoraggio intermedio",
      ...CENTO,
    },
    finale: {
      relazione:
        "Il monitoraggio finale non ha evidenziato elementi di criticità ma ha contribuito a individuare elementi utili a progettare le misure nel programma di prevenzione della corruzione per l'anno 2024 all'interno del PIAO.",
      ...CENTO,
    },
  },
  {
    numero: NUMERO,
    titolo: "Legalità e trasparenza: elaborazioni del PIAO 2023 - 2025",
    pesatura: null,
    strategico: "1.01 Elaborazione del Piano delle Attività e dell'Organizzazione 2023/2025",
    missione: MISSIONE,
    stakeholder: STAKEHOLDER,
    descrizione:
      "L'obiettivo consiste nell'elaborazione del Piano Integrato delle attività e dell'organizzazione con una particolare attenzione alla correlazione ed integrazione con i diversi documenti di programmazione dell'ente. Nel PIAO dovranno essere rese operative le misure specifiche contenute nel Piano di prevenzione della Corruzione. I contenuti del PIAO dovranno essere condivisi ed elaborati dalla conferenza dei responsabili previo raccordo con gli organi politici e con gli obiettivi strategici espressi nel Documento Unico di Programmazione e nelle successive note di aggiornamento.",
    personale: PERSONALE_A,
    fasi: FASI_3,
    cronoprogramma: "righe",
    indicatori: [
      { indicatore: "Struttura del PIAO in sezioni", attesa: "SI/NO", realizzata: "SI", esito: "OK" },
      {
        indicatore: "Sezione dedicata alla performance e alla previsione della corruzione",
        attesa: "SI/NO",
        realizzata: "SI",
        esito: "OK",
      },
      {
        indicatore: "Presenza all'interno del PIAO della sezione dedicata all'organizzazione che contenga il fabbisogno di personale",
        attesa: "SI/NO",
        realizzata: "SI",
        esito: "OK",
      },
      {
        indicatore: "Programmazione del monitoraggio del PIAO all'interno del Piano",
        attesa: "SI/NO",
        realizzata: "SI",
        esito: "OK",
      },
    ],
    intermedia: {
      relazione:
        "Non sono state riscontrate criticità. Il piano è stato approvato con delibera della giunta comunale n. 52 in data 26.04.2023 e risulta attuato il programma di monitoraggio.",
      ...CENTO,
    },
    finale: {
      relazione:
        "Non sono stati registrati elementi di criticità che abbiano impattato sul livello di raggiungimento degli obiettivi contenuti all'interno del PIAO 2023",
      ...CENTO,
    },
  },
  {
    numero: NUMERO,
    titolo: "Legalità e trasparenza: Monitoraggio del PIAO 2023 - 2025",
    pesatura: null,
    strategico: "1.01 Monitoraggio stato attuazione Piano delle Attività e dell'Organizzazione 2023/2025",
    missione: MISSIONE,
    stakeholder: STAKEHOLDER,
    descrizione:
      "Il Piano delle Attività e dell'Organizzazione 2023/2025 contiene la strategia della Performance organizzativa dell'ente e delle singole struttura. Nella performance organizzativa delle singole strutture sono elaborati progetti sfidanti e ambizioni che impattano sull'organizzazione in quanto richiedono una riorganizzazione delle attività per assicurare trasparenza, accessibilità, tracciabilità e maggiori livelli di semplificazione per il cittadino. L'attuazione di tali obiettivi necessita di una forte interazione tra le diverse strutture interne, di momenti formativi, di coordinamento e di verifiche intermedie ai fini della risoluzione di eventuali criticità.",
    personale: PERSONALE_B,
    fasi: FASI_4,
    cronoprogramma: "righe",
    // In the seed the Esito column holds dates: Excel turned the typed "30-giu" into real dates
    // (shown "dd-mmm"). They are kept as dates, so that they are reported as ESITO_NON_VALIDO.
    indicatori: [
      {
        indicatore: "monitoraggio intermedio",
        attesa: "30-giu",
        realizzata: "30-giu",
        esito: { v: new Date(Date.UTC(2023, 5, 30)), fmt: "dd-mmm" },
      },
      {
        indicatore: "monitoraggio intermedio",
        attesa: "01-dic",
        realizzata: "01-dic",
        esito: { v: new Date(Date.UTC(2023, 11, 1)), fmt: "dd-mmm" },
      },
      {
        indicatore: "monitoraggio finale",
        attesa: "24-gen",
        realizzata: "24/01/2024 recepito nella relazione al PIAO",
        esito: { v: new Date(Date.UTC(2024, 0, 24)), fmt: "dd-mmm" },
        note: "Il monitoraggio finale è confluito nella relazione al PIAO",
      },
    ],
    intermedia: {
      relazione: "Non sono state riscontrate criticità in fase di primo monitoraggio intermedio",
      ...CENTO,
    },
    finale: {
      relazione:
        "Il monitoraggio finale non ha evidenziato elementi di criticità nella realizzazione degli obiettivi contenuti nel PIAO 2023.",
    },
  },
];

export const SCHEDA_ENTE: SchedaEnteData = {
  peso: null,
  responsabili: ["SEGRETARIO COMUNALE", "Conferenza dei Responsabili"],
  processo: "Missione 1 Programma 2",
  struttura: "Segreteria Generale",
  finalita:
    "Definire gli obiettivi strategici per la realizzazione dei programmi d'intervento e per ogni obiettivo strategico sviluppare una o più azioni che hanno come risultato gli obiettivi operativi con individuazione degli indici per il monitoraggio finale e la rendicontazione del risultato ottenuto",
  stakeholders: "Dipendenti",
  anniIndici: [2020, 2021, 2022],
  indici: [
    { nome: "N. dipendenti al 31.12", valori: [24, 25, 25], media: 25, corrente: 22 },
    { nome: "N. posizioni organizzative", valori: [4, 4, 4], media: 4, corrente: 4 },
    { nome: "Concorsi e selezioni", valori: [0, 0, 2], media: 1, corrente: 1 },
    { nome: "Assunzioni", valori: [null, null, 3], media: 3, corrente: 2 },
    { nome: "N. settori", valori: [null, null, 4], media: 4, corrente: 4 },
    { nome: "N. contratti rogati", valori: [null, null, 0], media: 0, corrente: 0 },
    { nome: "N. linee programmatiche adottate dall'ente", valori: [null, null, null], media: null, corrente: null },
    { nome: "N. obiettivi operativi contenuti nel DUP", valori: [null, null, null], media: null, corrente: 2 },
    { nome: "N. sessioni annuale di controllo interno", valori: [null, null, null], media: null, corrente: null },
  ],
  personale: [
    { nome: "Pia Romagnano", categoria: "PO", prevista: 20, effettiva: 20 },
    { nome: "Marina Comi", categoria: "PO", prevista: 20, effettiva: 20 },
    { nome: "Marco Maoloni (gennaio - aprile 2023)", categoria: "PO", prevista: 5, effettiva: 5 },
    { nome: "Massimiliano Borini (da maggio 2023)", categoria: "PO", prevista: 15, effettiva: 15 },
    { nome: "Chiara Ferretti (gennaio - giugno 2023)", categoria: "PO", prevista: 5, effettiva: 5 },
    { nome: "Valentina Cazzaniga (da giugno 2023)", categoria: "PO", prevista: 15, effettiva: 15 },
    { nome: "Antonia Tarantino", categoria: "PO", prevista: 20, effettiva: 20 },
  ],
  risorse: "n. 1 stampante multifunzione (condivisa) n. 1 pc portatile",
  indicatori: [
    {
      indicatore: "Attuazione misure specifiche PTCP - Raggiungimento target indicatori",
      atteso: { v: 0.8, fmt: "0.00%" },
      realizzato: { v: 0.8, fmt: "0%" },
    },
    {
      indicatore: "Attuazione obiettivi di performance contenuti nel PIANO - Raggiungimento target indicatori",
      atteso: { v: 0.8, fmt: "0.00%" },
      realizzato: { v: 0.8, fmt: "0%" },
    },
    {
      indicatore: "Rispetto equilibri di bilancio",
      atteso: { v: 1, fmt: "0.00%" },
      realizzato: { v: 1, fmt: "0%" },
    },
    {
      indicatore: "Percentuale rispetto parametri deficitarietà strutturale",
      atteso: { v: 0.6, fmt: "0.00%" },
      realizzato: { v: 1, fmt: "0%" },
    },
    { indicatore: "Tempestività pagamenti - Art. 9 D.P.C.M. 22/09/2014", atteso: 0, realizzato: -8 },
  ],
  grado: null,
  analisi: null,
};

/** Sheet names of the sample workbook, in order. */
export const NOMI_FOGLI = ["Ente", "Ob 1", "Ob 2", "Ob 3", "Ob 4"] as const;

/** The sample workbook, sheet by sheet, in the familiar layout. */
export function esempioSpecs(): SheetSpec[] {
  return [
    layoutSchedaEnte({ nome: "Ente", anno: ANNO, dati: SCHEDA_ENTE }),
    ...SCHEDE_OBIETTIVO.map((dati, i) => layoutSchedaObiettivo({ nome: `Ob ${i + 1}`, anno: ANNO, dati })),
  ];
}
