/**
 * "Insegna il layout" (issue 8): the sheets the reader did not read, or not fully, with what it
 * found (blocks and their cells) and what is missing; the user selects a cell in the sheet, says
 * what it is, and the workbook is checked again with the taught profile. The profile can be
 * exported to a file and imported into another settore's workbook. Nothing here writes a cell.
 */
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Report } from "../domain/model";
import type { Settings } from "../domain/settings";
import { userMessage } from "../app/errors";
import type { FoglioLayout, PaneHost, Profilo, StatoLayout } from "../app/pane-host";
import { nomeRuolo, RUOLI_INSEGNABILI, type RuoloInsegnabile } from "../sheets/vocabulary/insegna";
import { profiloPannello as t } from "../strings/it-profilo";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sheet: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
});

interface Messaggio {
  intent: "success" | "error" | "info";
  text: string;
}

export interface ProfiloPanelProps {
  host: PaneHost;
  settings: Settings;
  /** The workbook was checked again (with the profile): the pane's results follow. */
  onReport: (r: Report) => void;
  onGoTo: (foglio: string, cella: string) => void;
}

function download(text: string, name: string): boolean {
  if (typeof URL.createObjectURL !== "function") return false;
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}

export function ProfiloPanel({ host, settings, onReport, onGoTo }: ProfiloPanelProps) {
  const s = useStyles();
  const [stato, setStato] = useState<StatoLayout | null>(null);
  const [ruolo, setRuolo] = useState<RuoloInsegnabile>("numero");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Messaggio | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The parent passes a new callback each render: keep the latest without re-running the check.
  const onReportRef = useRef(onReport);
  onReportRef.current = onReport;

  const run = useCallback(async (fn: () => Promise<{ stato: StatoLayout; text?: string } | null>) => {
    setBusy(true);
    try {
      const r = await fn();
      if (r) {
        setStato(r.stato);
        onReportRef.current(r.stato.report);
        setMessage(r.text ? { intent: "success", text: r.text } : null);
      }
    } catch (e) {
      setMessage({ intent: "error", text: userMessage(e) });
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (!host.layout || host.workbookName() === null) return;
    void run(async () => ({ stato: await host.layout!(settings) }));
  }, [host, settings, run]);

  if (!host.layout || !host.insegna) return null;
  if (host.workbookName() === null) return <Text className={s.muted}>{t.nessunaCartella}</Text>;

  const daInsegnare: FoglioLayout[] = stato?.fogli.filter((f) => f.stato === "parziale" || f.stato === "quasi") ?? [];
  const profilo: Profilo | null = stato?.profilo ?? null;

  const teach = () => void run(async () => host.insegna!(ruolo, settings).then((r) => ({ stato: r, text: r.messaggio })));
  const save = (p: Profilo | null, text: string) => void run(async () => ({ stato: await host.salvaProfilo!(p, settings), text }));

  return (
    <section className={s.root} aria-label={t.titolo} data-testid="profilo-panel">
      <Text as="h2" weight="semibold" size={400} style={{ margin: 0 }}>
        {t.titolo}
      </Text>
      <Text size={200} className={s.muted}>
        {t.spiegazione}
      </Text>
      {message && (
        <MessageBar intent={message.intent} data-testid="profilo-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}

      <div className={s.row}>
        <Field label={t.ruolo}>
          <Select value={ruolo} onChange={(_, d) => setRuolo(d.value as RuoloInsegnabile)} data-testid="profilo-ruolo">
            {RUOLI_INSEGNABILI.map((r) => (
              <option key={r} value={r}>
                {nomeRuolo(r)}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabled={busy} onClick={teach} data-testid="profilo-insegna">
          {t.insegna}
        </Button>
        {busy && <Spinner size="tiny" />}
      </div>

      <Text weight="semibold">{t.fogliDaInsegnare}</Text>
      {stato && daInsegnare.length === 0 && <Text className={s.muted}>{t.tuttiLetti}</Text>}
      {daInsegnare.map((f) => (
        <div key={f.foglio} className={s.sheet} data-testid="profilo-foglio" data-foglio={f.foglio} data-stato={f.stato}>
          <Text weight="semibold">
            {f.foglio} — {t.stato[f.stato]}
          </Text>
          {f.blocchi.length > 0 && (
            <div className={s.row}>
              <Text size={200}>{t.trovati}</Text>
              {f.blocchi.map((b) => (
                <Button key={`${b.blocco}${b.cella}`} size="small" appearance="subtle" onClick={() => onGoTo(f.foglio, b.cella)}>
                  {`${b.blocco} (${b.cella})`}
                </Button>
              ))}
            </div>
          )}
          {f.mancano.length > 0 && (
            <>
              <Text size={200}>{t.mancano}</Text>
              <ul className={s.list}>
                {f.mancano.map((m) => (
                  <li key={m}>
                    <Text size={200}>{m}</Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}

      <Text weight="semibold">{t.profilo}</Text>
      {!profilo || (profilo.voci.length === 0 && !profilo.mesi) ? (
        <Text className={s.muted}>{t.nessunaVoce}</Text>
      ) : (
        <ul className={s.list} data-testid="profilo-voci">
          {profilo.voci.map((v, i) => (
            <li key={`${v.ruolo}|${v.testo}`} className={s.row}>
              <Text size={200}>
                {t.voce(nomeRuolo(v.ruolo as RuoloInsegnabile), v.testo, v.foglio && v.cella ? `${v.foglio}!${v.cella}` : null)}
              </Text>
              <Button
                size="small"
                appearance="subtle"
                aria-label={t.togli(v.testo)}
                disabled={busy}
                onClick={() => save({ ...profilo, voci: profilo.voci.filter((_, k) => k !== i) }, t.togli(v.testo))}
              >
                ×
              </Button>
            </li>
          ))}
          {profilo.mesi && (
            <li>
              <Text size={200}>{t.mesi(profilo.mesi[0]!, profilo.mesi[11]!)}</Text>
            </li>
          )}
        </ul>
      )}
      <div className={s.row}>
        <Button
          disabled={busy || !profilo}
          data-testid="profilo-esporta"
          onClick={() =>
            setMessage(
              profilo && download(`${JSON.stringify(profilo, null, 2)}\n`, t.nomeFile)
                ? { intent: "success", text: t.esportato }
                : { intent: "error", text: t.esportazioneNonDisponibile },
            )
          }
        >
          {t.esporta}
        </Button>
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {t.importa}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className={s.hidden}
          aria-label={t.importaLabel}
          data-testid="profilo-importa"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            void run(async () => {
              const st = await host.importaProfilo!(await file.text(), file.name, settings);
              return { stato: st, text: t.importato(st.profilo?.voci.length ?? 0) };
            });
          }}
        />
        <Button disabled={busy || !profilo} onClick={() => save(null, t.eliminato)}>
          {t.elimina}
        </Button>
      </div>
    </section>
  );
}
