/** What the command line needs from the outside world, so that tests can run it in memory. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** "Today", for the default data di riferimento. */
  today(): Date;
}

/**
 * A stream whose reader has gone (`peg … --json | head -1` closes the pipe early) fails with
 * EPIPE: the rest of the output is dropped quietly and the command still ends with the exit code
 * its report gives, never with a stack trace.
 */
function quietWriter(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw e;
  });
  return (s) => {
    if (!closed) stream.write(s.endsWith("\n") ? s : `${s}\n`);
  };
}

let out: ((s: string) => void) | null = null;
let err: ((s: string) => void) | null = null;

export const processIO: CliIO = {
  stdout: (s) => (out ??= quietWriter(process.stdout))(s),
  stderr: (s) => (err ??= quietWriter(process.stderr))(s),
  today: () => new Date(),
};
