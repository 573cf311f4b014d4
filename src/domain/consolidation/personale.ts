/**
 * Personale across workbooks: one row per person (personKey), their partecipazioni on every
 * scheda, totals, and PERSONA_NOME_VARIANTE where the same person is written in several ways.
 */
import { displayName, personKey, withoutPeriod } from "../persone";
import { quadratura, segnalazioniQuadratura, type VocePersonale } from "../quadratura";
import { consolidamento as t } from "../../strings/it";
import { extraOf } from "./extra";
import type { ConsolidationInput, Partecipazione, PersonaRiga, SegnalazioneFile } from "./model";

interface Occorrenza {
  scritto: string;
  file: string;
  foglio: string;
  cella: string;
}

function somma(xs: Array<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.round(v.reduce((a, b) => a + b, 0) * 100) / 100 : null;
}

function piuFrequente(xs: string[]): string | null {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

export function consolidatePersonale(
  inputs: ConsolidationInput[],
  esercizio: number | null = null,
): {
  persone: PersonaRiga[];
  segnalazioni: SegnalazioneFile[];
} {
  const voci: VocePersonale[] = [];
  const gruppi = new Map<string, { partecipazioni: Partecipazione[]; occorrenze: Occorrenza[] }>();
  for (const input of inputs)
    for (const scheda of input.report.schede) {
      const extra = extraOf(input, scheda.foglio);
      const celle = extra.cellePersonale ?? [];
      scheda.personale.forEach((p, i) => {
        const scritto = p.nome.trim();
        const key = personKey(scritto);
        if (!key) return;
        voci.push({
          nome: scritto,
          file: input.file,
          foglio: scheda.foglio,
          cella: celle[i] ?? "",
          prevista: p.prevista,
          realizzata: p.realizzata,
          fte: extra.ftePersonale?.[i] ?? null,
        });
        const g = gruppi.get(key) ?? { partecipazioni: [], occorrenze: [] };
        g.partecipazioni.push({
          file: input.file,
          foglio: scheda.foglio,
          tipo: scheda.tipo,
          numero: scheda.numero,
          titolo: scheda.titolo,
          nomeScritto: scritto,
          categoria: p.categoria,
          prevista: p.prevista,
          realizzata: p.realizzata,
        });
        g.occorrenze.push({
          scritto,
          file: input.file,
          foglio: scheda.foglio,
          cella: celle[i] ?? "",
        });
        gruppi.set(key, g);
      });
    }

  // Quadratura across every workbook (spec §4.3b): same keys as the groups above.
  const quadrature = quadratura(voci, esercizio ?? 0);
  const totali = new Map(quadrature.map((q) => [q.key, q]));
  const persone: PersonaRiga[] = [];
  // Only the totals over 100 %: each workbook's verifica already said the periods outside the esercizio.
  const segnalazioni: SegnalazioneFile[] = segnalazioniQuadratura(
    quadrature.map((q) => ({ ...q, fuoriEsercizio: [] })),
    esercizio ?? 0,
  ).map(({ file, ...s }) => ({ file: file ?? "", ...s }));
  for (const [key, g] of gruppi) {
    const q = totali.get(key);
    const scritti = g.occorrenze.map((o) => o.scritto);
    const varianti = [...new Set(scritti)];
    const categorie = g.partecipazioni.map((p) => p.categoria?.trim()).filter((c): c is string => !!c);
    persone.push({
      nome: displayName(scritti),
      varianti,
      categoria: piuFrequente(categorie),
      partecipazioni: g.partecipazioni,
      totalePrevista: somma(g.partecipazioni.map((p) => p.prevista)),
      totaleRealizzata: somma(g.partecipazioni.map((p) => p.realizzata)),
      capienza: q?.capacita ?? 100,
      periodi: q?.periodi ?? [],
      anomalie: [
        ...(q?.eccedenze.map((e) => e.misura) ?? []),
        ...(esercizio !== null && q?.fuoriEsercizio.length ? (["periodo"] as const) : []),
      ],
    });
    // A period of service ("(da maggio 2023)") is not a different spelling (spec §5): compare
    // the names without it. The most used spelling is the reference; each other one is flagged
    // where it first appears.
    const grafie = g.occorrenze.map((o) => withoutPeriod(o.scritto));
    if (new Set(grafie).size < 2) continue;
    const riferimento = piuFrequente(grafie)!;
    const viste = new Set<string>([riferimento]);
    g.occorrenze.forEach((o, k) => {
      const grafia = grafie[k]!;
      if (viste.has(grafia)) return;
      viste.add(grafia);
      segnalazioni.push({
        file: o.file,
        codice: "PERSONA_NOME_VARIANTE",
        gravita: "avviso",
        foglio: o.foglio,
        cella: o.cella,
        messaggio: t.segnalazioni.nomeVariante(
          o.scritto,
          riferimento,
          [...new Set(grafie)].filter((x) => x !== grafia && x !== riferimento),
        ),
      });
    });
  }
  persone.sort((a, b) => a.nome.localeCompare(b.nome, "it", { sensitivity: "base" }));
  return { persone, segnalazioni };
}
