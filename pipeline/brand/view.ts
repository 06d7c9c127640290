/**
 * The brand as templates see it: the record's brand with what every format
 * derives from it once (the organisation's name with its fallbacks, the
 * logo's display size, tel: numbers, readable accent colours).
 */
import type { BrandContact, BrandFonts, Release } from '../release.js';
import { fill, type Strings } from '../render/locale/strings.js';
import { DARK_PAPER, LIGHT_PAPER, readableOn } from './color.js';
import type { LogoImage } from './logo-image.js';

export interface ContactView extends BrandContact {
  /** The phone number for a tel: link: "+" and digits only; null without a phone. */
  tel: string | null;
  /** The phone number with no-break spaces, so that it never wraps in the middle (HTML). */
  phoneText: string | null;
}

export interface LogoView {
  /** The organisation's name; empty when nobody is named (the logo is then decorative). */
  alt: string;
  /** Display size in CSS pixels (and PDF points): at most LOGO_BOX, the file's aspect ratio kept. */
  width: number;
  height: number;
  type: LogoImage['type'];
}

export interface AccentView {
  /** As the brand gives it: for rules and borders, which nobody has to read. */
  color: string;
  /** For text on the light paper (and the PDF's white page): at least 4.5:1. */
  light: string;
  /** For text on the dark scheme's paper: at least 4.5:1. */
  dark: string;
}

export interface BrandView {
  /** The brand's name, else the release's organization, else its issuer; null when none is known. */
  name: string | null;
  /**
   * The brand's own name to print as text in the letterhead: when the brand
   * states one, no logo stands for it, and the release's organization line
   * does not already say it. Else null.
   */
  wordmark: string | null;
  /** "About {name}" in the release's language (just "About" when no name is known). */
  aboutHeading: string;
  logo: LogoView | null;
  accent: AccentView | null;
  about: string | null;
  contacts: ContactView[];
  footer: string | null;
  fonts: BrandFonts;
}

/** The largest box a letterhead logo is drawn in, in CSS px (= PDF pt). */
export const LOGO_BOX = { width: 200, height: 56 } as const;

/** Scale (width, height) down to fit the box, never up; whole pixels, at least 1. */
export function fitLogo(width: number, height: number, box: { width: number; height: number } = LOGO_BOX): { width: number; height: number } {
  const scale = Math.min(1, box.width / width, box.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function brandView(release: Release, strings: Strings, logo: LogoImage | undefined): BrandView {
  const brand = release.brand;
  const name = brand?.name ?? release.organization ?? release.issuer ?? null;
  const accent = brand?.accentColor;
  // A logo the record does not name (none applies, or the front matter said `logo: null`) is not drawn.
  const drawn = logo && brand?.logo ? logo : undefined;
  return {
    name,
    wordmark: brand?.name && !drawn && brand.name !== release.organization ? brand.name : null,
    aboutHeading: name ? fill(strings.about, { name }) : strings.about.replace(/\s*\{name\}\s*/gu, ' ').trim(),
    logo: drawn ? { alt: name ?? '', type: drawn.type, ...fitLogo(drawn.width, drawn.height) } : null,
    accent: accent ? { color: accent, light: readableOn(accent, LIGHT_PAPER), dark: readableOn(accent, DARK_PAPER) } : null,
    about: brand?.about ?? null,
    contacts: (brand?.contacts ?? []).map((c) => ({
      ...c,
      tel: c.phone ? `${c.phone.startsWith('+') ? '+' : ''}${c.phone.replace(/\D/gu, '')}` : null,
      phoneText: c.phone ? c.phone.replace(/ /gu, '\u00a0') : null,
    })),
    footer: brand?.footer ?? null,
    fonts: brand?.fonts ?? { body: null, headings: null },
  };
}
