/**
 * Draws the add-in's ribbon and manifest icons (assets/icon-*.png) at 16, 20, 24, 32, 40, 48, 64,
 * 80 and 96 px, in Office's Monoline style: one stroke weight, a grey outline, one accent colour,
 * a distinct glyph per button. Plain RGBA drawn by code and encoded as PNG with node:zlib, so no
 * image tool is needed. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { crc32 } from "../src/hosts/shared/crc32";

/** Office's ribbon sizes (16, 32, 80 required; 20, 24, 40, 48, 64 for high DPI) and 96 for listings. */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 96] as const;

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())]);
}

/** A shape in icon units (0–1), drawn in one colour. */
type Shape =
  | { kind: "seg"; x1: number; y1: number; x2: number; y2: number; w: number; color: Rgb }
  | { kind: "rect"; x1: number; y1: number; x2: number; y2: number; color: Rgb }
  | { kind: "frame"; x1: number; y1: number; x2: number; y2: number; w: number; color: Rgb };
type Rgb = readonly [number, number, number];

/**
 * Monoline, as Office's own ribbon icons: one stroke weight (1 px at 16 px, scaled with the size),
 * a dark grey outline on a transparent background, and one accent colour that carries the meaning.
 */
const LINE: Rgb = [0x42, 0x42, 0x42];
const BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const GREEN: Rgb = [0x10, 0x7c, 0x10];
const RED: Rgb = [0xc5, 0x0f, 0x1f];
const ORANGE: Rgb = [0xca, 0x50, 0x10];
const PURPLE: Rgb = [0x5c, 0x2e, 0x91];
/** Stroke weight: 1 px at 16 px. */
const W = 1 / 16;

/** Shapes on a transparent background; later shapes paint over earlier ones. */
export interface Glyph {
  shapes: Shape[];
}

const seg = (x1: number, y1: number, x2: number, y2: number, color: Rgb = LINE, w = W): Shape => ({
  kind: "seg",
  x1,
  y1,
  x2,
  y2,
  w,
  color,
});
const rect = (x1: number, y1: number, x2: number, y2: number, color: Rgb = LINE): Shape => ({ kind: "rect", x1, y1, x2, y2, color });
const frame = (x1: number, y1: number, x2: number, y2: number, color: Rgb = LINE, w = W): Shape => ({
  kind: "frame",
  x1,
  y1,
  x2,
  y2,
  w,
  color,
});
const tick = (color: Rgb, x: number, y: number, k = 1): Shape[] => [
  seg(x, y, x + 0.14 * k, y + 0.14 * k, color, 1.6 * W),
  seg(x + 0.14 * k, y + 0.14 * k, x + 0.4 * k, y - 0.16 * k, color, 1.6 * W),
];
const cross = (x1: number, y1: number, x2: number, y2: number, color: Rgb): Shape[] => [
  seg(x1, y1, x2, y2, color, 1.6 * W),
  seg(x2, y1, x1, y2, color, 1.6 * W),
];

