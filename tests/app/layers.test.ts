/**
 * Imports point downward only (docs/ARCHITECTURE.md): domain ← sheets ← app ← hosts ← front ends.
 * Scans every import (static, re-export, dynamic, `typeof import`) of every file under src/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

/** Rank of each top-level folder of src/; a file may import only from a lower or equal rank. */
const RANK: Record<string, number> = {
  strings: 0, // user-facing words: a leaf every layer uses
  domain: 1,
  sheets: 2,
  app: 3,
  hosts: 4,
  // Front ends.
  ui: 5,
  web: 5,
  cli: 5,
  commands: 5,
  taskpane: 5,
};

/**
 * Known exceptions, each with its reason. The list is asserted exactly: a new upward import
 * fails, and so does fixing one of these without taking it off the list.
 */
const KNOWN: Record<string, string> = {
  // Number formatting for the messages: domain/text imports nothing, so no cycle.
  "strings/it.ts → domain/text": "the words use the Italian number format",
  // The cell value type should live in domain; the lead is moving domain/values.ts (issue 10 report).
  "domain/values.ts → sheets/grid": "type-only import of CellScalar, pending the lead's values.ts move",
};

/** Front ends that must not import one another, besides what they are built on. */
const FRONT_ENDS_ALLOWED: Record<string, string[]> = {
  // The preview's page hosts the pane; the Office task pane page mounts the pane and the ribbon.
  web: ["ui"],
  taskpane: ["ui", "commands"],
  ui: [],
  cli: [],
  commands: [],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.(ts|tsx|mts)$/.test(d.name) ? [p] : [];
  });
}

const IMPORT = /\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const top = (abs: string): string => relative(SRC, abs).split(/[\\/]/)[0]!;

/** Every import among these files (absolute paths under src/) that points up a layer, as "from → to". */
function violationsIn(sources: Array<{ file: string; text: string }>): string[] {
  const out: string[] = [];
  for (const { file, text } of sources) {
    const from = top(file);
    for (const spec of importsOf(text)) {
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec);
      if (relative(SRC, target).startsWith("..")) continue; // assets, outside src/
      const to = top(target);
      const rf = RANK[from];
      const rt = RANK[to];
      const where = `${relative(SRC, file)} → ${relative(SRC, target)}`;
      if (rf === undefined || rt === undefined) out.push(`${where} (folder without a layer: add it to RANK)`);
      else if (rt > rf) out.push(where);
      else if (rf === 5 && rt === 5 && from !== to && !FRONT_ENDS_ALLOWED[from]!.includes(to)) out.push(where);
    }
  }
  return out;
}

const violations = () => violationsIn(files(SRC).map((file) => ({ file, text: readFileSync(file, "utf8") })));

describe("layers", () => {
  it("reads every kind of import", () => {
    const text = [
      'import { a } from "../ui/App";',
      'export * from "../../app/engine";',
      "type E = typeof import('./engine');",
      'const m = await import("../hosts/xlsx/load");',
      'import "./side-effect";',
      "import {\n  b,\n  c,\n} from '../sheets/grid';",
    ].join("\n");
    expect(importsOf(text)).toEqual(["../ui/App", "../../app/engine", "./engine", "../hosts/xlsx/load", "./side-effect", "../sheets/grid"]);
  });

  it("flags a host importing the pane, the app importing a host, and sheets importing the app", () => {
    const at = (p: string) => join(SRC, p);
    expect(
      violationsIn([
        { file: at("hosts/office/x.ts"), text: 'import type { PaneHost } from "../../ui/App";' },
        { file: at("app/y.ts"), text: 'const e = await import("../hosts/office/engine");' },
        { file: at("sheets/z.ts"), text: 'export * from "../app/operations";' },
        { file: at("ui/ok.ts"), text: 'import { a } from "../app/session";\nimport { b } from "../domain/model";' },
      ]),
    ).toEqual(["hosts/office/x.ts → ui/App", "app/y.ts → hosts/office/engine", "sheets/z.ts → app/operations"]);
  });

  it("no file imports a layer above its own (no host imports src/ui/)", () => {
    expect(violations().sort()).toEqual(Object.keys(KNOWN).sort());
    expect(violations().filter((v) => v.startsWith("hosts/") && v.includes("→ ui/"))).toEqual([]);
  });

  it("the hosts and the app layer really exist as folders the scan sees", () => {
    const seen = new Set(files(SRC).map(top));
    for (const f of ["domain", "sheets", "app", "hosts", "ui"]) expect(seen.has(f)).toBe(true);
  });
});
