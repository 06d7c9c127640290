/**
 * Layout mdast → pdfkit drawing and the structure tree that says what was
 * drawn. Blocks flow down the page; pdfkit wraps lines and breaks pages. Every
 * run of text is split by font coverage so that each character is drawn with a
 * font that has it; a character no font has is reported and drawn as U+FFFD,
 * never as .notdef (which PDF/A forbids).
 *
 * Everything drawn is either content of a structure element (H1–H6, P, L/LI/
 * Lbl/LBody, BlockQuote, Link, Code) or an Artifact (rules and bars here, page
 * furniture in furniture.ts), as tagged PDF requires.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Heading, Image, List, PhrasingContent, Root, RootContent } from 'mdast';
import { altOf, captionOf, figureImage, imageLabel } from '../../media/figures.js';
import { blockLanguage } from './block-language.js';
import { covers, type Face, type FontSet, type LoadedFont } from './fonts.js';
import type { FragmentHooks } from './fragments.js';
import { hyphenate } from './hyphenate.js';
import { prefetchWords, shareLayout, wordKeys } from './layout-cache.js';
import { installSubsetEncoder } from './subset.js';
import type { PdfDocument } from './metadata.js';

type StructureElement = ReturnType<PdfDocument['struct']>;
/** pdfkit's structure options; `bbox` ([left, top, right, bottom] in page coordinates) and `placement` become a Layout attribute. */
type StructureOptions = { lang?: string; alt?: string; title?: string; bbox?: [number, number, number, number]; placement?: 'Block' | 'Inline' };

export type Rgb = [number, number, number];

export interface Style {
  face: Face;
  size: number;
  color: Rgb;
  lineGap: number;
  align: 'left' | 'justify' | 'center';
  before: number;
  after: number;
  upper?: boolean;
  spacing?: number;
}

/** A brand on the PDF: its accent (readable on white) for what the template prints in the accent colour, its font families, its logo. */
export interface PdfBrand {
  /** Text in the accent colour (type label, embargo line, links): at least 4.5:1 on white. */
  accent?: Rgb;
  /** Body text (and quotations, About, contacts) in serif or sans. */
  body?: 'serif' | 'sans';
  /** The headline and headings in serif or sans. */
  headings?: 'serif' | 'sans';
  /** The letterhead logo, drawn where the layout has a `:::logo` block. */
  logo?: PdfLogo;
}

export interface PdfLogo {
  /** PNG or JPEG bytes pdfkit embeds as an image XObject (already flattened where the profile forbids transparency). */
  image: Uint8Array;
  /** Drawn size in points. */
  width: number;
  height: number;
  /** The organisation's name: the Figure's /Alt. Empty: the logo names nobody and is drawn as an artifact. */
  alt: string;
}

const INK: Rgb = [27, 27, 31];
const MUTED: Rgb = [74, 74, 85];
const ACCENT: Rgb = [29, 79, 145];

const BODY: Style = { face: 'serif', size: 11, color: INK, lineGap: 3.5, align: 'justify', before: 0, after: 9 };

/** Styles by block role: directive names from the template, and Markdown block kinds. */
const STYLES: Record<string, Style> = {
  body: BODY,
  letterhead: { face: 'sansBold', size: 9, color: MUTED, lineGap: 2, align: 'left', before: 0, after: 4, upper: true, spacing: 0.4 },
  // The embargo is the first thing an editor must see: bold, in the accent colour, above the letterhead's other lines.
  embargo: { face: 'sansBold', size: 10, color: ACCENT, lineGap: 2, align: 'left', before: 0, after: 6, upper: true, spacing: 0.3 },
  type: { face: 'sansBold', size: 9, color: ACCENT, lineGap: 2, align: 'left', before: 0, after: 4, upper: true, spacing: 0.4 },
  release: { face: 'sansBold', size: 9, color: INK, lineGap: 2, align: 'left', before: 0, after: 4, upper: true, spacing: 0.4 },
  title: { face: 'serifBold', size: 21, color: INK, lineGap: 2, align: 'left', before: 10, after: 8 },
  subtitle: { face: 'serifItalic', size: 13, color: MUTED, lineGap: 2, align: 'left', before: 0, after: 8 },
  dateline: { face: 'sans', size: 9.5, color: MUTED, lineGap: 2, align: 'left', before: 0, after: 16 },
  h2: { face: 'sansBold', size: 13, color: INK, lineGap: 2, align: 'left', before: 8, after: 6 },
  h3: { face: 'sansBold', size: 11.5, color: INK, lineGap: 2, align: 'left', before: 6, after: 4 },
  quote: { ...BODY, face: 'serifItalic', color: MUTED },
  code: { face: 'mono', size: 9, color: INK, lineGap: 2, align: 'left', before: 0, after: 9 },
  contact: { face: 'sans', size: 9.5, color: INK, lineGap: 2.5, align: 'left', before: 8, after: 8 },
  wordmark: { face: 'sansBold', size: 13, color: INK, lineGap: 2, align: 'left', before: 0, after: 6 },
  about: { face: 'serif', size: 9.5, color: INK, lineGap: 2.5, align: 'left', before: 0, after: 6 },
  media: { face: 'sans', size: 9.5, color: INK, lineGap: 2.5, align: 'left', before: 0, after: 6 },
  closingHeading: { face: 'sansBold', size: 10, color: INK, lineGap: 2, align: 'left', before: 10, after: 3 },
  endmark: { face: 'sans', size: 10, color: MUTED, lineGap: 2, align: 'center', before: 6, after: 0, spacing: 2 },
  caption: { face: 'sans', size: 9, color: MUTED, lineGap: 2, align: 'center', before: 0, after: 0 },
};

