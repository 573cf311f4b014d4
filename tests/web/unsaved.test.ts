/** The preview asks before the tab closes while an annotated copy has not been downloaded. */
import { describe, expect, it } from "vitest";
import { guardUndownloaded } from "../../src/web/unsaved";

class FakeWindow {
  handlers = new Map<string, (e: Event) => void>();
  addEventListener(type: string, h: (e: Event) => void) {
    this.handlers.set(type, h);
  }
  removeEventListener(type: string) {
    this.handlers.delete(type);
  }
  close(): { prevented: boolean; returnValue: unknown } {
    const e = {
      prevented: false,
      returnValue: undefined as unknown,
      preventDefault() {
        this.prevented = true;
      },
    };
    this.handlers.get("beforeunload")?.(e as unknown as Event);
    return e;
  }
}

describe("guardUndownloaded", () => {
  it("stops the close only while there is an undownloaded copy, and can be removed", () => {
    const w = new FakeWindow();
    let pending = false;
    const off = guardUndownloaded(w as unknown as Window, { hasUndownloaded: () => pending });
    expect(w.close().prevented).toBe(false);
    pending = true;
    const e = w.close();
    expect(e.prevented).toBe(true);
    expect(String(e.returnValue)).toMatch(/non è stata scaricata/);
    off();
    expect(w.close().prevented).toBe(false);
  });
});
