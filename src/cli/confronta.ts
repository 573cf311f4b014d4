/** `--confronta PRECEDENTE.xlsx` (issue 11): the earlier riepilogo, read from disk and checked to be one of ours. */
import { basename } from "node:path";
import type { Precedente } from "../domain/consolidation";
import { isPegError, PegError } from "../domain/errors";
import { loadWorkbookGrid } from "../hosts/xlsx/load";
import { readInputFile } from "../hosts/xlsx/node-files";
import { leggiRiepilogoPrecedente } from "../sheets/consolidation/precedente";
import { controlli } from "../strings/it";

export async function leggiPrecedente(path: string): Promise<Precedente> {
  const name = basename(path);
  try {
    const bytes = await readInputFile(path);
    const { grid } = await loadWorkbookGrid(bytes, { fileName: name });
    return leggiRiepilogoPrecedente(grid, name);
  } catch (e) {
    if (!isPegError(e)) throw e;
    // Say which file the message is about: the reader's messages name the file, the riepilogo's check too.
    throw new PegError(e.message.includes(name) ? e.message : controlli.consolidamento.confronta.nonLeggibile(name, e.message));
  }
}
