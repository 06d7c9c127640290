/**
 * What a header line is. Each test is a general rule about the shape of the
 * line (its head noun, its length, its capitalisation), not a list of the
 * headers of known sources.
 */
import { lineIsDate, type FoundDate } from './date.js';

/** Head nouns of document-type labels ("Media Note", "Press Statement", "A PROCLAMATION"). */
const TYPE_HEADS = new Set([
  'note', 'statement', 'release', 'advisory', 'sheet', 'question', 'readout', 'proclamation', 'determination',
  'remarks', 'transcript', 'notice', 'announcement', 'memorandum', 'briefing', 'alert', 'bulletin', 'communiqué',
  'communique', 'declaration', 'backgrounder', 'order', 'op-ed', 'interview', 'testimony', 'speech', 'message',
  'comunicado', 'nota', 'aviso', 'declaración', 'declaração', '新聞稿', '聲明', '新闻稿', '声明',
]);

/** Words that make a line an office or organisation line. */
const OFFICE_WORDS =
  /\b(office|bureau|department|ministry|embassy|consulate|mission|spokesperson|spokesman|spokeswoman|secretary|secretariat|agency|administration|commission|council|committee|press|senator|representative|governor|mayor|president|white house|attorney|division|directorate|service|authority|government|county|city of|state of|ministerio|oficina|secretaría|gabinete)\b/iu;

/** Organisation-level words: the broader of an organisation + office pair. */
const ORGANIZATION_WORDS = /^(the\s+)?(u\.?s\.?\s+)?(department|ministry|white house|embassy|consulate|agency|administration|government|county|state of|city of)\b/iu;

const RELEASE_STATUS = /^(for\s+immediate\s+release|immediate\s+release|embargoed?\b|hold\s+for\s+release|for\s+release\b|not\s+for\s+(publication|release)|para\s+publicaci[oó]n\s+inmediata)/iu;

export type LineKind = 'date' | 'release' | 'type' | 'issuer' | 'location' | 'unknown';

export interface Classified {
  kind: LineKind;
  date?: FoundDate;
}

function words(line: string): string[] {
  return line.split(/\s+/u).filter(Boolean);
}

export function isReleaseStatus(line: string): boolean {
  return RELEASE_STATUS.test(line);
}

export function isTypeLabel(line: string): boolean {
  const w = words(line.replace(/[:.]$/u, ''));
  if (w.length === 0 || w.length > 4) return false;
  const head = (w[w.length - 1] ?? '').toLowerCase();
  const first = (w[0] ?? '').toLowerCase();
  // "Office of the Press Secretary" has the office word first: an office, not a type.
  if (OFFICE_WORDS.test(line) && !TYPE_HEADS.has(head)) return false;
  return TYPE_HEADS.has(head) || (TYPE_HEADS.has(first) && w.length <= 2);
}

export function isOfficeLine(line: string): boolean {
  return OFFICE_WORDS.test(line) && words(line).length <= 12 && !/[.!?]$/u.test(line.replace(/\b[A-Z]\.$/u, ''));
}

export function isOrganizationLine(line: string): boolean {
  return ORGANIZATION_WORDS.test(line);
}

/**
 * A place line: a few capitalised words, perhaps "City, Region", no digits and
 * no sentence punctuation ("Washington, DC", "TOKYO", "San José, Costa Rica").
 */
export function isPlaceLine(line: string): boolean {
  if (/\d/u.test(line) || line.length > 60) return false;
  const parts = line.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return false;
  const connectors = new Set(['de', 'del', 'da', 'do', 'of', 'the', 'la', 'el', 'y', 'and', 'on', 'upon', 'am', 'an', 'der']);
  for (const part of parts) {
    const w = words(part);
    if (w.length === 0 || w.length > 4) return false;
    for (const word of w) {
      if (connectors.has(word.toLowerCase())) continue;
      if (!/^[\p{Lu}][\p{L}\p{M}.'’-]*$/u.test(word)) return false;
    }
  }
  return true;
}

/** Classify one header line. Order matters: a date line wins over a place line. */
export function classifyLine(line: string): Classified {
  const date = lineIsDate(line);
  if (date) return { kind: 'date', date };
  if (isReleaseStatus(line)) return { kind: 'release' };
  if (isTypeLabel(line)) return { kind: 'type' };
  if (isOfficeLine(line)) return { kind: 'issuer' };
  if (isPlaceLine(line)) return { kind: 'location' };
  return { kind: 'unknown' };
}

/**
 * Whether a block reads as running prose rather than a header line: long, or a
 * sentence that ends in terminal punctuation.
 */
export function isProse(text: string): boolean {
  const w = words(text);
  if (w.length >= 16) return true;
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length;
  if (cjk >= 40) return true;
  return w.length >= 6 && /[.!?。！？]["”’)]?$/u.test(text) && !/\b[A-Z]\.$/u.test(text);
}
