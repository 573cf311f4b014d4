/**
 * The results: totals, then one collapsible group per scheda with its summary and its
 * segnalazioni. Every segnalazione is a button that takes the user to its cell.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  mergeClasses,
  shorthands,
  Text,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { useMemo } from "react";
import type { Gravita, Report, Segnalazione } from "../domain/model";
import { pane } from "../strings/it";
import { conta, raggruppa, type Conteggi } from "./group";
import { SchedaSummary } from "./SchedaSummary";

const useStyles = makeStyles({
  totals: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", minWidth: 0 },
  headerTitle: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", maxWidth: "100%" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    width: "100%",
    textAlign: "start",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ...shorthands.border("1px", "solid", "transparent"),
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  icon: { flexShrink: 0, marginTop: "1px" },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  errore: { color: tokens.colorPaletteRedForeground1 },
  avviso: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  cella: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  message: { overflowWrap: "anywhere" },
  empty: { color: tokens.colorNeutralForeground3 },
  segTitle: { marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXS, display: "block" },
});

/** Counts per gravità; `compact` (group headers) leaves out the zeros. */
export function CountBadges({ conteggi, compact = false }: { conteggi: Conteggi; compact?: boolean }) {
  const label = pane.countsLabel(conteggi.errore, conteggi.avviso, conteggi.info);
  const show = (n: number) => !compact || n > 0;
  return (
    <span role="img" aria-label={label} style={{ display: "inline-flex", gap: 4, flexWrap: "wrap" }}>
      {show(conteggi.errore) && (
        <Badge
          appearance={conteggi.errore ? "filled" : "outline"}
          color={conteggi.errore ? "danger" : "informative"}
          size="small"
          data-gravita="errore"
        >
          {pane.countBadge(conteggi.errore, pane.counts.errori)}
        </Badge>
      )}
      {show(conteggi.avviso) && (
        <Badge
          appearance={conteggi.avviso ? "tint" : "outline"}
          color={conteggi.avviso ? "warning" : "informative"}
          size="small"
          data-gravita="avviso"
        >
          {pane.countBadge(conteggi.avviso, pane.counts.avvisi)}
        </Badge>
      )}
      {show(conteggi.info) && (
        <Badge appearance="outline" color="informative" size="small" data-gravita="info">
          {pane.countBadge(conteggi.info, pane.counts.info)}
        </Badge>
      )}
    </span>
  );
}

function GravitaIcon({ g }: { g: Gravita }) {
  const s = useStyles();
  const cls = mergeClasses(s.icon, s[g]);
  if (g === "errore") return <ErrorCircle16Filled className={cls} aria-hidden />;
  if (g === "avviso") return <Warning16Filled className={cls} aria-hidden />;
  return <Info16Filled className={cls} aria-hidden />;
}

export function SegnalazioniList(props: { items: Segnalazione[]; foglio: string; onGoTo: (s: Segnalazione) => void }) {
  const s = useStyles();
  // Tab enters the list once (at the last item used), the arrow keys move within it.
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  return (
    <ul className={s.list} aria-label={pane.segnalazioniOf(props.foglio)} {...arrows}>
      {props.items.map((seg, i) => (
        <li key={`${seg.codice}-${seg.cella}-${i}`}>
          <button
            type="button"
            className={s.item}
            data-cella={`${seg.foglio}!${seg.cella}`}
            data-codice={seg.codice}
            onClick={() => props.onGoTo(seg)}
          >
            {/* The name read aloud is the visible text, prefixed by the gravità the icon shows. */}
            <span className={s.srOnly}>{`${pane.gravita[seg.gravita]}: `}</span>
            <GravitaIcon g={seg.gravita} />
            <span className={s.cella}>{seg.cella}</span>
            <span className={s.message}>{seg.messaggio}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Results(props: { report: Report; onGoTo: (s: Segnalazione) => void }) {
  const s = useStyles();
  const gruppi = useMemo(() => raggruppa(props.report), [props.report]);
  const totali = useMemo(() => conta(props.report.segnalazioni), [props.report]);
  // Open the schede that need attention; a clean workbook starts collapsed.
  const aperti = useMemo(() => gruppi.filter((g) => g.conteggi.errore + g.conteggi.avviso > 0).map((g) => g.foglio), [gruppi]);
  return (
    <section aria-label={pane.tabs.risultati} data-testid="results">
      <div className={s.totals} data-testid="totals">
        <CountBadges conteggi={totali} />
      </div>
      {props.report.segnalazioni.length === 0 && <Text className={s.empty}>{pane.allClear}</Text>}
      <Accordion multiple collapsible defaultOpenItems={aperti}>
        {gruppi.map((g) => (
          <AccordionItem key={g.foglio} value={g.foglio} data-foglio={g.foglio}>
            <AccordionHeader size="small">
              <span className={s.header}>
                <Text weight="semibold" className={s.headerTitle}>
                  {g.scheda ? pane.schedaLabel(g.foglio, g.scheda.numero) : g.foglio}
                </Text>
                <CountBadges conteggi={g.conteggi} compact />
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {g.scheda && <SchedaSummary scheda={g.scheda} />}
              {g.segnalazioni.length > 0 ? (
                <SegnalazioniList items={g.segnalazioni} foglio={g.foglio} onGoTo={props.onGoTo} />
              ) : (
                <Text size={200} className={s.empty}>
                  {pane.noSegnalazioni}
                </Text>
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
