/**
 * The language of one block when it differs from the document's, for the
 * structure tree's /Lang: a screen reader switches voices on it. Only a change
 * of script is trusted (a Chinese quotation in an English release, an English
 * paragraph in a Chinese one); telling Spanish from English in one short
 * paragraph by statistics would mislabel more than it fixes.
 */
import { detectLanguage } from '../../extract/language.js';

const SCRIPTS = ['Latin', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Thai', 'Devanagari'] as const;
type Script = (typeof SCRIPTS)[number];
// Scripts are disjoint, so each is counted in one native scan of the block (a character-by-character test was a few percent of the PDF step).
const SCRIPT_RE = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'gu')] as const);
const LETTER = /\p{L}/gu;

/** The usual language of a script, when detection cannot say more. */
const DEFAULT_LANGUAGE: Record<Script, string> = {
  Latin: 'en',
  Han: 'zh',
  Hiragana: 'ja',
  Katakana: 'ja',
  Hangul: 'ko',
  Cyrillic: 'ru',
  Greek: 'el',
  Arabic: 'ar',
  Hebrew: 'he',
  Thai: 'th',
  Devanagari: 'hi',
};

const LANGUAGE_SCRIPT: Record<string, Script> = {
  zh: 'Han', ja: 'Han', ko: 'Hangul', ru: 'Cyrillic', uk: 'Cyrillic', bg: 'Cyrillic', sr: 'Cyrillic', mk: 'Cyrillic', be: 'Cyrillic',
  kk: 'Cyrillic', el: 'Greek', ar: 'Arabic', fa: 'Arabic', ur: 'Arabic', ps: 'Arabic', he: 'Hebrew', yi: 'Hebrew', th: 'Thai', hi: 'Devanagari',
  mr: 'Devanagari', ne: 'Devanagari',
};

export function scriptOfLanguage(language: string): Script {
  return LANGUAGE_SCRIPT[language.toLowerCase().split('-')[0]!] ?? 'Latin';
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

function dominantScript(text: string): Script | undefined {
  const letters = count(text, LETTER);
  if (letters < 2) return undefined;
  const counts = new Map<Script, number>();
  for (const [script, re] of SCRIPT_RE) {
    const n = count(text, re);
    if (n === 0) continue;
    // Kana is written with Han: both count as Japanese/Chinese writing.
    const key: Script = script === 'Hiragana' || script === 'Katakana' ? 'Han' : script;
    counts.set(key, (counts.get(key) ?? 0) + n);
    // A majority cannot be beaten: most blocks stop after the first scan.
    if (key === script && n * 2 > letters) return script;
  }
  let best: Script | undefined;
  let most = 0;
  for (const [script, n] of counts) if (n > most) [best, most] = [script, n];
  return best && most * 2 > letters ? best : undefined;
}

export function blockLanguage(text: string, documentLanguage: string): string | undefined {
  const script = dominantScript(text);
  if (!script || script === scriptOfLanguage(documentLanguage)) return undefined;
  if (script === 'Han' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  const detected = text.length >= 20 ? detectLanguage(text, DEFAULT_LANGUAGE[script]) : DEFAULT_LANGUAGE[script];
  return scriptOfLanguage(detected) === script ? detected : DEFAULT_LANGUAGE[script];
}
