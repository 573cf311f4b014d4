/** The readable Italian report of `peg verifica`, grouped by scheda. */
import { countByGravita } from "../domain/diagnostics";
import type { Report, Scheda, Segnalazione } from "../domain/model";
import { numeroIt } from "../domain/text";
import { rapporto as t } from "../strings/it";

const pct = (n: number | null): string => (n === null ? t.vuoto : `${numeroIt(n)} %`);

function valore(v: string | number | null, tipo: string): string {
  if (v === null) return t.vuoto;
  if (typeof v === "number") return tipo === "percentuale" ? pct(v) : numeroIt(v, 4);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
  return v;
}

function italianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function line(d: Segnalazione): string {
  return `    ${d.gravita.padEnd(6)} ${d.foglio}!${d.cella}  ${d.codice}: ${d.messaggio}`;
}

function schedaBlock(s: Scheda, diags: Segnalazione[]): string[] {
  const out: string[] = [];
  const head = s.tipo === "ente" ? `■ ${s.foglio} (${t.schedaEnte})` : `■ ${s.foglio} — ${[s.numero, s.titolo].filter(Boolean).join(" ")}`;
  out.push(head);
  if (diags.length === 0) out.push(`  ${t.nessunaSegnalazione}`);
  else {
    out.push(`  ${t.segnalazioni}`);
    for (const d of diags) out.push(line(d));
  }
  if (s.indicatori.length === 0) out.push(`  ${t.nessunIndicatore}`);
  else {
    out.push(`  ${t.indicatori}`);
    for (const i of s.indicatori) {
      const esito = (i.esito ?? t.daRilevare).padEnd(13);
      const ragg = i.raggiungimento === null ? "" : ` (${pct(i.raggiungimento)})`;
      out.push(
        `    ${esito} ${i.indicatore}: ${t.atteso} ${valore(i.atteso, i.tipo)}, ${t.realizzato} ${valore(i.realizzato, i.tipo)}${ragg}`,
      );
    }
  }
  if (s.tipo === "obiettivo" && s.fasi.some((f) => f.stato)) {
    out.push(
      `  ${t.fasi} ${s.fasi
        .filter((f) => f.stato)
        .map((f) => `${f.n} ${f.stato}`)
        .join(" · ")}`,
    );
  }
  if (s.tipo === "ente") out.push(`  ${t.grado}: ${pct(s.mediaValoreRaggiunto)}`);
  else out.push(`  ${t.mediaValore}: ${pct(s.mediaValoreRaggiunto)} · ${t.mediaTempi}: ${pct(s.mediaRispettoTempi)}`);
  return out;
}

export function formatReport(r: Report): string {
  const ente = r.schede.filter((s) => s.tipo === "ente").length;
  const lines: string[] = [
    t.titolo(r.file),
    t.intestazione(r.esercizio, italianDate(r.al), r.schede.length, ente, r.schede.length - ente),
    "",
  ];
  const schedaNames = new Set(r.schede.map((s) => s.foglio));
  for (const s of r.schede) {
    lines.push(
      ...schedaBlock(
        s,
        r.segnalazioni.filter((d) => d.foglio === s.foglio),
      ),
      "",
    );
  }
  const others = r.segnalazioni.filter((d) => !schedaNames.has(d.foglio));
  if (others.length) {
    lines.push(`■ ${t.altriFogli}`, ...others.map(line), "");
  }
  const c = countByGravita(r.segnalazioni);
  lines.push(t.totale(c.errore, c.avviso, c.info));
  return lines.join("\n");
}