/** The add-in's icons: the app (manifest, tab, groups) and one per ribbon button. */
export const GLYPHS: Record<string, Glyph> = {
  // Three bars of a chart and a tick: PEG monitoring.
  icon: {
    shapes: [frame(0.12, 0.56, 0.3, 0.88), frame(0.41, 0.4, 0.59, 0.88), frame(0.7, 0.24, 0.88, 0.88), ...tick(GREEN, 0.14, 0.3, 0.9)],
  },
  // A sheet with a tick: check the workbook.
  verifica: {
    shapes: [frame(0.16, 0.08, 0.7, 0.92), seg(0.28, 0.3, 0.58, 0.3), seg(0.28, 0.45, 0.5, 0.45), ...tick(GREEN, 0.44, 0.72, 1.05)],
  },
  // A grid whose result cell is filled in.
  esiti: {
    shapes: [
      frame(0.1, 0.14, 0.9, 0.86),
      seg(0.1, 0.38, 0.9, 0.38),
      seg(0.1, 0.62, 0.9, 0.62),
      seg(0.5, 0.14, 0.5, 0.86),
      rect(0.56, 0.68, 0.84, 0.8, GREEN),
    ],
  },
  // A calendar page with an X: a month planned (previsto).
  segnaPrevisto: {
    shapes: [
      frame(0.12, 0.16, 0.88, 0.88),
      rect(0.12, 0.16, 0.88, 0.32),
      seg(0.32, 0.06, 0.32, 0.22),
      seg(0.68, 0.06, 0.68, 0.22),
      ...cross(0.34, 0.46, 0.66, 0.76, BLUE),
    ],
  },
  // A filled month cell with a tick: a month done (effettivo).
  segnaEffettivo: { shapes: [rect(0.12, 0.12, 0.88, 0.88, GREEN), ...tick([0xff, 0xff, 0xff], 0.26, 0.52, 1.2)] },
  // An empty month cell struck through: the mark taken away.
  togliSegno: { shapes: [frame(0.16, 0.16, 0.84, 0.84), seg(0.1, 0.9, 0.9, 0.1, RED, 1.6 * W)] },
  // An eraser over a highlight: highlights wiped off.
  pulisci: { shapes: [rect(0.1, 0.78, 0.9, 0.9, ORANGE), seg(0.3, 0.64, 0.62, 0.18, LINE, 3 * W), seg(0.5, 0.8, 0.86, 0.32, LINE, W)] },
  // A sheet with a plus: a new scheda.
  nuovaScheda: {
    shapes: [frame(0.14, 0.08, 0.66, 0.86), seg(0.76, 0.5, 0.76, 0.94, BLUE, 1.6 * W), seg(0.54, 0.72, 0.98, 0.72, BLUE, 1.6 * W)],
  },
  // Two sheets flowing into one summary.
  consolida: {
    shapes: [
      frame(0.06, 0.1, 0.4, 0.5),
      frame(0.06, 0.54, 0.4, 0.94),
      frame(0.62, 0.3, 0.94, 0.74, PURPLE),
      seg(0.4, 0.3, 0.62, 0.46, PURPLE),
      seg(0.4, 0.74, 0.62, 0.58, PURPLE),
    ],
  },
  // A window with a pane on its right.
  pannello: {
    shapes: [
      frame(0.08, 0.16, 0.92, 0.84),
      seg(0.6, 0.16, 0.6, 0.84),
      rect(0.66, 0.3, 0.86, 0.38, BLUE),
      rect(0.66, 0.46, 0.86, 0.54, BLUE),
    ],
  },
};

function covers(sh: Shape, u: number, v: number): boolean {
  if (sh.kind === "rect") return u >= sh.x1 && u <= sh.x2 && v >= sh.y1 && v <= sh.y2;
  if (sh.kind === "frame")
    return (
      u >= sh.x1 &&
      u <= sh.x2 &&
      v >= sh.y1 &&
      v <= sh.y2 &&
      !(u > sh.x1 + sh.w && u < sh.x2 - sh.w && v > sh.y1 + sh.w && v < sh.y2 - sh.w)
    );
  const dx = sh.x2 - sh.x1;
  const dy = sh.y2 - sh.y1;
  const t = Math.max(0, Math.min(1, ((u - sh.x1) * dx + (v - sh.y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (sh.x1 + t * dx), v - (sh.y1 + t * dy)) < sh.w / 2;
}

/** Draw a glyph at `size` px on a transparent background, supersampled 4× per pixel. */
export function drawGlyph(g: Glyph, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0;
      let gr = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const u = (px + (sx + 0.5) / S) / size;
          const v = (py + (sy + 0.5) / S) / size;
          let c: Rgb | null = null;
          for (const sh of g.shapes) if (covers(sh, u, v)) c = sh.color;
          if (!c) continue;
          r += c[0];
          gr += c[1];
          b += c[2];
          hits++;
        }
      const i = (py * size + px) * 4;
      out[i] = hits ? Math.round(r / hits) : 0;
      out[i + 1] = hits ? Math.round(gr / hits) : 0;
      out[i + 2] = hits ? Math.round(b / hits) : 0;
      out[i + 3] = Math.round((255 * hits) / (S * S));
    }
  return out;
}

/** The app icon (kept for callers of the first version). */
export function drawIcon(size: number): Uint8Array {
  return drawGlyph(GLYPHS.icon!, size);
}

/** Every icon at every size. */
export const BUTTON_SIZES = ICON_SIZES;

export function iconFiles(): Array<{ file: string; size: number; glyph: Glyph }> {
  const files: Array<{ file: string; size: number; glyph: Glyph }> = [];
  for (const size of ICON_SIZES) files.push({ file: `assets/icon-${size}.png`, size, glyph: GLYPHS.icon! });
  for (const [name, glyph] of Object.entries(GLYPHS))
    if (name !== "icon") for (const size of BUTTON_SIZES) files.push({ file: `assets/icon-${name}-${size}.png`, size, glyph });
  return files;
}

if (process.argv[1] && /make-icons\.ts$/.test(process.argv[1])) {
  for (const { file, size, glyph } of iconFiles()) {
    writeFileSync(file, encodePng(size, size, drawGlyph(glyph, size)));
    console.log(file);
  }
}
