/**
 * Settings form. What the user types is kept as text and validated with SettingsSchema only on
 * save, so a half-typed number never crashes the pane; each invalid field shows an Italian hint.
 */
import { Button, Field, Input, makeStyles, Select, Switch, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { z } from "zod";
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from "../domain/settings";
import { controlli, pane } from "../strings/it";

const cp = controlli.pannello;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Two columns when they fit, one in a narrow pane.
  pair: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "end" },
  // Options that are sentences ("non calcolato (come oggi)") need a row each at the pane's width.
  stack: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS },
  input: { minWidth: 0, width: "100%" },
  colour: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  swatch: { width: "32px", height: "32px", padding: 0, border: "none", backgroundColor: "transparent", cursor: "pointer" },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Colore = keyof Settings["colori"];
const COLORI: Colore[] = ["previsto", "effettivo", "errore", "avviso"];
type Numero = "sogliaOk" | "sogliaParziale" | "classeRaggiunto" | "classeParziale";

interface Form {
  dataRiferimento: string;
  esercizio: string;
  sogliaOk: string;
  sogliaParziale: string;
  classeRaggiunto: string;
  classeParziale: string;
  colori: Record<Colore, string>;
  verificaAutomatica: boolean;
  /** Fasce (issue 11), one per line: "min;max;punteggio" and ";P" when proporzionale. */
  fasce: string;
  realizzatoMancante: Settings["realizzatoMancante"];
  formulaDecrescente: Settings["formulaDecrescente"];
}

function fasceToText(f: Settings["fasce"]): string {
  return f.map((b) => [b.min, b.max, b.punteggio].join(";") + (b.proporzionale ? ";P" : "")).join("\n");
}

/** "60;100;100;P" per line → bands; null when a line cannot be read. */
function fasceFromText(t: string): Array<{ min: unknown; max: unknown; punteggio: unknown; proporzionale: boolean }> | null {
  const out = [];
  for (const line of t.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    const parts = line.split(/\s*;\s*/);
    if (parts.length < 3 || parts.length > 4 || (parts[3] !== undefined && !/^p$/i.test(parts[3]))) return null;
    out.push({ min: toNumber(parts[0]!), max: toNumber(parts[1]!), punteggio: toNumber(parts[2]!), proporzionale: parts[3] !== undefined });
  }
  return out;
}

function toForm(s: Settings): Form {
  return {
    dataRiferimento: s.dataRiferimento ?? "",
    esercizio: s.esercizio === null ? "" : String(s.esercizio),
    sogliaOk: String(s.sogliaOk),
    sogliaParziale: String(s.sogliaParziale),
    classeRaggiunto: String(s.classeRaggiunto),
    classeParziale: String(s.classeParziale),
    colori: { ...s.colori },
    verificaAutomatica: s.verificaAutomatica,
    fasce: fasceToText(s.fasce),
    realizzatoMancante: s.realizzatoMancante,
    formulaDecrescente: s.formulaDecrescente,
  };
}

/** "95,5" and "95.5" are both numbers; anything else stays text so zod rejects it. */
function toNumber(t: string): number | string {
  const n = Number(t.trim().replace(",", "."));
  return t.trim() !== "" && Number.isFinite(n) ? n : t;
}

function messageFor(issue: z.core.$ZodIssue, field: string): string {
  if (field === "esercizio") return pane.settings.annoNonValido;
  if (issue.code === "too_small" || issue.code === "too_big") return pane.settings.fuoriIntervallo;
  if (issue.code === "invalid_type") return pane.settings.numeroNonValido;
  return issue.message;
}

export function validateForm(f: Form): { settings: Settings } | { errors: Record<string, string> } {
  const raw = {
    dataRiferimento: f.dataRiferimento.trim() === "" ? null : f.dataRiferimento.trim(),
    esercizio: f.esercizio.trim() === "" ? null : toNumber(f.esercizio),
    sogliaOk: toNumber(f.sogliaOk),
    sogliaParziale: toNumber(f.sogliaParziale),
    classeRaggiunto: toNumber(f.classeRaggiunto),
    classeParziale: toNumber(f.classeParziale),
    colori: Object.fromEntries(COLORI.map((k) => [k, f.colori[k].trim().toUpperCase()])),
    verificaAutomatica: f.verificaAutomatica,
    fasce: fasceFromText(f.fasce),
    realizzatoMancante: f.realizzatoMancante,
    formulaDecrescente: f.formulaDecrescente,
  };
  if (raw.fasce === null) return { errors: { fasce: cp.fasceNonValide } };
  const r = SettingsSchema.safeParse(raw);
  if (r.success) return { settings: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    // A band's problem is shown under the whole fasce box.
    const field = issue.path[0] === "fasce" ? "fasce" : issue.path.map(String).join(".");
    errors[field] ??= field === "fasce" ? cp.fasceNonValide : messageFor(issue, field);
  }
  return { errors };
}

