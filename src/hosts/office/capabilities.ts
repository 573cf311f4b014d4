/**
 * Requirement sets, tested at run time. The manifest asks for ExcelApi 1.9, the lowest set that
 * gives the core in a constant number of syncs (getCellProperties reads every fill of a sheet in
 * one call). Anything above is feature-tested here and degrades with an Italian message; the table
 * of which API needs which set is in docs/OFFICE-HOST.md.
 */
export interface Capabilities {
  supports(set: string, version: string): boolean;
  /**
   * Excel on the web: requests and responses are limited to 5 MB, so the read plans its syncs
   * by bytes and reads fills only where marks matter (docs/OFFICE-HOST.md).
   */
  readonly web?: boolean;
}

export const REQUIREMENTS = {
  /** getCellProperties, suspendScreenUpdatingUntilNextSync, autoFilter, pageLayout. */
  core: { set: "ExcelApi", version: "1.9" },
  /** Range.getMergedAreasOrNullObject: merged label cells. */
  merges: { set: "ExcelApi", version: "1.13" },
  /** Workbook.getSelectedRanges: a selection of several areas (Ctrl+click). */
  selectedRanges: { set: "ExcelApi", version: "1.9" },
  /** Office.actions.associate and Office.addin.showAsTaskpane: ribbon and pane share state. */
  sharedRuntime: { set: "SharedRuntime", version: "1.1" },
} as const;

interface OfficeLike {
  context?: {
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    platform?: string;
    diagnostics?: { platform?: string };
  };
}

/** Capabilities of the Office host this code runs in; nothing is supported outside Office. */
export function officeCapabilities(office: unknown = (globalThis as { Office?: unknown }).Office): Capabilities {
  const ctx = (office as OfficeLike | undefined)?.context;
  const req = ctx?.requirements;
  // Office.PlatformType.OfficeOnline: Excel in a browser.
  const web = (ctx?.platform ?? ctx?.diagnostics?.platform) === "OfficeOnline";
  return {
    web,
    supports: (set, version) => {
      try {
        return req ? req.isSetSupported(set, version) : false;
      } catch {
        return false;
      }
    },
  };
}

/** Everything supported: for hosts that are known to be current (tests can narrow it). */
export const ALL_CAPABILITIES: Capabilities = { supports: () => true };
