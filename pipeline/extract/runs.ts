/**
 * Capitalised runs: the stretches of a text where names can be, read in one
 * pass. "Secretary of State Antony J. Blinken met Mr. Koichi Mizushima in
 * New York" has the runs "Secretary of State Antony J. Blinken",
 * "Mr", "Koichi Mizushima" and "New York": words that start with a capital,
 * initials ("J."), abbreviations ("U.S."), words in capitals ("NATO"), and
 * the small words that sit inside names ("of", "de", "van"), each separated
 * from the next by a single space. Punctuation ends a run.
 */

export type TokenKind = 'cap' | 'upper' | 'initial' | 'abbr' | 'connector';

export interface Token {
  text: string;
  kind: TokenKind;
  start: number;
  end: number;
}

export interface Run {
  tokens: Token[];
  start: number;
  end: number;
  /** The last word is possessive ("Castillo’s"); the run stops there and the "’s" is left out. */
  possessive: boolean;
}

/** Words in lower case that may sit inside a name or a place ("Francisco de Miranda", "Bosnia and Herzegovina"). */
export const CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'van', 'von', 'der', 'den', 'la', 'le', 'y', 'e', 'et', 'und', 'bin', 'ibn', 'al', 'el',
]);

/**
 * The words that can be part of a run: capitalised words, initials and
 * abbreviations (with their periods), words in capitals, "al-"/"el-" names and
 * connectors, each whole (inner apostrophes and hyphens kept). Other words are
 * not matched at all: they fall in the gap between two tokens, and any gap
 * other than one space ends a run. Skipping them is most of the speed.
 * The look-behinds keep a match from starting inside a word ("d’Estaing",
 * "non-European"), where a scan of every word would not have started one.
 */
const WORD = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?<![\p{L}\p{M}]['’-])(?:(?:\p{Lu}\.){2,}|\p{Lu}\.(?![\p{L}\p{M}])|(?:\p{Lu}|(?:al|el|ad|as|ash|ar|bin)-\p{Lu})[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|(?:${[...CONNECTORS].join('|')})(?![\p{L}\p{M}]|['’-][\p{L}\p{M}]))`,
  'gu',
);

function kindOf(word: string): TokenKind | undefined {
  if (/^\p{Lu}\.$/u.test(word)) return 'initial';
  if (/^(?:\p{Lu}\.){2,}$/u.test(word)) return 'abbr';
  if (/^\p{Lu}[\p{Lu}\p{M}'’-]+$/u.test(word)) return 'upper';
  // "al-Baghdadi": an Arabic article joined to a capitalised name.
  if (/^(?:\p{Lu}|(?:al|el|ad|as|ash|ar|bin)-\p{Lu})/u.test(word)) return 'cap';
  if (CONNECTORS.has(word)) return 'connector';
  return undefined;
}

/** Every capitalised run in `text`, in order. Connectors at a run's edges are dropped. */
export function capitalisedRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: Token[] = [];
  let possessive = false;
  const close = (): void => {
    while (current.length > 0 && current[current.length - 1]!.kind === 'connector') current.pop();
    if (current.length > 0) runs.push({ tokens: current, start: current[0]!.start, end: current[current.length - 1]!.end, possessive });
    current = [];
    possessive = false;
  };
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    const start = m.index;
    const owned = /['’]s$/u.test(word);
    if (owned) word = word.slice(0, -2);
    const kind = kindOf(word);
    const last = current[current.length - 1];
    // A run continues only across exactly one space.
    if (last && (kind === undefined || start !== last.end + 1 || text.charCodeAt(last.end) !== 0x20)) close();
    if (kind === undefined || (kind === 'connector' && current.length === 0)) continue;
    current.push({ text: word, kind, start, end: start + word.length });
    if (owned) {
      possessive = true;
      close();
    }
  }
  close();
  return runs;
}

/** The source text from token i to token j (inclusive) of a run. */
export function spanText(text: string, run: Run, i: number, j: number): string {
  return text.slice(run.tokens[i]!.start, run.tokens[j]!.end);
}
