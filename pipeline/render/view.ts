/**
 * The data every template sees: the record's fields as plain values, plus
 * presentation values derived once (dateline, direction, end mark). Format
 * renderers add their own `body`.
 */
import { toString } from 'mdast-util-to-string';
import type { HeaderField, Release } from '../release.js';
import { version } from '../package-root.js';
import { fill, stringsFor, type StringOverrides, type Strings } from './locale/strings.js';
import { formatInstant } from './locale/instant.js';
import { dateTimeFormat } from './locale/date-format.js';
import { embargoLineText } from '../extract/embargo.js';
import { brandView, type BrandView } from '../brand/view.js';
import type { LogoImage } from '../brand/logo-image.js';

/** The record's header fields as they are, plus presentation values. */
export interface View extends Pick<Release, HeaderField | 'embargo'> {
  /** The embargo instant in the release's language ("March 3, 2026 at 10:00 AM GMT-5"), or null. */
  embargoText: string | null;
  /** The whole embargo notice ("Embargoed until …"), or null: for plain-text places such as a mail subject. */
  embargoNotice: string | null;
  /** When the release may be said to be published: its date, never before its embargo (see publishedOf). */
  published: string | null;
  /** "ltr" or "rtl", from the language. */
  dir: 'ltr' | 'rtl';
  /** The wire dateline for the header: "WASHINGTON, DC, July 17, 2015 —", or null when there is nothing to say. */
  dateline: string | null;
  /** True when the body opens with its own dateline, so none should be prefixed. */
  bodyHasDateline: boolean;
  /** The end mark to print: the source's, normalised ("\###" → "###"), or "###". */
  endMarkText: string;
  /** A one-paragraph summary for meta descriptions and PDF subjects. */
  description: string;
  /** The title for <title>: at most 70 characters (tabs and search results cut longer ones); the <h1> keeps it whole. */
  pageTitle: string;
  words: number;
  readingMinutes: number;
  generator: string;
  /** The fixed words for the release's language (catalogue, then the project's overrides); templates read them through `{{t "key"}}`. */
  strings: Strings;
  /** The press office's brand that applies (see brand/view.ts); every field empty when none does. */
  brand: BrandView;
}

export interface ViewOptions {
  /** The project's per-locale string overrides (`strings` in handout.config.json). */
  strings?: StringOverrides;
  /** The logo the record's `brand.logo` names, read and checked by the build (renderers never read files). */
  logo?: LogoImage;
}

const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/iu;

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.test(language) ? 'rtl' : 'ltr';
}

export function formatDate(iso: string, language: string, style: 'long' | 'full' | 'medium' | 'short' = 'long'): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return dateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date);
  } catch {
    return dateTimeFormat('en', { dateStyle: style, timeZone: 'UTC' }).format(date);
  }
}

export function upperCase(text: string, language: string): string {
  try {
    return text.toLocaleUpperCase(language);
  } catch {
    return text.toUpperCase();
  }
}

export function datelineOf(release: Release): string | null {
  const parts: string[] = [];
  if (release.location) parts.push(upperCase(release.location, release.language));
  if (release.date) parts.push(formatDate(release.date, release.language));
  return parts.length > 0 ? `${parts.join(', ')} —` : null;
}

/** Cut text to at most `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half: a lone surrogate is not text.
  const cut = text.slice(0, max - 1).replace(/[\ud800-\udbff]$/u, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** Handlebars' HTML escapes, by character: validators measure a <title> in source characters. */
const HTML_ESCAPED_LENGTH: Readonly<Record<string, number>> = { '&': 5, '<': 4, '>': 4, '"': 6, "'": 6, '`': 6, '=': 6 };

function escapedLength(text: string): number {
  let n = 0;
  for (const ch of text) n += HTML_ESCAPED_LENGTH[ch] ?? ch.length;
  return n;
}

/** The title for <title>, cut so that even escaped it stays within `max` characters. */
export function pageTitleOf(title: string, max = 70): string {
  let limit = max;
  let cut = truncate(title, limit);
  while (escapedLength(cut) > max && limit > 10) cut = truncate(title, --limit);
  return cut;
}

/** The first paragraph's text: the lead that summaries use. */
export function leadOf(release: Release): string {
  const first = release.body.children.find((n) => n.type === 'paragraph');
  return first ? toString(first, { includeHtml: false }).replace(/\s+/gu, ' ').trim() : '';
}

/**
 * When the release is published: its date, but never before its embargo. A
 * page that says it was published at 09:00 while the embargo holds until 10:00
 * invites a crawler or an aggregator to run it early, so an embargo later than
 * the date (or a release with no date) gives the embargo's instant.
 */
export function publishedOf(release: Release): string | undefined {
  if (!release.embargo) return release.date ?? undefined;
  if (!release.date) return release.embargo;
  // The date is a calendar day: it is not later than the embargo unless it is a later day than the embargo's own.
  return release.date > release.embargo.slice(0, 10) ? release.date : release.embargo;
}

/** The header fields every rendering of a release shows as they are in the record. */
export function headerFieldsOf(release: Release): Pick<Release, 'title' | 'subtitle' | 'type' | 'issuer' | 'organization' | 'location' | 'date'> {
  const { title, subtitle, type, issuer, organization, location, date } = release;
  return { title, subtitle, type, issuer, organization, location, date };
}

export function toView(release: Release, options: ViewOptions = {}): View {
  const strings = stringsFor(release.language, options.strings);
  const embargoText = release.embargo ? formatInstant(release.embargo, release.language) : null;
  const lead = leadOf(release);
  const endMark = release.endMark?.replace(/[\\*_]/gu, '').trim();
  return {
    ...headerFieldsOf(release),
    // An "EMBARGOED UNTIL …" release line is shown as the embargo notice instead, not twice.
    release: release.embargo && release.release && embargoLineText(release.release) !== undefined ? null : release.release,
    embargo: release.embargo,
    published: publishedOf(release) ?? null,
    embargoText,
    embargoNotice: embargoText ? fill(strings.embargoedUntil, { date: embargoText }) : null,
    language: release.language,
    endMark: release.endMark,
    contact: release.contact,
    dir: directionOf(release.language),
    dateline: datelineOf(release),
    bodyHasDateline: release.dateline !== null,
    endMarkText: endMark ? endMark : '###',
    description: truncate(lead || release.title || '', 200),
    pageTitle: pageTitleOf(release.title ?? strings.pressRelease),
    words: release.stats.words,
    readingMinutes: release.stats.readingMinutes,
    generator: `handout ${version}`,
    strings,
    brand: brandView(release, strings, options.logo),
  };
}
