/**
 * feed.xml: an Atom (RFC 4287) feed of the newest releases with their full
 * body as escaped HTML (`type="html"`). Every value goes through escapeXml;
 * the body HTML is the same sanitized hast output as the handout page.
 */
import { escapeXml as e } from '../xml.js';
import { hrefOf, type PressEntry } from './entry.js';
import { entryId, feedId } from './ids.js';
import { stringsFor, type StringOverrides } from '../render/locale/strings.js';

export interface FeedOptions {
  title: string;
  generator: { name: string; version: string };
  /** Absolute base URL of the published press room ("https://example.org/press/"); links stay relative without it. */
  siteUrl?: string;
  /** The feed's <updated> when no release has a date (SOURCE_DATE_EPOCH or the build time). */
  fallbackUpdated: Date;
  /** The project's per-locale string overrides: an untitled entry is "Untitled release" in its own language, as on the index page. */
  strings?: StringOverrides;
}

const TYPES: Record<string, string> = { html: 'text/html', pdf: 'application/pdf', txt: 'text/plain', json: 'application/json', eml: 'message/rfc822' };

function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}

function link(path: string, siteUrl?: string): string {
  return siteUrl ? new URL(hrefOf(path), siteUrl).href : hrefOf(path);
}

function entryXml(entry: PressEntry, content: string | undefined, updated: string, options: FeedOptions): string {
  const s = entry.summary;
  const lines = [`  <entry xml:lang="${e(s.language)}">`, `    <id>${entryId(s.stem, options.siteUrl)}</id>`, `    <title>${e(s.title ?? stringsFor(s.language, options.strings).untitled)}</title>`];
  lines.push(`    <updated>${s.date ? timestamp(s.date) : updated}</updated>`);
  if (s.date) lines.push(`    <published>${timestamp(s.date)}</published>`);
  const author = s.issuer ?? s.organization;
  if (author) lines.push(`    <author><name>${e(author)}</name></author>`);
  if (s.type) lines.push(`    <category term="${e(s.type)}"/>`);
  for (const output of entry.outputs) {
    const rel = output.format === 'html' ? 'alternate' : 'enclosure';
    lines.push(`    <link rel="${rel}" type="${TYPES[output.format] ?? 'application/octet-stream'}" href="${e(link(output.path, options.siteUrl))}"${rel === 'enclosure' ? ` length="${output.bytes}"` : ''}/>`);
  }
  if (s.description) lines.push(`    <summary>${e(s.description)}</summary>`);
  if (content !== undefined) lines.push(`    <content type="html">${e(content)}</content>`);
  lines.push('  </entry>');
  return lines.join('\n');
}

/**
 * `entries` newest first; `contents` holds the body HTML of those the feed
 * carries in full (by output stem). Entries without content get their summary.
 */
export function renderFeed(entries: readonly PressEntry[], contents: ReadonlyMap<string, string>, options: FeedOptions): string {
  const newest = entries.find((x) => x.summary.date)?.summary.date;
  const updated = newest ? timestamp(newest) : `${options.fallbackUpdated.toISOString().slice(0, 19)}Z`;
  const issuers = new Set(entries.map((x) => x.summary.issuer ?? x.summary.organization));
  // Atom needs an author on every entry; the feed's own stands in for entries without an issuer.
  const feedAuthor = issuers.size === 1 && [...issuers][0] ? [...issuers][0]! : options.title;
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${feedId(options.siteUrl)}</id>`,
    `  <title>${e(options.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${e(feedAuthor)}</name></author>`,
    `  <generator version="${e(options.generator.version)}">${e(options.generator.name)}</generator>`,
    `  <link rel="alternate" type="text/html" href="${e(link('index.html', options.siteUrl))}"/>`,
    ...(options.siteUrl ? [`  <link rel="self" type="application/atom+xml" href="${e(link('feed.xml', options.siteUrl))}"/>`] : []),
  ];
  const body = entries.filter((x) => contents.has(x.summary.stem)).map((x) => entryXml(x, contents.get(x.summary.stem), updated, options));
  return `${[...head, ...body, '</feed>'].join('\n')}\n`;
}
