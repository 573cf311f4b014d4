/**
 * The pane in a real browser: initial JavaScript (gzipped, office.js and lazy chunks excluded) and
 * the time from opening the preview to seeing the sample's results in headless Chromium.
 * Targets: ≤ 200 KB and ≤ 1.5 s. Needs /usr/bin/chromium.
 */
import { existsSync } from "node:fs";
import { measurePane } from "../tests/e2e/measure";

export async function bench(log: (s: string) => void) {
  if (!existsSync("/usr/bin/chromium")) {
    log("Chromium non è installato (/usr/bin/chromium): misure del riquadro saltate. Installarlo con apt-get install -y chromium.");
    return { json: null, rows: [["riquadro", "non misurato", "manca Chromium", ""]] as Array<[string, string, string, string]> };
  }
  log("Compilazione e misura del riquadro in Chromium…");
  const p = await measurePane({ runs: 5 });
  return {
    json: { initialJsGzipKb: p.initialJsGzipKb, sampleResultsMs: p.sampleResultsMs },
    rows: [
      [
        "JavaScript iniziale del riquadro (gzip)",
        `${p.initialJsGzipKb} KB`,
        Object.entries(p.pages)
          .map(([k, v]) => `${k} ${v} KB`)
          .join(", "),
        "obiettivo ≤ 200 KB",
      ],
      ["Dall'apertura ai risultati dell'esempio", `${p.sampleResultsMs} ms`, `mediana di ${p.runsMs.length}`, "obiettivo ≤ 1500 ms"],
    ] as Array<[string, string, string, string]>,
  };
}
