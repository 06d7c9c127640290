/**
 * What an image file is, from its first bytes: the extension says nothing
 * (a PNG renamed .jpg, a text file named .png). Only PNG and JPEG are
 * embedded; the other names exist so that a refusal can say what it saw.
 */

export type ImageFormat = 'png' | 'jpeg';

export type SniffedKind = ImageFormat | 'gif' | 'webp' | 'svg' | 'bmp' | 'tiff' | 'heif' | 'avif' | 'pdf';

export const MIME: Readonly<Record<ImageFormat, string>> = { png: 'image/png', jpeg: 'image/jpeg' };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** The format the bytes are, or undefined when they are no image handout recognises. */
export function sniffImage(bytes: Uint8Array): SniffedKind | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    return brand.startsWith('avi') ? 'avif' : 'heif';
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  // SVG is text: look for its root element near the start (after an XML declaration or comments).
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024));
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/iu.test(head.replace(/^\ufeff/u, ''))) return 'svg';
  return undefined;
}

/** How a refusal names a kind of file: "a GIF", "an SVG". */
export function describeKind(kind: SniffedKind): string {
  const names: Record<SniffedKind, string> = {
    png: 'a PNG',
    jpeg: 'a JPEG',
    gif: 'a GIF',
    webp: 'a WebP image',
    svg: 'an SVG',
    bmp: 'a BMP',
    tiff: 'a TIFF',
    heif: 'a HEIF image',
    avif: 'an AVIF image',
    pdf: 'a PDF',
  };
  return names[kind];
}
