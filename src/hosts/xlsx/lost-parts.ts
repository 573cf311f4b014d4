/**
 * What a copy written through ExcelJS will not carry. ExcelJS rebuilds the workbook from the
 * parts it understands and silently drops the rest (checked: a chart's part and its anchor
 * vanish while a picture on the same drawing survives). The zip's entry names tell which of
 * those parts a workbook has, without inflating anything, so a front end can warn first.
 */
import { fileErrors } from "../../strings/it";
import { asBytes, centralDirectoryNames } from "./sniff";

const LOST: Array<[RegExp, string]> = [
  [/^xl\/charts\/chart/, "grafici"],
  [/^xl\/chartsheets\//, "fogli grafico"],
  [/^xl\/pivot(Tables|CacheDefinitions|Cache)\//, "tabelle pivot"],
  [/^xl\/vbaProject\.bin$/, "macro (VBA)"],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, "filtri dei dati (slicer e sequenze temporali)"],
  [/^xl\/externalLinks\//, "collegamenti ad altre cartelle di lavoro"],
  [/^xl\/threadedComments\//, "commenti in thread (il testo resta come nota)"],
  [/^xl\/(ctrlProps|activeX)\//, "controlli dei moduli"],
  [/^xl\/(connections\.xml|queryTables\/)/, "connessioni dati e query"],
  [/^docProps\/custom\.xml$/, "proprietà personalizzate del documento"],
];

/** Italian names of the kinds of content the copy will lose, in a fixed order; [] when none. */
export function partsLostOnCopy(data: Uint8Array | ArrayBuffer): string[] {
  const names = centralDirectoryNames(asBytes(data)) ?? [];
  const clean = names.map((n) => (n.startsWith("/") ? n.slice(1) : n));
  return LOST.filter(([re]) => clean.some((n) => re.test(n))).map(([, label]) => label);
}

/** The warning a front end shows before writing a copy, or null when nothing is lost. */
export function copyLossWarning(data: Uint8Array | ArrayBuffer): string | null {
  const parts = partsLostOnCopy(data);
  return parts.length ? fileErrors.copyLoses(parts) : null;
}
