/**
 * Release → archival PDF: layout Markdown from pdf.md.hbs, typeset with
 * pdfkit into a tagged PDF (structure tree, artifacts, /Lang), fonts embedded,
 * PDF/A metadata written escaped, dates fixed so that builds are reproducible.
 */
import PDFDocument from 'pdfkit';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics.js';
import { lineStartOffsets, pointOf } from '../../extract/lines.js';
import type { Release } from '../../release.js';
import { version } from '../../package-root.js';
import type { TemplateSet } from '../templates.js';
import { toView, truncate, type ViewOptions } from '../view.js';
import { fill } from '../locale/strings.js';
import { attachSources } from './attachments.js';
import { loadFontSet, type FontOptions } from './fonts.js';
import { installFragmentHooks } from './fragments.js';
import { drawFurniture } from './furniture.js';
import { canHyphenate } from './hyphenate.js';
import { bodyBlocks, layoutMarkdown, layoutTree } from './layout.js';
import { infoOf, installXmp, type PdfDocument, type PdfMetadata } from './metadata.js';
import { pageSizeFor, type PageSize } from './page-size.js';
import { DEFAULT_PROFILE, PROFILES, type PdfProfile } from './profiles.js';
import { Typesetter, type FigureImage } from './typeset.js';
import { pdfBrandOf } from '../../brand/pdf.js';
import { ReleaseMedia } from '../../media/release-images.js';
import { pdfImageBytes } from '../../media/pdf-image.js';
import type { LoadedImage } from '../../media/image.js';

export type { PageSize } from './page-size.js';

export interface PdfOptions extends ViewOptions {
  profile?: PdfProfile;
  /** Default: Letter where the release's locale prints on Letter, else A4. */
  pageSize?: PageSize;
  /** Justified body text is hyphenated by the release language's patterns (default true). */
  hyphenation?: boolean;
  fonts?: FontOptions;
  /** Seconds since the epoch for the PDF's dates (the SOURCE_DATE_EPOCH convention). */
  sourceDateEpoch?: number;
  /** The release's images, read by loadReleaseImages; without them images are placeholders. */
  media?: ReleaseMedia;
}

/**
 * The figure images of one document, opened in pdfkit once each (a shared
 * image is one XObject however often it is drawn). An image pdfkit or the
 * conversion cannot take is reported at its first place and left out.
 */
function figureImages(doc: PdfDocument, release: Release, file: VFile, media: ReleaseMedia, archival: boolean): (src: string) => FigureImage | undefined {
  const opened = new Map<LoadedImage, FigureImage | null>();
  return (src) => {
    const loaded = media.get(src);
    if (!loaded) return undefined;
    let figure = opened.get(loaded);
    if (figure === undefined) {
      try {
        const bytes = pdfImageBytes(loaded, { archival });
        const image = (doc as unknown as { openImage(data: Buffer): PDFKit.Mixins.ImageSrc }).openImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        figure = { image, width: loaded.width, height: loaded.height };
      } catch (error) {
        const where = release.images.find((i) => i.src === src)?.position;
        report(file, 'unsupported-image', `Image not embedded in the PDF "${src}": its pixel data cannot be read (${error instanceof Error ? error.message : String(error)})`, where);
        figure = null;
      }
      opened.set(loaded, figure);
    }
    return figure ?? undefined;
  };
}

/**
 * The document's dates: SOURCE_DATE_EPOCH when given, else the release date,
 * so that rebuilding the same release gives the same bytes. Only a release
 * with neither gets the time of the build.
 */
