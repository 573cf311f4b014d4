/** Runs the `peg` command line in-process, capturing its output. */
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function peg(args: string[], today = new Date("2026-11-24T10:00:00Z")): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (s) => void (stdout += s + "\n"),
    stderr: (s) => void (stderr += s + "\n"),
    today: () => today,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
