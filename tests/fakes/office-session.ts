/**
 * An OfficeSession wired to the strict fake: what the command tests, the pane tests and the bench
 * use to run the real commands and engine against an in-memory workbook, counting syncs.
 * No Node APIs (the browser stub can use it too).
 */
import { ALL_CAPABILITIES, type Capabilities } from "../../src/hosts/office/capabilities";
import { memoryStore, type DocumentStore } from "../../src/hosts/office/document-store";
import { OfficeSession, type ExcelRunner } from "../../src/hosts/office/session";
import { SharedState } from "../../src/hosts/office/shared-state";
import type { WorkbookGrid } from "../../src/sheets/grid";
import { createFakeExcel, fakeWorkbookFromGrid, type FakeExcel, type FakeOptions } from "./excel-fake";

export interface FakeOfficeSession {
  fx: FakeExcel;
  session: OfficeSession;
  store: DocumentStore & { saved: Map<string, unknown> };
  state: SharedState;
}

export function fakeOfficeSession(
  grid: WorkbookGrid,
  opts: FakeOptions & { protectedSheets?: string[]; capabilities?: Capabilities; today?: Date; name?: string } = {},
): FakeOfficeSession {
  const fx = createFakeExcel(fakeWorkbookFromGrid(grid, opts));
  const store = memoryStore();
  const state = new SharedState();
  const session = new OfficeSession({
    run: fx.run as unknown as ExcelRunner,
    capabilities: opts.capabilities ?? ALL_CAPABILITIES,
    store,
    state,
    workbookName: () => opts.name ?? "esempio-peg-2023.xlsx",
    engine: () => import("../../src/hosts/office/engine"),
    today: () => opts.today ?? new Date("2024-01-15T12:00:00Z"),
  });
  return { fx, session, store, state };
}