/** Space above a figure, between it and its caption, and below the whole. */
const FIGURE_GAP = { before: 4, caption: 5, after: 12 };

/** Pixels to points at 96 pixels an inch (CSS's pixel): an image is never set larger than that. */
const PX = 72 / 96;

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  mono: boolean;
  link?: string;
}

interface Segment {
  text: string;
  font: LoadedFont;
  link?: string;
}

export interface TypesetContext {
  doc: PdfDocument;
  fonts: FontSet;
  /** Called once per character that no font can draw. */
  onMissingGlyph: (char: string) => void;
  /** Headings go into the PDF outline. */
  outline: boolean;
  /** The document's language (BCP 47): hyphenation patterns and the blocks' /Lang. */
  language: string;
  /** "Image" in the document's language, for an image that is not drawn ("[Image: alt]"). */
  imageWord: string;
  hooks: FragmentHooks;
  /** Justified text is hyphenated by the language's patterns. */
  hyphenation: boolean;
  brand?: PdfBrand;
  /** The image to draw for a src as written, opened once per document, or undefined (a placeholder is set). */
  image?: (src: string) => FigureImage | undefined;
}

/** An image ready for pdfkit (opened by doc.openImage, so it is embedded once however often it is drawn). */
export interface FigureImage {
  image: PDFKit.Mixins.ImageSrc;
  /** Displayed size in pixels. */
  width: number;
  height: number;
}

interface Box {
  x: number;
  width: number;
}

// Format characters (bidi overrides, zero-width joiners…) and controls have no
// glyph and must not reach the PDF; the soft hyphen stays, pdfkit breaks at it.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

function clean(text: string): string {
  return text.replace(/\t/gu, ' ').replace(INVISIBLE, (c) => (c === '\u00ad' || c === '\n' ? c : ''));
}

/** `image` is the word for an image in the document's language, for an inline image's "[Image: alt]". */
function runsOf(nodes: readonly PhrasingContent[], base: Omit<Run, 'text'>, image: string, out: Run[] = []): Run[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ ...base, text: node.value });
        break;
      case 'inlineCode':
        out.push({ ...base, mono: true, text: node.value });
        break;
      case 'break':
        out.push({ ...base, text: '\n' });
        break;
      case 'strong':
        runsOf(node.children, { ...base, bold: true }, image, out);
        break;
      case 'emphasis':
        runsOf(node.children, { ...base, italic: true }, image, out);
        break;
      case 'link':
        runsOf(node.children, { ...base, link: node.url }, image, out);
        break;
      case 'image':
        out.push({ ...base, text: imageLabel(image, node.alt?.trim()) });
        break;
      case 'html':
        break;
      default:
        if ('children' in node) runsOf(node.children as PhrasingContent[], base, image, out);
        else if ('value' in node) out.push({ ...base, text: String((node as { value: unknown }).value) });
    }
  }
  return out;
}

