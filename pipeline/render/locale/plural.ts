/**
 * Count-bearing strings ("{count} releases"): the form for a count chosen by
 * the locale's CLDR plural rules (Intl.PluralRules), and the numbers written
 * in the locale's digits and grouping (Intl.NumberFormat). English has "one"
 * and "other"; French also counts 0 as "one" and has "many" for round
 * millions; Japanese has only "other"; Russian has "one", "few", "many".
 *
 * The press room's filter script (templates/default/index.js) does the same
 * in the browser from the same data (a PluralMessage as JSON); keep the two
 * in step.
 */

/** The CLDR plural categories, in CLDR's order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** One string per plural category; "other" is required and stands in for any category left out. */
export type PluralForms = Readonly<Partial<Record<PluralCategory, string>> & { other: string }>;

/** A count-bearing string resolved for a language: its forms, and the locale whose rules choose among them. */
export interface PluralMessage {
  /** BCP 47: the page's language, or the language of the table the forms came from when it fell back to another. */
  readonly locale: string;
  readonly forms: PluralForms;
}

export function isPluralCategory(name: string): name is PluralCategory {
  return (PLURAL_CATEGORIES as readonly string[]).includes(name);
}

/** Bounded: a language tag can come from a release, so a hostile batch could otherwise grow these without end. */
const MAX_CACHED = 64;
const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: (tag: string) => T): T {
  let value = cache.get(locale);
  if (!value) {
    try {
      value = make(locale);
    } catch {
      // A tag Intl refuses counts in English rather than failing the page.
      value = make('en');
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(locale, value);
  }
  return value;
}

/** The plural rules for `locale`, made once (each Intl object costs ICU memory outside the JS heap). */
export function pluralRules(locale: string): Intl.PluralRules {
  return cached(rules, locale, (tag) => new Intl.PluralRules(tag));
}

/** The categories `locale`'s rules use for cardinal numbers ("one", "other"…). */
export function pluralCategories(locale: string): PluralCategory[] {
  return pluralRules(locale).resolvedOptions().pluralCategories.filter(isPluralCategory);
}

/** A number as `locale` writes it: "1,000" in English, "1 000" in French. */
export function formatNumber(locale: string, n: number): string {
  return cached(numbers, locale, (tag) => new Intl.NumberFormat(tag)).format(n);
}

/** The form of `message` for `count`: its category's, else "other". */
export function selectForm(message: PluralMessage, count: number): string {
  return message.forms[pluralRules(message.locale).select(count)] ?? message.forms.other;
}
