/**
 * An error whose message is Italian and meant for the user: front ends print `message` as it is
 * (no stack trace). Anything else that escapes is a bug, shown with a generic Italian message.
 */
export class PegError extends Error {
  /** Exit code for the command line: 2 = the input cannot be used. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "PegError";
    this.exitCode = exitCode;
  }
}

export function isPegError(e: unknown): e is PegError {
  return e instanceof PegError;
}
