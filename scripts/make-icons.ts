/**
 * Draws the add-in's ribbon and manifest icons (assets/icon-16/32/64/80.png): a blue tile with
 * three white bars (a PEG progress chart) and a green tick. Plain RGBA drawn by code and encoded
 * as PNG with node:zlib, so no image tool is needed. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80] as const;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

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

/** A shape in tile units (0–1), drawn in one colour. */
type Shape =
  | { kind: "seg"; x1: number; y1: number; x2: number; y2: number; w: number; color: Rgb }
  | { kind: "rect"; x1: number; y1: number; x2: number; y2: number; color: Rgb }
  | { kind: "frame"; x1: number; y1: number; x2: number; y2: number; w: number; color: Rgb };
type Rgb = readonly [number, number, number];

const WHITE: Rgb = [0xff, 0xff, 0xff];
const GREEN: Rgb = [0x6c, 0xd1, 0x6c];

/** A rounded tile of `tile` colour with shapes on it; later shapes paint over earlier ones. */
export interface Glyph {
  tile: Rgb;
  shapes: Shape[];
}

const seg = (x1: number, y1: number, x2: number, y2: number, w: number, color: Rgb = WHITE): Shape => ({
  kind: "seg",
  x1,
  y1,
  x2,
  y2,
  w,
  color,
});
const rect = (x1: number, y1: number, x2: number, y2: number, color: Rgb = WHITE): Shape => ({ kind: "rect", x1, y1, x2, y2, color });
const frame = (x1: number, y1: number, x2: number, y2: number, w: number, color: Rgb = WHITE): Shape => ({
  kind: "frame",
  x1,
  y1,
  x2,
  y2,
  w,
  color,
});
const tick = (color: Rgb = GREEN, dx = 0, dy = 0): Shape[] => [
  seg(0.16 + dx, 0.36 + dy, 0.3 + dx, 0.5 + dy, 0.11, color),
  seg(0.3 + dx, 0.5 + dy, 0.54 + dx, 0.2 + dy, 0.11, color),
];
const cross = (): Shape[] => [seg(0.3, 0.3, 0.7, 0.7, 0.13), seg(0.7, 0.3, 0.3, 0.7, 0.13)];

const BLUE: Rgb = [0x1f, 0x5f, 0xa8];

/** The add-in's icons: the app (manifest, tab, groups) and one per ribbon button. */
export const GLYPHS: Record<string, Glyph> = {
  // Three rising bars with a green tick: a PEG monitoring chart.
  icon: { tile: BLUE, shapes: [rect(0.2, 0.6, 0.34, 0.82), rect(0.42, 0.48, 0.56, 0.82), rect(0.64, 0.36, 0.78, 0.82), ...tick()] },
  // A sheet with a tick: check the workbook.
  verifica: { tile: BLUE, shapes: [frame(0.22, 0.16, 0.78, 0.84, 0.09), ...tick(GREEN, 0.14, 0.22)] },
  // A sheet whose result cells are being filled in.
  esiti: {
    tile: [0x2e, 0x7d, 0x32],
    shapes: [frame(0.18, 0.18, 0.82, 0.82, 0.08), rect(0.18, 0.4, 0.82, 0.46), rect(0.46, 0.18, 0.52, 0.82), rect(0.58, 0.56, 0.76, 0.74)],
  },
  // An X on the previsto colour.
  segnaPrevisto: { tile: [0x2e, 0x75, 0xb6], shapes: cross() },
  // An X on the effettivo colour.
  segnaEffettivo: { tile: [0x38, 0x8e, 0x3c], shapes: cross() },
  // An empty month cell: the mark taken away.
  togliSegno: { tile: [0x60, 0x60, 0x60], shapes: [frame(0.26, 0.26, 0.74, 0.74, 0.09), seg(0.2, 0.8, 0.8, 0.2, 0.09)] },
  // Brush strokes: highlights wiped off.
  pulisci: {
    tile: [0xc5, 0x5a, 0x11],
    shapes: [seg(0.24, 0.7, 0.5, 0.3, 0.12), seg(0.4, 0.76, 0.66, 0.36, 0.12), seg(0.56, 0.82, 0.8, 0.46, 0.1)],
  },
  // A plus: a new scheda.
  nuovaScheda: { tile: BLUE, shapes: [seg(0.5, 0.24, 0.5, 0.76, 0.14), seg(0.24, 0.5, 0.76, 0.5, 0.14)] },
  // Stacked sheets: several workbooks in one summary.
  consolida: {
    tile: [0x5c, 0x2d, 0x91],
    shapes: [frame(0.14, 0.14, 0.6, 0.6, 0.07), frame(0.27, 0.27, 0.73, 0.73, 0.07), rect(0.4, 0.4, 0.86, 0.86)],
  },
  // A window with a pane on its right.
  pannello: { tile: BLUE, shapes: [frame(0.16, 0.22, 0.84, 0.78, 0.08), rect(0.56, 0.22, 0.84, 0.78)] },
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

/** Draw a glyph at `size` px, supersampled 4× per pixel for smooth edges. */
export function drawGlyph(g: Glyph, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  const radius = size * 0.18;
  const inTile = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0;
      let gr = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const x = px + (sx + 0.5) / S;
          const y = py + (sy + 0.5) / S;
          if (!inTile(x, y)) continue;
          let c: Rgb = g.tile;
          for (const sh of g.shapes) if (covers(sh, x / size, y / size)) c = sh.color;
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

/** Ribbon buttons need 16, 32 and 80 px; the app icon also 64 (HighResolutionIconUrl). */
export const BUTTON_SIZES = [16, 32, 80] as const;

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
