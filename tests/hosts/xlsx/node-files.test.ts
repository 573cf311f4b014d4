import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PegError } from "../../../src/domain/errors";
import { checkOutputFile, readInputFile, writeOutputFile } from "../../../src/hosts/xlsx/node-files";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "peg-xlsx-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pegError(p: Promise<unknown>): Promise<PegError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PegError);
  expect((e as PegError).exitCode).toBe(2);
  return e as PegError;
}

describe("readInputFile", () => {
  it("reads a file", async () => {
    const p = join(dir, "in.xlsx");
    await writeFile(p, Buffer.from([1, 2, 3]));
    expect([...(await readInputFile(p))]).toEqual([1, 2, 3]);
  });

  it("refuses a missing file, a folder and an oversize file with Italian messages", async () => {
    expect((await pegError(readInputFile(join(dir, "manca.xlsx")))).message).toMatch(/non esiste/);
    expect((await pegError(readInputFile(dir))).message).toMatch(/è una cartella, non un file/);
    const big = join(dir, "grande.xlsx");
    await writeFile(big, Buffer.alloc(5000));
    expect((await pegError(readInputFile(big, { maxBytes: 4096 }))).message).toMatch(/troppo grande \(5 KB; il limite è 4 KB\)/);
  });

  it("refuses something that is not a regular file (a named pipe)", async () => {
    const p = join(dir, "tubo.xlsx");
    execFileSync("mkfifo", [p]);
    expect((await pegError(readInputFile(p))).message).toMatch(/non si può leggere/);
  });
});

describe("writeOutputFile", () => {
  it("writes a new file and leaves no temporary file behind", async () => {
    const sub = await mkdtemp(join(dir, "w-"));
    const out = join(sub, "copia.xlsx");
    await writeOutputFile(out, new Uint8Array([9, 8, 7]), {
      overwrite: false,
      inputPaths: [],
    });
    expect([...(await readFile(out))]).toEqual([9, 8, 7]);
    expect(await readdir(sub)).toEqual(["copia.xlsx"]);
  });

  it("refuses to write onto an input file, however its path is spelled", async () => {
    const sub = await mkdtemp(join(dir, "i-"));
    const input = join(sub, "peg.xlsx");
    await writeFile(input, "ORIGINALE");
    await symlink(input, join(sub, "collegamento.xlsx"));
    for (const out of [
      input,
      join(sub, ".", "peg.xlsx"),
      join(sub, "..", sub.split("/").pop()!, "peg.xlsx"),
      join(sub, "collegamento.xlsx"),
    ]) {
      const e = await pegError(
        writeOutputFile(out, new Uint8Array([1]), {
          overwrite: true,
          inputPaths: [input],
        }),
      );
      expect(e.message).toMatch(/è uno dei file di partenza/);
    }
    expect(await readFile(input, "utf8")).toBe("ORIGINALE");
  });

  it("refuses an existing file unless overwrite is asked", async () => {
    const sub = await mkdtemp(join(dir, "o-"));
    const out = join(sub, "esiste.xlsx");
    await writeFile(out, "PRIMA");
    const e = await pegError(
      writeOutputFile(out, new Uint8Array([1]), {
        overwrite: false,
        inputPaths: [],
      }),
    );
    expect(e.message).toMatch(/esiste già/);
    expect(await readFile(out, "utf8")).toBe("PRIMA");
    await writeOutputFile(out, new TextEncoder().encode("DOPO"), {
      overwrite: true,
      inputPaths: [],
    });
    expect(await readFile(out, "utf8")).toBe("DOPO");
    expect(await readdir(sub)).toEqual(["esiste.xlsx"]);
  });

  it("checkOutputFile refuses the same paths up front and writes nothing", async () => {
    const sub = await mkdtemp(join(dir, "c-"));
    const input = join(sub, "peg.xlsx");
    await writeFile(input, "ORIGINALE");
    expect((await pegError(checkOutputFile(input, { overwrite: true, inputPaths: [input] }))).message).toMatch(/file di partenza/);
    await writeFile(join(sub, "c.xlsx"), "C");
    expect((await pegError(checkOutputFile(join(sub, "c.xlsx"), { overwrite: false, inputPaths: [input] }))).message).toMatch(/esiste già/);
    await checkOutputFile(join(sub, "nuovo.xlsx"), { overwrite: false, inputPaths: [input] });
    expect((await readdir(sub)).sort()).toEqual(["c.xlsx", "peg.xlsx"]);
  });

  it("refuses a missing folder and a folder as the output", async () => {
    expect(
      (
        await pegError(
          writeOutputFile(join(dir, "no", "x.xlsx"), new Uint8Array(1), {
            overwrite: false,
            inputPaths: [],
          }),
        )
      ).message,
    ).toMatch(/cartella .* non esiste/);
    const sub = join(dir, "cartella.xlsx");
    await mkdir(sub);
    expect(
      (
        await pegError(
          writeOutputFile(sub, new Uint8Array(1), {
            overwrite: true,
            inputPaths: [],
          }),
        )
      ).message,
    ).toMatch(/è una cartella/);
  });

  it("says the folder cannot be written, not that it is missing, when it exists but refuses new files (/proc)", async () => {
    const opts = { overwrite: false, inputPaths: [] };
    for (const p of [checkOutputFile("/proc/peg.xlsx", opts), writeOutputFile("/proc/peg.xlsx", new Uint8Array([1]), opts)]) {
      const e = await pegError(p);
      expect(e.message).toMatch(/Non si può scrivere nella cartella/);
      expect(e.message).not.toMatch(/non esiste/);
    }
  });
});
