/**
 * Consolidation → the Relazione sulla performance outline (model.ts). Pure: no document library,
 * no workbook. The order follows what the Nucleo di valutazione reads: the ente's figures first,
 * then each settore, the performance di ente, then what still needs attention.
 */
import type { Consolidation, ObiettivoRiga, SegnalazioneFile, Settore } from "../consolidation/model";
import { numeroIt } from "../text";
import { relazione as t } from "../../strings/it-documenti";
import type { Barra, Blocco, Parte, Relazione, RelazioneInput, TestiScheda } from "./model";

/** Longest list of segnalazioni quoted one by one; the rest are counted (the riepilogo has them all). */
export const MAX_SEGNALAZIONI = 200;

/** Codes about people's participation: the quadratura of the personale. */
const QUADRATURA = /^(PARTECIPAZIONE_|PERSONA_)/;

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? t.nd : `${numeroIt(x, 1)}%`;
}

function valore(v: string | number | null): string {
  if (v === null) return "—";
  return typeof v === "number" ? numeroIt(v) : v;
}

function nomeObiettivo(o: { numero: string | null; titolo: string | null; foglio: string }): string {
  const n = o.numero ? t.obiettivoN(o.numero) : o.foglio;
  return o.titolo ? `${n} — ${o.titolo}` : n;
}

function sintesi(s: Omit<Settore, "file">): Parte[] {
  const parti: Parte[] = [
    { testo: t.gradoLabel },
    { testo: pct(s.grado), grassetto: true },
    { testo: s.classe ? ` (${s.classe})` : "" },
    { testo: `; ${t.tempiLabel}` },
    { testo: pct(s.mediaRispettoTempi), grassetto: true },
    { testo: `; ${t.nObiettivi(s.nObiettivi)}, ${t.fasiInRitardo(s.fasiInRitardo)}.` },
  ];
  return parti.filter((p) => p.testo !== "");
}

function classi(s: Omit<Settore, "file">): Blocco {
  const c = s.classi;
  return {
    tipo: "tabella",
    intestazione: [t.colonne.classe, t.colonne.nObiettivi],
    righe: [
      [t.classi.raggiunto, String(c.raggiunto)],
      [t.classi.parziale, String(c["parzialmente raggiunto"])],
      [t.classi.nonRaggiunto, String(c["non raggiunto"])],
      [t.classi.nonValutabili, String(c.nonValutabili)],
    ],
    numeriche: [1],
  };
}

function soglieDi(input: RelazioneInput): number[] {
  const s = input.soglie;
  return s ? [s.parziale, s.raggiunto] : [];
}

function graficoObiettivi(obiettivi: ObiettivoRiga[], soglie: number[], titolo: string): Blocco[] {
  if (obiettivi.length === 0) return [];
  const barre: Barra[] = obiettivi.map((o, i) => ({ etichetta: String(i + 1), valore: o.mediaValoreRaggiunto, classe: o.classe }));
  return [
    { tipo: "grafico", titolo, barre, soglie },
    {
      tipo: "paragrafo",
      parti: [
        { testo: t.legenda(obiettivi.map((o, i) => `${i + 1} = ${nomeObiettivo(o)} (${pct(o.mediaValoreRaggiunto)})`)), corsivo: true },
      ],
    },
  ];
}

function tabellaObiettivi(obiettivi: ObiettivoRiga[]): Blocco {
  const k = t.colonne;
  return {
    tipo: "tabella",
    intestazione: [k.numero, k.titolo, k.grado, k.tempi, k.classe, k.esiti],
    righe: obiettivi.map((o) => [
      o.numero ?? o.foglio,
      o.titolo ?? "",
      pct(o.mediaValoreRaggiunto),
      pct(o.mediaRispettoTempi),
      o.classe ?? t.classi.nonValutabile,
      t.conteggioEsiti(o.esiti.OK, o.esiti.PARZIALE, o.esiti["NON RAGGIUNTO"], o.esiti.nonMisurati),
    ]),
    numeriche: [2, 3],
  };
}

