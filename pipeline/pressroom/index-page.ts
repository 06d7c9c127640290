/**
 * index.html: every release, newest first, grouped by month, with a filter
 * by text, type and issuer. The page's one script is inline, allowed by its
 * sha256 in the Content-Security-Policy (computed here from the exact bytes
 * served), never by 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';
import { SafeString } from '../render/handlebars.js';
import type { TemplateSet } from '../render/templates.js';
import { directionOf, formatDate } from '../render/view.js';
import { canonicalTag, stringsFor, type StringOverrides, type Strings } from '../render/locale/strings.js';
import { dateTimeFormat } from '../render/locale/date-format.js';
import { hrefOf, type PressEntry } from './entry.js';

function formatLabels(strings: Strings): Record<string, string> {
  return { html: 'HTML', pdf: 'PDF', txt: strings.formatText, json: 'JSON', eml: strings.formatEmail };
}

export interface IndexOptions {
  /** Default: "Press releases" in the page's language. */
  title?: string;
  generator: string;
  /**
   * The project's language (BCP 47, default "en"): the page's own words,
   * month names and dates. Each release's title and lead keep their own `lang`.
   */
  language?: string;
  /** The project's per-locale string overrides. */
  strings?: StringOverrides;
}

/** The CSP source for an inline script: its sha256, base64. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

function monthFormat(language: string): Intl.DateTimeFormat {
  const options = { month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  try {
    return dateTimeFormat(language, options);
  } catch {
    return dateTimeFormat('en', options);
  }
}

function monthOf(date: string | null, format: Intl.DateTimeFormat, strings: Strings): { id: string; label: string } {
  if (!date) return { id: 'undated', label: strings.undated };
  // Capitalised as a heading: "marzo de 2026" → "Marzo de 2026" (scripts without case are unchanged).
  const label = format.format(new Date(`${date.slice(0, 7)}-15T12:00:00Z`)).replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase());
  return { id: `m-${date.slice(0, 7)}`, label };
}

function distinct(values: readonly (string | null)[], language: string): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b, language));
}

export function renderIndex(entries: readonly PressEntry[], templates: TemplateSet, options: IndexOptions): string {
  const language = canonicalTag(options.language ?? 'en') ?? 'en';
  const strings = stringsFor(language, options.strings);
  const months = monthFormat(language);
  const labels = formatLabels(strings);
  const script = templates.indexScript.trim();
  // The script sits inside <script>: it must not be able to end that element early.
  if (/<\/script/iu.test(script)) throw new Error('index.js must not contain "</script"');
  const groups: { id: string; label: string; entries: unknown[] }[] = [];
  entries.forEach((entry, i) => {
    const s = entry.summary;
    const month = monthOf(s.date, months, strings);
    let group = groups[groups.length - 1];
    if (!group || group.id !== month.id) {
      group = { ...month, entries: [] };
      groups.push(group);
    }
    const html = entry.outputs.find((o) => o.format === 'html');
    group.entries.push({
      id: `r-${i + 1}`,
      title: s.title ?? stringsFor(s.language, options.strings).untitled,
      href: html ? hrefOf(html.path) : null,
      date: s.date,
      dateText: s.date ? formatDate(s.date, language) : null,
      type: s.type ?? '',
      issuer: s.issuer ?? s.organization ?? '',
      language: s.language,
      dir: s.dir,
      description: s.description,
      search: [s.title, s.subtitle, s.type, s.issuer, s.organization, s.location, s.description].filter(Boolean).join(' '),
      formats: entry.outputs.map((o) => ({ label: labels[o.format] ?? o.format.toUpperCase(), href: hrefOf(o.path) })),
    });
  });
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptHash(script)}`;
  const html = templates.index({
    title: options.title ?? strings.pressReleases,
    generator: options.generator,
    // What the `t` helper reads: the page's words are in the project's language.
    language,
    dir: directionOf(language),
    strings,
    count: entries.length,
    // Built here from constants and a hash: no user text, and its quotes must stay quotes.
    csp: new SafeString(csp),
    types: distinct(entries.map((e) => e.summary.type), language),
    issuers: distinct(entries.map((e) => e.summary.issuer ?? e.summary.organization), language),
    groups,
    css: new SafeString(`${templates.css}\n${templates.indexCss}`.replace(/<\/style/giu, '<\\/style')),
    script: new SafeString(script),
  });
  return html.endsWith('\n') ? html : `${html}\n`;
}
