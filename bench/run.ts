/**
 * npm run bench [-- --json] [-- --solo cli,consolida,syncs,pane,startup,ods,read,hostile]
 * Speed and size targets, measured in one run on this machine and reported as ratios.
 */
import { benchCli } from "./cli";

const args = process.argv.slice(2);
const json = args.includes("--json");
const soloArg = args.find((a) => a.startsWith("--solo"));
const solo = soloArg ? (soloArg.split("=")[1] ?? args[args.indexOf(soloArg) + 1] ?? "").split(",") : null;
const want = (k: string): boolean => !solo || solo.includes(k);
const log = (s: string): void => {
  if (!json) process.stderr.write(`${s}\n`);
};

const result: Record<string, unknown> = {};
const table: Array<[string, string, string, string]> = [];

if (want("cli")) {
  const cli = await benchCli(log);
  result.cli = {
    verificaMs: cli.verificaMs,
    loadMs: cli.loadMs,
    ratio: cli.ratio,
    readerMs: cli.readerMs,
    verificaBesideReaderMs: cli.verificaBesideReaderMs,
    readerRatio: cli.readerRatio,
  };
  table.push(
    [
      "peg verifica (200 schede)",
      `${cli.verificaMs} ms`,
      `caricamento ExcelJS ${cli.loadMs} ms`,
      `rapporto ${cli.ratio} (obiettivo ≤ 1,3)`,
    ],
    [
      "peg verifica (200 schede)",
      `${cli.verificaBesideReaderMs} ms`,
      `lettore nuovo ${cli.readerMs} ms`,
      `rapporto ${cli.readerRatio} (obiettivo ≤ 1,3)`,
    ],
  );
}

for (const extra of ["consolida", "syncs", "syncsWeb", "pane", "startup", "ods", "read", "hostile"] as const) {
  if (!want(extra)) continue;
  try {
    const mod = (await import(`./${extra}.ts`)) as {
      bench: (log: (s: string) => void) => Promise<{ json: unknown; rows: Array<[string, string, string, string]> }>;
    };
    const r = await mod.bench(log);
    result[extra] = r.json;
    table.push(...r.rows);
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_MODULE_NOT_FOUND") continue;
    throw e;
  }
}

if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i]!)).join("  ")}\n`);
}
