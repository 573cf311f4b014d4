/**
 * "Scarica relazione (.docx)" in the pane (Excel and the browser preview): the consolidation the
 * pane previewed → the document, saved through a Blob URL; nothing leaves the machine. Imported
 * lazily by the pane, so the document library is not in its first download.
 */
import type { Consolidation } from "../../domain/consolidation/model";
import type { TestiScheda } from "../../domain/relazione/model";
import type { Settings } from "../../domain/settings";
import { relazione as t } from "../../strings/it-documenti";
import { testiLetti } from "../../sheets/verifica-testi";
import { downloadBytes } from "../browser/download";
import { relazioneBytes } from "./index";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The document for a previewed consolidation (`testi` by file and foglio, when the host kept them). */
export async function relazioneDaAnteprima(
  dati: unknown,
  settings: Settings,
  testi?: Record<string, Record<string, TestiScheda>>,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const c = dati as Consolidation;
  const bytes = await relazioneBytes({
    consolidation: c,
    testi,
    soglie: { raggiunto: settings.classeRaggiunto, parziale: settings.classeParziale },
  });
  return { bytes, fileName: t.pane.nomeFile(c.esercizio) };
}

export function downloadDocx(bytes: Uint8Array, fileName: string): void {
  downloadBytes(bytes, fileName, DOCX_MIME);
}

export async function scaricaRelazione(dati: unknown, settings: Settings): Promise<void> {
  const { bytes, fileName } = await relazioneDaAnteprima(dati, settings, testiLetti((dati as Consolidation).file));
  downloadDocx(bytes, fileName);
}
