/**
 * Where each piece of a recognised scheda sits. The blocks fill it; verifica reads the values at
 * these positions, and the write plans write back into exactly these cells.
 */
import type { Pos, SheetView } from "../sheet-view";
import type { Located } from "./common";
import type { ContestoPos } from "./contesto";

export interface PersonaRef {
  row: number;
  nome: Pos;
  categoria: Pos | null;
  prevista: Pos | null;
  realizzata: Pos | null;
  /** Part-time / FTE cell of the person, where the table has such a column. */
  tempoLavoro: Pos | null;
}

/** A cronoprogramma given as dates (management software exports): the cells of one fase. */
export interface CronoDates {
  inizioPrevisto: Pos | null;
  finePrevista: Pos | null;
  inizioEffettivo: Pos | null;
  fineEffettiva: Pos | null;
}

export interface CronoRow {
  n: number;
  /** Where the fase's row label sits (for diagnostics). */
  label: Pos;
  previstoRow: number | null;
  effettivoRow: number | null;
  /** The fase's description when the Gantt carries it on its own rows ("Descrizione attività"). */
  descrizione: Pos | null;
  peso: Pos | null;
  stato: Pos | null;
  avanzamento: Pos | null;
  dates: CronoDates | null;
}

export interface Cronoprogramma {
  label: Pos;
  /** Month by month (the usual Gantt) or start/end dates per fase. */
  kind: "mesi" | "date";
  /** Column of each month, index 0 = gennaio (a quarter's column stands for its three months). */
  monthCols: number[];
  /** The month header row (for "mesi"). */
  headerRow: number;
  rows: CronoRow[];
  /** No effettivo row (or column) anywhere: a plan, timeliness cannot be measured (spec §4.2). */
  planOnly: boolean;
  /** A fill that covers the whole table is a background, not a mark. */
  backgroundFill: string | null;
}

export interface IndicatoreRef {
  row: number;
  nome: Pos;
  atteso: Pos;
  /** null when the table has a target column and no realizzato column (a plan). */
  realizzato: Pos | null;
  esito: Pos | null;
  note: Pos | null;
  peso: Pos | null;
  /** Which indicator table of the sheet it belongs to (0-based, in reading order). */
  tabella: number;
  /** The dimension row above it in a "processo" scheda (efficacia, efficienza, qualità…). */
  dimensione: string | null;
}

export interface IndiceRef {
  row: number;
  nome: Pos;
  anni: Pos[];
  media: Pos | null;
}

export interface Problem {
  at: Pos;
  blocco: string;
  cosa: string;
}

export interface VerificaRefs {
  intermedia: { valore: Pos | null; tempi: Pos | null };
  finale: { valore: Pos | null; tempi: Pos | null };
}

export interface RecognisedScheda {
  tipo: "obiettivo" | "ente";
  view: SheetView;
  numero: Pos | null;
  /** A number carried inside a label ("Obiettivo n. 3"), when no cell of its own holds it. */
  numeroInline: string | null;
  titolo: Pos | null;
  pesatura: Pos | null;
  responsabile: Pos | null;
  settore: Pos | null;
  contesto: {
    obiettivoStrategico: ContestoPos | null;
    missioneProgramma: ContestoPos | null;
    lineaMandato: ContestoPos | null;
  };
  personaleLabel: Pos | null;
  previstaHeader: Pos | null;
  realizzataHeader: Pos | null;
  personale: PersonaRef[];
  fasi: Map<number, Pos>;
  fasiLabel: Pos | null;
  crono: Cronoprogramma | null;
  indicatoriLabel: Pos | null;
  /** Every indicator table's label, in reading order. */
  indicatoriLabels: Pos[];
  indicatori: IndicatoreRef[];
  verifica: VerificaRefs;
  grado: Pos | null;
  indici: IndiceRef[];
  problems: Problem[];
  /** The blocks found and the evidence for each (what made this sheet a scheda). */
  blocks: Array<Located<unknown>>;
}

export function emptyScheda(view: SheetView, tipo: "obiettivo" | "ente"): RecognisedScheda {
  return {
    tipo,
    view,
    numero: null,
    numeroInline: null,
    titolo: null,
    pesatura: null,
    responsabile: null,
    settore: null,
    contesto: { obiettivoStrategico: null, missioneProgramma: null, lineaMandato: null },
    personaleLabel: null,
    previstaHeader: null,
    realizzataHeader: null,
    personale: [],
    fasi: new Map(),
    fasiLabel: null,
    crono: null,
    indicatoriLabel: null,
    indicatoriLabels: [],
    indicatori: [],
    verifica: { intermedia: { valore: null, tempi: null }, finale: { valore: null, tempi: null } },
    grado: null,
    indici: [],
    problems: [],
    blocks: [],
  };
}
