/**
 * Dates as releases write them, read with chrono (a maintained natural-language
 * date parser) in several locales. A date is only returned as fact when day,
 * month and year are all stated and the reading is unambiguous.
 */
import type * as chrono from 'chrono-node';
// Each language from its own entry point: the package's main one loads all sixteen, which costs a worker about 100 ms to start.
import * as de from 'chrono-node/de';
import * as en from 'chrono-node/en';
import * as es from 'chrono-node/es';
import * as fr from 'chrono-node/fr';
import * as ja from 'chrono-node/ja';
import * as pt from 'chrono-node/pt';
import * as zh from 'chrono-node/zh';

export interface FoundDate {
  /** ISO yyyy-mm-dd, or null when ambiguous. */
  iso: string | null;
  /** Offset of the date text within the searched string. */
  index: number;
  /** The date as written. */
  text: string;
  /** Why the date cannot be stated as fact, when it cannot. */
  ambiguity?: string;
}

/**
 * Which parsers read a text. English reads numeric and ISO dates as well as any
 * (and, being first, wins ties); the Spanish, Portuguese, French and German
 * parsers add only their month names ("3 de marzo", "3. März"), so each runs
 * only where one of its own appears. Elsewhere they found nothing but false
 * readings of English words ("So," and "do" as German weekdays, "ago" as
 * Spanish August) that could hide a real date later in the line; and English
 * words that are another language's month ("out", "set": Portuguese October
 * and September) would otherwise bring in all four. Text with Han or kana gets
 * every parser, a European date may be mixed in.
 */
const ENGLISH: chrono.Chrono = en.casual;
const ALL_PARSERS: readonly chrono.Chrono[] = [ENGLISH, es.casual, pt.casual, fr.casual, de.casual, zh.casual, ja.casual];
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A locale's month names, long and short, in lower case, with and without accents ("März", "marz"). */
function monthNames(locale: string): string[] {
  const names: string[] = [];
  for (const month of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) {
      const name = format.format(new Date(Date.UTC(2020, m, 15))).toLowerCase().replace(/\.$/u, '');
      names.push(name, name.normalize('NFD').replace(/\p{M}/gu, ''));
    }
  }
  return names;
}

/** A pattern that finds any of `words` as a whole word. */
const anyWord = (words: readonly string[]): RegExp => new RegExp(String.raw`(?<![\p{L}\p{M}])(?:${words.join('|')})(?![\p{L}\p{M}])`, 'iu');

const ENGLISH_MONTHS = monthNames('en');
const ENGLISH_MONTH_SET = new Set(ENGLISH_MONTHS);
/** The other languages' parsers, each with the month names it adds (those English does not share). */
const OTHER_LANGUAGES = ([['es', es.casual], ['pt', pt.casual], ['fr', fr.casual], ['de', de.casual]] as const).map(([locale, parser]) => {
  const months = [...new Set(monthNames(locale))].filter((name) => !ENGLISH_MONTH_SET.has(name));
  return { parser, months, pattern: anyWord(months) };
});
const OTHER_MONTH = anyWord([...new Set(OTHER_LANGUAGES.flatMap((l) => l.months))]);

function parsersFor(text: string): readonly chrono.Chrono[] {
  if (CJK.test(text)) return ALL_PARSERS;
  if (!OTHER_MONTH.test(text)) return [ENGLISH];
  return [ENGLISH, ...OTHER_LANGUAGES.filter((l) => l.pattern.test(text)).map((l) => l.parser)];
}

/** Every month name the parsed languages write (English "Sept" is Spanish, French and German "sept"). */
const MONTH_NAMES = [...new Set([...ENGLISH_MONTHS, ...OTHER_LANGUAGES.flatMap((l) => l.months)])];

/**
 * What every stated day or month needs: a digit (any script's, full-width
 * included), a CJK day or month sign, or a month name, as a whole word, in one
 * of the parsed languages. chrono also reads relative words ("today", "hoy",
 * "今天") as dates, but against the fixed reference below they would state a
 * day in January 2000, so text without any of these holds no date worth
 * reading. (Month-name stems, tried before, let in most English sentences
 * through "market", "set", "outreach" or "energy", and with them such readings:
 * "Today Marks the Anniversary …" was dated 2000-01-01.)
 */
const MAY_HOLD_DATE = new RegExp(String.raw`\p{Nd}|[月日号號]|${anyWord(MONTH_NAMES).source}`, 'iu');

