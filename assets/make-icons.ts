/**
 * Draws the add-in's ribbon and store icons as PNGs with nothing but node's zlib, so the icons
 * are reproducible from this file: `npx tsx assets/make-icons.ts` rewrites assets/*.png.
 *
 * icon-N.png  核查面板 / the add-in itself: green rounded square, white check mark
 * mark-N.png  一键标注: red rounded square, a table whose middle row is filled (a marked row)
 * generate-N.png 生成调整花名册: blue rounded square, a ruled sheet with a plus
 * clear-N.png 清除标注: grey rounded square, white eraser
 * Sizes: every size Office asks for (16/20/24/32/40/48/64/80 for the ribbon at 100–250 % scaling)
 * and 128 for the store listing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128] as const;
export const ICON_NAMES = ['icon', 'mark', 'generate', 'clear'] as const;
export type IconName = (typeof ICON_NAMES)[number];

type Rgb = [number, number, number];
/** A shape in unit coordinates (0..1 across the icon): returns whether a point is inside. */
type Shape = (x: number, y: number) => boolean;

const GREEN: Rgb = [0x10, 0x7c, 0x41]; // Excel's green
const RED: Rgb = [0xc5, 0x0f, 0x1f];
const GREY: Rgb = [0x60, 0x5e, 0x5c];
const BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];

function roundedSquare(inset: number, radius: number): Shape {
  return (x, y) => {
    const lo = inset + radius;
    const hi = 1 - inset - radius;
    const dx = Math.max(lo - x, 0, x - hi);
    const dy = Math.max(lo - y, 0, y - hi);
    return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
  };
}

function distanceToSegment(x: number, y: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** A thick line through the points, with round joins and caps. */
function stroke(points: number[][], width: number): Shape {
  return (x, y) => points.slice(1).some((p, i) => distanceToSegment(x, y, points[i], p) <= width / 2);
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((s) => s(x, y));
}

/** A rectangle rotated by `angle` radians around its centre (cx, cy). */
function rotatedRect(cx: number, cy: number, w: number, h: number, angle: number): Shape {
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    const u = dx * cos - dy * sin;
    const v = dx * sin + dy * cos;
    return Math.abs(u) <= w / 2 && Math.abs(v) <= h / 2;
  };
}

const BADGE = roundedSquare(0.04, 0.18);

const GLYPHS: Record<IconName, { background: Rgb; glyph: Shape }> = {
  icon: {
    background: GREEN,
    glyph: stroke(
      [
        [0.26, 0.52],
        [0.43, 0.69],
        [0.75, 0.33],
      ],
      0.13,
    ),
  },
  // Thick shapes only: at 16 px a stroke under 0.12 of the icon blurs into the background.
  mark: {
    background: RED,
    glyph: union(
      stroke(
        [
          [0.22, 0.24],
          [0.78, 0.24],
        ],
        0.12,
      ),
      rotatedRect(0.5, 0.5, 0.64, 0.24, 0),
      stroke(
        [
          [0.22, 0.76],
          [0.78, 0.76],
        ],
        0.12,
      ),
    ),
  },
  generate: {
    background: BLUE,
    glyph: union(
      stroke(
        [
          [0.2, 0.26],
          [0.56, 0.26],
        ],
        0.12,
      ),
      stroke(
        [
          [0.2, 0.5],
          [0.44, 0.5],
        ],
        0.12,
      ),
      stroke(
        [
          [0.2, 0.74],
          [0.44, 0.74],
        ],
        0.12,
      ),
      stroke(
        [
          [0.7, 0.46],
          [0.7, 0.82],
        ],
        0.13,
      ),
      stroke(
        [
          [0.52, 0.64],
          [0.88, 0.64],
        ],
        0.13,
      ),
    ),
  },
  clear: {
    background: GREY,
    glyph: union(
      rotatedRect(0.52, 0.47, 0.5, 0.24, -Math.PI / 4),
      stroke(
        [
          [0.24, 0.78],
          [0.78, 0.78],
        ],
        0.06,
      ),
    ),
  },
};

/** RGBA pixels of one icon, 4×4 supersampled so small sizes stay smooth. */
export function drawIcon(name: IconName, size: number): Buffer {
  const { background, glyph } = GLYPHS[name];
  const px = Buffer.alloc(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let inBadge = 0;
      let inGlyph = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (pxi + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (BADGE(x, y)) {
            inBadge++;
            if (glyph(x, y)) inGlyph++;
          }
        }
      }
      const n = ss * ss;
      const glyphShare = inBadge ? inGlyph / inBadge : 0;
      const o = (py * size + pxi) * 4;
      for (let ch = 0; ch < 3; ch++) {
        px[o + ch] = Math.round(background[ch] * (1 - glyphShare) + WHITE[ch] * glyphShare);
      }
      px[o + 3] = Math.round((255 * inBadge) / n);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels as a PNG (8-bit RGBA, no filtering). */
export function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const name of ICON_NAMES) {
    for (const size of ICON_SIZES) {
      const file = join(__dirname, `${name}-${size}.png`);
      writeFileSync(file, encodePng(drawIcon(name, size), size, size));
      console.log(`wrote ${file}`);
    }
  }
}
