/** Builds the bench's workbooks: N schede obiettivo in the familiar layout, with seed-like data. */
import { workbookFromSpecs } from "../src/hosts/xlsx";
import { layoutSchedaEnte } from "../src/sheets/layout/scheda-ente";
import { layoutSchedaObiettivo } from "../src/sheets/layout/scheda-obiettivo";
import type { SheetSpec } from "../src/sheets/sheet-spec";
import { ANNO, SCHEDA_ENTE, SCHEDE_OBIETTIVO } from "../scripts/seed-data";

/** `schede` schede obiettivo (cycling through the seed's four, renumbered) plus one ente scheda. */
export function benchSpecs(schede: number, settore = 1): SheetSpec[] {
  const specs: SheetSpec[] = [layoutSchedaEnte({ nome: "Ente", anno: ANNO, dati: SCHEDA_ENTE })];
  for (let i = 0; i < schede; i++) {
    const base = SCHEDE_OBIETTIVO[i % SCHEDE_OBIETTIVO.length]!;
    const numero = `${settore}.${String(Math.floor(i / 10) + 1).padStart(2, "0")}.${String((i % 10) + 1).padStart(2, "0")}`;
    specs.push(layoutSchedaObiettivo({ nome: `Ob ${i + 1}`, anno: ANNO, dati: { ...base, numero, pesatura: (i % 5) + 1 } }));
  }
  return specs;
}

export function benchWorkbook(schede: number, settore = 1): Promise<Uint8Array> {
  return workbookFromSpecs(benchSpecs(schede, settore));
}
