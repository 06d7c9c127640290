/**
 * ASCII wire copy (`--text-ascii`): every character transliterated with
 * any-ascii (curly quotes, dashes, ellipsis, no-break spaces, bullets,
 * accented letters, other scripts). Nothing disappears silently: a character
 * with no transliteration becomes a visible [U+XXXX] placeholder and an
 * `untransliterable-character` warning at its source position. Combining
 * marks and invisible format characters (soft hyphen, zero-width space) carry
 * no text of their own and are dropped.
 */
import anyAscii from 'any-ascii';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { walk } from '../../walk.js';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics.js';
import { HEADER_FIELDS, type Release } from '../../release.js';

/** Wire style for the long dash; any-ascii writes em and en dash alike as "-". */
const OVERRIDES: Readonly<Record<string, string>> = { '\u2014': '--', '\u2015': '--' };

/** Scripts written without spaces, whose syllables read better spaced out in Latin letters. */
const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Full-width punctuation: its ASCII form needs a space after it, as the ideographic one did not. */
const WIDE_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;
const SILENT = /^[\p{M}\p{Cf}]$/u;

export interface Untransliterable {
  char: string;
  /** Index in the input string (UTF-16 code units). */
  index: number;
}

export function placeholder(char: string): string {
  return `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
}

export function toAscii(text: string): { text: string; unknown: Untransliterable[] } {
  const unknown: Untransliterable[] = [];
  let out = '';
  let index = 0;
  let previousSyllabic = false;
  for (const char of text.normalize('NFC')) {
    const at = index;
    index += char.length;
    if (char.charCodeAt(0) < 0x80) {
      if (previousSyllabic && /[A-Za-z0-9]/u.test(char) && /[A-Za-z0-9,.:;!?)\]]$/u.test(out)) out += ' ';
      out += char;
      previousSyllabic = false;
      continue;
    }
    const syllabic = SYLLABIC.test(char);
    let ascii = OVERRIDES[char] ?? anyAscii(char);
    if (ascii === '' && !SILENT.test(char)) {
      ascii = placeholder(char);
      unknown.push({ char, index: at });
    }
    const startsWord = /^[A-Za-z0-9]/u.test(ascii);
    const opens = WIDE_PUNCTUATION.test(char) && /^[([{"']/u.test(ascii);
    if ((startsWord && ((syllabic && /[A-Za-z0-9]$/u.test(out)) || (previousSyllabic && /[A-Za-z0-9,.:;!?)\]]$/u.test(out)))) || (opens && /[A-Za-z0-9]$/u.test(out))) out += ' ';
    out += ascii;
    if (ascii !== '') previousSyllabic = syllabic || WIDE_PUNCTUATION.test(char);
  }
  return { text: out, unknown };
}

/** The point `index` code units into a value that starts at `start`. */
function pointAt(value: string, start: Point, index: number): Point {
  let { line, column } = start;
  for (const char of value.slice(0, index)) {
    if (char === '\n') {
      line++;
      column = 1;
    } else column += char.length;
  }
  return { line, column };
}

/**
 * The release with its text in ASCII, for the wire copy. Each character with
 * no transliteration is reported once, at its first place.
 */
export function asciiRelease(release: Release, file?: VFile): Release {
  const reported = new Set<string>();
  const convert = (value: string, start: Point | undefined): string => {
    const { text, unknown } = toAscii(value);
    for (const u of unknown) {
      if (!file || reported.has(u.char)) continue;
      reported.add(u.char);
      report(file, 'untransliterable-character', `${placeholder(u.char).slice(1, -1)} has no ASCII transliteration; the wire copy shows ${placeholder(u.char)} in its place`, start ? pointAt(value, start, u.index) : undefined);
    }
    return text;
  };
  const copy: Release = { ...release, body: structuredClone(release.body) as Root };
  for (const field of HEADER_FIELDS) {
    if (field === 'language' || field === 'date') continue;
    const value = release[field];
    if (typeof value === 'string') copy[field] = convert(value, release.sources[field]?.position?.start);
  }
  if (release.dateline) copy.dateline = convert(release.dateline, undefined);
  walk(copy.body, (node) => {
    if ('value' in node && typeof node.value === 'string') node.value = convert(node.value, node.position?.start);
    if ('alt' in node && typeof node.alt === 'string') node.alt = convert(node.alt, node.position?.start);
    // An image's title is its caption, printed in the "[Photo: …]" line.
    if ('title' in node && typeof node.title === 'string') node.title = convert(node.title, node.position?.start);
    // A URL is kept working rather than transliterated: non-ASCII becomes percent-escapes.
    if ('url' in node && typeof node.url === 'string') node.url = node.url.replace(/[^\u0000-\u007f]+/gu, (s) => encodeURIComponent(s));
  });
  return copy;
}