// A fixed reference keeps parsing a pure function of the text (no "this year" drift).
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

/**
 * The first date chrono reads in `text` (the longest at the earliest offset),
 * remembered for a while: a document's header lines are read more than once
 * (as a date line, as a place with a date). The memory is small, about the
 * last dozen documents' lines, so that it serves one document and its near
 * neighbours, not a whole batch that repeats its sources (which would make a
 * benchmark on a cycled corpus look faster than a real archive).
 */
const MEMO = new Map<string, chrono.ParsedResult | null>();
const MEMO_LIMIT = 256;

function firstResult(text: string): chrono.ParsedResult | undefined {
  const known = MEMO.get(text);
  if (known !== undefined) return known ?? undefined;
  let best: chrono.ParsedResult | undefined;
  if (MAY_HOLD_DATE.test(text)) {
    for (const parser of parsersFor(text)) {
      for (const r of parser.parse(text, REFERENCE, { forwardDate: false })) {
        if (!best || r.index < best.index || (r.index === best.index && r.text.length > best.text.length)) best = r;
      }
    }
  }
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(text, best ?? null);
  return best;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A purely numeric d/m/y where both leading parts could be the month. */
function numericAmbiguity(text: string): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a <= 12 && b <= 12 && a !== b) return `"${text}" could be day/month or month/day`;
  return undefined;
}

/** Find the first date in `text`. Returns undefined when there is none. */
export function findDate(text: string): FoundDate | undefined {
  const best = firstResult(text);
  if (!best) return undefined;
  const { start } = best;
  const found: FoundDate = { iso: null, index: best.index, text: best.text };
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) {
    // Times alone ("10:00") are not dates; a month and year without a day is a partial date.
    if (!start.isCertain('month') && !start.isCertain('day')) return undefined;
    found.ambiguity = `"${best.text}" does not state a full date (day, month and year)`;
    return found;
  }
  const numeric = numericAmbiguity(best.text);
  if (numeric) {
    found.ambiguity = numeric;
    return found;
  }
  found.iso = `${pad(start.get('year') ?? 0, 4)}-${pad(start.get('month') ?? 0)}-${pad(start.get('day') ?? 0)}`;
  return found;
}

/**
 * Whether a whole line is a date (perhaps with a weekday, a "Date:" label, a
 * time, parentheses, or a post-metadata prefix such as "Admin |"), as opposed
 * to a line that merely mentions one.
 */
export function lineIsDate(line: string): FoundDate | undefined {
  const found = findDate(line);
  if (!found) return undefined;
  let before = line.slice(0, found.index);
  // Blog and CMS post metadata puts the author before a bar: "Admin | May 14, 2024".
  if (/\|\s*$/u.test(before) && before.split(/\s+/u).filter(Boolean).length <= 4) before = '';
  // "Updated …", "Released on …", "Posted …" are page metadata, not the release date.
  const rest = (before + ' ' + line.slice(found.index + found.text.length))
    .replace(/^\s*(?:date|dated|fecha|data)\b\s*:?/giu, '')
    .replace(/\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?/giu, '')
    .replace(/[\s,.:;|()–—-]+/gu, '');
  return rest.length === 0 ? found : undefined;
}

/** A point in time as a text states it: the date, and the time and UTC offset when it says them. */
export interface FoundInstant {
  year: number;
  month: number;
  day: number;
  /** Hour and minute, when the text states a time. */
  time?: { hour: number; minute: number };
  /** Minutes east of UTC, when the text states a zone ("EST", "+01:00"). */
  offset?: number;
  /** The text read, for messages. */
  text: string;
}

/**
 * The first full date in `text` with its time and zone, when stated
 * ("10:00 a.m. EST, March 3, 2026"); undefined when there is no unambiguous
 * full date.
 */
export function findInstant(text: string): FoundInstant | undefined {
  const date = findDate(text);
  if (!date?.iso) return undefined;
  // findDate's reading is already the longest at its offset: its time and zone are the instant's.
  const best = firstResult(text);
  const [year, month, day] = date.iso.split('-').map(Number) as [number, number, number];
  const found: FoundInstant = { year, month, day, text: best?.text ?? date.text };
  const start = best?.start;
  if (start?.isCertain('hour')) found.time = { hour: start.get('hour') ?? 0, minute: start.get('minute') ?? 0 };
  if (start?.isCertain('timezoneOffset')) found.offset = start.get('timezoneOffset') ?? 0;
  return found;
}
