/**
 * Source text → VFile → Release: the pure front half of the pipeline, shared
 * by the API, the CLI and the workers.
 */
import { VFile } from 'vfile';
import { report } from './diagnostics.js';
import { extract } from './extract/index.js';
import { lineStartOffsets, pointOf } from './extract/lines.js';
import { cleanHeaderFields, replaceControls } from './hidden-characters.js';
import { checkDepth, checkSource } from './limits.js';
import { parse } from './parse.js';
import type { Release } from './release.js';

/**
 * Where the first invalid UTF-8 sequence is, as a line and column of the text
 * before it: the first U+FFFD of a lenient decoding that the bytes do not
 * spell out as EF BF BD.
 */
function firstInvalid(bytes: Uint8Array): { line: number; column: number } | undefined {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  for (let i = lenient.indexOf('\ufffd'); i >= 0; i = lenient.indexOf('\ufffd', i + 1)) {
    const at = Buffer.byteLength(lenient.slice(0, i), 'utf8');
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) {
      const prefix = lenient.slice(0, i);
      return pointOf(prefix.length, lineStartOffsets(prefix));
    }
  }
  return undefined;
}

/**
 * Decode source bytes strictly as UTF-8 (a BOM is dropped; UTF-16 with a BOM is
 * decoded). Binary data or invalid UTF-8 gives undefined and an
 * `invalid-encoding` error on the file, never mojibake in the outputs.
 */
export function decodeSource(bytes: Uint8Array, file: VFile): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let text: string;
  try {
    if (b0 === 0xff && b1 === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (b0 === 0xfe && b1 === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = b0 === 0xff || b0 === 0xfe ? undefined : firstInvalid(bytes);
    report(file, 'invalid-encoding', 'The file is not valid UTF-8 (or UTF-16 with a byte-order mark); re-save it as UTF-8', at);
    return undefined;
  }
  // Binary formats pad with runs of NUL bytes, and UTF-16 without a BOM is one
  // NUL in two; a stray NUL in text is a control character (replaced later).
  const nuls = text.match(/\0/gu)?.length ?? 0;
  if (nuls > 0 && (text.includes('\0\0') || nuls > text.length / 10)) {
    report(file, 'invalid-encoding', 'The file looks binary (it contains NUL bytes), not a text release', pointOf(text.indexOf('\0'), lineStartOffsets(text)));
    return undefined;
  }
  return text;
}

/**
 * Parse and extract a file whose `value` is already text. Control characters
 * become spaces first; a source past the nesting or marker limits is refused
 * before (or, for inline nesting, right after) parsing.
 */
export function extractRelease(file: VFile): Release | undefined {
  replaceControls(file);
  if (String(file.value).trim() === '') {
    report(file, 'empty-document', 'The file has no text');
    return undefined;
  }
  if (!checkSource(file)) return undefined;
  const tree = parse(file);
  if (!checkDepth(tree, file)) return undefined;
  const release = extract(tree, file);
  cleanHeaderFields(release, file);
  return release;
}

/** A VFile for source text, with its path for diagnostics. */
export function sourceFile(value: string, path?: string): VFile {
  return new VFile({ value, ...(path ? { path } : {}) });
}
