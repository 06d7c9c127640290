/**
 * The paper size for a release with no --page-size: US Letter where Letter is
 * the norm, A4 everywhere else. A tag without a region is completed by CLDR's
 * likely subtags (Intl.Locale#maximize), so plain "en" means en-US, "es" es-ES
 * and "zh-Hant" zh-Hant-TW.
 */
export type PageSize = 'A4' | 'LETTER';

/** Regions whose offices print on Letter (North America, much of Central and South America, the Philippines). */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'PA', 'SV', 'DO', 'NI', 'HN', 'BZ']);

export function regionOf(language: string): string | undefined {
  try {
    return new Intl.Locale(language).maximize().region;
  } catch {
    return undefined;
  }
}

export function pageSizeFor(language: string): PageSize {
  const region = regionOf(language);
  return region && LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
}
