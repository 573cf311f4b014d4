/** Diagnostics with their stable codes and gravità (spec §5). Messages live in src/strings/it.ts. */
import type { Codice, Gravita, Segnalazione } from "./model";

export const GRAVITA: Record<Codice, Gravita> = {
  PARTECIPAZIONE_PREVISTA_SOMMA: "errore",
  PARTECIPAZIONE_REALIZZATA_SOMMA: "avviso",
  PARTECIPAZIONE_NON_VALIDA: "errore",
  PERSONA_NOME_VARIANTE: "avviso",
  OBIETTIVO_NUMERO_DUPLICATO: "avviso",
  PESATURA_MANCANTE: "avviso",
  FASE_SENZA_PREVISTO: "avviso",
  FASE_MARCATA_SENZA_DESCRIZIONE: "avviso",
  EFFETTIVO_FUTURO: "errore",
  FASE_IN_RITARDO: "avviso",
  ESITO_NON_VALIDO: "errore",
  ESITO_DIVERGENTE: "avviso",
  INDICATORE_NON_VALUTABILE: "avviso",
  DATA_SENZA_ANNO: "info",
  MEDIA_VALORE_DIVERGENTE: "avviso",
  MEDIA_TEMPI_DIVERGENTE: "avviso",
  INDICE_MEDIA_DIVERGENTE: "avviso",
  SCHEDA_NON_RICONOSCIUTA: "info",
  PERSONA_PARTECIPAZIONE_ECCEDENTE: "avviso",
  PERSONA_PERIODO_FUORI_ESERCIZIO: "avviso",
  OBIETTIVO_PREREQUISITO: "info",
  ESITO_FORZATO: "info",
  CRONOPROGRAMMA_SOLO_PREVISTO: "avviso",
  BLOCCO_NON_RICONOSCIUTO: "avviso",
  VALORE_ERRORE_EXCEL: "avviso",
  FOGLIO_NASCOSTO: "info",
  CELLE_FUORI_AREA: "info",
};

export function segnalazione(codice: Codice, foglio: string, cella: string, messaggio: string): Segnalazione {
  return { codice, gravita: GRAVITA[codice], foglio, cella, messaggio };
}

const ORDER: Record<Gravita, number> = { errore: 0, avviso: 1, info: 2 };

/** Stable order: by sheet order given, then by row and column of the cell, then gravità. */
export function sortSegnalazioni(list: Segnalazione[], sheetOrder: string[]): Segnalazione[] {
  const idx = new Map(sheetOrder.map((n, i) => [n, i]));
  const key = (cella: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cella);
    if (!m) return [0, 0];
    let c = 0;
    for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), c];
  };
  return [...list].sort((a, b) => {
    const s = (idx.get(a.foglio) ?? 1e9) - (idx.get(b.foglio) ?? 1e9);
    if (s) return s;
    const [ra, ca] = key(a.cella);
    const [rb, cb] = key(b.cella);
    return ra - rb || ca - cb || ORDER[a.gravita] - ORDER[b.gravita];
  });
}

export function countByGravita(list: Segnalazione[]): Record<Gravita, number> {
  const out: Record<Gravita, number> = { errore: 0, avviso: 0, info: 0 };
  for (const s of list) out[s.gravita]++;
  return out;
}
