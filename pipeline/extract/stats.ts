/**
 * Counts derived from the body. CJK text has no spaces, so each Han, kana or
 * Hangul character counts as one word, as word processors count it.
 */
import type { Root } from 'mdast';
import { blockText } from '../block-text.js';
import type { ReleaseStats } from '../release.js';

const WORDS_PER_MINUTE = 230;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;

export function countWords(text: string): number {
  const cjk = (text.match(CJK) ?? []).length;
  // Most bodies have no CJK character: then there is nothing to blank out before counting words.
  const rest = (cjk === 0 ? text : text.replace(CJK, ' ')).match(WORD) ?? [];
  return cjk + rest.length;
}

export function computeStats(body: Root): ReleaseStats {
  // Blocks are joined with a line break so that one block's last sentence ends before the next begins;
  // the blocks inside one (list items, quoted paragraphs) are kept apart too, or their words would glue.
  const text = body.children.map(blockText).join('\n');
  const words = countWords(text);
  const paragraphs = body.children.filter((n) => n.type === 'paragraph').length;
  return { words, paragraphs, readingMinutes: words === 0 ? 0 : Math.ceil(words / WORDS_PER_MINUTE), sentences: countSentences(text) };
}

/** Sentence ends: terminal punctuation followed by space or the end (abbreviations like "U.S." are not ends). */
export function countSentences(text: string): number {
  const latin = text.match(/(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Amb|Hon|vs|etc|Inc|Co|Corp|Ltd|U\.S|a\.m|p\.m))[.!?]+["”’)]*(?=\s|$)/gu) ?? [];
  const cjk = text.match(/[。！？]+/gu) ?? [];
  return latin.length + cjk.length;
}
