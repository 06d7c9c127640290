/**
 * Every diagnostic handout can emit, with its stable ruleId.
 *
 * The README's diagnostics table is generated from (and tested against) this list,
 * so a rule cannot be added without being documented.
 */
import type { VFile } from 'vfile';
import type { Node, Point, Position } from 'unist';

export const SOURCE = 'handout';

export type Severity = 'error' | 'warning' | 'info';

export interface RuleInfo {
  severity: Severity;
  description: string;
}

export const RULES = {
  'missing-title': { severity: 'warning', description: 'No headline could be found; the record has `title: null`.' },
  'missing-date': { severity: 'warning', description: 'No release date could be found in the header or dateline; `date` is null.' },
  'ambiguous-date': { severity: 'warning', description: 'A date was found but could be read more than one way (e.g. 03/04/2020) or lacks a year; `date` is null rather than a guess.' },
  'truncated-contact': { severity: 'warning', description: 'The closing contact line stops mid-phrase (e.g. ends in "at"): an address or number was probably cut off.' },
  'invalid-front-matter': { severity: 'warning', description: 'The YAML front matter cannot be parsed, or a field has the wrong type; that field is ignored.' },
  'unknown-front-matter': { severity: 'info', description: 'A front-matter key that handout does not know; it is kept out of the record.' },
  'invalid-encoding': { severity: 'error', description: 'The source is not valid UTF-8 text (or is binary); the document is not built.' },
  'empty-document': { severity: 'error', description: 'The source has no text; the document is not built.' },
  'missing-glyph': { severity: 'warning', description: 'Characters have no glyph in any PDF font (one warning per script, at the first one); they print as U+FFFD, never as an invisible .notdef box.' },
  'template-error': { severity: 'error', description: 'A template failed to compile or render; the message names template file:line:column.' },
  'read-error': { severity: 'error', description: 'The source file could not be read (permissions, a vanished file).' },
  'write-error': { severity: 'error', description: 'An output file could not be written; no partial file is left. A full disk or an unwritable output folder stops the batch (one error, on the document that hit it).' },
  'render-error': { severity: 'error', description: 'A renderer failed unexpectedly on this document; the other documents are still built.' },
  'untransliterable-character': { severity: 'warning', description: 'With `--text-ascii`, a character has no ASCII transliteration; the wire copy shows it as a visible [U+XXXX] placeholder (one warning per character, at its first place).' },
  'too-large': { severity: 'error', description: 'The source is larger than `--max-size` (default 10 MB); it is refused before it is read.' },
  'too-deep': { severity: 'error', description: 'Lists, block quotes or inline Markdown are nested more than 100 levels deep; the document is not built.' },
  'too-complex': { severity: 'error', description: 'A paragraph has more than 2,000 emphasis markers (`*`, `_`), which would take minutes to parse; the document is not built.' },
  'control-character': { severity: 'warning', description: 'The source has control characters (NUL, ESC, BEL…); each is printed as a space (one warning, at the first).' },
  'bidi-control': { severity: 'warning', description: 'Bidirectional override or isolate characters in a header field would reorder how it displays; they are removed from the header fields.' },
  'internal-error': { severity: 'error', description: 'handout failed unexpectedly on this document (a bug: please report it); the other documents are still built.' },
  'duplicate-output': { severity: 'warning', description: 'Two sources would write the same output name; the later one (in path order) gets a suffix.' },
  'invalid-embargo': { severity: 'warning', description: 'An "EMBARGOED UNTIL …" or "EMBARGO: …" header line states no full date that can be read; the line is printed as written, but `embargo` is null and the press room cannot hold the release back.' },
  embargoed: { severity: 'warning', description: 'The release is under embargo until a time still in the future: it is left out of the press room (index.html, feed.xml, manifest.json) unless `--include-embargoed` is given. Its handouts are still built.' },
  'missing-image': { severity: 'warning', description: 'An image the release shows (`![alt](photo.jpg)`) is not there or cannot be read; the outputs show a placeholder with its alt text.' },
  'unsupported-image': { severity: 'warning', description: 'An image is not a PNG or JPEG by its bytes (whatever its name: a GIF, an SVG, a text file), is damaged, or is a URL other than http(s) (`data:`, `javascript:`); a placeholder is shown.' },
  'image-outside-input': { severity: 'warning', description: 'An image path leaves the input folder (`../`, an absolute path, a `file:` URL or a symbolic link out of it); it is not read, and a placeholder is shown.' },
  'image-too-large': { severity: 'warning', description: 'An image file is over 20 MB or declares over 50 megapixels (checked before decoding), or a release\'s images come to over 64 MB; it is not embedded, and a placeholder is shown.' },
  'missing-alt': { severity: 'warning', description: 'An image has no alt text (`![](photo.jpg)`): screen readers cannot say what it shows. The HTML marks it decorative (`alt=""`) and the PDF makes it an artifact.' },
  'invalid-manifest': { severity: 'warning', description: 'The incremental-build manifest in the output folder is unreadable or corrupt; everything is rebuilt and a new one is written.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

type Place = Point | Position | Node | undefined;

function placeOf(at: Place): Point | Position | undefined {
  if (!at) return undefined;
  if ('line' in at) return at;
  if ('start' in at) return at;
  return (at as Node).position;
}

/**
 * Report a rule on a file with its registered severity. `error` becomes a
 * non-fatal message with `fatal: true` set so that reporters count it as an error
 * without throwing: one bad document must never stop a batch.
 */
export function report(file: VFile, ruleId: RuleId, reason: string, at?: Place): void {
  const place = placeOf(at);
  const options = { ruleId, source: SOURCE, ...(place ? { place } : {}) };
  const severity: Severity = RULES[ruleId].severity;
  if (severity === 'info') {
    file.info(reason, options);
    return;
  }
  const message = file.message(reason, options);
  if (severity === 'error') message.fatal = true;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}

export function hasWarnings(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === false);
}
