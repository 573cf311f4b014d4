/** Summary of one scheda: grado, rispetto dei tempi, esiti in colour, stato of each fase. */
import { Badge, type BadgeProps, makeStyles, Text, tokens, Tooltip } from "@fluentui/react-components";
import type { Esito, Scheda, StatoFase } from "../domain/model";
import { pane } from "../strings/it";
import { formatPercent, formatValore } from "./format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  figures: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalM, rowGap: "2px" },
  figure: { fontWeight: tokens.fontWeightSemibold, textAlign: "end" },
  muted: { color: tokens.colorNeutralForeground3 },
  subTitle: { marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  chips: { display: "flex", flexWrap: "wrap", gap: "4px", listStyleType: "none", margin: 0, padding: 0 },
  titolo: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

const ESITO_COLOR: Record<Esito, BadgeProps["color"]> = {
  OK: "success",
  PARZIALE: "warning",
  "NON RAGGIUNTO": "danger",
  "DA VERIFICARE": "informative",
};

const STATO_COLOR: Record<StatoFase, BadgeProps["color"]> = {
  "nei tempi": "success",
  "in anticipo": "success",
  "in ritardo": "danger",
  "in corso": "brand",
  "non iniziata": "subtle",
  "non valutabile": "subtle",
};

export function SchedaSummary({ scheda }: { scheda: Scheda }) {
  const s = useStyles();
  const grado = formatPercent(scheda.mediaValoreRaggiunto);
  const tempi = formatPercent(scheda.mediaRispettoTempi);
  const fasi = scheda.fasi.filter((f) => f.stato !== null);
  return (
    <div className={s.root} data-testid="scheda-summary">
      {scheda.titolo && (
        <Text size={200} className={s.titolo}>
          {scheda.tipo === "ente" ? `${pane.schedaTipoEnte}: ` : ""}
          {scheda.titolo}
        </Text>
      )}
      <div className={s.figures}>
        <Text size={200}>{pane.summary.grado}</Text>
        <Text size={200} className={grado ? s.figure : s.muted} data-testid="grado">
          {grado ?? pane.summary.nonCalcolabile}
        </Text>
        {scheda.tipo === "obiettivo" && (
          <>
            <Text size={200}>{pane.summary.tempi}</Text>
            <Text size={200} className={tempi ? s.figure : s.muted} data-testid="tempi">
              {tempi ?? pane.summary.nonCalcolabile}
            </Text>
          </>
        )}
      </div>
      <Text size={200} className={s.subTitle}>
        {pane.summary.esiti}
      </Text>
      {scheda.indicatori.length === 0 ? (
        <Text size={200} className={s.muted}>
          {pane.summary.nessunIndicatore}
        </Text>
      ) : (
        <ul className={s.chips} aria-label={pane.summary.esiti}>
          {scheda.indicatori.map((ind) => {
            const detail = `${ind.indicatore} (${ind.cella}): ${formatValore(ind.atteso)} / ${formatValore(ind.realizzato)}${
              ind.esitoScritto ? ` · ${pane.summary.esitoScritto(ind.esitoScritto)}` : ""
            }`;
            return (
              <li key={ind.cella}>
                <Tooltip content={detail} relationship="description" withArrow>
                  <Badge
                    appearance={ind.esito ? "filled" : "outline"}
                    color={ind.esito ? ESITO_COLOR[ind.esito] : "subtle"}
                    tabIndex={0}
                    data-esito={ind.esito ?? ""}
                  >
                    {ind.esito ?? pane.summary.daMisurare}
                  </Badge>
                </Tooltip>
              </li>
            );
          })}
        </ul>
      )}
      {scheda.tipo === "obiettivo" && (
        <>
          <Text size={200} className={s.subTitle}>
            {pane.summary.fasi}
          </Text>
          {fasi.length === 0 ? (
            <Text size={200} className={s.muted}>
              {pane.summary.nessunaFase}
            </Text>
          ) : (
            <ul className={s.chips} aria-label={pane.summary.fasi}>
              {fasi.map((f) => (
                <li key={f.n}>
                  <Tooltip content={f.descrizione ?? pane.summary.fase(f.n)} relationship="description" withArrow>
                    <Badge appearance="tint" color={STATO_COLOR[f.stato!]} tabIndex={0} data-stato={f.stato}>
                      {`${f.n}: ${f.stato}`}
                    </Badge>
                  </Tooltip>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
