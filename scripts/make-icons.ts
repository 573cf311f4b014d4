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

/** Draw the icon at `size` px, supersampled 4× per pixel for smooth edges. */
export function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  const radius = size * 0.18;
  const inTile = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  // Bars: x from, x to, height as a share of the tile.
  const bars = [
    [0.2, 0.34, 0.35],
    [0.42, 0.56, 0.55],
    [0.64, 0.78, 0.75],
  ] as const;
  const base = 0.82;
  const tick = (x: number, y: number) => {
    // A tick from (0.18,0.45)→(0.32,0.6)→(0.56,0.3) in tile units, thickness 0.07.
    const segs = [
      [0.16, 0.36, 0.3, 0.5],
      [0.3, 0.5, 0.54, 0.2],
    ] as const;
    const u = x / size;
    const v = y / size;
    return segs.some(([x1, y1, x2, y2]) => {
      const dx = x2 - x1;
      const dy = y2 - y1;
      const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(u - (x1 + t * dx), v - (y1 + t * dy)) < 0.055;
    });
  };
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const x = px + (sx + 0.5) / S;
          const y = py + (sy + 0.5) / S;
          if (!inTile(x, y)) continue;
          let c: [number, number, number] = [0x1f, 0x5f, 0xa8]; // blue tile
          const u = x / size;
          const v = y / size;
          if (bars.some(([x1, x2, h]) => u >= x1 && u <= x2 && v <= base && v >= base - h * 0.62)) c = [0xff, 0xff, 0xff];
          if (tick(x, y)) c = [0x6c, 0xd1, 0x6c];
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      const n = S * S;
      const i = (py * size + px) * 4;
      const cover = a / 255;
      out[i] = cover ? Math.round(r / cover) : 0;
      out[i + 1] = cover ? Math.round(g / cover) : 0;
      out[i + 2] = cover ? Math.round(b / cover) : 0;
      out[i + 3] = Math.round(a / n);
    }
  return out;
}

if (process.argv[1] && /make-icons\.ts$/.test(process.argv[1])) {
  for (const size of ICON_SIZES) {
    writeFileSync(`assets/icon-${size}.png`, encodePng(size, size, drawIcon(size)));
    console.log(`assets/icon-${size}.png`);
  }
}
