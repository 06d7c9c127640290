/**
 * Reading an image file: stat, refuse what is too big unread, read, sniff the
 * format from the bytes, take the intrinsic size from the header (image-size)
 * and refuse a decompression bomb before anything decodes it.
 *
 * Results are cached per process (so per build worker) by real path and file
 * identity (device, inode, size, mtime): a batch whose releases share a logo
 * or a photo reads it once, and an image edited between two builds of a
 * watch session is read again. The cache is bounded by bytes, least recently
 * used first out, so a batch of many large photos cannot exhaust memory.
 *
 * Paths given here are trusted to be allowed: resolve.ts decides that.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { imageSize } from 'image-size';
import { describeKind, MIME, sniffImage, type ImageFormat } from './sniff.js';

export type { ImageFormat } from './sniff.js';

export interface ImageLimits {
  /** Largest file read, in bytes (checked by stat, before reading). */
  maxBytes: number;
  /** Largest width × height accepted (checked from the header, before decoding). */
  maxPixels: number;
}

/** 20 MB and 50 megapixels: a full-size press photo fits, a decompression bomb does not. */
export const DEFAULT_IMAGE_LIMITS: Readonly<ImageLimits> = { maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000 };

export interface LoadedImage {
  /** Absolute path it was read from. */
  path: string;
  bytes: Uint8Array;
  format: ImageFormat;
  mime: string;
  /** Displayed size in pixels: the EXIF orientation of a JPEG is applied (a portrait photo stored sideways is tall). */
  width: number;
  height: number;
  /** JPEG only: colour components (1 grey, 3 RGB/YCbCr, 4 CMYK/YCCK). */
  components?: number;
  sha256: string;
  /** File identity when read, for the incremental build's manifest. */
  size: number;
  mtimeMs: number;
}

/** What a file was when it was looked at, so a later build can tell whether it changed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** sha256 of the bytes, or null when they were not read (refused by size alone). */
  sha256: string | null;
}

/** Why an image was not loaded; `kind` maps to a diagnostic rule. */
export interface ImageProblem {
  kind: 'missing' | 'unsupported' | 'too-large';
  message: string;
  /** The file's stamp when it exists (refused, not missing). */
  stamp?: FileStamp;
}

export type ImageResult = { ok: true; image: LoadedImage } | { ok: false; problem: ImageProblem };

const problem = (kind: ImageProblem['kind'], message: string, stamp?: FileStamp): ImageResult => ({ ok: false, problem: { kind, message, ...(stamp ? { stamp } : {}) } });

const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** A JPEG's frame header: which coding process, how many bits and colour components. */
interface JpegFrame {
  marker: number;
  precision: number;
  components: number;
}