function mesi(m: number[]): string {
  return m.length ? m.map((x) => t.mesi[x - 1]).join(", ") : t.nessunMese;
}

function fasiSettore(c: Consolidation, file: string): Blocco[] {
  const fasi = c.fasiInRitardo.filter((f) => f.file === file);
  const out: Blocco[] = [{ tipo: "intestazione", livello: 3, testo: t.titoli.fasiInRitardo }];
  if (fasi.length === 0) return [...out, { tipo: "paragrafo", parti: [{ testo: t.nessunaFase }] }];
  const k = t.colonne;
  out.push({
    tipo: "tabella",
    intestazione: [k.obiettivo, k.fase, k.descrizione, k.previsti, k.effettivi],
    righe: fasi.map((f) => [f.numero ?? f.foglio, String(f.n), f.descrizione ?? "", mesi(f.previsto), mesi(f.effettivo)]),
  });
  return out;
}

/** The quoted texts of a scheda, label by label, only those written. */
function citazioni(testi: TestiScheda | undefined): Blocco[] {
  if (!testi) return [];
  const out: Blocco[] = [];
  const q = t.citazioni;
  const pairs: Array<[string, string | null]> = [
    [q.relazione(testi.colonna), testi.relazione],
    [q.analisi, testi.analisi],
    [q.cause, testi.cause],
    [q.effetti, testi.effetti],
    [q.intrapresi, testi.intrapresi],
    [q.daAttivare, testi.daAttivare],
  ];
  for (const [etichetta, testo] of pairs) if (testo) out.push({ tipo: "citazione", etichetta, testo });
  return out;
}

function esitiCritici(c: Consolidation, file: string, input: RelazioneInput): Blocco[] {
  const critici = c.obiettivi.filter(
    (o) =>
      o.file === file &&
      (o.esiti.PARZIALE > 0 || o.esiti["NON RAGGIUNTO"] > 0 || o.classe === "non raggiunto" || o.classe === "parzialmente raggiunto"),
  );
  const out: Blocco[] = [{ tipo: "intestazione", livello: 3, testo: t.titoli.esitiCritici }];
  if (critici.length === 0) return [...out, { tipo: "paragrafo", parti: [{ testo: t.nessunEsitoCritico }] }];
  for (const o of critici) {
    const testi = input.testi?.[file]?.[o.foglio];
    out.push({
      tipo: "paragrafo",
      parti: [
        { testo: nomeObiettivo(o), grassetto: true },
        { testo: ` — ${t.gradoLabel}${pct(o.mediaValoreRaggiunto)}${o.classe ? ` (${o.classe})` : ""}; ` },
        { testo: t.conteggioEsiti(o.esiti.OK, o.esiti.PARZIALE, o.esiti["NON RAGGIUNTO"], o.esiti.nonMisurati) },
      ],
    });
    const ind = testi?.indicatoriCritici ?? [];
    if (ind.length) {
      const k = t.colonne;
      out.push({
        tipo: "tabella",
        intestazione: [k.indicatore, k.atteso, k.realizzato, k.raggiungimento, k.esito],
        righe: ind.map((i) => [i.indicatore, valore(i.atteso), valore(i.realizzato), pct(i.raggiungimento), i.esito]),
        numeriche: [3],
      });
    }
    const q = citazioni(testi);
    out.push(...(q.length ? q : [{ tipo: "paragrafo", parti: [{ testo: t.nessunTesto, corsivo: true }] } as Blocco]));
  }
  return out;
}

