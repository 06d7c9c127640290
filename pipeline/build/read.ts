/**
 * Source file → Release: read, decode, extract. Shared by `build` and
 * `extract`; every failure is a diagnostic on the file, never a throw.
 */
import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { decodeSource, extractRelease } from '../document.js';
import type { Release } from '../release.js';

export async function readRelease(path: string, file: VFile): Promise<Release | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    report(file, 'read-error', `Cannot read the source: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return undefined;
  }
  const text = decodeSource(bytes, file);
  if (text === undefined) return undefined;
  file.value = text;
  return extractRelease(file);
}
