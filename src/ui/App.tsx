/**
 * The task pane: the same component in Excel (Office host) and in the browser preview (web host).
 * It holds the pane's state and talks to the workbook only through the PaneHost.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  Tooltip,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { WeatherMoon20Regular, WeatherSunny20Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { Report, Segnalazione } from "../domain/model";
import type { Settings } from "../domain/settings";
import { pane, profiloPane, relazionePane } from "../strings/it";
import { userMessage } from "../app/errors";
import type {
  AnteprimaConsolidamento,
  FileConsolidamento,
  FonteConsolidamento,
  Operazione,
  PaneHost,
  PaneView,
  Preparazione,
  Scelta,
} from "../app/pane-host";
import { operationMessage, runOperation, undoMessage, type Messaggio } from "../app/run-operation";
import { Actions } from "./Actions";
import { ErrorBoundary } from "./ErrorBoundary";
import { formatTime } from "./format";
import { Results } from "./Results";
import { type Mode, useThemeMode } from "./theme";

// Views the user opens later load on demand (zod and the form controls stay out of the first download).
const SettingsPanel = lazy(() => import("./SettingsPanel").then((m) => ({ default: m.SettingsPanel })));
const ConsolidationView = lazy(() => import("./ConsolidationView").then((m) => ({ default: m.ConsolidationView })));
const ConfirmDialog = lazy(() => import("./ConfirmDialog").then((m) => ({ default: m.ConfirmDialog })));
const ProfiloPanel = lazy(() => import("./ProfiloPanel").then((m) => ({ default: m.ProfiloPanel })));

/** A sheet not read, or not fully: the "Insegna il layout" tab can help (issue 8). */
const daInsegnare = (r: Report) =>
  r.segnalazioni.some((x) => x.codice === "SCHEDA_NON_RICONOSCIUTA" || x.codice === "BLOCCO_NON_RICONOSCIUTO");

/** Wait this long after the last edit before checking again (typing in Excel fires many events). */
export const LIVE_DEBOUNCE_MS = 1200;

