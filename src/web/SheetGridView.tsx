/**
 * The selected sheet as a read-only grid. Rows are virtualised (fixed row height, only the rows
 * in view are in the DOM) so a sheet of thousands of rows stays fast. Diagnosed cells are
 * outlined by gravità; the cell the user went to is outlined strongly and scrolled into view.
 * Cell text is rendered by React as text, never as HTML.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Gravita } from "../domain/model";
import { colLetters, type MergeRange, type SheetGrid } from "../sheets/grid";
import { preview } from "../strings/it";
import { formatScalar } from "../ui/format";

export const ROW_H = 24;
const HEAD_W = 44;
const COL_W = 110;
const OVERSCAN = 12;
/** Columns past this are not drawn: the familiar sheets use far fewer. */
export const MAX_GRID_COLS = 60;

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  row: { position: "absolute", left: 0, display: "flex", height: `${ROW_H}px` },
  cell: {
    boxSizing: "border-box",
    width: `${COL_W}px`,
    height: `${ROW_H}px`,
    flexShrink: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "2px 4px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: "19px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground1,
    cursor: "cell",
    userSelect: "none",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
    cursor: "default",
  },
  rowHead: { width: `${HEAD_W}px`, position: "sticky", left: 0, zIndex: 1 },
  colHeadRow: { position: "sticky", top: 0, zIndex: 2 },
  corner: { zIndex: 3 },
  filled: { color: "#1B1B1B" },
  errore: { boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorder2}` },
  avviso: { boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { boxShadow: `inset 0 0 0 1px ${tokens.colorBrandStroke1}` },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  focus: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-3px", zIndex: 1, position: "relative" },
});

export interface GridViewProps {
  sheet: SheetGrid;
  /** "B7" → gravità of the most serious segnalazione on that cell. */
  marks: Map<string, Gravita>;
  focus: { r: number; c: number } | null;
  selection: MergeRange | null;
  onSelect: (range: MergeRange) => void;
}

function extent(sheet: SheetGrid): { rows: number; cols: number } {
  const rows = sheet.rowIndexes();
  let cols = 0;
  for (const r of rows) {
    const cells = sheet.rowCells(r);
    const last = cells[cells.length - 1];
    if (last) cols = Math.max(cols, last[0] + 1);
  }
  for (const m of sheet.merges) cols = Math.max(cols, m.c2 + 1);
  return { rows: (rows[rows.length - 1] ?? 0) + 1, cols: Math.min(Math.max(cols, 1), MAX_GRID_COLS) };
}

export function SheetGridView({ sheet, marks, focus, selection, onSelect }: GridViewProps) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  /** Where a Shift-selection starts, and the cell the keyboard moves from. */
  const anchor = useRef<{ r: number; c: number } | null>(null);
  const cursor = useRef<{ r: number; c: number } | null>(null);
  const { rows, cols } = useMemo(() => extent(sheet), [sheet]);
  // Show a few empty rows past the last one, as a spreadsheet does.
  const total = rows + 5;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = typeof ResizeObserver !== "undefined" ? new ResizeObserver(() => setHeight(el.clientHeight)) : null;
    ro?.observe(el);
    setHeight(el.clientHeight || 600);
    return () => ro?.disconnect();
  }, []);

  // Bring the focused cell into view (it may be far outside the rendered rows).
  useEffect(() => {
    const el = scroller.current;
    if (!el || !focus) return;
    const y = (focus.r + 1) * ROW_H;
    const x = HEAD_W + focus.c * COL_W;
    if (y < el.scrollTop + ROW_H || y + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, y - el.clientHeight / 3);
    if (x < el.scrollLeft + HEAD_W || x + COL_W > el.scrollLeft + el.clientWidth)
      el.scrollLeft = Math.max(0, x - HEAD_W - el.clientWidth / 3);
    setTop(el.scrollTop);
    // In the narrow layout the grid sits above the pane: bring it on screen too.
    el.scrollIntoView?.({ block: "nearest" });
    cursor.current = { r: focus.r, c: focus.c };
  }, [focus, sheet]);

  const first = Math.max(0, Math.floor(top / ROW_H) - 1 - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((top + height) / ROW_H) + OVERSCAN);

  const inSel = (r: number, c: number) =>
    selection !== null && r >= selection.r1 && r <= selection.r2 && c >= selection.c1 && c <= selection.c2;

  const pick = (r: number, c: number, extend: boolean) => {
    const a = extend && anchor.current ? anchor.current : { r, c };
    if (!extend) anchor.current = { r, c };
    cursor.current = { r, c };
    onSelect({ r1: Math.min(a.r, r), c1: Math.min(a.c, c), r2: Math.max(a.r, r), c2: Math.max(a.c, c) });
  };

  const rowEls = [];
  for (let r = first; r <= last; r++) {
    const cells = [];
    cells.push(
      <div key="h" className={mergeClasses(s.cell, s.head, s.rowHead)} aria-hidden>
        {r + 1}
      </div>,
    );
    for (let c = 0; c < cols; c++) {
      // A label merged across columns of one row is drawn as one wide cell, as Excel shows it.
      // The handlers below run later: `c` moves past a merged cell's span before then.
      const col = c;
      const merge = sheet.mergeAt(r, c);
      const span = merge && merge.r1 === merge.r2 && merge.c1 === c ? Math.min(merge.c2, cols - 1) - c + 1 : 1;
      const cell = sheet.get(r, c);
      const addr = `${colLetters(c)}${r + 1}`;
      const g = marks.get(addr);
      const isFocus = focus !== null && focus.r === r && focus.c === c;
      const text = cell ? (cell.error ?? formatScalar(cell.v, "")) : "";
      cells.push(
        <div
          key={c}
          role="gridcell"
          data-cella={addr}
          data-focus={isFocus ? "true" : undefined}
          aria-selected={inSel(r, c)}
          title={text || undefined}
          className={mergeClasses(
            s.cell,
            cell?.fill ? s.filled : undefined,
            inSel(r, c) ? s.selected : undefined,
            g ? s[g] : undefined,
            isFocus ? s.focus : undefined,
          )}
          style={{
            ...(cell?.fill && !inSel(r, c) ? { backgroundColor: cell.fill } : {}),
            ...(span > 1 ? { width: span * COL_W } : {}),
          }}
          onMouseDown={(e) => {
            if (e.button === 0) pick(r, col, e.shiftKey);
          }}
          onMouseEnter={(e) => {
            if (e.buttons === 1) pick(r, col, true);
          }}
        >
          {text}
        </div>,
      );
      c += span - 1;
    }
    rowEls.push(
      <div key={r} role="row" className={s.row} style={{ top: (r + 1) * ROW_H }}>
        {cells}
      </div>,
    );
  }

  const header = [
    <div key="corner" className={mergeClasses(s.cell, s.head, s.rowHead, s.corner)} aria-hidden />,
    ...Array.from({ length: cols }, (_, c) => (
      <div key={c} role="columnheader" className={mergeClasses(s.cell, s.head)}>
        {colLetters(c)}
      </div>
    )),
  ];

  return (
    <div
      ref={scroller}
      className={s.scroller}
      role="grid"
      aria-readonly
      aria-label={preview.gridLabel(sheet.name)}
      aria-rowcount={total + 1}
      aria-colcount={cols}
      tabIndex={0}
      data-testid="sheet-grid"
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      onKeyDown={(e) => {
        // Arrow keys move the selection, Shift extends it: the grid is usable without a mouse.
        const cur = cursor.current ?? (selection ? { r: selection.r1, c: selection.c1 } : { r: 0, c: 0 });
        const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
        const step = d[e.key];
        if (!step) return;
        e.preventDefault();
        const r = Math.min(Math.max(cur.r + step[0], 0), total - 1);
        const c = Math.min(Math.max(cur.c + step[1], 0), cols - 1);
        if (e.shiftKey) {
          const a = anchor.current ?? cur;
          anchor.current = a;
          cursor.current = { r, c };
          onSelect({ r1: Math.min(a.r, r), c1: Math.min(a.c, c), r2: Math.max(a.r, r), c2: Math.max(a.c, c) });
        } else {
          anchor.current = { r, c };
          cursor.current = { r, c };
          onSelect({ r1: r, c1: c, r2: r, c2: c });
        }
      }}
    >
      <div style={{ height: (total + 1) * ROW_H, width: HEAD_W + cols * COL_W, position: "relative" }}>
        <div role="row" className={mergeClasses(s.row, s.colHeadRow)} style={{ top: 0 }}>
          {header}
        </div>
        {rowEls}
      </div>
    </div>
  );
}