function jpegFrame(bytes: Uint8Array): JpegFrame | undefined {
  let at = 2;
  while (at + 10 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return undefined;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { marker, precision: bytes[at + 4]!, components: bytes[at + 9]! };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Refuse what pdfkit and browsers cannot both show: only 8-bit baseline, extended or progressive Huffman JPEGs in grey, RGB or CMYK. */
function jpegProblem(frame: JpegFrame | undefined): string | undefined {
  if (!frame) return 'a damaged JPEG (no frame header)';
  if (frame.marker > 0xc2) return 'a JPEG in a coding process browsers and PDF readers do not support (lossless, hierarchical or arithmetic-coded)';
  if (frame.precision !== 8) return `a ${frame.precision}-bit JPEG (only 8-bit JPEGs are supported)`;
  if (![1, 3, 4].includes(frame.components)) return `a JPEG with ${frame.components} colour components`;
  return undefined;
}

/** Read, sniff and measure one file, with no cache. */
export function loadImage(path: string, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): ImageResult {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return problem('missing', 'no such file');
    return problem('missing', `the file cannot be read (${code ?? (error as Error).message})`);
  }
  // A FIFO or device would block or never end.
  if (!info.isFile()) return problem('unsupported', 'not a regular file', { size: info.size, mtimeMs: info.mtimeMs, sha256: null });
  if (info.size > limits.maxBytes) return problem('too-large', `the file is ${formatBytes(info.size)}, over the ${formatBytes(limits.maxBytes)} limit`, { size: info.size, mtimeMs: info.mtimeMs, sha256: null });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return problem('missing', `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const stamp: FileStamp = { size: bytes.byteLength, mtimeMs: info.mtimeMs, sha256: hash(bytes) };
  const kind = sniffImage(bytes);
  if (kind !== 'png' && kind !== 'jpeg') {
    return problem('unsupported', kind ? `the file is ${describeKind(kind)}; only PNG and JPEG images are embedded` : 'the file is not a PNG or JPEG image (its bytes say so, whatever its name)', stamp);
  }
  let frame: JpegFrame | undefined;
  if (kind === 'jpeg') {
    frame = jpegFrame(bytes);
    const why = jpegProblem(frame);
    if (why) return problem('unsupported', `the file is ${why}`, stamp);
  }
  let size;
  try {
    size = imageSize(bytes);
  } catch (error) {
    return problem('unsupported', `the file is ${describeKind(kind)} whose header cannot be read (${(error as Error).message})`, stamp);
  }
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return problem('unsupported', `the file is ${describeKind(kind)} with no size in its header`, stamp);
  // Checked before anything decodes the pixels: a tiny file can declare a gigapixel image.
  if (width * height > limits.maxPixels) {
    return problem('too-large', `the image declares ${width} × ${height} pixels, over the limit of ${(limits.maxPixels / 1e6).toFixed(0)} megapixels`, stamp);
  }
  const turned = (size.orientation ?? 1) >= 5;
  return {
    ok: true,
    image: {
      path,
      bytes,
      format: kind,
      mime: MIME[kind],
      width: turned ? height : width,
      height: turned ? width : height,
      ...(frame ? { components: frame.components } : {}),
      sha256: stamp.sha256!,
      size: stamp.size,
      mtimeMs: stamp.mtimeMs,
    },
  };
}

interface Entry {
  identity: string;
  result: ImageResult;
  /** Forms made from the image (the PDF's flattened PNG…), by key. */
  derived: Map<string, Uint8Array>;
  bytes: number;
}

const weight = (result: ImageResult): number => (result.ok ? result.image.bytes.byteLength : 0) + 256;

/**
 * A byte-bounded LRU of loaded images and what is derived from them. One per
 * process is shared (`imageCache`); tests make their own.
 */
export class ImageCache {
  private readonly entries = new Map<string, Entry>();
  private total = 0;
  /** Files actually read (cache misses that reached readFileSync or a refusal by stat). */
  reads = 0;
  hits = 0;

  /** 128 MB per process: every build worker has its own. */
  constructor(readonly maxBytes = 128 * 1024 * 1024) {}

  /** Load `path` (absolute, already allowed), from the cache when the file is unchanged. */
  read(path: string, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): ImageResult {
    let identity: string;
    try {
      const info = statSync(path);
      identity = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${limits.maxBytes}:${limits.maxPixels}`;
    } catch {
      // Missing or unreadable: nothing to cache, and the stat is cheap to repeat.
      this.reads++;
      return loadImage(path, limits);
    }
    const cached = this.entries.get(path);
    if (cached && cached.identity === identity) {
      this.hits++;
      // Most recently used goes last.
      this.entries.delete(path);
      this.entries.set(path, cached);
      return cached.result;
    }
    if (cached) this.drop(path, cached);
    this.reads++;
    const result = loadImage(path, limits);
    const entry: Entry = { identity, result, derived: new Map(), bytes: weight(result) };
    this.entries.set(path, entry);
    this.total += entry.bytes;
    this.evict();
    return result;
  }

  /**
   * A form of `image` made by `make` (a flattened PNG, an RGB JPEG), cached
   * beside it under `key`, so a batch converts a shared image once.
   */
  derive(image: LoadedImage, key: string, make: () => Uint8Array): Uint8Array {
    const entry = this.entries.get(image.path);
    const own = entry && entry.result.ok && entry.result.image === image ? entry : undefined;
    const hit = own?.derived.get(key);
    if (hit) return hit;
    const made = make();
    if (own) {
      own.derived.set(key, made);
      own.bytes += made.byteLength;
      this.total += made.byteLength;
      this.evict();
    }
    return made;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private drop(path: string, entry: Entry): void {
    this.entries.delete(path);
    this.total -= entry.bytes;
  }

  private evict(): void {
    for (const [path, entry] of this.entries) {
      if (this.total <= this.maxBytes || this.entries.size <= 1) break;
      this.drop(path, entry);
    }
  }
}

/** The process's cache: each build worker has its own. */
export const imageCache = new ImageCache();

/** The image as a `data:` URI, for a self-contained HTML page. */
export function dataUri(image: LoadedImage): string {
  return `data:${image.mime};base64,${Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64')}`;
}
