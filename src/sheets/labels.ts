/**
 * The labels a person reads on a scheda, as normalised patterns (see normLabel: lower case, no
 * accents, punctuation as spaces). Variants seen in real workbooks are listed here, in one place.
 */
export const L = {
  numero: /^(n|nr|num|numero)( dell)? (obiettivo|ob|obiett)$|^n obiettivo$|^nobiettivo$/,
  titolo: /^titolo( obiettivo| dell obiettivo)?$/,
  pesatura: /^(pesatura|peso)( obiettivo| dell obiettivo)?( %)?$/,
  obiettivoStrategico: /^obiettivo strategico/,
  missioneProgramma: /^missione( e)?( \/)? ?programma/,
  stakeholder: /^stakeholders?$|^portatori di interesse$/,
  descrizioneObiettivo: /^descrizione( dell)? obiettivo/,
  personale: /^personale (coinvolto|assegnato|impiegato)|^risorse umane( coinvolte| assegnate)?$/,
  categoria: /^(cat|categoria|cat giuridica|qualifica)$/,
  nome: /^(cognome e nome|nome e cognome|cognome nome|nome cognome|nominativo|dipendente)$/,
  prevista: /(^| )(prevista|previsto|prev)$|partecipaz\w* prev\w*/,
  realizzata: /(^| )(realizzata|realizzato|effettiva|effettivo|eff|real)$|partecipaz\w* (eff|real)\w*/,
  partecipazione: /^% ?partecipazione$|^partecipazione$/,
  fasi: /^descrizione( delle)? fasi/,
  cronoprogramma: /^cronoprogramma/,
  fasiETempi: /^fasi e tempi$|^fasi$/,
  indicatori: /^indicatori( di)? performance/,
  indicatoriEnte: /^indicatori( di)? performance organizzativa/,
  indicatore: /^(indicatore|indicatori|descrizione indicatore|indicatore di performance)$/,
  atteso: /(^| )(attesa|atteso|target|valore atteso)$/,
  realizzato: /(^| )(realizzata|realizzato|consuntivo|valore realizzato)$/,
  esito: /^esito$/,
  note: /^note$/,
  peso: /^peso( indicatore)?( %)?$/,
  verificaIntermedia: /^verifica intermedia/,
  verificaFinale: /^verifica finale/,
  mediaValore: /^media valore raggiunto/,
  mediaTempi: /^media rispetto( dei)? tempi/,
  grado: /^grado di raggiungimento/,
  ente: /obiettivo di performance organizzativa (di|dell) ente/,
  indici: /^indici( di \w+)?$/,
  media: /^(media|valore medio)( (triennio|triennale|anni precedenti|\d{4}( \d{4})?))?$/,
  processo: /^processo\b/,
  analisi: /^analisi (del risultato|degli scostamenti)/,
  obiettivoDiStruttura: /^obiettivo di struttura$/,
  risorse: /^risorse strumentali/,
  relazione: /^relazione (intermedia|finale)/,
  provvedimenti: /^provvedimenti correttivi/,
  anno: /^anno$/,
  /** A sum row under a table ("TOTALE", "Totale complessivo"), never a person. */
  totale: /^(totale|totali|tot)( complessivo| generale| partecipazione)?$/,
} as const;

/** Labels that start a block: scanning a table stops when one of them appears. */
export const BLOCK_STARTS: RegExp[] = [
  L.personale,
  L.fasi,
  L.cronoprogramma,
  L.indicatori,
  L.verificaIntermedia,
  L.verificaFinale,
  L.mediaValore,
  L.mediaTempi,
  L.grado,
  L.indici,
  L.analisi,
  L.obiettivoDiStruttura,
  L.obiettivoStrategico,
  L.missioneProgramma,
  L.descrizioneObiettivo,
  L.risorse,
  L.relazione,
  L.provvedimenti,
];

const blockStartMemo = new Map<string, boolean>();

/** True when a (normalised) label starts a block. The same labels recur on every scheda: memoised. */
export function isBlockStart(norm: string): boolean {
  let hit = blockStartMemo.get(norm);
  if (hit === undefined) {
    hit = BLOCK_STARTS.some((re) => re.test(norm));
    if (blockStartMemo.size > 50_000) blockStartMemo.clear();
    blockStartMemo.set(norm, hit);
  }
  return hit;
}

export const PREVISTO_WORD = /\b(previsto|prevista|prev|programmato)\b/;
export const EFFETTIVO_WORD = /\b(effettivo|effettiva|eff|realizzato|realizzata|consuntivo)\b/;
