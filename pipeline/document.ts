/**
 * Source text → VFile → Release: the pure front half of the pipeline, shared
 * by the API, the CLI and the workers.
 */
import { VFile } from 'vfile';
import { report } from './diagnostics.js';
import { extract } from './extract/index.js';
import { parse } from './parse.js';
import type { Release } from './release.js';

/**
 * Decode source bytes strictly as UTF-8 (a BOM is dropped; UTF-16 with a BOM is
 * decoded). Binary data or invalid UTF-8 gives undefined and an
 * `invalid-encoding` error on the file, never mojibake in the outputs.
 */
export function decodeSource(bytes: Uint8Array, file: VFile): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  try {
    if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    // NUL bytes do not occur in text; many in a row mean a binary file.
    const nuls = text.match(/\0/gu)?.length ?? 0;
    if (nuls > 0 && nuls > text.length / 1000) {
      report(file, 'invalid-encoding', 'The file looks binary (it contains NUL bytes), not a text release');
      return undefined;
    }
    return text;
  } catch {
    report(file, 'invalid-encoding', 'The file is not valid UTF-8 (or UTF-16 with a byte-order mark); re-save it as UTF-8');
    return undefined;
  }
}

/** Parse and extract a file whose `value` is already text. */
export function extractRelease(file: VFile): Release | undefined {
  if (String(file.value).trim() === '') {
    report(file, 'empty-document', 'The file has no text');
    return undefined;
  }
  return extract(parse(file), file);
}

/** A VFile for source text, with its path for diagnostics. */
export function sourceFile(value: string, path?: string): VFile {
  return new VFile({ value, ...(path ? { path } : {}) });
}
