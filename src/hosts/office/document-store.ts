/**
 * Values saved inside the workbook (Office.context.document.settings), behind a small interface so
 * that tests and the browser stub can fake it. Used for the pane's settings and for the list of
 * highlights the add-in applied, so that "Pulisci evidenziazioni" works after the pane was closed
 * or the file reopened.
 */
import type { DocumentStore } from "../../app/backend";
import { PegError } from "../../domain/errors";
import { officeHost } from "../../strings/it";

export { STORE_KEYS, type DocumentStore } from "../../app/backend";

interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (r: { status: unknown; error?: { message?: string } }) => void): void;
}

/** The store over Office.context.document.settings (or any object shaped like it). */
export function officeDocumentStore(settings?: SettingsLike): DocumentStore {
  const s = (): SettingsLike => {
    const live =
      settings ?? (globalThis as { Office?: { context?: { document?: { settings?: SettingsLike } } } }).Office?.context?.document?.settings;
    if (!live) throw new PegError(officeHost.impostazioniNonSalvate);
    return live;
  };
  return {
    get: (key) => s().get(key) ?? null,
    set: (key, value) => s().set(key, value),
    remove: (key) => s().remove(key),
    save: () =>
      new Promise<void>((resolve, reject) =>
        s().saveAsync((r) =>
          String(r.status).toLowerCase() === "succeeded" ? resolve() : reject(new PegError(officeHost.impostazioniNonSalvate)),
        ),
      ),
  };
}

/** In-memory store (tests, and the browser preview has no document to save into). */
export function memoryStore(): DocumentStore & { saved: Map<string, unknown> } {
  const live = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  return {
    saved,
    get: (k) => (live.has(k) ? structuredClone(live.get(k)) : null),
    set: (k, v) => void live.set(k, structuredClone(v)),
    remove: (k) => void live.delete(k),
    save: async () => {
      saved.clear();
      for (const [k, v] of live) saved.set(k, v);
    },
  };
}
