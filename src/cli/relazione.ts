/**
 * `peg relazione A.xlsx B.ods … | CARTELLA -o relazione.docx [--al AAAA-MM-GG] [--anno AAAA]
 * [--sovrascrivi]`: reads every settore's workbook (never writing to it), consolidates them and
 * writes a draft Relazione sulla performance in Word. Exit codes as `peg consolida`: 0 no errore,
 * 1 some errore or some file unreadable, 2 when nothing can be used or the command line is wrong.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { consolidate, type ConsolidationInput, type FileNonLetto } from "../domain/consolidation";
import { PegError, isPegError } from "../domain/errors";
import type { TestiScheda } from "../domain/relazione/model";
import type { Settings } from "../domain/settings";
import { WORKBOOK_EXTENSIONS } from "../hosts/formats";
import { loadWorkbookGrid } from "../hosts/xlsx/load";
import { checkOutputFile, readInputFile, writeOutputFile } from "../hosts/xlsx/node-files";
import { inputFromAnalysis } from "../sheets/consolidation/input";
import { verifica } from "../sheets/verifica";
import { testiVerifica } from "../sheets/verifica-testi";
import { cli, consolidamento } from "../strings/it";
import { relazione as r } from "../strings/it-documenti";
import type { Vocabulary } from "../sheets/vocabulary/vocabulary";
import { parseAl, parseAnno, parseArgs, settingsFrom, vocabFrom } from "./args";
import type { CliIO } from "./io";

const tc = consolidamento.cli;

export interface RelazioneArgs {
  inputs: string[];
  output: string;
  al: string | null;
  anno: number | null;
  sovrascrivi: boolean;
  /** --impostazioni FILE.json (settings as the pane exports them), --profilo FILE.json (taught labels). */
  impostazioni: string | null;
  profilo: string | null;
}

export function parseRelazioneArgs(argv: string[]): RelazioneArgs {
  const p = parseArgs(argv, { boolean: ["sovrascrivi"], value: ["o", "al", "anno", "impostazioni", "profilo"], alias: { output: "o" } });
  const output = p.flags.get("o");
  if (p.positional.length === 0) throw new PegError(tc.nessunInput);
  if (typeof output !== "string") throw new PegError(r.cli.nessunOutput);
  if (!/\.docx$/i.test(output)) throw new PegError(r.cli.outputNonDocx(output));
  return {
    inputs: p.positional,
    output,
    al: parseAl(p.flags.get("al")),
    anno: parseAnno(p.flags.get("anno")),
    sovrascrivi: p.flags.has("sovrascrivi"),
    impostazioni: typeof p.flags.get("impostazioni") === "string" ? (p.flags.get("impostazioni") as string) : null,
    profilo: typeof p.flags.get("profilo") === "string" ? (p.flags.get("profilo") as string) : null,
  };
}

interface Source {
  path: string;
  abs: string;
}

/** A folder gives its workbooks (.xlsx, .ods, .xls; not recursive, sorted, no "~$" lock files). */
async function expand(inputs: string[], cwd: string, problems: FileNonLetto[]): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>();
  const add = async (path: string, abs: string) => {
    const real = await realpath(abs).catch(() => abs);
    if (seen.has(real)) return;
    seen.add(real);
    out.push({ path, abs });
  };
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const st = await stat(abs).catch(() => null);
    if (!st?.isDirectory()) {
      await add(input, abs);
      continue;
    }
    const names = (await readdir(abs, { withFileTypes: true }).catch(() => []))
      .filter((d) => (d.isFile() || d.isSymbolicLink()) && WORKBOOK_EXTENSIONS.test(d.name) && !d.name.startsWith("~$"))
      .map((d) => d.name)
      .sort((x, y) => x.localeCompare(y, "it", { numeric: true }));
    if (names.length === 0) problems.push({ file: input, motivo: tc.cartellaVuota(input) });
    for (const name of names) await add(join(input, name), join(abs, name));
  }
  return out;
}

type Letto = { ok: true; input: ConsolidationInput; testi: Record<string, TestiScheda> } | { ok: false; motivo: string };

async function leggi(src: Source, name: string, settings: Settings, today: Date, vocab: Vocabulary | undefined): Promise<Letto> {
  try {
    const bytes = await readInputFile(src.abs);
    const { grid } = await loadWorkbookGrid(bytes, { fileName: name });
    const analysis = verifica(grid, { file: name, settings, today, vocab });
    if (analysis.schede.length === 0) throw new PegError(tc.nessunaScheda(name));
    return { ok: true, input: inputFromAnalysis(analysis), testi: testiVerifica(analysis) };
  } catch (e) {
    return { ok: false, motivo: isPegError(e) ? e.message : tc.erroreImprevistoFile(name) };
  }
}

export async function runRelazione(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(r.cli.uso);
    return 0;
  }
  let args: RelazioneArgs;
  try {
    args = parseRelazioneArgs(argv);
  } catch (e) {
    if (!isPegError(e)) throw e;
    io.stderr(`${e.message}\n${r.cli.uso}`);
    return 2;
  }
  const settings = settingsFrom(args.impostazioni ?? undefined, args.al, args.anno);
  const vocab = vocabFrom(args.profilo ?? undefined);
  const cwd = process.cwd();
  const outputAbs = resolve(cwd, args.output);
  const nonLetti: FileNonLetto[] = [];
  const sources = (await expand(args.inputs, cwd, nonLetti)).filter((s) => s.abs !== outputAbs);
  await checkOutputFile(outputAbs, { overwrite: args.sovrascrivi, inputPaths: sources.map((s) => s.abs) });
  for (const p of nonLetti) io.stderr(tc.nonLetto(p.file, p.motivo));
  // Two inputs with one name are told apart by their path.
  const counts = new Map<string, number>();
  for (const s of sources) counts.set(basename(s.abs), (counts.get(basename(s.abs)) ?? 0) + 1);
  const inputs: ConsolidationInput[] = [];
  const testi: Record<string, Record<string, TestiScheda>> = Object.create(null) as Record<string, Record<string, TestiScheda>>;
  for (const [i, src] of sources.entries()) {
    const name = counts.get(basename(src.abs))! > 1 ? src.path : basename(src.abs);
    io.stderr(tc.progresso(i + 1, sources.length, src.path));
    const letto = await leggi(src, name, settings, io.today(), vocab);
    if (!letto.ok) {
      io.stderr(tc.nonLetto(src.path, letto.motivo));
      nonLetti.push({ file: name, motivo: letto.motivo });
      continue;
    }
    inputs.push(letto.input);
    testi[name] = letto.testi;
  }
  if (inputs.length === 0) {
    io.stderr(tc.nessunoUtilizzabile);
    return 2;
  }
  const c = consolidate(inputs, settings, { nonLetti });
  io.stderr(cli.progressoScrittura(args.output));
  // The document library is loaded only by this command.
  const { relazioneBytes } = await import("../hosts/docx");
  const bytes = await relazioneBytes({
    consolidation: c,
    testi,
    soglie: { raggiunto: settings.classeRaggiunto, parziale: settings.classeParziale },
  });
  await writeOutputFile(outputAbs, bytes, { overwrite: args.sovrascrivi, inputPaths: sources.map((s) => s.abs) });
  io.stdout(r.cli.scritto(args.output));
  const errori = c.segnalazioni.some((s) => s.gravita === "errore");
  return errori || nonLetti.length > 0 ? 1 : 0;
}