function settore(c: Consolidation, s: Settore, input: RelazioneInput): Blocco[] {
  const obiettivi = c.obiettivi.filter((o) => o.file === s.file);
  const out: Blocco[] = [
    { tipo: "intestazione", livello: 2, testo: t.titoli.settore(s.file) },
    { tipo: "paragrafo", parti: sintesi(s) },
  ];
  if (s.nota) out.push({ tipo: "paragrafo", parti: [{ testo: s.nota, corsivo: true }] });
  out.push({ tipo: "intestazione", livello: 3, testo: t.titoli.obiettivi });
  if (obiettivi.length === 0) out.push({ tipo: "paragrafo", parti: [{ testo: t.nessunObiettivo }] });
  else {
    out.push(tabellaObiettivi(obiettivi));
    out.push(...graficoObiettivi(obiettivi, soglieDi(input), t.grafici.obiettiviSettore(s.file)));
  }
  out.push(...fasiSettore(c, s.file));
  out.push(...esitiCritici(c, s.file, input));
  return out;
}

function performanceEnte(c: Consolidation, input: RelazioneInput): Blocco[] {
  const out: Blocco[] = [{ tipo: "intestazione", livello: 1, testo: t.titoli.performanceEnte }];
  if (c.performanceEnte.length === 0) return [...out, { tipo: "paragrafo", parti: [{ testo: t.nessunaSchedaEnte }] }];
  const k = t.colonne;
  for (const p of c.performanceEnte) {
    out.push({ tipo: "intestazione", livello: 2, testo: p.titolo ?? p.foglio });
    out.push({
      tipo: "paragrafo",
      parti: [
        { testo: t.fonte(p.file, p.foglio) },
        ...(p.missioneProgramma ? [{ testo: ` ${t.processo(p.missioneProgramma)}` }] : []),
        { testo: ` ${t.gradoLabel}` },
        { testo: pct(p.grado), grassetto: true },
        { testo: p.classe ? ` (${p.classe}).` : "." },
      ],
    });
    if (p.indicatori.length)
      out.push({
        tipo: "tabella",
        intestazione: [k.indicatore, k.atteso, k.realizzato, k.raggiungimento, k.esito],
        righe: p.indicatori.map((i) => [
          i.indicatore,
          valore(i.atteso),
          valore(i.realizzato),
          pct(i.raggiungimento),
          i.esito ?? t.nonMisurato,
        ]),
        numeriche: [3],
      });
    out.push(...citazioni(input.testi?.[p.file]?.[p.foglio]));
  }
  return out;
}

function tabellaSegnalazioni(list: SegnalazioneFile[]): Blocco[] {
  const k = t.colonne;
  const shown = list.slice(0, MAX_SEGNALAZIONI);
  const out: Blocco[] = [
    {
      tipo: "tabella",
      intestazione: [k.file, k.foglio, k.cella, k.codice, k.messaggio],
      righe: shown.map((s) => [s.file, s.foglio, s.cella, s.codice, s.messaggio]),
    },
  ];
  if (list.length > shown.length)
    out.push({ tipo: "paragrafo", parti: [{ testo: t.altreSegnalazioni(list.length - shown.length), corsivo: true }] });
  return out;
}

function attenzione(c: Consolidation): Blocco[] {
  const out: Blocco[] = [{ tipo: "intestazione", livello: 1, testo: t.titoli.attenzione }];
  const quadratura = c.segnalazioni.filter((s) => QUADRATURA.test(s.codice));
  out.push({ tipo: "intestazione", livello: 2, testo: t.titoli.quadratura });
  out.push({ tipo: "paragrafo", parti: [{ testo: t.introQuadratura }] });
  if (quadratura.length === 0) out.push({ tipo: "paragrafo", parti: [{ testo: t.nessunaAnomalia }] });
  else out.push(...tabellaSegnalazioni(quadratura));
  const errori = c.segnalazioni.filter((s) => s.gravita === "errore" && !QUADRATURA.test(s.codice));
  out.push({ tipo: "intestazione", livello: 2, testo: t.titoli.errori });
  if (errori.length === 0) out.push({ tipo: "paragrafo", parti: [{ testo: t.nessunErrore }] });
  else out.push(...tabellaSegnalazioni(errori));
  if (c.fileNonLetti.length) {
    out.push({ tipo: "intestazione", livello: 2, testo: t.titoli.nonLetti });
    out.push({ tipo: "elenco", voci: c.fileNonLetti.map((f) => [{ testo: f.file, grassetto: true }, { testo: `: ${f.motivo}` }]) });
  }
  return out;
}

