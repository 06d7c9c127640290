/**
 * Hyphenation for justified PDF text: Liang's TeX patterns (the `hyphen`
 * package) put soft hyphens into words, and pdfkit breaks lines at them.
 * Long URLs get zero-width break opportunities instead, so that they wrap at
 * their slashes rather than overflow or split mid-name.
 */
import { createRequire } from 'node:module';

type Hyphenator = (word: string, options?: { minWordLength?: number }) => string;

const require = createRequire(import.meta.url);
const SHY = '\u00ad';
export const BREAK = '\u200b';

/** Scripts whose lines break between characters, where hyphenation makes no sense. */
const NO_HYPHENATION = new Set(['zh', 'ja', 'ko', 'th', 'lo', 'km', 'my']);

/** TeX's usual minima: at least two letters before a break and three after. */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
const MIN_WORD = 6;

const loaded = new Map<string, Hyphenator | null>();

function load(tag: string): Hyphenator | null {
  if (loaded.has(tag)) return loaded.get(tag)!;
  const [lang = '', region] = tag.toLowerCase().split('-');
  let found: Hyphenator | null = null;
  if (!NO_HYPHENATION.has(lang)) {
    for (const name of region ? [`${lang}-${region}`, lang] : [lang]) {
      if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/u.test(name)) continue;
      try {
        found = (require(`hyphen/${name}`) as { hyphenateSync: Hyphenator }).hyphenateSync;
        break;
      } catch {
        // No patterns for this language: its text is set without hyphenation.
      }
    }
  }
  loaded.set(tag, found);
  return found;
}

/** Whether a language has hyphenation patterns. */
export function canHyphenate(language: string): boolean {
  return load(language) !== null;
}

const cache = new Map<string, string>();

function hyphenateWord(word: string, language: string, hyphenator: Hyphenator): string {
  const key = `${language}\u0000${word}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const marked = hyphenator(word, { minWordLength: MIN_WORD });
  // Drop breaks too close to either end of the word.
  let letters = 0;
  const total = word.length;
  let out = '';
  for (const ch of marked) {
    if (ch === SHY) {
      if (letters >= LEFT_MIN && total - letters >= RIGHT_MIN) out += SHY;
      continue;
    }
    letters += ch.length;
    out += ch;
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, out);
  return out;
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^\S+@\S+\.\S+$/iu;
const TOKEN = /\S+/gu;
// Words of letters only: names in capitals, numbers and identifiers are never split.
const WORD = /^(\p{P}*)(\p{Ll}[\p{Ll}\p{M}]*|\p{Lu}[\p{Ll}\p{M}]+)(\p{P}*)$/u;

/** Zero-width break opportunities after a URL's separators, never inside a name. */
export function breakableUrl(token: string): string {
  return token.replace(/([/?&=#._~-]+)(?=[^/?&=#._~-])/gu, `$1${BREAK}`);
}

/**
 * Soft hyphens into the words of `text`, by the patterns of `language`, and
 * break opportunities into URLs. Text in a language without patterns only
 * gets the URL breaks.
 */
export function hyphenate(text: string, language: string): string {
  const hyphenator = load(language);
  return text.replace(TOKEN, (token) => {
    if (URL_LIKE.test(token) || (token.length > 30 && /[/_.]/u.test(token))) return breakableUrl(token);
    if (!hyphenator || token.length < MIN_WORD) return token;
    // Compounds split at their own hyphens; each part is hyphenated alone.
    return token
      .split(/(-)/u)
      .map((part) => {
        const m = WORD.exec(part);
        return m ? `${m[1]}${hyphenateWord(m[2]!, language, hyphenator)}${m[3]}` : part;
      })
      .join('');
  });
}