export function SettingsPanel(props: { settings: Settings; onSave: (s: Settings) => Promise<void> }) {
  const s = useStyles();
  const [form, setForm] = useState<Form>(() => toForm(props.settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const err = (k: string) => errors[k];
  const state = (k: string) => (errors[k] ? ("error" as const) : ("none" as const));

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const v = validateForm(form);
    if ("errors" in v) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await props.onSave(v.settings);
      setForm(toForm(v.settings));
    } finally {
      setSaving(false);
    }
  }

  const numberField = (k: Numero) => (
    <Field key={k} label={pane.settings[k]} validationMessage={err(k)} validationState={state(k)}>
      <Input className={s.input} inputMode="decimal" value={form[k]} onChange={(_, d) => set({ [k]: d.value } as Partial<Form>)} name={k} />
    </Field>
  );

  return (
    <form className={s.form} onSubmit={save} noValidate aria-label={pane.settings.title} data-testid="settings">
      <Field
        label={pane.settings.dataRiferimento}
        hint={pane.settings.dataRiferimentoHint}
        validationMessage={err("dataRiferimento")}
        validationState={state("dataRiferimento")}
      >
        <Input
          className={s.input}
          type="date"
          value={form.dataRiferimento}
          onChange={(_, d) => set({ dataRiferimento: d.value })}
          name="dataRiferimento"
        />
      </Field>
      <Field
        label={pane.settings.esercizio}
        hint={pane.settings.esercizioHint}
        validationMessage={err("esercizio")}
        validationState={state("esercizio")}
      >
        <Input
          className={s.input}
          inputMode="numeric"
          value={form.esercizio}
          onChange={(_, d) => set({ esercizio: d.value })}
          name="esercizio"
        />
      </Field>
      <div className={s.pair}>
        {numberField("sogliaOk")}
        {numberField("sogliaParziale")}
      </div>
      <div className={s.pair}>
        {numberField("classeRaggiunto")}
        {numberField("classeParziale")}
      </div>
      <Field label={cp.fasce} hint={cp.fasceHint} validationMessage={err("fasce")} validationState={state("fasce")}>
        <Textarea className={s.input} value={form.fasce} onChange={(_, d) => set({ fasce: d.value })} name="fasce" resize="vertical" />
      </Field>
      <div className={s.stack}>
        <Field label={cp.mancante}>
          <Select
            className={s.input}
            value={form.realizzatoMancante}
            onChange={(_, d) => set({ realizzatoMancante: d.value as Form["realizzatoMancante"] })}
            name="realizzatoMancante"
          >
            {(Object.keys(cp.mancanteOpzioni) as Array<Form["realizzatoMancante"]>).map((k) => (
              <option key={k} value={k}>
                {cp.mancanteOpzioni[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={cp.decrescente}>
          <Select
            className={s.input}
            value={form.formulaDecrescente}
            onChange={(_, d) => set({ formulaDecrescente: d.value as Form["formulaDecrescente"] })}
            name="formulaDecrescente"
          >
            {(Object.keys(cp.decrescenteOpzioni) as Array<Form["formulaDecrescente"]>).map((k) => (
              <option key={k} value={k}>
                {cp.decrescenteOpzioni[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{pane.settings.colori}</legend>
        {COLORI.map((k) => (
          <Field key={k} label={pane.settings.colore[k]} validationMessage={err(`colori.${k}`)} validationState={state(`colori.${k}`)}>
            <div className={s.colour}>
              <input
                type="color"
                className={s.swatch}
                aria-label={pane.settings.scegliColore(pane.settings.colore[k])}
                value={/^#[0-9A-Fa-f]{6}$/.test(form.colori[k]) ? form.colori[k] : "#FFFFFF"}
                onChange={(e) => set({ colori: { ...form.colori, [k]: e.target.value.toUpperCase() } })}
              />
              <Input
                className={s.input}
                value={form.colori[k]}
                onChange={(_, d) => set({ colori: { ...form.colori, [k]: d.value } })}
                name={`colore-${k}`}
              />
            </div>
          </Field>
        ))}
      </fieldset>
      <Switch
        label={pane.settings.verificaAutomatica}
        checked={form.verificaAutomatica}
        onChange={(_, d) => set({ verificaAutomatica: d.checked })}
      />
      {Object.keys(errors).length > 0 && (
        <div role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {pane.settings.nonValide}
        </div>
      )}
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {pane.settings.salva}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setForm(toForm(DEFAULT_SETTINGS));
            setErrors({});
          }}
        >
          {pane.settings.ripristina}
        </Button>
      </div>
    </form>
  );
}
