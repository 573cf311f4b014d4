/**
 * State shared by the ribbon commands and the task pane. With the shared runtime (manifest
 * <Runtimes>, lifetime "long") both run in one JavaScript context, so a module-level singleton is
 * enough: the requests from the ribbon to the pane. (The undo records and the one-write-at-a-time
 * lock are the app session's, which the two share as well.)
 *
 * A request made while the pane is not mounted yet is kept and delivered when it subscribes
 * (Office.addin.showAsTaskpane() loads the pane after the command asked for it).
 */
import type { PaneRequest } from "../../app/pane-host";

type Listener = (r: PaneRequest) => void;

export class SharedState {
  private listeners = new Set<Listener>();
  private queued: PaneRequest[] = [];

  /** Ask the pane for something (show a view, check now, confirm a write). */
  request(r: PaneRequest): void {
    if (this.listeners.size === 0) {
      this.queued.push(r);
      return;
    }
    for (const l of this.listeners) l(r);
  }

  /** True when a pane is subscribed (mounted). */
  listening(): boolean {
    return this.listeners.size > 0;
  }

  /** The pane subscribes; queued requests are delivered at once. Returns the unsubscribe. */
  onRequest(l: Listener): () => void {
    this.listeners.add(l);
    const pending = this.queued;
    this.queued = [];
    for (const r of pending) l(r);
    return () => void this.listeners.delete(l);
  }
}

let shared: SharedState | null = null;

/** The one instance of this runtime. */
export function sharedState(): SharedState {
  return (shared ??= new SharedState());
}

/** For tests: a fresh instance. */
export function resetSharedState(): SharedState {
  shared = new SharedState();
  return shared;
}
