/**
 * Layout mdast → pdfkit drawing. Blocks flow down the page; pdfkit wraps lines
 * and breaks pages. Every run of text is split by font coverage so that each
 * character is drawn with a font that has it; a character no font has is
 * reported and drawn as U+FFFD, never as .notdef (which PDF/A forbids).
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { List, PhrasingContent, Root, RootContent } from 'mdast';
import { covers, type Face, type FontSet, type LoadedFont } from './fonts.js';
import type { PdfDocument } from './metadata.js';

type Rgb = [number, number, number];

interface Style {
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

const INK: Rgb = [27, 27, 31];
const MUTED: Rgb = [74, 74, 85];
const ACCENT: Rgb = [29, 79, 145];

const BODY: Style = { face: 'serif', size: 11, color: INK, lineGap: 3.5, align: 'justify', before: 0, after: 9 };

/** Styles by block role: directive names from the template, and Markdown block kinds. */
const STYLES: Record<string, Style> = {
  body: BODY,
  letterhead: { face: 'sansBold', size: 9, color: MUTED, lineGap: 2, align: 'left', before: 0, after: 4, upper: true, spacing: 0.4 },
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
  endmark: { face: 'sans', size: 10, color: MUTED, lineGap: 2, align: 'center', before: 6, after: 0, spacing: 2 },
};

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

function runsOf(nodes: readonly PhrasingContent[], base: Omit<Run, 'text'>, out: Run[] = []): Run[] {
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
        runsOf(node.children, { ...base, bold: true }, out);
        break;
      case 'emphasis':
        runsOf(node.children, { ...base, italic: true }, out);
        break;
      case 'link':
        runsOf(node.children, { ...base, link: node.url }, out);
        break;
      case 'image':
        out.push({ ...base, text: `[Image: ${node.alt ?? ''}]` });
        break;
      case 'html':
        break;
      default:
        if ('children' in node) runsOf(node.children as PhrasingContent[], base, out);
        else if ('value' in node) out.push({ ...base, text: String((node as { value: unknown }).value) });
    }
  }
  return out;
}

function faceFor(style: Style, run: Run): Face {
  if (run.mono) return 'mono';
  const sans = style.face.startsWith('sans');
  const bold = run.bold || style.face.endsWith('Bold') || style.face === 'serifBoldItalic';
  const italic = run.italic || style.face.endsWith('Italic');
  if (sans) return bold ? 'sansBold' : 'sans';
  if (bold && italic) return 'serifBoldItalic';
  if (bold) return 'serifBold';
  if (italic) return 'serifItalic';
  return 'serif';
}

export class Typesetter {
  private readonly ctx: TypesetContext;
  private readonly registered = new Set<string>();
  /** Open outline items by heading depth, so deeper headings nest under shallower ones. */
  private readonly outlineStack: { depth: number; item: PDFKit.PDFOutline }[] = [];

  constructor(ctx: TypesetContext) {
    this.ctx = ctx;
  }

