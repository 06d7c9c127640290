/**
 * The matches a global regular expression finds, found by trying it only
 * near the places a match needs.
 *
 * The name patterns ("U.S. Department of State", "Deputy Secretary of State
 * Wendy Sherman") are slow when tried at every capital of a long body, yet
 * every match holds a head word ("Department", "Secretary") with only a few
 * capitalised words before it. So each head is found first, and the pattern
 * is tried, anchored, at each position from the head back over the words
 * that could start the match. Positions are tried in order and a match
 * resumes the search after its end, as a global search does, so the matches
 * are the same.
 */

/** The code point at `index`, or '' inside a surrogate pair (a Unicode pattern never starts a match there). */
function codePointAt(text: string, index: number): string {
  const unit = text.charCodeAt(index);
  if (unit >= 0xdc00 && unit <= 0xdfff && index > 0) {
    const high = text.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff) return '';
  }
  return String.fromCodePoint(text.codePointAt(index)!);
}

export interface Anchoring {
  /** A global pattern; its matches are what is returned. */
  pattern: RegExp;
  /**
   * A global pattern that finds every place a match's head can start
   * ("Department|Office"). Its own matches must not hide the start of
   * another head inside them: single words that start with a capital and
   * have none inside are safe.
   */
  head: RegExp;
  /**
   * The end of a word that may stand, followed by one space, between a
   * match's start and its head ("U.S. " before "Department"), anchored with
   * `$`. It may accept more than the pattern does, never less.
   */
  word: RegExp;
  /** One character a match may start with. */
  start: RegExp;
}

/** Where a match whose head is at `at` can start at the earliest: back over words separated by single spaces. */
function reach(text: string, at: number, word: RegExp): number {
  let from = at;
  while (from > 1 && text.charCodeAt(from - 1) === 0x20) {
    const space = from - 1;
    const m = word.exec(text.slice(text.lastIndexOf(' ', space - 1) + 1, space));
    if (!m || m[0].length === 0) break;
    from = space - m[0].length;
    // Only part of the chunk is a word of the match: nothing before it can be.
    if (m.index > 0) break;
  }
  return from;
}

export function anchoredMatches(text: string, { pattern, head, word, start }: Anchoring): RegExpExecArray[] {
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
  // Each head's stretch of possible starts. One head's stretch can reach back past an
  // earlier head ("Deputy-Department Office"), so all are gathered before any is tried.
  const stretches = [...text.matchAll(head)].map((h) => [reach(text, h.index, word), h.index] as const).sort((a, b) => a[0] - b[0]);
  const found: RegExpExecArray[] = [];
  // Positions are tried in increasing order, each once; a match resumes the search after its end.
  let next = 0;
  for (const [from, to] of stretches) {
    let p = Math.max(from, next);
    while (p <= to) {
      if (start.test(codePointAt(text, p))) {
        sticky.lastIndex = p;
        const m = sticky.exec(text);
        if (m && m[0].length > 0) {
          found.push(m);
          p += m[0].length;
          next = p;
          continue;
        }
      }
      p++;
      next = p;
    }
  }
  return found;
}
