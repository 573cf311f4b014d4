/**
 * Closing the tab with an annotated copy not downloaded loses the writes (the file on disk was
 * never changed): the browser asks first. Most browsers show their own wording, not ours.
 */
import { preview } from "../strings/it";

export function guardUndownloaded(
  target: Pick<Window, "addEventListener" | "removeEventListener">,
  host: { hasUndownloaded(): boolean },
): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!host.hasUndownloaded()) return;
    e.preventDefault();
    // Older browsers ask only when returnValue is set.
    e.returnValue = preview.copiaNonScaricata;
  };
  target.addEventListener("beforeunload", onBeforeUnload);
  return () => target.removeEventListener("beforeunload", onBeforeUnload);
}
