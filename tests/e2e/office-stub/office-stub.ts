/**
 * Stands in for office.js in the Office-mode e2e test: a global `Office` and `Excel` built on the
 * strict fake (tests/fakes/excel-fake.ts), holding the workbook served at /__e2e__/workbook.xlsx.
 * Bundled as a classic script by office-stub-build.ts and served in place of the CDN's office.js.
 * `window.__peg` lets the test run ribbon functions and read the fake workbook's cells.
 */
import { loadWorkbookGrid } from "../../../src/hosts/xlsx/load";
import { parseA1 } from "../../../src/sheets/grid";
import { createFakeExcel, FakeDocumentSettings, fakeWorkbookFromGrid, type FakeExcel } from "../../fakes/excel-fake";

interface StubOptions {
  dark?: boolean;
  selection?: string;
}

const opts: StubOptions = (window as unknown as { __PEG_STUB__?: StubOptions }).__PEG_STUB__ ?? {};
const commands = new Map<string, (event: { completed(): void }) => unknown>();
const settings = new FakeDocumentSettings();

const ready: Promise<FakeExcel> = (async () => {
  const res = await fetch("/__e2e__/workbook.xlsx");
  const { grid } = await loadWorkbookGrid(new Uint8Array(await res.arrayBuffer()), { fileName: "esempio-peg-2023.xlsx" });
  const fx = createFakeExcel(fakeWorkbookFromGrid(grid, { selection: opts.selection ?? "" }));
  (window as unknown as { Excel: unknown }).Excel = { run: fx.run };
  return fx;
})();

const Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  context: {
    requirements: {
      isSetSupported: (set: string, version?: string) => ["ExcelApi", "SharedRuntime", "AddinCommands"].includes(set) && !!version,
    },
    document: { url: "https://contoso.sharepoint.com/Documenti/esempio-peg-2023.xlsx", settings },
    officeTheme: { bodyBackgroundColor: opts.dark ? "#262626" : "#FFFFFF" },
    displayLanguage: "it-IT",
  },
  actions: {
    associate(name: string, fn: (event: { completed(): void }) => unknown) {
      commands.set(name, fn);
    },
  },
  addin: { showAsTaskpane: async () => undefined },
  async onReady(cb?: (info: { host: string; platform: string }) => void) {
    await ready;
    const info = { host: "Excel", platform: "OfficeOnline" };
    cb?.(info);
    return info;
  },
};

(window as unknown as { Office: unknown }).Office = Office;

(window as unknown as { __peg: unknown }).__peg = {
  ready: () => ready.then(() => true),
  commands: () => [...commands.keys()],
  /** Run a ribbon function as Office would, resolving when it calls event.completed(). */
  run: (name: string) =>
    new Promise<void>((resolve, reject) => {
      const fn = commands.get(name);
      if (!fn) return reject(new Error(`comando non registrato: ${name}`));
      void fn({ completed: () => resolve() });
    }),
  cell: async (foglio: string, cella: string) => {
    const fx = await ready;
    const s = fx.state.sheet(foglio);
    const { r, c } = parseA1(cella);
    const cell = s?.cells.get(`${r},${c}`);
    return cell ? { value: cell.value, fill: cell.fill } : null;
  },
  /** The user types a value in a cell (as Excel would store typed text). */
  type: async (foglio: string, cella: string, value: string) => {
    const fx = await ready;
    const s = fx.state.sheet(foglio);
    const { r, c } = parseA1(cella);
    const key = `${r},${c}`;
    const cell = s?.cells.get(key);
    if (!s || !cell) throw new Error(`cella assente: ${foglio}!${cella}`);
    s.cells.set(key, { ...cell, value });
  },
  setSelection: async (address: string) => {
    (await ready).state.selection = address;
  },
  syncs: async () => (await ready).state.syncCount,
  selection: async () => (await ready).state.selection,
  /** Document settings as saved with the workbook. */
  savedSettings: () => Object.fromEntries(settings.saved),
};
