/**
 * The PaneHost methods every host gets from its Session; a host adds only its events (edits,
 * theme, ribbon requests) and, in the browser, the download of the copy.
 */
import type { PaneHost } from "./pane-host";
import type { Session } from "./session";

export type SessionPaneHost = Pick<
  PaneHost,
  | "kind"
  | "workbookName"
  | "verifica"
  | "prepare"
  | "apply"
  | "canUndo"
  | "undo"
  | "goTo"
  | "consolidate"
  | "writeConsolidation"
  | "confronta"
  | "loadSettings"
  | "saveSettings"
  | "layout"
  | "insegna"
  | "salvaProfilo"
  | "importaProfilo"
>;

export function sessionPaneHost(session: Session): SessionPaneHost {
  return {
    kind: session.kind,
    workbookName: () => session.workbookName(),
    verifica: async (settings) => (await session.verifica(settings)).report,
    prepare: (op, settings) => session.prepare(op, settings),
    async apply(p, opts) {
      const r = await session.apply(p, opts);
      return { celle: r.celle, nuoviFogli: r.nuoviFogli };
    },
    canUndo: () => session.canUndo(),
    undo: () => session.undo(),
    goTo: (foglio, cella) => session.goTo(foglio, cella),
    consolidate: (fonte, settings, onFile) => session.consolidate(fonte, settings, onFile),
    writeConsolidation: (a) => session.writeConsolidation(a),
    confronta: (a, f) => session.confronta(a, f),
    loadSettings: () => session.loadSettings(),
    saveSettings: (s) => session.saveSettings(s),
    layout: (settings) => session.layout(settings),
    insegna: (ruolo, settings) => session.insegna(ruolo, settings),
    salvaProfilo: (p, settings) => session.salvaProfilo(p, settings),
    importaProfilo: (testo, nome, settings) => session.importaProfilo(testo, nome, settings),
  };
}
