/**
 * `peg consolida A.xlsx B.xlsx … | CARTELLA -o riepilogo.xlsx [--al AAAA-MM-GG] [--anno AAAA]
 * [--impostazioni FILE.json] [--confronta PRECEDENTE.xlsx] [--json] [--sovrascrivi]`: reads every settore's workbook (never writing to it), consolidates
 * them and writes the riepilogo to a new file. Exit codes: 0 no errore, 1 some errore or some
 * file unreadable, 2 when no input can be used at all (or the command line is wrong).
 */
import { WORKBOOK_EXTENSIONS } from "../hosts/formats";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { consolidateRead, readSources } from "../app/consolidation";
import { confronta, type Consolidation, type FileNonLetto } from "../domain/consolidation";
import { PegError, isPegError } from "../domain/errors";
import type { Settings } from "../domain/settings";
import { writeOutputFile } from "../hosts/xlsx/node-files";
import { workbookFromSpecs } from "../hosts/xlsx/render";
import { consolidationSheets } from "../sheets/layout-consolidation";
import { cli, consolidamento, fileErrors } from "../strings/it";
import type { Vocabulary } from "../sheets/vocabulary/vocabulary";
import { parseAl, parseAnno, parseArgs, settingsFrom, vocabFrom } from "./args";
import { leggiPrecedente } from "./confronta";
import { CLI_MESSAGES, settoreSource, type EsitoLettura, type Lettura } from "./consolida-read";
import type { CliIO } from "./io";

const t = consolidamento.cli;

export interface ConsolidaArgs {
  inputs: string[];
  output: string | null;
  al: string | null;
  anno: number | null;
  json: boolean;
  sovrascrivi: boolean;
  /** --impostazioni FILE.json and --confronta PRECEDENTE.xlsx (issue 11). */
  impostazioni: string | null;
  confronta: string | null;
  /** --profilo FILE.json (issue 8): the profilo di layout taught in the pane. */
  profilo: string | null;
}

/** The command line, checked; a wrong one is a PegError (exit 2) that says what to type. */
export function parseConsolidaArgs(argv: string[]): ConsolidaArgs {
  const p = parseArgs(argv, {
    boolean: ["json", "sovrascrivi"],
    value: ["o", "al", "anno", "impostazioni", "confronta", "profilo"],
    alias: { output: "o" },
  });
  const output = p.flags.get("o");
  const a: ConsolidaArgs = {
    inputs: p.positional,
    output: typeof output === "string" ? output : null,
    al: parseAl(p.flags.get("al")),
    anno: parseAnno(p.flags.get("anno")),
    json: p.flags.has("json"),
    sovrascrivi: p.flags.has("sovrascrivi"),
    impostazioni: typeof p.flags.get("impostazioni") === "string" ? (p.flags.get("impostazioni") as string) : null,
    confronta: typeof p.flags.get("confronta") === "string" ? (p.flags.get("confronta") as string) : null,
    profilo: typeof p.flags.get("profilo") === "string" ? (p.flags.get("profilo") as string) : null,
  };
  if (a.inputs.length === 0) throw new PegError(t.nessunInput);
  if (!a.output && !a.json) throw new PegError(t.nessunOutput);
  if (a.output && !/\.xlsx$/i.test(a.output)) throw new PegError(t.outputNonXlsx(a.output));
  return a;
}

interface Source {
  /** Path as the user can find it. */
  path: string;
  /** Absolute path. */
  abs: string;
}

/**
 * Input arguments → files. A folder gives its .xlsx files (not recursive, sorted, without Excel's
 * "~$" lock files and without the output file itself); a missing path is left to the reader,
 * which explains it.
 */
async function expandInputs(
  inputs: string[],
  cwd: string,
  outputAbs: string | null,
  note: (s: string) => void,
): Promise<{ sources: Source[]; problems: FileNonLetto[] }> {
  const sources: Source[] = [];
  const problems: FileNonLetto[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const st = await stat(abs).catch(() => null);
    if (!st?.isDirectory()) {
      sources.push({ path: input, abs });
      continue;
    }
    const names = (await readdir(abs, { withFileTypes: true }).catch(() => []))
      .filter((d) => (d.isFile() || d.isSymbolicLink()) && WORKBOOK_EXTENSIONS.test(d.name) && !d.name.startsWith("~$"))
      .map((d) => d.name)
      .sort((x, y) => x.localeCompare(y, "it", { numeric: true }));
    let added = 0;
    for (const name of names) {
      const fileAbs = join(abs, name);
      if (outputAbs && fileAbs === outputAbs) {
        note(t.outputInCartella(join(input, name)));
        continue;
      }
      sources.push({ path: join(input, name), abs: fileAbs });
      added++;
    }
    if (added === 0) problems.push({ file: input, motivo: t.cartellaVuota(input) });
  }
  // The same file named twice (or through a folder and by name) is read once.
  const seen = new Set<string>();
  const unique: Source[] = [];
  for (const src of sources) {
    const real = await realpath(src.abs).catch(() => src.abs);
    if (seen.has(real)) {
      note(t.doppio(src.path));
      continue;
    }
    seen.add(real);
    unique.push(src);
  }
  return { sources: unique, problems };
}

/** The name shown in the tables: the file name, or the path where two inputs share a name. */
function displayNames(sources: Source[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sources) counts.set(basename(s.abs), (counts.get(basename(s.abs)) ?? 0) + 1);
  return sources.map((s) => (counts.get(basename(s.abs))! > 1 ? s.path : basename(s.abs)));
}

