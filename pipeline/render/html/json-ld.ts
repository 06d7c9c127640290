/**
 * schema.org NewsArticle, built from the record. Serialized so that it can sit
 * inside <script>: "<", ">", "&" and the JS line separators become \u escapes,
 * which JSON parsers read back unchanged.
 */
import type { Release } from '../../release.js';
import { publishedOf, type View } from '../view.js';

export function jsonLd(release: Release, view: View): Record<string, unknown> {
  const publisherName = release.organization ?? release.issuer;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: release.title ?? undefined,
    alternativeHeadline: release.subtitle ?? undefined,
    articleSection: release.type ?? undefined,
    datePublished: publishedOf(release),
    dateline: view.dateline ? view.dateline.replace(/\s*—$/u, '') : undefined,
    inLanguage: release.language,
    description: view.description || undefined,
    wordCount: release.stats.words,
    timeRequired: release.stats.readingMinutes > 0 ? `PT${release.stats.readingMinutes}M` : undefined,
    author: release.issuer ? { '@type': 'Organization', name: release.issuer } : undefined,
    publisher: publisherName ? { '@type': 'Organization', name: publisherName } : undefined,
    contentLocation: release.location ? { '@type': 'Place', name: release.location } : undefined,
    mentions: mentionsOf(release),
  };
  return data;
}

/** Who and what the body names, as schema.org things; absent when there are none. */
function mentionsOf(release: Release): Record<string, unknown>[] | undefined {
  const { people, organizations, places } = release.mentions;
  const things = [
    ...people.map((p) => ({ '@type': 'Person', name: p.name, ...(p.title ? { jobTitle: p.title } : {}) })),
    ...organizations.map((o) => ({ '@type': 'Organization', name: o.name })),
    ...places.map((p) => ({ '@type': 'Place', name: p.name })),
  ];
  return things.length > 0 ? things : undefined;
}

export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
