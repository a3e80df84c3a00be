// Writes the PWA icons in public/icons/ (committed; rerun after changing the look): a brand-blue tile with a white
// speech bubble. Pure Node (zlib), no image tools needed.  Usage: npx tsx scripts/generate-icons.ts
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BRAND = [29, 78, 216] as const;
const WHITE = [255, 255, 255] as const;

function crc32(buffer: Buffer): number {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Is (x, y) (0..1 coordinates) inside the glyph: a rounded bubble with a tail, scaled by `scale` around the centre. */
function isGlyph(x: number, y: number, scale: number): boolean {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const inBubble = ((u - 0.5) / 0.3) ** 2 + ((v - 0.46) / 0.22) ** 2 <= 1;
  const inTail = v >= 0.6 && v <= 0.78 && u >= 0.3 && u <= 0.44 && u - 0.3 <= (0.78 - v) * 0.8;
  return inBubble || inTail;
}

function png({ size, scale, isRounded }: { size: number; scale: number; isRounded: boolean }): Buffer {
  const rows: Buffer[] = [];
  const radius = size * 0.2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const cx = Math.max(radius - x, 0, x - (size - 1 - radius));
      const cy = Math.max(radius - y, 0, y - (size - 1 - radius));
      const isOutside = isRounded && cx * cx + cy * cy > radius * radius;
      const colour = isGlyph((x + 0.5) / size, (y + 0.5) / size, scale) ? WHITE : BRAND;
      row.set([...colour, isOutside ? 0 : 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.join(import.meta.dirname, "..", "public", "icons");
fs.mkdirSync(outDir, { recursive: true });
const icons = {
  "icon-192.png": png({ size: 192, scale: 1, isRounded: true }),
  "icon-512.png": png({ size: 512, scale: 1, isRounded: true }),
  // Maskable: full-bleed background, glyph inside the 80% safe zone.
  "maskable-512.png": png({ size: 512, scale: 0.75, isRounded: false }),
  // iOS rounds the corners itself and shows transparency as black: full-bleed.
  "apple-touch-icon.png": png({ size: 180, scale: 0.9, isRounded: false }),
};
for (const [name, data] of Object.entries(icons)) fs.writeFileSync(path.join(outDir, name), data);
console.log(`wrote ${Object.keys(icons).join(", ")} to ${outDir}`);
