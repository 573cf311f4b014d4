/**
 * The original package as a set of parts: read only the ones the copy changes (text, bounded
 * inflating), replace, add or drop parts, and write the new archive in which every other entry
 * keeps its original bytes.
 */
import { InflateBudget, inflateEntry, readZip, writeZip, type OutEntry, type ZipEntry } from "./zip";

const utf8 = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");
const encoder = new TextEncoder();

export class Parts {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly replaced = new Map<string, Uint8Array>();
  private readonly added: Array<{ name: string; data: Uint8Array }> = [];
  private readonly dropped = new Set<string>();
  private readonly budget: InflateBudget;

  constructor(
    private readonly bytes: Uint8Array,
    maxInflated: number,
  ) {
    this.entries = readZip(bytes);
    for (const e of this.entries) this.byName.set(norm(e.name), e);
    this.budget = new InflateBudget(maxInflated);
  }

  has(part: string): boolean {
    const k = norm(part);
    return (this.byName.has(k) && !this.dropped.has(k)) || this.added.some((a) => norm(a.name) === k);
  }

  /** Every part name, as stored. */
  names(): string[] {
    return [...this.entries.map((e) => e.name), ...this.added.map((a) => a.name)];
  }

  /** A part's text (UTF-8, or UTF-16 with its byte-order mark), or null when there is no such part. */
  text(part: string): string | null {
    const e = this.byName.get(norm(part));
    if (!e) return null;
    const b = inflateEntry(this.bytes, e, this.budget);
    if (b[0] === 0xff && b[1] === 0xfe) return utf16le.decode(b.subarray(2));
    if (b[0] === 0xfe && b[1] === 0xff) return utf16be.decode(b.subarray(2));
    return utf8.decode(b);
  }

  /** Replaces (or adds) a part with text, written as UTF-8. */
  setText(part: string, xml: string): void {
    const data = encoder.encode(xml.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, "$1UTF-8$2"));
    const e = this.byName.get(norm(part));
    if (e) this.replaced.set(norm(part), data);
    else this.added.push({ name: part, data });
  }

  drop(part: string): void {
    this.dropped.add(norm(part));
  }

  toBytes(): Uint8Array {
    const out: OutEntry[] = [];
    for (const e of this.entries) {
      const k = norm(e.name);
      if (this.dropped.has(k)) continue;
      const data = this.replaced.get(k);
      out.push(data ? { name: e.name, data } : { kept: e });
    }
    for (const a of this.added) out.push(a);
    return writeZip(this.bytes, out);
  }
}

/** Part names compare without regard to case or a leading "/" (OPC). */
function norm(name: string): string {
  return (name.startsWith("/") ? name.slice(1) : name).toLowerCase();
}
