/**
 * Looks at the bytes before the reader does, so that every unusable file gets its own Italian
 * message instead of a zip library's exception: empty, too big, PDF, text, an encrypted
 * workbook or an old .xls (both OLE/CFB containers), a truncated zip, a zip that holds no
 * workbook (.ods, .xlsb, a plain archive). Reads only the zip's central directory: no inflating.
 */
import { PegError } from "../../domain/errors";
import { fileErrors } from "../../strings/it";
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, formatBytes } from "./limits";
import { zipDirectoryOf } from "./read/zip";

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD_SIG = 0x06054b50;
const CD_ENTRY_SIG = 0x02014b50;

export interface SniffOptions {
  fileName?: string;
  /** Size limit in bytes; defaults to MAX_FILE_BYTES (tests inject a small one). */
  maxBytes?: number;
  /** Limit on the zip's total uncompressed size; defaults to MAX_UNZIPPED_BYTES. */
  maxUnzippedBytes?: number;
}

/** The input as a Uint8Array view (no copy). */
export function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Throws a PegError when the bytes cannot be an .xlsx workbook; returns the zip's entry names. */
export function checkWorkbookBytes(bytes: Uint8Array, opts: SniffOptions = {}): string[] {
  const f = opts.fileName ?? "Il file";
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length === 0) throw new PegError(fileErrors.empty(f));
  if (bytes.length > max) throw new PegError(fileErrors.tooBig(f, formatBytes(bytes.length), formatBytes(max)));
  if (startsWith(bytes, CFB_SIGNATURE)) throw new PegError(cfbMessage(bytes, f));
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new PegError(fileErrors.pdf(f)); // "%PDF"
  // A zip starts with a local file header "PK\x03\x04" (or is an empty archive "PK\x05\x06").
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!isZip) throw new PegError(fileErrors.notWorkbook(f));
  const found = centralDirectory(bytes);
  if (found === null) throw new PegError(fileErrors.truncated(f));
  // Zip64: its real figures live in the Zip64 records, which the reader's directory parser reads.
  const { names, unzippedBytes } = found ?? zip64Directory(bytes, f);
  // A directory that owns up to gigabytes is refused at once; one that lies is stopped by the
  // reader, which counts what it inflates (./read/zip.ts).
  const maxUnzipped = opts.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES;
  if (unzippedBytes > maxUnzipped) throw new PegError(fileErrors.tooBigUnzipped(f, formatBytes(unzippedBytes), formatBytes(maxUnzipped)));
  const set = new Set(names.map((n) => (n.startsWith("/") ? n.slice(1) : n)));
  if (set.has("xl/workbook.xml")) return names;
  if (set.has("xl/workbook.bin")) throw new PegError(fileErrors.xlsb(f));
  if (set.has("mimetype") && set.has("content.xml")) throw new PegError(fileErrors.ods(f));
  throw new PegError(fileErrors.zipNotWorkbook(f));
}

function zip64Directory(bytes: Uint8Array, f: string): { names: string[]; unzippedBytes: number } {
  const dir = zipDirectoryOf(bytes, f);
  return { names: dir.entries.map((e) => e.name), unzippedBytes: dir.claimedTotal };
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * An OLE/CFB container is either an encrypted OOXML workbook (it holds an "EncryptionInfo"
 * stream) or a legacy binary .xls ("Workbook" / "Book" stream). Directory entry names are
 * UTF-16LE; a short search of the file tells them apart, and anything else gets both hints.
 */
function cfbMessage(bytes: Uint8Array, f: string): string {
  if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) return fileErrors.encrypted(f);
  if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return fileErrors.legacyXls(f);
  return fileErrors.encryptedOrXls(f);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = text.length * 2;
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/**
 * Entry names from the zip's central directory, or null when the archive is cut short: no
 * end-of-central-directory record, or a directory that points past the end of the bytes;
 * undefined for a Zip64 archive, whose real figures live elsewhere.
 */
export function centralDirectoryNames(b: Uint8Array): string[] | null | undefined {
  const cd = centralDirectory(b);
  return cd ? cd.names : cd;
}

/** The central directory's entry names and the sum of the entries' uncompressed sizes. */
export function centralDirectory(b: Uint8Array): { names: string[]; unzippedBytes: number } | null | undefined {
  // The EOCD record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && u32(b, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  const size = u32(b, eocd + 12);
  const offset = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return undefined;
  if (offset + size > eocd) return null;
  const names: string[] = [];
  let unzippedBytes = 0;
  const decoder = new TextDecoder();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== CD_ENTRY_SIG) return null;
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    unzippedBytes += u32(b, p + 24);
    names.push(decoder.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { names, unzippedBytes };
}
