/**
 * Running header and footer, drawn after layout when the page count is known.
 * They are page furniture, so they are marked as pagination artifacts: a
 * screen reader does not read "Page 2 of 3" in the middle of a sentence.
 */
import type { FontSet } from './fonts.js';
import type { PdfDocument } from './metadata.js';
import { Typesetter, type Style, type TypesetContext } from './typeset.js';

export interface Furniture {
  /** Running header for pages after the first. */
  header: string;
  /** Left footer (issuer), may be empty. */
  footerLeft: string;
  /** "Page {n} of {m}". */
  pageLabel: (n: number, m: number) => string;
  /** The brand's footer line (address, website), under the footer on every page; may be empty. */
  footerLine?: string;
}

const STYLE: Style = { face: 'sans', size: 8, color: [74, 74, 85], lineGap: 0, align: 'left', before: 0, after: 0 };

/** The bottom margin is lifted while drawing so pdfkit does not start a new page. */
export function drawFurniture(doc: PdfDocument, fonts: FontSet, furniture: Furniture, context: Omit<TypesetContext, 'doc' | 'fonts' | 'outline'>): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  const setter = new Typesetter({ ...context, doc, fonts, outline: false });
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const saved = margins.bottom;
    margins.bottom = 0;
    const width = doc.page.width - margins.left - margins.right;
    const footerY = doc.page.height - saved / 2 - 4;
    setter.artifact('Pagination', () => {
      if (i > range.start && furniture.header) setter.drawLine(furniture.header, STYLE, margins.left, saved / 2 - 4, width);
      if (furniture.footerLeft) setter.drawLine(furniture.footerLeft, STYLE, margins.left, footerY, width * 0.7);
      setter.drawLine(furniture.pageLabel(i - range.start + 1, total), STYLE, margins.left + width * 0.7, footerY, width * 0.3, 'right');
      if (furniture.footerLine) setter.drawLine(furniture.footerLine, STYLE, margins.left, footerY + STYLE.size + 3, width);
    });
    margins.bottom = saved;
  }
}
