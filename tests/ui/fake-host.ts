/** A PaneHost for the pane's unit tests: canned report and plans, and a log of every call. */
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import type { Report } from "../../src/domain/model";
import type { Conflitto, Operazione, PaneHost, PaneRequest, Preparazione, WorkbookChange } from "../../src/app/pane-host";

export function sampleReport(over: Partial<Report> = {}): Report {
  return {
    file: "settore.xlsx",
    esercizio: 2023,
    al: "2023-12-31",
    schede: [
      {
        foglio: "Ob 1",
        tipo: "obiettivo",
        numero: "1.06.01",
        titolo: "Trasparenza",
        pesatura: null,
        personale: [],
        fasi: [
          { n: 1, descrizione: "Analisi", previsto: [1, 2], effettivo: [1, 2], stato: "nei tempi" },
          { n: 2, descrizione: "Stesura", previsto: [3], effettivo: [5], stato: "in ritardo" },
          { n: 3, descrizione: null, previsto: [], effettivo: [], stato: null },
        ],
        indicatori: [
          {
            cella: "A60",
            indicatore: "Rispetto termini",
            tipo: "data",
            direzione: "decrescente",
            atteso: "2023-06-30",
            realizzato: "2023-06-30",
            raggiungimento: 100,
            esito: "OK",
            esitoScritto: null,
          },
          {
            cella: "A61",
            indicatore: "Pratiche",
            tipo: "numero",
            direzione: "crescente",
            atteso: 10,
            realizzato: 4,
            raggiungimento: 40,
            esito: "NON RAGGIUNTO",
            esitoScritto: "OK",
          },
        ],
        mediaValoreRaggiunto: 70,
        mediaRispettoTempi: 50,
      },
      {
        foglio: "Ob 2",
        tipo: "obiettivo",
        numero: "1.06.02",
        titolo: null,
        pesatura: 1,
        personale: [],
        fasi: [],
        indicatori: [],
        mediaValoreRaggiunto: null,
        mediaRispettoTempi: null,
      },
    ],
    segnalazioni: [
      { codice: "PESATURA_MANCANTE", gravita: "avviso", foglio: "Ob 1", cella: "L4", messaggio: "La pesatura è vuota." },
      { codice: "ESITO_NON_VALIDO", gravita: "errore", foglio: "Ob 1", cella: "I61", messaggio: "L'esito non è valido." },
      { codice: "DATA_SENZA_ANNO", gravita: "info", foglio: "Ob 1", cella: "D60", messaggio: "Data senza anno." },
      { codice: "SCHEDA_NON_RICONOSCIUTA", gravita: "info", foglio: "Note", cella: "A1", messaggio: "<img src=x onerror=alert(1)>" },
    ],
    ...over,
  };
}

export interface Call {
  name: string;
  args: unknown[];
}

export interface FakeHost extends PaneHost {
  calls: Call[];
  report: Report;
  settings: Settings;
  conflitti: Conflitto[];
  /** Make the next call of this method fail with this error. */
  failNext: Map<string, unknown>;
  emitChange(c: WorkbookChange): void;
  emitRequest(r: PaneRequest): void;
  undoable: boolean;
  /** What the next undo reports as left alone (changed after the write). */
  nonRipristinate: string[];
}

export function fakeHost(over: Partial<FakeHost> = {}): FakeHost {
  const changeCbs = new Set<(c: WorkbookChange) => void>();
  const requestCbs = new Set<(r: PaneRequest) => void>();
  const h: FakeHost = {
    kind: "office",
    calls: [],
    report: sampleReport(),
    settings: DEFAULT_SETTINGS,
    conflitti: [],
    failNext: new Map(),
    undoable: false,
    nonRipristinate: [],
    workbookName: () => "settore.xlsx",
    async verifica(settings) {
      log("verifica", settings);
      return h.report;
    },
    async prepare(op: Operazione, settings) {
      log("prepare", op, settings);
      const p: Preparazione = { operazione: op, celle: 3, conflitti: h.conflitti, nuoviFogli: [], dati: null };
      return p;
    },
    async apply(p, opts) {
      log("apply", p.operazione, opts);
      h.undoable = true;
      return { celle: opts.sovrascrivi ? p.celle : p.celle - p.conflitti.length, nuoviFogli: [] };
    },
    canUndo: () => h.undoable,
    async undo() {
      log("undo");
      h.undoable = false;
      return { celle: 3, nonRipristinate: h.nonRipristinate };
    },
    async goTo(foglio, cella) {
      log("goTo", foglio, cella);
    },
    async consolidate(fonte, settings, onFile) {
      log("consolidate", fonte);
      onFile?.({ file: "a.xlsx", stato: "letto", schede: 2 });
      return {
        files: [
          { file: "a.xlsx", stato: "letto", schede: 2 },
          { file: "b.xlsx", stato: "errore", motivo: "Il file non è una cartella di lavoro." },
        ],
        fogli: [
          {
            name: "Riepilogo",
            cells: [
              { r: 0, c: 0, v: "File" },
              { r: 1, c: 0, v: "a.xlsx" },
              { r: 1, c: 1, v: 0.5, style: { fmt: "0%" } },
            ],
          },
        ],
        dati: null,
      };
    },
    async writeConsolidation(a) {
      log("writeConsolidation", a.fogli.length);
      return { celle: 0, nuoviFogli: ["Riepilogo (2)"] };
    },
    async loadSettings() {
      log("loadSettings");
      return h.settings;
    },
    async saveSettings(s) {
      log("saveSettings", s);
      h.settings = s;
    },
    onWorkbookChanged(cb) {
      changeCbs.add(cb);
      return () => changeCbs.delete(cb);
    },
    onRequest(cb) {
      requestCbs.add(cb);
      return () => requestCbs.delete(cb);
    },
    emitChange: (c) => changeCbs.forEach((cb) => cb(c)),
    emitRequest: (r) => requestCbs.forEach((cb) => cb(r)),
    ...over,
  };
  function log(name: string, ...args: unknown[]) {
    h.calls.push({ name, args });
    const err = h.failNext.get(name);
    if (err !== undefined) {
      h.failNext.delete(name);
      throw err;
    }
  }
  return h;
}

export const called = (h: FakeHost, name: string) => h.calls.filter((c) => c.name === name);
