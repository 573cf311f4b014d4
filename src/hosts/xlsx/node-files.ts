/**
 * Node-only file helpers for the command line (the browser never imports this file): read an
 * input workbook with the size checked first, and write an output atomically, never onto an
 * input file and never over an existing file unless asked.
 */
import { constants as fsc, readFileSync, statSync } from "node:fs";
import { link, lstat, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { PegError } from "../../domain/errors";
import { fileErrors } from "../../strings/it";
import { MAX_FILE_BYTES, formatBytes } from "./limits";

export interface ReadOptions {
  /** Size limit in bytes (default MAX_FILE_BYTES). */
  maxBytes?: number;
}

/**
 * The whole file, after checking that it exists, is a file and is not above the size limit.
 * Synchronous inside: a command line reading one file at a time gains nothing from the thread
 * pool's round trips, which cost more than reading a workbook of a few hundred KB.
 */
export async function readInputFile(path: string, opts: ReadOptions = {}): Promise<Uint8Array> {
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw fsError(e, path, "read");
  }
  if (st.isDirectory()) throw new PegError(fileErrors.isDirectory(path));
  if (!st.isFile()) throw new PegError(fileErrors.fileUnreadable(path));
  if (st.size > max) throw new PegError(fileErrors.tooBig(basename(path), formatBytes(st.size), formatBytes(max)));
  try {
    const buf = readFileSync(path);
    // The size may have changed since stat (a file still being copied): check again.
    if (buf.length > max) throw new PegError(fileErrors.tooBig(basename(path), formatBytes(buf.length), formatBytes(max)));
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof PegError) throw e;
    throw fsError(e, path, "read");
  }
}

export interface WriteOptions {
  /** Replace an existing file at `path` (never an input file). */
  overwrite: boolean;
  /** The files the user gave as input: the output may never be one of them. */
  inputPaths: string[];
}

/**
 * The checks writeOutputFile makes, without writing: a front end calls it before the long work
 * (loading, computing, building the copy) so that a wrong output path is refused at once.
 */
export async function checkOutputFile(path: string, opts: WriteOptions): Promise<void> {
  const { realDir } = await resolveOutput(path, opts);
  // A folder can exist and still refuse new files (read-only, or /proc): try, and tidy up.
  const probe = join(realDir, `.${basename(resolve(path))}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fh = await open(probe, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o644);
    await fh.close();
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new PegError(fileErrors.outputFolderUnwritable(path));
    throw fsError(e, path, "write");
  }
  await unlink(probe).catch(() => undefined);
}

/**
 * Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the
 * destination is either untouched or complete. Refuses an input path (compared as resolved real
 * paths, so links and "./" spellings are caught) and an existing file unless `overwrite`.
 */
export async function writeOutputFile(path: string, bytes: Uint8Array, opts: WriteOptions): Promise<void> {
  const { realDir, finalTarget } = await resolveOutput(path, opts);
  const target = resolve(path);
  const tmp = join(realDir, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    // "wx": the temporary name is new; fsync so the rename never exposes a half-written file.
    const fh = await open(tmp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o644);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.overwrite) await rename(tmp, finalTarget);
    else await placeNew(tmp, finalTarget);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    if (e instanceof PegError) throw e;
    throw fsError(e, path, "write");
  }
}

/**
 * Puts the finished temporary file at `target` only if nothing is there: a hard link fails
 * atomically when a file appeared meanwhile (rename would replace it). Where the file system has
 * no hard links, fall back to a rename after a last check.
 */
async function resolveOutput(path: string, opts: WriteOptions): Promise<{ realDir: string; finalTarget: string }> {
  const target = resolve(path);
  let realDir: string;
  try {
    realDir = await realpath(dirname(target));
  } catch {
    throw new PegError(fileErrors.outputFolderMissing(path));
  }
  const realTarget = join(realDir, basename(target));
  const existing = await lstat(realTarget).catch(() => null);
  // Through a symbolic link the file written would be the link's target: compare that too.
  const finalTarget = existing?.isSymbolicLink() ? await realpath(realTarget).catch(() => realTarget) : realTarget;
  for (const input of opts.inputPaths) {
    const realInput = await realpath(resolve(input)).catch(() => resolve(input));
    if (realInput === finalTarget || realInput === realTarget) throw new PegError(fileErrors.outputIsInput(path));
  }
  if (existing) {
    const st = await stat(realTarget).catch(() => existing);
    if (st.isDirectory()) throw new PegError(fileErrors.outputIsDirectory(path));
    if (!opts.overwrite) throw new PegError(fileErrors.outputExists(path));
  }
  return { realDir, finalTarget };
}

async function placeNew(tmp: string, target: string): Promise<void> {
  try {
    await link(tmp, target);
    await unlink(tmp);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "EEXIST") throw new PegError(fileErrors.outputExists(target));
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
    if (await lstat(target).catch(() => null)) throw new PegError(fileErrors.outputExists(target));
    await rename(tmp, target);
  }
}

function fsError(e: unknown, path: string, op: "read" | "write"): PegError {
  const code = (e as { code?: string } | null)?.code;
  if (op === "read") {
    if (code === "ENOENT" || code === "ENOTDIR") return new PegError(fileErrors.fileMissing(path));
    if (code === "EISDIR") return new PegError(fileErrors.isDirectory(path));
    return new PegError(fileErrors.fileUnreadable(path));
  }
  if (code === "ENOENT" || code === "ENOTDIR") {
    // The folder is there (/proc, a special file system) but files cannot be made in it.
    if (isDirectory(dirname(resolve(path)))) return new PegError(fileErrors.outputFolderUnwritable(path));
    return new PegError(fileErrors.outputFolderMissing(path));
  }
  if (code === "EISDIR") return new PegError(fileErrors.outputIsDirectory(path));
  return new PegError(fileErrors.outputUnwritable(path));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
