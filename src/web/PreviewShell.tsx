/**
 * The browser preview page: a file opener, the selected sheet as a read-only grid, and the very
 * same task pane (App) beside it, talking to the web PaneHost.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Dismiss16Regular, FolderOpen20Regular, Sparkle20Regular } from "@fluentui/react-icons";
import { useMemo, useRef, useSyncExternalStore } from "react";
import { rangeA1 } from "../sheets/grid";
import { preview } from "../strings/it";
import { App } from "../ui/App";
import { useThemeMode } from "../ui/theme";
import { MAX_GRID_COLS, SheetGridView } from "./SheetGridView";
import type { WebPaneHost } from "../hosts/browser/web-pane-host";
import { marksFor } from "./marks";

const useStyles = makeStyles({
  provider: { height: "100%" },
  page: {
    display: "flex",
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    "@media (max-width: 760px)": { flexDirection: "column", height: "auto", minHeight: "100%" },
  },
  work: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    "@media (max-width: 760px)": { height: "70vh", flexGrow: 0 },
  },
  top: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  titles: { flexGrow: 1, minWidth: "200px" },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
  tabs: { overflowX: "auto", flexShrink: 0 },
  empty: {
    flexGrow: 1,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    textAlign: "center",
    color: tokens.colorNeutralForeground3,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
  },
  status: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    alignItems: "center",
    color: tokens.colorNeutralForeground3,
    minHeight: "20px",
  },
  pane: {
    width: "400px",
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 760px)": { width: "100%", borderLeft: "none", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  },
});

export function PreviewShell({ host, sampleUrl }: { host: WebPaneHost; sampleUrl: string }) {
  const s = useStyles();
  const [mode, toggle] = useThemeMode(host);
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const input = useRef<HTMLInputElement>(null);
  const file = state.files[state.current] ?? null;
  const sheet = file?.grid.sheets.find((x) => x.name === state.sheet) ?? null;
  const marks = useMemo(() => marksFor(state.report, state.sheet), [state.report, state.sheet]);
  const focus = state.focus && state.focus.foglio === state.sheet ? state.focus : null;
  const selection = state.selection && state.selection.foglio === state.sheet ? state.selection.range : null;
  const tooWide = useMemo(() => {
    if (!sheet) return false;
    for (const [, c] of sheet.cells()) if (c >= MAX_GRID_COLS) return true;
    return false;
  }, [sheet]);

  return (
    <FluentProvider theme={mode === "dark" ? webDarkTheme : webLightTheme} className={s.provider} applyStylesToPortals={false}>
      <div className={s.page}>
        <section className={s.work} aria-label={preview.title}>
          <div className={s.top}>
            <div className={s.titles}>
              <h1 className={s.h1}>{preview.title}</h1>
              <Text size={200} className={s.sub}>
                {preview.subtitle}
              </Text>
            </div>
            <Button icon={<FolderOpen20Regular />} onClick={() => input.current?.click()} disabled={state.loading !== null}>
              {preview.apri}
            </Button>
            <input
              ref={input}
              type="file"
              multiple
              accept=".xlsx,.ods,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,application/vnd.ms-excel"
              className={s.hidden}
              aria-label={preview.apriLabel}
              data-testid="open-files"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                void host.open(files);
              }}
            />
            <Button
              appearance="primary"
              icon={<Sparkle20Regular />}
              disabled={state.loading !== null}
              onClick={() => void host.openUrl(sampleUrl, preview.esempioNome)}
              data-testid="sample"
            >
              {preview.esempio}
            </Button>
          </div>
          {state.errors.map((e, i) => (
            <MessageBar key={i} intent="error" data-testid="open-error">
              <MessageBarBody>{e}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    icon={<Dismiss16Regular />}
                    aria-label={preview.chiudiMessaggio}
                    onClick={() => host.dismissErrors()}
                  />
                }
              />
            </MessageBar>
          ))}
          {state.files.length > 1 && (
            <TabList
              className={s.tabs}
              size="small"
              selectedValue={state.current}
              onTabSelect={(_, d) => host.selectFile(d.value as number)}
              aria-label={preview.filesLabel}
            >
              {state.files.map((f, i) => (
                <Tab key={f.id} value={i}>
                  {f.name}
                </Tab>
              ))}
            </TabList>
          )}
          {file && (
            <TabList
              className={s.tabs}
              size="small"
              appearance="subtle"
              selectedValue={state.sheet ?? undefined}
              onTabSelect={(_, d) => host.selectSheet(d.value as string)}
              aria-label={preview.sheetsLabel}
              data-testid="sheet-tabs"
            >
              {file.grid.sheets.map((sh) => (
                <Tab key={sh.name} value={sh.name}>
                  {sh.visibility === "visible" ? sh.name : preview.nascosto(sh.name)}
                </Tab>
              ))}
            </TabList>
          )}
          {sheet ? (
            <>
              <SheetGridView sheet={sheet} marks={marks} focus={focus} selection={selection} onSelect={(r) => host.setSelection(r)} />
              <div className={s.status} aria-live="polite">
                <Text size={200} data-testid="selection">
                  {selection ? preview.selezione(rangeA1(selection)) : preview.nessunaSelezione}
                </Text>
                {tooWide && <Text size={200}>{preview.colonneTroncate(MAX_GRID_COLS)}</Text>}
              </div>
            </>
          ) : (
            <div className={s.empty}>
              {state.loading ? <Spinner size="small" label={preview.caricamento(state.loading)} /> : <Text>{preview.nessunFile}</Text>}
            </div>
          )}
        </section>
        <aside className={s.pane} aria-label={preview.paneLabel}>
          <App host={host} theme={{ mode, toggle }} />
        </aside>
      </div>
    </FluentProvider>
  );
}
