/**
 * The `peg` command line: dispatches to verifica, consolida and modello; never shows a stack trace.
 * Commands other than verifica are imported when asked for, so the bundle starts with less code.
 */
import { isPegError } from "../domain/errors";
import { cli as t } from "../strings/it";
import { processIO, type CliIO } from "./io";
import { runVerifica } from "./verifica";

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "verifica":
        return await runVerifica(rest, io);
      case "consolida": {
        const { runConsolida } = await import("./consolida");
        return await runConsolida(rest, io);
      }
      case "modello": {
        const { runModello } = await import("./modello");
        return await runModello(rest, io);
      }
      case "relazione": {
        const { runRelazione } = await import("./relazione");
        return await runRelazione(rest, io);
      }
      case undefined:
      case "-h":
      case "--help":
      case "aiuto":
        io.stdout(t.uso);
        return cmd === undefined ? 2 : 0;
      default:
        io.stderr(t.comandoSconosciuto(cmd));
        return 2;
    }
  } catch (e) {
    if (isPegError(e)) {
      io.stderr(e.message);
      return e.exitCode;
    }
    io.stderr(t.erroreImprevisto);
    if (process.env.PEG_DEBUG) io.stderr(String((e as Error)?.stack ?? e));
    return 2;
  }
}
