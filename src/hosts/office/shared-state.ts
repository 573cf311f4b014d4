/**
 * State shared by the ribbon commands and the task pane. With the shared runtime (manifest
 * <Runtimes>, lifetime "long") both run in one JavaScript context, so a module-level singleton is
 * enough: the last undo record, the requests from the ribbon to the pane, and a lock so that a
 * ribbon command and a pane action never write at the same time.
 *
 * A request made while the pane is not mounted yet is kept and delivered when it subscribes
 * (Office.addin.showAsTaskpane() loads the pane after the command asked for it).
 */
import type { PaneRequest } from "../../ui/pane-host";
import type { UndoRecord } from "./apply";

type Listener = (r: PaneRequest) => void;

export class SharedState {
  /** The last write, until the next one (spec §6: undo keeps the previous operation). */
  lastUndo: UndoRecord | null = null;
  private listeners = new Set<Listener>();
  private queued: PaneRequest[] = [];
  private chain: Promise<unknown> = Promise.resolve();

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

  /** Run `fn` after every operation already running: one write at a time. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
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
