/** Any failure as one Italian sentence for the user: PegError says what to do; the rest is a bug. */
import { isPegError } from "../domain/errors";
import { pane } from "../strings/it";

export function userMessage(e: unknown): string {
  if (isPegError(e)) return e.message;
  console.error(e);
  return pane.errors.generic;
}
