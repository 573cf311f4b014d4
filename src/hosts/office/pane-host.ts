/**
 * The task pane's PaneHost inside Excel: a thin layer over the runtime's OfficeSession (shared
 * with the ribbon commands) plus the Office events the pane follows: edits (live checking),
 * theme, and requests from the ribbon.
 */
import type { PaneHost, PaneRequest, WorkbookChange } from "../../app/pane-host";
import { sessionPaneHost } from "../../app/session-host";
import { officeSession, type ExcelRunner, type OfficeSession } from "./session";

export interface OfficePaneHostDeps {
  session?: OfficeSession;
  /** Excel.run, for registering the change events. */
  run?: ExcelRunner;
  /** Excel.run(context, cb): a handler is removed in the context it was added in. */
  runIn?: <T>(context: OfficeExtension.ClientRequestContext, cb: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** The Office global (theme). */
  office?: unknown;
}

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

type Handler = (ev: unknown) => void;

interface OfficeLike {
  EventType?: { OfficeThemeChanged?: string };
  context?: {
    officeTheme?: OfficeThemeLike;
    document?: {
      addHandlerAsync?(type: string, handler: Handler, cb?: (r: unknown) => void): void;
      removeHandlerAsync?(type: string, o: { handler: Handler }, cb?: (r: unknown) => void): void;
    };
  };
}

/** Luminance of "#RRGGBB" (0 dark … 1 light). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((x) => parseInt(x, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function createOfficePaneHost(deps: OfficePaneHostDeps = {}): PaneHost {
  const session = deps.session ?? officeSession();
  const office = (deps.office ?? (globalThis as { Office?: unknown }).Office) as OfficeLike | undefined;
  const run: ExcelRunner | undefined =
    deps.run ?? ((globalThis as { Excel?: { run: ExcelRunner } }).Excel ? (cb) => Excel.run(cb) : undefined);
  const runIn = deps.runIn ?? ((context, cb) => Excel.run(context, cb));

  return {
    ...sessionPaneHost(session),
    onRequest(cb: (r: PaneRequest) => void) {
      return session.state.onRequest(cb);
    },
    onWorkbookChanged(cb: (change: WorkbookChange) => void) {
      if (!run) return () => undefined;
      let removed = false;
      let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
      // WorksheetCollection.onChanged is ExcelApi 1.9 (the core set). Excel on the web may not
      // deliver every event: the pane's Verifica button always works by hand.
      run(async (ctx) => {
        handler = ctx.workbook.worksheets.onChanged.add(async (ev) => {
          if (!removed && ev.source === "Local") cb("edit");
        });
        await ctx.sync();
      }).catch(() => undefined);
      return () => {
        removed = true;
        const h = handler as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
        if (h)
          // The handler belongs to the context it was added in: remove it there, inside a request
          // context (that Excel.run has finished; syncing it bare would fail and keep the handler).
          runIn(h.context, async (ctx) => {
            h.remove();
            await ctx.sync();
          }).catch(() => undefined);
      };
    },
    onThemeChanged(cb: () => void) {
      // Office.EventType.OfficeThemeChanged where the host raises it (not every Excel does: then
      // the theme is the one read when the pane opened).
      const type = office?.EventType?.OfficeThemeChanged;
      const doc = office?.context?.document;
      if (!type || !doc?.addHandlerAsync) return () => undefined;
      const handler: Handler = () => cb();
      try {
        doc.addHandlerAsync(type, handler);
      } catch {
        return () => undefined;
      }
      return () => {
        try {
          doc.removeHandlerAsync?.(type, { handler });
        } catch {
          // The pane is closing: nothing left to follow.
        }
      };
    },
    theme() {
      const bg = office?.context?.officeTheme?.bodyBackgroundColor;
      if (!bg) return null;
      return luminance(bg) < 0.5 ? "dark" : "light";
    },
  };
}