  private use(font: LoadedFont): void {
    const { doc } = this.ctx;
    if (!this.registered.has(font.name)) {
      doc.registerFont(font.name, font.font as unknown as PDFKit.Mixins.PDFFontSource);
      this.registered.add(font.name);
    }
    doc.font(font.name);
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

  private paragraph(runs: readonly Run[], style: Style, box: Box): void {
    const { doc } = this.ctx;
    const segments = this.segments(runs, style);
    // Trim the paragraph's outer white space: leading blanks would indent the first line.
    const first = segments[0];
    if (first) first.text = first.text.replace(/^[ \n]+/u, '');
    const last = segments[segments.length - 1];
    if (last) last.text = last.text.replace(/[ \n]+$/u, '');
    const drawn = segments.filter((s) => s.text.length > 0);
    if (drawn.length === 0) return;
    doc.y += style.before;
    doc.x = box.x;
    drawn.forEach((seg, i) => {
      this.use(seg.font);
      doc.fontSize(style.size).fillColor(seg.link ? ACCENT : style.color);
      const options: PDFKit.Mixins.TextOptions = {
        width: box.width,
        align: style.align,
        lineGap: style.lineGap,
        continued: i < drawn.length - 1,
        characterSpacing: style.spacing ?? 0,
        link: seg.link ?? null,
        underline: seg.link !== undefined,
      };
      if (i === 0) doc.text(seg.text, box.x, doc.y, options);
      else doc.text(seg.text, options);
    });
    doc.x = box.x;
    doc.y += style.after;
  }

  private list(node: List, box: Box, style: Style): void {
    const { doc } = this.ctx;
    const indent = 18;
    node.children.forEach((item, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}.` : '•';
      const inner: Box = { x: box.x + indent, width: box.width - indent };
      this.keep(style.size * 2.5);
      const top = doc.y;
      const page = doc.page;
      this.use(this.ctx.fonts.faces[style.face]);
      doc.fontSize(style.size).fillColor(style.color).text(marker, box.x, top, { width: indent - 4, lineBreak: false });
      if (doc.page === page) doc.y = top;
      item.children.forEach((child, c) => {
        this.block(child, inner, { ...style, align: 'left', after: c === item.children.length - 1 ? 4 : style.after });
      });
    });
    doc.y += style.after - 4;
  }

  private rule(box: Box, color: Rgb = [201, 201, 209]): void {
    const { doc } = this.ctx;
    this.keep(12);
    doc.y += 4;
    doc.moveTo(box.x, doc.y).lineTo(box.x + box.width, doc.y).lineWidth(0.6).strokeColor(color).stroke();
    doc.y += 8;
  }

  block(node: RootContent, box: Box, style: Style = BODY): void {
    const { doc } = this.ctx;
    switch (node.type) {
      case 'heading': {
        const role = node.depth === 1 ? 'title' : node.depth === 2 ? 'h2' : 'h3';
        const headingStyle = STYLES[role]!;
        this.keep(headingStyle.size * 2 + BODY.size * 3);
        const runs = runsOf(node.children, { bold: false, italic: false, mono: false });
        if (this.ctx.outline) this.bookmark(runs.map((r) => r.text).join(''), node.depth);
        this.paragraph(runs, headingStyle, box);
        break;
      }
      case 'paragraph':
        this.paragraph(runsOf(node.children, { bold: false, italic: false, mono: false }), style, box);
        break;
      case 'blockquote': {
        const inner: Box = { x: box.x + 14, width: box.width - 14 };
        const top = doc.y;
        const page = doc.page;
        for (const child of node.children) this.block(child, inner, STYLES['quote']!);
        if (doc.page === page) {
          doc.moveTo(box.x + 3, top).lineTo(box.x + 3, doc.y - BODY.after).lineWidth(1.5).strokeColor([201, 201, 209]).stroke();
        }
        break;
      }
      case 'list':
        this.list(node, box, style);
        break;
      case 'code':
        this.paragraph([{ text: node.value, bold: false, italic: false, mono: true }], STYLES['code']!, box);
        break;
      case 'thematicBreak':
        this.rule(box);
        break;
      case 'table':
        for (const row of node.children) {
          const runs: Run[] = [];
          row.children.forEach((cell, i) => {
            if (i > 0) runs.push({ text: ' | ', bold: false, italic: false, mono: false });
            runsOf(cell.children, { bold: false, italic: false, mono: false }, runs);
          });
          this.paragraph(runs, { ...style, align: 'left', after: 3 }, box);
        }
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
    const style = STYLES[node.name] ?? BODY;
    if (node.name === 'contact') this.rule(box);
    if (node.name === 'endmark') this.keep(style.size * 2);
    for (const child of node.children as RootContent[]) this.block(child, box, style);
  }

  /** One line of page furniture, cut with an ellipsis rather than wrapped. */
  drawLine(text: string, style: Style, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): void {
    const { doc } = this.ctx;
    const segments = this.segments([{ text: text.replace(/\s+/gu, ' '), bold: false, italic: false, mono: false }], style);
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
    for (const node of tree.children) this.block(node, box);
  }
}

export interface Furniture {
  /** Running header for pages after the first. */
  header: string;
  /** Left footer (issuer), may be empty. */
  footerLeft: string;
  /** "Page {n} of {m}". */
  pageLabel: (n: number, m: number) => string;
}

/**
 * Running header and footer, drawn after layout when the page count is known.
 * The bottom margin is lifted while drawing so pdfkit does not start a new page.
 */
export function drawFurniture(doc: PdfDocument, fonts: FontSet, furniture: Furniture, onMissingGlyph: (c: string) => void): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  const setter = new Typesetter({ doc, fonts, onMissingGlyph, outline: false });
  const style: Style = { face: 'sans', size: 8, color: MUTED, lineGap: 0, align: 'left', before: 0, after: 0 };
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const saved = margins.bottom;
    margins.bottom = 0;
    const width = doc.page.width - margins.left - margins.right;
    const footerY = doc.page.height - saved / 2 - 4;
    if (i > range.start && furniture.header) {
      setter.drawLine(furniture.header, style, margins.left, saved / 2 - 4, width);
    }
    if (furniture.footerLeft) setter.drawLine(furniture.footerLeft, style, margins.left, footerY, width * 0.7);
    setter.drawLine(furniture.pageLabel(i - range.start + 1, total), style, margins.left + width * 0.7, footerY, width * 0.3, 'right');
    margins.bottom = saved;
  }
}