const useStyles = makeStyles({
  provider: { height: "100%", minWidth: 0 },
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  workbook: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  // Four tabs at Excel's narrowest pane (320 px) wrap instead of running past its edge.
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, flexWrap: "wrap", minWidth: 0 },
  body: {
    flexGrow: 1,
    overflowY: "auto",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minHeight: "20px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A write waiting for the user's answer in the dialog (asked by the pane or by the ribbon). */
interface Domanda {
  preparazione: Preparazione;
  rispondi: (s: Scelta) => void;
}

export interface AppProps {
  host: PaneHost;
  initialView?: PaneView;
  /** A page that hosts the pane (browser preview) may own the theme, so both follow one toggle. */
  theme?: { mode: Mode; toggle: () => void };
}

/** The pane, behind an error boundary: a render failure never leaves it blank. */
export function App(props: AppProps) {
  return (
    <ErrorBoundary>
      <Pane {...props} />
    </ErrorBoundary>
  );
}

function Pane({ host, initialView = "risultati", theme }: AppProps) {
  const s = useStyles();
  const own = useThemeMode(host);
  const [mode, toggleMode] = theme ? [theme.mode, theme.toggle] : own;
  const [view, setView] = useState<PaneView>(initialView);
  /** null until the host has loaded them: nothing runs before. */
  const [settings, setSettings] = useState<Settings | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [verifiedAt, setVerifiedAt] = useState<Date | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Messaggio | null>(null);
  const [pending, setPending] = useState<Domanda | null>(null);
  const [, bump] = useState(0);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const busyRef = useRef(false);

  const workbook = host.workbookName();

  const verifica = useCallback(
    async (quiet = false) => {
      if (host.workbookName() === null || settingsRef.current === null) return;
      busyRef.current = true;
      setBusy(pane.verifying);
      try {
        const r = await host.verifica(settingsRef.current!);
        setReport(r);
        setVerifiedAt(new Date());
        if (!quiet) setMessage(null);
      } catch (e) {
        setMessage({ intent: "error", text: userMessage(e) });
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [host],
  );

  // Load the saved settings, then check the workbook once.
  useEffect(() => {
    let alive = true;
    host.loadSettings().then(
      (loaded) => {
        if (!alive) return;
        settingsRef.current = loaded;
        setSettings(loaded);
        void verifica(true);
      },
      (e: unknown) => setMessage({ intent: "error", text: userMessage(e) }),
    );
    return () => {
      alive = false;
    };
  }, [host, verifica]);

  // Live checking: another file opened → now; an edit → debounced, unless switched off.
  useEffect(() => {
    if (!host.onWorkbookChanged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.onWorkbookChanged((change) => {
      clearTimeout(timer);
      if (change === "open") {
        setReport(null);
        bump((n) => n + 1);
        void verifica();
        return;
      }
      if (!settingsRef.current?.verificaAutomatica) return;
      timer = setTimeout(function retry() {
        if (busyRef.current) timer = setTimeout(retry, LIVE_DEBOUNCE_MS);
        else void verifica(true);
      }, LIVE_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [host, verifica]);

  // Ribbon commands (shared runtime) can open a view and ask for a check.
  useEffect(() => {
    if (!host.onRequest) return;
    return host.onRequest((r) => {
      setView(r.view);
      if (r.messaggio) setMessage(r.messaggio);
      // The ribbon's own flow waits for the answer and writes; without a way to answer, nothing to ask.
      if (r.conferma && r.rispondi) setPending({ preparazione: r.conferma, rispondi: r.rispondi });
      // Quietly when the ribbon sent a message with it: the check must not wipe what the command said.
      if (r.verifica) void verifica(r.messaggio !== undefined);
    });
  }, [host, verifica]);

  async function task(label: string, fn: () => Promise<Messaggio | null>) {
    busyRef.current = true;
    setBusy(label);
    setMessage(null);
    try {
      const m = await fn();
      if (m) setMessage(m);
    } catch (e) {
      setMessage({ intent: "error", text: userMessage(e) });
    } finally {
      busyRef.current = false;
      setBusy(null);
      bump((n) => n + 1);
    }
  }

  /** The sheet changed: show results that match it. */
  async function refresh(op: Operazione) {
    if (report || op.tipo === "esiti") {
      const fresh = await host.verifica(settingsRef.current!);
      setReport(fresh);
      setVerifiedAt(new Date());
    }
  }

  /** The dialog answers through this promise; the flow (runOperation) goes on from there. */
  const ask = (p: Preparazione) => new Promise<Scelta>((rispondi) => setPending({ preparazione: p, rispondi }));

  function operazione(op: Operazione) {
    void task(pane.busy, async () => {
      const esito = await runOperation(host, op, settingsRef.current!, ask);
      if (esito.tipo === "scritta") await refresh(op);
      return operationMessage(esito);
    });
  }

  function choose(c: Scelta) {
    const d = pending;
    setPending(null);
    d?.rispondi(c);
  }

  function undo() {
    void task(pane.busy, async () => {
      if (!host.canUndo()) return { intent: "info", text: pane.done.nienteDaAnnullare };
      const r = await host.undo();
      if (report) {
        setReport(await host.verifica(settingsRef.current!));
        setVerifiedAt(new Date());
      }
      return undoMessage(r);
    });
  }

  function goTo(seg: Segnalazione) {
    host.goTo(seg.foglio, seg.cella).catch((e: unknown) => setMessage({ intent: "error", text: userMessage(e) }));
  }

  async function confronta(a: AnteprimaConsolidamento, precedente: File): Promise<AnteprimaConsolidamento | null> {
    setMessage(null);
    try {
      return await host.confronta!(a, precedente);
    } catch (e) {
      setMessage({ intent: "error", text: userMessage(e) });
      return null;
    }
  }

  async function consolidate(fonte: FonteConsolidamento, onFile: (f: FileConsolidamento) => void): Promise<AnteprimaConsolidamento | null> {
    setMessage(null);
    try {
      return await host.consolidate(fonte, settingsRef.current!, onFile);
    } catch (e) {
      setMessage({ intent: "error", text: userMessage(e) });
      return null;
    }
  }

  async function writeConsolidation(a: AnteprimaConsolidamento) {
    await task(pane.busy, async () => {
      const r = await host.writeConsolidation(a);
      if (host.kind === "web") return { intent: "success", text: pane.consolida.scaricato };
      return { intent: "success", text: pane.consolida.scritto(r.nuoviFogli) };
    });
  }

  async function scaricaRelazione(a: AnteprimaConsolidamento) {
    await task(relazionePane.inCorso, async () => {
      // The document library loads only when a relazione is asked for.
      const { scaricaRelazione: scarica } = await import("../hosts/docx/pane");
      await scarica(a.dati, settingsRef.current!);
      return { intent: "success", text: relazionePane.scaricata };
    });
  }

  async function saveSettings(next: Settings) {
    try {
      await host.saveSettings(next);
      settingsRef.current = next;
      setSettings(next);
      setMessage({ intent: "success", text: pane.settings.salvate });
      if (report) void verifica(true);
    } catch (e) {
      setMessage({ intent: "error", text: userMessage(e) });
    }
  }

  return (
    <FluentProvider
      theme={mode === "dark" ? webDarkTheme : webLightTheme}
      className={s.provider}
      applyStylesToPortals={false}
      data-theme={mode}
    >
      <div className={s.root} data-testid="pane">
        <header className={s.header}>
          <div className={s.titles}>
            <Text as="h1" weight="semibold" size={400} style={{ margin: 0 }}>
              {pane.title}
            </Text>
            <Text size={200} className={s.workbook} data-testid="workbook-name" title={workbook ?? undefined}>
              {workbook ? pane.workbookLabel(workbook) : pane.noWorkbook}
            </Text>
          </div>
          {/* In Excel the pane follows the Office theme: a toggle of its own is not an Office convention. */}
          {host.kind !== "office" && (
            <Tooltip content={mode === "dark" ? pane.themeToLight : pane.themeToDark} relationship="label">
              <Button
                appearance="subtle"
                icon={mode === "dark" ? <WeatherSunny20Regular /> : <WeatherMoon20Regular />}
                onClick={toggleMode}
                data-testid="theme-toggle"
              />
            </Tooltip>
          )}
        </header>
        <TabList
          className={s.tabs}
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as PaneView)}
          aria-label={pane.tabsLabel}
          size="small"
        >
          <Tab value="risultati">{pane.tabs.risultati}</Tab>
          <Tab value="consolida">{pane.tabs.consolida}</Tab>
          <Tab value="impostazioni">{pane.tabs.impostazioni}</Tab>
          {host.insegna && <Tab value="layout">{profiloPane.tab}</Tab>}
        </TabList>
        <main className={s.body}>
          {message && (
            <MessageBar intent={message.intent} data-testid="message" politeness={message.intent === "error" ? "assertive" : "polite"}>
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
          {view === "risultati" && (
            <>
              <Actions
                busy={busy !== null || workbook === null || settings === null}
                canUndo={host.canUndo()}
                canDownload={host.downloadCopy ? (host.isModified?.() ?? true) : null}
                onVerifica={() => void verifica()}
                onOperazione={operazione}
                onUndo={undo}
                onDownload={() =>
                  void task(pane.busy, async () => {
                    await host.downloadCopy!();
                    return { intent: "success", text: pane.done.scaricato };
                  })
                }
              />
              <div className={s.status} aria-live="polite">
                {busy ? (
                  <Spinner size="tiny" label={busy} />
                ) : (
                  <Text size={200} className={s.muted}>
                    {workbook === null ? "" : verifiedAt ? pane.verifiedAt(formatTime(verifiedAt)) : pane.neverVerified}
                  </Text>
                )}
              </div>
              {report && host.insegna && daInsegnare(report) && (
                <Button appearance="secondary" size="small" onClick={() => setView("layout")} data-testid="vai-insegna">
                  {profiloPane.titolo}
                </Button>
              )}
              {report && <Results report={report} onGoTo={goTo} />}
            </>
          )}
          <Suspense fallback={<Spinner size="tiny" />}>
            {view === "consolida" && (
              <ConsolidationView
                hostKind={host.kind}
                busy={busy !== null || settings === null}
                onConsolidate={consolidate}
                onConfronta={host.confronta ? confronta : undefined}
                onWrite={writeConsolidation}
                actions={[{ id: "relazione", label: relazionePane.scarica, run: scaricaRelazione }]}
              />
            )}
            {view === "impostazioni" && settings && (
              <SettingsPanel key={JSON.stringify(settings)} settings={settings} onSave={saveSettings} />
            )}
            {view === "layout" && settings && (
              <ProfiloPanel
                host={host}
                settings={settings}
                onReport={(r) => {
                  setReport(r);
                  setVerifiedAt(new Date());
                }}
                onGoTo={(foglio, cella) => goTo({ foglio, cella } as Segnalazione)}
              />
            )}
          </Suspense>
        </main>
        {pending && (
          <Suspense fallback={null}>
            <ConfirmDialog conflitti={pending.preparazione.conflitti} onChoose={choose} />
          </Suspense>
        )}
      </div>
    </FluentProvider>
  );
}
