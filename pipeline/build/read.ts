/**
 * Source file → Release: read, decode, extract. Shared by `build` (in-process
 * and in workers) and `extract`; every failure is a diagnostic on the file,
 * never a throw.
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { decodeSource, extractRelease } from '../document.js';
import type { Release } from '../release.js';
import { nodeFs, type BuildFs } from './fs.js';
import { DEFAULT_MAX_SIZE, formatSize } from './size.js';

export { DEFAULT_MAX_SIZE, formatSize };

export interface ReadOptions {
  /** Refuse sources larger than this many bytes (checked before reading). */
  maxSize?: number;
  fs?: BuildFs;
}

/** A source as read: its bytes, and its stat (taken first, at `statAt`) for the manifest's fingerprint. */
export interface SourceRead {
  bytes: Uint8Array;
  stats: Awaited<ReturnType<BuildFs['stat']>>;
  statAt: number;
}

/**
 * The source's bytes and stat, or undefined with a diagnostic on the file:
 * `read-error` (unreadable, or not a regular file) or `too-large` (over `maxSize`).
 */
export async function readSource(path: string, file: VFile, options: ReadOptions = {}): Promise<SourceRead | undefined> {
  const fs = options.fs ?? nodeFs;
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  try {
    // Stat first: a FIFO or device would block or never end, and a huge file is refused unread.
    const statAt = Date.now();
    const stats = await fs.stat(path);
    if (!stats.isFile()) {
      report(file, 'read-error', 'Cannot read the source: not a regular file (a FIFO, socket or device)');
      return undefined;
    }
    if (stats.size > maxSize) {
      report(file, 'too-large', `The source is ${formatSize(stats.size)}, over the ${formatSize(maxSize)} limit; raise it with --max-size`);
      return undefined;
    }
    return { bytes: await fs.readFile(path), stats, statAt };
  } catch (error) {
    report(file, 'read-error', `Cannot read the source: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return undefined;
  }
}

/** The source's bytes, or undefined with a diagnostic on the file (see readSource). */
export async function readSourceBytes(path: string, file: VFile, options: ReadOptions = {}): Promise<Uint8Array | undefined> {
  return (await readSource(path, file, options))?.bytes;
}

export function releaseFromBytes(bytes: Uint8Array, file: VFile): Release | undefined {
  const text = decodeSource(bytes, file);
  if (text === undefined) return undefined;
  file.value = text;
  return extractRelease(file);
}

export async function readRelease(path: string, file: VFile, options: ReadOptions = {}): Promise<Release | undefined> {
  const bytes = await readSourceBytes(path, file, options);
  return bytes ? releaseFromBytes(bytes, file) : undefined;
}
