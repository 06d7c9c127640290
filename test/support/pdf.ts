/** Reading PDFs back through pdfjs-dist, a real PDF reader. */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: number;
  /** Text per page, items joined by their own line structure. */
  text: string[];
  info: Record<string, unknown>;
  xmp: string | null;
  fonts: { name: string; embedded: boolean }[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const text: string[] = [];
  const fonts = new Map<string, boolean>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, k) => {
      if (fn !== OPS.setFont) return;
      const font = page.commonObjs.get(ops.argsArray[k][0]) as { name: string; missingFile: boolean };
      fonts.set(font.name, !font.missingFile);
    });
  }
  const meta = await doc.getMetadata();
  const raw = (meta.metadata as unknown as { getRaw?: () => string } | null)?.getRaw?.() ?? null;
  const result = { pages: doc.numPages, text, info: meta.info as Record<string, unknown>, xmp: raw, fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })) };
  await doc.destroy();
  return result;
}

/** Collapse white space and undo hyphenation/line breaks so text can be compared to the source. */
export function flat(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
