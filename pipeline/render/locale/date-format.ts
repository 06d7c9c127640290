/**
 * Intl.DateTimeFormat instances, made once per language and options. Each
 * new formatter costs ~50 µs and ~25 KB of ICU memory outside the JS heap,
 * which V8 does not see and so frees only at some later full GC: made per
 * document, a 10,000-release batch grew by hundreds of MB (and the press
 * room's index spent a second on its 10,000 dates).
 */

/** Bounded: a language tag comes from the release, so a hostile batch could otherwise grow it without end. */
const MAX_CACHED = 64;
const cache = new Map<string, Intl.DateTimeFormat>();

/** A formatter for `language`; throws a RangeError like the constructor for a tag Intl refuses. */
export function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, format);
  }
  return format;
}
