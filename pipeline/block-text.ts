/**
 * A block's words as text, for counting and for one-line summaries. The words
 * of a paragraph run together as written, but separate blocks (list items,
 * quoted paragraphs, table cells) are joined with a space:
 * mdast-util-to-string alone glues the last word of one item to the first of
 * the next ("firstSecond"), which both misprints them and miscounts them.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Nodes whose children are words (phrasing), which run together as written. */
const PHRASING_HOLDERS = new Set(['paragraph', 'heading', 'tableCell']);

export function blockText(node: Nodes): string {
  if (!('children' in node) || PHRASING_HOLDERS.has(node.type)) return toString(node, { includeHtml: false });
  return (node.children as Nodes[]).map(blockText).join(' ');
}