export function documentDate(release: Release, epoch: number | undefined): Date {
  if (epoch !== undefined && Number.isFinite(epoch)) return new Date(epoch * 1000);
  if (release.date) {
    const date = new Date(`${release.date}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

export function metadataOf(release: Release, file: VFile, created: Date): PdfMetadata {
  const view = toView(release);
  // The record's own labels first, then the most-named people, organisations and places.
  const byCount = <T extends { name: string; count: number }>(list: readonly T[], n: number): string[] =>
    [...list].sort((a, b) => b.count - a.count).slice(0, n).map((m) => m.name);
  const { people, organizations, places } = release.mentions;
  const keywords = [
    ...new Set(
      [release.type, release.organization, release.issuer, release.location, ...byCount(people, 5), ...byCount(organizations, 5), ...byCount(places, 3)].filter(
        (k): k is string => !!k,
      ),
    ),
  ];
  return {
    title: release.title ?? file.stem ?? view.strings.pressRelease,
    author: release.issuer ?? release.organization,
    subject: view.description ? truncate(view.description, 300) : null,
    keywords,
    language: release.language,
    creator: `handout ${version}`,
    producer: `handout ${version} (PDFKit)`,
    created,
    modified: created,
  };
}

function firstPosition(source: string, char: string): { line: number; column: number } | undefined {
  const index = source.indexOf(char);
  return index < 0 ? undefined : pointOf(index, lineStartOffsets(source));
}

/**
 * One warning per script, not per character: a Chinese release without a CJK
 * font lacks hundreds. The warning names the first characters and points at
 * the first one's place in the source.
 */
function reportMissingGlyphs(file: VFile, missing: ReadonlyMap<string, number>): void {
  const byScript = new Map<string, string[]>();
  for (const ch of missing.keys()) {
    const script = scriptOf(ch);
    byScript.set(script, [...(byScript.get(script) ?? []), ch]);
  }
  const source = String(file.value);
  for (const [script, chars] of byScript) {
    const sample = chars.slice(0, 5).map((c) => `"${c}" U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
    const more = chars.length > 5 ? ` and ${chars.length - 5} more` : '';
    const what = chars.length === 1 ? `a glyph for ${sample}` : `glyphs for ${chars.length} ${script} characters (${sample}${more})`;
    report(file, 'missing-glyph', `No PDF font has ${what}; printed as \ufffd. Add a font that covers them with --font`, firstPosition(source, chars[0]!));
  }
}

const SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Arabic', 'Hebrew', 'Devanagari', 'Thai', 'Bengali', 'Tamil', 'Ethiopic', 'Khmer', 'Myanmar', 'Sinhala'] as const;
const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);

function scriptOf(ch: string): string {
  for (const [name, re] of SCRIPT_RES) if (re.test(ch)) return name;
  return /\p{Extended_Pictographic}/u.test(ch) ? 'emoji' : 'other';
}

export async function renderPdf(release: Release, file: VFile, templates: TemplateSet, options: PdfOptions = {}): Promise<Uint8Array> {
  const profile = PROFILES[options.profile ?? DEFAULT_PROFILE];
  const fonts = loadFontSet(options.fonts);
  const created = documentDate(release, options.sourceDateEpoch);
  const meta = { ...metadataOf(release, file, created), ua: profile.ua };
  const view = toView(release, options);
  const tree = layoutTree(layoutMarkdown(release, templates, options), bodyBlocks(release.body));
  const brand = await pdfBrandOf(view.brand, options.logo, profile.subset !== undefined, (message) =>
    report(file, 'unsupported-image', `The logo cannot be drawn in the PDF (${message}); the PDF is made without it`, release.sources['brand.logo']?.position),
  );

  const doc: PdfDocument = new PDFDocument({
    size: options.pageSize ?? pageSizeFor(release.language),
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    pdfVersion: profile.pdfVersion,
    ...(profile.subset ? { subset: profile.subset } : {}),
    lang: release.language,
    displayTitle: true,
    tagged: true,
    info: infoOf(meta),
    font: fonts.faces.serif.font as unknown as string,
    bufferPages: true,
    compress: true,
  });
  // pdfkit re-applies the constructor's `font` to every page it adds, also
  // when a paragraph runs over a page: the rest of a bold or CJK run would be
  // encoded in the default face (as .notdef). The option only needs to serve
  // the first page (it keeps pdfkit from loading a standard-14 font).
  delete (doc as unknown as { options: { font?: unknown } }).options.font;
  installXmp(doc, meta);
  const hooks = installFragmentHooks(doc);
  if (profile.attachments) attachSources(doc, release, file, created, view.strings);

  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const missing = new Map<string, number>();
  const onMissingGlyph = (ch: string): void => {
    missing.set(ch, (missing.get(ch) ?? 0) + 1);
  };
  const context = { onMissingGlyph, language: release.language, imageWord: view.strings.image, hooks, hyphenation: (options.hyphenation ?? true) && canHyphenate(release.language), brand };
  // Alpha is laid on white in every profile; CMYK JPEGs are made RGB in every PDF/A profile (its output intent is sRGB).
  const image = figureImages(doc, release, file, options.media ?? ReleaseMedia.none, profile.subset !== undefined);
  new Typesetter({ ...context, doc, fonts, outline: true, image }).typeset(tree);
  drawFurniture(
    doc,
    fonts,
    {
      header: release.title ?? '',
      footerLeft: release.issuer ?? release.organization ?? '',
      pageLabel: (n, m) => fill(view.strings.pageOf, { n, m }),
      footerLine: view.brand.footer ?? '',
    },
    context,
  );
  doc.end();
  const bytes = await done;

  reportMissingGlyphs(file, missing);
  return bytes;
}
