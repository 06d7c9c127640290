/**
 * PDF profiles: which PDF version and which conformance claim each one makes.
 * A profile is only offered once handout really meets it; an unknown or not yet
 * supported one is a usage error, never a silently plain PDF.
 */
import { UsageError } from '../../errors.js';

export interface ProfileSpec {
  pdfVersion: '1.4' | '1.7';
  /** pdfkit's `subset` option, which writes pdfaid and the sRGB output intent. */
  subset: 'PDF/A-1b' | 'PDF/A-2b' | 'PDF/A-3b' | undefined;
  /** pdfaid part and conformance as they must appear in XMP. */
  part: number | undefined;
  conformance: 'B' | undefined;
}

export const PROFILES = {
  'pdfa-1b': { pdfVersion: '1.4', subset: 'PDF/A-1b', part: 1, conformance: 'B' },
  'pdfa-2b': { pdfVersion: '1.7', subset: 'PDF/A-2b', part: 2, conformance: 'B' },
  'pdfa-3b': { pdfVersion: '1.7', subset: 'PDF/A-3b', part: 3, conformance: 'B' },
  plain: { pdfVersion: '1.7', subset: undefined, part: undefined, conformance: undefined },
} as const satisfies Record<string, ProfileSpec>;

export type PdfProfile = keyof typeof PROFILES;

export const DEFAULT_PROFILE: PdfProfile = 'pdfa-2b';

/** Profiles planned but not yet met: named in the error so users know they are coming. */
const PLANNED = new Set(['pdfa-2a', 'pdfua']);

export function parseProfile(name: string): PdfProfile {
  if (Object.hasOwn(PROFILES, name)) return name as PdfProfile;
  if (PLANNED.has(name)) throw new UsageError(`PDF profile "${name}" (tagged PDF) is not supported yet; use one of: ${Object.keys(PROFILES).join(', ')}`);
  throw new UsageError(`Unknown PDF profile "${name}"; use one of: ${Object.keys(PROFILES).join(', ')}`);
}