function faceFor(style: Style, run: Run): Face {
  if (run.mono) return 'mono';
  const sans = style.face.startsWith('sans');
  const bold = run.bold || style.face.endsWith('Bold') || style.face.endsWith('BoldItalic');
  const italic = run.italic || style.face.endsWith('Italic');
  if (sans) return bold && italic ? 'sansBoldItalic' : bold ? 'sansBold' : italic ? 'sansItalic' : 'sans';
  if (bold && italic) return 'serifBoldItalic';
  if (bold) return 'serifBold';
  if (italic) return 'serifItalic';
  return 'serif';
}

function isDirective(node: RootContent, name: string): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === name;
}

const PLAIN: Omit<Run, 'text'> = { bold: false, italic: false, mono: false };

/** Roles set in the brand's body family, and in its headings family. */
const BODY_FAMILY = new Set(['body', 'quote', 'subtitle', 'about']);
const HEADING_FAMILY = new Set(['title', 'h2', 'h3']);

/** The same weight and slant in the other family. */
function inFamily(face: Face, family: 'serif' | 'sans'): Face {
  if (face === 'mono') return face;
  const bold = face.endsWith('Bold') || face.endsWith('BoldItalic');
  const italic = face.endsWith('Italic');
  const weight = bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : '';
  return `${family}${weight}` as Face;
}

/** Blocks that close a release; the end mark is kept on the page of the last of them. */
const CLOSING = new Set(['contact', 'about', 'media']);

/** Minimum lines of a paragraph left at the foot of a page, or carried to the head of the next. */
const KEEP_LINES = 2;

export class Typesetter {
  private readonly ctx: TypesetContext;
  private readonly registered = new Set<string>();
  /** Open outline items by heading depth, so deeper headings nest under shallower ones. */
  private readonly outlineStack: { depth: number; item: PDFKit.PDFOutline }[] = [];
  /** The structure element that content drawn now belongs to. */
  private parent: StructureElement | null = null;
  private readonly styles = new Map<string, Style>();
  /** Whether the rule before the closing blocks has been drawn. */
  private closed = false;

  constructor(ctx: TypesetContext) {
    this.ctx = ctx;
  }

  /** A role's style with the brand applied: its accent for accent-coloured text, its families for body and headings. */
  private styleOf(name: string): Style {
    let style = this.styles.get(name);
    if (style) return style;
    style = STYLES[name] ?? BODY;
    const brand = this.ctx.brand;
    if (brand?.accent && style.color === ACCENT) style = { ...style, color: brand.accent };
    const family = BODY_FAMILY.has(name) ? brand?.body : HEADING_FAMILY.has(name) ? brand?.headings : undefined;
    if (family) style = { ...style, face: inFamily(style.face, family) };
    this.styles.set(name, style);
    return style;
  }

  private use(font: LoadedFont): void {
    const { doc } = this.ctx;
    if (this.registered.has(font.name)) {
      doc.font(font.name);
      return;
    }
    doc.registerFont(font.name, font.font as unknown as PDFKit.Mixins.PDFFontSource);
    this.registered.add(font.name);
    doc.font(font.name);
    // The face the document was created with is registered under its
    // PostScript name only: pdfkit then finds it again for our name, but never
    // records that, so it opened the font anew (and compared the two fonts'
    // name tables) every time the face was chosen. Record it once; the
    // document's font object for this face is then the one set up here.
    const internals = doc as unknown as { _font: unknown; _fontFamilies: Record<string, unknown> };
    internals._fontFamilies[font.name] ??= internals._font;
    shareLayout(internals._font);
    installSubsetEncoder(internals._font);
  }

  /** A structure element under the current one; what `fill` draws belongs to it. */
  private element(role: string, options: StructureOptions, fill: () => void): void {
    const { doc } = this.ctx;
    const element = doc.struct(role, options as Parameters<PdfDocument['struct']>[1]);
    if (this.parent) this.parent.add(element);
    else doc.addStructure(element);
    const saved = this.parent;
    this.parent = element;
    try {
      fill();
    } finally {
      this.parent = saved;
      element.end();
    }
  }

  /** Drawing that is content of the current element (pdfkit runs the closure at once, inside a marked-content sequence). */
  private content(draw: () => void): void {
    if (!this.parent) throw new Error('content drawn outside the structure tree');
    this.parent.add(draw);
  }

