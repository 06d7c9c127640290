/**
 * Hooks into pdfkit's line drawing, for what its public API cannot say:
 *
 * - Soft hyphens and zero-width break marks steer pdfkit's line breaker but
 *   must never reach the page: fontkit draws them as the space glyph, so text
 *   extraction would read "hy phen". They are removed from each line just
 *   before it is drawn (they have no width, so the layout is unchanged).
 *   The hyphen pdfkit draws at a break stays a plain hyphen, as TeX writes it:
 *   marking it as U+00AD through ActualText made poppler's pdftotext reorder
 *   the lines around it, which is worse than a hyphen readers must join.
 * - Link annotations get a /Contents description (PDF/UA 7.18.5).
 */
import type { PdfDocument } from './metadata.js';

const MARKS = /[\u00ad\u200b]/gu;

interface Internals {
  _fragment: (text: string, x: number, y: number, options: object) => void;
  link: (x: number, y: number, w: number, h: number, url: string | number, options?: Record<string, unknown>) => unknown;
}

export interface FragmentHooks {
  /** The description of the link being drawn; set by the typesetter around a link's text. */
  linkDescription: string | null;
}

export function installFragmentHooks(doc: PdfDocument): FragmentHooks {
  const target = doc as unknown as Internals;
  if (typeof target._fragment !== 'function' || typeof target.link !== 'function') {
    throw new Error('pdfkit internals changed: cannot install the line hooks');
  }
  const hooks: FragmentHooks = { linkDescription: null };
  const fragment = target._fragment;
  target._fragment = function (this: Internals, text: string, x: number, y: number, options: object): void {
    fragment.call(this, String(text).replace(MARKS, ''), x, y, options);
  };
  const link = target.link;
  target.link = function (this: Internals, x, y, w, h, url, options = {}) {
    const description = hooks.linkDescription ?? (typeof url === 'string' ? url : null);
    return link.call(this, x, y, w, h, url, description ? { ...options, Contents: new String(description) } : options);
  };
  return hooks;
}
