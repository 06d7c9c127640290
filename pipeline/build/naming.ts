/**
 * Output names: the source's relative path with the format's extension,
 * made safe for Linux, macOS and Windows, and never outside the output folder.
 */
import { extname, join, resolve, sep } from 'node:path';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu;
const MAX_SEGMENT_BYTES = 200;

/** One path segment, safe on every common file system. */
export function safeSegment(segment: string): string {
  let s = segment
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/gu, '_')
    .replace(/[. ]+$/u, '');
  if (s === '' || s === '.' || s === '..') s = '_';
  if (s.startsWith('-')) s = `_${s.slice(1)}`;
  if (WINDOWS_RESERVED.test(s.split('.')[0] ?? '')) s = `_${s}`;
  while (Buffer.byteLength(s, 'utf8') > MAX_SEGMENT_BYTES) s = s.slice(0, -1);
  return s;
}

/** The output stem (no extension) for a source's relative path: "a/foo.txt" → "a/foo". */
export function outputStem(relativePath: string): string {
  const parts = relativePath.split(/[\\/]/u).filter((p) => p !== '' && p !== '.' && p !== '..');
  const last = parts.pop() ?? 'release';
  const stem = last.slice(0, last.length - extname(last).length) || last;
  return [...parts.map(safeSegment), safeSegment(stem)].join('/');
}

/** Resolve an output path and refuse anything that would land outside `outDir`. */
export function outputPath(outDir: string, stem: string, extension: string): string {
  const root = resolve(outDir);
  const target = resolve(join(root, `${stem}.${extension}`));
  if (!target.startsWith(root + sep)) throw new Error(`output path escapes the output folder: ${stem}.${extension}`);
  return target;
}