  /** Drawing that is decoration, not content: readers skip it. */
  artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    const { doc } = this.ctx;
    doc.markContent('Artifact', { type });
    try {
      draw();
    } finally {
      doc.endMarkedContent();
    }
  }

  /** The font (and glyph) to draw one character with: its face, a fallback, or U+FFFD when none has it. */
  private fontFor(ch: string, primary: LoadedFont): { font: LoadedFont; glyph: string } {
    const { fonts } = this.ctx;
    const cp = ch.codePointAt(0)!;
    if (ch === '\n' || ch === ' ' || ch === '\u00ad' || covers(primary, cp)) return { font: primary, glyph: ch };
    // Unusual spaces (ideographic, thin…) that a font lacks are still spaces.
    if (/\s/u.test(ch)) return { font: primary, glyph: ' ' };
    const fallback = fonts.fallbacks.find((f) => covers(f, cp));
    if (fallback) return { font: fallback, glyph: ch };
    this.ctx.onMissingGlyph(ch);
    return { font: covers(primary, 0xfffd) ? primary : fonts.faces.sans, glyph: '\ufffd' };
  }

  /** Split runs into segments of one font each, by which font covers each character. */
  private segments(runs: readonly Run[], style: Style): Segment[] {
    const out: Segment[] = [];
    for (const run of runs) {
      const primary = this.ctx.fonts.faces[faceFor(style, run)];
      for (const ch of clean(style.upper ? run.text.toLocaleUpperCase() : run.text)) {
        const { font, glyph } = this.fontFor(ch, primary);
        const last = out[out.length - 1];
        if (last && last.font === font && last.link === run.link) last.text += glyph;
        else out.push({ text: glyph, font, ...(run.link ? { link: run.link } : {}) });
      }
    }
    return out.filter((s) => s.text.length > 0);
  }

  /**
   * Add a heading to the outline, nested by depth. Items are expanded so that
   * every level carries the /Count entry that PDF/A validators require.
   */
  private bookmark(title: string, depth: number): void {
    const text = clean(title).replace(/\s+/gu, ' ').trim();
    if (!text) return;
    const { doc } = this.ctx;
    (doc.outline as unknown as { options: object }).options = { expanded: true };
    while (this.outlineStack.length > 0 && this.outlineStack[this.outlineStack.length - 1]!.depth >= depth) this.outlineStack.pop();
    const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? doc.outline;
    const item = parent.addItem(text, { expanded: true });
    this.outlineStack.push({ depth, item });
  }

  /** Start a new page when fewer than `needed` points remain. */
  private keep(needed: number): void {
    const { doc } = this.ctx;
    if (doc.y + needed > doc.page.maxY()) doc.addPage();
  }

  /**
   * No widows or orphans: measure the paragraph, and when it would leave a
   * single line at the foot of this page, start it on the next; when it would
   * carry a single line over, end this page a line early (by lifting the foot
   * of this page while the paragraph is set). Returns the undo for the lift.
   */
  private keepLines(text: string, style: Style, box: Box): () => void {
    const { doc } = this.ctx;
    this.use(this.ctx.fonts.faces[style.face]);
    doc.fontSize(style.size);
    const lineHeight = doc.currentLineHeight(true);
    const step = lineHeight + style.lineGap;
    // Measuring sets the paragraph twice: skip it when even lines of 1 em per character would fit.
    const breaks = (text.match(/\n/gu) ?? []).length;
    const atMost = Math.ceil(([...text].length * (style.size + (style.spacing ?? 0))) / box.width) + breaks + 1;
    if (doc.y + atMost * step <= doc.page.maxY()) return () => {};
    const lines = Math.round(doc.heightOfString(text, { width: box.width, lineGap: style.lineGap, characterSpacing: style.spacing ?? 0 }) / step);
    const top = doc.y;
    const foot = doc.page.maxY();
    const fitting = top + lineHeight > foot ? 0 : Math.floor((foot - top - lineHeight) / step) + 1;
    const none = (): void => {};
    if (lines <= fitting || fitting === 0) return none;
    const carried = lines - fitting;
    if (fitting < KEEP_LINES || (carried < KEEP_LINES && fitting - (KEEP_LINES - carried) < KEEP_LINES)) {
      doc.addPage();
      return none;
    }
    if (carried >= KEEP_LINES) return none;
    const keepHere = fitting - (KEEP_LINES - carried);
    const page = doc.page;
    const saved = page.margins.bottom;
    page.margins.bottom = page.height - (top + (keepHere - 1) * step + lineHeight + 0.5);
    return () => {
      page.margins.bottom = saved;
    };
  }

  private paragraph(runs: readonly Run[], style: Style, box: Box, role = 'P'): void {
    const { doc } = this.ctx;
    const plain = runs.map((r) => r.text).join('');
    const lang = blockLanguage(plain, this.ctx.language);
    const justified = style.align === 'justify' && this.ctx.hyphenation;
    const set = justified ? runs.map((r) => (r.mono ? r : { ...r, text: hyphenate(r.text, lang ?? this.ctx.language) })) : runs;
    const segments = this.segments(set, style);
    // Trim the paragraph's outer white space: leading blanks would indent the first line.
    const first = segments[0];
    if (first) first.text = first.text.replace(/^[ \n]+/u, '');
    const last = segments[segments.length - 1];
    if (last) last.text = last.text.replace(/[ \n]+$/u, '');
    const drawn = segments.filter((s) => s.text.length > 0);
    if (drawn.length === 0) return;
    for (const seg of drawn) prefetchWords(seg.font.font, wordKeys(seg.text, style.align === 'justify'));
    doc.y += style.before;
    doc.x = box.x;
    const release = role === 'P' || role === 'Code' ? this.keepLines(drawn.map((s) => s.text).join(''), style, box) : () => {};
    try {
      this.element(role, lang ? { lang } : {}, () => {
        drawn.forEach((seg, i) => {
          // A fragment that ends in a hard break ends its line (continued: false) and the next starts
          // afresh at the left edge: pdfkit carries a continued fragment's x past a break it ends with,
          // so a link after "Name, role\" would start mid-page.
          const endsLine = i < drawn.length - 1 && seg.text.endsWith('\n');
          const fresh = i === 0 || drawn[i - 1]!.text.endsWith('\n');
          const draw = (): void => {
            this.use(seg.font);
            doc.fontSize(style.size).fillColor(seg.link ? (this.ctx.brand?.accent ?? ACCENT) : style.color);
            const options: PDFKit.Mixins.TextOptions = {
              width: box.width,
              align: style.align,
              lineGap: style.lineGap,
              continued: i < drawn.length - 1 && !endsLine,
              characterSpacing: style.spacing ?? 0,
              link: seg.link ?? null,
              underline: seg.link !== undefined,
            };
            // The line's own end is the break: drop one "\n" (an empty line stays a space, so it still advances).
            const text = endsLine ? seg.text.slice(0, -1) || ' ' : seg.text;
            if (fresh) doc.text(text, box.x, doc.y, options);
            else doc.text(text, options);
          };
          if (seg.link === undefined) {
            this.content(draw);
            return;
          }
          const description = `${seg.text.replace(/[\u00ad\u200b]/gu, '').replace(/\s+/gu, ' ').trim()} (${seg.link})`;
          this.ctx.hooks.linkDescription = description;
          try {
            this.parent!.add(doc.struct('Link', { alt: description }, [draw]));
          } finally {
            this.ctx.hooks.linkDescription = null;
          }
        });
      });
    } finally {
      release();
    }
    doc.x = box.x;
    doc.y += style.after;
  }

  private list(node: List, box: Box, style: Style): void {
    const { doc } = this.ctx;
    const indent = 18;
    this.element('L', {}, () => {
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}.` : '•';
        const inner: Box = { x: box.x + indent, width: box.width - indent };
        this.keep(style.size * 2.5);
        this.element('LI', {}, () => {
          const top = doc.y;
          const page = doc.page;
          this.element('Lbl', {}, () =>
            this.content(() => {
              this.use(this.ctx.fonts.faces[style.face]);
              doc.fontSize(style.size).fillColor(style.color).text(marker, box.x, top, { width: indent - 4, lineBreak: false });
            }),
          );
          if (doc.page === page) doc.y = top;
          this.element('LBody', {}, () => {
            item.children.forEach((child, c) => {
              this.block(child, inner, { ...style, align: 'left', after: c === item.children.length - 1 ? 4 : style.after });
            });
          });
        });
      });
    });
    doc.y += style.after - 4;
  }

  /**
   * An image on its own: as wide as the text at most, never larger than its
   * natural size at 96 dpi nor taller than the page's text area, on the next
   * page when it does not fit in what is left of this one, its caption
   * below. Tagged as a Figure whose /Alt is the alt text, holding the image
   * and its Caption; an image without alt text is decoration (an artifact)
   * and its caption a plain paragraph. An image that is not embedded is a
   * placeholder line, "[Image: alt]" ("Image" in the document's language).
   */
  private figure(node: Image, box: Box): void {
    const { doc } = this.ctx;
    const alt = altOf(node);
    const caption = captionOf(node);
    const figure = this.ctx.image?.(node.url);
    if (!figure) {
      this.paragraph([{ ...PLAIN, text: imageLabel(this.ctx.imageWord, alt || caption || node.url) }], { ...STYLES['caption']!, after: BODY.after }, box);
      return;
    }
    const style = STYLES['caption']!;
    const captionRuns: Run[] = caption ? [{ ...PLAIN, text: caption }] : [];
    let captionHeight = 0;
    if (caption) {
      this.use(this.ctx.fonts.faces[style.face]);
      doc.fontSize(style.size);
      captionHeight = FIGURE_GAP.caption + doc.heightOfString(caption, { width: box.width, lineGap: style.lineGap });
    }
    const area = doc.page.maxY() - doc.page.margins.top - FIGURE_GAP.before - captionHeight;
    const naturalWidth = figure.width * PX;
    const naturalHeight = figure.height * PX;
    const scale = Math.min(1, box.width / naturalWidth, Math.max(area, 36) / naturalHeight);
    const width = naturalWidth * scale;
    const height = naturalHeight * scale;
    this.keep(FIGURE_GAP.before + height + captionHeight);
    doc.y += FIGURE_GAP.before;
    const top = doc.y;
    const left = box.x + (box.width - width) / 2;
    const draw = (): void => {
      doc.image(figure.image, left, top, { width, height });
    };
    const setCaption = (role: string): void => {
      doc.y = top + height + FIGURE_GAP.caption;
      if (caption) this.paragraph(captionRuns, style, box, role);
    };
    if (alt) {
      this.element('Figure', { alt }, () => {
        this.content(draw);
        setCaption('Caption');
      });
    } else {
      this.artifact('Layout', draw);
      setCaption('P');
    }
    doc.x = box.x;
    doc.y = Math.max(doc.y, top + height) + FIGURE_GAP.after;
  }

  private rule(box: Box, color: Rgb = [201, 201, 209]): void {
    const { doc } = this.ctx;
    this.keep(12);
    doc.y += 4;
    this.artifact('Layout', () => {
      doc.moveTo(box.x, doc.y).lineTo(box.x + box.width, doc.y).lineWidth(0.6).strokeColor(color).stroke();
    });
    doc.y += 8;
  }

  private heading(node: Heading, box: Box, style: Style): void {
    this.keep(style.size * 2 + BODY.size * 3);
    const runs = runsOf(node.children, PLAIN, this.ctx.imageWord);
    if (this.ctx.outline) this.bookmark(runs.map((r) => r.text).join(''), node.depth);
    this.paragraph(runs, style, box, `H${node.depth}`);
  }

  /**
   * The letterhead logo: a Figure whose /Alt is the organisation's name, with
   * its bounding box (PDF/UA asks for one), or an artifact when it names
   * nobody (then it is decoration). pdfkit embeds it as an image XObject.
   */
  private logo(box: Box): void {
    const logo = this.ctx.brand?.logo;
    if (!logo) return;
    const { doc } = this.ctx;
    this.keep(logo.height);
    const x = box.x;
    const y = doc.y;
    const draw = (): void => {
      doc.image(Buffer.from(logo.image), x, y, { width: logo.width, height: logo.height });
    };
    if (logo.alt) this.element('Figure', { alt: logo.alt, bbox: [x, y, x + logo.width, y + logo.height], placement: 'Block' }, () => this.content(draw));
    else this.artifact('Layout', draw);
    doc.x = box.x;
    doc.y = y + logo.height + 10;
  }

  block(node: RootContent, box: Box, style: Style = this.styleOf('body')): void {
    const { doc } = this.ctx;
    switch (node.type) {
      case 'heading':
        this.heading(node, box, this.styleOf(node.depth === 1 ? 'title' : node.depth === 2 ? 'h2' : 'h3'));
        break;
      case 'paragraph': {
        const image = figureImage(node);
        if (image) this.figure(image, box);
        else this.paragraph(runsOf(node.children, PLAIN, this.ctx.imageWord), style, box);
        break;
      }
      case 'blockquote': {
        const inner: Box = { x: box.x + 14, width: box.width - 14 };
        const top = doc.y;
        const page = doc.page;
        this.element('BlockQuote', {}, () => {
          for (const child of node.children) this.block(child, inner, this.styleOf('quote'));
        });
        if (doc.page === page) {
          this.artifact('Layout', () => {
            doc.moveTo(box.x + 3, top).lineTo(box.x + 3, doc.y - BODY.after).lineWidth(1.5).strokeColor([201, 201, 209]).stroke();
          });
        }
        break;
      }
      case 'list':
        this.list(node, box, style);
        break;
      case 'code':
        this.paragraph([{ text: node.value, bold: false, italic: false, mono: true }], this.styleOf('code'), box, 'Code');
        break;
      case 'thematicBreak':
        this.rule(box);
        break;
      case 'table':
        // Rows are set as lines of text with the cells divided by bars, and tagged as such.
        this.element('Div', {}, () => {
          for (const row of node.children) {
            const runs: Run[] = [];
            row.children.forEach((cell, i) => {
              if (i > 0) runs.push({ ...PLAIN, text: ' | ' });
              runsOf(cell.children, PLAIN, this.ctx.imageWord, runs);
            });
            this.paragraph(runs, { ...style, align: 'left', after: 3 }, box);
          }
        });
        doc.y += style.after;
        break;
      case 'containerDirective':
        this.directive(node, box);
        break;
      default:
        if ('children' in node) for (const child of node.children as RootContent[]) this.block(child, box, style);
    }
  }

  private directive(node: ContainerDirective, box: Box): void {
    if (node.name === 'logo') {
      this.logo(box);
      return;
    }
    const style = this.styleOf(node.name);
    // One rule between the body and what closes the release, before the first closing block.
    if (CLOSING.has(node.name) && !this.closed) {
      this.closed = true;
      this.rule(box);
    }
    if (node.name === 'endmark') this.keep(style.size * 2);
    for (const child of node.children as RootContent[]) {
      // A closing block's heading ("About Acme") is a real H2, set small like the block.
      if (child.type === 'heading' && CLOSING.has(node.name)) this.heading(child, box, this.styleOf('closingHeading'));
      else this.block(child, box, style);
    }
  }

  /** The height a directive's paragraphs will take, measured in their style's main font. */
  private estimate(node: ContainerDirective, box: Box): number {
    const { doc } = this.ctx;
    const style = this.styleOf(node.name);
    this.use(this.ctx.fonts.faces[style.face]);
    doc.fontSize(style.size);
    return node.children.reduce((sum, child) => {
      const text = child.type === 'paragraph' || child.type === 'heading' ? runsOf(child.children, PLAIN, this.ctx.imageWord).map((r) => r.text).join('') : '';
      return sum + style.before + style.after + (text ? doc.heightOfString(text, { width: box.width, lineGap: style.lineGap }) : 0);
    }, 0);
  }

  /** One line of page furniture, cut with an ellipsis rather than wrapped. Draw it inside an artifact. */
  drawLine(text: string, style: Style, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): void {
    const { doc } = this.ctx;
    const segments = this.segments([{ ...PLAIN, text: text.replace(/\s+/gu, ' ') }], style);
    const measure = (): number =>
      segments.reduce((w, s) => {
        this.use(s.font);
        return w + doc.fontSize(style.size).widthOfString(s.text);
      }, 0);
    while (segments.length > 0 && measure() > width) {
      const last = segments[segments.length - 1]!;
      last.text = last.text.replace(/.?…?$/u, '…');
      if (last.text === '…') segments.pop();
    }
    let cursor = align === 'right' ? x + width - measure() : x;
    for (const seg of segments) {
      this.use(seg.font);
      doc.fontSize(style.size).fillColor(style.color).text(seg.text, cursor, y, { lineBreak: false });
      cursor += doc.widthOfString(seg.text);
    }
  }

  typeset(tree: Root): void {
    const { doc } = this.ctx;
    const box: Box = { x: doc.page.margins.left, width: doc.page.width - doc.page.margins.left - doc.page.margins.right };
    this.element('Document', {}, () => {
      tree.children.forEach((node, i) => {
        // The last closing block and the end mark stay together: never a lone "###" on a last page.
        if (node.type === 'containerDirective' && CLOSING.has(node.name)) {
          const next = tree.children[i + 1];
          this.keep(this.estimate(node, box) + (next && isDirective(next, 'endmark') ? this.estimate(next, box) : 0) + 12);
        }
        this.block(node, box);
      });
    });
  }
}
