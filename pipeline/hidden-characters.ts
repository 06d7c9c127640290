/**
 * Characters that are invisible or rewrite how text is shown.
 *
 * Control characters (NUL, ESC, BEL…, other than tab and line breaks) are
 * never meant to be printed: an ESC sequence in wire copy recolours a
 * terminal, and XML forbids them. They become spaces, so every source
 * position stays true.
 *
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make
 * text display in a different order than it reads ("Trojan Source"). In the
 * body they stay inside their block; in header fields they would reach the
 * HTML <title>, PDF metadata and file managers, so they are removed there.
 * Zero-width characters (U+200B, U+200C/D, U+2060) stay: joiners are needed
 * by scripts and emoji, word joiners occur in real releases, and none of them
 * reorders text.
 */
import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import { lineStartOffsets, pointOf } from './extract/lines.js';
import { HEADER_FIELDS, type Release } from './release.js';

const CONTROL = /[\0-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]/gu;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/gu;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Replace control characters in the file's text by spaces, with one warning at the first. */
export function replaceControls(file: VFile): void {
  const source = String(file.value);
  const first = source.search(CONTROL);
  if (first < 0) return;
  const count = source.match(CONTROL)?.length ?? 0;
  file.value = source.replace(CONTROL, ' ');
  const what = count === 1 ? `a control character (${codePoint(source[first]!)})` : `${count} control characters (the first ${codePoint(source[first]!)})`;
  report(file, 'control-character', `The source has ${what}; printed as a space`, pointOf(first, lineStartOffsets(source)));
}

/**
 * Header fields are metadata (HTML <title>, PDF Info and XMP, file managers):
 * bidi controls are removed from them, and control characters that reached
 * them without being in the source text (YAML escapes such as "\u001b" in
 * front matter) become spaces, each with a warning.
 */
export function cleanHeaderFields(release: Release, file: VFile): void {
  let bidi = 0;
  let bidiField: (typeof HEADER_FIELDS)[number] | undefined;
  for (const field of HEADER_FIELDS) {
    const value = release[field];
    if (typeof value !== 'string') continue;
    let clean = value.replace(BIDI, '');
    if (clean !== value) bidiField ??= field;
    bidi += value.length - clean.length;
    const controls = clean.match(CONTROL);
    if (controls) {
      clean = clean.replace(CONTROL, ' ').replace(/ {2,}/gu, ' ').trim();
      report(file, 'control-character', `\`${field}\` has ${controls.length === 1 ? 'a control character' : `${controls.length} control characters`} (the first ${codePoint(controls[0]!)}); printed as a space`, release.sources[field]?.position);
    }
    if (clean === value) continue;
    if (field === 'language') release.language = clean || 'und';
    else release[field] = clean.trim() === '' ? null : clean;
  }
  if (bidi === 0) return;
  const source = String(file.value);
  const first = source.search(BIDI);
  report(
    file,
    'bidi-control',
    `Bidirectional control characters (${codePoint(source[first] ?? '\u202e')}) in the header would reorder how the title or other fields display; they are removed from them`,
    // Written as a YAML escape, the character is not in the source: point at the field.
    first >= 0 ? pointOf(first, lineStartOffsets(source)) : bidiField && release.sources[bidiField]?.position,
  );
}
