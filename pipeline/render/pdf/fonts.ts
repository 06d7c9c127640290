/**
 * Fonts for the PDF, parsed once per process and shared by every document.
 *
 * The default faces are DejaVu (npm package dejavu-fonts-ttf): Unicode TTFs
 * covering Latin, Greek and Cyrillic (and more), so nothing falls back to a
 * standard-14 font, which PDF/A forbids because it is not embedded. Fallback
 * fonts cover scripts the faces lack; a character no font has is reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { shareGlyphs } from './shared-glyphs.js';

export type Face = 'serif' | 'serifBold' | 'serifItalic' | 'serifBoldItalic' | 'sans' | 'sansBold' | 'sansItalic' | 'sansBoldItalic' | 'mono';

export interface LoadedFont {
  /** Name under which the font is registered in each PDF document. */
  name: string;
  font: fontkit.Font;
  /** Code point → glyph present; fontkit's lookup is not free and text repeats. */
  coverage: Map<number, boolean>;
}

export interface FontSet {
  faces: Record<Face, LoadedFont>;
  /** Tried in order for characters a face lacks. */
  fallbacks: LoadedFont[];
  /** Identity of the set, for build caches. */
  key: string;
}

const require = createRequire(import.meta.url);
const DEJAVU = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const DEFAULT_FILES: Record<Face, string> = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  serifBoldItalic: 'DejaVuSerif-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
  // For a brand that sets its body text in sans (brand.fonts.body): quotations stay italic.
  sansItalic: 'DejaVuSans-Oblique.ttf',
  sansBoldItalic: 'DejaVuSans-BoldOblique.ttf',
};

/**
 * System fonts used as fallbacks when present, for scripts DejaVu lacks:
 * Debian's fonts-noto-cjk (Chinese, Japanese, Korean). The serif collection
 * matches the body face; the sans one is the next choice.
 */
const SYSTEM_FALLBACKS = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKtc-Regular',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKtc-Regular',
];

const parsed = new Map<string, LoadedFont>();

/**
 * Load a font file once. A collection (.ttc) needs the PostScript name of one
 * member; without it the first member is used.
 */
export function loadFont(path: string, postscriptName?: string): LoadedFont {
  const key = `${path}#${postscriptName ?? ''}`;
  const cached = parsed.get(key);
  if (cached) return cached;
  const opened = fontkit.create(readFileSync(path), postscriptName);
  const font = 'fonts' in opened ? (opened.fonts[0] as fontkit.Font) : opened;
  if (!font) throw new Error(`${path}: no font in this collection`);
  shareGlyphs(font);
  const loaded: LoadedFont = { name: `font${parsed.size}`, font, coverage: new Map() };
  parsed.set(key, loaded);
  return loaded;
}

export function covers(font: LoadedFont, codePoint: number): boolean {
  let has = font.coverage.get(codePoint);
  if (has === undefined) {
    has = font.font.hasGlyphForCodePoint(codePoint);
    font.coverage.set(codePoint, has);
  }
  return has;
}

export interface FontOptions {
  /** Extra fallback fonts: file paths, "path#PostScriptName" for collections. */
  fallbacks?: readonly string[];
  /** Also use the system fallbacks that exist on this machine (default true). */
  systemFonts?: boolean;
}

const sets = new Map<string, FontSet>();

export function loadFontSet(options: FontOptions = {}): FontSet {
  const system = options.systemFonts === false ? [] : SYSTEM_FALLBACKS.filter((spec) => existsSync(spec.split('#')[0]!));
  const specs = [...(options.fallbacks ?? []), ...system];
  const key = JSON.stringify(specs);
  const cached = sets.get(key);
  if (cached) return cached;
  const faces = Object.fromEntries(
    Object.entries(DEFAULT_FILES).map(([face, file]) => [face, loadFont(join(DEJAVU, file))]),
  ) as Record<Face, LoadedFont>;
  const fallbacks = [faces.sans];
  for (const spec of specs) {
    const [path, ps] = spec.split('#');
    fallbacks.push(loadFont(path!, ps));
  }
  const set: FontSet = { faces, fallbacks, key };
  sets.set(key, set);
  return set;
}
