/**
 * Consolidation: pick the files (or "questa cartella di lavoro"), follow the progress per file,
 * preview the tables that would be written, then write them (Excel) or download them (browser).
 */
import { Button, makeStyles, Radio, RadioGroup, Spinner, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, DismissCircle16Filled, Clock16Regular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { SheetSpec } from "../sheets/sheet-spec";
import { controlli, pane } from "../strings/it";
import { formatScalar } from "./format";
import type { AnteprimaConsolidamento, FileConsolidamento, FonteConsolidamento } from "../app/pane-host";

const PREVIEW_ROWS = 15;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  file: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", fontSize: tokens.fontSizeBase200 },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  ko: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  wait: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  tableWrap: {
    overflow: "auto",
    maxHeight: "320px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, width: "max-content", minWidth: "100%" },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "160px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    textAlign: "start",
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
  tabs: { flexWrap: "wrap" },
});

/** The first rows of a sheet spec as a matrix of texts. */
export function specRows(spec: SheetSpec, max = PREVIEW_ROWS): { rows: string[][]; total: number } {
  let total = 0;
  let cols = 0;
  for (const c of spec.cells) {
    total = Math.max(total, c.r + 1);
    cols = Math.max(cols, c.c + 1);
  }
  const shown = Math.min(total, max);
  const rows = Array.from({ length: shown }, () => Array<string>(cols).fill(""));
  for (const c of spec.cells) {
    if (c.r >= shown) continue;
    // Percentages are stored as fractions with a % format, as Excel does.
    const pct = typeof c.v === "number" && c.style?.fmt?.includes("%");
    rows[c.r]![c.c] = pct ? `${formatScalar(Math.round((c.v as number) * 1000) / 10, "")} %` : formatScalar(c.v, "");
  }
  return { rows, total };
}

