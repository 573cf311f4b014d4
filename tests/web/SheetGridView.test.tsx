// @vitest-environment jsdom
/** The preview grid: only the rows in view are drawn, cells are text, the keyboard selects. */
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { SheetGrid, type MergeRange } from "../../src/sheets/grid";
import { MAX_GRID_COLS, SheetGridView } from "../../src/web/SheetGridView";
import { mount, type Mounted } from "../ui/dom";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

function bigSheet(rows: number): SheetGrid {
  const s = new SheetGrid("Grande");
  for (let r = 0; r < rows; r++) for (let c = 0; c < 8; c++) s.set(r, c, { v: `r${r}c${c}` });
  s.set(3, 100, { v: "lontano" });
  s.set(1, 1, { v: "<b>grassetto</b>", fill: "#FFFF00" });
  return s;
}

describe("SheetGridView", () => {
  it("draws a bounded number of rows for a sheet of 20 000, and caps the columns", async () => {
    const sheet = bigSheet(20_000);
    m = await mount(<SheetGridView sheet={sheet} marks={new Map()} focus={null} selection={null} onSelect={() => undefined} />);
    const rows = m.container.querySelectorAll('[role="row"]');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(m.container.querySelectorAll('[role="columnheader"]')).toHaveLength(MAX_GRID_COLS);
    const b2 = m.container.querySelector('[data-cella="B2"]')!;
    expect(b2.textContent).toBe("<b>grassetto</b>");
    expect(b2.querySelector("b")).toBeNull();
  });

  it("draws the focused cell far down, outlined, and marks diagnosed cells", async () => {
    const sheet = bigSheet(20_000);
    m = await mount(
      <SheetGridView
        sheet={sheet}
        marks={new Map([["C15001", "errore" as const]])}
        focus={{ r: 15_000, c: 2 }}
        selection={null}
        onSelect={() => undefined}
      />,
    );
    const cell = m.container.querySelector('[data-cella="C15001"]')!;
    expect(cell.getAttribute("data-focus")).toBe("true");
    expect(cell.textContent).toBe("r15000c2");
  });

  it("selects with the mouse and with the arrow keys (Shift extends)", async () => {
    const sheet = bigSheet(50);
    const picked: MergeRange[] = [];
    m = await mount(<SheetGridView sheet={sheet} marks={new Map()} focus={null} selection={null} onSelect={(r) => picked.push(r)} />);
    const c = m.container;
    await act(async () => {
      c.querySelector('[data-cella="B3"]')!.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, button: 0 }));
    });
    expect(picked.at(-1)).toEqual({ r1: 2, c1: 1, r2: 2, c2: 1 });
    const grid = c.querySelector('[role="grid"]')!;
    await act(async () => {
      grid.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", shiftKey: true, bubbles: true }));
      grid.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", shiftKey: true, bubbles: true }));
    });
    expect(picked.at(-1)).toEqual({ r1: 2, c1: 1, r2: 3, c2: 2 });
    await act(async () => {
      grid.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true }));
    });
    expect(picked.at(-1)).toEqual({ r1: 2, c1: 2, r2: 2, c2: 2 });
  });
});
