/**
 * Sheet-qualified A1 addresses as Office.js writes them: `'Ob 1'!B7:C9`, `Foglio1!A1`.
 * Names that are not plain identifiers are quoted, with inner quotes doubled.
 */
import { parseRange, type MergeRange } from "../../sheets/grid";

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Ob 1'!B7:C9" → { foglio: "Ob 1", range: "B7:C9" }; a bare "B7" has no foglio. */
export function splitAddress(address: string): { foglio: string | null; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { foglio: null, range: address.trim() };
  let foglio = address.slice(0, bang).trim();
  if (foglio.startsWith("'") && foglio.endsWith("'")) foglio = foglio.slice(1, -1).replace(/''/g, "'");
  return { foglio, range: address.slice(bang + 1).trim() };
}

/** Split a RangeAreas address ("S!A1:B2,'O, 1'!C3") on the commas that are outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i]!;
    if (ch === "'") {
      // A doubled quote inside a quoted name stays part of the name.
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A sheet-qualified address → its 0-based rectangle. */
export function rectOf(address: string): MergeRange {
  return parseRange(splitAddress(address).range.replace(/\$/g, ""));
}
