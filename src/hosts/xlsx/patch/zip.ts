/**
 * The zip layer of the copy: reads the central directory, inflates only the parts the copy
 * changes (bounded by a running count of inflated bytes, whatever the directory claims), and
 * writes a new archive in which every other entry is carried over as its original bytes: local
 * header, compressed data and data descriptor, unchanged.
 */
import { Inflate, deflateSync } from "fflate";
import { crc32 } from "../../shared/crc32";

export { crc32 };

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const DESCRIPTOR_SIG = 0x08074b50;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The central directory record, as stored. */
  central: Uint8Array;
}

/** Thrown for an archive whose structure cannot be followed. */
export class ZipFormatError extends Error {}

/** Thrown when inflating goes past the limit. */
export class ZipTooBigError extends Error {
  constructor(readonly inflated: number) {
    super("inflated past the limit");
  }
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

/** The entries of the central directory, in their stored order (Zip64 figures included). */
export function readZip(b: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = b.length - 22, stop = Math.max(0, b.length - 22 - 0xffff); i >= stop; i--) {
    if (b[i] === 0x50 && u32(b, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory");
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === ZIP64_LOCATOR_SIG) {
    const z = u64(b, eocd - 12);
    if (z + 56 > b.length || u32(b, z) !== ZIP64_EOCD_SIG) throw new ZipFormatError("bad zip64 record");
    count = u64(b, z + 32);
    offset = u64(b, z + 48);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL_SIG) throw new ZipFormatError("bad central record");
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > b.length) throw new ZipFormatError("central record past the end");
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    let localOffset = u32(b, p + 42);
    // Zip64 extended information: only the fields whose 32-bit value is saturated, in this order.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      e += 4 + len;
    }
    entries.push({
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: u16(b, p + 10),
      flags: u16(b, p + 8),
      compressedSize,
      size,
      localOffset,
      central: b.subarray(p, end),
    });
    p = end;
  }
  return entries;
}

/** Where an entry's compressed data starts, and where its stored bytes (descriptor included) end. */
function localSpan(b: Uint8Array, e: ZipEntry): { data: number; end: number } {
  const o = e.localOffset;
  if (o + 30 > b.length || u32(b, o) !== LOCAL_SIG) throw new ZipFormatError("bad local header");
  const data = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  let end = data + e.compressedSize;
  if (end > b.length) throw new ZipFormatError("entry past the end");
  if (e.flags & 8) {
    // A data descriptor follows: optional signature, crc, then 4- or 8-byte sizes.
    const zip64 = e.compressedSize >= 0xffffffff || e.size >= 0xffffffff;
    end += (end + 4 <= b.length && u32(b, end) === DESCRIPTOR_SIG ? 4 : 0) + 4 + (zip64 ? 16 : 8);
    if (end > b.length) throw new ZipFormatError("descriptor past the end");
  }
  return { data, end };
}

/** Running count of inflated bytes across every part read for one copy. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}
}

/** The entry's uncompressed bytes; stops as soon as the budget is exceeded, whatever the sizes say. */
export function inflateEntry(b: Uint8Array, e: ZipEntry, budget: InflateBudget): Uint8Array {
  const { data } = localSpan(b, e);
  const raw = b.subarray(data, data + e.compressedSize);
  if (e.method === 0) {
    budget.used += raw.length;
    if (budget.used > budget.limit) throw new ZipTooBigError(budget.used);
    return raw;
  }
  if (e.method !== 8) throw new ZipFormatError("unsupported compression");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    budget.used += chunk.length;
    if (budget.used > budget.limit) throw new ZipTooBigError(budget.used);
    chunks.push(chunk);
  });
  const STEP = 16 * 1024; // small input steps: one step can inflate to at most ~16 MB
  for (let i = 0; i < raw.length; i += STEP) inflate.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
  if (raw.length === 0) inflate.push(raw, true);
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** One entry of the new archive: carried over from the original, or new content. */
export type OutEntry = { kept: ZipEntry } | { name: string; data: Uint8Array };

class Sink {
  private parts: Uint8Array[] = [];
  length = 0;
  push(p: Uint8Array): void {
    this.parts.push(p);
    this.length += p.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

function header(size: number): { b: Uint8Array; v: DataView } {
  const b = new Uint8Array(size);
  return { b, v: new DataView(b.buffer) };
}

/** A new archive: kept entries as their original bytes, new ones deflated (at `level`, 1–9). */
export function writeZip(src: Uint8Array, entries: OutEntry[], level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  if (entries.length >= 0xffff) throw new ZipFormatError("too many entries");
  const out = new Sink();
  const central = new Sink();
  const encoder = new TextEncoder();
  for (const e of entries) {
    const offset = out.length;
    if (offset >= 0xffffffff) throw new ZipFormatError("archive too large");
    if ("kept" in e) {
      const { end } = localSpan(src, e.kept);
      out.push(src.subarray(e.kept.localOffset, end));
      const rec = e.kept.central.slice();
      const v = new DataView(rec.buffer);
      if (v.getUint32(42, true) === 0xffffffff) setZip64Offset(rec, offset);
      else v.setUint32(42, offset, true);
      central.push(rec);
      continue;
    }
    const name = encoder.encode(e.name);
    const packed = deflateSync(e.data, { level });
    const stored = packed.length >= e.data.length;
    const body = stored ? e.data : packed;
    const crc = crc32(e.data);
    const { b: local, v: lv } = header(30);
    lv.setUint32(0, LOCAL_SIG, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, stored ? 0 : 8, true);
    lv.setUint16(10, 0, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01, as other writers use for new parts
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    out.push(local);
    out.push(name);
    out.push(body);
    const { b: rec, v: cv } = header(46);
    cv.setUint32(0, CENTRAL_SIG, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, stored ? 0 : 8, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.push(rec);
    central.push(name);
  }
  const cdOffset = out.length;
  const cd = central.bytes();
  out.push(cd);
  const { b: eocd, v } = header(22);
  v.setUint32(0, EOCD_SIG, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, cd.length, true);
  v.setUint32(16, cdOffset, true);
  out.push(eocd);
  return out.bytes();
}

/** Rewrites the local-header offset held in a record's Zip64 extra field. */
function setZip64Offset(rec: Uint8Array, offset: number): void {
  const v = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
  const nameLen = v.getUint16(28, true);
  const extraLen = v.getUint16(30, true);
  for (let e = 46 + nameLen; e + 4 <= 46 + nameLen + extraLen;) {
    const id = v.getUint16(e, true);
    const len = v.getUint16(e + 2, true);
    if (id === 1) {
      let q = e + 4;
      if (v.getUint32(24, true) === 0xffffffff) q += 8;
      if (v.getUint32(20, true) === 0xffffffff) q += 8;
      v.setUint32(q, offset, true);
      v.setUint32(q + 4, 0, true);
      return;
    }
    e += 4 + len;
  }
  throw new ZipFormatError("zip64 offset missing");
}
