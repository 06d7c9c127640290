/**
 * Whole-word counts of phrases in one text: a phrase counts where no letter
 * touches it on either side ("Rice" is not counted inside "Price"). The
 * mention finder asks for the same names many times (merging, surnames), so
 * answers are remembered per text, and a count is an indexOf scan rather than
 * a regular expression compiled per phrase.
 */

const LETTER = /\p{L}/u;

/** The code point that ends just before `index` (a surrogate pair read whole). */
function letterBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return LETTER.test(String.fromCodePoint(text.codePointAt(start)!));
}

function letterAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return LETTER.test(String.fromCodePoint(text.codePointAt(index)!));
}

function count(text: string, phrase: string): number {
  let n = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    if (letterBefore(text, i) || letterAt(text, i + phrase.length)) continue;
    n++;
    // Matches do not overlap, as with a global regular expression.
    i += phrase.length - 1;
  }
  return n;
}

/** A counter for `text`: phrase → its whole-word occurrences. */
export function countOccurrences(text: string): (phrase: string) => number {
  const known = new Map<string, number>();
  return (phrase: string): number => {
    if (phrase === '') return 0;
    let n = known.get(phrase);
    if (n === undefined) {
      n = count(text, phrase);
      known.set(phrase, n);
    }
    return n;
  };
}
