/**
 * `Office` and `Excel` globals built on the strict fake, for running the real task pane and ribbon
 * functions outside Excel (the browser end-to-end tests route office.js to a bundle of this) and
 * in unit tests. No Node APIs.
 *
 *   const stub = installOfficeStub(window, fakeWorkbookFromGrid(grid));
 *   // load the pane; then: await stub.invoke("pegCalcolaEsiti"); stub.state.at("Ob 1", "D60")
 *
 * Not modelled: dialogs, events other than worksheets.onChanged, Office.context.ui.
 */
import { createFakeExcel, FakeDocumentSettings, type FakeExcel, type FakeWorkbookState } from "./excel-fake";

export interface OfficeStub {
  Office: Record<string, unknown>;
  Excel: Record<string, unknown>;
  fake: FakeExcel;
  state: FakeWorkbookState;
  settings: FakeDocumentSettings;
  /** Functions registered with Office.actions.associate, by name. */
  associated: Map<string, (event: { completed(): void }) => unknown>;
  /** Times Office.addin.showAsTaskpane() was called. */
  shown: number;
  /** Run a ribbon function as Office would, resolving when it calls event.completed(). */
  invoke(name: string): Promise<void>;
  /** The user switches the Office theme: officeTheme changes and OfficeThemeChanged fires. */
  setTheme(bodyBackgroundColor: string): void;
  /** Handlers added with document.addHandlerAsync, by event type. */
  handlers: Map<string, Set<(ev: unknown) => void>>;
}

export interface StubOptions {
  /** Document URL (the workbook's name is taken from it). */
  url?: string;
  /** Office theme background, e.g. "#1F1F1F" for dark. */
  themeBackground?: string;
  platform?: string;
}

export function createOfficeStub(state: FakeWorkbookState, opts: StubOptions = {}): OfficeStub {
  const fake = createFakeExcel(state);
  const settings = new FakeDocumentSettings();
  const associated = new Map<string, (event: { completed(): void }) => unknown>();
  const info = { host: "Excel", platform: opts.platform ?? "OfficeOnline" };
  const theme = { bodyBackgroundColor: opts.themeBackground ?? "#FFFFFF" };
  const handlers = new Map<string, Set<(ev: unknown) => void>>();
  const stub: OfficeStub = {
    fake,
    state,
    settings,
    associated,
    shown: 0,
    handlers,
    setTheme(bg: string) {
      theme.bodyBackgroundColor = bg;
      for (const h of handlers.get("officeThemeChanged") ?? []) h({ type: "officeThemeChanged", officeTheme: { ...theme } });
    },
    Office: {
      EventType: { OfficeThemeChanged: "officeThemeChanged", DocumentSelectionChanged: "documentSelectionChanged" },
      HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady(cb?: (i: typeof info) => void) {
        return new Promise((resolve) => {
          setTimeout(() => {
            cb?.(info);
            resolve(info);
          }, 0);
        });
      },
      context: {
        requirements: { isSetSupported: (name: string, v = "1.1") => state.supports(name, v) },
        document: {
          url: opts.url ?? "https://contoso.sharepoint.com/Documenti/esempio-peg-2023.xlsx",
          settings: {
            get: (k: string) => settings.get(k),
            set: (k: string, v: unknown) => settings.set(k, v),
            remove: (k: string) => settings.remove(k),
            saveAsync: (cb?: (r: { status: string }) => void) => settings.saveAsync(cb),
          },
          addHandlerAsync: (type: string, handler: (ev: unknown) => void, cb?: (r: { status: string }) => void) => {
            if (!handlers.has(type)) handlers.set(type, new Set());
            handlers.get(type)!.add(handler);
            setTimeout(() => cb?.({ status: "succeeded" }), 0);
          },
          removeHandlerAsync: (type: string, o?: { handler?: (ev: unknown) => void }, cb?: (r: { status: string }) => void) => {
            if (o?.handler) handlers.get(type)?.delete(o.handler);
            else handlers.delete(type);
            setTimeout(() => cb?.({ status: "succeeded" }), 0);
          },
        },
        officeTheme: theme,
        diagnostics: { host: "Excel", platform: info.platform, version: "16.0" },
      },
      actions: {
        associate: (name: string, fn: (event: { completed(): void }) => unknown) => void associated.set(name, fn),
      },
      addin: {
        showAsTaskpane: async () => void stub.shown++,
        hide: async () => undefined,
      },
    },
    Excel: {
      // Excel.run(cb), or Excel.run(context, cb) to reuse an earlier context (event handlers).
      run: (a: unknown, b?: unknown) => (b === undefined ? fake.run(a as never) : fake.run(a as never, b as never)),
    },
    invoke(name: string) {
      const fn = associated.get(name);
      if (!fn) return Promise.reject(new Error(`office stub: no function «${name}» was associated`));
      return new Promise<void>((resolve, reject) => {
        Promise.resolve(fn({ completed: () => resolve() })).catch(reject);
      });
    },
  };
  return stub;
}

/** Put the stub's `Office` and `Excel` on `target` (window or globalThis). */
export function installOfficeStub(target: object, state: FakeWorkbookState, opts: StubOptions = {}): OfficeStub {
  const stub = createOfficeStub(state, opts);
  Object.assign(target, { Office: stub.Office, Excel: stub.Excel });
  return stub;
}
