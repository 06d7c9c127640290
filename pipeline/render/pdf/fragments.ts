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
 * - A justified line's natural width is the sum of its words' widths. pdfkit
 *   measured the line with its spaces removed ("wordsruntogether"), which
 *   shaped every line of every document as one new string (a third of the
 *   shaping time of a batch's new documents) and counted kerning between
 *   words that are then drawn apart: lines ended up to a kerning pair's width
 *   off the right margin. The words are the ones pdfkit draws next, so their
 *   shaped runs are the cached ones it reuses.
 */
import type { PdfDocument } from './metadata.js';

const MARKS = /[\u00ad\u200b]/gu;

interface FragmentOptions {
  align?: string;
  width?: number;
  characterSpacing?: number;
  horizontalScaling?: number;
  features?: unknown;
}

interface Internals {
  _fragment: (text: string, x: number, y: number, options: FragmentOptions) => void;
  widthOfString: (text: string, options?: FragmentOptions) => number;
  _font: { widthOfString: (text: string, size: number, features?: unknown) => number };
  _fontSize: number;
  link: (x: number, y: number, w: number, h: number, url: string | number, options?: Record<string, unknown>) => unknown;
}

export interface FragmentHooks {
  /** The description of the link being drawn; set by the typesetter around a link's text. */
  linkDescription: string | null;
}

export function installFragmentHooks(doc: PdfDocument): FragmentHooks {
  const target = doc as unknown as Internals;
  if (typeof target._fragment !== 'function' || typeof target.link !== 'function' || typeof target.widthOfString !== 'function') {
    throw new Error('pdfkit internals changed: cannot install the line hooks');
  }
  const hooks: FragmentHooks = { linkDescription: null };
  const fragment = target._fragment;
  const widthOfString = target.widthOfString;
  // The justified line being drawn, with its spaces removed, while pdfkit measures it.
  let joined: { text: string; words: string[] } | null = null;
  target._fragment = function (this: Internals, text: string, x: number, y: number, options: FragmentOptions): void {
    const line = String(text).replace(MARKS, '');
    if (options.align === 'justify' && options.width) {
      const flat = line.replace(/\n/gu, '');
      joined = { text: flat.replace(/\s+/gu, ''), words: flat.trim().split(/\s+/u) };
    }
    try {
      fragment.call(this, line, x, y, options);
    } finally {
      joined = null;
    }
  };
  target.widthOfString = function (this: Internals, text: string, options: FragmentOptions = {}): number {
    if (joined === null || text !== joined.text) return widthOfString.call(this, text, options);
    let sum = 0;
    for (const word of joined.words) sum += this._font.widthOfString(word, this._fontSize, options.features);
    return ((sum + (options.characterSpacing ?? 0) * (text.length - 1)) * (options.horizontalScaling ?? 100)) / 100;
  };
  const link = target.link;
  target.link = function (this: Internals, x, y, w, h, url, options = {}) {
    const description = hooks.linkDescription ?? (typeof url === 'string' ? url : null);
    return link.call(this, x, y, w, h, url, description ? { ...options, Contents: new String(description) } : options);
  };
  return hooks;
}