/** Refuse a bad output before reading anything (the writer checks again when it writes). */
async function checkOutput(outputAbs: string, shown: string, sources: Source[], overwrite: boolean): Promise<void> {
  const real = async (p: string) => realpath(p).catch(() => p);
  const out = await real(outputAbs);
  for (const s of sources) if ((await real(s.abs)) === out) throw new PegError(fileErrors.outputIsInput(shown));
  const st = await stat(outputAbs).catch(() => null);
  if (st?.isDirectory()) throw new PegError(fileErrors.outputIsDirectory(shown));
  if (st && !overwrite) throw new PegError(fileErrors.outputExists(shown));
}

function fmtPct(x: number | null): string {
  return x === null ? t.riassunto.nd : `${x.toLocaleString("it-IT", { maximumFractionDigits: 1 })}%`;
}

function summary(c: Consolidation): string {
  const r = t.riassunto;
  const line = (label: string, s: Omit<Consolidation["ente"], "nFile">): string =>
    `  ${label}: ${r.obiettivi(s.nObiettivi)}, ${r.grado(fmtPct(s.grado))}` +
    (s.classe ? ` (${s.classe})` : "") +
    `, ${r.tempi(fmtPct(s.mediaRispettoTempi))}` +
    (s.nota ? `\n    ${s.nota}` : "");
  const count = (g: string) => c.segnalazioni.filter((s) => s.gravita === g).length;
  const out = [r.titolo(c.file.length, c.esercizio, c.al)];
  for (const s of c.settori) out.push(line(s.file, s));
  out.push(line(r.ente, c.ente));
  out.push(r.fasi(c.fasiInRitardo.length));
  out.push(r.persone(c.personale.length, c.personale.filter((p) => p.varianti.length > 1).length));
  out.push(r.segnalazioni(count("errore"), count("avviso"), count("info")));
  if (c.fileNonLetti.length) out.push(r.nonLetti(c.fileNonLetti.length));
  return out.join("\n");
}

export async function runConsolida(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(t.uso);
    return 0;
  }
  let args: ConsolidaArgs;
  try {
    args = parseConsolidaArgs(argv);
  } catch (e) {
    if (!isPegError(e)) throw e;
    io.stderr(`${e.message}\n${t.uso}`);
    return 2;
  }
  try {
    return await consolida(args, io);
  } catch (e) {
    if (!isPegError(e)) throw e;
    io.stderr(e.message);
    return e.exitCode;
  }
}

/** Reads every file in input order through the shared loop, calling `onDone` as each ends. */
export async function leggiTutti(
  jobs: Lettura[],
  settings: Settings,
  today: Date,
  vocab: Vocabulary | undefined,
  onDone: (i: number, esito: EsitoLettura) => void,
): Promise<EsitoLettura[]> {
  return readSources(jobs.map(settoreSource), settings, { today, messages: CLI_MESSAGES, onDone, vocab });
}

async function consolida(args: ConsolidaArgs, io: CliIO): Promise<number> {
  const cwd = process.cwd();
  const settings = settingsFrom(args.impostazioni ?? undefined, args.al, args.anno);
  const vocab = vocabFrom(args.profilo ?? undefined);
  // The earlier riepilogo is checked before the long work: a wrong file stops here (exit 2).
  const precedente = args.confronta ? await leggiPrecedente(args.confronta) : null;
  const today = io.today();
  const outputAbs = args.output ? resolve(cwd, args.output) : null;
  const progress = (s: string) => {
    if (!args.json) io.stderr(s);
  };

  const { sources, problems } = await expandInputs(args.inputs, cwd, outputAbs, progress);
  if (outputAbs) await checkOutput(outputAbs, args.output!, sources, args.sovrascrivi);
  const names = displayNames(sources);
  for (const p of problems) io.stderr(t.nonLetto(p.file, p.motivo));
  const jobs = sources.map((src, i) => ({ abs: src.abs, name: names[i]! }));
  let done = 0;
  const esiti = await leggiTutti(jobs, settings, today, vocab, (i, esito) => {
    done++;
    const src = sources[i]!;
    if (!esito.ok) {
      io.stderr(t.nonLetto(src.path, esito.motivo));
      return;
    }
    const seg = esito.input.report.segnalazioni;
    progress(t.progresso(done, sources.length, src.path));
    progress(
      t.letto(
        esito.input.report.schede.length,
        seg.filter((s) => s.gravita === "errore").length,
        seg.filter((s) => s.gravita === "avviso").length,
      ),
    );
  });
  // Input order, whatever order the files were read in.
  const consolidato = consolidateRead(names, esiti, settings, problems);
  if (!consolidato) {
    io.stderr(t.nessunoUtilizzabile);
    return 2;
  }
  const { consolidation: c, nonLetti } = consolidato;
  if (precedente) c.variazioni = confronta(precedente, c);
  if (args.output) {
    progress(cli.progressoScrittura(args.output));
    const bytes = await workbookFromSpecs(consolidationSheets(c));
    await writeOutputFile(outputAbs!, bytes, {
      overwrite: args.sovrascrivi,
      inputPaths: sources.map((s) => s.abs),
    });
  }
  if (args.json) io.stdout(JSON.stringify(c, null, 2));
  else {
    io.stdout(summary(c));
    if (args.output) io.stdout(t.scritto(args.output));
  }
  const errori = c.segnalazioni.some((s) => s.gravita === "errore");
  return errori || nonLetti.length > 0 ? 1 : 0;
}
