/**
 * PDF profiles: which PDF version and which conformance claims each one makes.
 *
 * Every profile is typeset with the same structure tree (tags cost little and
 * help every reader); the profiles differ in what they claim and carry:
 * level A and PDF/UA claim the tagging, PDF/A-3 carries the source and the
 * record as associated files. An unknown profile is a usage error, never a
 * silently plain PDF.
 */
import { UsageError } from '../../errors.js';

export interface ProfileSpec {
  pdfVersion: '1.4' | '1.7';
  /** pdfkit's `subset` option, which writes pdfaid and the sRGB output intent. */
  subset: 'PDF/A-1b' | 'PDF/A-2b' | 'PDF/A-2a' | 'PDF/A-3b' | 'PDF/A-3a' | undefined;
  /** pdfaid part and conformance as they must appear in XMP. */
  part: 1 | 2 | 3 | undefined;
  conformance: 'A' | 'B' | undefined;
  /** Claims PDF/UA-1 (pdfuaid in XMP) on top of the PDF/A claim. */
  ua: boolean;
  /** Embeds the source and the JSON record as associated files (PDF/A-3 only allows this). */
  attachments: boolean;
}

export const PROFILES = {
  'pdfa-1b': { pdfVersion: '1.4', subset: 'PDF/A-1b', part: 1, conformance: 'B', ua: false, attachments: false },
  'pdfa-2b': { pdfVersion: '1.7', subset: 'PDF/A-2b', part: 2, conformance: 'B', ua: false, attachments: false },
  'pdfa-2a': { pdfVersion: '1.7', subset: 'PDF/A-2a', part: 2, conformance: 'A', ua: false, attachments: false },
  'pdfa-3b': { pdfVersion: '1.7', subset: 'PDF/A-3b', part: 3, conformance: 'B', ua: false, attachments: true },
  'pdfa-3a': { pdfVersion: '1.7', subset: 'PDF/A-3a', part: 3, conformance: 'A', ua: false, attachments: true },
  pdfua: { pdfVersion: '1.7', subset: 'PDF/A-2a', part: 2, conformance: 'A', ua: true, attachments: false },
  plain: { pdfVersion: '1.7', subset: undefined, part: undefined, conformance: undefined, ua: false, attachments: false },
} as const satisfies Record<string, ProfileSpec>;

export type PdfProfile = keyof typeof PROFILES;

/**
 * Tagged PDF/A-2a: the archival claim of 2b plus the accessible one, at no
 * extra cost since every profile is tagged anyway.
 */
export const DEFAULT_PROFILE: PdfProfile = 'pdfa-2a';

export function parseProfile(name: string): PdfProfile {
  if (Object.hasOwn(PROFILES, name)) return name as PdfProfile;
  throw new UsageError(`Unknown PDF profile "${name}"; use one of: ${Object.keys(PROFILES).join(', ')}`);
}