function SpecTable({ spec }: { spec: SheetSpec }) {
  const s = useStyles();
  const { rows, total } = specRows(spec);
  return (
    <>
      <Text size={200} className={s.muted}>
        {pane.consolida.righe(rows.length, total)}
      </Text>
      <div className={s.tableWrap} tabIndex={0} role="region" aria-label={spec.name}>
        <table className={s.table}>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className={r === 0 ? s.head : undefined}>
                {row.map((v, c) => (
                  <td key={c} className={s.cell} title={v}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FileRow({ f }: { f: FileConsolidamento }) {
  const s = useStyles();
  const icon =
    f.stato === "letto" ? (
      <CheckmarkCircle16Filled className={s.ok} aria-hidden />
    ) : f.stato === "errore" ? (
      <DismissCircle16Filled className={s.ko} aria-hidden />
    ) : (
      <Clock16Regular className={s.wait} aria-hidden />
    );
  return (
    <li className={s.file} data-stato={f.stato}>
      {icon}
      <span>
        <span className={s.fileName}>{f.file}</span>
        {" — "}
        {pane.consolida.stato[f.stato]}
        {f.schede !== undefined && f.stato === "letto" ? ` (${pane.consolida.schede(f.schede)})` : ""}
        {f.motivo ? `: ${f.motivo}` : ""}
      </span>
    </li>
  );
}

/**
 * A further action on the consolidation once previewed (e.g. a comparison, a report to
 * download): shown beside «Scrivi»/«Scarica», run with the preview.
 */
export interface ConsolidationAction {
  id: string;
  label: string;
  run: (a: AnteprimaConsolidamento) => Promise<void>;
}

export function ConsolidationView(props: {
  hostKind: "office" | "web";
  busy: boolean;
  onConsolidate: (fonte: FonteConsolidamento, onFile: (f: FileConsolidamento) => void) => Promise<AnteprimaConsolidamento | null>;
  onWrite: (a: AnteprimaConsolidamento) => Promise<void>;
  actions?: ConsolidationAction[];
  /** Issue 11: the preview compared with an earlier riepilogo (adds Variazioni); hidden when the host cannot. */
  onConfronta?: (a: AnteprimaConsolidamento, precedente: File) => Promise<AnteprimaConsolidamento | null>;
}) {
  const s = useStyles();
  const [fonte, setFonte] = useState<"questa" | "file">("questa");
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<FileConsolidamento[]>([]);
  const [anteprima, setAnteprima] = useState<AnteprimaConsolidamento | null>(null);
  const [tab, setTab] = useState(0);
  const [running, setRunning] = useState(false);
  const [needFiles, setNeedFiles] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const precedente = useRef<HTMLInputElement>(null);

  async function confronta(file: File | undefined) {
    if (!file || !anteprima || !props.onConfronta) return;
    const a = await props.onConfronta(anteprima, file);
    if (!a) return;
    setAnteprima(a);
    // Show the Variazioni sheet straight away.
    const i = a.fogli.findIndex((f) => f.name === controlli.consolidamento.fogli.variazioni);
    setTab(i < 0 ? 0 : i);
  }

  async function run() {
    if (fonte === "file" && files.length === 0) {
      setNeedFiles(true);
      return;
    }
    setNeedFiles(false);
    setAnteprima(null);
    setProgress(fonte === "file" ? files.map((f) => ({ file: f.name, stato: "attesa" })) : []);
    setRunning(true);
    try {
      const a = await props.onConsolidate(fonte === "file" ? { tipo: "file", files } : { tipo: "questa" }, (f) =>
        setProgress((list) => {
          const i = list.findIndex((x) => x.file === f.file && x.stato === "attesa");
          if (i < 0) return [...list.filter((x) => x.file !== f.file || x.stato === "attesa"), f];
          const next = list.slice();
          next[i] = f;
          return next;
        }),
      );
      if (a) {
        setAnteprima(a);
        setProgress(a.files);
        setTab(0);
      }
    } finally {
      setRunning(false);
    }
  }

  const spec = anteprima?.fogli[tab];
  return (
    <section className={s.root} aria-label={pane.consolida.title} data-testid="consolidation">
      <Text size={200}>{pane.consolida.intro}</Text>
      <RadioGroup value={fonte} onChange={(_, d) => setFonte(d.value as "questa" | "file")} aria-label={pane.consolida.fonteLabel}>
        <Radio value="questa" label={props.hostKind === "web" ? pane.consolida.questaWeb : pane.consolida.questa} />
        <Radio value="file" label={pane.consolida.file} />
      </RadioGroup>
      {fonte === "file" && (
        <div className={s.row}>
          <Button onClick={() => input.current?.click()}>{pane.consolida.scegli}</Button>
          <input
            ref={input}
            type="file"
            multiple
            accept=".xlsx,.ods,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,application/vnd.ms-excel"
            className={s.hidden}
            data-testid="consolidation-files"
            aria-label={pane.consolida.scegli}
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setNeedFiles(false);
            }}
          />
          <Text size={200}>{files.length > 0 ? pane.consolida.scelti(files.length) : ""}</Text>
        </div>
      )}
      {needFiles && (
        <Text role="alert" size={200} className={s.ko}>
          {pane.consolida.nessunFile}
        </Text>
      )}
      <div className={s.row}>
        <Button appearance="primary" onClick={run} disabled={running || props.busy}>
          {pane.consolida.avvia}
        </Button>
        {running && <Spinner size="tiny" label={pane.consolida.inCorso} />}
      </div>
      {progress.length > 0 && (
        <ul className={s.files} aria-label={pane.consolida.filesLabel} aria-live="polite" data-testid="consolidation-progress">
          {progress.map((f, i) => (
            <FileRow key={`${f.file}-${i}`} f={f} />
          ))}
        </ul>
      )}
      {anteprima && anteprima.fogli.length > 0 && (
        <>
          <Text weight="semibold">{pane.consolida.anteprima}</Text>
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as number)}
            aria-label={pane.consolida.anteprima}
          >
            {anteprima.fogli.map((f, i) => (
              <Tab key={f.name} value={i}>
                {f.name}
              </Tab>
            ))}
          </TabList>
          {spec && <SpecTable spec={spec} />}
          <div className={s.row}>
            <Button appearance="primary" onClick={() => props.onWrite(anteprima)} disabled={props.busy} data-testid="consolidation-write">
              {props.hostKind === "web" ? pane.consolida.scarica : pane.consolida.scrivi}
            </Button>
            {props.onConfronta && (
              <>
                <Button onClick={() => precedente.current?.click()} disabled={props.busy} data-testid="consolidation-confronta-precedente">
                  {controlli.pannello.confronta}
                </Button>
                <input
                  ref={precedente}
                  type="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className={s.hidden}
                  data-testid="consolidation-precedente"
                  aria-label={controlli.pannello.confronta}
                  onChange={(e) => {
                    void confronta(e.target.files?.[0]);
                    e.target.value = "";
                  }}
                />
              </>
            )}
            {props.actions?.map((a) => (
              <Button key={a.id} onClick={() => void a.run(anteprima)} disabled={props.busy} data-testid={`consolidation-${a.id}`}>
                {a.label}
              </Button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
