/**
 * Requirement sets, tested at run time. The manifest asks for ExcelApi 1.9, the lowest set that
 * gives the core in a constant number of syncs (getCellProperties reads every fill of a sheet in
 * one call). Anything above is feature-tested here and degrades with an Italian message; the table
 * of which API needs which set is in docs/OFFICE-HOST.md.
 */
export interface Capabilities {
  supports(set: string, version: string): boolean;
}

export const REQUIREMENTS = {
  /** getCellProperties, suspendScreenUpdatingUntilNextSync, autoFilter, pageLayout. */
  core: { set: "ExcelApi", version: "1.9" },
  /** Range.getMergedAreasOrNullObject: merged label cells. */
  merges: { set: "ExcelApi", version: "1.13" },
  /** Office.actions.associate and Office.addin.showAsTaskpane: ribbon and pane share state. */
  sharedRuntime: { set: "SharedRuntime", version: "1.1" },
} as const;

interface OfficeLike {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** Capabilities of the Office host this code runs in; nothing is supported outside Office. */
export function officeCapabilities(office: unknown = (globalThis as { Office?: unknown }).Office): Capabilities {
  const req = (office as OfficeLike | undefined)?.context?.requirements;
  return {
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
