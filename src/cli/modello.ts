/** `peg modello -o FILE.xlsx [--anno YYYY] [--sovrascrivi]`: a new workbook ready to fill. */
import { PegError } from "../domain/errors";
import { workbookFromSpecs } from "../hosts/xlsx";
import { writeOutputFile } from "../hosts/xlsx/node-files";
import { planModello } from "../sheets/plans";
import { cli as t } from "../strings/it";
import { parseAnno, parseArgs } from "./args";
import type { CliIO } from "./io";

export async function runModello(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { boolean: ["sovrascrivi"], value: ["o", "anno"], alias: { output: "o" } });
  const out = args.flags.get("o");
  if (typeof out !== "string" || args.positional.length > 0) throw new PegError(t.uscitaMancante);
  const anno = parseAnno(args.flags.get("anno")) ?? io.today().getFullYear();
  const bytes = await workbookFromSpecs(planModello(anno).newSheets);
  await writeOutputFile(out, bytes, { overwrite: args.flags.has("sovrascrivi"), inputPaths: [] });
  io.stderr(t.modelloScritto(out, anno));
  return 0;
}
