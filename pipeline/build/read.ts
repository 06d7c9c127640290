/**
 * Source file → Release: read, decode, extract. Shared by `build` and
 * `extract`; every failure is a diagnostic on the file, never a throw.
 */
import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { decodeSource, extractRelease } from '../document.js';
import type { Release } from '../release.js';

/** The source's bytes, or undefined with a `read-error` on the file. */
export async function readSourceBytes(path: string, file: VFile): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    report(file, 'read-error', `Cannot read the source: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return undefined;
  }
}

export function releaseFromBytes(bytes: Uint8Array, file: VFile): Release | undefined {
  const text = decodeSource(bytes, file);
  if (text === undefined) return undefined;
  file.value = text;
  return extractRelease(file);
}

export async function readRelease(path: string, file: VFile): Promise<Release | undefined> {
  const bytes = await readSourceBytes(path, file);
  return bytes ? releaseFromBytes(bytes, file) : undefined;
}
