/**
 * The hostile corpus (tests/fixtures/hostile.ts), each workbook through `peg verifica` in a
 * child process of its own: wall time and maximum resident memory (GNU time), the worst of
 * each over the corpus. Every case must end in a message or a report, without a stack trace.
 * Targets: ≤ 10,000 ms and ≤ 1,024 MB.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostileCases } from "../tests/fixtures/hostile";
import { round } from "./timing";

const TIME = "/usr/bin/time";
/** Past this a case is stopped and counted as failed: the targets are far below it. */
const KILL_MS = 60_000;

interface CaseResult {
  name: string;
  ms: number;
  rssMb: number | null;
  exit: number | null;
  ok: boolean;
  /** For a case that did not end well: the last lines it printed on stderr. */
  detail?: string;
}

export async function bench(log: (s: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "peg-hostile-"));
  const gnuTime = existsSync(TIME);
  const results: CaseResult[] = [];
  try {
    for (const c of hostileCases) {
      const file = join(dir, `${c.name}.xlsx`);
      writeFileSync(file, c.build());
      const cmd = [process.execPath, "bin/peg.mjs", "verifica", file, "--json"];
      const t0 = performance.now();
      const r = gnuTime
        ? spawnSync(TIME, ["-f", "PEG_TIME %e %M", ...cmd], { encoding: "utf8", timeout: KILL_MS, maxBuffer: 64 * 1024 * 1024 })
        : spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8", timeout: KILL_MS, maxBuffer: 64 * 1024 * 1024 });
      const wall = performance.now() - t0;
      const stderr = r.stderr ?? "";
      const m = /PEG_TIME ([\d.]+) (\d+)/.exec(stderr);
      const ms = m ? Number(m[1]) * 1000 : wall;
      const rssMb = m ? Number(m[2]) / 1024 : null;
      // The command's own exit code: 0/1 with a report, 2 with a message; never a stack trace.
      const exit = r.status;
      const ok =
        exit !== null &&
        exit <= 2 &&
        !/\n\s+at .+\(|\n\s+at [\w.]+ /.test(stderr) &&
        (exit === 2 ? /\S/.test(stderr) : /\{/.test(r.stdout ?? ""));
      const detail = ok
        ? undefined
        : stderr
            .replace(/PEG_TIME.*\n?/, "")
            .trim()
            .split("\n")
            .slice(-3)
            .join(" | ")
            .slice(0, 300);
      results.push({
        name: c.name,
        ms: round(ms),
        rssMb: rssMb === null ? null : round(rssMb),
        exit,
        ok,
        ...(detail === undefined ? {} : { detail }),
      });
      log(
        `  ${c.name}: ${round(ms)} ms, ${rssMb === null ? "?" : round(rssMb)} MB, uscita ${exit ?? "interrotto"}${ok ? "" : " — NON CONFORME"}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  const worstRss = results.reduce((a, b) => ((b.rssMb ?? 0) > (a.rssMb ?? 0) ? b : a));
  const failed = results.filter((r) => !r.ok).map((r) => `${r.name} (uscita ${r.exit ?? "interrotto"}: ${r.detail ?? ""})`);
  return {
    json: {
      worstMs: worst.ms,
      worstRssMb: worstRss.rssMb,
      worstCase: worst.name,
      worstRssCase: worstRss.name,
      cases: results.length,
      failed,
    },
    rows: [
      [
        `file ostili (${results.length}, un processo ciascuno)`,
        `peggiore ${worst.ms} ms (${worst.name})`,
        `memoria massima ${worstRss.rssMb ?? "?"} MB (${worstRss.name})`,
        `obiettivi ≤ 10.000 ms e ≤ 1.024 MB${failed.length ? `; NON CONFORMI: ${failed.join(", ")}` : ""}`,
      ],
    ] as Array<[string, string, string, string]>,
  };
}
