/**
 * The Relazione sulla performance as a neutral outline: headings, paragraphs, tables, quotes and
 * charts, in reading order. Built from a consolidation (pure, src/domain/relazione/build.ts) and
 * written by a host (src/hosts/docx/). Every text here is plain text: a host writes it as text,
 * never as a field, a hyperlink or a formula.
 */
import type { Classe, Consolidation } from "../consolidation/model";
import type { Esito } from "../model";

/** A value as the report shows it: numbers as numbers, dates as ISO text, SI/NO as "SI"/"NO". */
export type Valore = number | string | null;

export interface Parte {
  testo: string;
  grassetto?: boolean;
  corsivo?: boolean;
}

export interface Barra {
  /** Short label under the bar (the chart's key lists what it stands for). */
  etichetta: string;
  /** Percentage 0–100 (may exceed 100), or null when not valutabile. */
  valore: number | null;
  classe: Classe | null;
}

export type Blocco =
  | { tipo: "titolo"; testo: string }
  | { tipo: "sottotitolo"; testo: string }
  | { tipo: "indice"; titolo: string }
  | { tipo: "intestazione"; livello: 1 | 2 | 3; testo: string }
  | { tipo: "paragrafo"; parti: Parte[] }
  | { tipo: "elenco"; voci: Parte[][] }
  | {
      tipo: "tabella";
      intestazione: string[];
      righe: string[][];
      /** Columns aligned right (figures). */
      numeriche?: number[];
    }
  | { tipo: "citazione"; etichetta: string; testo: string }
  | {
      tipo: "grafico";
      /** Alternative text and caption. */
      titolo: string;
      barre: Barra[];
      /** The threshold lines drawn across the chart (classes' lower bounds). */
      soglie: number[];
    };

export interface Relazione {
  titolo: string;
  blocchi: Blocco[];
}

/** An indicator of a scheda whose esito is PARZIALE or NON RAGGIUNTO, as the report gives it. */
export interface IndicatoreCritico {
  indicatore: string;
  atteso: Valore;
  realizzato: Valore;
  raggiungimento: number | null;
  esito: Esito;
}

/**
 * What a scheda's verifica block says in words, exactly as written (null where the cell is empty),
 * for the column (intermedia or finale) the figures belong to.
 */
export interface TestiScheda {
  colonna: "intermedia" | "finale";
  relazione: string | null;
  analisi: string | null;
  cause: string | null;
  effetti: string | null;
  intrapresi: string | null;
  daAttivare: string | null;
  indicatoriCritici: IndicatoreCritico[];
}

export interface RelazioneInput {
  consolidation: Consolidation;
  /** By file, then by foglio; files or schede not listed simply have no quoted text. */
  testi?: Record<string, Record<string, TestiScheda>>;
  /** Thresholds of the classes (settings.soglie), to draw on the charts. */
  soglie?: { raggiunto: number; parziale: number };
  /** The ente's name when known (the documents' heading), else none. */
  ente?: string | null;
}
