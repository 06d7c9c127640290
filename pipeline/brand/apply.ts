/**
 * Which brand applies to a release: the release's own front matter first,
 * then the project's settings, field by field. The record keeps the result
 * (`brand`) and, per field, where it came from (`sources["brand.logo"]`).
 */
import type { Position } from 'unist';
import type { Brand, FieldOrigin, Release } from '../release.js';
import { BRAND_KEYS, type BrandKey, type BrandStatement } from './fields.js';

/**
 * The project's brand (`brand` in handout.config.json), as the build hands it
 * to every document. Plain data, so it crosses to worker threads; it is part
 * of the options hash, so a change rebuilds every document.
 */
export interface BrandSettings {
  values: BrandStatement;
  /** The config's logo file, resolved (absolute); `values.logo` keeps it as written. */
  logoPath?: string;
  /** sha256 of that file when the config was read: a new logo in the same place rebuilds everything. */
  logoSha256?: string;
}

export function emptyBrand(): Brand {
  return { name: null, logo: null, accentColor: null, fonts: null, about: null, contacts: null, footer: null };
}

/**
 * Give the release's brand the fields `statement` states that no earlier
 * source stated: front matter is applied at extraction, so it wins over the
 * project's settings applied by the build. A field stated as null ("none")
 * counts as stated, so `logo: null` in front matter removes the project's logo.
 */
export function stateBrand(release: Release, statement: BrandStatement, origin: FieldOrigin, positions: Partial<Record<BrandKey, Position>> = {}): void {
  for (const key of BRAND_KEYS) {
    if (!Object.hasOwn(statement, key)) continue;
    const source = `brand.${key}` as const;
    if (release.sources[source]) continue;
    release.brand ??= emptyBrand();
    (release.brand as Record<BrandKey, unknown>)[key] = statement[key] ?? null;
    const position = positions[key];
    release.sources[source] = { origin, ...(position ? { position } : {}) };
  }
}

/** The project's brand under the release's own (a build calls this once per document, after extraction). */
export function applyBrand(release: Release, settings: BrandSettings | undefined): void {
  if (settings) stateBrand(release, settings.values, 'config');
}