/** The strategic roll-up of the consolidation (issue 11), by obiettivo strategico and by linea di mandato. */
function strategici(c: Consolidation): Blocco[] {
  const voci = c.strategico ?? [];
  if (voci.length === 0) return [];
  const k = t.colonne;
  const out: Blocco[] = [{ tipo: "intestazione", livello: 1, testo: t.titoli.strategici }];
  for (const livello of ["strategico", "missione", "mandato"] as const) {
    const list = voci.filter((v) => v.livello === livello);
    if (list.length === 0) continue;
    out.push({ tipo: "intestazione", livello: 2, testo: t.livelli[livello] });
    out.push({
      tipo: "tabella",
      intestazione: [t.livelli[livello], k.nObiettivi, k.grado, k.tempi, k.classe],
      righe: list.map((v) => [v.voce, String(v.nObiettivi), pct(v.grado), pct(v.mediaRispettoTempi), v.classe ?? t.classi.nonValutabile]),
      numeriche: [1, 2, 3],
    });
    for (const v of list) if (v.nota) out.push({ tipo: "paragrafo", parti: [{ testo: `${v.voce}: ${v.nota}`, corsivo: true }] });
  }
  return out;
}

export function buildRelazione(input: RelazioneInput): Relazione {
  const c = input.consolidation;
  const titolo = t.titolo(c.esercizio);
  const blocchi: Blocco[] = [
    { tipo: "titolo", testo: titolo },
    { tipo: "sottotitolo", testo: t.sottotitolo(input.ente ?? null, c.al, c.file.length) },
    { tipo: "paragrafo", parti: [{ testo: t.avvertenza, corsivo: true }] },
    { tipo: "indice", titolo: t.indice },
    { tipo: "intestazione", livello: 1, testo: t.titoli.ente },
    { tipo: "paragrafo", parti: sintesi(c.ente) },
  ];
  if (c.ente.nota) blocchi.push({ tipo: "paragrafo", parti: [{ testo: c.ente.nota, corsivo: true }] });
  blocchi.push(classi(c.ente));
  if (c.settori.length) {
    blocchi.push({
      tipo: "tabella",
      intestazione: [t.colonne.settore, t.colonne.nObiettivi, t.colonne.grado, t.colonne.tempi, t.colonne.classe, t.colonne.fasiInRitardo],
      righe: c.settori.map((s) => [
        s.file,
        String(s.nObiettivi),
        pct(s.grado),
        pct(s.mediaRispettoTempi),
        s.classe ?? t.classi.nonValutabile,
        String(s.fasiInRitardo),
      ]),
      numeriche: [1, 2, 3, 5],
    });
    blocchi.push({
      tipo: "grafico",
      titolo: t.grafici.settori,
      barre: c.settori.map((s, i) => ({ etichetta: `S${i + 1}`, valore: s.grado, classe: s.classe })),
      soglie: soglieDi(input),
    });
    blocchi.push({
      tipo: "paragrafo",
      parti: [{ testo: t.legenda(c.settori.map((s, i) => `S${i + 1} = ${s.file} (${pct(s.grado)})`)), corsivo: true }],
    });
  }
  blocchi.push(...strategici(c));
  blocchi.push({ tipo: "intestazione", livello: 1, testo: t.titoli.settori });
  for (const s of c.settori) blocchi.push(...settore(c, s, input));
  blocchi.push(...performanceEnte(c, input));
  blocchi.push(...attenzione(c));
  return { titolo, blocchi };
}
