/**
 * An image as pdfkit should embed it. pdfkit takes PNG and JPEG bytes as they
 * are, which is not always what an archival PDF may carry:
 *
 * - PNG: pdfkit copies 16-bit samples (PDF/A-1 is PDF 1.4: 8 bits at most),
 *   turns alpha into a soft mask (PDF/A-1 forbids transparency) and
 *   colour-key masks, and decodes alpha, palette transparency and
 *   interlacing asynchronously, so that the objects reach the file in
 *   whatever order zlib finishes (rebuilds would differ). So every PNG is
 *   decoded (pngjs: palette, grey, 16-bit and interlaced alike), its alpha
 *   laid over white (the page's colour, so nothing changes on the page), and
 *   written again as a plain 8-bit, non-interlaced RGB PNG, in every profile.
 * - JPEG: passed as it is (DCT data is embedded unchanged), except a CMYK
 *   one in an archival PDF: the output intent is sRGB, so DeviceCMYK is
 *   forbidden there; it is decoded (jpeg-js), converted to RGB and encoded
 *   again, with its EXIF (orientation) kept.
 *
 * Every step is deterministic (fixed zlib level and strategy, fixed JPEG
 * quality), so rebuilds stay byte-identical; results are cached beside the
 * image, so a batch converts a shared image once per process.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imageCache, type ImageCache, type LoadedImage } from './image.js';

export interface PdfImageOptions {
  /** PDF/A: no CMYK (the output intent is sRGB). */
  archival: boolean;
}

/** Quality of a CMYK JPEG re-encoded as RGB: visually lossless for photos. */
const JPEG_QUALITY = 92;

function flattenPng(bytes: Uint8Array): Uint8Array {
  const decoded = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // pngjs blends alpha over bgColor when the output has no alpha channel.
  return PNG.sync.write(decoded, {
    colorType: 2,
    inputColorType: 6,
    inputHasAlpha: true,
    bitDepth: 8,
    bgColor: { red: 255, green: 255, blue: 255 },
    deflateLevel: 9,
    deflateStrategy: 3,
  });
}

function cmykToRgbJpeg(bytes: Uint8Array, maxPixels: number): Uint8Array {
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: Math.ceil(maxPixels / 1e6) });
  const exifBuffer = (decoded as { exifBuffer?: Uint8Array }).exifBuffer;
  const encoded = jpeg.encode({ width: decoded.width, height: decoded.height, data: decoded.data, ...(exifBuffer ? { exifBuffer } : {}) } as Parameters<typeof jpeg.encode>[0], JPEG_QUALITY);
  return new Uint8Array(encoded.data);
}

/**
 * The bytes to hand pdfkit for `image`. Throws when the pixel data cannot be
 * decoded (a PNG damaged past its header, a CMYK JPEG without the Adobe
 * marker): the caller reports it and draws a placeholder.
 */
export function pdfImageBytes(image: LoadedImage, options: PdfImageOptions, cache: ImageCache = imageCache): Uint8Array {
  if (image.format === 'png') return cache.derive(image, 'pdf:png', () => flattenPng(image.bytes));
  if (image.components === 4 && options.archival) return cache.derive(image, 'pdf:jpeg:rgb', () => cmykToRgbJpeg(image.bytes, image.width * image.height));
  return image.bytes;
}
