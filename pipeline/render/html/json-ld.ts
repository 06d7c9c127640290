/**
 * schema.org NewsArticle, built from the record. Serialized so that it can sit
 * inside <script>: "<", ">", "&" and the JS line separators become \u escapes,
 * which JSON parsers read back unchanged.
 */
import type { Release } from '../../release.js';
import { publishedOf, type View } from '../view.js';

/**
 * The publisher: the brand's organisation (else the release's organization or
 * issuer), with its logo as an ImageObject (the page's own data: URI, as the
 * handout is self-contained) and its media contacts as ContactPoints.
 */
function publisherOf(view: View, logo: JsonLdLogo | undefined): Record<string, unknown> | undefined {
  const { brand } = view;
  if (!brand.name) return undefined;
  const contacts = brand.contacts.map((c) => ({
    '@type': 'ContactPoint',
    contactType: 'media',
    name: c.name,
    ...(c.role ? { jobTitle: c.role } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.phone ? { telephone: c.phone } : {}),
  }));
  return {
    '@type': 'Organization',
    name: brand.name,
    logo: brand.logo && logo ? { '@type': 'ImageObject', url: logo.src, width: logo.width, height: logo.height, caption: brand.logo.alt || undefined } : undefined,
    description: brand.about ?? undefined,
    contactPoint: contacts.length > 0 ? contacts : undefined,
  };
}

/** The logo as the page embeds it, with its intrinsic size in pixels. */
export interface JsonLdLogo {
  src: string;
  width: number;
  height: number;
}

export function jsonLd(release: Release, view: View, logo?: JsonLdLogo): Record<string, unknown> {
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
    publisher: publisherOf(view, logo),
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
