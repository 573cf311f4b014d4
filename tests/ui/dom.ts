/** jsdom set-up shared by the pane's component tests: what Fluent expects from a browser. */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { ReactNode } from "react";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export interface Mounted {
  container: HTMLElement;
  root: Root;
  unmount(): void;
}

export async function mount(node: ReactNode): Promise<Mounted> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  return {
    container,
    root,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Let promises and lazy components settle. */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

/**
 * Wait for a condition: at least 100 turns, and up to 10 s of clock (a lazy view's chunk can take
 * longer than 100 turns to load while the two cores are busy with other test files).
 */
export async function until<T>(fn: () => T | null | undefined | false, what = "condizione"): Promise<T> {
  const start = Date.now();
  for (let i = 0; i < 100 || Date.now() - start < 10_000; i++) {
    const v = fn();
    if (v) return v;
    await settle(1);
  }
  throw new Error(`Timeout: ${what}`);
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error("elemento non trovato");
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle(2);
}

export function byText(root: ParentNode, selector: string, text: string | RegExp): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((e) =>
    typeof text === "string" ? e.textContent?.trim() === text : text.test(e.textContent ?? ""),
  );
}

export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
