/**
 * Start-up of the command line as a user meets it: the whole process of
 * `peg verifica assets/esempio-peg-2023.xlsx` (bin/peg.mjs running the bundle that `npm ci`
 * builds) against a bare `node -e 0`, interleaved run by run, medians. Target: ratio ≤ 4.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { interleavedMedians, round } from "./timing";

const SAMPLE = "assets/esempio-peg-2023.xlsx";

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "ignore" });
    child.on("error", reject);
    child.on("close", () => resolve());
  });
}

export async function bench(log: (s: string) => void) {
  // The bundle as npm's "prepare" leaves it, built afresh so that it matches the sources.
  spawnSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
  if (!existsSync("dist-cli/inputs.json")) throw new Error("the command-line bundle could not be built");
  log("Avvio di peg verifica sul file di esempio, contro node -e 0…");
  const [ms, nodeMs] = await interleavedMedians(15, [() => run(["bin/peg.mjs", "verifica", SAMPLE]), () => run(["-e", "0"])]);
  const ratio = round(ms! / nodeMs!, 2);
  return {
    json: { ms: round(ms!), nodeMs: round(nodeMs!), ratio },
    rows: [
      ["avvio di peg verifica (esempio)", `${round(ms!)} ms`, `node -e 0 ${round(nodeMs!)} ms`, `rapporto ${ratio} (obiettivo ≤ 4)`],
    ] as Array<[string, string, string, string]>,
  };
}
