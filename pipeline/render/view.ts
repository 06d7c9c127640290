/**
 * The data every template sees: the record's fields as plain values, plus
 * presentation values derived once (dateline, direction, end mark). Format
 * renderers add their own `body`.
 */
import { toString } from 'mdast-util-to-string';
import type { HeaderField, Release } from '../release.js';
import { version } from '../package-root.js';

/** The record's header fields as they are, plus presentation values. */
export interface View extends Pick<Release, HeaderField> {
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
  words: number;
  readingMinutes: number;
  generator: string;
}

const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/iu;

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.test(language) ? 'rtl' : 'ltr';
}

export function formatDate(iso: string, language: string, style: 'long' | 'full' | 'medium' | 'short' = 'long'): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: style, timeZone: 'UTC' }).format(date);
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
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** The first paragraph's text: the lead that summaries use. */
export function leadOf(release: Release): string {
  const first = release.body.children.find((n) => n.type === 'paragraph');
  return first ? toString(first, { includeHtml: false }).replace(/\s+/gu, ' ').trim() : '';
}

export function toView(release: Release): View {
  const lead = leadOf(release);
  const endMark = release.endMark?.replace(/[\\*_]/gu, '').trim();
  return {
    title: release.title,
    subtitle: release.subtitle,
    type: release.type,
    issuer: release.issuer,
    organization: release.organization,
    location: release.location,
    date: release.date,
    release: release.release,
    language: release.language,
    endMark: release.endMark,
    contact: release.contact,
    dir: directionOf(release.language),
    dateline: datelineOf(release),
    bodyHasDateline: release.dateline !== null,
    endMarkText: endMark ? endMark : '###',
    description: truncate(lead || release.title || '', 200),
    words: release.stats.words,
    readingMinutes: release.stats.readingMinutes,
    generator: `handout ${version}`,
  };
}
