/**
 * Office.js failures → PegError with an Italian message that says what to do. The raw code is kept
 * in the message for the generic case so that a support request can quote it.
 */
import { PegError, isPegError } from "../../domain/errors";
import { fileErrors, officeHost } from "../../strings/it";

/** The error code of an Office.js (RichApi) error, if it is one. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

/** True for the failures that reject a whole batch before anything in it ran. */
export function rejectedBeforeRunning(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "InvalidOperationInCellEditMode" || code === "RequestPayloadSizeLimitExceeded";
}

export function isPayloadLimit(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Translate a failure. `foglio` names the sheet when the caller knows which one was being
 * written; `coda` is appended (e.g. "nessuna cella è stata modificata").
 */
export function toPegError(e: unknown, opts: { foglio?: string | null; coda?: string } = {}): PegError {
  if (isPegError(e)) return e;
  const code = officeErrorCode(e);
  let msg: string;
  switch (code) {
    case "AccessDenied":
      msg = officeHost.protetto(opts.foglio ?? null);
      break;
    case "InvalidOperationInCellEditMode":
      msg = officeHost.modificaCella;
      break;
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      msg = officeHost.requisitiMinimi;
      break;
    case null:
      msg = fileErrors.generic;
      break;
    default:
      msg = officeHost.generico(code);
  }
  const err = new PegError(opts.coda ? `${msg} ${opts.coda}` : msg, 2);
  // Kept for the developer console and tests; never shown to the user.
  Object.defineProperty(err, "cause", { value: e, enumerable: false });
  return err;
}
