/** `peg verifica FILE.xlsx [--json] [--al] [--anno] [--scrivi OUT.xlsx [--sovrascrivi]]`. */
import { basename } from "node:path";
import { PegError } from "../domain/errors";
import { displayValue } from "../domain/values";
import { loadWorkbookGrid } from "../hosts/xlsx/load";
import { checkOutputFile, readInputFile, writeOutputFile } from "../hosts/xlsx/node-files";
import { planEsiti, planEvidenziazioni } from "../sheets/plans";
import { verifica } from "../sheets/verifica";
import { conflicts, type WritePlan } from "../sheets/write-plan";
import { cli as t } from "../strings/it";
import { parseAl, parseAnno, parseArgs, settingsFrom, vocabFrom } from "./args";
import { formatReport } from "./report-text";
import type { CliIO } from "./io";

export async function runVerifica(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { boolean: ["json", "sovrascrivi"], value: ["al", "anno", "scrivi", "impostazioni", "profilo"] });
  if (args.positional.length === 0) throw new PegError(t.fileMancante);
  if (args.positional.length > 1) throw new PegError(t.troppiFile);
  const file = args.positional[0]!;
  const json = args.flags.has("json");
  const out = args.flags.get("scrivi");
  const sovrascrivi = args.flags.has("sovrascrivi");
  if (sovrascrivi && typeof out !== "string") throw new PegError(t.sovrascriviSenzaScrivi);
  // --impostazioni FILE.json (issue 11): fasce, missing-data policy, decreasing formula…; --al/--anno win.
  const settings = settingsFrom(args.flags.get("impostazioni"), parseAl(args.flags.get("al")), parseAnno(args.flags.get("anno")));
  // --profilo FILE.json (issue 8): labels taught in the pane, added to the built-in vocabulary.
  const vocab = vocabFrom(args.flags.get("profilo"));
  const progress = (m: string): void => {
    if (!json) io.stderr(m);
  };

  // A wrong output path is refused before the long work.
  if (typeof out === "string") await checkOutputFile(out, { overwrite: sovrascrivi, inputPaths: [file] });
  progress(t.progressoLettura(file));
  const bytes = await readInputFile(file);
  const { grid } = await loadWorkbookGrid(bytes, { fileName: basename(file) });
  progress(t.progressoVerifica(grid.sheets.length));
  const analysis = verifica(grid, { file: basename(file), settings, today: io.today(), vocab });
  const report = analysis.report;
  const noScheda = report.schede.length === 0;

  if (json) io.stdout(JSON.stringify(report, null, 2));
  else io.stdout(formatReport(report));
  if (noScheda) {
    io.stderr(t.nessunaScheda(basename(file)));
    return 2;
  }

  if (typeof out === "string") {
    const esiti = planEsiti(analysis);
    const skipped = sovrascrivi ? [] : conflicts(esiti);
    const applied = esiti.writes.filter((w) => sovrascrivi || !w.conflict);
    // A cell that the esiti fix needs no highlight.
    const fixed = new Set(applied.map((w) => `${w.foglio}!${w.cella}`));
    const highlights = planEvidenziazioni(analysis, settings).writes.filter((w) => !fixed.has(`${w.foglio}!${w.cella}`));
    const plan: WritePlan = { writes: [...applied, ...highlights], newSheets: [] };
    if (skipped.length && !json) {
      io.stderr(t.nonSovrascritte(skipped.length));
      for (const w of skipped)
        io.stderr(`  ${w.foglio}!${w.cella}: «${displayValue(w.previous.value)}» → «${displayValue(w.value ?? null)}»`);
    }
    // The copy's writer is loaded only when a copy is asked for: a plain verifica starts faster.
    const { applyPlanToCopy } = await import("../hosts/xlsx/apply");
    const { cutTextNotes } = await import("../hosts/xlsx/patch/text");
    for (const note of cutTextNotes(plan)) io.stderr(note);
    // The copy keeps the input's format; an .xls can only be copied as an .xlsx (src/hosts/formats.ts).
    const { copyFormatNote } = await import("../hosts/formats");
    const note = copyFormatNote(bytes, basename(file), out);
    if (note) io.stderr(note);
    progress(t.progressoScrittura(out));
    const copy = await applyPlanToCopy(bytes, plan, { fileName: basename(file) });
    await writeOutputFile(out, copy, { overwrite: sovrascrivi, inputPaths: [file] });
    progress(t.scritto(out, plan.writes.length));
  }
  return report.segnalazioni.some((s) => s.gravita === "errore") ? 1 : 0;
}
