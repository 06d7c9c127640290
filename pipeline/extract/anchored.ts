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
  /** Where a match's head can start: a global, zero-width look-ahead ("(?=Department|Office)") so that overlapping heads are all found. */
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

/** Where a match whose head is at `at` can start at the earliest: back over words separated by single spaces, never before `floor`. */
function reach(text: string, at: number, floor: number, word: RegExp): number {
  let from = at;
  while (from - 1 > floor && text.charCodeAt(from - 1) === 0x20) {
    const space = from - 1;
    const chunkStart = Math.max(floor, text.lastIndexOf(' ', space - 1) + 1);
    const m = word.exec(text.slice(chunkStart, space));
    if (!m || m[0].length === 0) break;
    from = space - m[0].length;
    // Only part of the chunk is a word of the match: nothing before it can be.
    if (m.index > 0) break;
  }
  return from;
}

export function anchoredMatches(text: string, { pattern, head, word, start }: Anchoring): RegExpExecArray[] {
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
  const found: RegExpExecArray[] = [];
  let end = 0;
  let tried = -1;
  for (const h of text.matchAll(head)) {
    const at = h.index;
    if (at < end) continue;
    for (let p = Math.max(reach(text, at, end, word), tried + 1); p <= at; p++) {
      tried = p;
      if (!start.test(codePointAt(text, p))) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m && m[0].length > 0) {
        found.push(m);
        end = p + m[0].length;
        tried = end - 1;
        break;
      }
    }
  }
  return found;
}
