/** What the command line needs from the outside world, so that tests can run it in memory. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** "Today", for the default data di riferimento. */
  today(): Date;
}

export const processIO: CliIO = {
  stdout: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  stderr: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
  today: () => new Date(),
};
