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

/** One page's logical view through pdfjs: its structure tree, and which text sits in which marked content. */
export interface TaggedPage {
  width: number;
  height: number;
  tree: StructTreeNode | null;
  /** Text by marked-content id ("p10R_mc3"); artifacts are collected under "artifact". */
  text: Map<string, { str: string; x: number; y: number; width: number }[]>;
  /** Glyphs drawn with character code 0, the .notdef of pdfkit's subset fonts. */
  notdef: number;
}

export interface StructTreeNode {
  role: string;
  lang?: string;
  alt?: string;
  children: (StructTreeNode | { type: 'content'; id: string } | { type: 'annotation'; id: string })[];
}

export async function readTagged(bytes: Uint8Array): Promise<{ pages: TaggedPage[]; attachments: Record<string, { filename: string; content: Uint8Array; description?: string }> | null }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const pages: TaggedPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent({ includeMarkedContent: true });
    const text = new Map<string, { str: string; x: number; y: number; width: number }[]>();
    const open: string[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        const marked = item as { type: string; tag?: string; id?: string | null };
        if (marked.type === 'beginMarkedContentProps' || marked.type === 'beginMarkedContent') open.push(marked.tag === 'Artifact' ? 'artifact' : (marked.id ?? `untagged:${marked.tag}`));
        else if (marked.type === 'endMarkedContent') open.pop();
        continue;
      }
      if (!item.str) continue;
      const key = open.includes('artifact') ? 'artifact' : (open[open.length - 1] ?? 'untagged');
      text.set(key, [...(text.get(key) ?? []), { str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }]);
    }
    const ops = await page.getOperatorList();
    let notdef = 0;
    ops.fnArray.forEach((fn, k) => {
      if (fn !== OPS.showText) return;
      for (const glyph of ops.argsArray[k][0] as ({ originalCharCode: number } | number)[]) if (typeof glyph === 'object' && glyph.originalCharCode === 0) notdef++;
    });
    const tree = ((await page.getStructTree()) as unknown as StructTreeNode | null) ?? null;
    pages.push({ width, height, tree, text, notdef });
  }
  const attachments = (await doc.getAttachments()) as Record<string, { filename: string; content: Uint8Array; description?: string }> | null;
  await doc.destroy();
  return { pages, attachments };
}

/** The Document element's children (pdfjs puts it under a Root). */
export function documentElement(tree: StructTreeNode | null): StructTreeNode | undefined {
  const root = tree?.children[0];
  return root && 'role' in root && root.role === 'Document' ? root : undefined;
}

export function contentIds(node: StructTreeNode): string[] {
  return node.children.flatMap((c) => ('role' in c ? contentIds(c) : c.type === 'content' ? [c.id] : []));
}

/** An image XObject as drawn on a page: its pixel size and which one it is (the same object drawn twice has one id). */
export interface DrawnImage {
  page: number;
  id: string;
  width: number;
  height: number;
  /** The size it is set at, in points (from the matrix pdfkit sets just before drawing it). */
  placed: { width: number; height: number };
}

/** Every image drawn, page by page, from pdfjs's operator lists. */
export async function drawnImages(bytes: Uint8Array): Promise<DrawnImage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const drawn: DrawnImage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    let matrix = [1, 0, 0, 1, 0, 0];
    ops.fnArray.forEach((fn, k) => {
      if (fn === OPS.transform) matrix = ops.argsArray[k] as number[];
      if (fn !== OPS.paintImageXObject) return;
      const [id, width, height] = ops.argsArray[k] as [string, number, number];
      drawn.push({ page: i, id, width, height, placed: { width: Math.abs(matrix[0]!), height: Math.abs(matrix[3]!) } });
    });
  }
  await doc.destroy();
  return drawn;
}

/**
 * PDF names used in the file's object dictionaries ("/SMask", "/DeviceCMYK").
 * pdfkit writes dictionaries uncompressed (only streams are deflated), so a
 * name no dictionary uses is absent from the bytes.
 */
export function pdfNames(bytes: Uint8Array): Set<string> {
  return new Set(Buffer.from(bytes).toString('latin1').match(/\/[A-Za-z][A-Za-z0-9]*/gu) ?? []);
}
