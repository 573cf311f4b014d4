/**
 * Zip entries and bounded inflating, for any zip-based document (.xlsx here, .ods later).
 * The central directory says where each entry lies; its sizes are only claims. Inflating counts
 * the bytes it actually produces, per entry and in total, and stops at the limit whatever the
 * directory said (Zip64 included). Works on a Uint8Array in Node and in the browser.
 */
import { Inflate } from "fflate";
import { PegError } from "../../../domain/errors";
import { fileErrors } from "../../../strings/it";

export interface ZipEntry {
  /** The name as stored, without a leading "/". */
  name: string;
  /** 0 = stored, 8 = deflate; anything else cannot be read. */
  method: number;
  /** General purpose flags; bit 0 = encrypted. */
  flags: number;
  compressedSize: number;
  /** What the directory claims; never trusted for memory. */
  claimedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  /** The sum of the claimed uncompressed sizes. */
  claimedTotal: number;
}

/** Why a zip cannot be read: "truncated" (cut short or inconsistent), "unsupported" (method, encryption). */
export class ZipError extends Error {
  constructor(readonly kind: "truncated" | "unsupported") {
    super(kind);
  }
}

/** Thrown when inflating passes a limit; `part` is the entry being inflated. */
export class InflateLimitError extends Error {
  constructor(
    readonly part: string,
    readonly limit: number,
    readonly scope: "part" | "total",
  ) {
    super(`${scope} limit`);
  }
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CD_ENTRY_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
/** A little-endian 64-bit number; past 2^53 it is no real offset or size. */
function u64(b: Uint8Array, o: number): number {
  const hi = u32(b, o + 4);
  if (hi >= 0x200000) throw new ZipError("truncated");
  return hi * 0x100000000 + u32(b, o);
}

/**
 * The zip's central directory, or the Italian "truncated" message for file `f` when there is none
 * (or it cannot be read): what every reader of a package needs first.
 */
export function zipDirectoryOf(b: Uint8Array, f: string): ZipDirectory {
  let dir: ZipDirectory | null;
  try {
    dir = readZipDirectory(b);
  } catch {
    dir = null;
  }
  if (!dir) throw new PegError(fileErrors.truncated(f));
  return dir;
}

/** The zip's central directory, or null when there is none to be found (not a zip, or cut short). */
export function readZipDirectory(b: Uint8Array): ZipDirectory | null {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && u32(b, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  let end = eocd;
  const loc = eocd - 20;
  if (loc >= 0 && u32(b, loc) === ZIP64_LOCATOR_SIG) {
    const z = u64(b, loc + 8);
    if (z + 56 > loc || u32(b, z) !== ZIP64_EOCD_SIG) throw new ZipError("truncated");
    count = u64(b, z + 32);
    size = u64(b, z + 40);
    offset = u64(b, z + 48);
    end = z;
  } else if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new ZipError("truncated"); // claims Zip64 but has no Zip64 record
  }
  if (offset + size > end) return null;
  // Each directory entry takes at least 46 bytes: a count beyond that is a lie.
  if (count * 46 > size) throw new ZipError("truncated");
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let claimedTotal = 0;
  const decoder = new TextDecoder();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(b, p) !== CD_ENTRY_SIG) throw new ZipError("truncated");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let claimedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > end) throw new ZipError("truncated");
    if (claimedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extra field (id 1): the 64-bit values, in this order, only for the fields that overflow.
      let e = nameEnd;
      const extraEnd = nameEnd + extraLen;
      while (e + 4 <= extraEnd) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (claimedSize === 0xffffffff && q + 8 <= e + 4 + len) {
            claimedSize = u64(b, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
            compressedSize = u64(b, q);
            q += 8;
          }
          if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(b, q);
          break;
        }
        e += 4 + len;
      }
    }
    let name = decoder.decode(b.subarray(p + 46, nameEnd));
    if (name.startsWith("/")) name = name.slice(1);
    const entry: ZipEntry = { name, method, flags, compressedSize, claimedSize, localOffset };
    entries.push(entry);
    if (!byName.has(name)) byName.set(name, entry);
    claimedTotal += claimedSize;
    p = nameEnd + extraLen + commentLen;
  }
  return { entries, byName, claimedTotal };
}

/** Counts inflated bytes across the entries of one document. */
export class InflateBudget {
  used = 0;
  constructor(
    readonly totalLimit: number,
    readonly partLimit: number = totalLimit,
  ) {}
}

/** Compressed input is fed in slices this big: one slice inflates to at most ~1,000× its size. */
const SLICE = 16 * 1024;

/** The bytes of an entry as stored (still compressed), checked against the file's length. */
function rawData(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const h = entry.localOffset;
  if (h + 30 > b.length || u32(b, h) !== LOCAL_SIG) throw new ZipError("truncated");
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const stop = start + entry.compressedSize;
  if (stop > b.length) throw new ZipError("truncated");
  return b.subarray(start, stop);
}

/**
 * Inflates an entry, handing each piece to `onChunk` as it comes; the count of bytes produced
 * stops it at the part's limit and at the budget's total, whatever the directory claims.
 */
export function inflateEntry(b: Uint8Array, entry: ZipEntry, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void): void {
  if (entry.flags & 1) throw new ZipError("unsupported");
  const data = rawData(b, entry);
  let part = 0;
  const count = (n: number): void => {
    part += n;
    budget.used += n;
    if (part > budget.partLimit) throw new InflateLimitError(entry.name, budget.partLimit, "part");
    if (budget.used > budget.totalLimit) throw new InflateLimitError(entry.name, budget.totalLimit, "total");
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += SLICE) {
      const chunk = data.subarray(i, Math.min(data.length, i + SLICE));
      count(chunk.length);
      onChunk(chunk);
    }
    return;
  }
  if (entry.method !== 8) throw new ZipError("unsupported");
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (chunk.length) {
      count(chunk.length);
      onChunk(chunk);
    }
    if (final) ended = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += SLICE)
      inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  } catch (e) {
    // fflate's own errors carry a numeric code; anything else is the handler's and goes on up.
    if (typeof (e as { code?: unknown } | null)?.code === "number") throw new ZipError("truncated");
    throw e;
  }
  if (!ended) throw new ZipError("truncated");
}

/** An entry's whole bytes (for small parts: rels, workbook, core properties). */
export function entryBytes(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let n = 0;
  inflateEntry(b, entry, budget, (c) => {
    chunks.push(c.slice());
    n += c.length;
  });
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Inflates an entry and decodes it as UTF-8, handing the text on piece by piece. */
export function entryText(b: Uint8Array, entry: ZipEntry, budget: InflateBudget, onText: (text: string) => void): void {
  const decoder = new TextDecoder("utf-8");
  inflateEntry(b, entry, budget, (chunk) => {
    const s = decoder.decode(chunk, { stream: true });
    if (s) onText(s);
  });
  const rest = decoder.decode();
  if (rest) onText(rest);
}
