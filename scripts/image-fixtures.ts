/**
 * The small images the image tests use, made from code so that anyone can
 * see what they hold and make them again:
 *
 *   node dist/scripts/image-fixtures.js      (after `npx tsc -p .`)
 *
 * writes test/fixtures/images/{harbour.jpg,badge.png} (the Markdown fixture
 * release: a JPEG photo and a transparent PNG) and the PNG variants of
 * test/fixtures/image-variants/ that pdfkit would mishandle without the
 * conversion in pipeline/media/pdf-image.ts: a palette with per-entry
 * transparency (tRNS), Adam7-interlaced, 16-bit with alpha, and grey with
 * alpha. pngjs and jpeg-js cannot write palettes or interlacing, so those
 * PNGs are put together here chunk by chunk (zlib for the data, CRC-32 from
 * node:zlib). The CMYK JPEG of image-variants (cmyk.jpg: 40 × 30, with the
 * Adobe marker) cannot be made with either library; it was written once with
 * Pillow: Image.new('CMYK', (40, 30)), pixel (x, y) = (6x, 8y, 128, 20),
 * save(quality=85).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { root } from '../test/support/paths.js';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

interface Header {
  width: number;
  height: number;
  depth: 8 | 16;
  colorType: 0 | 2 | 3 | 4 | 6;
  interlace: boolean;
}

/** Bytes per pixel for the sample layouts used here. */
const channels: Record<Header['colorType'], number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * A PNG from one sample row per pixel row (`pixel(x, y)` gives the samples),
 * each scanline with filter 0; Adam7 when `interlace`.
 */
function png(header: Header, pixel: (x: number, y: number) => number[], extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr.writeUInt8(header.depth, 8);
  ihdr.writeUInt8(header.colorType, 9);
  ihdr.writeUInt8(header.interlace ? 1 : 0, 12);
  const bytesPerSample = header.depth / 8;
  const row = (xs: number[], y: number): Buffer => {
    const line = Buffer.alloc(1 + xs.length * channels[header.colorType] * bytesPerSample);
    let at = 1;
    for (const x of xs) {
      for (const sample of pixel(x, y)) {
        if (bytesPerSample === 2) line.writeUInt16BE(sample, at);
        else line.writeUInt8(sample, at);
        at += bytesPerSample;
      }
    }
    return line;
  };
  const range = (start: number, step: number, end: number): number[] => {
    const out: number[] = [];
    for (let i = start; i < end; i += step) out.push(i);
    return out;
  };
  const passes = header.interlace
    ? [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ]
    : [[0, 0, 1, 1]];
  const lines: Buffer[] = [];
  for (const [x0, y0, dx, dy] of passes as [number, number, number, number][]) {
    const xs = range(x0, dx, header.width);
    if (xs.length === 0) continue;
    for (const y of range(y0, dy, header.height)) lines.push(row(xs, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', deflateSync(Buffer.concat(lines), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A harbour at dusk, roughly: sky gradient, dark water, a row of lights. */
export function harbourJpeg(): Buffer {
  const width = 160;
  const height = 90;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const sky = y < 50;
      const light = y >= 46 && y <= 49 && x % 16 < 3;
      data[i] = light ? 255 : sky ? 40 + y * 3 : 10;
      data[i + 1] = light ? 220 : sky ? 50 + y * 2 : 30 + (x % 7);
      data[i + 2] = light ? 120 : sky ? 120 + y : 60;
      data[i + 3] = 255;
    }
  }
  return jpeg.encode({ width, height, data }, 80).data;
}

/** A gold disc on a transparent ground, with a soft (partly transparent) edge. */
export function badgePng(): Buffer {
  const size = 48;
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const r = Math.hypot(x - 23.5, y - 23.5);
      image.data[i] = 212;
      image.data[i + 1] = 160;
      image.data[i + 2] = 23;
      image.data[i + 3] = r < 18 ? 255 : r < 22 ? Math.round(255 * (22 - r) / 4) : 0;
    }
  }
  return PNG.sync.write(image, { colorType: 6 });
}

/** Four colours, the last one fully transparent and the third half transparent (tRNS). */
export function palettePng(): Buffer {
  const plte = Buffer.from([200, 30, 30, 30, 120, 200, 250, 200, 0, 0, 0, 0]);
  const trns = Buffer.from([255, 255, 128, 0]);
  return png({ width: 24, height: 16, depth: 8, colorType: 3, interlace: false }, (x, y) => [(Math.floor(x / 6) + Math.floor(y / 8)) % 4], [chunk('PLTE', plte), chunk('tRNS', trns)]);
}

export function interlacedPng(): Buffer {
  return png({ width: 19, height: 13, depth: 8, colorType: 2, interlace: true }, (x, y) => [x * 13, y * 19, 128]);
}

export function deepPng(): Buffer {
  return png({ width: 20, height: 12, depth: 16, colorType: 6, interlace: false }, (x, y) => [x * 3000, y * 5000, 40000, x < 10 ? 65535 : 20000]);
}

export function greyAlphaPng(): Buffer {
  return png({ width: 16, height: 16, depth: 8, colorType: 4, interlace: false }, (x, y) => [x * 16, y < 8 ? 255 : 64]);
}

/**
 * A decompression bomb's front: a valid PNG that declares `width` × `height`
 * pixels (its IHDR and CRC are right) with one tiny IDAT, a few dozen bytes
 * in all. Anything that believed the header would allocate width × height × 4 bytes.
 */
export function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(6, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(): void {
  const images = join(root, 'test/fixtures/images');
  const variants = join(root, 'test/fixtures/image-variants');
  mkdirSync(images, { recursive: true });
  mkdirSync(variants, { recursive: true });
  writeFileSync(join(images, 'harbour.jpg'), harbourJpeg());
  writeFileSync(join(images, 'badge.png'), badgePng());
  writeFileSync(join(variants, 'palette.png'), palettePng());
  writeFileSync(join(variants, 'interlaced.png'), interlacedPng());
  writeFileSync(join(variants, 'deep.png'), deepPng());
  writeFileSync(join(variants, 'grey.png'), greyAlphaPng());
}

if (import.meta.url === `file://${process.argv[1]}`) main();
