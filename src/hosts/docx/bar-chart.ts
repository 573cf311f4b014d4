/**
 * A bar chart of grado (0–100 %, may exceed 100) as a PNG: one bar per obiettivo or settore,
 * coloured by class, with its value above it, a key under it, grid lines every 20 % and the
 * classes' thresholds as dashed lines. Drawn pixel by pixel (png.ts, font.ts): no browser.
 */
import type { Barra } from "../../domain/relazione/model";
import { numeroIt } from "../../domain/text";
import { drawText, drawable, textWidth } from "./font";
import { Raster } from "./png";

export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 560;

const COLOURS = {
  raggiunto: 0x70ad47,
  "parzialmente raggiunto": 0xffc000,
  "non raggiunto": 0xc00000,
  none: 0xbfbfbf,
  axis: 0x404040,
  grid: 0xd9d9d9,
  threshold: 0x7f7f7f,
  text: 0x262626,
} as const;

const LEFT = 90;
const RIGHT = 20;
const TOP = 40;
const BOTTOM = 60;

function pctLabel(v: number): string {
  return `${numeroIt(v, 1)}%`;
}

/** The chart's top value: 100 %, or the next 20 above the largest bar (capped at 300 %). */
function scaleMax(barre: Barra[]): number {
  const max = Math.max(100, ...barre.map((b) => b.valore ?? 0));
  return Math.min(300, Math.ceil(max / 20) * 20);
}

export function barChartPng(barre: Barra[], soglie: number[] = []): Uint8Array {
  const img = new Raster(CHART_WIDTH, CHART_HEIGHT);
  const plotW = CHART_WIDTH - LEFT - RIGHT;
  const plotH = CHART_HEIGHT - TOP - BOTTOM;
  const top = scaleMax(barre);
  const y = (v: number) => TOP + plotH - (Math.min(Math.max(v, 0), top) / top) * plotH;

  for (let v = 0; v <= top; v += 20) {
    const yy = Math.round(y(v));
    img.rect(LEFT, yy, plotW, 1, COLOURS.grid);
    const label = `${v}%`;
    drawText(img, label, LEFT - 12 - textWidth(label, 2), yy - 7, 2, COLOURS.text);
  }
  for (const s of soglie) {
    const yy = Math.round(y(s));
    for (let x = LEFT; x < LEFT + plotW; x += 14) img.rect(x, yy - 1, 8, 3, COLOURS.threshold);
  }

  const n = Math.max(1, barre.length);
  const slot = plotW / n;
  const barW = Math.max(2, Math.min(90, slot * 0.7));
  // Labels shrink, then disappear, when bars are too narrow for them (the legend lists every value).
  const scaleFor = (text: string, max: number): number => {
    for (const s of [3, 2, 1]) if (textWidth(text, s) <= max) return s;
    return 0;
  };
  barre.forEach((b, i) => {
    const cx = LEFT + slot * i + slot / 2;
    const x = cx - barW / 2;
    if (b.valore === null) {
      img.rect(x, y(0) - 4, barW, 4, COLOURS.none);
    } else {
      const yy = y(b.valore);
      img.rect(x, yy, barW, TOP + plotH - yy, b.classe ? COLOURS[b.classe] : COLOURS.none);
      const label = pctLabel(b.valore);
      const s = Math.min(2, scaleFor(label, slot - 4));
      if (s > 0) drawText(img, label, cx - textWidth(label, s) / 2, yy - 8 * s - 4, s, COLOURS.text);
    }
    const key = drawable(b.etichetta) ? b.etichetta : String(i + 1);
    const ks = scaleFor(key, slot - 4);
    if (ks > 0) drawText(img, key, cx - textWidth(key, ks) / 2, TOP + plotH + 14, ks, COLOURS.text);
  });
  img.rect(LEFT, TOP, 2, plotH + 1, COLOURS.axis);
  img.rect(LEFT, TOP + plotH, plotW, 2, COLOURS.axis);
  return img.png();
}
