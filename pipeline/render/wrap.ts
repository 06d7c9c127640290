/**
 * Wrapping by display width: East Asian wide characters take two columns,
 * combining marks none (string-width's measure). A token wider than the line
 * (a URL) is never broken: it stands on a line of its own.
 */
import measure from 'string-width';

export interface WrapOptions {
  width: number;
  /** Prefix for every line (e.g. "  " or "> "). */
  indent?: string;
  /** Prefix for the first line instead of `indent` (hanging indents for list items). */
  firstIndent?: string;
}

/**
 * Printable ASCII, Latin letters with their accents precomposed, and the
 * common punctuation (curly quotes, dashes, bullets, ellipsis) take one column
 * a character, as string-width measures each of them; only other text needs
 * its grapheme and emoji analysis, which costs far more per call.
 * Both fast paths were checked against string-width code point by code point.
 */
const NARROW = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e]*$/u;

/** Kana, CJK ideographs and punctuation, and full-width forms: two columns each (the combining marks U+302A–U+302D excluded). */
const WIDE_ONLY = /^[\u3001-\u3029\u302e-\u303e\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uff01-\uff60]*$/u;

export function stringWidth(text: string): number {
  if (NARROW.test(text)) return text.length;
  return WIDE_ONLY.test(text) ? text.length * 2 : measure(text);
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Split text into break units: words at spaces, and single wide characters
 * (CJK text may break between any two characters; closing punctuation stays
 * with the character before it).
 */
function units(paragraph: string, narrow: boolean): { text: string; spaceBefore: boolean }[] {
  const out: { text: string; spaceBefore: boolean }[] = [];
  // Narrow text (most paragraphs) has no wide character to break at: its units are its words.
  if (narrow) {
    for (const word of paragraph.split(/ +/u)) if (word !== '') out.push({ text: word, spaceBefore: out.length > 0 });
    return out;
  }
  for (const [i, word] of paragraph.split(/ +/u).entries()) {
    if (word === '') continue;
    if (!WIDE.test(word)) {
      out.push({ text: word, spaceBefore: i > 0 || out.length > 0 });
      continue;
    }
    let first = true;
    for (const ch of word) {
      const last = out[out.length - 1];
      const noBreakBefore = /^[、。，．！？）」』】〕》〉：；,.!?)\]}%]$/u.test(ch);
      if (!first && last && (noBreakBefore || !WIDE.test(ch) && !WIDE.test(last.text.slice(-1)))) {
        last.text += ch;
      } else {
        out.push({ text: ch, spaceBefore: first && out.length > 0 });
      }
      first = false;
    }
  }
  return out;
}

export function wrapParagraph(paragraph: string, options: WrapOptions): string[] {
  const indent = options.indent ?? '';
  const firstIndent = options.firstIndent ?? indent;
  const lines: string[] = [];
  let line = firstIndent;
  let lineWidth = stringWidth(firstIndent);
  let empty = true;
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  const narrow = NARROW.test(text);
  for (const unit of units(text, narrow)) {
    const w = narrow ? unit.text.length : stringWidth(unit.text);
    const gap = !empty && unit.spaceBefore ? 1 : 0;
    if (!empty && lineWidth + gap + w > options.width) {
      lines.push(line.trimEnd());
      line = indent;
      lineWidth = stringWidth(indent);
      empty = true;
    }
    const sep = !empty && unit.spaceBefore ? ' ' : '';
    line += sep + unit.text;
    lineWidth += sep.length + w;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Wrap every paragraph (separated by blank lines) of a text; single newlines are kept as line breaks. */
export function wrapText(text: string, options: WrapOptions): string {
  return text
    .split(/\n{2,}/u)
    .map((para) => para.split('\n').map((line) => wrapParagraph(line, options).join('\n')).join('\n'))
    .join('\n\n');
}
